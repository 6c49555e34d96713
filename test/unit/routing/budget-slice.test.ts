import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import type { RoutingConfig } from '../../../src/config/schema.js';
import { BudgetExceededError } from '../../../src/errors.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { AccessLevel, type SliceCommit } from '../../../src/memory/types.js';
import { WriteBehind } from '../../../src/memory/write-behind.js';
import { CostTracker, type BudgetAlert, type CallReservation } from '../../../src/routing/CostTracker.js';
import type { SliceTuning } from '../../../src/routing/budget-slice.js';
import { tempDir } from '../../helpers/fleet.js';

// Calls through a process's budget slice (CostTracker.reserveCall / settleCall): admitted in memory, settled by
// group commits, returned when idle or flushed, exact near the limit. The cheapest tier at this file's own price,
// 0.0008 / 0.004 per 1k tokens: 1,000 input tokens and max_tokens 1,000 bound a call at $0.0048.
const BOUND = 0.0048;
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function routingWith(daily: number, over: Partial<RoutingConfig['costTracking']> = {}): RoutingConfig {
  const seeded = createConfig({ routing: { costTracking: { budgetLimits: { daily, monthly: 1e6 } } } }).routing;
  const models = seeded.models.map((m) => (m.name === 'claude-haiku-4' ? { ...m, capabilities: { ...m.capabilities, costPer1kTokens: { input: 0.0008, output: 0.004 } } } : m));
  const base = { ...seeded, models };
  return { ...base, costTracking: { ...base.costTracking, ...over, budgetLimits: { daily, monthly: 1e6 } } };
}

/** Slice commits ride the fleet's group commit (a WriteBehind per tracker, as FleetManager wires it). */
let joined = false;

/**
 * A store whose slice commits are counted (alone or inside a group commit), its transactions named in order,
 * and trackers ("processes") on it.
 */
function setup(daily: number, file = ':memory:', tuning: Partial<SliceTuning> = {}, over: Partial<RoutingConfig['costTracking']> = {}) {
  const store = new SqliteMemoryStore(file, { purgeIntervalMs: 0 });
  cleanups.push(() => store.close());
  const commits: SliceCommit[] = [];
  const txns: string[] = [];
  const commit = store.commitSlice.bind(store);
  store.commitSlice = (c) => {
    commits.push(c);
    txns.push('commitSlice');
    return commit(c);
  };
  const group = store.applyGroup.bind(store);
  store.applyGroup = (puts, deletes, slices) => {
    commits.push(...slices);
    txns.push(`applyGroup(${puts.length} puts, ${slices.length} slices)`);
    return group(puts, deletes, slices);
  };
  const batch = store.applyBatch.bind(store);
  store.applyBatch = (puts, deletes) => {
    txns.push(`applyBatch(${puts.length} puts)`);
    return batch(puts, deletes);
  };
  const writes = new WriteBehind(store);
  const tracker = (owner = store.registerOwner({ role: 'test', pid: process.pid, host: 'h' })) =>
    new CostTracker(routingWith(daily, over), store, { ownerId: () => owner, logger: { warn() {} }, slices: tuning, ...(joined ? { writes } : {}) });
  return { store, commits, txns, writes, tracker, day: new Date().toISOString().slice(0, 10) };
}

const reserve = (t: CostTracker, id: string, minTokens = 1000) =>
  t.reserveCall({ taskId: id, agentType: 'test-generator' }, { modelName: 'claude-haiku-4', inputTokens: 1000, maxTokens: 1000, minTokens, simulated: false });
const settle = (t: CostTracker, r: CallReservation, out = 500) => t.settleCall(r, { inputTokens: 1000, outputTokens: out, estimated: false });

describe.each([false, true])('budget slices (in the fleet group commit: %s)', (inGroup) => {
  // The two tests that check the joined transaction itself are defined only in the joined variant.
  beforeAll(() => {
    joined = inGroup;
  });

  it('hold headroom after the first call, so the next calls are admitted without a store transaction', async () => {
    const { store, commits, tracker, day } = setup(100);
    const t = tracker();
    const first = await reserve(t, 'a');
    expect(first).toMatchObject({ amount: expect.closeTo(BOUND, 12), maxTokens: 1000, held: true });
    const n = commits.length;
    const more = await Promise.all(Array.from({ length: 3 }, (_, i) => reserve(t, `b${i}`)));
    await settle(t, first); // durable: one group commit
    const afterSettle = commits.length;
    const evenMore = await Promise.all(Array.from({ length: 3 }, (_, i) => reserve(t, `c${i}`)));
    expect(commits.length).toBe(afterSettle); // admitted from the headroom in memory
    expect(afterSettle - n).toBeLessThanOrEqual(3);
    const usage = store.budgetUsage('daily', day);
    expect(usage.reserved).toBeGreaterThanOrEqual(6 * BOUND - 1e-12);
    expect(usage.spent).toBeCloseTo(0.0008 + 0.002, 12);
    // Settles of one turn ride one commit; the ledger has each call once.
    const before = commits.length;
    await Promise.all([...more, ...evenMore].map((r) => settle(t, r)));
    expect(commits.length - before).toBeLessThanOrEqual(2);
    expect(store.costRecords(0).map((r) => r.taskId).sort()).toEqual(['a', 'b0', 'b1', 'b2', 'c0', 'c1', 'c2']);
  });

  it('flush() commits what is pending and returns the unused slice; calls still in flight stay held', async () => {
    const { store, tracker, day } = setup(100);
    const t = tracker();
    const a = await reserve(t, 'a');
    const b = await reserve(t, 'b');
    void settle(t, a);
    await t.flush();
    const usage = store.budgetUsage('daily', day);
    expect(usage.spent).toBeCloseTo(0.0028, 12);
    expect(usage.reserved).toBeCloseTo(b.amount, 12);
    await settle(t, b, 0);
    await t.flush();
    expect(store.budgetUsage('daily', day)).toEqual({ spent: expect.closeTo(0.0028 + 0.0008, 12), reserved: 0, simulated: 0 });
    expect(store.bookOrphanedReservations()).toEqual([]);
  });

  it('journals by name only the calls in flight journalMs: a short call is never journaled, a long one within journalMs', async () => {
    const { commits, tracker } = setup(100, ':memory:', { journalMs: 60 });
    const t = tracker();
    await settle(t, await reserve(t, 'warm')); // the slice exists, with headroom
    const long = await reserve(t, 'long');
    const short = await reserve(t, 'short');
    const n = commits.length;
    await settle(t, short); // a commit while 'long' is in flight, young
    const journaled = () => commits.flatMap((c) => c.started.map((x) => x.taskId));
    expect(commits.length).toBeGreaterThan(n);
    expect(journaled()).not.toContain('short');
    expect(journaled()).not.toContain('long');
    await expect.poll(journaled, { timeout: 2_000, interval: 10 }).toContain('long');
    expect(Date.now() - long.ticket!.admittedAt).toBeGreaterThanOrEqual(60);
    await settle(t, long);
    await t.flush();
    expect(commits.flatMap((c) => c.ended)).toContain(long.id);
    expect(journaled()).not.toContain('short');
  });

  it('an idle slice goes back to the budget by itself', async () => {
    const { store, tracker, day } = setup(100, ':memory:', { idleMs: 20 });
    const t = tracker();
    await settle(t, await reserve(t, 'a'));
    expect(store.budgetUsage('daily', day).reserved).toBeGreaterThan(0);
    await expect.poll(() => store.budgetUsage('daily', day).reserved, { timeout: 5_000, interval: 10 }).toBe(0);
  });

  it('near the limit every call is held exactly: a small budget fills to the cap, then refuses naming it', async () => {
    const { store, tracker, day } = setup(10.5 * BOUND);
    const t = tracker();
    const granted: CallReservation[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await reserve(t, `t${i}`, 200).catch((e: unknown) => e);
      if (r instanceof BudgetExceededError) {
        expect(r).toMatchObject({ budget: 'daily', limit: 10.5 * BOUND });
        break;
      }
      granted.push(r as CallReservation);
    }
    // ten full bounds, then the half bound left lowers max_tokens (1000 -> 400: 0.0008 + 400 x 0.000004)
    expect(granted).toHaveLength(11);
    expect(granted.slice(0, 10).every((r) => r.maxTokens === 1000)).toBe(true);
    expect(granted[10]).toMatchObject({ maxTokens: 400, amount: expect.closeTo(0.5 * BOUND, 12) });
    const usage = store.budgetUsage('daily', day);
    expect(usage.reserved).toBeCloseTo(10.5 * BOUND, 12);
    // a settle below its bound frees the rest ($0.0048 held, $0.0008 billed): the next call gets $0.004
    await settle(t, granted[0], 0);
    expect(await reserve(t, 'after', 200)).toMatchObject({ amount: expect.closeTo(BOUND - 0.0008, 12), maxTokens: 800 });
  });

  it('two processes racing on one file store never hold or spend past the limit, and fill it to within one bound', async () => {
    const { dir, cleanup } = tempDir('aqe-slices-');
    cleanups.push(cleanup);
    const file = `${dir}/fleet.db`;
    const limit = 200 * BOUND;
    const one = setup(limit, file);
    const two = setup(limit, file);
    const trackers = [one.tracker(), two.tracker()];
    let billed = 0;
    const lane = async (t: CostTracker, name: string) => {
      for (let i = 0; ; i++) {
        const r = await reserve(t, `${name}-${i}`).catch((e: unknown) => e);
        if (r instanceof BudgetExceededError) return;
        const cost = await settle(t, r as CallReservation, i % 1000);
        billed += cost;
      }
    };
    await Promise.all(trackers.flatMap((t, p) => Array.from({ length: 8 }, (_, l) => lane(t, `p${p}l${l}`))));
    await Promise.all(trackers.map((t) => t.flush()));
    const usage = one.store.budgetUsage('daily', one.day);
    expect(usage.reserved).toBe(0);
    expect(usage.spent).toBeLessThanOrEqual(limit + 1e-9);
    expect(usage.spent).toBeGreaterThan(limit - BOUND);
    const ledger = one.store.costRecords(0).reduce((n, r) => n + r.cost, 0);
    expect(ledger).toBeCloseTo(billed, 9);
  });

  it('raises a crossed alert once after the commit that crossed it', async () => {
    const { tracker } = setup(10 * BOUND, ':memory:', {}, { alertThresholds: { dailyPercent: 50, monthlyPercent: 80 } });
    const t = tracker();
    const alerts: BudgetAlert[] = [];
    t.on('alert', (a) => alerts.push(a));
    for (let i = 0; i < 8; i++) await settle(t, await reserve(t, `t${i}`), 1000);
    await t.flush();
    expect(alerts.map((a) => [a.budget, a.thresholdPercent])).toEqual([['daily', 50]]);
  });

  if (inGroup) it("settles share the fleet's transaction with that turn's task-record writes", async () => {
    const { store, txns, writes, tracker, day } = setup(100);
    const t = tracker();
    const first = await reserve(t, 'a'); // the first call waits for a commit that creates the slice
    expect(txns).toEqual(['applyGroup(0 puts, 1 slices)']);
    const second = await reserve(t, 'b'); // from the headroom, in memory
    txns.length = 0;
    const record = (key: string, value: string) =>
      writes.put({ partition: 'tasks', key, value, owner: 'system', accessLevel: AccessLevel.SYSTEM, createdAt: 1, updatedAt: 1 });
    const settled = Promise.all([settle(t, first), settle(t, second), record('a', 'completed'), record('b', 'completed')]);
    await settled;
    expect(txns).toEqual(['applyGroup(2 puts, 1 slices)']);
    // durable when settleCall resolved: in the ledger, money moved to spent, with the records
    expect(store.costRecords(0).map((r) => r.taskId).sort()).toEqual(['a', 'b']);
    expect(store.budgetUsage('daily', day).spent).toBeCloseTo(2 * (0.0008 + 0.002), 12);
    expect(store.get('tasks', 'a')?.value).toBe('completed');
  });

  if (inGroup) it('a failed group commit loses nothing: the slice retries alone, the records are written alone', async () => {
    const { store, txns, writes, tracker, day } = setup(100);
    const t = tracker();
    const r = await reserve(t, 'a');
    const group = store.applyGroup;
    let failures = 0;
    store.applyGroup = (puts, deletes, slices) => {
      if (failures++ === 0) return Promise.reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_IOERR' }));
      return group(puts, deletes, slices);
    };
    txns.length = 0;
    const put = writes.put({ partition: 'tasks', key: 'a', value: 'completed', owner: 'system', accessLevel: AccessLevel.SYSTEM, createdAt: 1, updatedAt: 1 }, { strict: true });
    const cost = await settle(t, r);
    await put;
    expect(txns).toEqual(['applyBatch(1 puts)', 'commitSlice']);
    expect(store.get('tasks', 'a')?.value).toBe('completed');
    expect(store.costRecords(0).map((x) => [x.taskId, x.cost])).toEqual([['a', cost]]);
    expect(store.budgetUsage('daily', day).spent).toBeCloseTo(cost, 12);
    await t.flush();
    expect(store.budgetUsage('daily', day)).toEqual({ spent: expect.closeTo(cost, 12), reserved: 0, simulated: 0 });
  });
});
