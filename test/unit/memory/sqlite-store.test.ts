import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AqeError } from '../../../src/errors.js';
import { LATEST_SCHEMA_VERSION, migrate, MIGRATIONS } from '../../../src/memory/migrations.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { AccessLevel, type CostRecord, type MemoryEntry } from '../../../src/memory/types.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

function entry(key: string, value: unknown, extra: Partial<MemoryEntry> = {}): MemoryEntry {
  return {
    key,
    partition: 'p',
    value,
    owner: 'agent-1',
    accessLevel: AccessLevel.PRIVATE,
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  };
}

function cost(taskId: string, amount: number, at = T0): CostRecord {
  const iso = new Date(at).toISOString();
  return {
    taskId,
    modelName: 'claude-haiku-4',
    agentType: 'test-generator',
    inputTokens: 100,
    outputTokens: 50,
    cost: amount,
    estimated: true,
    at,
    day: iso.slice(0, 10),
    month: iso.slice(0, 7),
  };
}

describe('SqliteMemoryStore', () => {
  let dir: string;
  let clock: number;
  let store: SqliteMemoryStore;
  const now = () => clock;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aqe-mem-'));
    clock = T0;
    store = new SqliteMemoryStore(join(dir, 'nested', 'deeper', 'fleet.db'), { now, purgeIntervalMs: 0 });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the parent directory and opens in WAL mode with the latest schema version', () => {
    expect(store.kind).toBe('sqlite');
    expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    const db = new Database(join(dir, 'nested', 'deeper', 'fleet.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('puts, gets, overwrites (keeping createdAt) and deletes entries', () => {
    store.put(entry('a', { n: 1, list: [1, 'x', null] }, { teamId: 't1' }));
    expect(store.get('p', 'a')).toEqual(entry('a', { n: 1, list: [1, 'x', null] }, { teamId: 't1' }));
    expect(store.get('other', 'a')).toBeUndefined();

    store.put(entry('a', 'second', { createdAt: T0 + 5, updatedAt: T0 + 5 }));
    const got = store.get('p', 'a');
    expect(got?.value).toBe('second');
    expect(got?.createdAt).toBe(T0);
    expect(got?.updatedAt).toBe(T0 + 5);
    expect(got?.teamId).toBeUndefined();

    expect(store.delete('p', 'a')).toBe(true);
    expect(store.delete('p', 'a')).toBe(false);
    expect(store.get('p', 'a')).toBeUndefined();
  });

  it('putMany writes all entries in one transaction, or none when one value is invalid', () => {
    store.putMany([entry('a', 1), entry('b', 2), entry('c', 3)]);
    expect(store.query({ partition: 'p' }).map((e) => e.value)).toEqual([1, 2, 3]);
    expect(() => store.putMany([entry('d', 4), entry('e', 10n)])).toThrow(/key "e" in partition "p" is not JSON-serialisable/);
    expect(store.get('p', 'd')).toBeUndefined();
  });

  it('refuses values without a JSON form with an error naming key and partition', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const bad of [undefined, () => 1, Symbol('s'), circular, 5n]) {
      try {
        store.put(entry('bad', bad));
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(AqeError);
        expect((err as AqeError).code).toBe('AQE_ERR_MEMORY_INVALID');
        expect((err as Error).message).toContain('key "bad" in partition "p"');
      }
    }
  });

  it('queries by partition, exact case-sensitive prefix, since, limit, offset and order', () => {
    store.putMany([
      entry('task-1', 1, { updatedAt: T0 + 1 }),
      entry('task-2', 2, { updatedAt: T0 + 3 }),
      entry('Task-3', 3, { updatedAt: T0 + 2 }),
      entry('task_x', 4, { updatedAt: T0 + 4 }),
      entry('tasks', 5, { updatedAt: T0 + 5 }),
      entry('task-1', 'other', { partition: 'q' }),
    ]);
    const keys = (o: Parameters<SqliteMemoryStore['query']>[0]) => store.query(o).map((e) => `${e.partition}/${e.key}`);
    expect(keys({ partition: 'p', keyPrefix: 'task-' })).toEqual(['p/task-1', 'p/task-2']);
    expect(keys({ partition: 'p', keyPrefix: 'task-%' })).toEqual(['p/task-1', 'p/task-2']);
    expect(keys({ partition: 'p', keyPrefix: 'task_' })).toEqual(['p/task_x']);
    expect(keys({ keyPrefix: 'task-1' })).toEqual(['p/task-1', 'q/task-1']);
    expect(keys({ partition: 'p', since: T0 + 3 })).toEqual(['p/task-2', 'p/task_x', 'p/tasks']);
    expect(keys({ partition: 'p', limit: 2 })).toEqual(['p/Task-3', 'p/task-1']);
    expect(keys({ partition: 'p', limit: 2, offset: 2 })).toEqual(['p/task-2', 'p/task_x']);
    expect(keys({ partition: 'p', order: 'newest', limit: 2 })).toEqual(['p/tasks', 'p/task_x']);
    expect(keys({ partition: 'p', order: 'oldest', limit: 2 })).toEqual(['p/task-1', 'p/Task-3']);
    expect(keys({ partition: 'p', limit: 0 })).toEqual([]);
  });

  it('hides expired entries from get and query, and purges them', () => {
    store.put(entry('short', 1, { expiresAt: T0 + 1000 }));
    store.put(entry('forever', 2));
    expect(store.get('p', 'short')?.expiresAt).toBe(T0 + 1000);
    clock = T0 + 999;
    expect(store.get('p', 'short')?.value).toBe(1);
    clock = T0 + 1000;
    expect(store.get('p', 'short')).toBeUndefined();
    expect(store.query({ partition: 'p' }).map((e) => e.key)).toEqual(['forever']);
    expect(store.delete('p', 'short')).toBe(false);

    store.put(entry('short2', 1, { expiresAt: T0 + 1500 }));
    clock = T0 + 2000;
    expect(store.purgeExpired()).toBe(1);
    const db = new Database(store.path, { readonly: true });
    expect(db.prepare('SELECT key FROM entries').pluck().all()).toEqual(['forever']);
    db.close();
  });

  it('an expired entry that is written again starts a new life (createdAt resets)', () => {
    store.put(entry('k', 1, { expiresAt: T0 + 10 }));
    clock = T0 + 20;
    store.put(entry('k', 2, { createdAt: T0 + 20, updatedAt: T0 + 20 }));
    expect(store.get('p', 'k')).toMatchObject({ value: 2, createdAt: T0 + 20 });
  });

  it('purges lazily every N writes', () => {
    store.close();
    store = new SqliteMemoryStore(join(dir, 'lazy.db'), { now, purgeIntervalMs: 0, purgeEveryWrites: 3 });
    store.put(entry('gone', 1, { expiresAt: T0 + 1 }));
    clock = T0 + 5;
    store.put(entry('a', 1));
    const db = new Database(store.path, { readonly: true });
    const count = () => db.prepare('SELECT count(*) FROM entries').pluck().get();
    expect(count()).toBe(2);
    store.put(entry('b', 1)); // third write triggers the purge
    expect(count()).toBe(2);
    expect(db.prepare("SELECT count(*) FROM entries WHERE key = 'gone'").pluck().get()).toBe(0);
    db.close();
  });

  it('clear removes the whole partition and reports the live entries removed', () => {
    store.putMany([entry('a', 1), entry('b', 2, { expiresAt: T0 + 1 }), entry('c', 3, { partition: 'keep' })]);
    clock = T0 + 2;
    expect(store.clear('p')).toBe(1);
    expect(store.query({ partition: 'p' })).toEqual([]);
    expect(store.get('keep', 'c')?.value).toBe(3);
  });

  it('reserves budget, refuses with the window name, and settles or releases', () => {
    const windows = [
      { name: 'daily' as const, period: '2026-11-25', limit: 1 },
      { name: 'monthly' as const, period: '2026-11', limit: 10 },
    ];
    const r1 = store.reserveBudget(windows, 0.4, { taskId: 't1' });
    const r2 = store.reserveBudget(windows, 0.4, { taskId: 't2' });
    expect(r1.ok && r2.ok).toBe(true);
    expect(store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0, reserved: 0.8, simulated: 0 });

    const refused = store.reserveBudget(windows, 0.3, { taskId: 't3' });
    expect(refused).toEqual({ ok: false, budget: 'daily', spent: 0.8, limit: 1 });

    if (!r1.ok || !r2.ok) throw new Error('unreachable');
    store.settleReservation(r1.reservationId, cost('t1', 0.25));
    expect(store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0.25, reserved: 0.4, simulated: 0 });
    expect(store.budgetUsage('monthly', '2026-11')).toEqual({ spent: 0.25, reserved: 0.4, simulated: 0 });
    // settling twice records the cost once
    store.settleReservation(r1.reservationId, cost('t1', 0.25));
    expect(store.costRecords(0)).toHaveLength(1);

    store.releaseReservation(r2.reservationId);
    expect(store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0.25, reserved: 0, simulated: 0 });
    expect(store.reserveBudget(windows, 0.75, { taskId: 't4' }).ok).toBe(true);
    expect(store.reserveBudget(windows, 0.01, { taskId: 't5' })).toMatchObject({ ok: false, budget: 'daily' });
  });

  it('checks the monthly window against settled costs of other days of the month', () => {
    const otherDay = Date.UTC(2026, 10, 3);
    const r = store.reserveBudget([], 2, { taskId: 'old' });
    if (!r.ok) throw new Error('unreachable');
    store.settleReservation(r.reservationId, cost('old', 2, otherDay));
    const windows = [
      { name: 'daily' as const, period: '2026-11-25', limit: 5 },
      { name: 'monthly' as const, period: '2026-11', limit: 3 },
    ];
    expect(store.reserveBudget(windows, 1.5, { taskId: 'new' })).toEqual({ ok: false, budget: 'monthly', spent: 2, limit: 3 });
    expect(store.reserveBudget(windows, 1, { taskId: 'new' }).ok).toBe(true);
  });

  it('tolerates float drift: ten reservations of 0.1 fill a 1.0 budget exactly', () => {
    const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];
    for (let i = 0; i < 10; i++) expect(store.reserveBudget(windows, 0.1, { taskId: `t${i}` }).ok).toBe(true);
    expect(store.reserveBudget(windows, 0.001, { taskId: 'over' }).ok).toBe(false);
  });

  it('reservations never age out: an orphan is booked as unsettled at the reserved amount, exactly once', () => {
    const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];
    const owner = store.registerOwner({ role: 'aqe run', pid: 42, host: 'h' });
    const held = store.reserveBudget(windows, 0.6, { taskId: 'crashed', ownerId: owner, modelName: 'sonnet', agentType: 'test-generator' });
    expect(held).toMatchObject({ ok: true, amount: 0.6 });
    clock = T0 + 86_400_000 * 0.4;
    expect(store.reserveBudget(windows, 0.5, { taskId: 'next' }).ok).toBe(false);
    // the owner is alive: nothing to book
    expect(store.bookOrphanedReservations()).toEqual([]);
    const survivor = store.registerOwner({ role: 'aqe run', pid: 43, host: 'h' });
    expect(store.claimDeadOwners(survivor, 20_000).map((o) => o.id)).toEqual([owner]);
    const booked = store.bookOrphanedReservations();
    expect(booked).toMatchObject([{ taskId: 'crashed', modelName: 'sonnet', cost: 0.6, status: 'unsettled', day: '2026-11-25' }]);
    expect(store.bookOrphanedReservations()).toEqual([]);
    expect(store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0.6, reserved: 0, simulated: 0 });
    expect(store.costRecords(0)).toMatchObject([{ taskId: 'crashed', status: 'unsettled', cost: 0.6 }]);
    // the owner was only paused: its late settlement corrects the booked amount to the real cost
    if (!held.ok) throw new Error('unreachable');
    store.settleReservation(held.reservationId, { ...cost('crashed', 0.2), modelName: 'sonnet' });
    expect(store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0.2, reserved: 0, simulated: 0 });
    expect(store.costRecords(0)).toMatchObject([{ taskId: 'crashed', status: 'settled', cost: 0.2 }]);
  });

  it('reserves what is left (at least minAmount) when the full amount does not fit', () => {
    const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];
    expect(store.reserveBudget(windows, 0.7, { taskId: 'a' })).toMatchObject({ ok: true, amount: 0.7 });
    expect(store.reserveBudget(windows, 0.5, { taskId: 'b', minAmount: 0.2 })).toMatchObject({ ok: true, amount: expect.closeTo(0.3, 9) });
    expect(store.reserveBudget(windows, 0.5, { taskId: 'c', minAmount: 0.01 })).toMatchObject({ ok: false, budget: 'daily' });
  });

  it('keeps simulated spend apart; it counts toward limits only when asked', () => {
    const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];
    store.settleReservation('sim-1', { ...cost('sim', 5), status: 'simulated' });
    expect(store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0, reserved: 0, simulated: 5 });
    expect(store.reserveBudget(windows, 0.5, { taskId: 'real' }).ok).toBe(true);
    expect(store.reserveBudget(windows, 0.1, { taskId: 'counted', countSimulated: true })).toMatchObject({ ok: false, spent: 5.5 });
    expect(store.costRecords(0)).toMatchObject([{ taskId: 'sim', status: 'simulated' }]);
  });

  it('putIfAbsent inserts once across callers; an expired entry can be replaced', () => {
    expect(store.putIfAbsent(entry('alert', 1, { expiresAt: T0 + 10 }))).toBe(true);
    expect(store.putIfAbsent(entry('alert', 2))).toBe(false);
    expect(store.get('p', 'alert')?.value).toBe(1);
    clock = T0 + 11;
    expect(store.putIfAbsent(entry('alert', 3))).toBe(true);
    expect(store.get('p', 'alert')?.value).toBe(3);
  });

  describe('owner registry', () => {
    it('registers, heartbeats, lists stale owners read-only and lets exactly one claimer take each', () => {
      const a = store.registerOwner({ role: 'aqe run', pid: 1, host: 'h1' });
      const b = store.registerOwner({ role: 'aqe serve', pid: 2, host: 'h1' });
      expect(store.getOwner(a)).toMatchObject({ id: a, role: 'aqe run', pid: 1, state: 'alive', startedAt: T0, heartbeatAt: T0 });
      clock = T0 + 15_000;
      expect(store.heartbeatOwner(b)).toBe(true);
      clock = T0 + 21_000;
      expect(store.deadOwners(20_000).map((o) => o.id)).toEqual([a]);
      expect(store.getOwner(a)?.state).toBe('alive'); // listing changed nothing
      expect(store.claimDeadOwners(b, 20_000)).toMatchObject([{ id: a, state: 'dead', claimedBy: b, endedAt: T0 + 21_000 }]);
      expect(store.claimDeadOwners(b, 20_000)).toEqual([]);
      expect(store.deadOwners(20_000).map((o) => o.id)).toEqual([a]);
      // a declared-dead owner cannot come back: it must register again
      expect(store.heartbeatOwner(a)).toBe(false);
      store.releaseOwner(b);
      expect(store.getOwner(b)).toMatchObject({ state: 'stopped', endedAt: T0 + 21_000 });
      expect(store.heartbeatOwner(b)).toBe(false);
      expect(store.getOwner('nope')).toBeUndefined();
    });

    it('a claimer never claims itself', () => {
      const a = store.registerOwner({ role: 'aqe run', pid: 1, host: 'h' });
      clock = T0 + 60_000;
      expect(store.claimDeadOwners(a, 20_000)).toEqual([]);
    });

    it('refuses a malformed owner', () => {
      expect(() => store.registerOwner({ role: '', pid: 1, host: 'h' })).toThrow(/registerOwner/);
      expect(() => store.registerOwner({ role: 'x', pid: 1.5, host: 'h' })).toThrow(/registerOwner/);
    });
  });

  it('rejects a negative or non-finite reservation amount', () => {
    expect(() => store.reserveBudget([], -1, { taskId: 't' })).toThrow(/amount must be a finite number/);
    expect(() => store.reserveBudget([], Number.NaN, { taskId: 't' })).toThrow(/amount must be a finite number/);
  });

  it('returns cost records since a time, oldest first', () => {
    for (const [i, at] of [T0 + 30, T0 + 10, T0 + 20].entries()) {
      const r = store.reserveBudget([], 0, { taskId: `t${i}` });
      if (!r.ok) throw new Error('unreachable');
      store.settleReservation(r.reservationId, cost(`t${i}`, 0.01 * (i + 1), at));
    }
    expect(store.costRecords(T0 + 15).map((c) => c.taskId)).toEqual(['t2', 't0']);
    expect(store.costRecords(0)[0]).toEqual({ ...cost('t1', 0.02, T0 + 10), status: 'settled' });
  });

  it('ping is true while open and false after close; later calls fail with a store error', () => {
    expect(store.ping()).toBe(true);
    store.close();
    expect(store.ping()).toBe(false);
    expect(() => store.get('p', 'a')).toThrow(/memory store .*fleet\.db: get p\/a failed/);
    store.close(); // idempotent
  });

  it('keeps data across reopen and does not re-run migrations', () => {
    store.put(entry('persist', { ok: true }));
    const file = store.path;
    store.close();
    store = new SqliteMemoryStore(file, { now, purgeIntervalMs: 0 });
    expect(store.get('p', 'persist')?.value).toEqual({ ok: true });
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it('works in memory', () => {
    const mem = new SqliteMemoryStore(':memory:', { purgeIntervalMs: 0 });
    mem.put(entry('a', 1));
    expect(mem.get('p', 'a')?.value).toBe(1);
    mem.close();
  });
});

describe('schema migrations', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aqe-mig-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies only the pending steps, in order, and records each version', () => {
    const db = new Database(join(dir, 'm.db'));
    const steps = [
      { version: 1, description: 'one', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, description: 'two', sql: 'ALTER TABLE a ADD COLUMN y TEXT' },
    ];
    expect(migrate(db, 'm.db', steps.slice(0, 1))).toEqual([1]);
    expect(migrate(db, 'm.db', steps)).toEqual([2]);
    expect(migrate(db, 'm.db', steps)).toEqual([]);
    expect(db.prepare('SELECT version, description FROM schema_version ORDER BY version').all()).toEqual([
      { version: 1, description: 'one' },
      { version: 2, description: 'two' },
    ]);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('a')).toEqual(['x', 'y']);
    db.close();
  });

  it('rolls back a failing step completely, leaving the version unchanged', () => {
    const db = new Database(join(dir, 'm.db'));
    const steps = [
      { version: 1, description: 'one', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, description: 'broken', sql: 'CREATE TABLE b (x INTEGER); CREATE TABLE a (dup INTEGER)' },
    ];
    expect(() => migrate(db, 'm.db', steps)).toThrow(/schema migration 2 \(broken\) failed/);
    // the whole transaction rolled back: not even the version table exists yet
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('a','b','schema_version')").pluck().get()).toBe(0);
    db.close();
  });

  it('upgrades a version-1 file on reopen: running budget totals are backfilled from its cost records', () => {
    const file = join(dir, 'v1.db');
    const db = new Database(file);
    migrate(db, file, MIGRATIONS.slice(0, 1));
    const insert = db.prepare(
      `INSERT INTO cost_records (task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month)
       VALUES (?, 'm', 'a', 1, 1, ?, 0, 0, ?, ?)`,
    );
    insert.run('a', 0.5, '2026-11-24', '2026-11');
    insert.run('b', 0.25, '2026-11-25', '2026-11');
    insert.run('c', 1, '2026-10-31', '2026-10');
    db.close();

    const store = new SqliteMemoryStore(file, { purgeIntervalMs: 0 });
    expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(store.budgetUsage('monthly', '2026-11')).toEqual({ spent: 0.75, reserved: 0, simulated: 0 });
    expect(store.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0.25, reserved: 0, simulated: 0 });
    expect(store.budgetUsage('monthly', '2026-10')).toEqual({ spent: 1, reserved: 0, simulated: 0 });
    expect(store.reserveBudget([{ name: 'monthly', period: '2026-11', limit: 1 }], 0.3, { taskId: 'x' })).toEqual({
      ok: false,
      budget: 'monthly',
      spent: 0.75,
      limit: 1,
    });
    store.close();
  });

  it('refuses a database written by a newer release, naming both versions', () => {
    const file = join(dir, 'new.db');
    const db = new Database(file);
    migrate(db, file, [...MIGRATIONS, { version: LATEST_SCHEMA_VERSION + 1, description: 'future', sql: 'CREATE TABLE f (x)' }]);
    db.close();
    expect(() => new SqliteMemoryStore(file, { purgeIntervalMs: 0 })).toThrow(
      new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 1}, newer than this aqe release supports \\(${LATEST_SCHEMA_VERSION}\\)`),
    );
  });
});
