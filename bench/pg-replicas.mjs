// The multi-replica acceptance run, measured as a user would: three `aqe serve` processes on one PostgreSQL
// database, a fake model provider (openai-compatible, loopback) that bills what it serves, and HTTP clients.
//  killedReplica: a replica is SIGKILLed with model calls in flight; seconds until nothing is reserved (the
//    survivors book its reservations as unsettled, at their upper bound); then it is started again.
//  budget: tasks sent to all replicas until the daily budget refuses them; spend (settled + unsettled) <= budget,
//    settled ledger == what the provider billed.
//  killSwitch: PUT /v1/flags on one replica; time until the other two report the override (polled every 5 ms).
// Needs PostgreSQL (AQE_BENCH_PG_URL or AQE_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres);
// prints {"skipped": ...} without one. Run `npm run build` first. Prints one JSON object.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import pg from 'pg';
import { createBenchDatabase, startReplica } from './lib/pg-bench.mjs';
import { FakeOpenAIServer } from '../dist/providers/testing/fake-openai-server.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const DAILY = Number(process.env.BENCH_REPLICAS_BUDGET ?? 0.25);
const PRICE = { input: 0.003, output: 0.015 }; // per 1k tokens, as configured for the model below

function task(i) {
  return {
    id: `t-${i}-${randomBytes(3).toString('hex')}`,
    type: 'security-scan',
    description: `Review the token check for timing attacks (${i}).`,
    payload: { language: 'typescript', files: [{ path: 'src/auth/check.ts', content: 'export function check(a: string, b: string): boolean {\n  return a === b;\n}\n' }] },
  };
}

async function main() {
  const benchDb = await createBenchDatabase();
  if (benchDb.skipped) {
    console.log(JSON.stringify({ skipped: benchDb.skipped }));
    return;
  }
  const dbUrl = new URL(benchDb.url);
  const dir = mkdtempSync(join(tmpdir(), 'aqe-replicas-'));
  let slowMs = 0;
  const fake = await FakeOpenAIServer.start({
    record: false,
    prices: { 'fake-model-1': PRICE },
    script: () => (slowMs ? { firstByteDelayMs: slowMs } : undefined),
  });
  const replicas = [];
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  const q = async (sql, params = []) => (await db.query(sql, params)).rows[0];
  const post = (url, body) => fetch(`${url}/v1/tasks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  try {
    const config = join(dir, 'fleet.yaml');
    writeFileSync(config, JSON.stringify({
      fleet: { maxConcurrentTasks: 16, shutdownGraceMs: 2000 },
      database: { type: 'postgres', url: dbUrl.toString() },
      logging: { level: 'error' },
      features: { multiModelRouter: false, streaming: false },
      routing: {
        defaultModel: 'fake-model',
        models: [{
          name: 'fake-model', provider: 'openai-compatible', model: 'fake-model-1', baseURL: fake.url,
          capabilities: { maxTokens: 1024, supportsStreaming: true, costPer1kTokens: PRICE },
          complexityRange: { min: 0, max: 1 }, enabled: true,
        }],
        costTracking: { budgetLimits: { daily: DAILY, monthly: 1000 } },
      },
    }));
    for (const name of ['r1', 'r2', 'r3']) replicas.push(startReplica(root, config, name, dir));
    const urls = await Promise.all(replicas.map((r) => r.url));
    await db.connect();

    // a replica killed with model calls in flight (the fake provider holds its answers)
    slowMs = 60_000;
    const inflight = [0, 1, 2, 3].map((i) => post(urls[2], task(10_000 + i)).catch(() => undefined));
    let held = 0;
    for (let i = 0; i < 400 && held < 4; i++) {
      await sleep(25);
      held = (await q('SELECT count(*)::int AS n FROM aqe_budget_reservations')).n;
    }
    replicas[2].child.kill('SIGKILL');
    const killedAt = Date.now();
    await Promise.all(inflight);
    let resolvedAfter = null;
    while (Date.now() - killedAt < 60_000) {
      if ((await q('SELECT count(*)::int AS n FROM aqe_budget_reservations')).n === 0) {
        resolvedAfter = Number(((Date.now() - killedAt) / 1000).toFixed(1));
        break;
      }
      await sleep(250);
    }
    const unsettled = await q("SELECT count(*)::int AS n, coalesce(sum(cost), 0)::float8 AS s FROM aqe_cost_records WHERE status = 'unsettled'");
    slowMs = 0;
    // it comes back (as a restarted pod would) for the budget run
    replicas[2] = startReplica(root, config, 'r3', dir);
    urls[2] = await replicas[2].url;

    // budget: 4 clients per replica, each until it sees a budget refusal
    let completed = 0;
    let refused = 0;
    let other = 0;
    let n = 0;
    await Promise.all(urls.flatMap((url) => [0, 1, 2, 3].map(async () => {
      for (let tries = 0; tries < 500; tries++) {
        const res = await post(url, task(n++));
        const body = await res.json();
        if (res.ok && body.status !== 'failed') completed++;
        else if (JSON.stringify(body).includes('BUDGET')) {
          refused++;
          return;
        } else other++;
      }
    })));
    const today = new Date().toISOString().slice(0, 10);
    const spent = Number((await q("SELECT spent FROM aqe_budget_totals WHERE kind = 'daily' AND period = $1", [today]))?.spent ?? 0);
    const settled = await q("SELECT coalesce(sum(cost), 0)::float8 AS s, count(*)::int AS n FROM aqe_cost_records WHERE status = 'settled'");
    const billed = fake.billing;

    // kill switch set on one replica, read on the other two
    const t0 = Date.now();
    const put = await fetch(`${urls[0]}/v1/flags`, {
      method: 'PUT', headers: { 'content-type': 'application/json', 'x-aqe-caller': 'bench' }, body: JSON.stringify({ multiModelRouter: false, streaming: false }),
    });
    if (!put.ok) throw new Error(`PUT /v1/flags: ${put.status}`);
    const propagation = await Promise.all(urls.slice(1).map(async (url) => {
      for (;;) {
        const o = (await (await fetch(`${url}/v1/flags`)).json()).overrides;
        if (o.streaming === false && o.multiModelRouter === false) return Date.now() - t0;
        await sleep(5);
      }
    }));

    console.log(JSON.stringify({
      loadAverage: loadavg()[0],
      killedReplica: {
        reservationsHeldAtKill: held,
        nothingReservedAfterSeconds: resolvedAfter,
        bookedUnsettled: unsettled.n,
        bookedUnsettledCost: Number(unsettled.s.toFixed(6)),
        target: 'nothing reserved 60 s after the kill',
      },
      budget: {
        dailyLimit: DAILY,
        tasksCompleted: completed,
        tasksRefusedByBudget: refused,
        otherFailures: other,
        spentSettledPlusUnsettled: Number(spent.toFixed(6)),
        withinBudget: spent <= DAILY + 1e-9,
        billedByProvider: Number(billed.cost.toFixed(9)),
        ledgerSettled: Number(settled.s.toFixed(9)),
        ledgerEqualsBilled: Math.abs(settled.s - billed.cost) < 1e-9,
        modelCallsBilled: billed.requests,
        settledRecords: settled.n,
      },
      killSwitch: { propagationMs: propagation, target: '< 1000 ms on every replica' },
    }));
  } finally {
    for (const r of replicas) r.child.kill('SIGTERM');
    await Promise.all(replicas.map((r) => new Promise((res) => (r.child.exitCode !== null || r.child.signalCode ? res() : r.child.once('exit', res)))));
    await db.end().catch(() => undefined);
    await fake.close();
    await benchDb.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
