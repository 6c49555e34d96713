import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrate, MIGRATIONS } from '../../../src/memory/migrations.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { AccessLevel, type MemoryEntry } from '../../../src/memory/types.js';

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

// The behaviour both backends share is in store-contract.test.ts; this file keeps what is SQLite's own.
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

  it('serves routing/costs from the ledger without a second row; an entry already there (an earlier release wrote it) wins for its key', () => {
    const rec = { taskId: 't1', modelName: 'm', agentType: 'a', inputTokens: 10, outputTokens: 5, cost: 0.1 + 0.2, estimated: false, at: T0, day: '2026-11-25', month: '2026-11' };
    const a = store.reserveBudget([], 1, { taskId: 't1' });
    const b = store.reserveBudget([], 1, { taskId: 't1' });
    if (!a.ok || !b.ok) throw new Error('unreachable');
    store.settleReservation(a.reservationId, rec);
    const db = new Database(store.path, { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) AS n FROM entries WHERE partition = 'routing/costs'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    expect(store.get('routing/costs', `t1:${a.reservationId}`)?.value).toEqual({ ...rec, status: 'settled' });
    // the legacy copy of b's record, written before the view: one entry for the key, the stored one
    store.settleReservation(b.reservationId, { ...rec, cost: 0.5 });
    store.put({ ...entry(`t1:${b.reservationId}`, { legacy: true }), partition: 'routing/costs', owner: 'system', accessLevel: AccessLevel.SYSTEM });
    const all = store.query({ partition: 'routing/costs' });
    expect(all).toHaveLength(2);
    expect(all.find((e) => e.key === `t1:${b.reservationId}`)?.value).toEqual({ legacy: true });
    expect(store.query({}).filter((e) => e.partition === 'routing/costs')).toHaveLength(2);
    expect(store.query({ partition: 'routing/costs', since: T0 + 1 })).toHaveLength(0);
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
