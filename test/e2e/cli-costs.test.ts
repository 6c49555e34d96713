import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
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
      await tracker.settle(r, [{ modelName: 'claude-haiku-4', inputTokens: 800_000, outputTokens: 800_000, estimated: true }]); // $4.80 at $1/$5 per million
    }
    // The offline engine's estimate: recorded as simulated, shown apart, not counted.
    await tracker.settleCall(
      { id: 'sim-1', taskId: 'offline-1', agentType: 'test-generator', modelName: 'claude-opus-4', inputTokens: 100, maxTokens: 1000, amount: 1, simulated: true, tracked: true, held: false, at: Date.now(), state: 'held' },
      { inputTokens: 10_000, outputTokens: 10_000, estimated: true },
    );
    await tracker.close();
    store.close();

    const json = JSON.parse(aqe(['costs', '--config', config, '--json', '--period', '1d', '--by', 'agent']).stdout);
    expect(json.cost).toBeCloseTo(96);
    expect(json.budget.daily).toMatchObject({ limit: 100 });
    expect(json.budget.daily.left).toBeCloseTo(4);
    expect(json.alerts.map((a: { thresholdPercent: number }) => a.thresholdPercent)).toEqual([80]);
    expect(json.savingsVsDefault.baselineModel).toBe('claude-sonnet-4.5');
    expect(json.savingsVsTop.baselineModel).toBe('claude-opus-4');
    expect(json.groups).toMatchObject([{ key: 'test-generator', tasks: 20 }]);
    expect(json.simulated).toMatchObject({ records: 1, tasks: 1 });
    expect(json.simulated.cost).toBeCloseTo(0.3);
    expect(json.budget.daily.simulated).toBeCloseTo(0.3);

    const text = aqe(['costs', '--config', config, '--by', 'model']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/budget today \(\d{4}-\d\d-\d\d\): \$96\.0000 of \$100\.0000 spent \(96\.0%\)/);
    expect(text.stdout).toMatch(/daily \d{4}-\d\d-\d\d: 80% reached/);
    expect(text.stdout).toMatch(/savings vs all on claude-opus-4: \$\d+\.\d{4} \(80\.0%/);
    expect(text.stdout).toMatch(/claude-haiku-4 +\$96\.0000 +20/);
    expect(text.stdout).toMatch(/simulated \(offline engine, no money spent; not counted toward budgets\): \$0\.3000 on 1 task/);
  });

  it('is read-only: the database file and its row counts are unchanged by a report', () => {
    const file = join(dir, 'ledger/fleet.db');
    const snapshot = () => {
      const db = new Database(file, { readonly: true });
      const counts = ['entries', 'cost_records', 'budget_reservations', 'budget_totals', 'process_owners'].map(
        (t) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n,
      );
      db.close();
      const hash = (f: string) => (existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : 'absent');
      return { counts, db: hash(file), wal: hash(`${file}-wal`) };
    };
    const before = snapshot();
    for (const args of [['costs', '--config', config], ['costs', '--config', config, '--json', '--by', 'day']]) expect(aqe(args).code).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  it('rejects an unknown period with a usage error', () => {
    const r = aqe(['costs', '--config', config, '--period', '2w']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/AQE_ERR_USAGE: --period must be one of 1d, 7d, 30d/);
  });
});
