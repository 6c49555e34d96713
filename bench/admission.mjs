#!/usr/bin/env node
// Admission control bench (issue 16 item 3): does the latency of admitted tasks stay bounded as client
// connections grow? The server (real FleetManager + buildServer from dist/, SQLite in a temp dir) runs in a
// forked child with a fake OpenAI-compatible provider that takes BENCH_TASK_MS per call, so each task holds a
// concurrency slot that long. This process is the load generator: closed-loop clients on keep-alive
// connections (node http), each sending POST /v1/tasks (JSON) back to back; after a 503 a client waits
// BENCH_TASK_MS before its next request (a client honouring Retry-After would wait longer).
// For each connection count it prints: admitted tasks/s, 503s/s, latency p50/p99/max of admitted tasks and
// p99 of the 503s, with admission on (fleet.maxQueuedTasks = BENCH_MAX_QUEUED) and off (an unbounded queue).
// Options (env): BENCH_CONNECTIONS ("10,50,200"), BENCH_DURATION_S (5), BENCH_TASK_MS (20),
// BENCH_MAX_CONCURRENT (8), BENCH_MAX_QUEUED (16).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const taskMs = Number(process.env.BENCH_TASK_MS ?? 20);
const maxConcurrent = Number(process.env.BENCH_MAX_CONCURRENT ?? 8);

if (process.argv[2] === '--server') {
  const [dir, maxQueued] = [process.argv[3], Number(process.argv[4])];
  const { createConfig } = await import('../dist/config/defaults.js');
  const { FleetManager } = await import('../dist/fleet/FleetManager.js');
  const { buildServer } = await import('../dist/server/app.js');
  const { silentLogger } = await import('../dist/logging.js');
  const { FakeOpenAIServer } = await import('../dist/providers/testing/fake-openai-server.js');
  const fake = await FakeOpenAIServer.start({ record: false, script: () => ({ text: 'No findings.', firstByteDelayMs: taskMs }) });
  const config = createConfig({
    database: { type: 'sqlite', path: join(dir, 'fleet.db') },
    logging: { level: 'warn' },
    fleet: { maxConcurrentTasks: maxConcurrent, maxQueuedTasks: maxQueued },
    routing: {
      defaultModel: 'fake-model',
      models: [{ name: 'fake-model', provider: 'openai-compatible', model: 'fake-1', baseURL: fake.url, capabilities: { maxTokens: 8192, supportsStreaming: true, costPer1kTokens: { input: 0.001, output: 0.002 } }, complexityRange: { min: 0, max: 1 } }],
    },
  });
  const fleet = new FleetManager(config, { env: {}, logger: silentLogger(), cwd: dir });
  await fleet.initialize();
  const { app } = buildServer(fleet, { logger: silentLogger(), mcp: false, defaultMetrics: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.send({ type: 'listening', port: app.server.address().port });
  process.on('message', async (msg) => {
    if (msg.type === 'stop') {
      await fleet.shutdown({ graceMs: 2000 });
      await app.close();
      await fake.close();
      process.exit(0);
    }
  });
} else {
  const connections = (process.env.BENCH_CONNECTIONS ?? '10,50,200').split(',').map(Number);
  const durationS = Number(process.env.BENCH_DURATION_S ?? 5);
  const maxQueued = Number(process.env.BENCH_MAX_QUEUED ?? 16);
  const body = (id) => JSON.stringify({ id, type: 'security-scan', description: 'Review the token check.', payload: { language: 'typescript', files: [{ path: 'src/check.ts', content: 'export const check = (a: string, b: string) => a === b;\n' }] } });
  const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);
  const round = (x) => (x === null ? null : Math.round(x * 10) / 10);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  async function startServer(queue) {
    const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-admission-'));
    const child = fork(self, ['--server', dir, String(queue)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const port = await new Promise((resolve, reject) => {
      child.once('message', (m) => (m.type === 'listening' ? resolve(m.port) : reject(new Error('unexpected message'))));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const stop = async () => {
      child.send({ type: 'stop' });
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    };
    return { port, stop };
  }

  async function drive(port, conns) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
    let seq = 0;
    const post = (payload) =>
      new Promise((resolve) => {
        const req = http.request({ host: '127.0.0.1', port, path: '/v1/tasks', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        });
        req.on('error', () => resolve(0));
        req.end(payload);
      });
    const ok = [];
    const refused = [];
    let errors = 0;
    const until = performance.now() + durationS * 1000;
    await Promise.all(
      Array.from({ length: conns }, async () => {
        while (performance.now() < until) {
          const t0 = performance.now();
          const status = await post(body(`adm-${conns}-${++seq}`));
          const dt = performance.now() - t0;
          if (status === 200) ok.push(dt);
          else if (status === 503) {
            refused.push(dt);
            await sleep(taskMs);
          } else errors++;
        }
      }),
    );
    agent.destroy();
    ok.sort((a, b) => a - b);
    refused.sort((a, b) => a - b);
    return {
      connections: conns,
      admittedPerS: Math.round(ok.length / durationS),
      refusedPerS: Math.round(refused.length / durationS),
      errors,
      admittedMs: { p50: round(percentile(ok, 50)), p99: round(percentile(ok, 99)), max: round(ok.at(-1) ?? null) },
      refusedP99Ms: round(percentile(refused, 99)),
    };
  }

  const out = { bench: 'admission', node: process.version, taskMs, maxConcurrentTasks: maxConcurrent, durationS, runs: {} };
  for (const [name, queue] of [['admissionOn', maxQueued], ['unboundedQueue', 1_000_000]]) {
    const server = await startServer(queue);
    try {
      await drive(server.port, 4); // warm-up
      out.runs[name] = { maxQueuedTasks: queue, results: [] };
      for (const c of connections) out.runs[name].results.push(await drive(server.port, c));
    } finally {
      await server.stop();
    }
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
