import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OwnerLease } from '../../../src/memory/owner-lease.js';
import { PgMemoryStore } from '../../../src/memory/pg-store.js';
import { createTestDatabase, PG_SKIP, PG_SKIP_NOTE, truncateAll, type TestDatabase } from '../../helpers/pg.js';

// Owner leases on PostgreSQL across processes: a replica killed while holding a reservation has it booked
// (as unsettled, at the reserved amount) by a survivor; with several survivors booking at once, exactly once.

const FIXTURES = resolve(__dirname, '../../fixtures/memory');

describe.skipIf(PG_SKIP)(`PostgreSQL owner leases across replicas${PG_SKIP_NOTE}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('aqe_lease');
  });
  afterAll(() => db.drop());

  it('a replica killed with SIGKILL holding a reservation has it booked by a survivor', async () => {
    const survivor = new PgMemoryStore({ url: db.url, purgeIntervalMs: 0 });
    await survivor.init();
    await truncateAll(db.url);
    const child = spawn(process.execPath, [join(FIXTURES, 'hold-worker.mjs'), db.url, '200'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lease = await OwnerLease.start(survivor, { role: 'survivor', manual: true, staleAfterMs: 1_000 });
    try {
      const held = await new Promise<string>((res, rej) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /held (\S+)\n/.exec(out);
          if (m) res(m[1]);
        });
        child.on('exit', (code) => rej(new Error(`hold-worker exited ${code} before reserving`)));
      });
      const day = new Date().toISOString().slice(0, 10);
      await new Promise((r) => setTimeout(r, 1_500)); // longer than staleAfterMs: only the heartbeat keeps it alive
      await lease.tick();
      expect(await survivor.bookOrphanedReservations()).toEqual([]);
      expect((await survivor.budgetUsage('daily', day)).reserved).toBeCloseTo(0.5, 9);

      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      let booked: Awaited<ReturnType<PgMemoryStore['bookOrphanedReservations']>> = [];
      const deadline = Date.now() + 20_000;
      while (booked.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        await lease.tick();
        booked = await survivor.bookOrphanedReservations();
      }
      expect(booked).toMatchObject([{ taskId: 'held-by-a-dying-replica', cost: 0.5, status: 'unsettled', modelName: 'claude-sonnet-4.5' }]);
      expect(await survivor.budgetUsage('daily', day)).toEqual({ spent: 0.5, reserved: 0, simulated: 0 });
      expect(held).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      child.kill('SIGKILL');
      await lease.stop();
      await survivor.close();
    }
  });

  it("four survivors booking a dead owner's 200 reservations at once book each exactly once", async () => {
    const stores = [0, 1, 2, 3].map(() => new PgMemoryStore({ url: db.url, purgeIntervalMs: 0, poolMax: 2 }));
    try {
      await stores[0].init();
      await truncateAll(db.url);
      const dead = await stores[0].registerOwner({ role: 'aqe serve', pid: 1, host: 'gone' });
      const windows = [{ name: 'daily' as const, period: '2026-11-25', limit: 1_000 }];
      for (let i = 0; i < 200; i++) await stores[0].reserveBudget(windows, 0.01, { taskId: `t${i}`, ownerId: dead });
      await stores[0].releaseOwner(dead);
      const results = await Promise.all(stores.map((s) => s.bookOrphanedReservations()));
      expect(results.reduce((n, r) => n + r.length, 0)).toBe(200);
      const usage = await stores[1].budgetUsage('daily', '2026-11-25');
      expect(usage.reserved).toBe(0);
      expect(usage.spent).toBeCloseTo(2, 9);
      expect(await stores[2].costRecords(0)).toHaveLength(200);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
