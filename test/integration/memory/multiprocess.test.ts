import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src/memory/migrations.js';
import { PG_LATEST_SCHEMA_VERSION } from '../../../src/memory/pg-migrations.js';
import { PgMemoryStore } from '../../../src/memory/pg-store.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import type { MemoryStore } from '../../../src/memory/types.js';
import { createTestDatabase, PG_SKIP, PG_SKIP_NOTE, type TestDatabase } from '../../helpers/pg.js';

// Real concurrency: several OS processes share one SQLite file, or one PostgreSQL database, through the built
// store (dist/, built by vitest's global setup). Every worker opens the file, reports "ready", and starts on the parent's "go".

const FIXTURES = resolve(__dirname, '../../fixtures/memory');
const DAY = '2026-11-25';
const MONTH = '2026-11';

interface Worker {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  exited: Promise<number | null>;
}

function startWorker(script: string, args: string[]): Worker {
  const child = spawn(process.execPath, [join(FIXTURES, script), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((res) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(`${script} exited ${code}: ${stderr}`);
      res(code);
    }),
  );
  return { child, lines, exited };
}

async function until(cond: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Start all workers, wait until every one has opened the store, then release them together. */
async function runTogether(script: string, argsPerWorker: string[][]): Promise<Worker[]> {
  const workers = argsPerWorker.map((args) => startWorker(script, args));
  await until(() => workers.every((w) => w.lines.includes('ready')), 'workers to open the store');
  for (const w of workers) w.child.stdin.end('go\n');
  const codes = await Promise.all(workers.map((w) => w.exited));
  expect(codes).toEqual(workers.map(() => 0));
  return workers;
}

function lastJson<T>(w: Worker): T {
  return JSON.parse(w.lines.filter((l) => l.startsWith('{')).at(-1) ?? 'null') as T;
}

interface Backend {
  name: string;
  skip: boolean;
  beforeAll(): Promise<void>;
  afterAll(): Promise<void>;
  /** Fresh, empty data for one test; returns what workers get as their store argument. */
  fresh(): Promise<string>;
  cleanup(): void;
  open(target: string): MemoryStore;
  /** Sum of the cost records of a day, read straight from the table. */
  recordedCost(target: string, day: string): Promise<number>;
  schemaVersions(target: string): Promise<number[]>;
  latest: number;
  /** Backend-level consistency check after a crash. */
  integrity(target: string): Promise<void>;
}

function sqliteBackend(): Backend {
  let dir = '';
  return {
    name: 'SqliteMemoryStore',
    skip: false,
    latest: LATEST_SCHEMA_VERSION,
    async beforeAll() {},
    async afterAll() {},
    async fresh() {
      dir = mkdtempSync(join(tmpdir(), 'aqe-mp-'));
      return join(dir, 'fleet.db');
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
    open: (file) => new SqliteMemoryStore(file, { purgeIntervalMs: 0 }),
    async recordedCost(file, day) {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT COALESCE(SUM(cost), 0) FROM cost_records WHERE day = ?').pluck().get(day) as number;
      } finally {
        db.close();
      }
    },
    async schemaVersions(file) {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT version FROM schema_version ORDER BY version').pluck().all() as number[];
      } finally {
        db.close();
      }
    },
    async integrity(file) {
      const db = new Database(file);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    },
  };
}

function pgBackend(): Backend {
  let db: TestDatabase | undefined;
  const one = async <T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(sql, values)).rows as T[];
    } finally {
      await c.end();
    }
  };
  return {
    name: `PgMemoryStore${PG_SKIP_NOTE}`,
    skip: PG_SKIP,
    latest: PG_LATEST_SCHEMA_VERSION,
    async beforeAll() {
      db = await createTestDatabase('aqe_mp');
    },
    async afterAll() {
      await db?.drop();
    },
    async fresh() {
      // drop everything, schema included, so the workers race to migrate a fresh database
      await one(db!.url, 'DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      return db!.url;
    },
    cleanup: () => undefined,
    open: (url) => new PgMemoryStore({ url, purgeIntervalMs: 0 }),
    async recordedCost(url, day) {
      const rows = await one<{ s: number }>(url, 'SELECT COALESCE(SUM(cost), 0)::float8 AS s FROM aqe_cost_records WHERE day = $1', [day]);
      return rows[0].s;
    },
    async schemaVersions(url) {
      return (await one<{ version: number }>(url, 'SELECT version FROM aqe_schema_version ORDER BY version')).map((r) => r.version);
    },
    async integrity(url) {
      // PostgreSQL is crash-safe on its own; check the server still answers on this database
      expect((await one<{ n: number }>(url, 'SELECT 1 AS n'))[0].n).toBe(1);
    },
  };
}

for (const backend of [sqliteBackend(), pgBackend()]) {
  describe.skipIf(backend.skip)(`${backend.name} shared by several processes`, () => {
    let file: string;
    beforeAll(() => backend.beforeAll());
    afterAll(() => backend.afterAll());
    beforeEach(async () => {
      file = await backend.fresh();
    });
    afterEach(() => backend.cleanup());

    async function seedSpent(amount: number): Promise<void> {
      const store = backend.open(file);
      const r = await store.reserveBudget([], amount, { taskId: 'earlier' });
      if (!r.ok) throw new Error('unreachable');
      await store.settleReservation(r.reservationId, {
        taskId: 'earlier',
        modelName: 'm',
        agentType: 'a',
        inputTokens: 1,
        outputTokens: 1,
        cost: amount,
        estimated: false,
        at: Date.parse(`${DAY}T08:00:00Z`),
        day: DAY,
        month: MONTH,
      });
      await store.close();
    }

    async function usage(): Promise<{ daily: number; monthly: number; records: number }> {
      const store = backend.open(file);
      const d = await store.budgetUsage('daily', DAY);
      const m = await store.budgetUsage('monthly', MONTH);
      const records = (await store.costRecords(0)).length;
      await store.close();
      // the running totals reserveBudget reads agree with the cost records themselves
      expect(d.spent).toBeCloseTo(await backend.recordedCost(file, DAY), 9);
      return { daily: d.spent + d.reserved, monthly: m.spent + m.reserved, records };
    }

    it('50 concurrent reservations (5 processes x 10) against a nearly spent budget grant exactly what fits', async () => {
      await seedSpent(0.9); // daily limit 1.00: room for exactly ten reservations of 0.01
      const workers = await runTogether(
        'reserve-worker.mjs',
        [0, 1, 2, 3, 4].map((id) => [file, `w${id}`, '10', 'fixed:0.01', DAY, MONTH, '1', '100']),
      );
      const results = workers.map((w) => lastJson<{ ok: number; refused: number; held: number }>(w));
      const granted = results.reduce((n, r) => n + r.ok, 0);
      expect(results.reduce((n, r) => n + r.ok + r.refused, 0)).toBe(50);
      expect(granted).toBe(10);
      const u = await usage();
      expect(u.daily).toBeCloseTo(1.0, 9);
      expect(u.daily).toBeLessThanOrEqual(1 + 1e-9);
      expect(u.records).toBe(1 + results.reduce((n, r) => n + Math.ceil(r.ok / 2), 0));
    });

    it('random amounts with settles and releases from 4 processes never overspend either window', async () => {
      await seedSpent(0.5);
      const workers = await runTogether(
        'reserve-worker.mjs',
        [0, 1, 2, 3].map((id) => [file, `r${id}`, '60', 'random', DAY, MONTH, '1.2', '0.9']),
      );
      const results = workers.map((w) => lastJson<{ ok: number; refused: number; held: number }>(w));
      const held = results.reduce((n, r) => n + r.held, 0);
      expect(results.every((r) => r.refused > 0)).toBe(true); // the monthly budget ran out for everyone
      const u = await usage();
      expect(u.monthly).toBeLessThanOrEqual(0.9 + 1e-9); // monthly is the tighter window here
      expect(u.daily).toBeLessThanOrEqual(1.2 + 1e-9);
      expect(u.monthly).toBeCloseTo(0.5 + held, 9); // every granted, unreleased amount is accounted for
    });

    it('4 processes writing the same fresh store at once lose nothing, and migrate it once', async () => {
      const perWorker = backend.name === 'SqliteMemoryStore' ? 1500 : 400; // PostgreSQL: one network round trip per put
      await runTogether(
        'write-worker.mjs',
        [0, 1, 2, 3].map((id) => [file, String(id), String(perWorker)]),
      );
      const store = backend.open(file);
      const all = await store.query({ partition: 'shared' });
      await store.close();
      expect(all).toHaveLength(4 * perWorker);
      for (const id of ['0', '1', '2', '3']) {
        const mine = all.filter((e) => e.owner === `worker-${id}`);
        expect(mine).toHaveLength(perWorker);
        expect(mine.map((e) => (e.value as { i: number }).i)).toEqual([...Array(perWorker).keys()]);
      }
      expect(await backend.schemaVersions(file)).toEqual([...Array(backend.latest).keys()].map((v) => v + 1));
    });

    it('a writer killed with SIGKILL mid-write leaves the store readable with every committed write present', async () => {
      const w = startWorker('kill-writer.mjs', [file]);
      await until(() => w.lines.length > 400, 'the writer to commit some entries');
      w.child.kill('SIGKILL');
      await w.exited;
      expect(w.child.signalCode).toBe('SIGKILL');
      const committed = w.lines.filter((l) => /^k\d{8}$/.test(l));
      expect(committed.length).toBeGreaterThan(400);

      await backend.integrity(file);
      const store = backend.open(file);
      const present = new Set((await store.query({ partition: 'crash' })).map((e) => e.key));
      const missing = committed.filter((k) => !present.has(k));
      expect(missing).toEqual([]);
      expect((await store.get('crash', committed[committed.length - 1]))?.value).toMatchObject({ payload: 'x'.repeat(3000) });
      // and the store keeps working after the crash
      await store.put({
        partition: 'crash',
        key: 'after',
        value: 1,
        owner: 'o',
        accessLevel: 'private' as never,
        createdAt: 1,
        updatedAt: 1,
      });
      expect((await store.get('crash', 'after'))?.value).toBe(1);
      await store.close();
    });
  });
}
