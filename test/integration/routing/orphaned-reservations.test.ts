import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import { OwnerLease } from '../../../src/memory/owner-lease.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { CostTracker } from '../../../src/routing/CostTracker.js';
import { tempDir } from '../../helpers/fleet.js';

const FIXTURE = new URL('../../fixtures/routing/reserve-and-hang.mjs', import.meta.url).pathname;
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Starts the fixture and resolves with its first JSON line, the reservation it holds. */
async function holder(db: string, host = ''): Promise<{ child: ChildProcess; reserved: string; owner: string; amount: number }> {
  const child = spawn(process.execPath, [FIXTURE, db, host], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => child.kill('SIGKILL'));
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, ...JSON.parse(line) };
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

function survivor(db: string, now: () => number) {
  const store = new SqliteMemoryStore(db, { now, purgeIntervalMs: 0 });
  const routing = createConfig({ routing: { costTracking: { budgetLimits: { daily: 1, monthly: 10 } } } }).routing;
  return { store, routing };
}

describe('a killed process\'s reservation', () => {
  it('is booked as unsettled at the reserved amount by the next start on the same host (pid gone)', async () => {
    const { dir, cleanup } = tempDir('aqe-orphan-');
    cleanups.push(cleanup);
    const db = `${dir}/fleet.db`;
    const h = await holder(db);
    expect(h.amount).toBeCloseTo(0.03 + 14_666 * 0.000015, 9);
    await kill(h.child);

    const { store, routing } = survivor(db, Date.now);
    cleanups.push(() => store.close());
    expect(store.budgetUsage('daily', new Date().toISOString().slice(0, 10)).reserved).toBeCloseTo(h.amount, 9);
    const lease = await OwnerLease.start(store, { role: 'aqe run', manual: true });
    const tracker = new CostTracker(routing, store, { ownerId: () => lease.id, logger: { warn() {} } });
    lease.onSweep(async () => void (await tracker.sweepOrphans()));
    await lease.tick(); // what FleetManager.initialize does
    const [rec] = store.costRecords(0);
    expect(rec).toMatchObject({ taskId: 'killed-task', modelName: 'claude-sonnet-4.5', status: 'unsettled', inputTokens: 0, outputTokens: 0 });
    expect(rec.cost).toBeCloseTo(h.amount, 9);
    const usage = store.budgetUsage('daily', rec.day);
    expect(usage.reserved).toBe(0);
    expect(usage.spent).toBeCloseTo(h.amount, 9);
    expect(store.getOwner(h.owner)).toMatchObject({ state: 'dead', claimedBy: lease.id });
    const report = await tracker.report({ period: '1d' });
    expect(report).toMatchObject({ unsettledRecords: 1 });
    await lease.stop();
  });

  it('on another host: a running survivor books it once the owner misses its heartbeats (20 s, within 30 s)', async () => {
    const { dir, cleanup } = tempDir('aqe-orphan-');
    cleanups.push(cleanup);
    const db = `${dir}/fleet.db`;
    let clock = Date.now();
    const { store, routing } = survivor(db, () => clock);
    cleanups.push(() => store.close());
    const lease = await OwnerLease.start(store, { role: 'aqe serve', manual: true });
    const tracker = new CostTracker(routing, store, { ownerId: () => lease.id, now: () => clock, logger: { warn() {} } });
    const unsettled: unknown[] = [];
    tracker.on('unsettled', (r) => unsettled.push(r));
    lease.onSweep(async () => void (await tracker.sweepOrphans()));

    const h = await holder(db, 'another-host'); // registered at real time ~clock
    await kill(h.child);
    clock += 19_000;
    await lease.tick();
    expect(store.costRecords(0)).toHaveLength(0); // not yet stale: maybe just slow
    clock += 2_000 + 5_000; // stale after 20 s; the next 5 s heartbeat tick books it
    await lease.tick();
    expect(unsettled).toHaveLength(1);
    expect(store.costRecords(0)).toMatchObject([{ taskId: 'killed-task', status: 'unsettled' }]);
    await lease.stop();
  });
});
