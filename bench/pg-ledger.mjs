// Budget ledger on PostgreSQL across processes: 8 processes reserve and settle against one database.
//  phase "throughput": a budget that never runs out, for BENCH_PG_SECONDS; reports reserve+settle pairs/s.
//  phase "cap": the same processes race to fill a tight daily budget with random amounts and settle below the
//  reservation (the upper bound); reports overspend (must be 0) and whether the ledger equals the totals.
// Needs PostgreSQL: AQE_BENCH_PG_URL or AQE_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres);
// prints {"skipped": ...} without one. Run `npm run build` first. Prints one JSON object.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import pg from 'pg';

const PROCS = Number(process.env.BENCH_PG_PROCS ?? 8);
const INFLIGHT = Number(process.env.BENCH_PG_INFLIGHT ?? 4);
const SECONDS = Number(process.env.BENCH_PG_SECONDS ?? 5);
const CAP = Number(process.env.BENCH_PG_CAP ?? 5);
// BENCH_PG_SYNC=off: database.synchronousCommit false (see docs/config.md)
const SYNC = process.env.BENCH_PG_SYNC !== 'off';
const DAY = new Date().toISOString().slice(0, 10);
const MONTH = DAY.slice(0, 7);

async function worker(url, phase, id) {
  const { PgMemoryStore } = await import('../dist/memory/pg-store.js');
  const store = new PgMemoryStore({ url, purgeIntervalMs: 0, poolMax: INFLIGHT, synchronousCommit: SYNC });
  await store.init();
  const owner = await store.registerOwner({ role: 'bench', pid: process.pid, host: 'bench' });
  const limit = phase === 'cap' ? CAP : 1e12;
  const windows = [
    { name: 'daily', period: DAY, limit },
    { name: 'monthly', period: MONTH, limit: 1e12 },
  ];
  process.stdout.write('ready\n');
  await new Promise((r) => process.stdin.once('data', r));
  const end = Date.now() + SECONDS * 1000;
  let pairs = 0;
  let refused = 0;
  let billed = 0;
  const lane = async (lane) => {
    for (let i = 0; ; i++) {
      if (phase === 'throughput' && Date.now() >= end) return;
      const amount = phase === 'cap' ? 0.001 + Math.random() * 0.05 : 0.000001;
      const taskId = `${id}-${lane}-${i}`;
      const r = await store.reserveBudget(windows, amount, { taskId, ownerId: owner, modelName: 'm', agentType: 'a' });
      if (!r.ok) {
        refused++;
        if (phase === 'cap') return; // the budget is full for this lane
        continue;
      }
      const cost = phase === 'cap' ? r.amount * (0.5 + Math.random() * 0.5) : r.amount;
      await store.settleReservation(r.reservationId, {
        taskId, modelName: 'm', agentType: 'a', inputTokens: 10, outputTokens: 10, cost, estimated: false,
        at: Date.now(), day: DAY, month: MONTH,
      });
      billed += cost;
      pairs++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: INFLIGHT }, (_, l) => lane(l)));
  const seconds = (performance.now() - t0) / 1000;
  await store.releaseOwner(owner);
  await store.close();
  process.stdout.write(JSON.stringify({ pairs, refused, billed, seconds }) + '\n');
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
  const admin = process.env.AQE_BENCH_PG_URL || process.env.AQE_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `aqe_bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  try {
    await c.connect();
  } catch (err) {
    console.log(JSON.stringify({ skipped: `no PostgreSQL at ${admin.replace(/:[^:@/]*@/, ':***@')}: ${err.message}` }));
    return;
  }
  await c.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    const { PgMemoryStore } = await import('../dist/memory/pg-store.js');
    const setup = new PgMemoryStore({ url: url.toString(), purgeIntervalMs: 0 });
    await setup.init();
    await setup.close();

    const tp = await runPhase(url.toString(), 'throughput');
    const pairs = tp.reduce((n, r) => n + r.pairs, 0);
    const seconds = Math.max(...tp.map((r) => r.seconds));
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    await db.query("DELETE FROM aqe_cost_records; DELETE FROM aqe_budget_totals; DELETE FROM aqe_entries WHERE partition = 'routing/costs'");

    const cap = await runPhase(url.toString(), 'cap');
    const billed = cap.reduce((n, r) => n + r.billed, 0);
    const totals = (await db.query("SELECT spent FROM aqe_budget_totals WHERE kind = 'daily' AND period = $1", [DAY])).rows[0]?.spent ?? 0;
    const ledger = (await db.query('SELECT coalesce(sum(cost), 0)::float8 AS s, count(*)::int AS n FROM aqe_cost_records WHERE day = $1', [DAY])).rows[0];
    const held = (await db.query('SELECT count(*)::int AS n FROM aqe_budget_reservations')).rows[0].n;
    await db.end();
    console.log(JSON.stringify({
      processes: PROCS,
      synchronousCommit: SYNC,
      loadAverage: (await import('node:os')).loadavg()[0],
      inflightPerProcess: INFLIGHT,
      reserveSettlePerSecond: Math.round(pairs / seconds),
      pairs,
      seconds: Number(seconds.toFixed(2)),
      cap: {
        limit: CAP,
        spent: Number(Number(totals).toFixed(6)),
        overspend: Number(Math.max(0, Number(totals) - CAP).toFixed(9)),
        ledgerEqualsTotals: Math.abs(ledger.s - Number(totals)) < 1e-9,
        ledgerEqualsBilled: Math.abs(ledger.s - billed) < 1e-9,
        settled: ledger.n,
        refused: cap.reduce((n, r) => n + r.refused, 0),
        stillReserved: held,
      },
      target: { reserveSettlePerSecond: 2000, overspend: 0 },
    }));
  } finally {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

if (process.argv[2] === '--worker') await worker(process.argv[3], process.argv[4], process.argv[5]);
else await main();
