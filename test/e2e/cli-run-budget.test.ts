import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteMemoryStore } from '../../src/memory/sqlite-store.js';
import { tempDir } from '../helpers/fleet.js';
import { longReply, pricedRouting, startBillingAnthropic } from '../helpers/priced-fleet.js';

const BIN = resolve('bin/aqe.js');
const { dir, cleanup } = tempDir('aqe-run-budget-');
afterAll(cleanup);

function aqeAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, AQE_LOG_LEVEL: 'error', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const gate = (p: string, i: number) => ({
  id: `${p}-gate-${i}`,
  type: 'quality-gate',
  description: `Does build ${p}${i} pass the gate: coverage >= 80%, no failures?`,
  payload: { files: [{ path: 'reports/summary.txt', content: `coverage ${80 + (i % 20)}%\nfailures 0\n` }] },
});

describe('two aqe run processes on one store', () => {
  it('never bill past the daily budget; the ledger equals the bill; some tasks are refused', async () => {
    const server = await startBillingAnthropic({ text: () => longReply(1500) });
    try {
      const limit = 0.04; // 2 x 16 tasks of about $0.0033 on haiku want about $0.10
      const config = join(dir, 'fleet.yaml');
      writeFileSync(config, stringify({
        database: { path: join(dir, 'fleet.db') },
        features: { multiModelRouter: true, streaming: false },
        routing: pricedRouting(server.url, { budgetLimits: { daily: limit, monthly: 100 } }),
      }));
      const files = ['a', 'b'].map((p) => {
        const f = join(dir, `${p}.jsonl`);
        writeFileSync(f, Array.from({ length: 16 }, (_, i) => JSON.stringify(gate(p, i))).join('\n') + '\n');
        return f;
      });
      const env = { ANTHROPIC_API_KEY: 'sk-ant-e2e-budget' };
      const runs = await Promise.all(files.map((f) => aqeAsync(['--config', config, 'run', f, '--json'], env)));
      const events = runs.flatMap((r) => r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)));
      const ends = events.filter((e) => e.event === 'complete' || e.event === 'error' || e.event === 'failed');
      const refused = events.filter((e) => JSON.stringify(e).includes('BUDGET'));
      expect(refused.length).toBeGreaterThan(0);
      expect(events.filter((e) => e.event === 'complete' && e.status === 'completed').length).toBeGreaterThan(0);
      expect(ends.length).toBeGreaterThan(0);

      const billed = server.billing.cost;
      expect(billed).toBeGreaterThan(0);
      expect(billed).toBeLessThanOrEqual(limit + 1e-9);
      const store = new SqliteMemoryStore(join(dir, 'fleet.db'), { purgeIntervalMs: 0, readonly: true });
      const day = new Date().toISOString().slice(0, 10);
      const usage = store.budgetUsage('daily', day);
      const records = store.costRecords(0);
      store.close();
      expect(usage.reserved).toBe(0);
      expect(Math.abs(usage.spent - billed) / billed).toBeLessThan(0.01);
      expect(records.every((r) => r.status === 'settled')).toBe(true);
    } finally {
      await server.close();
    }
  }, 120_000);
});
