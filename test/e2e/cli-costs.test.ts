import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config/defaults.js';
import { SqliteMemoryStore } from '../../src/memory/sqlite-store.js';
import { CostTracker } from '../../src/routing/CostTracker.js';

const BIN = resolve('bin/aqe.js');
const dir = mkdtempSync(join(tmpdir(), 'aqe-costs-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function aqe(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, AQE_CONFIG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('aqe costs', () => {
  const config = join(dir, 'fleet.yaml');
  writeFileSync(config, 'database:\n  path: ledger/fleet.db\nrouting:\n  costTracking:\n    budgetLimits: { daily: 100, monthly: 1000 }\n');

  it('reports zeros without creating a database when there is no ledger yet', () => {
    const r = aqe(['costs', '--config', config]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/spent: \$0\.0000 on 0 task\(s\)/);
    expect(r.stdout).toMatch(/alerts: none/);
    expect(existsSync(join(dir, 'ledger'))).toBe(false);
  });

  it('shows spent, left, alerts and savings from the ledger, grouped on request', async () => {
    const routing = { ...createConfig({}).routing, costTracking: { ...createConfig({}).routing.costTracking, budgetLimits: { daily: 100, monthly: 1000 } } };
    const store = new SqliteMemoryStore(join(dir, 'ledger/fleet.db'), { purgeIntervalMs: 0 });
    const tracker = new CostTracker(routing, store, { logger: { warn: () => {} } });
    const sel = (modelName: string) => ({ modelName, provider: 'anthropic' as const, model: modelName, complexity: { score: 0.2, components: { token: 0, structure: 0, context: 0 }, reasons: [] }, reasons: [], estimatedCost: 1, fallbacks: [] });
    const task = (id: string) => ({ id, type: 'test-generation', description: 'd', payload: { files: [] } });
    for (let i = 0; i < 20; i++) {
      const r = await tracker.reserve(task(`t${i}`), sel('claude-haiku-4'), 'test-generator');
      await tracker.settle(r, [{ modelName: 'claude-haiku-4', inputTokens: 1000, outputTokens: 1000, estimated: true }]); // $4.80
    }
    store.close();

    const json = JSON.parse(aqe(['costs', '--config', config, '--json', '--period', '1d', '--by', 'agent']).stdout);
    expect(json.cost).toBeCloseTo(96);
    expect(json.budget.daily).toMatchObject({ limit: 100 });
    expect(json.budget.daily.left).toBeCloseTo(4);
    expect(json.alerts.map((a: { thresholdPercent: number }) => a.thresholdPercent)).toEqual([80]);
    expect(json.savingsVsDefault.baselineModel).toBe('claude-sonnet-4.5');
    expect(json.savingsVsTop.baselineModel).toBe('claude-opus-4');
    expect(json.groups).toMatchObject([{ key: 'test-generator', tasks: 20 }]);

    const text = aqe(['costs', '--config', config, '--by', 'model']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/budget today \(\d{4}-\d\d-\d\d\): \$96\.0000 of \$100\.0000 spent \(96\.0%\)/);
    expect(text.stdout).toMatch(/daily \d{4}-\d\d-\d\d: 80% reached/);
    expect(text.stdout).toMatch(/savings vs all on claude-opus-4: \$\d+\.\d{4} \(94\.7%/);
    expect(text.stdout).toMatch(/claude-haiku-4 +\$96\.0000 +20/);
  });

  it('rejects an unknown period with a usage error', () => {
    const r = aqe(['costs', '--config', config, '--period', '2w']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/AQE_ERR_USAGE: --period must be one of 1d, 7d, 30d/);
  });
});
