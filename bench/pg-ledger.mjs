// Budget ledger on PostgreSQL across processes: 8 processes, each with BENCH_PG_INFLIGHT lanes, run
// CostTracker.reserveCall + settleCall (budget slices, group commits) against one database.
//  phase "throughput": a budget that never runs out, for BENCH_PG_SECONDS; reports reserve+settle pairs/s.
//  phase "cap": the same processes race to fill a tight daily budget ($BENCH_PG_CAP) and settle random costs
//  below each bound; reports overspend (must be 0), the ledger against what was billed and against the totals.
// Needs PostgreSQL: AQE_BENCH_PG_URL or AQE_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres);
// prints {"skipped": ...} without one. Run `npm run build` first. Prints one JSON object.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { loadavg } from 'node:os';
import pg from 'pg';
import { createBenchDatabase } from './lib/pg-bench.mjs';

const PROCS = Number(process.env.BENCH_PG_PROCS ?? 8);
const INFLIGHT = Number(process.env.BENCH_PG_INFLIGHT ?? 64);
const SECONDS = Number(process.env.BENCH_PG_SECONDS ?? 5);
const CAP = Number(process.env.BENCH_PG_CAP ?? 5);
// BENCH_PG_SYNC=off: database.synchronousCommit false (see docs/config.md)
const SYNC = process.env.BENCH_PG_SYNC !== 'off';
// BENCH_LEDGER_GROUP=joined: as in the fleet, one task record per call written through a WriteBehind group
// commit that the settles ride too; =separate: the same records, settles in their own slice commits (as before).
const GROUP = ['joined', 'separate'].includes(process.env.BENCH_LEDGER_GROUP) ? process.env.BENCH_LEDGER_GROUP : undefined;
const DAY = new Date().toISOString().slice(0, 10);

async function worker(url, phase, id) {
  const { PgMemoryStore } = await import('../dist/memory/pg-store.js');
  const { OwnerLease } = await import('../dist/memory/owner-lease.js');
  const { createConfig } = await import('../dist/config/defaults.js');
  const { CostTracker } = await import('../dist/routing/CostTracker.js');
  const { WriteBehind } = await import('../dist/memory/write-behind.js');
  const store = new PgMemoryStore({ url, purgeIntervalMs: 0, poolMax: 4, synchronousCommit: SYNC });
  await store.init();
  const lease = await OwnerLease.start(store, { role: 'bench' });
  const daily = phase === 'cap' ? CAP : 1e12;
  const routing = createConfig({ routing: { costTracking: { budgetLimits: { daily, monthly: 1e12 } } } }).routing;
  const writes = GROUP ? new WriteBehind(store) : undefined;
  const tracker = new CostTracker(routing, store, { writes: GROUP === 'joined' ? writes : undefined, ownerId: () => lease.id, logger: { warn() {} } });
  process.stdout.write('ready\n');
  await new Promise((r) => process.stdin.once('data', r));
  const end = Date.now() + SECONDS * 1000;
  let pairs = 0;
  let refused = 0;
  let billed = 0;
  // CostTracker.reserveCall + settleCall (the fleet's per-model-call path), each settle awaited until durable.
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
        if (phase === 'cap') return; // the budget is full for this lane
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
  await Promise.all(Array.from({ length: INFLIGHT }, (_, l) => lane(l)));
  const seconds = (performance.now() - t0) / 1000;
  await tracker.flush();
  await writes?.flush();
  const cpu = process.cpuUsage(cpu0);
  await lease.stop();
  await store.close();
  process.stdout.write(JSON.stringify({ pairs, refused, billed, seconds, cpuMs: (cpu.user + cpu.system) / 1000 }) + '\n');
}

async function runPhase(url, phase) {
  const self = fileURLToPath(import.meta.url);
  const children = Array.from({ length: PROCS }, (_, i) => {
    const child = spawn(process.execPath, [self, '--worker', url, phase, String(i)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const ready = new Promise((r) => {
      const t = setInterval(() => out.includes('ready\n') && (clearInterval(t), r()), 5);
    });
    const done = new Promise((res, rej) => child.on('exit', (code) => (code === 0 ? res(JSON.parse(out.trim().split('\n').at(-1))) : rej(new Error(`worker exited ${code}`)))));
    return { child, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.child.stdin.end('go\n');
  return Promise.all(children.map((c) => c.done));
}

async function main() {
  const benchDb = await createBenchDatabase();
  if (benchDb.skipped) {
    console.log(JSON.stringify({ skipped: benchDb.skipped }));
    return;
  }
  const url = new URL(benchDb.url);
  try {
    const { PgMemoryStore } = await import('../dist/memory/pg-store.js');
    const setup = new PgMemoryStore({ url: url.toString(), purgeIntervalMs: 0 });
    await setup.init();
    await setup.close();

    const loadBefore = loadavg()[0];
    const tp = await runPhase(url.toString(), 'throughput');
    const pairs = tp.reduce((n, r) => n + r.pairs, 0);
    const seconds = Math.max(...tp.map((r) => r.seconds));
    const tpBilled = tp.reduce((n, r) => n + r.billed, 0);
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    const tpLedger = (await db.query('SELECT coalesce(sum(cost), 0)::float8 AS s, count(*)::int AS n FROM aqe_cost_records')).rows[0];
    await db.query("DELETE FROM aqe_cost_records; DELETE FROM aqe_budget_totals; DELETE FROM aqe_entries WHERE partition = 'routing/costs'");

    const cap = await runPhase(url.toString(), 'cap');
    const billed = cap.reduce((n, r) => n + r.billed, 0);
    const usage = (await db.query("SELECT * FROM aqe_window_usage('daily', $1)", [DAY])).rows[0];
    const totals = (await db.query("SELECT spent FROM aqe_budget_totals WHERE kind = 'daily' AND period = $1", [DAY])).rows[0]?.spent ?? 0;
    const ledger = (await db.query('SELECT coalesce(sum(cost), 0)::float8 AS s, count(*)::int AS n FROM aqe_cost_records WHERE day = $1', [DAY])).rows[0];
    const held = (await db.query('SELECT count(*)::int AS n FROM aqe_budget_reservations')).rows[0].n;
    await db.end();
    const over = Number(usage.spent) + Number(usage.reserved) - CAP;
    console.log(JSON.stringify({
      bench: 'pg-ledger: CostTracker.reserveCall+settleCall through budget slices, one PostgreSQL database',
      settlesIn: GROUP === 'joined' ? 'the group commit (WriteBehind) of one task record per call' : 'their own slice commits',
      taskRecords: GROUP ? 'one per call, in a WriteBehind' : 'none',
      machine: `${process.platform} ${process.arch}, Node ${process.version}`,
      loadAverage1m: { before: Number(loadBefore.toFixed(2)), after: Number(loadavg()[0].toFixed(2)) },
      processes: PROCS,
      synchronousCommit: SYNC,
      inflightPerProcess: INFLIGHT,
      reserveSettlePerSecond: Math.round(pairs / seconds),
      pairs,
      seconds: Number(seconds.toFixed(2)),
      cpuMsPerPair: Number((tp.reduce((n, r) => n + r.cpuMs, 0) / pairs).toFixed(4)),
      throughputLedgerMinusBilled: Number((tpLedger.s - tpBilled).toFixed(9)),
      throughputLedgerRecords: tpLedger.n,
      cap: {
        limit: CAP,
        spent: Number(Number(usage.spent).toFixed(6)),
        filledPercent: Number(((Number(usage.spent) / CAP) * 100).toFixed(2)),
        overspend: over > 1e-9 ? over : 0,
        billed: Number(billed.toFixed(6)),
        ledgerMinusBilledPercent: billed > 0 ? Number((((ledger.s - billed) / billed) * 100).toFixed(6)) : 0,
        ledgerEqualsTotals: Math.abs(ledger.s - Number(totals)) < 1e-9,
        settled: ledger.n,
        refused: cap.reduce((n, r) => n + r.refused, 0),
        reservationRowsLeft: held,
      },
      target: { reserveSettlePerSecond: 2000, overspend: 0, ledgerMinusBilledPercent: '< 1' },
    }));
  } finally {
    await benchDb.drop();
  }
}

if (process.argv[2] === '--worker') await worker(process.argv[3], process.argv[4], process.argv[5]);
else await main();
