import { afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import type { RoutingConfig } from '../../../src/config/schema.js';
import { BudgetExceededError } from '../../../src/errors.js';
import type { ModelSelection, QETask } from '../../../src/fleet/types.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { CostTracker, type BudgetAlert } from '../../../src/routing/CostTracker.js';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const stores: SqliteMemoryStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function setup(over: Partial<RoutingConfig['costTracking']> = {}, now = () => NOW) {
  const base = createConfig({}).routing;
  // Round test prices per 1k tokens (the figures below were worked out with them).
  const prices: Record<string, { input: number; output: number }> = {
    'claude-opus-4': { input: 15, output: 75 },
    'claude-sonnet-4.5': { input: 3, output: 15 },
    'claude-haiku-4': { input: 0.8, output: 4 },
  };
  const models = base.models.map((m) => ({ ...m, capabilities: { ...m.capabilities, costPer1kTokens: prices[m.name] } }));
  const routing: RoutingConfig = { ...base, models, enabled: true, costTracking: { ...base.costTracking, ...over } };
  const store = new SqliteMemoryStore(':memory:', { now, purgeIntervalMs: 0 });
  stores.push(store);
  const logs: string[] = [];
  const tracker = new CostTracker(routing, store, { now, logger: { warn: (_o, msg) => logs.push(msg ?? '') } });
  return { routing, store, tracker, logs };
}

const task = (id: string): QETask => ({ id, type: 'test-generation', description: 'x', payload: { files: [] } });
const selection = (modelName: string, estimatedCost: number): ModelSelection => ({
  modelName,
  provider: 'anthropic',
  model: modelName,
  complexity: { score: 0.5, components: { token: 0, structure: 0, context: 0 }, reasons: [] },
  reasons: [],
  estimatedCost,
  fallbacks: [],
});

describe('CostTracker', () => {
  it('prices tokens from costPer1kTokens', () => {
    const { tracker } = setup();
    // sonnet: input 3, output 15 per 1k tokens
    expect(tracker.costOf('claude-sonnet-4.5', 1000, 2000)).toBeCloseTo(3 + 30, 10);
    expect(() => tracker.costOf('nope', 1, 1)).toThrow(/not in routing.models/);
  });

  it('reserves, settles into the ledger per model used and agent type, and releases', async () => {
    const { tracker, store } = setup({ budgetLimits: { daily: 1000, monthly: 10000 } });
    const r = await tracker.reserve(task('a'), selection('claude-haiku-4', 5), 'test-generator');
    expect(r.tracked).toBe(true);
    expect((await tracker.budgetStatus()).daily.reserved).toBeCloseTo(5);
    // A fallback after a failed attempt is billed to its own model.
    const cost = await tracker.settle(r, [
      { modelName: 'claude-haiku-4', inputTokens: 1000, outputTokens: 0, estimated: false },
      { modelName: 'claude-sonnet-4.5', inputTokens: 1000, outputTokens: 1000, estimated: false },
    ]);
    expect(cost).toBeCloseTo(0.8 + 3 + 15);
    const records = store.costRecords(0);
    expect(records.map((x) => [x.modelName, x.agentType, x.day, x.month])).toEqual([
      ['claude-haiku-4', 'test-generator', '2026-11-25', '2026-11'],
      ['claude-sonnet-4.5', 'test-generator', '2026-11-25', '2026-11'],
    ]);
    const status = await tracker.budgetStatus();
    expect(status.daily.reserved).toBe(0);
    expect(status.daily.spent).toBeCloseTo(cost);
    const held = await tracker.reserve(task('b'), selection('claude-haiku-4', 2), 'x');
    await tracker.release(held);
    expect((await tracker.budgetStatus()).daily.reserved).toBe(0);
    expect(store.costRecords(0)).toHaveLength(2);
  });

  it('refuses a task that would exceed a budget, naming the budget, spent and limit', async () => {
    const { tracker } = setup({ budgetLimits: { daily: 10, monthly: 200 } });
    const r = await tracker.reserve(task('a'), selection('claude-haiku-4', 9), 'x');
    await tracker.settle(r, [{ modelName: 'claude-haiku-4', inputTokens: 0, outputTokens: 2250, estimated: true }]); // $9
    const err = await tracker.reserve(task('b'), selection('claude-haiku-4', 2), 'x').catch((e) => e);
    expect(err).toBeInstanceOf(BudgetExceededError);
    expect(err).toMatchObject({ budget: 'daily', limit: 10, requested: 2 });
    expect(err.spent).toBeCloseTo(9);
    expect(err.message).toMatch(/daily budget exceeded: spent \$9\.0000 .* of \$10\.00 limit/);
  });

  it('never overspends when 50 tasks reserve at once against a nearly spent budget', async () => {
    const { tracker, store } = setup({ budgetLimits: { daily: 10, monthly: 200 } });
    const first = await tracker.reserve(task('seed'), selection('claude-haiku-4', 9.5), 'x');
    await tracker.settle(first, [{ modelName: 'claude-haiku-4', inputTokens: 0, outputTokens: 2375, estimated: true }]); // $9.50
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => tracker.reserve(task(`t${i}`), selection('claude-haiku-4', 0.04), 'x')));
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(ok).toHaveLength(12); // floor(0.5 / 0.04)
    expect(refused.every((o) => (o as PromiseRejectedResult).reason instanceof BudgetExceededError)).toBe(true);
    const usage = store.budgetUsage('daily', '2026-11-25');
    expect(usage.spent + usage.reserved).toBeLessThanOrEqual(10 + 1e-9);
    // Settled at the estimate, the ledger stays within the limit.
    await Promise.all(ok.map((o) => tracker.settle((o as PromiseFulfilledResult<any>).value, [{ modelName: 'claude-haiku-4', inputTokens: 0, outputTokens: 10, estimated: true }])));
    expect(store.budgetUsage('daily', '2026-11-25').spent).toBeLessThanOrEqual(10);
  });

  it('fires each alert once per period and threshold: event, log line, stored marker', async () => {
    let now = NOW;
    const { tracker, store, logs } = setup({ budgetLimits: { daily: 10, monthly: 1000 } }, () => now);
    const alerts: BudgetAlert[] = [];
    tracker.on('alert', (a) => alerts.push(a));
    const spend = async (id: string, dollars: number) => {
      const r = await tracker.reserve(task(id), selection('claude-haiku-4', dollars), 'x');
      await tracker.settle(r, [{ modelName: 'claude-haiku-4', inputTokens: 0, outputTokens: dollars * 250, estimated: true }]);
    };
    await spend('a', 7);
    expect(alerts).toHaveLength(0);
    await spend('b', 1.5); // 85%
    expect(alerts).toMatchObject([{ budget: 'daily', period: '2026-11-25', thresholdPercent: 80, limit: 10 }]);
    expect(logs[0]).toMatch(/daily budget 2026-11-25: \$8\.5000 spent of \$10\.00 \(85\.0%, threshold 80%\)/);
    await spend('c', 0.5);
    expect(alerts).toHaveLength(1);
    // A new tracker on the same store (a restart) does not fire it again.
    const again = new CostTracker((tracker as any).routing, store, { now: () => now, logger: { warn: () => {} } });
    const more: BudgetAlert[] = [];
    again.on('alert', (a) => more.push(a));
    await again.checkAlerts();
    expect(more).toHaveLength(0);
    // Next day: a new period, the alert can fire again.
    now += 86_400_000;
    await spend('d', 8.2);
    expect(alerts.map((a) => a.period)).toEqual(['2026-11-25', '2026-11-26']);
    const report = await tracker.report({ period: '7d' });
    expect(report.alerts.map((a) => `${a.budget}:${a.period}:${a.thresholdPercent}`)).toEqual(['daily:2026-11-25:80', 'daily:2026-11-26:80']);
  });

  it('with cost tracking disabled: reserve returns an untracked reservation and settle records nothing', async () => {
    const { tracker, store } = setup({ enabled: false, budgetLimits: { daily: 0, monthly: 0 } });
    const r = await tracker.reserve(task('a'), selection('claude-opus-4', 100), 'x');
    expect(r).toMatchObject({ id: null, tracked: false, taskId: 'a', modelName: 'claude-opus-4' });
    const cost = await tracker.settle(r, [{ modelName: 'claude-opus-4', inputTokens: 1000, outputTokens: 0, estimated: false }]);
    expect(cost).toBe(15);
    expect(store.costRecords(0)).toEqual([]);
  });

  it('reports spend by model, agent and day with savings vs default and top models', async () => {
    const { tracker } = setup({ budgetLimits: { daily: 1e6, monthly: 1e7 } });
    const use = async (id: string, model: string, agent: string, inp: number, out: number) => {
      const r = await tracker.reserve(task(id), selection(model, 1), agent);
      await tracker.settle(r, [{ modelName: model, inputTokens: inp, outputTokens: out, estimated: false }]);
    };
    await use('a', 'claude-haiku-4', 'test-generator', 1000, 1000); // 4.8
    await use('b', 'claude-opus-4', 'security-scanner', 1000, 1000); // 90
    const byModel = await tracker.report({ period: '1d', by: 'model' });
    expect(byModel.cost).toBeCloseTo(94.8);
    expect(byModel.groups!.map((g) => g.key)).toEqual(['claude-opus-4', 'claude-haiku-4']);
    expect(byModel.savingsVsDefault).toMatchObject({ baselineModel: 'claude-sonnet-4.5' });
    expect(byModel.savingsVsDefault!.baselineCost).toBeCloseTo(36);
    expect(byModel.savingsVsDefault!.saved).toBeCloseTo(36 - 94.8);
    expect(byModel.savingsVsTop!.baselineCost).toBeCloseTo(180);
    expect(byModel.savingsVsTop!.percent).toBeCloseTo(((180 - 94.8) / 180) * 100);
    expect((await tracker.report({ period: '7d', by: 'agent' })).groups!.map((g) => g.key)).toEqual(['security-scanner', 'test-generator']);
    expect((await tracker.report({ period: '30d', by: 'day' })).groups).toMatchObject([{ key: '2026-11-25', tasks: 2 }]);
  });
});
