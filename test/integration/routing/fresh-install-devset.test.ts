import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { FleetConfigInput } from '../../../src/config/schema.js';
import type { QETask } from '../../../src/fleet/types.js';
import { startFleet } from '../../helpers/fleet.js';

const DEV_SET = resolve('tasks/routing-dev.jsonl');
const EXAMPLE = parse(readFileSync(join('config', 'fleet.example.yaml'), 'utf8')) as FleetConfigInput;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The example config, routing on, no API key: every model is the offline engine (simulated spend). */
async function freshInstall(costTracking: Record<string, unknown>) {
  const routing = { ...EXAMPLE.routing, enabled: true, costTracking: { ...EXAMPLE.routing!.costTracking, ...costTracking } } as FleetConfigInput['routing'];
  const started = await startFleet({ ...EXAMPLE, database: undefined, features: { multiModelRouter: true, streaming: false }, routing }, {});
  cleanups.push(started.cleanup);
  return started.fleet;
}

// The quick analysis tasks of the dev set (test generation runs generated code in the sandbox and coverage
// analysis loads the compiler: minutes on 2 cores; `npm run bench:costs-devset` runs all 48 through aqe run).
const QUICK = new Set(['defect-analysis', 'quality-gate', 'security-scan', 'test-execution', 'flaky-test-analysis']);
const tasks = (): QETask[] =>
  readFileSync(DEV_SET, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as QETask).filter((t) => QUICK.has(String(t.type))).slice(0, 10);

describe('a fresh install with routing on (offline engine)', () => {
  it('runs the dev set with no refusal from simulated spend, even on a budget far below the simulated total', async () => {
    const fleet = await freshInstall({ budgetLimits: { daily: 0.001, monthly: 0.01 } });
    const results = await Promise.allSettled(tasks().map((t) => fleet.executeTask(t)));
    const refusals = results.filter((r) => r.status === 'rejected' && /BUDGET/.test(String((r as PromiseRejectedResult).reason?.code)));
    expect(refusals).toHaveLength(0);
    const status = await fleet.getCostTracker().budgetStatus();
    expect(status.daily.spent).toBe(0);
    expect(status.daily.simulated).toBeGreaterThan(0.001);
    const report = await fleet.getCostTracker().report({ period: '1d' });
    expect(report.cost).toBe(0);
    expect(report.simulated.records).toBeGreaterThan(0);
  }, 120_000);

  it('with costTracking.countSimulated: true the same simulated spend does count', async () => {
    const fleet = await freshInstall({ budgetLimits: { daily: 0.001, monthly: 0.01 }, countSimulated: true });
    const results = await Promise.allSettled(tasks().map((t) => fleet.executeTask(t)));
    expect(results.some((r) => r.status === 'rejected' && /BUDGET/.test(String((r as PromiseRejectedResult).reason?.code)))).toBe(true);
  }, 120_000);
});
