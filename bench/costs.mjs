// Reserve+settle throughput with N concurrent processes on one SQLite store, and overspend (must be 0).
// Each worker process runs CostTracker.reserveCall + settleCall (the fleet's per-model-call path) in a loop
// against a daily budget smaller than the total demand; the parent checks spent <= limit afterwards.
// Usage: node bench/costs.mjs [--procs 8] [--calls 2000] ; prints one JSON object.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const PROCS = arg('procs', 8);
const CALLS = arg('calls', 2000);
const LIMIT = 1.0;
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

if (process.argv[2] === 'worker') {
  const [, , , file, id] = process.argv;
  const { SqliteMemoryStore } = await import(dist('memory/sqlite-store.js'));
  const { createConfig } = await import(dist('config/defaults.js'));
  const { CostTracker } = await import(dist('routing/CostTracker.js'));
  const store = new SqliteMemoryStore(file, { busyTimeoutMs: 60_000, purgeIntervalMs: 0 });
  const owner = store.registerOwner({ role: 'bench', pid: process.pid, host: 'bench' });
  const routing = createConfig({ routing: { costTracking: { budgetLimits: { daily: LIMIT, monthly: 1000 }, alertThresholds: { dailyPercent: 100, monthlyPercent: 100 } } } }).routing;
  const tracker = new CostTracker(routing, store, { ownerId: () => owner, logger: { warn() {} } });
  await new Promise((r) => process.once('message', r));
  let ok = 0;
  let refused = 0;
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) {
    try {
      // haiku, 400 input tokens, max_tokens 800: a bound of $0.00352; settles 200 output tokens ($0.00112)
      const r = await tracker.reserveCall({ taskId: `${id}-${i}`, agentType: 'bench' }, { modelName: 'claude-haiku-4', inputTokens: 400, maxTokens: 800, minTokens: 800, simulated: false });
      await tracker.settleCall(r, { inputTokens: 400, outputTokens: 200, estimated: false });
      ok++;
    } catch (err) {
      if (err?.code !== 'AQE_ERR_BUDGET_EXCEEDED') throw err;
      refused++;
    }
  }
  const ms = performance.now() - t0;
  store.close();
  process.send({ ok, refused, ms });
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-costs-'));
const file = join(dir, 'fleet.db');
try {
  const { SqliteMemoryStore } = await import(dist('memory/sqlite-store.js'));
  new SqliteMemoryStore(file, { purgeIntervalMs: 0 }).close(); // create + migrate once
  const self = fileURLToPath(import.meta.url);
  const workers = Array.from({ length: PROCS }, (_, i) => fork(self, ['worker', file, `w${i}`, `--calls`, String(CALLS)], { stdio: 'inherit' }));
  await new Promise((r) => setTimeout(r, 1500)); // let every worker open the store
  const t0 = performance.now();
  const results = await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('exit', (code) => code !== 0 && reject(new Error(`worker exited ${code}`)));
    w.send('go');
  })));
  const wallMs = performance.now() - t0;
  const store = new SqliteMemoryStore(file, { purgeIntervalMs: 0, readonly: true });
  const day = new Date().toISOString().slice(0, 10);
  const usage = store.budgetUsage('daily', day);
  const records = store.costRecords(0).length;
  store.close();
  const ok = results.reduce((n, r) => n + r.ok, 0);
  const attempts = PROCS * CALLS;
  console.log(JSON.stringify({
    bench: 'costs: reserveCall+settleCall, one SQLite store',
    machine: `${process.platform} ${process.arch}, Node ${process.version}`,
    processes: PROCS,
    callsPerProcess: CALLS,
    attempts,
    settled: ok,
    refused: attempts - ok,
    wallMs: Math.round(wallMs),
    reserveSettlePerSecond: Math.round((attempts / wallMs) * 1000),
    dailyLimit: LIMIT,
    spent: Number(usage.spent.toFixed(6)),
    reservedLeft: usage.reserved,
    overspend: Math.max(0, usage.spent + usage.reserved - LIMIT) > 1e-9 ? usage.spent + usage.reserved - LIMIT : 0,
    ledgerRecords: records,
    target: { reserveSettlePerSecond: 2000, overspend: 0 },
  }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
