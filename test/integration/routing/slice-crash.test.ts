import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import { OwnerLease } from '../../../src/memory/owner-lease.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { CostTracker } from '../../../src/routing/CostTracker.js';
import { tempDir } from '../../helpers/fleet.js';

const FIXTURE = new URL('../../fixtures/routing/slice-and-hang.mjs', import.meta.url).pathname;
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

interface Held {
  owner: string;
  slice: number;
  journaled: string[];
  bounds: number;
  settled: number;
}

describe('a process killed while holding a budget slice', () => {
  it('has its slice booked by a running survivor within 30 s: journaled calls by task, the rest as one unsettled record', async () => {
    const { dir, cleanup } = tempDir('aqe-slice-crash-');
    cleanups.push(cleanup);
    const db = `${dir}/fleet.db`;
    new SqliteMemoryStore(db, { purgeIntervalMs: 0 }).close();
    const child: ChildProcess = spawn(process.execPath, [FIXTURE, db], { stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(() => child.kill('SIGKILL'));
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const held = JSON.parse(line) as Held;
    expect(held.journaled).toEqual(['old-1', 'old-2', 'old-3']);
    expect(held.slice).toBeGreaterThan(held.bounds); // headroom beyond the calls in flight

    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    // What it left behind: its slice row and the journal of calls in flight (it may have journaled the two new
    // calls too, 50 ms after admitting them, if it got there before the kill).
    const raw = new Database(db, { readonly: true });
    const slice = raw.prepare('SELECT id, amount FROM budget_reservations WHERE owner_id = ?').get(held.owner) as { id: string; amount: number };
    const journal = raw.prepare('SELECT task_id, amount FROM budget_slice_calls WHERE slice_id = ?').all(slice.id) as Array<{ task_id: string; amount: number }>;
    raw.close();
    expect(journal.map((j) => j.task_id)).toEqual(expect.arrayContaining(['old-1', 'old-2', 'old-3']));

    const store = new SqliteMemoryStore(db, { purgeIntervalMs: 0 });
    cleanups.push(() => store.close());
    const day = new Date().toISOString().slice(0, 10);
    expect(store.budgetUsage('daily', day)).toMatchObject({ spent: expect.closeTo(held.settled, 9), reserved: expect.closeTo(slice.amount, 9) });

    // A running survivor with the fleet's real lease timing (5 s heartbeat and sweep).
    const lease = await OwnerLease.start(store, { role: 'aqe serve' });
    const routing = createConfig({ routing: { costTracking: { budgetLimits: { daily: 100, monthly: 1000 } } } }).routing;
    const tracker = new CostTracker(routing, store, { ownerId: () => lease.id, logger: { warn() {} } });
    const booked: Array<{ taskId: string; cost: number }> = [];
    tracker.on('unsettled', (r) => booked.push(r));
    lease.onSweep(async () => void (await tracker.sweepOrphans()));
    await expect.poll(() => booked.length, { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    await lease.stop();

    const byTask = new Map(booked.map((r) => [r.taskId, r.cost]));
    const bound = held.bounds / 5;
    // Journaled calls by task at their bound; calls admitted since the last commit and the unused headroom
    // cannot be told apart: one record for the rest of the slice.
    for (const j of journal) expect(byTask.get(j.task_id)).toBeCloseTo(bound, 9);
    expect(byTask.get(`slice:${held.owner}`)).toBeCloseTo(slice.amount - journal.length * bound, 9);
    expect(booked).toHaveLength(journal.length + 1);
    const usage = store.budgetUsage('daily', day);
    expect(usage.reserved).toBe(0);
    expect(usage.spent).toBeCloseTo(held.settled + slice.amount, 9);
    // Every call in flight is covered: what was booked is at least the five bounds.
    expect(slice.amount + 1e-9).toBeGreaterThanOrEqual(held.bounds);
    const records = store.costRecords(0);
    expect(records.filter((r) => r.status === 'settled').map((r) => r.taskId)).toEqual(['settled-task']);
  }, 60_000);
});
