#!/usr/bin/env node
// Abandoned MCP sessions (issue 10 item 5): a client initializes a Streamable HTTP session at /mcp and never
// comes back. The server (FleetManager + buildServer from dist/, offline engine, SQLite in a temp dir) runs in
// a forked child; this process opens BENCH_SESSIONS sessions over real sockets and abandons each one. Prints
// the server's session count and RSS before, after opening, and after the idle expiry has run, with
// api.mcpMaxSessions = BENCH_MAX_SESSIONS and api.mcpSessionIdleMs = BENCH_IDLE_MS.
// Options (env): BENCH_SESSIONS (2000), BENCH_MAX_SESSIONS (100), BENCH_IDLE_MS (2000), BENCH_PARALLEL (20).
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const maxSessions = Number(process.env.BENCH_MAX_SESSIONS ?? 100);
const idleMs = Number(process.env.BENCH_IDLE_MS ?? 2000);

if (process.argv[2] === '--server') {
  const dir = process.argv[3];
  const { createConfig } = await import('../dist/config/defaults.js');
  const { FleetManager } = await import('../dist/fleet/FleetManager.js');
  const { buildServer } = await import('../dist/server/app.js');
  const { silentLogger } = await import('../dist/logging.js');
  const config = createConfig({
    database: { type: 'sqlite', path: join(dir, 'fleet.db') },
    logging: { level: 'warn' },
    api: { mcpMaxSessions: maxSessions, mcpSessionIdleMs: idleMs },
  });
  const fleet = new FleetManager(config, { env: {}, logger: silentLogger(), cwd: dir });
  await fleet.initialize();
  const { app } = buildServer(fleet, { logger: silentLogger(), defaultMetrics: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.send({ type: 'listening', port: app.server.address().port });
  process.on('message', async (msg) => {
    if (msg.type === 'gc') {
      globalThis.gc?.();
      process.send({ type: 'gc', heapUsedMB: Math.round(process.memoryUsage().heapUsed / 104857.6) / 10 });
    } else if (msg.type === 'stop') {
      await fleet.shutdown({ graceMs: 1000 });
      await app.close();
      process.exit(0);
    }
  });
} else {
  const sessions = Number(process.env.BENCH_SESSIONS ?? 2000);
  const parallel = Number(process.env.BENCH_PARALLEL ?? 20);
  const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-mcp-'));
  const child = fork(self, ['--server', dir], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: ['--expose-gc'] });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (m) => (m.type === 'listening' ? resolve(m.port) : reject(new Error('unexpected message'))));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const rssMB = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 102.4) / 10;
  /** Heap in use after a full GC (the live set), in MB. */
  const gc = () => new Promise((r) => { child.once('message', (m) => r(m.heapUsedMB)); child.send({ type: 'gc' }); });
  const sessionCount = async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    return Number(/^aqe_mcp_sessions (\d+)/m.exec(text)?.[1] ?? NaN);
  };
  const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } });
  let opened = 0;
  let refused = 0;
  const open = async () => {
    const res = await fetch(`${url}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: init });
    await res.text();
    if (res.status === 200) opened++;
    else refused++;
  };

  const before = { heapUsedMB: await gc(), rssMB: rssMB(), sessions: await sessionCount() };
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next++ < sessions) await open();
  }));
  const openS = (performance.now() - t0) / 1000;
  const afterOpening = { heapUsedMB: await gc(), rssMB: rssMB(), sessions: await sessionCount(), opened, refused, seconds: Math.round(openS * 10) / 10 };
  await new Promise((r) => setTimeout(r, idleMs + Math.max(1000, Math.min(idleMs / 4, 30_000)) + 500));
  const afterIdle = { heapUsedMB: await gc(), rssMB: rssMB(), sessions: await sessionCount() };
  child.send({ type: 'stop' });
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ bench: 'mcp-sessions', node: process.version, sessions, mcpMaxSessions: maxSessions, mcpSessionIdleMs: idleMs, before, afterOpening, afterIdle }) + '\n');
}
