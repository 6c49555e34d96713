// HTTP tasks/s per replica: N `aqe serve` replicas on one PostgreSQL database against one replica on SQLite.
// Each replica is a child process; the load comes from another child process (this file with --client) holding
// BENCH_CONCURRENCY requests in flight per replica, POST /v1/tasks (JSON, wait for the result), for
// BENCH_SECONDS per phase. The model is an OpenAI-compatible fake (loopback, no delay) in this process, priced,
// so each task reserves and settles in the ledger. Phases alternate SQLite, PostgreSQL, SQLite, PostgreSQL
// (BENCH_ROUNDS rounds) so both see the same machine load; the load average is printed per phase.
// Needs PostgreSQL (AQE_BENCH_PG_URL or AQE_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres);
// prints {"skipped": ...} without one. Run `npm run build` first. Prints one JSON object.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { createBenchDatabase, startReplica } from './lib/pg-bench.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PRICE = { input: 0.003, output: 0.015 };

function task(i) {
  return {
    id: `b-${i}-${randomBytes(4).toString('hex')}`,
    type: 'security-scan',
    description: `Review the token check for timing attacks (${i}).`,
    payload: { language: 'typescript', files: [{ path: 'src/auth/check.ts', content: 'export function check(a: string, b: string): boolean {\n  return a === b;\n}\n' }] },
  };
}

/** The load client (a separate process): CONCURRENCY loops per URL for SECONDS; prints counts per URL. */
async function client(urls, seconds, concurrency) {
  const end = Date.now() + seconds * 1000;
  const per = urls.map(() => ({ ok: 0, failed: 0, latencies: [] }));
  let n = 0;
  await Promise.all(urls.flatMap((url, u) => Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${url}/v1/tasks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(task(n++)) });
        const body = await res.json();
        if (res.ok && body.status === 'completed') {
          per[u].ok++;
          per[u].latencies.push(performance.now() - t0);
        } else per[u].failed++;
      } catch {
        per[u].failed++;
      }
    }
  })));
  const p = (xs, q) => (xs.length ? xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : null);
  console.log(JSON.stringify(per.map((s) => ({ ok: s.ok, failed: s.failed, p50Ms: p(s.latencies, 0.5), p99Ms: p(s.latencies, 0.99) }))));
}


async function stop(replicas) {
  for (const r of replicas) r.child.kill('SIGTERM');
  await Promise.all(replicas.map((r) => new Promise((res) => (r.child.exitCode !== null || r.child.signalCode ? res() : r.child.once('exit', res)))));
}

function runClient(urls) {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [fileURLToPath(import.meta.url), '--client', JSON.stringify(urls), String(SECONDS), String(CONCURRENCY)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`client exited ${code}`))));
  });
}

async function phase(kind, config, dir) {
  const n = kind === 'postgres' ? REPLICAS : 1;
  const replicas = Array.from({ length: n }, (_, i) => startReplica(root, config, `${kind[0]}${i + 1}`, dir));
  try {
    const urls = await Promise.all(replicas.map((r) => r.url));
    // warm-up: first tasks load agents and open pools
    await Promise.all(urls.map((u) => fetch(`${u}/v1/tasks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(task(-1)) }).then((r) => r.json())));
    const loadBefore = loadavg()[0];
    const per = await runClient(urls);
    const ok = per.reduce((s, x) => s + x.ok, 0);
    return {
      kind,
      replicas: n,
      tasksPerSecond: Number((ok / SECONDS).toFixed(1)),
      tasksPerSecondPerReplica: Number((ok / SECONDS / n).toFixed(1)),
      failed: per.reduce((s, x) => s + x.failed, 0),
      p50Ms: Math.round(Math.max(...per.map((x) => x.p50Ms ?? 0))),
      p99Ms: Math.round(Math.max(...per.map((x) => x.p99Ms ?? 0))),
      loadAverage: [Number(loadBefore.toFixed(2)), Number(loadavg()[0].toFixed(2))],
    };
  } finally {
    await stop(replicas);
  }
}

async function main() {
  const benchDb = await createBenchDatabase();
  if (benchDb.skipped) {
    console.log(JSON.stringify({ skipped: benchDb.skipped }));
    return;
  }
  const dbUrl = new URL(benchDb.url);
  const dir = mkdtempSync(join(tmpdir(), 'aqe-throughput-'));
  const { FakeOpenAIServer } = await import('../dist/providers/testing/fake-openai-server.js');
  const fake = await FakeOpenAIServer.start({ record: false, prices: { 'fake-model-1': PRICE } });
  try {
    const base = {
      fleet: { maxConcurrentTasks: 16, maxQueuedTasks: 256, shutdownGraceMs: 2000 },
      logging: { level: 'error' },
      features: { multiModelRouter: false, streaming: false },
      routing: {
        defaultModel: 'fake-model',
        models: [{
          name: 'fake-model', provider: 'openai-compatible', model: 'fake-model-1', baseURL: fake.url,
          capabilities: { maxTokens: 1024, supportsStreaming: true, costPer1kTokens: PRICE },
          complexityRange: { min: 0, max: 1 }, enabled: true,
        }],
        costTracking: { budgetLimits: { daily: 1e6, monthly: 1e7 } },
      },
    };
    const sqliteConfig = join(dir, 'sqlite.yaml');
    const pgConfig = join(dir, 'pg.yaml');
    writeFileSync(sqliteConfig, JSON.stringify({ ...base, database: { type: 'sqlite', path: join(dir, 'fleet.db') } }));
    writeFileSync(pgConfig, JSON.stringify({ ...base, database: { type: 'postgres', url: dbUrl.toString() } }));
    const phases = [];
    for (let r = 0; r < ROUNDS; r++) {
      phases.push(await phase('sqlite', sqliteConfig, dir));
      phases.push(await phase('postgres', pgConfig, dir));
    }
    const median = (xs) => {
      const v = [...xs].sort((a, b) => a - b);
      const m = Math.floor(v.length / 2);
      return Number((v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2).toFixed(2));
    };
    const sqlite = median(phases.filter((p) => p.kind === 'sqlite').map((p) => p.tasksPerSecondPerReplica));
    const postgres = median(phases.filter((p) => p.kind === 'postgres').map((p) => p.tasksPerSecondPerReplica));
    console.log(JSON.stringify({
      conditions: { replicasOnPostgres: REPLICAS, secondsPerPhase: SECONDS, inFlightPerReplica: CONCURRENCY, rounds: ROUNDS, provider: 'fake openai-compatible, loopback, no delay', flags: 'router off, streaming off' },
      phases,
      // medians over the rounds
      perReplicaTasksPerSecond: { sqlite, postgres, postgresOverSqlite: Number((postgres / sqlite).toFixed(2)) },
      postgresTotalTasksPerSecond: median(phases.filter((p) => p.kind === 'postgres').map((p) => p.tasksPerSecond)),
      loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
    }));
  } finally {
    await fake.close();
    await benchDb.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--client') await client(JSON.parse(process.argv[3]), Number(process.argv[4]), Number(process.argv[5]));
else await main();
