from lib import t, lines

# Terse requests where the code (or the evidence) decides the tier.
# --- simple ---
t('simple', 'test-generation', 'Tests for titleCase.', [('src/text/titleCase.ts', "export const titleCase = (s: string) => s.toLowerCase().replace(/\\b\\w/g, (c) => c.toUpperCase());")])
t('simple', 'test-generation', 'Tests for uniqueBy.', [('src/arr/uniqueBy.ts', "export function uniqueBy<T, K>(xs: T[], key: (x: T) => K): T[] {\n  const seen = new Set<K>();\n  return xs.filter((x) => { const k = key(x); if (seen.has(k)) return false; seen.add(k); return true; });\n}")])
t('simple', 'test-generation', 'Unit tests for the HMAC header name constant helper.', [('src/webhooks/headers.ts', "export const SIGNATURE_HEADER = 'x-signature-sha256';\nexport const headerFor = (version: 1 | 2) => (version === 1 ? 'x-signature' : SIGNATURE_HEADER);")])
t('simple', 'test-generation', 'Tests for daysBetween.', [('src/date/daysBetween.js', "export function daysBetween(a, b) {\n  const ms = Math.abs(b.getTime() - a.getTime());\n  return Math.floor(ms / 86400000);\n}")], lang='javascript')
t('simple', 'test-generation', 'Tests for isValidIban length check.', [('src/bank/iban.ts', "const LENGTHS: Record<string, number> = { DE: 22, AT: 20, CH: 21, FR: 27, NL: 18, BE: 16 };\nexport function hasValidLength(iban: string): boolean {\n  const s = iban.replace(/\\s/g, '').toUpperCase();\n  return LENGTHS[s.slice(0, 2)] === s.length;\n}")])
t('simple', 'test-generation', 'Tests for the retry count label.', [('src/ui/retryLabel.ts', "export const retryLabel = (n: number) => (n === 0 ? 'no retries' : n === 1 ? '1 retry' : `${n} retries`);")])
t('simple', 'flaky-test-analysis', 'Is this test flaky? It failed 0 of 200 runs.', [], lang=None)
t('simple', 'test-generation', 'Tests for toQueryString.', [('src/url/qs.ts', "export function toQueryString(params: Record<string, string | number | undefined>): string {\n  return Object.entries(params)\n    .filter(([, v]) => v !== undefined)\n    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)\n    .join('&');\n}")])
t('simple', 'test-generation', 'Tests for the session timeout message.', [('src/session/timeoutText.ts', "export function timeoutText(minutesLeft: number): string {\n  if (minutesLeft <= 0) return 'Your session has expired. Please sign in again.';\n  return `Your session expires in ${minutesLeft} minute${minutesLeft === 1 ? '' : 's'}.`;\n}")])
t('simple', 'defect-analysis', 'Why is this always false?', [('src/check.ts', "export const isAdmin = (role: string) => role === 'Admin' && role === 'admin';")])
t('simple', 'coverage-analysis', 'Which functions are uncovered?', [('coverage/lcov.info', 'SF:src/billing/fees.ts\nFN:3,flatFee\nFN:9,percentFee\nFN:15,cappedFee\nFNDA:12,flatFee\nFNDA:0,percentFee\nFNDA:0,cappedFee\nend_of_record')], lang=None)
t('simple', 'test-generation', 'Tests for sleep.', [('src/util/sleep.ts', "export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));")])
t('simple', 'test-generation', 'Tests for the env name helper.', [('src/env.js', "export function envName(nodeEnv) {\n  switch (nodeEnv) {\n    case 'production': return 'prod';\n    case 'staging': return 'stage';\n    default: return 'dev';\n  }\n}")], lang='javascript')
t('simple', 'test-execution', 'Summarise.', [('logs/jest.txt', 'PASS src/a.test.ts\nPASS src/b.test.ts\nFAIL src/c.test.ts\n  ● c › handles empty input\n\nTests: 1 failed, 41 passed, 42 total\nTime: 3.2 s')], lang=None)
t('simple', 'test-generation', 'Tests for the Python chunks generator.', [('util/chunks.py', 'def chunks(xs, n):\n    for i in range(0, len(xs), n):\n        yield xs[i:i + n]\n')], lang=None)

# --- medium ---
t('medium', 'test-generation', 'Tests for the webhook sender.', [('src/webhooks/send.ts', "export async function sendWebhook(url: string, body: unknown, secretHeader: string) {\n  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-secret': secretHeader }, body: JSON.stringify(body) });\n  if (res.status >= 500) throw new Error(`receiver error ${res.status}`);\n  if (res.status >= 400) return { delivered: false, permanent: true };\n  return { delivered: true, permanent: false };\n}")])
t('medium', 'flaky-test-analysis', 'Flaky. Why?', [('test/cache.test.ts', "test('expires', async () => {\n  cache.set('a', 1, 100);\n  await new Promise((r) => setTimeout(r, 100));\n  expect(cache.get('a')).toBeUndefined();\n});"), ('logs/ci.txt', 'expected 1 to be undefined (1 of 40 runs)')])
t('medium', 'test-generation', 'Tests for the users controller.', [('src/users/controller.ts', "export class UsersController {\n  constructor(private readonly repo: UsersRepo, private readonly mail: Mailer) {}\n  async create(body: { email: string; name: string }) {\n    if (!body.email?.includes('@')) return { status: 400, body: { error: 'email' } };\n    if (await this.repo.byEmail(body.email)) return { status: 409, body: { error: 'exists' } };\n    const u = await this.repo.insert(body);\n    await this.mail.welcome(u.email).catch(() => undefined);\n    return { status: 201, body: u };\n  }\n  async get(id: string) {\n    const u = await this.repo.byId(id);\n    return u ? { status: 200, body: u } : { status: 404, body: { error: 'not found' } };\n  }\n}")])
t('medium', 'test-generation', 'Tests for parseCookieHeader.', [('src/http/cookies.ts', "export function parseCookieHeader(h: string | undefined): Record<string, string> {\n  const out: Record<string, string> = {};\n  if (!h) return out;\n  for (const part of h.split(';')) {\n    const i = part.indexOf('=');\n    if (i < 0) continue;\n    const k = part.slice(0, i).trim();\n    let v = part.slice(i + 1).trim();\n    if (v.startsWith('\"') && v.endsWith('\"')) v = v.slice(1, -1);\n    try { v = decodeURIComponent(v); } catch { /* keep raw */ }\n    if (k && !(k in out)) out[k] = v;\n  }\n  return out;\n}")])
t('medium', 'test-generation', 'Tests for the S3 backup uploader.', [('src/backup/upload.js', "export async function uploadBackup(s3, bucket, file, fs) {\n  const stat = await fs.stat(file);\n  if (stat.size === 0) throw new Error('empty backup');\n  const key = `backups/${new Date().toISOString().slice(0, 10)}/${file.split('/').pop()}`;\n  const body = fs.createReadStream(file);\n  await s3.upload({ Bucket: bucket, Key: key, Body: body }).promise();\n  return key;\n}")], lang='javascript')
t('medium', 'defect-analysis', 'Here is the failing test and the code. Fix it.', [('src/slug.ts', "export async function uniqueSlug(title: string, exists: (s: string) => Promise<boolean>) {\n  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n  let slug = base, n = 1;\n  while (await exists(slug)) slug = `${base}-${n}`;\n  return slug;\n}"), ('test/slug.test.ts', "test('adds a counter', async () => {\n  const taken = new Set(['a', 'a-1']);\n  expect(await uniqueSlug('A', async (s) => taken.has(s))).toBe('a-2');\n}); // times out")])
t('medium', 'test-generation', 'Tests for the markdown table renderer.', [('src/report/table.ts', "export function renderTable(rows: Array<Record<string, string | number>>, columns?: string[]): string {\n  if (!rows.length) return '_no rows_';\n  const cols = columns ?? Object.keys(rows[0]!);\n  const cell = (v: unknown) => String(v ?? '').replace(/\\|/g, '\\\\|').replace(/\\n/g, ' ');\n  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));\n  const line = (vals: string[]) => '| ' + vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ') + ' |';\n  const right = cols.map((c) => rows.every((r) => typeof r[c] === 'number'));\n  const sep = '| ' + widths.map((w, i) => (right[i] ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ') + ' |';\n  return [line(cols), sep, ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\\n');\n}")])
t('medium', 'security-scan', 'Check the CORS setup.', [('src/server/cors.ts', "app.use(cors({\n  origin: (origin, cb) => cb(null, !origin || origin.endsWith('example.com')),\n  credentials: true,\n  methods: ['GET', 'POST', 'PUT', 'DELETE'],\n}));"), ('docs/security-baseline.md', '- only our own origins\n- credentials only for first-party apps\n- preflight cache max 10 minutes')])
t('medium', 'test-generation', 'Tests for the pagination helper of the search API client.', [('src/search/client.ts', "export class SearchClient {\n  constructor(private readonly http: { get(url: string): Promise<{ status: number; data: any }> }) {}\n  async search(q: string, page = 1) {\n    if (!q.trim()) return { items: [], total: 0 };\n    const r = await this.http.get(`/search?q=${encodeURIComponent(q)}&page=${page}`);\n    if (r.status === 429) throw new Error('rate limited');\n    if (r.status !== 200) throw new Error(`search failed: ${r.status}`);\n    return { items: r.data.hits ?? [], total: r.data.total ?? 0 };\n  }\n}")])
t('medium', 'coverage-analysis', 'What should we test next in this package?', [('coverage/summary.txt', 'src/orders/create.ts   lines 91%  branches 80%\nsrc/orders/cancel.ts   lines 40%  branches 22%\nsrc/orders/refund.ts   lines 12%  branches 0%\nsrc/orders/list.ts     lines 95%  branches 90%'), ('src/orders/cancel.ts', "export async function cancel(db: Db, id: string, by: User) {\n  const o = await db.orders.get(id);\n  if (!o) throw new NotFound(id);\n  if (o.status === 'shipped') throw new Conflict('already shipped');\n  if (o.userId !== by.id && !by.isSupport) throw new Forbidden();\n  await db.orders.update(id, { status: 'cancelled' });\n}")])
t('medium', 'test-generation', 'Tests for the CSV to JSON converter (quoted fields, embedded newlines).', [('src/convert/csv.ts', "export function csvToJson(text: string): Array<Record<string, string>> {\n  const rows: string[][] = [];\n  let row: string[] = [], field = '', q = false;\n  for (let i = 0; i < text.length; i++) {\n    const c = text[i]!;\n    if (q) {\n      if (c === '\"' && text[i + 1] === '\"') { field += '\"'; i++; }\n      else if (c === '\"') q = false;\n      else field += c;\n    } else if (c === '\"') q = true;\n    else if (c === ',') { row.push(field); field = ''; }\n    else if (c === '\\n') { row.push(field); rows.push(row); row = []; field = ''; }\n    else if (c !== '\\r') field += c;\n  }\n  if (field || row.length) { row.push(field); rows.push(row); }\n  const [head, ...body] = rows;\n  return body.map((r) => Object.fromEntries(head!.map((h, j) => [h, r[j] ?? ''])));\n}")])
t('medium', 'quality-gate', 'Can we ship?', [('reports/gate.json', '{"coverage": {"value": 82.1, "min": 80}, "lintErrors": {"value": 0, "max": 0}, "e2eFailures": {"value": 2, "max": 0, "quarantined": 2}, "bundleKb": {"value": 512, "max": 500}}')], lang=None)
t('medium', 'performance-testing', 'Load test the login endpoint.', [], fw='k6')
t('medium', 'test-generation', 'Tests for the Go retry helper.', [('retry/retry.go', '''
package retry

import (
	"context"
	"time"
)

func Do(ctx context.Context, attempts int, backoff time.Duration, f func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = f(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff * time.Duration(1<<i)):
		}
	}
	return err
}
''')], lang=None)

# --- complex ---
t('complex', 'test-generation', 'Tests for the async mutex with timeouts.', [('src/sync/timedMutex.ts', "export class TimedMutex {\n  private locked = false;\n  private waiters: Array<{ resolve: () => void; timer: NodeJS.Timeout }> = [];\n  lock(timeoutMs: number): Promise<void> {\n    if (!this.locked) { this.locked = true; return Promise.resolve(); }\n    return new Promise((resolve, reject) => {\n      const w = { resolve, timer: setTimeout(() => { this.waiters = this.waiters.filter((x) => x !== w); reject(new Error('timeout')); }, timeoutMs) };\n      this.waiters.push(w);\n    });\n  }\n  unlock(): void {\n    const next = this.waiters.shift();\n    if (next) { clearTimeout(next.timer); next.resolve(); } else this.locked = false;\n  }\n}")])
t('complex', 'test-generation', 'Tests for verifySignature.', [('src/auth/signature.ts', "import { createVerify } from 'node:crypto';\nexport function verifySignature(publicKeyPem: string, payload: string, signatureB64: string): boolean {\n  const v = createVerify('RSA-SHA256');\n  v.update(payload);\n  return v.verify(publicKeyPem, signatureB64, 'base64');\n}")])
t('complex', 'security-scan', 'Review the signup handler.', [('src/signup.ts', "app.post('/signup', async (req, res) => {\n  const { email, password, role } = req.body;\n  const hash = await bcrypt.hash(password, 4);\n  const user = await db.users.insert({ email, hash, role: role ?? 'user' });\n  const token = jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET ?? 'dev');\n  res.json({ token });\n});")])
t('complex', 'test-generation', 'Tests for the job claimer.', [('src/jobs/claim.ts', "export async function claimNext(db: Db, worker: string) {\n  const r = await db.query(`UPDATE jobs SET worker = $1, claimed_at = now()\n    WHERE id = (SELECT id FROM jobs WHERE worker IS NULL OR claimed_at < now() - interval '5 minutes'\n      ORDER BY priority DESC, id FOR UPDATE SKIP LOCKED LIMIT 1)\n    RETURNING id, payload`, [worker]);\n  return r.rows[0] ?? null;\n}")])
t('complex', 'test-generation', 'Tests for the circuit breaker.', [('src/net/breaker.ts', "type State = 'closed' | 'open' | 'half-open';\nexport class Breaker {\n  state: State = 'closed';\n  private failures = 0;\n  private openedAt = 0;\n  private probe: Promise<unknown> | null = null;\n  constructor(private readonly threshold = 5, private readonly coolMs = 10_000, private readonly now = Date.now) {}\n  async call<T>(fn: () => Promise<T>): Promise<T> {\n    if (this.state === 'open') {\n      if (this.now() - this.openedAt < this.coolMs) throw new Error('open');\n      this.state = 'half-open';\n    }\n    if (this.state === 'half-open' && this.probe) throw new Error('probing');\n    try {\n      const p = fn();\n      if (this.state === 'half-open') this.probe = p;\n      const r = await p;\n      this.state = 'closed'; this.failures = 0;\n      return r;\n    } catch (e) {\n      if (this.state === 'half-open' || ++this.failures >= this.threshold) { this.state = 'open'; this.openedAt = this.now(); }\n      throw e;\n    } finally { this.probe = null; }\n  }\n}")])
t('complex', 'defect-analysis', 'Duplicate emails after deploy. Logs from both workers attached.', [('logs/worker-1.log', '09:00:00 claimed batch 77 (emails 1200-1299)\n09:00:31 lease expired for batch 77 while sending\n09:00:40 sent 100 emails batch 77'), ('logs/worker-2.log', '09:00:32 claimed batch 77 (emails 1200-1299)\n09:00:50 sent 100 emails batch 77'), ('src/mailer/lease.ts', "export const LEASE_MS = 30_000; // was 120_000 before the deploy")])
t('complex', 'test-generation', 'Tests for the offline queue sync.', [('src/offline/sync.ts', "let syncing = false;\nconst pending: Op[] = [];\nexport function enqueue(op: Op) { pending.push(op); void flush(); }\nexport async function flush() {\n  if (syncing) return;\n  syncing = true;\n  try {\n    while (pending.length) {\n      const op = pending[0]!;\n      const res = await api.apply(op, { ifMatch: op.baseVersion });\n      if (res.status === 412) { pending.splice(0, 1, await rebase(op, res.current)); continue; }\n      pending.shift();\n    }\n  } finally { syncing = false; }\n}")])
t('complex', 'security-scan', 'Review the password reset endpoint.', [('src/auth/resetRoute.ts', "router.post('/reset', async (req, res) => {\n  const user = await db.users.byEmail(req.body.email);\n  if (!user) return res.status(404).json({ error: 'no such email' });\n  const token = String(Date.now());\n  await db.resets.insert({ userId: user.id, token });\n  await mail.send(user.email, `Reset: https://app/reset?token=${token}&user=${user.id}`);\n  res.sendStatus(204);\n});")])
t('complex', 'test-generation', 'Tests for the pub/sub fan-out with per-subscriber ordering.', [('src/bus/fanout.ts', "export class Fanout<T> {\n  private chains = new Map<string, Promise<void>>();\n  constructor(private readonly subs: Map<string, (m: T) => Promise<void>>) {}\n  publish(msg: T): void {\n    for (const [id, handler] of this.subs) {\n      const prev = this.chains.get(id) ?? Promise.resolve();\n      const next = prev.then(() => handler(msg)).catch(() => undefined);\n      this.chains.set(id, next);\n    }\n  }\n  async drain(): Promise<void> { await Promise.all(this.chains.values()); }\n}")])
t('complex', 'test-generation', 'Tests for transferFunds.', [('src/bank/transfer.js', "export async function transferFunds(db, fromId, toId, cents, idempotencyKey) {\n  const done = await db.get('SELECT 1 FROM transfers WHERE key = ?', idempotencyKey);\n  if (done) return 'duplicate';\n  const from = await db.get('SELECT balance FROM accounts WHERE id = ?', fromId);\n  if (from.balance < cents) throw new Error('insufficient');\n  await db.run('UPDATE accounts SET balance = balance - ? WHERE id = ?', cents, fromId);\n  await db.run('UPDATE accounts SET balance = balance + ? WHERE id = ?', cents, toId);\n  await db.run('INSERT INTO transfers (key) VALUES (?)', idempotencyKey);\n  return 'ok';\n}")], lang='javascript')
t('complex', 'performance-testing', 'Load test plan for the platform.', [('docs/architecture.md', 'Services: edge gateway, auth, catalog, search (Elasticsearch), cart, checkout, payments (PSP), inventory, notifications (Kafka consumers).\nPeak last year: 9k req/s at the gateway; checkout p99 target 800 ms.')], lang=None)
t('complex', 'defect-analysis', 'Root cause?', [('logs/api.log', '11:02:03 POST /orders 502 upstream=orders-svc'), ('logs/orders-svc.log', '11:02:02 db pool exhausted (20/20), waiting 30000ms'), ('logs/reporting-svc.log', '11:00:00 nightly export started: SELECT * FROM orders (no LIMIT), holds 18 connections'), ('deploy/pgbouncer.ini', '[databases]\nmain = host=db pool_size=20')], lang=None)
t('complex', 'test-generation', 'Tests for the Python token bucket shared across threads.', [('app/bucket.py', '''
import threading, time

class TokenBucket:
    def __init__(self, rate, capacity):
        self.rate, self.capacity = rate, capacity
        self.tokens = capacity
        self.updated = time.monotonic()
        self.lock = threading.Lock()

    def take(self, n=1):
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
            self.updated = now
            if self.tokens >= n:
                self.tokens -= n
                return True
            return False
''')], lang=None, fw='pytest')
t('complex', 'test-generation', 'Tests for the Go leader election loop.', [('elect/elect.go', '''
package elect

import (
	"context"
	"time"
)

func Run(ctx context.Context, kv KV, id string, ttl time.Duration, onLead func(context.Context)) {
	for ctx.Err() == nil {
		ok, _ := kv.CompareAndSet("leader", "", id, ttl)
		if !ok {
			time.Sleep(ttl / 3)
			continue
		}
		lctx, cancel := context.WithCancel(ctx)
		go onLead(lctx)
		for ctx.Err() == nil {
			time.Sleep(ttl / 3)
			if ok, _ := kv.Refresh("leader", id, ttl); !ok {
				break
			}
		}
		cancel()
	}
}
''')], lang=None)
