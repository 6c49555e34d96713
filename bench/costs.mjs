// Budget ledger throughput and exactness with N concurrent processes on one SQLite store (CostTracker.reserveCall
// + settleCall, the fleet's per-model-call path, through each process's budget slice and group commits).
//  phase "throughput": a budget that never runs out; every process runs LANES concurrent lanes of
//    reserve -> settle (awaited until durable: the group commit carrying it landed) for SECONDS.
//  phase "cap": a tight daily budget ($CAP) and random settled costs below each bound; lanes run until refused.
// Reports pairs/s, overspend (must be 0), the ledger against what was billed, records left reserved, load average.
// Usage: node bench/costs.mjs [--procs 8] [--lanes 64] [--seconds 5] [--cap 5]; `npm run build` first. Prints JSON.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const PROCS = arg('procs', 8);
const LANES = arg('lanes', 64);
const SECONDS = arg('seconds', 5);
const CAP = arg('cap', 5);
// BENCH_LEDGER_GROUP=joined: as in the fleet, one task record per call written through a WriteBehind group
// commit that the settles ride too; =separate: the same records, settles in their own slice commits (as before).
const GROUP = ['joined', 'separate'].includes(process.env.BENCH_LEDGER_GROUP) ? process.env.BENCH_LEDGER_GROUP : undefined;
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

async function worker(file, phase, id) {
  const { SqliteMemoryStore } = await import(dist('memory/sqlite-store.js'));
  const { createConfig } = await import(dist('config/defaults.js'));
  const { CostTracker } = await import(dist('routing/CostTracker.js'));
  const { OwnerLease } = await import(dist('memory/owner-lease.js'));
  const { WriteBehind } = await import(dist('memory/write-behind.js'));
  const store = new SqliteMemoryStore(file, { busyTimeoutMs: 60_000, purgeIntervalMs: 0 });
  const lease = await OwnerLease.start(store, { role: 'bench' });
  const daily = phase === 'cap' ? CAP : 1e9;
  const routing = createConfig({ routing: { costTracking: { budgetLimits: { daily, monthly: 1e9 }, alertThresholds: { dailyPercent: 80, monthlyPercent: 80 } } } }).routing;
  const writes = GROUP ? new WriteBehind(store) : undefined;
  const tracker = new CostTracker(routing, store, { writes: GROUP === 'joined' ? writes : undefined, ownerId: () => lease.id, logger: { warn: (o, msg) => o.event === 'cost.commit_failed' && process.stderr.write(`${msg}: ${o.err}\n`) } });
  await new Promise((r) => process.once('message', r));
  const end = Date.now() + SECONDS * 1000;
  let pairs = 0;
  let refused = 0;
  let billed = 0;
  const lane = async (l) => {
    for (let i = 0; ; i++) {
      if (phase === 'throughput' && Date.now() >= end) return;
      let r;
      try {
        // haiku, 400 input tokens, max_tokens 800: a bound of $0.00352
        r = await tracker.reserveCall({ taskId: `${id}-${l}-${i}`, agentType: 'bench' }, { modelName: 'claude-haiku-4', inputTokens: 400, maxTokens: 800, minTokens: 800, simulated: false });
      } catch (err) {
        if (err?.code !== 'AQE_ERR_BUDGET_EXCEEDED') throw err;
        refused++;
        if (phase === 'cap') return;
        continue;
      }
      const outputTokens = phase === 'cap' ? Math.floor(Math.random() * 800) : 200;
      const settled = tracker.settleCall(r, { inputTokens: 400, outputTokens, estimated: false });
      if (writes) {
        const at = Date.now();
        void writes.put({ partition: 'bench/tasks', key: `${id}-${l}-${i}`, value: { state: 'completed' }, owner: 'system', accessLevel: 'system', createdAt: at, updatedAt: at });
      }
      const cost = await settled;
      billed += cost;
      pairs++;
    }
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: LANES }, (_, l) => lane(l)));
  const seconds = (performance.now() - t0) / 1000;
  await tracker.flush();
  await writes?.flush();
  const cpu = process.cpuUsage(cpu0);
  await lease.stop();
  store.close();
  process.send({ pairs, refused, billed, seconds, cpuMs: (cpu.user + cpu.system) / 1000 });
  process.exit(0);
}

async function runPhase(file, phase) {
  const self = fileURLToPath(import.meta.url);
  const workers = Array.from({ length: PROCS }, (_, i) => fork(self, ['worker', file, phase, `w${i}`, ...process.argv.slice(2)], { stdio: 'inherit' }));
  await new Promise((r) => setTimeout(r, 1500)); // let every worker open the store
  const t0 = performance.now();
  const results = await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('exit', (code) => code !== 0 && reject(new Error(`worker exited ${code}`)));
    w.send('go');
  })));
  return { results, wallSeconds: (performance.now() - t0) / 1000 };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-costs-'));
  try {
    const { SqliteMemoryStore } = await import(dist('memory/sqlite-store.js'));
    const day = new Date().toISOString().slice(0, 10);
    const check = (file) => {
      const store = new SqliteMemoryStore(file, { purgeIntervalMs: 0, readonly: true });
      const usage = store.budgetUsage('daily', day);
      const records = store.costRecords(0);
      store.close();
      return { usage, records, ledger: records.reduce((n, r) => n + r.cost, 0) };
    };
    const files = { throughput: join(dir, 'throughput.db'), cap: join(dir, 'cap.db') };
    for (const f of Object.values(files)) new SqliteMemoryStore(f, { purgeIntervalMs: 0 }).close(); // create + migrate once
    const loadBefore = loadavg()[0];

    const tp = await runPhase(files.throughput, 'throughput');
    const tpPairs = tp.results.reduce((n, r) => n + r.pairs, 0);
    const tpSeconds = Math.max(...tp.results.map((r) => r.seconds));
    const tpBilled = tp.results.reduce((n, r) => n + r.billed, 0);
    const tpCheck = check(files.throughput);

    const cap = await runPhase(files.cap, 'cap');
    const capBilled = cap.results.reduce((n, r) => n + r.billed, 0);
    const capCheck = check(files.cap);
    const overspend = capCheck.usage.spent + capCheck.usage.reserved - CAP;
    console.log(JSON.stringify({
      bench: 'costs: CostTracker.reserveCall+settleCall through budget slices, one SQLite store',
      settlesIn: GROUP === 'joined' ? 'the group commit (WriteBehind) of one task record per call' : 'their own slice commits',
      taskRecords: GROUP ? 'one per call, in a WriteBehind' : 'none',
      machine: `${process.platform} ${process.arch}, Node ${process.version}`,
      loadAverage1m: { before: Number(loadBefore.toFixed(2)), after: Number(loadavg()[0].toFixed(2)) },
      processes: PROCS,
      lanesPerProcess: LANES,
      throughput: {
        reserveSettlePerSecond: Math.round(tpPairs / tpSeconds),
        pairs: tpPairs,
        // CPU the worker processes spent per pair (user + system): what the load-independent capacity follows.
        cpuMsPerPair: Number((tp.results.reduce((n, r) => n + r.cpuMs, 0) / tpPairs).toFixed(4)),
        seconds: Number(tpSeconds.toFixed(2)),
        ledgerRecords: tpCheck.records.length,
        ledgerMinusBilled: Number((tpCheck.ledger - tpBilled).toFixed(9)),
        reservedAfterClose: tpCheck.usage.reserved,
      },
      cap: {
        dailyLimit: CAP,
        settled: cap.results.reduce((n, r) => n + r.pairs, 0),
        refused: cap.results.reduce((n, r) => n + r.refused, 0),
        spent: Number(capCheck.usage.spent.toFixed(6)),
        filledPercent: Number(((capCheck.usage.spent / CAP) * 100).toFixed(2)),
        overspend: overspend > 1e-9 ? overspend : 0,
        billed: Number(capBilled.toFixed(6)),
        ledgerMinusBilledPercent: capBilled > 0 ? Number((((capCheck.ledger - capBilled) / capBilled) * 100).toFixed(6)) : 0,
        reservedAfterClose: capCheck.usage.reserved,
        wallSeconds: Number(cap.wallSeconds.toFixed(2)),
      },
      target: { reserveSettlePerSecond: 2000, overspend: 0, ledgerMinusBilledPercent: '< 1' },
    }, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'worker') await worker(process.argv[3], process.argv[4], process.argv[5]);
else await main();
