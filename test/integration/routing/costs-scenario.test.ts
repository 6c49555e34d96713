import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import { BudgetExceededError } from '../../../src/errors.js';
import type { QETask } from '../../../src/fleet/types.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { CostTracker, type BudgetAlert } from '../../../src/routing/CostTracker.js';
import { ModelRouter } from '../../../src/routing/ModelRouter.js';

/**
 * The seed's cost scenario (`npm run test:routing:costs`): run tasks and check that costs are recorded in
 * the store (and survive a restart), the budget alert fires at 80%, and enforcement refuses at 100%.
 */
const dir = mkdtempSync(join(tmpdir(), 'aqe-costs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.UTC(2026, 10, 25, 9, 30);
const task = (i: number): QETask => ({
  id: `task-${i}`,
  type: 'test-generation',
  description: 'Unit tests for clamp.',
  payload: { files: [{ path: 'src/clamp.ts', content: 'export const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));' }] },
});

describe('cost scenario: record, alert at 80%, enforce at 100%', () => {
  const config = createConfig({ routing: { enabled: true, costTracking: { budgetLimits: { daily: 0.2, monthly: 10 } } } });
  const dbPath = join(dir, 'fleet.db');
  const router = new ModelRouter(config.routing);
  const alerts: BudgetAlert[] = [];

  it('records costs, alerts once at 80% and refuses the task that would pass 100%', async () => {
    const store = new SqliteMemoryStore(dbPath, { now: () => NOW, purgeIntervalMs: 0 });
    const tracker = new CostTracker(config.routing, store, { now: () => NOW, logger: { warn: () => {} } });
    tracker.on('alert', (a) => alerts.push(a));
    let refused: BudgetExceededError | undefined;
    let done = 0;
    for (let i = 0; i < 1000 && !refused; i++) {
      const sel = router.select(task(i));
      expect(sel.modelName).toBe('claude-haiku-4');
      try {
        const r = await tracker.reserve(task(i), sel, 'test-generator');
        // Provider usage: what the model really used (here fixed), billed at the model's prices.
        await tracker.settle(r, [{ modelName: sel.modelName, inputTokens: 200, outputTokens: 1000, estimated: false }]);
        done++;
      } catch (err) {
        refused = err as BudgetExceededError;
      }
    }
    expect(refused).toBeInstanceOf(BudgetExceededError);
    expect(refused!.budget).toBe('daily');
    expect(refused!.spent + refused!.requested).toBeGreaterThan(0.2);
    const status = await tracker.budgetStatus();
    expect(status.daily.spent).toBeLessThanOrEqual(0.2);
    expect(status.daily.spent).toBeCloseTo(done * tracker.costOf('claude-haiku-4', 200, 1000), 10);
    expect(alerts.filter((a) => a.thresholdPercent === 80)).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ budget: 'daily', period: '2026-11-25' });
    expect(alerts[0].percent).toBeGreaterThanOrEqual(80);
    store.close();
  });

  it('keeps the ledger and the fired alerts across a restart', async () => {
    const store = new SqliteMemoryStore(dbPath, { now: () => NOW, purgeIntervalMs: 0 });
    const tracker = new CostTracker(config.routing, store, { now: () => NOW, logger: { warn: () => {} } });
    const again: BudgetAlert[] = [];
    tracker.on('alert', (a) => again.push(a));
    const report = await tracker.report({ period: '1d', by: 'model' });
    expect(report.records).toBeGreaterThan(0);
    expect(report.groups).toMatchObject([{ key: 'claude-haiku-4' }]);
    expect(report.alerts.map((a) => a.thresholdPercent)).toContain(80);
    expect(again).toEqual([]);
    expect(report.savingsVsDefault!.percent).toBeGreaterThan(20);
    store.close();
  });
});
