from lib import t, lines

# --- async I/O, handlers, repositories -----------------------------------------------------------------------
t('medium', 'test-generation', 'Tests for the avatar upload handler; mock the S3 client.', [('src/routes/avatar.ts', '''
import type { FastifyInstance } from 'fastify';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export function avatarRoutes(app: FastifyInstance, s3: S3Client, bucket: string) {
  app.post('/users/:id/avatar', async (req, reply) => {
    const file = await req.file();
    if (!file) return reply.code(400).send({ error: 'no file' });
    if (!['image/png', 'image/jpeg'].includes(file.mimetype)) return reply.code(415).send({ error: 'unsupported type' });
    const body = await file.toBuffer();
    if (body.length > 2_000_000) return reply.code(413).send({ error: 'too large' });
    const key = `avatars/${(req.params as { id: string }).id}.${file.mimetype === 'image/png' ? 'png' : 'jpg'}`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: file.mimetype }));
    return reply.code(201).send({ key });
  });
}''')])
t('medium', 'test-generation', 'Write tests for the OrderRepository using pg-mem or a mocked pool.', [('src/db/orders.ts', '''
import type { Pool } from 'pg';

export interface Order { id: string; customerId: string; totalCents: number; status: 'open' | 'paid' | 'cancelled' }

export class OrderRepository {
  constructor(private readonly pool: Pool) {}

  async get(id: string): Promise<Order | undefined> {
    const r = await this.pool.query('SELECT id, customer_id, total_cents, status FROM orders WHERE id = $1', [id]);
    return r.rows[0] && this.toOrder(r.rows[0]);
  }

  async listByCustomer(customerId: string, limit = 20): Promise<Order[]> {
    const r = await this.pool.query('SELECT id, customer_id, total_cents, status FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT $2', [customerId, limit]);
    return r.rows.map((row) => this.toOrder(row));
  }

  async markPaid(id: string): Promise<boolean> {
    const r = await this.pool.query("UPDATE orders SET status = 'paid' WHERE id = $1 AND status = 'open'", [id]);
    return r.rowCount === 1;
  }

  private toOrder(row: any): Order {
    return { id: row.id, customerId: row.customer_id, totalCents: Number(row.total_cents), status: row.status };
  }
}''')])
t('medium', 'test-generation', 'Integration tests for the /healthz and /readyz endpoints of the worker service.', [('src/health.js', '''
import express from 'express';

export function healthRouter({ db, queue }) {
  const r = express.Router();
  r.get('/healthz', (_req, res) => res.json({ ok: true }));
  r.get('/readyz', async (_req, res) => {
    const checks = {};
    try { await db.query('SELECT 1'); checks.db = 'ok'; } catch (e) { checks.db = e.message; }
    try { checks.queue = (await queue.ping()) ? 'ok' : 'down'; } catch (e) { checks.queue = e.message; }
    const ready = Object.values(checks).every((v) => v === 'ok');
    res.status(ready ? 200 : 503).json({ ready, checks });
  });
  return r;
}''')], lang='javascript', fw='jest')
t('medium', 'test-generation', 'Tests for fetchWithTimeout; use fake timers and a stubbed fetch.', [('src/net/fetchWithTimeout.ts', '''
export class TimeoutError extends Error {}

export async function fetchWithTimeout(url: string, ms: number, init: RequestInit = {}): Promise<Response> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), ms);
  try {
    return await fetch(url, { ...init, signal: ctrl.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw new TimeoutError(`${url} took longer than ${ms} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}''')])
t('medium', 'test-generation', 'Tests for the settings file loader: missing file, invalid JSON, defaults merged.', [('src/settings.ts', '''
import { readFile } from 'node:fs/promises';

export interface Settings { theme: 'light' | 'dark'; pageSize: number; telemetry: boolean }
const DEFAULTS: Settings = { theme: 'light', pageSize: 25, telemetry: false };

export async function loadSettings(path: string): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ...DEFAULTS };
    throw err;
  }
  let parsed: Partial<Settings>;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${path}: not valid JSON`);
  }
  if (parsed.pageSize !== undefined && (!Number.isInteger(parsed.pageSize) || parsed.pageSize < 1)) throw new Error(`${path}: pageSize must be a positive integer`);
  return { ...DEFAULTS, ...parsed };
}''')])
t('medium', 'test-generation', 'pytest tests for the GitHub client wrapper, mocking requests.', [('app/github_client.py', '''
import requests

class GitHubClient:
    def __init__(self, token: str, base: str = "https://api.github.com"):
        self.base = base
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def open_issues(self, repo: str) -> list[dict]:
        out, page = [], 1
        while True:
            r = self.session.get(f"{self.base}/repos/{repo}/issues", params={"state": "open", "page": page})
            if r.status_code == 404:
                raise LookupError(repo)
            r.raise_for_status()
            batch = r.json()
            if not batch:
                return out
            out.extend(i for i in batch if "pull_request" not in i)
            page += 1
''')], lang=None, fw='pytest')
t('medium', 'test-generation', 'Tests for the email notifier; stub the SMTP transport and the template renderer.', [('src/notify/email.ts', '''
import type { Transporter } from 'nodemailer';

export interface Renderer { render(name: string, vars: Record<string, unknown>): Promise<{ subject: string; html: string }> }

export class EmailNotifier {
  constructor(private readonly mail: Transporter, private readonly tpl: Renderer, private readonly from: string) {}

  async send(to: string, template: string, vars: Record<string, unknown>): Promise<'sent' | 'skipped'> {
    if (!to.includes('@')) return 'skipped';
    const { subject, html } = await this.tpl.render(template, vars);
    try {
      await this.mail.sendMail({ from: this.from, to, subject, html });
      return 'sent';
    } catch (err) {
      if ((err as { responseCode?: number }).responseCode === 550) return 'skipped';
      throw err;
    }
  }
}''')])
t('medium', 'test-generation', 'Go tests for the HTTP handler that returns a product by id (use httptest).', [('internal/api/product.go', '''
package api

import (
	"encoding/json"
	"errors"
	"net/http"
)

type Store interface {
	Product(id string) (*Product, error)
}

var ErrNotFound = errors.New("not found")

func ProductHandler(s Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		if id == "" {
			http.Error(w, "missing id", http.StatusBadRequest)
			return
		}
		p, err := s.Product(id)
		if errors.Is(err, ErrNotFound) {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if err != nil {
			http.Error(w, "internal", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(p)
	}
}
''')], lang=None)

# --- parsers and branching logic -------------------------------------------------------------------------------
t('medium', 'test-generation', 'Tests for the semver range matcher, including prerelease edge cases.', [('src/semver/satisfies.ts', '''
type V = [number, number, number, string | undefined];
function parse(v: string): V {
  const m = /^(\\d+)\\.(\\d+)\\.(\\d+)(?:-([\\w.]+))?$/.exec(v.trim());
  if (!m) throw new Error(`bad version ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4]];
}
function cmp(a: V, b: V): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  if (a[3] === b[3]) return 0;
  if (a[3] === undefined) return 1;
  if (b[3] === undefined) return -1;
  return a[3] < b[3] ? -1 : 1;
}
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split(/\\s+/).every((part) => {
    if (part.startsWith('^')) { const r = parse(part.slice(1)); return cmp(v, r) >= 0 && v[0] === r[0] && (r[0] !== 0 || v[1] === r[1]); }
    if (part.startsWith('~')) { const r = parse(part.slice(1)); return cmp(v, r) >= 0 && v[0] === r[0] && v[1] === r[1]; }
    if (part.startsWith('>=')) return cmp(v, parse(part.slice(2))) >= 0;
    if (part.startsWith('<')) return cmp(v, parse(part.slice(1))) < 0;
    return cmp(v, parse(part)) === 0;
  });
}''')])
t('medium', 'test-generation', 'Tests for the query-string parser: repeated keys, arrays with [], encoded characters, empty values.', [('src/qs.js', '''
export function parseQuery(qs) {
  const out = {};
  for (const pair of qs.replace(/^\\?/, '').split('&')) {
    if (!pair) continue;
    const [rawKey, rawValue = ''] = pair.split('=');
    const key = decodeURIComponent(rawKey.replace(/\\+/g, ' '));
    const value = decodeURIComponent(rawValue.replace(/\\+/g, ' '));
    if (key.endsWith('[]')) {
      const k = key.slice(0, -2);
      (out[k] ??= []).push(value);
    } else if (key in out) {
      out[key] = Array.isArray(out[key]) ? [...out[key], value] : [out[key], value];
    } else {
      out[key] = value;
    }
  }
  return out;
}''')], lang='javascript')
t('medium', 'test-generation', 'Write tests for the duration parser ("1h30m", "90s", "2d").', [('src/time/parseDuration.ts', '''
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number {
  const s = text.trim();
  if (!s) throw new Error('empty duration');
  if (/^\\d+$/.test(s)) return Number(s);
  let total = 0;
  let rest = s;
  const re = /^(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)/;
  while (rest.length) {
    const m = re.exec(rest);
    if (!m) throw new Error(`bad duration "${text}" at "${rest}"`);
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return Math.round(total);
}''')])
t('medium', 'test-generation', 'Tests for the shipping cost rules.', [('src/shipping/cost.ts', '''
export interface Parcel { weightKg: number; country: string; express: boolean; memberTier: 'none' | 'silver' | 'gold' }

export function shippingCost(p: Parcel): number {
  if (p.weightKg <= 0) throw new RangeError('weight must be positive');
  let cost = p.country === 'DE' ? 4.9 : ['AT', 'NL', 'BE', 'FR'].includes(p.country) ? 8.9 : 14.9;
  if (p.weightKg > 5) cost += Math.ceil(p.weightKg - 5) * 1.2;
  if (p.weightKg > 30) throw new RangeError('too heavy for parcel service');
  if (p.express) cost = cost * 1.8 + 3;
  if (p.memberTier === 'gold') cost = p.express ? cost * 0.5 : 0;
  else if (p.memberTier === 'silver' && !p.express) cost *= 0.75;
  return Math.round(cost * 100) / 100;
}''')])
t('medium', 'test-generation', 'Tests for the Markdown heading extractor (table of contents), including code fences and duplicate titles.', [('src/docs/toc.ts', '''
export interface Heading { level: number; text: string; slug: string }

export function extractHeadings(md: string): Heading[] {
  const out: Heading[] = [];
  const seen = new Map<string, number>();
  let inFence = false;
  for (const line of md.split('\\n')) {
    if (/^```/.test(line)) { inFence = !inFence; continue; }
    if (inFence) continue;
    const m = /^(#{1,6})\\s+(.+?)\\s*#*\\s*$/.exec(line);
    if (!m) continue;
    const text = m[2]!.replace(/`/g, '');
    let slug = text.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ +/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    if (n) slug += `-${n}`;
    out.push({ level: m[1]!.length, text, slug });
  }
  return out;
}''')])
t('medium', 'test-generation', 'Tests for the cron expression "next run" helper for the simple subset it supports.', [('src/cron/next.ts', '''
function field(spec: string, min: number, max: number): number[] {
  if (spec === '*') return Array.from({ length: max - min + 1 }, (_, i) => min + i);
  if (spec.startsWith('*/')) { const step = Number(spec.slice(2)); return Array.from({ length: max - min + 1 }, (_, i) => min + i).filter((v) => (v - min) % step === 0); }
  return spec.split(',').map(Number).filter((v) => v >= min && v <= max).sort((a, b) => a - b);
}
export function nextRun(expr: string, from: Date): Date {
  const [m, h] = expr.trim().split(/\\s+/);
  if (!m || !h) throw new Error(`unsupported cron "${expr}"`);
  const minutes = field(m, 0, 59);
  const hours = field(h, 0, 23);
  const d = new Date(from.getTime());
  d.setUTCSeconds(0, 0);
  d.setUTCMinutes(d.getUTCMinutes() + 1);
  for (let i = 0; i < 48 * 60; i++) {
    if (hours.includes(d.getUTCHours()) && minutes.includes(d.getUTCMinutes())) return d;
    d.setUTCMinutes(d.getUTCMinutes() + 1);
  }
  throw new Error('no run within 48h');
}''')])
t('medium', 'test-generation', 'Tests for the LRU cache with TTL.', [('src/cache/ttlLru.ts', '''
export class TtlLru<K, V> {
  private readonly map = new Map<K, { v: V; exp: number }>();
  constructor(private readonly max: number, private readonly ttlMs: number, private readonly now = () => Date.now()) {}
  get(k: K): V | undefined {
    const e = this.map.get(k);
    if (!e) return undefined;
    if (e.exp <= this.now()) { this.map.delete(k); return undefined; }
    this.map.delete(k);
    this.map.set(k, e);
    return e.v;
  }
  set(k: K, v: V): void {
    this.map.delete(k);
    this.map.set(k, { v, exp: this.now() + this.ttlMs });
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
  get size(): number { return this.map.size; }
}''')])
t('medium', 'test-generation', 'Write tests for the Java CSV exporter: quoting, nulls, and the header row.', [('src/main/java/report/CsvExporter.java', '''
package report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

public class CsvExporter {
    private final List<String> columns;

    public CsvExporter(List<String> columns) { this.columns = columns; }

    public void write(Writer out, List<Map<String, Object>> rows) throws IOException {
        out.write(String.join(",", columns));
        out.write("\\r\\n");
        for (Map<String, Object> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) line.append(',');
                Object v = row.get(columns.get(i));
                if (v == null) continue;
                String s = v.toString();
                if (s.contains(",") || s.contains("\\"") || s.contains("\\n")) s = "\\"" + s.replace("\\"", "\\"\\"") + "\\"";
                line.append(s);
            }
            out.write(line.toString());
            out.write("\\r\\n");
        }
    }
}
''')], lang=None)

# --- short code, but the requirements need judgement ------------------------------------------------------
t('medium', 'test-generation', 'Tests for roundHalfEven. Requirements below.', [('src/money/round.ts', '''
export function roundHalfEven(value: number, decimals = 2): number {
  const f = 10 ** decimals;
  const x = value * f;
  const r = Math.round(x);
  return (Math.abs(x % 1) === 0.5 ? (r % 2 === 0 ? r : r - 1) : r) / f;
}''')], reqs=['decide which float inputs the function cannot round correctly and whether the tests should document or reject them', 'negative values must round symmetrically', 'cover values that are not exactly representable in binary'])
t('medium', 'test-generation', 'Write tests for normalizePhone. Product says numbers must be stored in E.164; decide which inputs the tests should treat as valid.', [('src/contact/phone.ts', '''
export function normalizePhone(raw: string, defaultCountry = '49'): string | null {
  const digits = raw.replace(/[^\\d+]/g, '');
  if (digits.startsWith('+')) return digits.length >= 8 ? digits : null;
  if (digits.startsWith('00')) return '+' + digits.slice(2);
  if (digits.startsWith('0')) return '+' + defaultCountry + digits.slice(1);
  return null;
}''')], reqs=['numbers from Austria and Switzerland are common', 'extensions like "x12" appear in imports', 'explain any input where the current behaviour looks wrong'])
t('medium', 'test-generation', 'Tests for splitBill; the sum of the shares must always equal the total and nobody may pay more than one cent more than anyone else.', [('src/bill/split.ts', '''
export function splitBill(totalCents: number, people: number): number[] {
  const base = Math.floor(totalCents / people);
  const rest = totalCents - base * people;
  return Array.from({ length: people }, (_, i) => base + (i < rest ? 1 : 0));
}''')])
t('medium', 'quality-gate', 'Apply our merge rules to this JSON report and say which PRs may be merged.', [('reports/prs.json', '''
{"prs": [
 {"id": 812, "approvals": 2, "ciStatus": "passed", "coverageDelta": -0.4, "touchesMigrations": false, "labels": []},
 {"id": 815, "approvals": 1, "ciStatus": "passed", "coverageDelta": 1.2, "touchesMigrations": true, "labels": ["hotfix"]},
 {"id": 817, "approvals": 2, "ciStatus": "failed", "coverageDelta": 0.0, "touchesMigrations": false, "labels": ["docs-only"]},
 {"id": 820, "approvals": 3, "ciStatus": "passed", "coverageDelta": -2.1, "touchesMigrations": false, "labels": []},
 {"id": 821, "approvals": 0, "ciStatus": "passed", "coverageDelta": 0.3, "touchesMigrations": false, "labels": ["dependabot"]}
]}''')], reqs=['two approvals, or one for hotfixes', 'CI must pass unless the PR is docs-only', 'coverage may drop by at most 1 point', 'migrations need a DBA approval label', 'dependabot PRs need no human approval when CI passes'], lang=None)
t('medium', 'quality-gate', 'Check the release candidate against the gate: coverage >= 80%, no high vulnerabilities, p95 < 400 ms, mutation score >= 60%. Explain each failing check.', [('reports/rc-42.json', '{"coverage": 78.9, "vulnerabilities": {"high": 0, "moderate": 3}, "p95Ms": 412, "mutationScore": 63.5, "flakyTests": 2}')], lang=None)
t('medium', 'quality-gate', 'Define quality gate thresholds for the new payments-ui package from its last ten builds: coverage, lint warnings and bundle size. Justify each number.', [('reports/history.csv', 'build,coverage,lintWarnings,bundleKb\n' + '\n'.join(f'{900 + i},{71 + (i * 3) % 7}.{i},{22 - i},{310 + (i * 11) % 40}' for i in range(10)))], lang=None)
t('medium', 'quality-gate', 'Review this PR checklist result and decide if the PR is ready: lint clean, two failing snapshot tests marked as expected, coverage unchanged, one TODO added in the auth module.', [], lang=None)

# --- flaky diagnosis of one test --------------------------------------------------------------------------
t('medium', 'flaky-test-analysis', 'The "sends reminder" test fails about once in twenty runs. Test and log attached.', [('test/reminder.test.ts', '''
import { scheduleReminder } from '../src/reminder';

test('sends reminder', async () => {
  const sent: string[] = [];
  scheduleReminder({ userId: 'u1', inMs: 50 }, async (id) => { sent.push(id); });
  await new Promise((r) => setTimeout(r, 60));
  expect(sent).toEqual(['u1']);
});'''), ('logs/ci-3321.txt', "FAIL test/reminder.test.ts > sends reminder\nAssertionError: expected [] to deeply equal [ 'u1' ]\n  at test/reminder.test.ts:7:16\nDuration 61ms")])
t('medium', 'flaky-test-analysis', 'This Playwright test times out on CI now and then. Why and how do we make it reliable?', [('e2e/checkout.spec.ts', '''
import { test, expect } from '@playwright/test';

test('pays with saved card', async ({ page }) => {
  await page.goto('/cart');
  await page.click('text=Checkout');
  await page.waitForTimeout(1000);
  await page.click('#saved-card-0');
  await page.click('text=Pay now');
  await expect(page.locator('.toast')).toHaveText('Payment received');
});'''), ('logs/pw.txt', "TimeoutError: page.click: Timeout 30000ms exceeded.\n  waiting for locator('#saved-card-0')\n  - element is not attached to the DOM")], fw='playwright')
t('medium', 'flaky-test-analysis', 'Test "orders are listed newest first" passes locally and fails in CI once or twice a week.', [('test/orders.test.js', '''
it('orders are listed newest first', async () => {
  await createOrder({ id: 'a' });
  await createOrder({ id: 'b' });
  const list = await listOrders();
  expect(list.map((o) => o.id)).toEqual(['b', 'a']);
});'''), ('src/orders.js', '''
export async function createOrder(o) { return db.insert('orders', { ...o, created_at: new Date() }); }
export async function listOrders() { return db.query('SELECT * FROM orders ORDER BY created_at DESC'); }''')], lang='javascript')
t('medium', 'flaky-test-analysis', 'Why does the timezone test fail only on the Singapore build agent?', [('test/report-date.test.ts', "import { reportDate } from '../src/report';\ntest('report date', () => {\n  expect(reportDate(new Date('2026-03-01T20:00:00Z'))).toBe('2026-03-01');\n});"), ('src/report.ts', "export const reportDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;")])

# --- coverage gaps, one package ------------------------------------------------------------------------------
t('medium', 'coverage-analysis', 'Find the untested error paths in the uploads package and propose the tests that matter most.', [('coverage/lcov.info', 'SF:src/uploads/store.ts\nDA:10,5\nDA:14,0\nDA:15,0\nDA:22,5\nDA:30,0\nBRDA:14,0,0,0\nBRDA:14,0,1,5\nend_of_record\nSF:src/uploads/validate.ts\nDA:3,12\nDA:8,0\nend_of_record'), ('src/uploads/store.ts', '''
import { writeFile, rename, unlink } from 'node:fs/promises';
export async function store(tmp: string, dest: string, data: Buffer) {
  try {
    await writeFile(tmp, data);
    await rename(tmp, dest);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC') throw new Error('disk full');
    throw err;
  }
}''')])
t('medium', 'coverage-analysis', 'Branch coverage of the pricing module is 58%. Which uncovered branches are risky and what tests would cover them?', [('coverage/pricing.txt', 'File              | % Stmts | % Branch | % Funcs | Uncovered Line #s\npricing/index.ts  |   88.1  |   58.3   |  100    | 31-34,47,52-55\npricing/rules.ts  |   76.0  |   50.0   |   80    | 12,19-22'), ('src/pricing/rules.ts', '''
export function applyRules(price: number, rules: Array<{ kind: 'pct' | 'abs'; value: number; minQty?: number }>, qty: number) {
  let p = price;
  for (const r of rules) {
    if (r.minQty && qty < r.minQty) continue;
    if (r.kind === 'pct') p -= (p * r.value) / 100;
    else p -= r.value;
    if (p < 0) p = 0;
  }
  return p;
}''')])
t('medium', 'coverage-analysis', 'Compare coverage before and after the refactor and tell us which new functions lost tests.', [('coverage/before.json', '{"src/auth/session.ts": 91, "src/auth/cookies.ts": 88, "src/profile/update.ts": 80}'), ('coverage/after.json', '{"src/auth/session.ts": 90, "src/auth/cookies.ts": 61, "src/auth/cookie-options.ts": 12, "src/profile/update.ts": 82}'), ('diff/summary.txt', 'moved cookie option building from cookies.ts to cookie-options.ts\nadded sameSite handling for embedded iframes')], lang=None)

# --- multi-file modules ------------------------------------------------------------------------------------
t('medium', 'test-generation', 'Tests for the invoice module (three files).', [('src/invoice/lines.ts', "export interface Line { sku: string; qty: number; unitCents: number; vatRate: number }\nexport const lineNet = (l: Line) => l.qty * l.unitCents;\nexport const lineVat = (l: Line) => Math.round(lineNet(l) * l.vatRate);"), ('src/invoice/totals.ts', "import { Line, lineNet, lineVat } from './lines';\nexport function totals(lines: Line[]) {\n  const net = lines.reduce((a, l) => a + lineNet(l), 0);\n  const vat = lines.reduce((a, l) => a + lineVat(l), 0);\n  return { net, vat, gross: net + vat };\n}"), ('src/invoice/render.ts', "import { totals } from './totals';\nimport type { Line } from './lines';\nconst eur = (c: number) => (c / 100).toFixed(2).replace('.', ',') + ' EUR';\nexport function renderInvoice(no: string, lines: Line[]): string {\n  const t = totals(lines);\n  const rows = lines.map((l) => `${l.sku}  ${l.qty} x ${eur(l.unitCents)}`);\n  return [`Invoice ${no}`, ...rows, `Net ${eur(t.net)}`, `VAT ${eur(t.vat)}`, `Total ${eur(t.gross)}`].join('\\n');\n}")])
t('medium', 'defect-analysis', 'The CSV import skips the last row when the file has no trailing newline. Find the bug.', [('src/import/readCsv.ts', '''
import { createReadStream } from 'node:fs';
export async function* readRows(path: string): AsyncGenerator<string[]> {
  let buf = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\\n')) >= 0) {
      const line = buf.slice(0, nl).replace(/\\r$/, '');
      buf = buf.slice(nl + 1);
      if (line) yield line.split(',');
    }
  }
}'''), ('test/readCsv.test.ts', "test('reads all rows', async () => {\n  const rows = [];\n  for await (const r of readRows('fixtures/no-newline.csv')) rows.push(r);\n  expect(rows).toHaveLength(3);\n});")])
t('medium', 'defect-analysis', 'After upgrading to Node 20 our date parsing returns Invalid Date for some inputs. Code and failing inputs attached.', [('src/parseDate.js', "export function parseDate(s) {\n  const [d, m, y] = s.split(/[./-]/);\n  return new Date(`${y}-${m}-${d}`);\n}"), ('data/failing.txt', '1.2.2024\n31.12.2023\n05-6-2025')], lang='javascript')
t('medium', 'defect-analysis', 'Users in Brazil see prices with the wrong separator. Here is the formatting code and a screenshot text.', [('src/price/format.ts', "export function formatPrice(cents: number, locale: string, currency: string) {\n  const v = cents / 100;\n  if (locale.startsWith('en')) return `${currency} ${v.toFixed(2)}`;\n  return new Intl.NumberFormat('de-DE', { style: 'currency', currency }).format(v);\n}"), ('notes/screenshot.txt', 'Total: 1.234,50 R$  (expected R$ 1.234,50)')])
t('medium', 'defect-analysis', 'Diagnose why the nightly report job exits with code 0 but produces no email.', [('src/jobs/nightly.ts', '''
export async function nightly(deps: { db: Db; mailer: Mailer; log: Logger }) {
  const rows = await deps.db.query('SELECT * FROM daily_stats WHERE day = current_date - 1');
  if (!rows.length) { deps.log.info('no stats'); return; }
  const html = render(rows);
  deps.mailer.send({ to: 'ops@example.com', subject: 'Nightly', html });
}'''), ('logs/nightly.log', '03:00:01 INFO job nightly started\n03:00:02 INFO job nightly finished (exit 0)')])

# --- perf and security, single scope ---------------------------------------------------------------------
t('medium', 'performance-testing', 'Write a k6 test for POST /api/orders: 50 VUs for 5 minutes, thresholds on error rate and p95.', [], fw='k6', lang='javascript')
t('medium', 'performance-testing', 'Benchmark the three JSON serializers in this file with tinybench and tell me which one to use for 1 MB payloads.', [('src/serialize.ts', "import fastJson from 'fast-json-stringify';\nexport const a = (o: unknown) => JSON.stringify(o);\nexport const b = fastJson({ type: 'object', additionalProperties: true });\nexport const c = (o: unknown) => Buffer.from(JSON.stringify(o)).toString();")])
t('medium', 'performance-testing', 'Read this autocannon output and explain why throughput dropped between the two runs.', [('reports/run1.txt', 'Req/Sec avg 4210  Latency p50 2ms p99 9ms  errors 0'), ('reports/run2.txt', 'Req/Sec avg 1630  Latency p50 5ms p99 61ms  errors 0'), ('notes/changes.txt', 'run2: enabled request logging to file (sync), added zod validation on the response')], lang=None)
t('medium', 'security-scan', 'Check our nginx config against the TLS hardening checklist.', [('deploy/nginx.conf', 'server {\n  listen 443 ssl;\n  ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n  ssl_ciphers HIGH:!aNULL:!MD5;\n  add_header X-Frame-Options DENY;\n  location / { proxy_pass http://app:3000; }\n}'), ('docs/tls-checklist.md', '- TLS 1.2+ only\n- HSTS with max-age >= 1 year\n- OCSP stapling on\n- no server tokens')], lang=None)
t('medium', 'security-scan', 'Scan these GitHub Actions workflows for secrets printed to logs or passed to untrusted actions.', [('.github/workflows/ci.yml', 'on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo "token is ${{ secrets.NPM_TOKEN }}"\n      - uses: someone/deploy-action@main\n        with:\n          key: ${{ secrets.DEPLOY_KEY }}'), ('.github/workflows/release.yml', 'on:\n  release:\n    types: [published]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}')], lang=None)
t('medium', 'security-scan', 'Which of these dependencies are unmaintained or have known advisories, and what should we upgrade first?', [('package.json', '{"dependencies": {"express": "4.17.1", "request": "2.88.2", "moment": "2.29.1", "node-fetch": "2.6.1", "ws": "7.4.0", "lodash": "4.17.20"}}')], lang=None)

# --- mid-size classes (40-120 lines) --------------------------------------------------------------------------
cart_methods = '\n'.join(f'''  {name}(sku: string{extra}): void {{
    const line = this.lines.get(sku);
    if (!line) throw new Error(`unknown sku ${{sku}}`);
    {body}
    this.touch();
  }}''' for name, extra, body in [('increment', '', 'line.qty += 1;'), ('decrement', '', 'line.qty -= 1;\n    if (line.qty <= 0) this.lines.delete(sku);'), ('setQty', ', qty: number', 'if (qty < 0 || !Number.isInteger(qty)) throw new RangeError(`bad qty ${qty}`);\n    if (qty === 0) this.lines.delete(sku);\n    else line.qty = qty;'), ('applyLineDiscount', ', pct: number', 'if (pct < 0 || pct > 50) throw new RangeError("discount out of range");\n    line.discountPct = pct;')])
t('medium', 'test-generation', 'Tests for the Cart class.', [('src/cart/Cart.ts', f'''
export interface CartLine {{ sku: string; qty: number; unitCents: number; discountPct: number }}

export class Cart {{
  private readonly lines = new Map<string, CartLine>();
  private updatedAt = 0;
  constructor(private readonly clock: () => number = Date.now) {{}}

  add(sku: string, unitCents: number, qty = 1): void {{
    if (qty <= 0) throw new RangeError('qty must be positive');
    const existing = this.lines.get(sku);
    if (existing) existing.qty += qty;
    else this.lines.set(sku, {{ sku, qty, unitCents, discountPct: 0 }});
    this.touch();
  }}

{cart_methods}

  totalCents(): number {{
    let sum = 0;
    for (const l of this.lines.values()) sum += Math.round(l.qty * l.unitCents * (1 - l.discountPct / 100));
    return sum;
  }}

  isStale(maxAgeMs: number): boolean {{
    return this.clock() - this.updatedAt > maxAgeMs;
  }}

  private touch(): void {{
    this.updatedAt = this.clock();
  }}
}}''')])
t('medium', 'test-generation', 'Tests for the paginated API client: follows the next cursor, stops on empty pages, retries once on 503.', [('src/client/paginate.ts', '''
export async function* paginate<T>(fetchPage: (cursor?: string) => Promise<{ status: number; items: T[]; next?: string }>): AsyncGenerator<T> {
  let cursor: string | undefined;
  for (;;) {
    let page = await fetchPage(cursor);
    if (page.status === 503) page = await fetchPage(cursor);
    if (page.status !== 200) throw new Error(`page failed with ${page.status}`);
    if (!page.items.length) return;
    yield* page.items;
    if (!page.next) return;
    cursor = page.next;
  }
}''')])
t('medium', 'test-generation', 'Write tests for the React hook useDebouncedSearch with fake timers and a mocked API.', [('src/hooks/useDebouncedSearch.ts', '''
import { useEffect, useState } from 'react';

export function useDebouncedSearch(query: string, search: (q: string) => Promise<string[]>, delayMs = 300) {
  const [results, setResults] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!query.trim()) { setResults([]); return; }
    let cancelled = false;
    const t = setTimeout(async () => {
      setLoading(true);
      try {
        const r = await search(query);
        if (!cancelled) setResults(r);
      } finally {
        if (!cancelled) setLoading(false);
      }
    }, delayMs);
    return () => { cancelled = true; clearTimeout(t); };
  }, [query, search, delayMs]);
  return { results, loading };
}''')])
t('medium', 'test-generation', 'Contract tests between the web app and the profile API (Pact), for get and update profile.', [('src/api/profileClient.ts', "export async function getProfile(base: string, id: string) {\n  const r = await fetch(`${base}/profiles/${id}`);\n  if (r.status === 404) return null;\n  return r.json();\n}\nexport async function updateProfile(base: string, id: string, patch: { displayName?: string }) {\n  const r = await fetch(`${base}/profiles/${id}`, { method: 'PATCH', body: JSON.stringify(patch), headers: { 'content-type': 'application/json' } });\n  if (!r.ok) throw new Error(`update failed ${r.status}`);\n  return r.json();\n}")])
t('medium', 'test-generation', 'Tests for the event emitter wrapper that logs listener errors instead of crashing.', [('src/events/safeEmitter.js', '''
import { EventEmitter } from 'node:events';

export class SafeEmitter extends EventEmitter {
  constructor(logger) { super(); this.logger = logger; }
  emit(event, ...args) {
    const listeners = this.listeners(event);
    for (const l of listeners) {
      try {
        const r = l.apply(this, args);
        if (r && typeof r.catch === 'function') r.catch((e) => this.logger.error({ event, err: e }, 'async listener failed'));
      } catch (e) {
        this.logger.error({ event, err: e }, 'listener failed');
      }
    }
    return listeners.length > 0;
  }
}''')], lang='javascript')
t('medium', 'test-generation', 'Tests for the image resize worker: mock sharp and the queue.', [('src/workers/resize.ts', '''
import sharp from 'sharp';
import type { Queue, Job } from 'bullmq';

export async function handleResize(job: Job<{ src: string; dest: string; width: number }>, storage: { get(k: string): Promise<Buffer>; put(k: string, b: Buffer): Promise<void> }) {
  const { src, dest, width } = job.data;
  if (width < 16 || width > 4096) throw new Error(`width out of range: ${width}`);
  const input = await storage.get(src);
  const out = await sharp(input).resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
  await storage.put(dest, out);
  await job.updateProgress(100);
  return { bytes: out.length };
}''')])
t('medium', 'test-generation', 'Write tests for the retrying HTTP client wrapper (backoff is injectable).', [('src/http/retry.ts', '''
export async function withRetry<T>(fn: () => Promise<T>, opts: { retries: number; backoffMs: (attempt: number) => number; sleep: (ms: number) => Promise<void>; retryOn: (e: unknown) => boolean }): Promise<T> {
  let attempt = 0;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= opts.retries || !opts.retryOn(e)) throw e;
      await opts.sleep(opts.backoffMs(attempt));
      attempt++;
    }
  }
}''')])
t('medium', 'test-generation', 'Tests for the feature flag evaluator: percentage rollout by user id hash, allow-list, and kill switch.', [('src/flags/evaluate.ts', '''
import { createHash } from 'node:crypto';
export interface Flag { key: string; enabled: boolean; rolloutPct: number; allow: string[] }
export function isOn(flag: Flag, userId: string): boolean {
  if (!flag.enabled) return false;
  if (flag.allow.includes(userId)) return true;
  const h = createHash('sha1').update(`${flag.key}:${userId}`).digest().readUInt32BE(0);
  return (h % 100) < flag.rolloutPct;
}''')])
t('medium', 'test-generation', 'Integration tests for the newsletter signup service: it writes to Postgres and calls the mail provider.', [('src/newsletter/service.ts', '''
export class NewsletterService {
  constructor(private readonly db: { query(sql: string, args: unknown[]): Promise<{ rowCount: number }> }, private readonly mail: { sendConfirm(email: string, token: string): Promise<void> }, private readonly token: () => string) {}
  async subscribe(email: string): Promise<'pending' | 'already'> {
    const normalized = email.trim().toLowerCase();
    if (!/^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(normalized)) throw new Error('invalid email');
    const tok = this.token();
    const r = await this.db.query('INSERT INTO subscribers (email, token, confirmed) VALUES ($1, $2, false) ON CONFLICT (email) DO NOTHING', [normalized, tok]);
    if (r.rowCount === 0) return 'already';
    await this.mail.sendConfirm(normalized, tok);
    return 'pending';
  }
}''')])
t('medium', 'test-execution', 'Run the API integration suite against the docker-compose stack, collect failures with their logs, and group them by endpoint.', [], lang='typescript')
t('medium', 'test-execution', 'Run the e2e suite on Chrome and Firefox, retry failed specs once, and tell me which failures reproduce on both browsers.', [], fw='playwright')
t('medium', 'test-execution', 'Compare the results of these two test runs and explain which failures are new since yesterday and which look environment-related.', [('reports/yesterday.txt', 'FAIL auth > refresh token\nFAIL search > sort by price\nPASS 310 others'), ('reports/today.txt', 'FAIL auth > refresh token\nFAIL uploads > large file (ECONNRESET)\nFAIL uploads > resume (ECONNRESET)\nFAIL profile > avatar crop\nPASS 307 others')], lang=None)
t('medium', 'test-generation', 'Tests for the Python retry decorator with jitter; patch time.sleep and random.', [('app/retry.py', '''
import functools, random, time

def retry(times=3, base=0.1, exceptions=(Exception,)):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return fn(*args, **kwargs)
                except exceptions:
                    if attempt == times - 1:
                        raise
                    time.sleep(base * (2 ** attempt) + random.uniform(0, base))
        return wrapper
    return deco
''')], lang=None, fw='pytest')
t('medium', 'defect-analysis', 'Explain why this Express route returns 200 with an empty body when the database is down.', [('src/routes/items.js', "router.get('/items', async (req, res) => {\n  const items = await db.items.findMany().catch((e) => { logger.error(e); });\n  res.json(items);\n});")], lang='javascript')
t('medium', 'coverage-analysis', 'Which parts of the CLI argument parser are not covered, and which of them could hide real bugs?', [('coverage/cli.txt', 'src/cli/args.ts  | 71.2 | 55.0 | 83.3 | 40-52,77,81-90'), ('src/cli/args.ts', lines(45, lambda i: f"  if (arg === '--opt{i}') {{ opts.o{i} = next(); continue; }}" if i % 5 else f"  // option group {i // 5}"))])
t('medium', 'test-generation', 'Snapshot and interaction tests for the DatePicker component (keyboard navigation, disabled dates).', [('src/components/DatePicker.tsx', '''
import { useState } from 'react';
export function DatePicker({ value, onChange, isDisabled }: { value: Date; onChange(d: Date): void; isDisabled?(d: Date): boolean }) {
  const [focus, setFocus] = useState(value);
  const move = (days: number) => { const d = new Date(focus); d.setDate(d.getDate() + days); setFocus(d); };
  return (
    <div role="grid" tabIndex={0} onKeyDown={(e) => {
      if (e.key === 'ArrowLeft') move(-1);
      else if (e.key === 'ArrowRight') move(1);
      else if (e.key === 'ArrowUp') move(-7);
      else if (e.key === 'ArrowDown') move(7);
      else if (e.key === 'Enter' && !isDisabled?.(focus)) onChange(focus);
    }}>
      <span aria-live="polite">{focus.toDateString()}</span>
    </div>
  );
}''')])
t('medium', 'performance-testing', "Profile this endpoint's slow path from the flame graph summary and suggest the first two optimisations.", [('reports/flame.txt', 'self 41%  JSON.parse  (src/cache/read.ts:12)\nself 22%  zlib.inflateSync  (src/cache/read.ts:9)\nself 9%   Array.prototype.sort  (src/search/rank.ts:30)\nself 6%   RegExp.exec  (src/search/tokenize.ts:8)')], lang=None)
