#!/usr/bin/env node
// Durability bench (issue 17's scenario): 100 tasks in flight against a slow fake provider (16 running, 84
// queued) in a real `aqe serve` child process, then
//  1. SIGTERM with a drain grace: every accepted id must answer GET with a terminal state after a restart,
//     clients cut by the drain must have got 503 + Retry-After (JSON) or a retryable SSE `error` event;
//  2. SIGKILL mid-stream, then a restart on the same store: every accepted id must answer GET with a
//     terminal state (interrupted for the ones in flight), none 404.
// In both, the cost ledger and the task records must agree on which tasks were charged (and how much).
// Half the tasks are JSON (POST /v1/tasks, waiting), half SSE. Loopback only; temp dir; children killed at the end.
// Options (env): BENCH_TASKS (100), BENCH_RUNNING (16), BENCH_GRACE_MS (6000), BENCH_CHUNKS (200), BENCH_CHUNK_MS (25):
// each task streams for about CHUNKS x CHUNK_MS (5 s), so the first 16 finish within the grace and the next 16 are cut.
// Prints one JSON object.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { TextDecoder } from 'node:util';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { FakeOpenAIServer } = await import('../dist/providers/testing/fake-openai-server.js');
const { SqliteMemoryStore } = await import('../dist/memory/sqlite-store.js');

const TASKS = Number(process.env.BENCH_TASKS ?? 100);
const RUNNING = Number(process.env.BENCH_RUNNING ?? 16);
const GRACE_MS = Number(process.env.BENCH_GRACE_MS ?? 6000);
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 200);
const CHUNK_MS = Number(process.env.BENCH_CHUNK_MS ?? 25);
const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'interrupted']);

const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-durability-'));
const fake = await FakeOpenAIServer.start({ record: false });
fake.setScript((req) =>
  req.stream
    ? { text: 'word '.repeat(CHUNKS), chunkSize: 5, chunkDelayMs: CHUNK_MS }
    : { text: 'word '.repeat(CHUNKS), firstByteDelayMs: CHUNKS * CHUNK_MS },
);
const children = new Set();

function config(name) {
  const db = join(dir, `${name}.db`);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify({
    features: { multiModelRouter: true, streaming: true },
    streaming: { enabled: true },
    fleet: { maxConcurrentTasks: RUNNING },
    database: { path: db },
    logging: { level: 'warn' },
    routing: {
      defaultModel: 'fake-model',
      costTracking: { budgetLimits: { daily: 1000, monthly: 10000 } },
      models: [{
        name: 'fake-model', provider: 'openai-compatible', model: 'fake-model-1', baseURL: fake.url, enabled: true,
        capabilities: { maxTokens: 8192, supportsStreaming: true, costPer1kTokens: { input: 0.001, output: 0.002 } },
        complexityRange: { min: 0, max: 1 },
      }],
    },
  }));
  return { path, db };
}

function serve(configPath, args = []) {
  const child = spawn(process.execPath, [join(root, 'bin/aqe.js'), '-c', configPath, 'serve', '--port', '0', '--json', ...args], {
    cwd: dir, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exit = new Promise((r) => child.once('exit', (code, signal) => { children.delete(child); r({ code, signal }); }));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, url: JSON.parse(line).url, exit }));
    exit.then((e) => reject(new Error(`aqe serve exited (${JSON.stringify(e)}) before listening: ${stderr}`)));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(check, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('bench: timed out waiting');
    await sleep(25);
  }
}

const task = (id) => ({ id, type: 'security-scan', description: `Review the token check (${id}).`, payload: { language: 'typescript', files: [{ path: 'src/check.ts', content: 'export const check = (a: string, b: string) => a === b;\n' }] } });

/** Reads an SSE response to its end (or until the connection is cut); returns the events' names and last data. */
async function readSse(res) {
  const events = [];
  let buf = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of res.body) {
      buf += decoder.decode(chunk, { stream: true });
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const ev = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (ev) events.push({ event: ev, data: data ? JSON.parse(data) : undefined });
      }
    }
  } catch {
    // cut by the kill
  }
  return events;
}

/** Submits TASKS tasks at once (even: JSON waiting, odd: SSE); returns the client-side outcome promises once all are in flight. */
async function submitAll(url, prefix) {
  const outcomes = [];
  for (let i = 0; i < TASKS; i++) {
    const id = `${prefix}-${i}`;
    const body = JSON.stringify(task(id));
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    if (i % 2 === 0) {
      outcomes.push(fetch(`${url}/v1/tasks`, init).then(async (res) => ({ id, kind: 'json', status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() }), (err) => ({ id, kind: 'json', cut: String(err) })));
    } else {
      outcomes.push(fetch(`${url}/v1/tasks?stream=true`, init).then(async (res) => ({ id, kind: 'sse', status: res.status, events: await readSse(res) }), (err) => ({ id, kind: 'sse', cut: String(err), events: [] })));
    }
  }
  let last;
  await until(async () => {
    const h = (last = await (await fetch(`${url}/health`)).json());
    return h.tasks.running + h.tasks.queued === TASKS && h.tasks.running === RUNNING ? h : undefined;
  }).catch(async (err) => {
    const early = await Promise.race([Promise.all(outcomes), sleep(100).then(() => [])]);
    throw new Error(`${err.message}: ${TASKS} tasks in flight (last /health tasks ${JSON.stringify(last?.tasks)}; first answers ${JSON.stringify(early.slice(0, 2)).slice(0, 600)})`);
  });
  return outcomes;
}

async function recordsAfterRestart(configPath, ids) {
  const s = await serve(configPath);
  const started = Date.now();
  const statuses = {};
  let notFound = 0;
  let nonTerminal = 0;
  // Recovery runs before the server listens; poll anyway so a slower rule would show up as time, not as failures.
  const pending = new Set(ids);
  while (pending.size && Date.now() - started < 60_000) {
    for (const id of [...pending]) {
      const res = await fetch(`${s.url}/v1/tasks/${id}`);
      if (res.status === 404) continue;
      const rec = await res.json();
      if (TERMINAL.has(rec.status)) {
        pending.delete(id);
        statuses[rec.status] = (statuses[rec.status] ?? 0) + 1;
      }
    }
    if (pending.size) await sleep(100);
  }
  for (const id of pending) {
    const res = await fetch(`${s.url}/v1/tasks/${id}`);
    if (res.status === 404) notFound++;
    else nonTerminal++;
  }
  const allTerminalMs = Date.now() - started;
  s.child.kill('SIGTERM');
  await s.exit;
  return { statuses, notFound, nonTerminal, allTerminalMs };
}

function ledgerAgreement(db) {
  const store = new SqliteMemoryStore(db, { purgeIntervalMs: 0 });
  try {
    const ledger = new Map();
    const kinds = new Map();
    let sliceRemainders = 0;
    for (const r of store.costRecords(0)) {
      // A killed process's budget slice beyond its journaled calls is booked as `slice:<owner>`, not a task's.
      if (r.taskId.startsWith('slice:')) {
        sliceRemainders += r.cost;
        continue;
      }
      ledger.set(r.taskId, (ledger.get(r.taskId) ?? 0) + r.cost);
      kinds.set(r.taskId, [...(kinds.get(r.taskId) ?? []), r.status ?? 'settled']);
    }
    const records = store.query({ partition: 'fleet/tasks' }).map((e) => e.value);
    const charged = records.filter((r) => (r.cost ?? 0) > 0);
    const mismatched = charged.filter((r) => Math.abs((ledger.get(r.id) ?? 0) - r.cost) > 1e-9).map((r) => r.id);
    const unrecorded = [...ledger.keys()].filter((id) => !charged.some((r) => r.id === id));
    const disagreeing = [...mismatched, ...unrecorded].map((id) => ({ id, ledger: ledger.get(id) ?? 0, ledgerRecords: kinds.get(id) ?? [], record: records.find((r) => r.id === id) }));
    return {
      chargedTasks: charged.length, ledgerTasks: ledger.size, mismatched: mismatched.length, chargedInLedgerOnly: unrecorded.length,
      unsettledSliceRemainders: Number(sliceRemainders.toFixed(9)),
      agree: disagreeing.length === 0, ...(disagreeing.length ? { disagreeing: disagreeing.slice(0, 3) } : {}),
    };
  } finally {
    store.close();
  }
}

async function sigterm() {
  const { path, db } = config('sigterm');
  const s = await serve(path, ['--grace-ms', String(GRACE_MS)]);
  const outcomes = await submitAll(s.url, 'term');
  const t0 = Date.now();
  s.child.kill('SIGTERM');
  const exit = await s.exit;
  const drainMs = Date.now() - t0;
  const seen = await Promise.all(outcomes);
  const client = { completed: 0, cancelled503WithRetryAfter: 0, sseRetryableError: 0, other: 0 };
  for (const o of seen) {
    if (o.kind === 'json' && o.status === 200) client.completed++;
    else if (o.kind === 'json' && o.status === 503 && /^\d+$/.test(o.retryAfter ?? '')) client.cancelled503WithRetryAfter++;
    else if (o.kind === 'sse' && o.events.at(-1)?.event === 'complete') client.completed++;
    else if (o.kind === 'sse' && o.events.at(-1)?.event === 'error' && o.events.at(-1).data?.retryable === true) client.sseRetryableError++;
    else client.other++;
  }
  const after = await recordsAfterRestart(path, seen.map((o) => o.id));
  return { exitCode: exit.code, graceMs: GRACE_MS, drainMs, client, afterRestart: after, ledger: ledgerAgreement(db) };
}

async function sigkill() {
  const { path, db } = config('sigkill');
  const s = await serve(path);
  const outcomes = await submitAll(s.url, 'kill');
  await sleep(1500); // let the running ones stream (and journal their progress)
  s.child.kill('SIGKILL');
  await s.exit;
  const seen = await Promise.all(outcomes);
  const cutWithoutTerminalEvent = seen.filter((o) => o.kind === 'sse' && !['complete', 'error'].includes(o.events.at(-1)?.event)).length;
  const after = await recordsAfterRestart(path, seen.map((o) => o.id));
  return { cutWithoutTerminalEvent, afterRestart: after, ledger: ledgerAgreement(db) };
}

let out;
try {
  const term = await sigterm();
  const kill = await sigkill();
  const ok = [term, kill].every((r) => r.afterRestart.notFound === 0 && r.afterRestart.nonTerminal === 0 && r.ledger.agree)
    && term.exitCode === 0 && term.client.other === 0;
  out = { tasks: TASKS, running: RUNNING, sigterm: term, sigkill: kill, ok };
} finally {
  for (const c of children) c.kill('SIGKILL');
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(out) + '\n');
