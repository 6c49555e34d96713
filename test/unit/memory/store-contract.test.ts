/**
 * The MemoryStore contract, run against both backends: the embedded SQLite store and PostgreSQL
 * (a fresh database on AQE_TEST_PG_URL; see test/helpers/pg.ts). Backend-specific behaviour (SQLite's WAL file,
 * its migrations; PostgreSQL's leases) is tested in the backend's own file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AqeError } from '../../../src/errors.js';
import { PgMemoryStore } from '../../../src/memory/pg-store.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { AccessLevel, type CostRecord, type MemoryEntry, type MemoryStore, type QueryOptions, type SliceCommit } from '../../../src/memory/types.js';
import { createTestDatabase, PG_SKIP, PG_SKIP_NOTE, truncateAll, type TestDatabase } from '../../helpers/pg.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
/** The stores' key order: UTF-8 bytes. */
const bytewise = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

function entry(key: string, value: unknown, extra: Partial<MemoryEntry> = {}): MemoryEntry {
  return { key, partition: 'p', value, owner: 'agent-1', accessLevel: AccessLevel.PRIVATE, createdAt: T0, updatedAt: T0, ...extra };
}

function cost(taskId: string, amount: number, at = T0): CostRecord {
  const iso = new Date(at).toISOString();
  return {
    taskId, modelName: 'claude-haiku-4', agentType: 'test-generator', inputTokens: 100, outputTokens: 50,
    cost: amount, estimated: true, at, day: iso.slice(0, 10), month: iso.slice(0, 7),
  };
}

type TestStore = MemoryStore & { purgeExpired(): number | Promise<number> };

interface Backend {
  name: string;
  skip: boolean;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A store on this test's (fresh) data; `open` again within a test reopens the same data. */
  open(opts: { now: () => number }): TestStore;
  /** Rows in the entries table, expired or not (to observe purges). */
  rawKeys(): Promise<string[]>;
  reset(): Promise<void>;
}

function sqliteBackend(): Backend {
  let dir = '';
  let file = '';
  return {
    name: 'SqliteMemoryStore',
    skip: false,
    async setup() {},
    async teardown() {},
    async reset() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'aqe-contract-'));
      file = join(dir, 'fleet.db');
    },
    open: ({ now }) => new SqliteMemoryStore(file, { now, purgeIntervalMs: 0, purgeEveryWrites: 0 }),
    async rawKeys() {
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT key FROM entries ORDER BY key').pluck().all() as string[];
      } finally {
        db.close();
      }
    },
  };
}

function pgBackend(): Backend {
  let db: TestDatabase | undefined;
  return {
    name: `PgMemoryStore${PG_SKIP_NOTE}`,
    skip: PG_SKIP,
    async setup() {
      db = await createTestDatabase('aqe_contract');
    },
    async teardown() {
      await db?.drop();
    },
    async reset() {
      if (!db) return;
      const probe = new PgMemoryStore({ url: db.url, purgeIntervalMs: 0 });
      await probe.init(); // the first test migrates
      await probe.close();
      await truncateAll(db.url);
    },
    open: ({ now }) => new PgMemoryStore({ url: db!.url, now, purgeIntervalMs: 0, poolMax: 4 }),
    async rawKeys() {
      const { default: pg } = await import('pg');
      const c = new pg.Client({ connectionString: db!.url });
      await c.connect();
      try {
        return (await c.query<{ key: string }>('SELECT key FROM aqe_entries ORDER BY key')).rows.map((r) => r.key);
      } finally {
        await c.end();
      }
    },
  };
}

for (const backend of [sqliteBackend(), pgBackend()]) {
  describe.skipIf(backend.skip)(`MemoryStore contract: ${backend.name}`, () => {
    let clock: number;
    let store: TestStore;
    const now = () => clock;

    beforeAll(() => backend.setup());
    afterAll(() => backend.teardown());
    beforeEach(async () => {
      clock = T0;
      await backend.reset();
      store = backend.open({ now });
    });
    afterEach(async () => {
      await store.close();
    });

    it('puts, gets, overwrites (keeping createdAt) and deletes entries', async () => {
      await store.put(entry('a', { n: 1, list: [1, 'x', null] }, { teamId: 't1' }));
      expect(await store.get('p', 'a')).toEqual(entry('a', { n: 1, list: [1, 'x', null] }, { teamId: 't1' }));
      expect(await store.get('other', 'a')).toBeUndefined();

      await store.put(entry('a', 'second', { createdAt: T0 + 5, updatedAt: T0 + 5 }));
      const got = await store.get('p', 'a');
      expect(got?.value).toBe('second');
      expect(got?.createdAt).toBe(T0);
      expect(got?.updatedAt).toBe(T0 + 5);
      expect(got?.teamId).toBeUndefined();

      expect(await store.delete('p', 'a')).toBe(true);
      expect(await store.delete('p', 'a')).toBe(false);
      expect(await store.get('p', 'a')).toBeUndefined();
    });

    it('keeps unicode, quotes and SQL-looking keys and values verbatim', async () => {
      const hostile = "k'; DROP TABLE entries; --\u0000?";
      const key = hostile.replace('\u0000', '');
      await store.put(entry(key, { text: "it's \"quoted\" — ünïcödé 🚀", n: -0.5 }));
      expect((await store.get('p', key))?.value).toEqual({ text: "it's \"quoted\" — ünïcödé 🚀", n: -0.5 });
      expect((await store.query({ partition: 'p', keyPrefix: "k'" })).map((e) => e.key)).toEqual([key]);
    });

    it('putMany writes all entries in one transaction, or none when one value is invalid', async () => {
      await store.putMany([entry('a', 1), entry('b', 2), entry('c', 3)]);
      expect((await store.query({ partition: 'p' })).map((e) => e.value)).toEqual([1, 2, 3]);
      await expect(async () => store.putMany([entry('d', 4), entry('e', 10n)])).rejects.toThrow(/key "e" in partition "p" is not JSON-serialisable/);
      expect(await store.get('p', 'd')).toBeUndefined();
    });

    it('applyBatch upserts and deletes in one transaction, or changes nothing when one value is invalid', async () => {
      await store.putMany([entry('a', 1), entry('gone', 0)]);
      await store.applyBatch!([entry('a', 2), entry('b', 3)], [{ partition: 'p', key: 'gone' }]);
      expect((await store.query({ partition: 'p' })).map((e) => `${e.key}=${String(e.value)}`)).toEqual(['a=2', 'b=3']);
      await expect(async () => store.applyBatch!([entry('c', 4), entry('e', 10n)], [{ partition: 'p', key: 'a' }])).rejects.toThrow(/key "e" in partition "p" is not JSON-serialisable/);
      expect(await store.get('p', 'c')).toBeUndefined();
      expect((await store.get('p', 'a'))?.value).toBe(2);
    });

    it('applyBatch: many rows and deletes at once, a key put twice keeps its last row, expiry and createdAt as put', async () => {
      await store.putMany([entry('gone-1', 0), entry('gone-2', 0), entry('kept', 0, { createdAt: T0 - 5 })]);
      const puts = Array.from({ length: 40 }, (_, i) => entry(`k${String(i).padStart(2, '0')}`, { i }, { teamId: i % 2 ? 't' : undefined }));
      await store.applyBatch!(
        [...puts.reverse(), entry('x', 'first'), entry('kept', 1, { updatedAt: T0 + 1, expiresAt: T0 + 1000 }), entry('x', 'last')],
        [{ partition: 'p', key: 'gone-2' }, { partition: 'p', key: 'gone-1' }, { partition: 'p', key: 'never-was' }],
      );
      const all = await store.query({ partition: 'p' });
      expect(all.map((e) => e.key)).toEqual([...Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`), 'kept', 'x']);
      expect(all.find((e) => e.key === 'k07')).toEqual(entry('k07', { i: 7 }, { teamId: 't' }));
      expect(all.find((e) => e.key === 'x')?.value).toBe('last');
      expect(all.find((e) => e.key === 'kept')).toMatchObject({ value: 1, createdAt: T0 - 5, updatedAt: T0 + 1, expiresAt: T0 + 1000 });
    });

    it('refuses values without a JSON form with an error naming key and partition', async () => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      for (const bad of [undefined, () => 1, Symbol('s'), circular, 5n]) {
        const err = await (async () => store.put(entry('bad', bad)))().then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(AqeError);
        expect((err as AqeError).code).toBe('AQE_ERR_MEMORY_INVALID');
        expect((err as Error).message).toContain('key "bad" in partition "p"');
      }
    });

    it('queries by partition, exact case-sensitive prefix, since, limit, offset and order', async () => {
      await store.putMany([
        entry('task-1', 1, { updatedAt: T0 + 1 }),
        entry('task-2', 2, { updatedAt: T0 + 3 }),
        entry('Task-3', 3, { updatedAt: T0 + 2 }),
        entry('task_x', 4, { updatedAt: T0 + 4 }),
        entry('tasks', 5, { updatedAt: T0 + 5 }),
        entry('task-1', 'other', { partition: 'q' }),
      ]);
      const keys = async (o: QueryOptions) => (await store.query(o)).map((e) => `${e.partition}/${e.key}`);
      expect(await keys({ partition: 'p', keyPrefix: 'task-' })).toEqual(['p/task-1', 'p/task-2']);
      expect(await keys({ partition: 'p', keyPrefix: 'task-%' })).toEqual(['p/task-1', 'p/task-2']);
      expect(await keys({ partition: 'p', keyPrefix: 'task_' })).toEqual(['p/task_x']);
      expect(await keys({ keyPrefix: 'task-1' })).toEqual(['p/task-1', 'q/task-1']);
      expect(await keys({ partition: 'p', since: T0 + 3 })).toEqual(['p/task-2', 'p/task_x', 'p/tasks']);
      expect(await keys({ partition: 'p', limit: 2 })).toEqual(['p/Task-3', 'p/task-1']);
      expect(await keys({ partition: 'p', limit: 2, offset: 2 })).toEqual(['p/task-2', 'p/task_x']);
      expect(await keys({ partition: 'p', order: 'newest', limit: 2 })).toEqual(['p/tasks', 'p/task_x']);
      expect(await keys({ partition: 'p', order: 'oldest', limit: 2 })).toEqual(['p/task-1', 'p/Task-3']);
      expect(await keys({ partition: 'p', limit: 0 })).toEqual([]);
    });

    it('matches a prefix exactly at the edges of its key range (the next character, astral and U+10FFFF keys)', async () => {
      const inside = ['run/', 'run/\u{10FFFF}', 'run/\u{10FFFF}z', 'run/\u{1F600}', 'run/\uFFFF'];
      const outside = ['run0', 'run.', 'ruo', 'rum\u{10FFFF}'];
      await store.putMany([...inside, ...outside].map((k, i) => entry(k, i)));
      const keys = async (o: QueryOptions) => (await store.query(o)).map((e) => e.key);
      expect(await keys({ partition: 'p', keyPrefix: 'run/' })).toEqual(inside.slice().sort(bytewise));
      expect(await keys({ partition: 'p', keyPrefix: 'run/\u{10FFFF}' })).toEqual(['run/\u{10FFFF}', 'run/\u{10FFFF}z']);
      expect(await keys({ partition: 'p', keyPrefix: 'rum' })).toEqual(['rum\u{10FFFF}']);
    });

    it('hides expired entries from get and query, and purges them', async () => {
      await store.put(entry('short', 1, { expiresAt: T0 + 1000 }));
      await store.put(entry('forever', 2));
      expect((await store.get('p', 'short'))?.expiresAt).toBe(T0 + 1000);
      clock = T0 + 999;
      expect((await store.get('p', 'short'))?.value).toBe(1);
      clock = T0 + 1000;
      expect(await store.get('p', 'short')).toBeUndefined();
      expect((await store.query({ partition: 'p' })).map((e) => e.key)).toEqual(['forever']);
      expect(await store.delete('p', 'short')).toBe(false);

      await store.put(entry('short2', 1, { expiresAt: T0 + 1500 }));
      clock = T0 + 2000;
      expect(await store.purgeExpired()).toBe(1);
      expect(await backend.rawKeys()).toEqual(['forever']);
    });

    it('an expired entry that is written again starts a new life (createdAt resets)', async () => {
      await store.put(entry('k', 1, { expiresAt: T0 + 10 }));
      clock = T0 + 20;
      await store.put(entry('k', 2, { createdAt: T0 + 20, updatedAt: T0 + 20 }));
      expect(await store.get('p', 'k')).toMatchObject({ value: 2, createdAt: T0 + 20 });
    });

    it('clear removes the whole partition and reports the live entries removed', async () => {
      await store.putMany([entry('a', 1), entry('b', 2, { expiresAt: T0 + 1 }), entry('c', 3, { partition: 'keep' })]);
      clock = T0 + 2;
      expect(await store.clear('p')).toBe(1);
      expect(await store.query({ partition: 'p' })).toEqual([]);
      expect((await store.get('keep', 'c'))?.value).toBe(3);
    });

    it('reserves budget, refuses with the window name, and settles or releases', async () => {
      const windows = [
        { name: 'daily' as const, period: '2026-11-25', limit: 1 },
        { name: 'monthly' as const, period: '2026-11', limit: 10 },
      ];
      const r1 = await store.reserveBudget(windows, 0.4, { taskId: 't1' });
      const r2 = await store.reserveBudget(windows, 0.4, { taskId: 't2' });
      expect(r1.ok && r2.ok).toBe(true);
      expect(await store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0, reserved: 0.8, simulated: 0 });

      expect(await store.reserveBudget(windows, 0.3, { taskId: 't3' })).toEqual({ ok: false, budget: 'daily', spent: 0.8, limit: 1 });

      if (!r1.ok || !r2.ok) throw new Error('unreachable');
      await store.settleReservation(r1.reservationId, cost('t1', 0.25));
      expect(await store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0.25, reserved: 0.4, simulated: 0 });
      expect(await store.budgetUsage('monthly', '2026-11')).toEqual({ spent: 0.25, reserved: 0.4, simulated: 0 });
      // settling twice records the cost once
      await store.settleReservation(r1.reservationId, cost('t1', 0.25));
      expect(await store.costRecords(0)).toHaveLength(1);
      // the settled record is also readable in the seed's routing/costs partition
      expect((await store.query({ partition: 'routing/costs' })).map((e) => e.value)).toEqual([{ ...cost('t1', 0.25), status: 'settled' }]);

      await store.releaseReservation(r2.reservationId);
      expect(await store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0.25, reserved: 0, simulated: 0 });
      expect((await store.reserveBudget(windows, 0.75, { taskId: 't4' })).ok).toBe(true);
      expect(await store.reserveBudget(windows, 0.01, { taskId: 't5' })).toMatchObject({ ok: false, budget: 'daily' });
    });

    it('shows each settled call in routing/costs by key and by query; a call booked unsettled only once it is corrected', async () => {
      const owner = await store.registerOwner({ role: 'test', pid: 1, host: 'h' });
      const held = await store.reserveBudget([], 0.5, { taskId: 'late', ownerId: owner });
      const r = await store.reserveBudget([], 0.5, { taskId: 't:9' });
      if (!held.ok || !r.ok) throw new Error('unreachable');
      await store.settleReservation(r.reservationId, { ...cost('t:9', 0.125), status: 'simulated' });
      await store.releaseOwner(owner);
      expect(await store.bookOrphanedReservations()).toHaveLength(1);
      // the unsettled booking is in the ledger but not in routing/costs (as before)
      expect((await store.query({ partition: 'routing/costs' })).map((e) => e.key)).toEqual([`t:9:${r.reservationId}`]);
      const got = await store.get('routing/costs', `t:9:${r.reservationId}`);
      expect(got).toMatchObject({ owner: 'system', accessLevel: AccessLevel.SYSTEM, value: { ...cost('t:9', 0.125), status: 'simulated' } });
      expect(await store.get('routing/costs', `t:9:nope`)).toBeUndefined();
      // the late settlement corrects the booking, which then shows with its real cost
      await store.settleReservation(held.reservationId, cost('late', 0.375));
      const all = await store.query({ partition: 'routing/costs' });
      expect(all.map((e) => e.key).sort()).toEqual([`late:${held.reservationId}`, `t:9:${r.reservationId}`].sort());
      expect((await store.get('routing/costs', `late:${held.reservationId}`))?.value).toMatchObject({ taskId: 'late', cost: 0.375, status: 'settled' });
      expect((await store.query({ partition: 'routing/costs', keyPrefix: 'late:' })).map((e) => e.key)).toEqual([`late:${held.reservationId}`]);
      expect(await store.query({ partition: 'routing/costs', limit: 1, offset: 1 })).toHaveLength(1);
      // no second row per call: clearing the partition deletes no entry and the ledger still shows through it
      expect(await store.clear('routing/costs')).toBe(0);
      expect(await store.query({ partition: 'routing/costs' })).toHaveLength(2);
      // an entry stored under a ledger key (an earlier release wrote one per call) is the one read for that key
      await store.put({ ...entry(`late:${held.reservationId}`, { legacy: true }), partition: 'routing/costs', owner: 'system', accessLevel: AccessLevel.SYSTEM });
      expect((await store.query({ partition: 'routing/costs' })).map((e) => e.value)).toEqual([{ legacy: true }, expect.objectContaining({ taskId: 't:9' })]);
      expect((await store.get('routing/costs', `late:${held.reservationId}`))?.value).toEqual({ legacy: true });
      expect((await store.query({})).filter((e) => e.partition === 'routing/costs')).toHaveLength(2);
    });

    it('checks the monthly window against settled costs of other days of the month', async () => {
      const r = await store.reserveBudget([], 2, { taskId: 'old' });
      if (!r.ok) throw new Error('unreachable');
      await store.settleReservation(r.reservationId, cost('old', 2, Date.UTC(2026, 10, 3)));
      const windows = [
        { name: 'daily' as const, period: '2026-11-25', limit: 5 },
        { name: 'monthly' as const, period: '2026-11', limit: 3 },
      ];
      expect(await store.reserveBudget(windows, 1.5, { taskId: 'new' })).toEqual({ ok: false, budget: 'monthly', spent: 2, limit: 3 });
      expect((await store.reserveBudget(windows, 1, { taskId: 'new' })).ok).toBe(true);
    });

    it('tolerates float drift: ten reservations of 0.1 fill a 1.0 budget exactly', async () => {
      const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];
      for (let i = 0; i < 10; i++) expect((await store.reserveBudget(windows, 0.1, { taskId: `t${i}` })).ok).toBe(true);
      expect((await store.reserveBudget(windows, 0.001, { taskId: 'over' })).ok).toBe(false);
    });

    it('concurrent reservations never exceed the cap', async () => {
      const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];
      const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => store.reserveBudget(windows, 0.1, { taskId: `c${i}` })));
      expect(outcomes.filter((o) => o.ok)).toHaveLength(10);
      expect((await store.budgetUsage('daily', '2026-11-25')).reserved).toBeCloseTo(1, 9);
    });

    it('reservations never age out: an orphan is booked as unsettled at the reserved amount, exactly once', async () => {
      const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];
      const owner = await store.registerOwner({ role: 'aqe run', pid: 42, host: 'h' });
      const held = await store.reserveBudget(windows, 0.6, { taskId: 'crashed', ownerId: owner, modelName: 'sonnet', agentType: 'test-generator' });
      expect(held).toMatchObject({ ok: true, amount: 0.6 });
      clock = T0 + 86_400_000 * 0.4;
      expect((await store.reserveBudget(windows, 0.5, { taskId: 'next' })).ok).toBe(false);
      // the owner is alive: nothing to book
      expect(await store.bookOrphanedReservations()).toEqual([]);
      const survivor = await store.registerOwner({ role: 'aqe run', pid: 43, host: 'h' });
      expect((await store.claimDeadOwners(survivor, 20_000)).map((o) => o.id)).toEqual([owner]);
      const booked = await store.bookOrphanedReservations();
      expect(booked).toMatchObject([{ taskId: 'crashed', modelName: 'sonnet', cost: 0.6, status: 'unsettled', day: '2026-11-25' }]);
      expect(await store.bookOrphanedReservations()).toEqual([]);
      expect(await store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0.6, reserved: 0, simulated: 0 });
      expect(await store.costRecords(0)).toMatchObject([{ taskId: 'crashed', status: 'unsettled', cost: 0.6 }]);
      // the owner was only paused: its late settlement corrects the booked amount to the real cost
      if (!held.ok) throw new Error('unreachable');
      await store.settleReservation(held.reservationId, { ...cost('crashed', 0.2), modelName: 'sonnet' });
      expect(await store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0.2, reserved: 0, simulated: 0 });
      expect(await store.costRecords(0)).toMatchObject([{ taskId: 'crashed', status: 'settled', cost: 0.2 }]);
    });

    const sliceCommit = (over: Partial<SliceCommit> & Pick<SliceCommit, 'sliceId' | 'ownerId'>): SliceCommit => ({
      known: false,
      windows: [
        { name: 'daily', period: '2026-11-25', limit: 1 },
        { name: 'monthly', period: '2026-11', limit: 100 },
      ],
      countSimulated: false,
      settled: [],
      started: [],
      ended: [],
      floor: 0,
      need: 0,
      extra: 0,
      extraFraction: 1 / 16,
      exactBelow: 0,
      ...over,
    });

    it('a budget slice: grows within the limit with headroom, settles a batch once, and returns to nothing', async () => {
      const owner = await store.registerOwner({ role: 'aqe serve', pid: 1, host: 'h' });
      // need 0.1 plus headroom 0.2 (at most 1/16 of the 0.9 left: 0.05625)
      const first = await store.commitSlice(sliceCommit({ sliceId: 's1', ownerId: owner, need: 0.1, extra: 0.2 }));
      expect(first.amount).toBeCloseTo(0.1 + 0.9 / 16, 9);
      expect(first.usage.find((u) => u.name === 'daily')).toMatchObject({ limit: 1, spent: 0, reserved: expect.closeTo(first.amount, 9) });
      // Two calls settled from it: their costs move from the slice to spent, recorded once even if committed twice.
      const settled = [
        { id: 'call-1', record: cost('t1', 0.04), held: true },
        { id: 'call-2', record: cost('t2', 0.03), held: true },
      ];
      const second = await store.commitSlice(sliceCommit({ sliceId: 's1', ownerId: owner, known: true, settled, floor: 0, need: 0, extra: 0 }));
      expect(second.amount).toBe(0);
      expect(await store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: expect.closeTo(0.07, 9), reserved: 0, simulated: 0 });
      await store.commitSlice(sliceCommit({ sliceId: 's2', ownerId: owner, settled }));
      expect((await store.costRecords(0)).map((r) => [r.taskId, r.cost, r.status])).toEqual([
        ['t1', 0.04, 'settled'],
        ['t2', 0.03, 'settled'],
      ]);
      // the group-committed settlements are readable in routing/costs too (from the ledger, not a second row)
      expect((await store.query({ partition: 'routing/costs' })).map((e) => [e.key, (e.value as CostRecord).cost])).toEqual([
        ['t1:call-1', 0.04],
        ['t2:call-2', 0.03],
      ]);
      expect((await store.budgetUsage('daily', '2026-11-25')).spent).toBeCloseTo(0.07, 9);
      expect(await store.bookOrphanedReservations()).toEqual([]);
    });

    it('applyGroup: entries, deletes and slice commits in one transaction, outcomes in order; all or nothing', async () => {
      const owner = await store.registerOwner({ role: 'aqe serve', pid: 1, host: 'h' });
      await store.put(entry('gone', 0));
      // Two slices grow (need 0.1 each), then one settles a call in the same group as task-record writes.
      const grown = await store.applyGroup!([entry('task-1', 'queued')], [{ partition: 'p', key: 'gone' }], [
        sliceCommit({ sliceId: 's1', ownerId: owner, need: 0.1 }),
        sliceCommit({ sliceId: 's2', ownerId: owner, need: 0.2 }),
      ]);
      expect(grown.map((o) => [Number(o.amount.toFixed(9)), o.lost])).toEqual([[0.1, false], [0.2, false]]);
      expect(grown[1].usage.find((u) => u.name === 'daily')).toMatchObject({ spent: 0, reserved: expect.closeTo(0.3, 9) });
      expect(await store.get('p', 'gone')).toBeUndefined();
      const settled = [{ id: 'call-1', record: cost('task-1', 0.04), held: true }];
      const [done] = await store.applyGroup!([entry('task-1', 'completed')], [], [
        sliceCommit({ sliceId: 's1', ownerId: owner, known: true, settled, floor: 0, need: 0, extra: 0 }),
      ]);
      expect(done.amount).toBe(0);
      expect((await store.get('p', 'task-1'))?.value).toBe('completed');
      expect((await store.costRecords(0)).map((r) => [r.taskId, r.cost, r.status])).toEqual([['task-1', 0.04, 'settled']]);
      expect(await store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: expect.closeTo(0.04, 9), reserved: expect.closeTo(0.2, 9), simulated: 0 });

      // A slice commit the store refuses inside the transaction (a status its CHECK rejects): nothing is written,
      // neither the entries before it nor the other slice's settlement.
      const bad = { ...cost('task-2', 0.05), status: 'bogus' as never };
      await expect(
        store.applyGroup!([entry('task-2', 'completed'), entry('task-1', 'overwritten')], [{ partition: 'p', key: 'task-1' }], [
          sliceCommit({ sliceId: 's2', ownerId: owner, known: true, settled: [{ id: 'call-2', record: cost('task-3', 0.01), held: true }], floor: 0.19, need: 0.19 }),
          sliceCommit({ sliceId: 's3', ownerId: owner, settled: [{ id: 'call-3', record: bad, held: false }] }),
        ]),
      ).rejects.toThrow();
      expect(await store.get('p', 'task-2')).toBeUndefined();
      expect((await store.get('p', 'task-1'))?.value).toBe('completed');
      expect((await store.costRecords(0)).map((r) => r.taskId)).toEqual(['task-1']);
      expect(await store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: expect.closeTo(0.04, 9), reserved: expect.closeTo(0.2, 9), simulated: 0 });
      // Checked before writing, as commitSlice checks them.
      await expect(store.applyGroup!([], [], [sliceCommit({ sliceId: 's4', ownerId: owner, need: -1 })])).rejects.toThrow(AqeError);
    });

    it('near the limit a slice holds exactly what is asked; past it, only what fits (never below the calls in flight)', async () => {
      const owner = await store.registerOwner({ role: 'aqe serve', pid: 1, host: 'h' });
      const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];
      expect((await store.reserveBudget(windows, 0.7, { taskId: 'other' })).ok).toBe(true);
      // 0.3 left; asking 0.1 with headroom, but less than exactBelow (0.5) is left: no headroom
      const a = await store.commitSlice(sliceCommit({ sliceId: 's1', ownerId: owner, windows, need: 0.1, extra: 0.1, exactBelow: 0.5 }));
      expect(a.amount).toBeCloseTo(0.1, 9);
      // floor 0.1 (in flight) + 0.5 asked: only 0.2 more fits
      const b = await store.commitSlice(sliceCommit({ sliceId: 's1', ownerId: owner, windows, known: true, floor: 0.1, need: 0.6, extra: 0, exactBelow: 0.5 }));
      expect(b.amount).toBeCloseTo(0.3, 9);
      const usage = await store.budgetUsage('daily', '2026-11-25');
      expect(usage.spent + usage.reserved).toBeCloseTo(1, 9);
      // the limit lowered below what is in flight: the slice keeps its calls in flight, nothing more
      const lowered = [{ name: 'daily' as const, period: '2026-11-25', limit: 0.5 }];
      const c = await store.commitSlice(sliceCommit({ sliceId: 's1', ownerId: owner, windows: lowered, known: true, floor: 0.3, need: 0.4, extra: 0 }));
      expect(c.amount).toBeCloseTo(0.3, 9);
    });

    it('concurrent slices of several processes never hold more than the limit', async () => {
      const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];
      const owners = await Promise.all(Array.from({ length: 6 }, (_, i) => store.registerOwner({ role: 'p', pid: i, host: 'h' })));
      const outs = await Promise.all(
        owners.map((o, i) => store.commitSlice(sliceCommit({ sliceId: `s${i}`, ownerId: o, windows, need: 0.3, extra: 0.3, extraFraction: 1 }))),
      );
      const held = outs.reduce((n, x) => n + x.amount, 0);
      expect(held).toBeLessThanOrEqual(1 + 1e-9);
      expect(outs.filter((x) => x.amount >= 0.3 - 1e-9).length).toBeGreaterThanOrEqual(2);
      const usage = await store.budgetUsage('daily', '2026-11-25');
      expect(usage.reserved).toBeCloseTo(held, 9);
    });

    it("a dead owner's slice: journaled calls booked by task at their bound, the rest as one record; a late commit corrects it", async () => {
      const owner = await store.registerOwner({ role: 'aqe serve', pid: 7, host: 'h' });
      const started = [
        { id: 'call-a', taskId: 'task-a', modelName: 'claude-sonnet-4.5', agentType: 'test-generator', amount: 0.2 },
        { id: 'call-b', taskId: 'task-b', modelName: 'claude-haiku-4', agentType: 'security-scanner', amount: 0.05 },
      ];
      const out = await store.commitSlice(sliceCommit({ sliceId: 's1', ownerId: owner, started, floor: 0.25, need: 0.25, extra: 0.1, extraFraction: 1 }));
      expect(out.amount).toBeCloseTo(0.35, 9);
      expect(await store.bookOrphanedReservations()).toEqual([]);
      const survivor = await store.registerOwner({ role: 'aqe serve', pid: 8, host: 'h' });
      await store.claimDeadOwners(survivor, 20_000, [owner]);
      const booked = await store.bookOrphanedReservations();
      expect(booked.map((r) => [r.taskId, r.modelName, Number(r.cost.toFixed(9)), r.status]).sort()).toEqual([
        [`slice:${owner}`, 'unknown', 0.1, 'unsettled'],
        ['task-a', 'claude-sonnet-4.5', 0.2, 'unsettled'],
        ['task-b', 'claude-haiku-4', 0.05, 'unsettled'],
      ]);
      expect(await store.bookOrphanedReservations()).toEqual([]);
      expect(await store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: expect.closeTo(0.35, 9), reserved: 0, simulated: 0 });
      // The owner was only paused: its next commit learns the slice was lost; the settled calls correct the books.
      const late = await store.commitSlice(
        sliceCommit({
          sliceId: 's1', ownerId: owner, known: true, need: 0, floor: 0,
          settled: [
            { id: 'call-a', record: { ...cost('task-a', 0.12), modelName: 'claude-sonnet-4.5' }, held: true },
            { id: 'call-c', record: cost('task-c', 0.04), held: true },
          ],
        }),
      );
      expect(late).toMatchObject({ lost: true, amount: 0 });
      const records = await store.costRecords(0);
      const byTask = Object.fromEntries(records.map((r) => [r.taskId, [Number(r.cost.toFixed(9)), r.status]]));
      expect(byTask).toEqual({
        'task-a': [0.12, 'settled'],
        'task-b': [0.05, 'unsettled'],
        'task-c': [0.04, 'settled'],
        [`slice:${owner}`]: [0.06, 'unsettled'],
      });
      expect((await store.budgetUsage('daily', '2026-11-25')).spent).toBeCloseTo(0.12 + 0.05 + 0.04 + 0.06, 9);
    });

    it('reserves what is left (at least minAmount) when the full amount does not fit', async () => {
      const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];
      expect(await store.reserveBudget(windows, 0.7, { taskId: 'a' })).toMatchObject({ ok: true, amount: 0.7 });
      expect(await store.reserveBudget(windows, 0.5, { taskId: 'b', minAmount: 0.2 })).toMatchObject({ ok: true, amount: expect.closeTo(0.3, 9) });
      expect(await store.reserveBudget(windows, 0.5, { taskId: 'c', minAmount: 0.01 })).toMatchObject({ ok: false, budget: 'daily' });
    });

    it('keeps simulated spend apart; it counts toward limits only when asked', async () => {
      const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];
      await store.settleReservation('sim-1', { ...cost('sim', 5), status: 'simulated' });
      expect(await store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0, reserved: 0, simulated: 5 });
      expect((await store.reserveBudget(windows, 0.5, { taskId: 'real' })).ok).toBe(true);
      expect(await store.reserveBudget(windows, 0.1, { taskId: 'counted', countSimulated: true })).toMatchObject({ ok: false, spent: 5.5 });
      expect(await store.costRecords(0)).toMatchObject([{ taskId: 'sim', status: 'simulated' }]);
    });

    it('putIfAbsent inserts once across callers; an expired entry can be replaced', async () => {
      expect(await store.putIfAbsent(entry('alert', 1, { expiresAt: T0 + 10 }))).toBe(true);
      expect(await store.putIfAbsent(entry('alert', 2))).toBe(false);
      expect((await store.get('p', 'alert'))?.value).toBe(1);
      clock = T0 + 11;
      expect(await store.putIfAbsent(entry('alert', 3))).toBe(true);
      expect((await store.get('p', 'alert'))?.value).toBe(3);
    });

    it('owner registry: registers, heartbeats, lists stale owners read-only and lets exactly one claimer take each', async () => {
      const a = await store.registerOwner({ role: 'aqe run', pid: 1, host: 'h1' });
      const b = await store.registerOwner({ role: 'aqe serve', pid: 2, host: 'h1' });
      expect(await store.getOwner(a)).toMatchObject({ id: a, role: 'aqe run', pid: 1, state: 'alive', startedAt: T0, heartbeatAt: T0 });
      clock = T0 + 15_000;
      expect(await store.heartbeatOwner(b)).toBe(true);
      clock = T0 + 21_000;
      expect((await store.deadOwners(20_000)).map((o) => o.id)).toEqual([a]);
      expect((await store.getOwner(a))?.state).toBe('alive'); // listing changed nothing
      expect(await store.claimDeadOwners(b, 20_000)).toMatchObject([{ id: a, state: 'dead', claimedBy: b, endedAt: T0 + 21_000 }]);
      expect(await store.claimDeadOwners(b, 20_000)).toEqual([]);
      expect((await store.deadOwners(20_000)).map((o) => o.id)).toEqual([a]);
      // a declared-dead owner cannot come back: it must register again
      expect(await store.heartbeatOwner(a)).toBe(false);
      await store.releaseOwner(b);
      expect(await store.getOwner(b)).toMatchObject({ state: 'stopped', endedAt: T0 + 21_000 });
      expect(await store.heartbeatOwner(b)).toBe(false);
      expect(await store.getOwner('nope')).toBeUndefined();
      // a claimer never claims itself
      const c = await store.registerOwner({ role: 'aqe run', pid: 3, host: 'h' });
      clock = T0 + 90_000;
      expect((await store.claimDeadOwners(c, 20_000)).map((o) => o.id)).not.toContain(c);
    });

    it('claims named owners whatever their heartbeat age, never the claimer, each once', async () => {
      const gone = await store.registerOwner({ role: 'aqe run', pid: 7, host: 'h' });
      const alive = await store.registerOwner({ role: 'aqe run', pid: 8, host: 'h' });
      const me = await store.registerOwner({ role: 'aqe serve', pid: 9, host: 'h' });
      expect((await store.claimDeadOwners(me, 20_000, [gone, me])).map((o) => o.id)).toEqual([gone]);
      expect(await store.claimDeadOwners(me, 20_000, [gone])).toEqual([]);
      expect((await store.getOwner(alive))?.state).toBe('alive');
    });

    it('refuses a malformed owner', async () => {
      await expect(async () => store.registerOwner({ role: '', pid: 1, host: 'h' })).rejects.toThrow(/registerOwner/);
      await expect(async () => store.registerOwner({ role: 'x', pid: 1.5, host: 'h' })).rejects.toThrow(/registerOwner/);
    });

    it('rejects a negative or non-finite reservation amount', async () => {
      await expect(async () => store.reserveBudget([], -1, { taskId: 't' })).rejects.toThrow(/amount must be a finite number/);
      await expect(async () => store.reserveBudget([], Number.NaN, { taskId: 't' })).rejects.toThrow(/amount must be a finite number/);
    });

    it('returns cost records since a time, oldest first', async () => {
      for (const [i, at] of [T0 + 30, T0 + 10, T0 + 20].entries()) {
        const r = await store.reserveBudget([], 0, { taskId: `t${i}` });
        if (!r.ok) throw new Error('unreachable');
        await store.settleReservation(r.reservationId, cost(`t${i}`, 0.01 * (i + 1), at));
      }
      expect((await store.costRecords(T0 + 15)).map((c) => c.taskId)).toEqual(['t2', 't0']);
      expect((await store.costRecords(0))[0]).toEqual({ ...cost('t1', 0.02, T0 + 10), status: 'settled' });
    });

    it('ping is true while open and false after close; later calls fail with a store error', async () => {
      expect(await store.ping()).toBe(true);
      await store.close();
      expect(await store.ping()).toBe(false);
      await expect(async () => store.get('p', 'a')).rejects.toThrow(/memory store .*: get p\/a failed/);
      await store.close(); // idempotent
    });

    it('keeps data across reopen', async () => {
      await store.put(entry('persist', { ok: true }));
      await store.close();
      store = backend.open({ now });
      expect((await store.get('p', 'persist'))?.value).toEqual({ ok: true });
    });
  });
}
