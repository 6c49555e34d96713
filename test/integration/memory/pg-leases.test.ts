import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgMemoryStore } from '../../../src/memory/pg-store.js';
import { createTestDatabase, PG_SKIP, PG_SKIP_NOTE, type TestDatabase } from '../../helpers/pg.js';

// Reservation leases: a replica's reservations stay held while it renews its lease; once the lease runs out,
// any surviving replica releases them (the budget they held is free again).

const FIXTURES = resolve(__dirname, '../../fixtures/memory');
const T0 = Date.UTC(2026, 10, 25, 12);
const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1 }];

describe.skipIf(PG_SKIP)(`PostgreSQL reservation leases${PG_SKIP_NOTE}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('aqe_lease');
  });
  afterAll(() => db.drop());

  it("survivors keep a live owner's reservations and release a dead owner's once its lease expires", async () => {
    let clock = T0;
    const now = () => clock;
    const a = new PgMemoryStore({ url: db.url, now, heartbeatMs: 0, purgeIntervalMs: 0, leaseTtlMs: 15_000, replica: 'a' });
    const b = new PgMemoryStore({ url: db.url, now, heartbeatMs: 0, purgeIntervalMs: 0, leaseTtlMs: 15_000, replica: 'b' });
    try {
      await a.init();
      await b.init();
      expect((await a.reserveBudget(windows, 0.6, { taskId: 'a1' })).ok).toBe(true);
      expect((await b.reserveBudget(windows, 0.3, { taskId: 'b1' })).ok).toBe(true);
      clock = T0 + 14_000;
      expect(await b.heartbeat()).toBe(0); // a's lease still runs
      expect(await a.heartbeat()).toBe(0); // a renews: lease until T0 + 29 s
      clock = T0 + 28_000;
      expect(await b.heartbeat()).toBe(0);
      // a stops renewing (dies); b keeps beating
      clock = T0 + 29_001;
      expect(await b.heartbeat()).toBe(1);
      expect(await b.budgetUsage('daily', '2026-11-25')).toEqual({ spent: 0, reserved: 0.3 });
      // b's own reservation is never released by its own heartbeat
      clock = T0 + 100_000;
      expect(await b.heartbeat()).toBe(0);
      expect((await b.budgetUsage('daily', '2026-11-25')).reserved).toBeCloseTo(0.3, 9);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a replica killed with SIGKILL holding a reservation has it released by a survivor', async () => {
    const survivor = new PgMemoryStore({ url: db.url, heartbeatMs: 0, purgeIntervalMs: 0 });
    await survivor.heartbeat(); // the closed stores of the test above left their reservations ownerless: resolve them first
    const child = spawn(process.execPath, [join(FIXTURES, 'hold-worker.mjs'), db.url, '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const held = await new Promise<string>((res, rej) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /held (\S+)\n/.exec(out);
        if (m) res(m[1]);
      });
      child.on('exit', (code) => rej(new Error(`hold-worker exited ${code} before reserving`)));
    });
    try {
      const day = new Date().toISOString().slice(0, 10);
      expect(await survivor.heartbeat()).toBe(0); // the worker is alive and renewing
      expect((await survivor.budgetUsage('daily', day)).reserved).toBeCloseTo(0.5, 9);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      let released = 0;
      const deadline = Date.now() + 20_000;
      while (released === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        released = await survivor.heartbeat();
      }
      expect(released).toBe(1);
      expect((await survivor.budgetUsage('daily', day)).reserved).toBe(0);
      expect(held).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      child.kill('SIGKILL');
      await survivor.close();
    }
  });
});
