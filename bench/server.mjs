#!/usr/bin/env node
// HTTP service bench. The server (the real FleetManager + buildServer from dist/, local offline provider,
// SQLite store in a temp dir) runs in a forked child; this process is the load generator (node http with
// keep-alive agents; autocannon is not a dependency). Loopback only. Prints one JSON object:
//  1. throughput: POST /v1/tasks (JSON, not streamed) from `concurrency` keep-alive connections for
//     `durationS` seconds: tasks/s (target >= 2,000), latency p95 (target <= 5 ms), errors (target 0);
//  2. SSE: rounds of 500 concurrent POST /v1/tasks?stream=true: delay from the moment the provider yields its
//     first chunk (stamped in the server process) to the moment this process has parsed the first `chunk`
//     event, p95 (target <= 5 ms); both sides use performance.timeOrigin + performance.now();
//  3. peak RSS of the server process under that load (VmHWM; target <= 200 MB).
// Options (env): BENCH_CONCURRENCY (4), BENCH_DURATION_S (8), BENCH_SSE_STREAMS (500), BENCH_SSE_ROUNDS (4),
// BENCH_SERVER_NODE_FLAGS (node flags for the server process), BENCH_CPU_PROF_DIR (write a CPU profile there).
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const now = () => performance.timeOrigin + performance.now();

if (process.argv[2] === '--server') {
  // ---- server child -------------------------------------------------------------------------------------
  const dir = process.argv[3];
  const { createConfig } = await import('../dist/config/defaults.js');
  const { FleetManager } = await import('../dist/fleet/FleetManager.js');
  const { buildServer } = await import('../dist/server/app.js');
  const { silentLogger } = await import('../dist/logging.js');
  const { LocalProvider } = await import('../dist/providers/local/LocalProvider.js');

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
    features: { streaming: true },
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
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
  const durationS = Number(process.env.BENCH_DURATION_S ?? 8);
  const sseStreams = Number(process.env.BENCH_SSE_STREAMS ?? 500);
  const sseRounds = Number(process.env.BENCH_SSE_ROUNDS ?? 4);

  const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-server-'));
  const execArgv = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  if (process.env.BENCH_CPU_PROF_DIR) execArgv.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`);
  const child = fork(self, ['--server', dir], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv });
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
  const peakRssMB = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round((kb / 1024) * 10) / 10;
  };
  const rssMB = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Math.round((Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024) * 10) / 10;
  };

  const rssAtStart = rssMB();
  const files = Array.from({ length: 4 }, (_, i) => ({
    path: `src/module${i}.ts`,
    content: `export function f${i}(a: number, b: number): number {\n  if (a > b) return a - b;\n  return b - a;\n}\nexport const LIMIT_${i} = ${i * 10};\n`,
  }));
  const taskBody = (id) => JSON.stringify({ id, type: 'security-scan', description: 'Review these modules for unchecked input.', payload: { language: 'typescript', files } });

  const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  const round = (x) => Math.round(x * 1000) / 1000;
  const stats = (values) => {
    const s = [...values].sort((a, b) => a - b);
    return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? NaN) };
  };

  // Phase 1: JSON tasks from keep-alive connections.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let seq = 0;
  const post = (path, body, headers = {}) =>
    new Promise((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', (err) => resolve({ status: 0, body: String(err) }));
      req.end(body);
    });

  async function loop(untilMs, latencies, outcome) {
    while (performance.now() < untilMs) {
      const t0 = performance.now();
      const res = await post('/v1/tasks', taskBody(`bench-${++seq}`));
      const dt = performance.now() - t0;
      if (res.status === 200 && res.body.includes('"status":"completed"')) {
        latencies?.push(dt);
        outcome.ok++;
      } else {
        outcome.errors++;
        if (!outcome.firstError) outcome.firstError = `${res.status} ${res.body.slice(0, 200)}`;
      }
    }
  }

  const warm = { ok: 0, errors: 0 };
  await Promise.all(Array.from({ length: concurrency }, () => loop(performance.now() + 1500, undefined, warm)));
  const latencies = [];
  const outcome = { ok: 0, errors: 0 };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => loop(t0 + durationS * 1000, latencies, outcome)));
  const elapsedS = (performance.now() - t0) / 1000;
  const throughput = {
    concurrency,
    durationS: round(elapsedS),
    tasks: outcome.ok,
    tasksPerSec: Math.round(outcome.ok / elapsedS),
    latencyMs: stats(latencies),
    errors: outcome.errors,
    ...(outcome.firstError ? { firstError: outcome.firstError } : {}),
  };
  agent.destroy();
  const rssAfterJson = rssMB();
  const peakAfterJson = peakRssMB();
  const memAfterJson = (await ask('mem')).mem;

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
  const sampler = setInterval(() => rssSamples.push(rssMB()), 50);
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

  const peak = peakRssMB();
  const memAfterSse = (await ask('mem')).mem;
  child.send({ type: 'stop' });
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });

  const firstChunk = stats(delays);
  const result = {
    bench: 'server',
    node: process.version,
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
    serverRssMB: { atStart: rssAtStart, afterJsonPhase: rssAfterJson, peakDuringJsonPhase: peakAfterJson, peak, maxSampledUnderSseLoad: Math.max(0, ...rssSamples), memAfterJson, memAfterSse },
    targets: {
      tasksPerSecAtLeast2000: throughput.tasksPerSec >= 2000,
      p95AtMost5ms: throughput.latencyMs.p95 <= 5,
      noErrors: throughput.errors === 0 && sse.errors === 0 && sse.completed === sse.streams,
      sseFirstChunkP95AtMost5ms: firstChunk.p95 <= 5,
      rssAtMost200MB: peak <= 200,
    },
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}
