// Flag propagation across processes on PostgreSQL: 8 replica processes (store + FeatureFlags + FlagSync, as
// FleetManager wires them); the parent flips a kill switch through its own FlagSync and each replica reports
// when the flag changed there. Reports p50/p99/max of (in force on a replica) - (PUT started), over all
// replicas and BENCH_FLAG_ROUNDS flips. Needs PostgreSQL (AQE_BENCH_PG_URL or AQE_TEST_PG_URL, default
// postgres://postgres@127.0.0.1:5432/postgres); prints {"skipped": ...} without one. Run `npm run build` first.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { createBenchDatabase } from './lib/pg-bench.mjs';

const PROCS = Number(process.env.BENCH_FLAG_PROCS ?? 8);
const ROUNDS = Number(process.env.BENCH_FLAG_ROUNDS ?? 40);

async function open(url, replica) {
  const [{ PgMemoryStore }, { FeatureFlags }, { FlagSync }, { createConfig }] = await Promise.all([
    import('../dist/memory/pg-store.js'),
    import('../dist/flags/FeatureFlags.js'),
    import('../dist/flags/flag-sync.js'),
    import('../dist/config/defaults.js'),
  ]);
  const store = new PgMemoryStore({ url, purgeIntervalMs: 0, poolMax: 2, replica });
  const flags = new FeatureFlags(createConfig({ features: { streaming: true } }), { env: {} });
  const sync = new FlagSync(store, flags, { replica });
  await sync.start();
  return { store, flags, sync };
}

async function replica(url, id) {
  const { store, flags, sync } = await open(url, `r${id}`);
  flags.on('change', () => process.stdout.write(`${flags.isEnabled('streaming') ? 'on' : 'off'} ${Date.now()}\n`));
  process.stdout.write('ready\n');
  await new Promise((r) => process.stdin.once('end', r).resume());
  await sync.close();
  await store.close();
}

async function main() {
  const benchDb = await createBenchDatabase();
  if (benchDb.skipped) {
    console.log(JSON.stringify({ skipped: benchDb.skipped }));
    return;
  }
  const url = new URL(benchDb.url);
  const children = [];
  try {
    const setter = await open(url.toString(), 'setter');
    const self = fileURLToPath(import.meta.url);
    for (let i = 0; i < PROCS; i++) {
      const child = spawn(process.execPath, [self, '--replica', url.toString(), String(i)], { stdio: ['pipe', 'pipe', 'inherit'] });
      const lines = [];
      let partial = '';
      child.stdout.on('data', (d) => {
        const parts = (partial + d).split('\n');
        partial = parts.pop();
        lines.push(...parts);
      });
      children.push({ child, lines });
    }
    const until = async (cond) => {
      const deadline = Date.now() + 30_000;
      while (!cond()) {
        if (Date.now() > deadline) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    await until(() => children.every((ch) => ch.lines.includes('ready')));
    const latencies = [];
    for (let round = 0; round < ROUNDS; round++) {
      const want = round % 2 === 0 ? 'off' : 'on';
      const seen = children.map((ch) => ch.lines.length);
      const t0 = Date.now();
      await setter.sync.setOverrides({ streaming: want === 'off' ? false : null }, 'bench');
      await until(() => children.every((ch, i) => ch.lines.slice(seen[i]).some((l) => l.startsWith(`${want} `))));
      for (const [i, ch] of children.entries()) {
        const line = ch.lines.slice(seen[i]).find((l) => l.startsWith(`${want} `));
        latencies.push(Number(line.split(' ')[1]) - t0);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await setter.sync.close();
    await setter.store.close();
    latencies.sort((a, b) => a - b);
    const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    console.log(JSON.stringify({
      replicas: PROCS,
      rounds: ROUNDS,
      loadAverage: loadavg()[0],
      propagationMs: { p50: q(0.5), p99: q(0.99), max: latencies.at(-1) },
      target: { p99Ms: 1000 },
    }));
  } finally {
    for (const ch of children) ch.child.stdin.end();
    await Promise.all(children.map((ch) => new Promise((r) => (ch.child.exitCode !== null ? r() : ch.child.once('exit', r)))));
    await benchDb.drop();
  }
}

if (process.argv[2] === '--replica') await replica(process.argv[3], process.argv[4]);
else await main();
