from lib import t, lines

# --- concurrency in little code --------------------------------------------------------------------------------
t('complex', 'test-generation', 'Tests for the semaphore.', [('src/sync/semaphore.ts', '''
export class Semaphore {
  private waiters: Array<() => void> = [];
  constructor(private permits: number) {}
  async acquire(): Promise<() => void> {
    if (this.permits > 0) { this.permits--; return () => this.release(); }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
    return () => this.release();
  }
  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.permits++;
  }
}''')])
t('complex', 'test-generation', 'Write tests for the single-flight cache loader: concurrent callers for the same key must share one load, and a failed load must not poison later calls.', [('src/cache/singleFlight.ts', '''
const inflight = new Map<string, Promise<unknown>>();
export async function load<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const existing = inflight.get(key);
  if (existing) return existing as Promise<T>;
  const p = fn().finally(() => inflight.delete(key));
  inflight.set(key, p);
  return p;
}''')])
t('complex', 'defect-analysis', 'Seat bookings occasionally oversell by one. Here is the booking code; find the cause.', [('src/booking/book.ts', '''
export async function book(db: Db, showId: string, userId: string) {
  const show = await db.one('SELECT capacity, booked FROM shows WHERE id = $1', [showId]);
  if (show.booked >= show.capacity) throw new Error('sold out');
  await db.none('INSERT INTO bookings (show_id, user_id) VALUES ($1, $2)', [showId, userId]);
  await db.none('UPDATE shows SET booked = $2 WHERE id = $1', [showId, show.booked + 1]);
}''')])
t('complex', 'test-generation', 'Tests for the worker pool: tasks must never run more than `size` at once and the pool must drain cleanly on close.', [('src/pool/WorkerPool.js', '''
export class WorkerPool {
  constructor(size) { this.size = size; this.running = 0; this.queue = []; this.closed = false; this.idle = null; }
  run(task) {
    if (this.closed) return Promise.reject(new Error('pool closed'));
    return new Promise((resolve, reject) => { this.queue.push({ task, resolve, reject }); this.pump(); });
  }
  pump() {
    while (this.running < this.size && this.queue.length) {
      const { task, resolve, reject } = this.queue.shift();
      this.running++;
      Promise.resolve().then(task).then(resolve, reject).finally(() => { this.running--; this.pump(); });
    }
    if (!this.running && !this.queue.length && this.idle) this.idle();
  }
  close() { this.closed = true; return this.running || this.queue.length ? new Promise((r) => (this.idle = r)) : Promise.resolve(); }
}''')], lang='javascript')
t('complex', 'flaky-test-analysis', 'The counter test fails intermittently with a count of 99 instead of 100. Explain the interleaving and fix the code, not the test.', [('src/metrics/counter.ts', '''
let total = 0;
export async function increment(store: { get(): Promise<number>; set(n: number): Promise<void> }) {
  const current = await store.get();
  total = current + 1;
  await store.set(total);
}'''), ('test/counter.test.ts', "test('100 increments', async () => {\n  const s = memoryStore();\n  await Promise.all(Array.from({ length: 100 }, () => increment(s)));\n  expect(await s.get()).toBe(100);\n});")])
t('complex', 'test-generation', 'Tests for the read-write lock.', [('src/sync/rwlock.ts', '''
export class RwLock {
  private readers = 0;
  private writer = false;
  private queue: Array<{ write: boolean; go: () => void }> = [];
  async read<T>(fn: () => Promise<T>): Promise<T> {
    if (this.writer || this.queue.some((q) => q.write)) await new Promise<void>((go) => this.queue.push({ write: false, go }));
    this.readers++;
    try { return await fn(); } finally { this.readers--; this.next(); }
  }
  async write<T>(fn: () => Promise<T>): Promise<T> {
    if (this.writer || this.readers) await new Promise<void>((go) => this.queue.push({ write: true, go }));
    this.writer = true;
    try { return await fn(); } finally { this.writer = false; this.next(); }
  }
  private next() {
    if (this.writer || this.readers) return;
    const head = this.queue.shift();
    if (!head) return;
    head.go();
    while (!head.write && this.queue[0] && !this.queue[0].write) this.queue.shift()!.go();
  }
}''')])
t('complex', 'defect-analysis', 'Sometimes two invoices get the same number. Diagnose across these files.', [('src/invoice/number.ts', "import { redis } from '../infra/redis';\nexport async function nextInvoiceNumber(year: number) {\n  const last = Number((await redis.get(`inv:${year}`)) ?? 0);\n  const next = last + 1;\n  await redis.set(`inv:${year}`, String(next));\n  return `${year}-${String(next).padStart(6, '0')}`;\n}"), ('src/invoice/create.ts', "import { nextInvoiceNumber } from './number';\nexport async function createInvoice(order: Order) {\n  const no = await nextInvoiceNumber(new Date().getFullYear());\n  return db.invoices.insert({ no, orderId: order.id, total: order.total });\n}"), ('src/worker/main.ts', "for (let i = 0; i < Number(process.env.CONCURRENCY ?? 8); i++) consume('orders.paid', createInvoice);")])
t('complex', 'test-generation', 'Tests for the Go bounded channel pipeline with cancellation.', [('pipeline/pipeline.go', '''
package pipeline

import (
	"context"
	"sync"
)

func Map[T, U any](ctx context.Context, in <-chan T, workers int, f func(T) U) <-chan U {
	out := make(chan U)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range in {
				select {
				case out <- f(v):
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return out
}
''')], lang=None)
t('complex', 'test-generation', 'Tests for the debounced batch writer: flushes at 100 items or 50 ms, whichever first, never loses items when flush and add overlap.', [('src/batch/writer.ts', '''
export class BatchWriter<T> {
  private buf: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  constructor(private readonly sink: (items: T[]) => Promise<void>, private readonly max = 100, private readonly ms = 50) {}
  add(item: T): void {
    this.buf.push(item);
    if (this.buf.length >= this.max) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.ms);
  }
  flush(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    const items = this.buf;
    this.buf = [];
    this.flushing = this.flushing.then(() => (items.length ? this.sink(items) : undefined));
    return this.flushing;
  }
}''')])
t('complex', 'security-scan', 'Is the wallet top-up endpoint safe against double-spending if the client retries?', [('src/wallet/topup.ts', '''
app.post('/wallet/topup', async (req, res) => {
  const { userId, amountCents, paymentId } = req.body;
  const charged = await psp.capture(paymentId, amountCents);
  if (!charged.ok) return res.status(402).end();
  const w = await db.wallets.find(userId);
  await db.wallets.update(userId, { balance: w.balance + amountCents });
  res.json({ balance: w.balance + amountCents });
});''')])

# --- distributed protocols ------------------------------------------------------------------------------
t('complex', 'test-generation', 'Tests for the outbox relay: at-least-once publishing, no duplicates after a crash between publish and mark-sent from the consumer side (dedup key).', [('src/outbox/relay.ts', '''
export async function relayOnce(db: Db, broker: Broker, batch = 100) {
  const rows = await db.query('SELECT id, topic, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED', [batch]);
  for (const r of rows) {
    await broker.publish(r.topic, r.payload, { messageId: String(r.id) });
    await db.query('UPDATE outbox SET sent_at = now() WHERE id = $1', [r.id]);
  }
  return rows.length;
}''')])
t('complex', 'test-generation', 'Test the tiny request/response protocol client: retries with timeouts, reconnect after the server crashes, and no request answered twice.', [('src/rpc/client.ts', '''
import { connect, type Socket } from 'node:net';
export class RpcClient {
  private sock?: Socket;
  private seq = 0;
  private pending = new Map<number, (v: string) => void>();
  constructor(private readonly port: number) {}
  private ensure(): Socket {
    if (this.sock && !this.sock.destroyed) return this.sock;
    const s = connect(this.port);
    s.on('data', (d) => { const [id, body] = d.toString().split(' ', 2); this.pending.get(Number(id))?.(body!); this.pending.delete(Number(id)); });
    s.on('close', () => { this.sock = undefined; });
    return (this.sock = s);
  }
  async call(body: string, timeoutMs = 500, retries = 3): Promise<string> {
    const id = ++this.seq;
    for (let a = 0; a <= retries; a++) {
      this.ensure().write(`${id} ${body}\\n`);
      const r = await Promise.race([new Promise<string>((res) => this.pending.set(id, res)), new Promise<null>((res) => setTimeout(() => res(null), timeoutMs))]);
      if (r !== null) return r;
    }
    throw new Error(`rpc ${id} timed out`);
  }
}''')])
t('complex', 'test-generation', 'Tests for the saga that books flight, hotel and car, compensating on failure.', [('src/travel/saga.ts', '''
export async function bookTrip(trip: Trip, svc: { flight: Svc; hotel: Svc; car: Svc }) {
  const done: Array<[Svc, string]> = [];
  try {
    for (const [s, req] of [[svc.flight, trip.flight], [svc.hotel, trip.hotel], [svc.car, trip.car]] as const) {
      const id = await s.reserve(req);
      done.push([s, id]);
    }
    return done.map(([, id]) => id);
  } catch (err) {
    for (const [s, id] of done.reverse()) await s.cancel(id).catch(() => undefined);
    throw err;
  }
}''')])
t('complex', 'test-generation', 'Tests for lease renewal in the scheduler; only one replica may run jobs at a time.', [('src/scheduler/lease.ts', '''
export class Lease {
  private held = false;
  constructor(private readonly store: KV, private readonly me: string, private readonly ttlMs = 10_000) {}
  async tick(): Promise<boolean> {
    const now = Date.now();
    const cur = await this.store.get('scheduler-lease');
    if (!cur || cur.expires < now || cur.owner === this.me) {
      const ok = await this.store.cas('scheduler-lease', cur, { owner: this.me, expires: now + this.ttlMs });
      this.held = ok;
    } else this.held = false;
    return this.held;
  }
}''')])
t('complex', 'defect-analysis', 'Consumers process some Kafka messages twice after a rebalance. Find out why from the consumer code and logs.', [('src/consumer.ts', "await consumer.run({\n  autoCommit: true,\n  eachMessage: async ({ message }) => {\n    await handle(JSON.parse(message.value!.toString()));\n  },\n});"), ('logs/consumer-a.log', '12:01:10 processing offset 5120\n12:01:11 rebalance started\n12:01:13 partition 3 revoked'), ('logs/consumer-b.log', '12:01:14 partition 3 assigned\n12:01:14 processing offset 5118\n12:01:14 processing offset 5119\n12:01:14 processing offset 5120')])
t('complex', 'test-generation', 'Property-based tests for the CRDT counter merge.', [('src/crdt/pncounter.ts', '''
export type PN = { p: Record<string, number>; n: Record<string, number> };
const mergeSide = (a: Record<string, number>, b: Record<string, number>) => {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
};
export const merge = (a: PN, b: PN): PN => ({ p: mergeSide(a.p, b.p), n: mergeSide(a.n, b.n) });
export const value = (c: PN) => Object.values(c.p).reduce((x, y) => x + y, 0) - Object.values(c.n).reduce((x, y) => x + y, 0);''')], reqs=['merge must be commutative, associative and idempotent'])
t('complex', 'test-generation', 'Tests for the webhook receiver: verify HMAC signatures, reject replays older than five minutes, process each event id once.', [('src/webhooks/receive.ts', '''
import { createHmac, timingSafeEqual } from 'node:crypto';
export function verify(secret: string, body: string, sig: string, ts: number, now = Date.now()) {
  if (Math.abs(now - ts * 1000) > 300_000) return false;
  const mac = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
  return mac.length === sig.length && timingSafeEqual(Buffer.from(mac), Buffer.from(sig));
}''')])
t('complex', 'performance-testing', 'Plan a soak and load test for the booking platform (API gateway, search, inventory, payments, notifications) ahead of the summer sale.', [], lang=None)
t('complex', 'performance-testing', 'Design load tests that prove our event pipeline keeps per-customer ordering at 20k events/s across three consumer groups.', [], lang=None)
t('complex', 'defect-analysis', 'Checkout latency spikes every few minutes. Logs from the gateway, cart, pricing and inventory services are attached; find the root cause.', [('logs/gateway.log', '10:00:01 /checkout 210ms\n10:03:05 /checkout 4100ms upstream=cart\n10:06:09 /checkout 3900ms upstream=cart'), ('logs/cart.log', '10:03:04 calling pricing (pool 10/10 busy)\n10:03:09 pricing responded 4000ms'), ('logs/pricing.log', '10:03:00 cache refresh started (full reload)\n10:03:08 cache refresh done'), ('logs/inventory.log', '10:03:05 healthy, p99 12ms')], lang=None)
t('complex', 'defect-analysis', 'After the region failover, some users see stale account balances for hours. Here are the replication config and service logs.', [('deploy/db-replication.yaml', 'primary: eu-west-1\nreplicas:\n  - region: eu-central-1\n    mode: async\n    readTraffic: true'), ('logs/accounts-svc.log', '02:10 failover: promoted eu-central-1\n02:11 cache warmup from replica snapshot 01:58\n05:40 cache invalidation consumer lag 3h12m')], lang=None)
t('complex', 'test-generation', 'Tests for the Raft log append handler (term checks, conflicting entries truncated).', [('src/raft/append.ts', '''
export function handleAppend(state: RaftState, req: AppendReq): AppendRes {
  if (req.term < state.currentTerm) return { term: state.currentTerm, success: false };
  state.currentTerm = req.term;
  const prev = state.log[req.prevIndex];
  if (req.prevIndex >= 0 && (!prev || prev.term !== req.prevTerm)) return { term: state.currentTerm, success: false };
  let i = req.prevIndex + 1;
  for (const e of req.entries) {
    if (state.log[i] && state.log[i]!.term !== e.term) state.log.length = i;
    state.log[i++] = e;
  }
  if (req.leaderCommit > state.commitIndex) state.commitIndex = Math.min(req.leaderCommit, i - 1);
  return { term: state.currentTerm, success: true };
}''')])
t('complex', 'test-generation', 'Tests for the idempotency-key middleware: same key + same body returns the stored response, same key + different body is rejected, concurrent requests with one key run the handler once.', [('src/http/idempotency.ts', '''
export function idempotency(store: Store) {
  return async (req: Req, res: Res, next: () => Promise<void>) => {
    const key = req.headers['idempotency-key'];
    if (!key) return next();
    const hash = sha256(JSON.stringify(req.body));
    const prior = await store.get(key);
    if (prior) {
      if (prior.hash !== hash) return res.status(422).send({ error: 'key reused with a different body' });
      return res.status(prior.status).send(prior.body);
    }
    await next();
    await store.set(key, { hash, status: res.statusCode, body: res.body });
  };
}''')])

# --- security-critical code ------------------------------------------------------------------------------
t('complex', 'security-scan', 'Review the password hashing and login code.', [('src/auth/password.ts', '''
import { createHash } from 'node:crypto';
export const hash = (pw: string, salt: string) => createHash('md5').update(salt + pw).digest('hex');
export async function login(db: Db, email: string, pw: string) {
  const u = await db.users.findByEmail(email);
  if (!u) return { ok: false, reason: 'no such user' };
  if (hash(pw, u.salt) !== u.passwordHash) return { ok: false, reason: 'wrong password' };
  return { ok: true, token: Buffer.from(`${u.id}:${Date.now()}`).toString('base64') };
}''')])
t('complex', 'test-generation', 'Tests for the role-based access check on document sharing.', [('src/docs/acl.ts', '''
export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';
const RANK: Record<Role, number> = { viewer: 0, commenter: 1, editor: 2, owner: 3 };
export function canShare(actor: { id: string; orgId: string; roles: Record<string, Role> }, doc: { id: string; orgId: string; public: boolean }, target: { orgId: string }, role: Role): boolean {
  const mine = actor.roles[doc.id];
  if (!mine) return false;
  if (target.orgId !== doc.orgId && !doc.public) return false;
  if (role === 'owner') return mine === 'owner';
  return RANK[mine] >= RANK['editor'] && RANK[role] <= RANK[mine];
}''')])
t('complex', 'security-scan', 'Audit this report export endpoint.', [('src/reports/export.js', '''
router.get('/reports/:name/export', async (req, res) => {
  const file = path.join(REPORT_DIR, req.params.name + '.csv');
  const where = req.query.filter ? `WHERE ${req.query.filter}` : '';
  const rows = await db.raw(`SELECT * FROM report_rows ${where}`);
  await fs.promises.writeFile(file, toCsv(rows));
  res.download(file);
});''')], lang='javascript')
t('complex', 'test-generation', 'Tests for the JWT verification middleware.', [('src/auth/verify.ts', '''
import jwt from 'jsonwebtoken';
export function requireAuth(keys: Record<string, string>) {
  return (req: any, res: any, next: any) => {
    const h = req.headers.authorization ?? '';
    const token = h.startsWith('Bearer ') ? h.slice(7) : '';
    const decoded = jwt.decode(token, { complete: true });
    const key = decoded && keys[decoded.header.kid ?? ''];
    if (!key) return res.status(401).end();
    try {
      req.user = jwt.verify(token, key, { algorithms: ['RS256'], audience: 'api', issuer: 'https://id.example.com' });
      next();
    } catch {
      res.status(401).end();
    }
  };
}''')])
t('complex', 'security-scan', "Can a user of one tenant read another tenant's invoices through this API?", [('src/invoices/routes.ts', "app.get('/invoices/:id', auth, async (req, res) => {\n  const inv = await db.invoices.findById(req.params.id);\n  if (!inv) return res.sendStatus(404);\n  res.json(inv);\n});"), ('src/middleware/auth.ts', "export const auth = (req, res, next) => { req.tenantId = req.user?.tenantId; next(); };")])
t('complex', 'test-generation', 'Tests for the AES-GCM field encryption helper, including key rotation.', [('src/crypto/fields.ts', '''
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
export function encrypt(keys: Map<string, Buffer>, activeKid: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keys.get(activeKid)!, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return [activeKid, iv.toString('base64'), c.getAuthTag().toString('base64'), body.toString('base64')].join('.');
}
export function decrypt(keys: Map<string, Buffer>, token: string): string {
  const [kid, iv, tag, body] = token.split('.');
  const key = keys.get(kid!);
  if (!key) throw new Error('unknown key');
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv!, 'base64'));
  d.setAuthTag(Buffer.from(tag!, 'base64'));
  return Buffer.concat([d.update(Buffer.from(body!, 'base64')), d.final()]).toString('utf8');
}''')])
t('complex', 'security-scan', 'Check the image proxy for SSRF.', [('src/proxy/image.ts', "app.get('/img', async (req, res) => {\n  const url = String(req.query.u);\n  if (!url.startsWith('http')) return res.sendStatus(400);\n  const r = await fetch(url);\n  res.set('content-type', r.headers.get('content-type') ?? 'image/png');\n  res.send(Buffer.from(await r.arrayBuffer()));\n});")])
t('complex', 'security-scan', 'Review the Python file upload view for path traversal and unsafe deserialisation.', [('app/views/upload.py', '''
import os, pickle
from flask import request

UPLOADS = "/srv/uploads"

def upload():
    f = request.files["file"]
    dest = os.path.join(UPLOADS, request.form["folder"], f.filename)
    f.save(dest)
    if dest.endswith(".session"):
        with open(dest, "rb") as fh:
            state = pickle.load(fh)
        return {"restored": list(state.keys())}
    return {"saved": dest}
''')], lang=None)
t('complex', 'test-generation', 'Write tests for the OAuth PKCE flow helpers (verifier, challenge, state check).', [('src/oauth/pkce.ts', '''
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
export const verifier = () => randomBytes(32).toString('base64url');
export const challenge = (v: string) => createHash('sha256').update(v).digest('base64url');
export function checkState(expected: string, got: string | undefined): boolean {
  if (!got) return false;
  const a = Buffer.from(expected), b = Buffer.from(got);
  return a.length === b.length && timingSafeEqual(a, b);
}''')])
t('complex', 'security-scan', 'Is our session cookie setup safe?', [('src/session.ts', "app.use(session({\n  secret: 'keyboard cat',\n  cookie: { httpOnly: false, secure: false, sameSite: 'none', maxAge: 30 * 24 * 3600 * 1000 },\n  resave: true,\n  saveUninitialized: true,\n}));\napp.post('/login', async (req, res) => {\n  const user = await authenticate(req.body.email, req.body.password);\n  if (!user) return res.sendStatus(401);\n  req.session.userId = user.id;\n  res.sendStatus(204);\n});")])
t('complex', 'security-scan', 'Find injection risks in the search service.', [('src/search/query.ts', "export async function search(term: string, sort: string) {\n  return db.query(`SELECT id, title FROM articles WHERE title ILIKE '%${term}%' ORDER BY ${sort} LIMIT 50`);\n}"), ('src/search/routes.ts', "router.get('/search', async (req, res) => res.json(await search(String(req.query.q), String(req.query.sort ?? 'id'))));")])
t('complex', 'test-generation', 'Tests for the password reset token service: tokens expire, are single-use, and cannot be guessed or reused across users.', [('src/auth/reset.ts', '''
import { randomBytes, createHash } from 'node:crypto';
export class ResetTokens {
  constructor(private readonly db: Db, private readonly now = () => Date.now()) {}
  async issue(userId: string) {
    const token = randomBytes(32).toString('hex');
    await this.db.resets.insert({ userId, hash: createHash('sha256').update(token).digest('hex'), expires: this.now() + 3600_000, used: false });
    return token;
  }
  async consume(userId: string, token: string) {
    const hash = createHash('sha256').update(token).digest('hex');
    const row = await this.db.resets.find({ hash });
    if (!row || row.used || row.expires < this.now()) return false;
    await this.db.resets.update(row.id, { used: true });
    return true;
  }
}''')])

# --- state machines, invariants, property-based -----------------------------------------------------------------
t('complex', 'test-generation', 'Tests for the order lifecycle state machine.', [('src/orders/lifecycle.ts', '''
export type State = 'created' | 'paid' | 'packed' | 'shipped' | 'delivered' | 'cancelled' | 'refunded' | 'returned';
export type Event = 'pay' | 'pack' | 'ship' | 'deliver' | 'cancel' | 'refund' | 'return';
export function transition(s: State, e: Event): State {
  switch (s) {
    case 'created': if (e === 'pay') return 'paid'; if (e === 'cancel') return 'cancelled'; break;
    case 'paid': if (e === 'pack') return 'packed'; if (e === 'cancel') return 'refunded'; break;
    case 'packed': if (e === 'ship') return 'shipped'; if (e === 'cancel') return 'refunded'; break;
    case 'shipped': if (e === 'deliver') return 'delivered'; break;
    case 'delivered': if (e === 'return') return 'returned'; break;
    case 'returned': if (e === 'refund') return 'refunded'; break;
    case 'cancelled':
    case 'refunded': break;
  }
  throw new Error(`illegal ${e} in ${s}`);
}''')])
t('complex', 'test-generation', 'Property-based tests for the date range merging function.', [('src/ranges/merge.ts', '''
export type Range = { start: number; end: number };
export function mergeRanges(xs: Range[]): Range[] {
  const s = [...xs].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of s) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
export function subtract(a: Range[], b: Range[]): Range[] {
  return mergeRanges(a).flatMap((r) => mergeRanges(b).reduce<Range[]>((acc, cut) => acc.flatMap((x) => (cut.end <= x.start || cut.start >= x.end ? [x] : [...(cut.start > x.start ? [{ start: x.start, end: cut.start }] : []), ...(cut.end < x.end ? [{ start: cut.end, end: x.end }] : [])])), [r]));
}''')], reqs=['merged ranges never overlap and cover exactly the same points', 'subtract(a, b) shares no point with b'])
t('complex', 'test-generation', 'Tests for the TCP connection state handling in the gateway (connect, auth, idle timeout, reconnect with backoff, draining).', [('src/gateway/conn.ts', '''
type S = 'idle' | 'connecting' | 'authenticating' | 'ready' | 'draining' | 'backoff' | 'closed';
export class Conn {
  state: S = 'idle';
  attempts = 0;
  on(ev: 'open' | 'authOk' | 'authFail' | 'error' | 'idleTimeout' | 'drain' | 'timer' | 'close') {
    const s = this.state;
    if (ev === 'close') { this.state = 'closed'; return; }
    if (s === 'idle' && ev === 'timer') this.state = 'connecting';
    else if (s === 'connecting' && ev === 'open') this.state = 'authenticating';
    else if (s === 'authenticating' && ev === 'authOk') { this.state = 'ready'; this.attempts = 0; }
    else if ((s === 'connecting' || s === 'authenticating' || s === 'ready') && ev === 'error') { this.state = 'backoff'; this.attempts++; }
    else if (s === 'authenticating' && ev === 'authFail') this.state = 'closed';
    else if (s === 'ready' && ev === 'idleTimeout') this.state = 'draining';
    else if (s === 'ready' && ev === 'drain') this.state = 'draining';
    else if (s === 'backoff' && ev === 'timer') this.state = this.attempts > 5 ? 'closed' : 'connecting';
  }
}''')])
t('complex', 'test-generation', 'Design property-based tests for the rope data structure (insert, delete, slice must agree with plain strings).', [('src/rope/rope.ts', lines(30, lambda i: f"  // node helper {i}" if i % 6 == 0 else f"  export const op{i} = (r: Rope, k: number) => rebalance(split(r, k + {i})[0]);"))])
t('complex', 'test-generation', 'Tests for the ledger: every transfer must keep the sum of all balances constant, and no account may go negative under concurrent transfers.', [('src/ledger/transfer.ts', '''
export async function transfer(db: Db, from: string, to: string, cents: number) {
  if (cents <= 0) throw new Error('amount must be positive');
  await db.tx(async (t) => {
    const a = await t.one('SELECT balance FROM accounts WHERE id = $1', [from]);
    if (a.balance < cents) throw new Error('insufficient funds');
    await t.none('UPDATE accounts SET balance = balance - $2 WHERE id = $1', [from, cents]);
    await t.none('UPDATE accounts SET balance = balance + $2 WHERE id = $1', [to, cents]);
  });
}''')])
t('medium', 'test-generation', 'Tests for the currency conversion with daylight-saving aware settlement cut-off times across time zones.', [('src/fx/settle.ts', '''
export function settlementDate(tradeUtc: Date, market: 'NY' | 'LDN' | 'TYO', holidays: Set<string>): string {
  const tz = { NY: 'America/New_York', LDN: 'Europe/London', TYO: 'Asia/Tokyo' }[market];
  const local = new Date(tradeUtc.toLocaleString('en-US', { timeZone: tz }));
  if (local.getHours() >= 17) local.setDate(local.getDate() + 1);
  let added = 0;
  while (added < 2) {
    local.setDate(local.getDate() + 1);
    const key = local.toISOString().slice(0, 10);
    if (local.getDay() !== 0 && local.getDay() !== 6 && !holidays.has(key)) added++;
  }
  return local.toISOString().slice(0, 10);
}''')])

# --- large multi-module context -----------------------------------------------------------------------------------
def module(name, n):
    return (f'src/{name}.ts', f"import {{ helper }} from './shared';\n" + lines(n, lambda i: f"export function {name.split('/')[-1]}Step{i}(x: number): number {{\n  if (x > {i}) return helper(x - {i});\n  return x * {i + 1};\n}}"))
t('complex', 'defect-analysis', 'The monthly statement totals are wrong for accounts with mixed currencies. Find the bug across these modules.', [module('statements/load', 4), module('statements/convert', 4), module('statements/aggregate', 4), module('statements/fees', 3), module('statements/render', 3), module('statements/shared', 2), ('src/statements/index.ts', "export * from './load';\nexport * from './convert';\nexport * from './aggregate';")])
t('complex', 'test-generation', 'Write integration tests for the billing engine (files attached).', [module(f'billing/{n}', 6) for n in ['plans', 'usage', 'proration', 'invoices', 'credits', 'tax', 'dunning']])
big = lines(300, lambda i: (f"export function rule{i // 10}_{i % 10}(ctx: Ctx): Decision {{" if i % 10 == 0 else "}" if i % 10 == 9 else f"  if (ctx.score > {i} && ctx.flags.includes('f{i}')) return deny('r{i}');"))
t('complex', 'test-generation', 'Tests for the fraud rules engine.', [('src/fraud/rules.ts', big)])
t('complex', 'defect-analysis', 'A refactor of the permission system broke something: some admins can no longer see audit logs. Here is the diff across the services.', [('diff/permissions.patch', '\n'.join(f'--- a/services/{s}/perm.ts\n+++ b/services/{s}/perm.ts\n@@ -1,4 +1,4 @@\n-  if (user.roles.includes("admin")) return true;\n+  if (user.role === "admin") return true;' for s in ['audit', 'billing', 'users', 'gateway', 'reports', 'settings']))], lang=None)
t('complex', 'coverage-analysis', 'Across the whole monorepo (12 packages), find the riskiest untested code paths and plan the testing work for the next two sprints.', [('coverage/summary.txt', '\n'.join(f'packages/{p}  lines {c}%  branches {b}%' for p, c, b in [('api', 81, 70), ('auth', 64, 51), ('billing', 58, 40), ('cart', 77, 66), ('catalog', 90, 84), ('checkout', 61, 45), ('inventory', 72, 59), ('notifications', 83, 71), ('payments', 55, 38), ('search', 88, 80), ('shipping', 70, 62), ('web', 49, 33)]))], lang=None)
t('complex', 'quality-gate', 'Design the release quality gates for our 9 services: which metrics per service type, thresholds, and how to handle flaky tests and partial rollouts.', [], lang=None)

# --- short descriptions hiding hard problems ---------------------------------------------------------------
t('complex', 'test-generation', 'Tests for retryQueue.', [('src/queue/retryQueue.ts', '''
const queue: Array<{ id: string; attempts: number }> = [];
let draining = false;
export function enqueue(id: string) { queue.push({ id, attempts: 0 }); void drain(); }
async function drain() {
  if (draining) return;
  draining = true;
  while (queue.length) {
    const job = queue.shift()!;
    try { await send(job.id); }
    catch { if (++job.attempts < 5) setTimeout(() => { queue.push(job); void drain(); }, 2 ** job.attempts * 100); }
  }
  draining = false;
}''')])
t('complex', 'test-generation', 'Some tests for the token refresher please.', [('src/auth/refresher.ts', '''
export class TokenRefresher {
  private token?: { value: string; exp: number };
  private refreshing?: Promise<string>;
  constructor(private readonly fetchToken: () => Promise<{ value: string; exp: number }>) {}
  async get(): Promise<string> {
    if (this.token && this.token.exp - Date.now() > 30_000) return this.token.value;
    if (!this.refreshing) {
      this.refreshing = this.fetchToken().then((t) => { this.token = t; return t.value; }).finally(() => { this.refreshing = undefined; });
    }
    return this.refreshing;
  }
}''')])
t('complex', 'test-generation', 'tests for dedupe()', [('src/events/dedupe.ts', '''
const seen = new Map<string, number>();
export async function dedupe(eventId: string, handler: () => Promise<void>, windowMs = 60_000) {
  const now = Date.now();
  for (const [k, t] of seen) if (now - t > windowMs) seen.delete(k);
  if (seen.has(eventId)) return false;
  await handler();
  seen.set(eventId, now);
  return true;
}''')], reqs=['events arrive from several replicas of the consumer at once'])
t('complex', 'defect-analysis', 'Why does the cache sometimes serve the old price after an update?', [('src/prices/cache.ts', '''
export async function getPrice(sku: string) {
  const hit = await redis.get(`price:${sku}`);
  if (hit) return Number(hit);
  const p = await db.price(sku);
  await redis.set(`price:${sku}`, String(p), 'EX', 300);
  return p;
}
export async function updatePrice(sku: string, p: number) {
  await redis.del(`price:${sku}`);
  await db.setPrice(sku, p);
}''')])
t('complex', 'test-generation', 'Tests for the rate limiter (Redis, sliding window) used by every API node.', [('src/limits/sliding.ts', '''
export async function allow(redis: Redis, key: string, limit: number, windowMs: number, now = Date.now()) {
  const k = `rl:${key}`;
  await redis.zremrangebyscore(k, 0, now - windowMs);
  const count = await redis.zcard(k);
  if (count >= limit) return false;
  await redis.zadd(k, now, `${now}-${Math.random()}`);
  await redis.pexpire(k, windowMs);
  return true;
}''')])
t('complex', 'flaky-test-analysis', 'The leader failover test fails about 1 in 30 runs on CI. Find out why across the test, the election code and the logs.', [('test/failover.test.ts', "test('new leader after crash', async () => {\n  const c = await cluster(3);\n  await c.kill(c.leader());\n  await sleep(300);\n  expect(c.leaders()).toHaveLength(1);\n});"), ('src/election.ts', "export function electionTimeout() { return 150 + Math.random() * 150; }\nexport async function onTimeout(node: Node) { node.term++; node.votes = 1; await node.requestVotes(); }"), ('logs/ci-failover.txt', 'node-2 term 4 candidate\nnode-3 term 4 candidate\nnode-2 votes 1/3\nnode-3 votes 1/3\ntest timeout: leaders() = []')])
t('complex', 'security-scan', 'Review the admin impersonation feature.', [('src/admin/impersonate.ts', "router.post('/admin/impersonate/:userId', async (req, res) => {\n  if (!req.user.isSupport) return res.sendStatus(403);\n  const target = await users.find(req.params.userId);\n  req.session.userId = target.id;\n  req.session.impersonatedBy = req.user.id;\n  res.redirect('/');\n});")])
t('complex', 'test-generation', 'Tests for the mobile sync merge: edits made offline on two devices to the same note must converge.', [('src/sync/merge.ts', '''
export function mergeNote(base: Note, a: Note, b: Note): Note {
  const title = a.title !== base.title ? a.title : b.title;
  const tags = [...new Set([...a.tags.filter((t) => !removed(base, b, t)), ...b.tags.filter((t) => !removed(base, a, t))])];
  const body = a.updatedAt >= b.updatedAt ? a.body : b.body;
  return { ...base, title, tags, body, updatedAt: Math.max(a.updatedAt, b.updatedAt), version: Math.max(a.version, b.version) + 1 };
}
const removed = (base: Note, other: Note, tag: string) => base.tags.includes(tag) && !other.tags.includes(tag);''')])
t('complex', 'performance-testing', 'How should we load test the new realtime bidding service end to end, including the ad exchange simulators and the budget pacing across regions?', [], lang=None)
t('medium', 'defect-analysis', 'Memory grows on all API pods until OOM after the last deploy. Heap snapshots summary and the diff are attached.', [('reports/heap.txt', 'Retained size by constructor:\n  Map (src/cache/users.ts:12)  61%\n  Closure (src/events/bus.ts:40)  22%\n  Socket  6%'), ('diff/deploy.patch', "+ bus.on('user.updated', (u) => usersCache.set(u.id, u));\n+ // per request\n+ app.use((req, _res, next) => { bus.on('config.changed', () => req.log.info('config')); next(); });")], lang=None)
t('complex', 'test-generation', 'Write tests for the distributed cron runner: a job must run exactly once per schedule tick even when two nodes start at the same time and one crashes mid-run.', [('src/cron/runner.ts', "export async function runTick(db: Db, job: Job, tick: string, node: string) {\n  const claimed = await db.query('INSERT INTO cron_runs (job, tick, node, started_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING', [job.name, tick, node]);\n  if (claimed.rowCount === 0) return 'skipped';\n  await job.run();\n  await db.query('UPDATE cron_runs SET finished_at = now() WHERE job = $1 AND tick = $2', [job.name, tick]);\n  return 'ran';\n}")])
t('complex', 'test-generation', 'Tests for the Java bank account transfer service with synchronized blocks.', [('src/main/java/bank/Transfers.java', '''
package bank;

public class Transfers {
    public void transfer(Account from, Account to, long cents) {
        synchronized (from) {
            synchronized (to) {
                if (from.balance < cents) throw new IllegalStateException("insufficient funds");
                from.balance -= cents;
                to.balance += cents;
            }
        }
    }
}
''')], lang=None)
t('complex', 'test-generation', 'Python tests for the asyncio connection pool: max size, waiting acquirers are served in order, broken connections are replaced.', [('app/pool.py', '''
import asyncio

class Pool:
    def __init__(self, factory, size):
        self._factory, self._size = factory, size
        self._free, self._used = [], 0
        self._cond = asyncio.Condition()

    async def acquire(self):
        async with self._cond:
            while not self._free and self._used >= self._size:
                await self._cond.wait()
            if self._free:
                conn = self._free.pop()
            else:
                conn = await self._factory()
            self._used += 1
            return conn

    async def release(self, conn, broken=False):
        async with self._cond:
            self._used -= 1
            if not broken:
                self._free.append(conn)
            self._cond.notify()
''')], lang=None, fw='pytest')
