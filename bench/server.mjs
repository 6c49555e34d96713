#!/usr/bin/env node
// HTTP service bench. The server (the real FleetManager + buildServer from dist/, local offline provider,
// SQLite store in a temp dir) runs in a forked child process; this process is the load generator (undici
// keep-alive connection pool), talking to it through real loopback sockets. Prints one JSON object:
//  1. throughput: POST /v1/tasks (JSON, not streamed) from 1, 10 and 50 keep-alive connections, each for
//     `durationS` seconds after a 1 s warm-up, with the feature flags off (v1.0.4 behaviour) and on (router +
//     streaming; budgets raised so no task is refused): tasks/s, latency p50/p95/p99, errors
//     (targets: >= 2,000 tasks/s, p95 <= 5 ms, 0 errors);
//  2. SSE (flags on): rounds of 500 concurrent POST /v1/tasks?stream=true: delay from the moment the provider
//     yields its first chunk (stamped in the server process) to the moment this process has parsed the first
//     `chunk` event, p95 (target <= 5 ms); both sides use performance.timeOrigin + performance.now();
//  3. peak RSS of the server process under that load (VmHWM; target <= 200 MB).
// Both processes share the machine's cores: on a 2-core box the load generator takes CPU from the server.
// Options (env): BENCH_CONNECTIONS (1,10,50), BENCH_FLAGS (off,on), BENCH_DURATION_S (5), BENCH_SSE_STREAMS (500),
// BENCH_SSE_ROUNDS (4), BENCH_SERVER_NODE_FLAGS (node flags for the server process), BENCH_CPU_PROF_DIR.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const now = () => performance.timeOrigin + performance.now();

if (process.argv[2] === '--server') {
  // ---- server child -------------------------------------------------------------------------------------
  const dir = process.argv[3];
  const flagsOn = process.argv[4] === 'on';
  const { createConfig } = await import('../dist/config/defaults.js');
  const { FleetManager } = await import('../dist/fleet/FleetManager.js');
  const { buildServer } = await import('../dist/server/app.js');
  const { silentLogger } = await import('../dist/logging.js');
  const { LocalProvider } = await import('../dist/providers/local/LocalProvider.js');
  const { boundHeapGrowth } = await import('../dist/server/heap-growth.js');
  // The heap sizing `aqe serve` applies to itself at start (src/server/heap-growth.ts), so the RSS is the service's.
  boundHeapGrowth();

  // Stamp the moment the provider yields each task's first text delta (same module instance the fleet uses).
  const firstDelta = new Map();
  const stream = LocalProvider.prototype.stream;
  LocalProvider.prototype.stream = async function* (request) {
    const id = request.task?.id;
    for await (const ev of stream.call(this, request)) {
      if (ev.type === 'delta' && id && !firstDelta.has(id)) firstDelta.set(id, now());
      yield ev;
    }
  };

  const config = createConfig({
    database: { type: 'sqlite', path: join(dir, 'fleet.db') },
    logging: { level: 'warn' },
    fleet: { maxConcurrentTasks: 1000 },
    features: { multiModelRouter: flagsOn, streaming: flagsOn },
    routing: { enabled: true, costTracking: { budgetLimits: { daily: 1e9, monthly: 1e9 } } },
    streaming: { enabled: true },
  });
  const fleet = new FleetManager(config, { env: {}, logger: silentLogger(), cwd: dir });
  await fleet.initialize();
  const { app } = buildServer(fleet, { logger: silentLogger(), mcp: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.send({ type: 'listening', port: app.server.address().port });
  process.on('message', async (msg) => {
    if (msg.type === 'firstDeltas') {
      process.send({ type: 'firstDeltas', map: Object.fromEntries(firstDelta) });
      firstDelta.clear();
    } else if (msg.type === 'mem') {
      globalThis.gc?.(); // only with BENCH_SERVER_NODE_FLAGS=--expose-gc: the live set instead of what the GC has not reclaimed yet
      const u = process.memoryUsage();
      process.send({ type: 'mem', mem: { rss: u.rss >> 20, heapUsed: u.heapUsed >> 20, heapTotal: u.heapTotal >> 20, external: u.external >> 20, arrayBuffers: u.arrayBuffers >> 20 } });
    } else if (msg.type === 'stop') {
      await fleet.shutdown({ graceMs: 1000 });
      await app.close();
      process.exit(0);
    }
  });
} else {
  // ---- load generator -----------------------------------------------------------------------------------
  const { Pool } = await import('undici');
  const loadAtStart = Math.round(loadavg()[0] * 10) / 10;
  const connectionsList = (process.env.BENCH_CONNECTIONS ?? '1,10,50').split(',').map(Number);
  const flagStates = (process.env.BENCH_FLAGS ?? 'off,on').split(',');
  const durationS = Number(process.env.BENCH_DURATION_S ?? 5);
  const sseStreams = Number(process.env.BENCH_SSE_STREAMS ?? 500);
  const sseRounds = Number(process.env.BENCH_SSE_ROUNDS ?? 4);
  const execArgv = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  if (process.env.BENCH_CPU_PROF_DIR) execArgv.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`);

  async function startServer(flags) {
    const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-server-'));
    const child = fork(self, ['--server', dir, flags], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv });
    const port = await new Promise((resolve, reject) => {
      child.once('message', (m) => (m.type === 'listening' ? resolve(m.port) : reject(new Error('unexpected message'))));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const ask = (type) =>
      new Promise((resolve) => {
        const onMsg = (m) => {
          if (m.type === type) {
            child.off('message', onMsg);
            resolve(m);
          }
        };
        child.on('message', onMsg);
        child.send({ type });
      });
    const procStatus = (field) => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Math.round((Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024) * 10) / 10;
    };
    const stop = async () => {
      child.send({ type: 'stop' });
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    };
    return { port, ask, peakRssMB: () => procStatus('VmHWM'), rssMB: () => procStatus('VmRSS'), stop };
  }

  const files = Array.from({ length: 4 }, (_, i) => ({
    path: `src/module${i}.ts`,
    content: `export function f${i}(a: number, b: number): number {\n  if (a > b) return a - b;\n  return b - a;\n}\nexport const LIMIT_${i} = ${i * 10};\n`,
  }));
  const taskBody = (id) => JSON.stringify({ ...(id ? { id } : {}), type: 'security-scan', description: 'Review these modules for unchecked input.', payload: { language: 'typescript', files } });

  const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  const round = (x) => Math.round(x * 1000) / 1000;
  const stats = (values) => {
    const s = [...values].sort((a, b) => a - b);
    return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? NaN) };
  };

  // Phase 1: JSON tasks from `connections` keep-alive connections, one request in flight on each.
  async function throughputRun(port, connections) {
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections, pipelining: 1 });
    const body = taskBody();
    const headers = { 'content-type': 'application/json' };
    async function loop(untilMs, latencies, outcome) {
      while (performance.now() < untilMs) {
        const t0 = performance.now();
        try {
          const res = await pool.request({ path: '/v1/tasks', method: 'POST', headers, body });
          const text = await res.body.text();
          const dt = performance.now() - t0;
          if (res.statusCode === 200 && text.includes('"status":"completed"')) {
            latencies?.push(dt);
            outcome.ok++;
            continue;
          }
          outcome.errors++;
          outcome.firstError ??= `${res.statusCode} ${text.slice(0, 200)}`;
        } catch (err) {
          outcome.errors++;
          outcome.firstError ??= String(err);
        }
      }
    }
    const warm = { ok: 0, errors: 0 };
    await Promise.all(Array.from({ length: connections }, () => loop(performance.now() + 1000, undefined, warm)));
    const latencies = [];
    const outcome = { ok: 0, errors: 0 };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: connections }, () => loop(t0 + durationS * 1000, latencies, outcome)));
    const elapsedS = (performance.now() - t0) / 1000;
    await pool.close();
    return {
      connections,
      durationS: round(elapsedS),
      tasks: outcome.ok,
      tasksPerSec: Math.round(outcome.ok / elapsedS),
      latencyMs: stats(latencies),
      errors: outcome.errors + warm.errors,
      ...(outcome.firstError || warm.firstError ? { firstError: outcome.firstError ?? warm.firstError } : {}),
    };
  }

  const throughput = {};
  for (const flags of flagStates) {
    const server = await startServer(flags);
    throughput[`flags${flags === 'on' ? 'On' : 'Off'}`] = [];
    for (const connections of connectionsList) throughput[`flags${flags === 'on' ? 'On' : 'Off'}`].push(await throughputRun(server.port, connections));
    await server.stop();
  }

  const server = await startServer('on');
  const { port, ask } = server;
  const rssAtStart = server.rssMB();
  // Phase 2: SSE streams, `sseStreams` at once per round, each on its own connection.
  const sseAgent = new http.Agent({ keepAlive: true, maxSockets: sseStreams + 10 });
  function streamOne(id, state) {
    return new Promise((resolve) => {
      const body = taskBody(id);
      const req = http.request(
        { host: '127.0.0.1', port, path: '/v1/tasks?stream=true', method: 'POST', agent: sseAgent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), accept: 'text/event-stream' } },
        (res) => {
          let buf = '';
          let first;
          let chunks = 0;
          let done = false;
          state.open++;
          state.maxOpen = Math.max(state.maxOpen, state.open);
          res.setEncoding('utf8');
          res.on('data', (d) => {
            buf += d;
            let i;
            while ((i = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, i);
              buf = buf.slice(i + 2);
              if (block.startsWith('event: chunk')) {
                chunks++;
                if (first === undefined) first = now();
              } else if (block.startsWith('event: complete')) done = true;
              else if (block.startsWith('event: error')) state.errors++;
            }
          });
          res.on('end', () => {
            state.open--;
            resolve({ id, first, chunks, done, status: res.statusCode });
          });
        },
      );
      req.on('error', () => {
        state.errors++;
        resolve({ id, done: false });
      });
      req.end(body);
    });
  }

  const delays = [];
  const sse = { streams: 0, completed: 0, errors: 0, chunks: 0, maxOpen: 0, open: 0 };
  let rssSamples = [];
  const sampler = setInterval(() => rssSamples.push(server.rssMB()), 50);
  for (let r = 0; r < sseRounds; r++) {
    const results = await Promise.all(Array.from({ length: sseStreams }, (_, i) => streamOne(`sse-${r}-${i}`, sse)));
    const { map } = await ask('firstDeltas');
    for (const res of results) {
      sse.streams++;
      if (res.done) sse.completed++;
      sse.chunks += res.chunks ?? 0;
      const provider = map[res.id];
      if (res.first !== undefined && provider !== undefined) delays.push(res.first - provider);
    }
  }
  clearInterval(sampler);
  sseAgent.destroy();

  const peak = server.peakRssMB();
  const memAfterSse = (await ask('mem')).mem;
  await server.stop();

  const firstChunk = stats(delays);
  const result = {
    bench: 'server',
    node: process.version,
    cpus: cpus().length,
    // other work on the machine skews every number here: the 1-minute load average before and after the run
    loadAverage: { atStart: loadAtStart, atEnd: Math.round(loadavg()[0] * 10) / 10 },
    conditions: 'server and load generator are separate processes on the same machine, loopback sockets, offline engine, SQLite store, the server with aqe serve\'s heap sizing',
    throughput,
    sse: {
      roundsOf: sseStreams,
      rounds: sseRounds,
      streams: sse.streams,
      completed: sse.completed,
      errors: sse.errors,
      maxConcurrentOpen: sse.maxOpen,
      chunksPerStream: round(sse.chunks / Math.max(1, sse.streams)),
      firstChunkAfterProviderMs: firstChunk,
    },
    serverRssMB: { atStart: rssAtStart, peak, maxSampledUnderSseLoad: Math.max(0, ...rssSamples), memAfterSse },
    targets: {
      tasksPerSecAtLeast2000: Object.fromEntries(Object.entries(throughput).map(([k, runs]) => [k, runs.map((r) => r.tasksPerSec >= 2000)])),
      p95AtMost5ms: Object.fromEntries(Object.entries(throughput).map(([k, runs]) => [k, runs.map((r) => r.latencyMs.p95 <= 5)])),
      noErrors: Object.values(throughput).flat().every((r) => r.errors === 0) && sse.errors === 0 && sse.completed === sse.streams,
      sseFirstChunkP95AtMost5ms: firstChunk.p95 <= 5,
      rssAtMost200MB: peak <= 200,
    },
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}
