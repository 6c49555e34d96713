// A fresh install with routing on runs the whole routing dev set (tasks/routing-dev.jsonl, 48 tasks) through
// `aqe run`, then reads `aqe costs --json`: how many tasks were refused for budget (must be 0: the offline
// engine's spend is simulated and does not count), and the routed mix's cost against the single default model
// and the top model (the seed's savings criterion). Both commands run as separate processes, as a user runs them.
// Usage: node bench/costs-devset.mjs [--tasks FILE] ; prints one JSON object.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const argIndex = process.argv.indexOf('--tasks');
const tasksFile = resolve(argIndex > 0 ? process.argv[argIndex + 1] : join(root, 'tasks/routing-dev.jsonl'));
const aqe = join(root, 'bin/aqe.js');

const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-devset-'));
try {
  mkdirSync(join(dir, 'config'));
  copyFileSync(join(root, 'config/fleet.example.yaml'), join(dir, 'config/fleet.yaml'));
  // routing on through the documented switches; no API key, so every model is the offline engine
  const env = { ...process.env, FEATURE_MULTI_MODEL_ROUTER: 'true', ROUTING_ENABLED: 'true', ANTHROPIC_API_KEY: '', OPENAI_API_KEY: '' };
  const t0 = Date.now();
  let stdout = '';
  let exitCode = 0;
  try {
    ({ stdout } = await run(process.execPath, [aqe, 'run', tasksFile, '--json'], { cwd: dir, env, maxBuffer: 256 << 20 }));
  } catch (err) {
    // a failed task makes `aqe run` exit 1; its JSON events are still the record of what happened
    stdout = err.stdout ?? '';
    exitCode = err.code ?? 1;
  }
  const wallS = (Date.now() - t0) / 1000;
  const events = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  const finished = events.filter((e) => e.taskId && !['start', 'chunk'].includes(e.event));
  const done = finished.filter((e) => e.event === 'complete').length;
  const failures = finished.filter((e) => e.event !== 'complete');
  const budgetRefusals = failures.filter((e) => /BUDGET/i.test(JSON.stringify(e.error ?? e.reason ?? '')));
  const { stdout: costsOut } = await run(process.execPath, [aqe, 'costs', '--json', '--period', '1d'], { cwd: dir, env });
  const costs = JSON.parse(costsOut.trim().split('\n').pop());
  const taskCount = readFileSync(tasksFile, 'utf8').split('\n').filter((l) => l.trim()).length;
  console.log(JSON.stringify({
    bench: 'costs-devset: fresh install, routing on, offline engine, `aqe run` over the dev set',
    machine: `${process.platform} ${process.arch}, Node ${process.version}`,
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
    tasksFile: tasksFile.startsWith(root) ? tasksFile.slice(root.length) : tasksFile,
    tasks: taskCount,
    completed: done,
    failed: failures.length,
    failures: failures.map((e) => ({ taskId: e.taskId, outcome: e.event, error: e.error?.message?.slice(0, 120) })),
    budgetRefusals: budgetRefusals.length,
    runExitCode: exitCode,
    wallSeconds: Number(wallS.toFixed(1)),
    costs,
  }, null, 2));
  if (budgetRefusals.length > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
