from lib import t, lines

# --- keyword bait and traps, all tiers -------------------------------------------------------------------------
t('simple', 'test-generation', 'Tests for the distributed-systems course quiz scorer (it only counts correct answers).', [('src/quiz/score.ts', '''
export function score(answers: string[], key: string[]): number {
  let n = 0;
  for (let i = 0; i < key.length; i++) if (answers[i] === key[i]) n++;
  return n;
}''')])
t('simple', 'test-generation', 'Write tests for isStrongPassword (length >= 12, one digit, one letter). Just the rules as written.', [('src/signup/password.ts', '''
export function isStrongPassword(pw: string): boolean {
  return pw.length >= 12 && /\\d/.test(pw) && /[a-z]/i.test(pw);
}''')])
t('simple', 'test-generation', 'Tests for formatLockDuration, which shows how long an account stays locked on the login screen.', [('src/auth/lockText.ts', '''
export function formatLockDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}''')])
t('simple', 'test-generation', 'Tests for the cents formatter used by the payments dashboard.', [('src/money/cents.ts', "export const formatCents = (c: number, currency = 'EUR') => `${(c / 100).toFixed(2)} ${currency}`;")])
t('simple', 'coverage-analysis', 'Print the total line coverage from this summary as a badge text like "coverage: 81%".', [('coverage/coverage-summary.json', '{"total": {"lines": {"total": 5210, "covered": 4221, "pct": 81.02}}}')], lang=None)
t('simple', 'quality-gate', 'Are there any failing tests in this JUnit report? Yes or no.', [('reports/junit.xml', '<testsuites tests="212" failures="0" errors="0">\n' + lines(30, lambda i: f'  <testcase name="payments case {i}" time="0.01"/>') + '\n</testsuites>')], lang=None)
t('simple', 'test-execution', 'Run the unit tests for the concurrency utilities package and post the pass/fail count.', [])
t('simple', 'flaky-test-analysis', 'Quarantine list: extract the test names tagged @flaky from these spec files.', [('e2e/a.spec.ts', "test('login @flaky', async () => {});\ntest('logout', async () => {});"), ('e2e/b.spec.ts', "test('search @flaky', async () => {});\ntest('filters @flaky', async () => {});")])
t('simple', 'defect-analysis', 'ReferenceError: structuredClone is not defined in our Jest tests. What does it mean?', [], lang=None)
t('simple', 'test-generation', 'Convert these assert-style tests to expect-style, nothing else.', [('test/money.test.js', lines(24, lambda i: f"  assert.strictEqual(add({i}, {i + 1}), {2 * i + 1});" if i % 4 else f"test('case {i}', () => {{"))], lang='javascript')
long_table = 'export const HTTP_STATUS = {\n' + lines(60, lambda i: f"  {100 + i * 7}: 'Status text {100 + i * 7}',") + '\n};\nexport const statusText = (code: number) => (HTTP_STATUS as Record<number, string>)[code] ?? "Unknown";'
t('simple', 'test-generation', 'Tests for statusText.', [('src/http/status.ts', long_table)])
t('simple', 'performance-testing', 'Sum the request counts per endpoint in this CSV.', [('data/requests.csv', 'endpoint,count\n' + lines(40, lambda i: f"/api/{['orders', 'users', 'search', 'cart'][i % 4]},{(i * 37) % 500}"))], lang=None)

t('medium', 'test-generation', 'Tests for the Express error handler middleware: known AppErrors map to status codes, others become 500 without leaking the stack.', [('src/http/errors.ts', '''
export class AppError extends Error { constructor(public readonly status: number, message: string, public readonly code = 'APP_ERROR') { super(message); } }
export function errorHandler(log: { error(o: object, m: string): void }) {
  return (err: unknown, req: any, res: any, _next: any) => {
    if (err instanceof AppError) return res.status(err.status).json({ error: err.code, message: err.message });
    if ((err as any)?.type === 'entity.parse.failed') return res.status(400).json({ error: 'BAD_JSON' });
    log.error({ err, path: req.path }, 'unhandled');
    res.status(500).json({ error: 'INTERNAL' });
  };
}''')])
t('medium', 'defect-analysis', 'Why do these unit tests pass locally but the coverage step in CI reports 0% for src/utils?', [('vitest.config.ts', "export default { test: { coverage: { include: ['src/**/*.{ts,tsx}'], exclude: ['src/utils/**'] } } };"), ('ci/job.log', 'Coverage report\nsrc/utils/format.ts | 0 | 0 | 0 | 0\nsrc/utils/parse.ts  | 0 | 0 | 0 | 0'), ('package.json', '{"scripts": {"test": "vitest run --coverage", "test:unit": "vitest run src/utils"}}')])
t('medium', 'test-generation', 'Tests for the template renderer: {{var}} substitution, missing variables, escaping, and nested paths like {{user.name}}.', [('src/tpl/render.js', '''
const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export function render(tpl, vars, { escape = true, strict = false } = {}) {
  return tpl.replace(/\\{\\{\\s*([\\w.]+)\\s*\\}\\}/g, (_, path) => {
    let v = vars;
    for (const part of path.split('.')) v = v == null ? undefined : v[part];
    if (v === undefined) {
      if (strict) throw new Error(`missing variable ${path}`);
      return '';
    }
    const s = String(v);
    return escape ? s.replace(/[&<>"]/g, (c) => ESC[c]) : s;
  });
}''')], lang='javascript')
t('medium', 'coverage-analysis', 'Look at the coverage of the notifications package and tell me which three functions we should test first and why.', [('coverage/notifications.txt', 'sendPush        0/14 lines\nbuildDigest     22/30 lines\nunsubscribe     0/9 lines\nrenderEmail     40/41 lines\nretryFailed     3/25 lines'), ('src/notifications/retryFailed.ts', "export async function retryFailed(db: Db, push: Push) {\n  const failed = await db.query('SELECT * FROM notifications WHERE status = $1', ['failed']);\n  for (const n of failed) {\n    try { await push.send(n); await db.query('UPDATE notifications SET status = $1 WHERE id = $2', ['sent', n.id]); }\n    catch (e) { if (n.attempts > 3) await db.query('UPDATE notifications SET status = $1 WHERE id = $2', ['dead', n.id]); }\n  }\n}")])
t('medium', 'quality-gate', 'Given these Lighthouse scores for the five key pages, decide whether the release meets our web performance budget and which page to fix first.', [('reports/lighthouse.json', '{"home": {"performance": 91, "lcpMs": 1900, "cls": 0.02}, "search": {"performance": 72, "lcpMs": 3400, "cls": 0.11}, "product": {"performance": 85, "lcpMs": 2500, "cls": 0.05}, "cart": {"performance": 88, "lcpMs": 2100, "cls": 0.01}, "checkout": {"performance": 79, "lcpMs": 2900, "cls": 0.18}}'), ('docs/budget.md', 'performance >= 80 on every page; LCP <= 2500 ms; CLS <= 0.1')], lang=None)
t('medium', 'flaky-test-analysis', 'One of our Jest tests leaks state into the next one depending on order. Which one, and how do we isolate it?', [('test/config.test.ts', "import { config, setConfig } from '../src/config';\ntest('defaults', () => expect(config().region).toBe('eu'));\ntest('override', () => { setConfig({ region: 'us' }); expect(config().region).toBe('us'); });"), ('logs/jest-random-order.txt', 'Seed 8812: FAIL test/config.test.ts > defaults (expected "eu", received "us")\nSeed 1190: PASS')])
t('medium', 'test-generation', 'Tests for the paginated GraphQL resolver for orders: cursor encoding, first/after args, and the error when first > 100.', [('src/graphql/orders.ts', '''
export const ordersResolver = async (_: unknown, args: { first?: number; after?: string }, ctx: Ctx) => {
  const first = args.first ?? 20;
  if (first > 100) throw new GraphQLError('first must be <= 100');
  const afterId = args.after ? Buffer.from(args.after, 'base64').toString('utf8') : null;
  const rows = await ctx.db.orders.list({ afterId, limit: first + 1 });
  const edges = rows.slice(0, first).map((o) => ({ node: o, cursor: Buffer.from(o.id).toString('base64') }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
};''')])
t('medium', 'performance-testing', 'Write an Artillery scenario for the signup flow (visit, submit form, confirm email link) at 20 arrivals/s and explain which metrics should fail the run.', [], lang=None)
t('medium', 'security-scan', 'Check this Kubernetes deployment against our pod security baseline.', [('deploy/api.yaml', 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry/api:latest\n          securityContext:\n            privileged: true\n            runAsUser: 0\n          env:\n            - name: DB_PASSWORD\n              value: hunter2'), ('docs/baseline.md', '- no privileged containers\n- non-root user\n- pinned image digests\n- secrets from Secret objects only\n- resource limits set')], lang=None)
t('medium', 'test-generation', 'Write tests for the Go config loader: env overrides, missing required keys, and malformed durations.', [('config/load.go', '''
package config

import (
	"fmt"
	"os"
	"time"
)

type Config struct {
	Addr    string
	Timeout time.Duration
	DBURL   string
}

func Load() (*Config, error) {
	c := &Config{Addr: ":8080", Timeout: 5 * time.Second}
	if v := os.Getenv("ADDR"); v != "" {
		c.Addr = v
	}
	if v := os.Getenv("TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return nil, fmt.Errorf("TIMEOUT: %w", err)
		}
		c.Timeout = d
	}
	c.DBURL = os.Getenv("DB_URL")
	if c.DBURL == "" {
		return nil, fmt.Errorf("DB_URL is required")
	}
	return c, nil
}
''')], lang=None)
t('medium', 'defect-analysis', 'The export downloads are corrupted for files over 64 KB. Handler attached.', [('src/export/download.ts', "app.get('/export/:id', async (req, res) => {\n  const stream = await storage.open(req.params.id);\n  let body = '';\n  stream.on('data', (c) => (body += c));\n  stream.on('end', () => { res.setHeader('content-type', 'application/zip'); res.end(body); });\n});")])
t('medium', 'test-generation', 'Tests for the Vue composable useCart with a mocked API module.', [('src/composables/useCart.ts', '''
import { ref, computed } from 'vue';
import * as api from '../api/cart';
export function useCart() {
  const items = ref<Array<{ sku: string; qty: number; price: number }>>([]);
  const error = ref<string | null>(null);
  const total = computed(() => items.value.reduce((a, i) => a + i.qty * i.price, 0));
  async function load() { try { items.value = await api.getCart(); } catch (e) { error.value = (e as Error).message; } }
  async function add(sku: string) { await api.addItem(sku); await load(); }
  async function remove(sku: string) { await api.removeItem(sku); items.value = items.value.filter((i) => i.sku !== sku); }
  return { items, total, error, load, add, remove };
}''')])
t('medium', 'test-generation', 'Tests for validateAddress. The rules are ours to decide: what counts as a valid postcode for DE, AT and CH, and should we reject PO boxes for express shipping?', [('src/address/validate.ts', '''
export function validateAddress(a: { country: string; postcode: string; street: string; express: boolean }): string[] {
  const errors: string[] = [];
  if (!/^\\d{4,5}$/.test(a.postcode)) errors.push('postcode');
  if (!a.street.trim()) errors.push('street');
  return errors;
}''')])
t('medium', 'test-execution', 'Run the contract tests against the staging provider, and if any fail, work out whether the consumer or the provider changed.', [('pacts/web-profile.json', '{"consumer": {"name": "web"}, "provider": {"name": "profile-api"}, "interactions": [{"description": "get profile", "response": {"status": 200, "body": {"id": "1", "displayName": "Ada"}}}]}')], lang=None)

t('complex', 'test-generation', 'Tests for acquireSlot.', [('src/slots/acquire.ts', '''
export async function acquireSlot(redis: Redis, resource: string, owner: string, ttlMs: number): Promise<string | null> {
  const token = `${owner}:${Date.now()}`;
  const ok = await redis.set(`slot:${resource}`, token, 'PX', ttlMs, 'NX');
  return ok ? token : null;
}
export async function releaseSlot(redis: Redis, resource: string, token: string): Promise<boolean> {
  const cur = await redis.get(`slot:${resource}`);
  if (cur !== token) return false;
  await redis.del(`slot:${resource}`);
  return true;
}''')])
t('complex', 'defect-analysis', 'Customers were charged but orders stayed pending during yesterday\'s payment provider outage. Logs from checkout, payments and the webhook worker are attached; explain what happened and what must change.', [('logs/checkout.log', '14:02:11 order 881 payment requested\n14:02:41 order 881 payment timeout after 30s -> status pending'), ('logs/payments.log', '14:02:12 psp call order 881\n14:03:55 psp success order 881 (latency 103s)'), ('logs/webhook-worker.log', '14:04:01 webhook order 881 received\n14:04:01 ignored: order 881 not in state awaiting_payment')], lang=None)
t('complex', 'test-generation', 'Tests for the leaky-bucket limiter shared across worker threads via SharedArrayBuffer.', [('src/limits/shared.ts', '''
export class SharedBucket {
  private readonly cells: Int32Array;
  constructor(sab: SharedArrayBuffer, private readonly capacity: number) { this.cells = new Int32Array(sab); }
  tryTake(): boolean {
    for (;;) {
      const cur = Atomics.load(this.cells, 0);
      if (cur >= this.capacity) return false;
      if (Atomics.compareExchange(this.cells, 0, cur, cur + 1) === cur) return true;
    }
  }
  leak(n: number): void { Atomics.sub(this.cells, 0, Math.min(n, Atomics.load(this.cells, 0))); }
}''')])
t('complex', 'security-scan', 'Review our API key validation.', [('src/auth/apiKey.ts', "export async function checkApiKey(req: Req): Promise<Tenant | null> {\n  const key = req.headers['x-api-key'];\n  if (!key) return null;\n  const tenant = await db.tenants.findOne({ apiKey: key });\n  if (tenant && tenant.apiKey == key) return tenant;\n  return null;\n}"), ('src/auth/keys.ts', "export const newApiKey = () => Math.random().toString(36).slice(2);")])
t('complex', 'test-generation', 'Tests for the inventory reservation: two carts racing for the last item must not both succeed, and reservations expire after 15 minutes.', [('src/inventory/reserve.ts', '''
export async function reserve(db: Db, sku: string, cartId: string, now = new Date()) {
  return db.tx(async (t) => {
    const row = await t.one('SELECT available FROM stock WHERE sku = $1 FOR UPDATE', [sku]);
    if (row.available < 1) return false;
    await t.none('UPDATE stock SET available = available - 1 WHERE sku = $1', [sku]);
    await t.none('INSERT INTO reservations (sku, cart_id, expires_at) VALUES ($1, $2, $3)', [sku, cartId, new Date(now.getTime() + 15 * 60_000)]);
    return true;
  });
}''')])
t('complex', 'performance-testing', 'Define the performance test strategy for migrating our monolith to six services: baselines, per-service SLOs, and how to find the new network hot spots.', [], lang=None)
t('complex', 'defect-analysis', 'Intermittent deadlock in the job runner: two workers hang forever. Here are the two modules and a thread dump.', [('src/runner/claim.ts', "export async function claim(db: Db, jobId: string) {\n  await db.query('BEGIN');\n  await db.query('SELECT * FROM jobs WHERE id = $1 FOR UPDATE', [jobId]);\n  await db.query('SELECT * FROM workers WHERE id = $1 FOR UPDATE', [WORKER_ID]);\n  await db.query('COMMIT');\n}"), ('src/runner/heartbeat.ts', "export async function heartbeat(db: Db) {\n  await db.query('BEGIN');\n  await db.query('SELECT * FROM workers WHERE id = $1 FOR UPDATE', [WORKER_ID]);\n  await db.query('UPDATE jobs SET seen_at = now() WHERE worker_id = $1', [WORKER_ID]);\n  await db.query('COMMIT');\n}"), ('logs/pg-locks.txt', 'pid 4411 waiting ShareLock on transaction 9911 (relation jobs)\npid 4412 waiting ShareLock on transaction 9910 (relation workers)')])
t('complex', 'test-generation', 'Tests for the two-phase commit coordinator.', [('src/tx/coordinator.ts', '''
export async function commitAll(participants: Participant[], txId: string, log: TxLog) {
  await log.write(txId, 'preparing');
  const votes = await Promise.allSettled(participants.map((p) => p.prepare(txId)));
  const yes = votes.every((v) => v.status === 'fulfilled' && v.value === 'yes');
  await log.write(txId, yes ? 'committing' : 'aborting');
  await Promise.all(participants.map((p) => (yes ? p.commit(txId) : p.abort(txId)).catch(() => log.write(txId, `retry:${p.id}`))));
  await log.write(txId, yes ? 'committed' : 'aborted');
  return yes;
}''')])
t('complex', 'security-scan', 'Does this HTML sanitiser stop stored XSS in comments?', [('src/comments/sanitize.js', "export function sanitize(html) {\n  return html\n    .replace(/<script[^>]*>.*?<\\/script>/gi, '')\n    .replace(/on\\w+=\"[^\"]*\"/gi, '')\n    .replace(/javascript:/gi, '');\n}")], lang='javascript')
t('complex', 'test-generation', 'Tests for the event-sourced account aggregate: replaying events must rebuild the same state, snapshots must not change the result, and events with a gap in sequence numbers must be rejected.', [('src/accounts/aggregate.ts', '''
export function apply(state: AccountState, e: AccountEvent): AccountState {
  if (e.seq !== state.seq + 1) throw new Error(`gap: expected ${state.seq + 1}, got ${e.seq}`);
  switch (e.type) {
    case 'opened': return { ...state, seq: e.seq, open: true, balance: 0 };
    case 'deposited': return { ...state, seq: e.seq, balance: state.balance + e.amount };
    case 'withdrawn': if (state.balance < e.amount) throw new Error('overdraft'); return { ...state, seq: e.seq, balance: state.balance - e.amount };
    case 'frozen': return { ...state, seq: e.seq, frozen: true };
    case 'closed': return { ...state, seq: e.seq, open: false };
  }
}
export const replay = (events: AccountEvent[], from: AccountState = EMPTY) => events.reduce(apply, from);''')])
t('complex', 'flaky-test-analysis', 'The integration test for the order pipeline fails randomly when run in parallel with the inventory tests. It looks like they share a Kafka topic and a database. Figure out the interleaving.', [('test/order-pipeline.int.test.ts', "test('order flows to shipped', async () => {\n  await produce('orders', { id: 'o1' });\n  await waitFor(() => db.orders.status('o1') === 'shipped');\n});"), ('test/inventory.int.test.ts', "beforeEach(async () => { await db.truncate('orders'); await resetTopic('orders'); });"), ('vitest.config.ts', "export default { test: { pool: 'threads', fileParallelism: true } };")])
t('complex', 'test-generation', 'Tests for the consistent-hashing ring used to shard sessions across cache nodes: adding a node must move only ~1/n of the keys.', [('src/shard/ring.ts', '''
import { createHash } from 'node:crypto';
const h = (s: string) => createHash('md5').update(s).digest().readUInt32BE(0);
export class Ring {
  private points: Array<[number, string]> = [];
  add(node: string, vnodes = 100) { for (let i = 0; i < vnodes; i++) this.points.push([h(`${node}#${i}`), node]); this.points.sort((a, b) => a[0] - b[0]); }
  remove(node: string) { this.points = this.points.filter(([, n]) => n !== node); }
  nodeFor(key: string): string {
    const x = h(key);
    let lo = 0, hi = this.points.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.points[mid]![0] < x) lo = mid + 1; else hi = mid; }
    return this.points[lo % this.points.length]![1];
  }
}''')])
t('complex', 'test-generation', 'We need tests for the clock-skew tolerant token expiry check used between our auth server and the resource servers.', [('src/auth/expiry.ts', "export function isExpired(exp: number, nbf: number | undefined, nowMs: number, skewMs = 30_000): boolean {\n  const now = Math.floor(nowMs / 1000);\n  const skew = Math.floor(skewMs / 1000);\n  if (nbf !== undefined && now + skew < nbf) return true;\n  return now - skew >= exp;\n}")])
