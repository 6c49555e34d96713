import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/load.js';
import { readTaskFile } from '../fleet/task-file.js';
import { TASKS_PARTITION } from '../fleet/task-records.js';
import type { TaskResult } from '../fleet/types.js';
import { assertQueueStore, checkQueueName, workQueueFor } from '../fleet/work-queue.js';
import { openMemoryStore } from '../memory/index.js';
import { redactSecrets } from '../secrets.js';
import { printJson } from './common.js';
import { money, ms, renderTable } from './format.js';
import { makeOutDir, summarise } from './run-tasks.js';

export interface RunWorkersOptions {
  workers: number;
  queue?: string;
  json?: boolean;
  out?: string;
  configPath?: string;
  resume?: boolean;
}

const BIN = fileURLToPath(new URL('../../bin/aqe.js', import.meta.url));

/**
 * `aqe run FILE --workers N`: the tasks go into a PostgreSQL work queue and N `aqe worker` processes take them
 * (more can join from other machines with `aqe worker --queue NAME`). A worker that dies, even by SIGKILL,
 * leaves its task to the others; each task is done once. Returns true when any line was bad or any task not done.
 */
export async function runTaskFileWithWorkers(file: string, opts: RunWorkersOptions): Promise<boolean> {
  const loaded = loadConfig({ path: opts.configPath });
  assertQueueStore(loaded.config.database.type, '--workers');
  const queueName = checkQueueName(opts.queue ?? `run-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`);
  const { tasks: lines, problems } = readTaskFile(file);
  if (opts.out) makeOutDir(opts.out);
  const emit = (event: Record<string, unknown>) => printJson({ ...event, at: new Date().toISOString() });
  const say = (text: string) => process.stderr.write(text + '\n');
  for (const p of problems) {
    if (opts.json) emit({ event: 'invalid', line: p.line, message: p.message });
    else say(`${file}:${p.line}: ${p.message} (skipped)`);
  }

  const store = openMemoryStore(loaded.config.database, undefined, { purgeIntervalMs: 0 });
  const children: ChildProcess[] = [];
  try {
    await store.init?.();
    const queue = workQueueFor(store, '--workers');
    let tasks = lines.map((l) => l.task);
    const skipped: string[] = [];
    if (opts.resume) {
      for (const t of tasks) if (((await store.get(TASKS_PARTITION, t.id))?.value as { status?: string } | undefined)?.status === 'completed') skipped.push(t.id);
      tasks = tasks.filter((t) => !skipped.includes(t.id));
      if (skipped.length && opts.json) emit({ event: 'skipped', reason: 'completed in an earlier run (--resume)', taskIds: skipped });
      else if (skipped.length) say(`--resume: skipping ${skipped.length} completed task(s)`);
    }
    // finished jobs are kept as long as task records (fleet.taskRetentionDays), then dropped here
    await queue.prune(Date.now() - loaded.config.fleet.taskRetentionDays * 86_400_000);
    const added = await queue.enqueue(queueName, tasks);
    if (opts.json) emit({ event: 'queued', queue: queueName, tasks: tasks.length, added, workers: opts.workers });
    else say(`queue ${queueName}: ${tasks.length} task(s) (${added} new), ${opts.workers} worker process(es); more can join with: aqe worker --queue ${queueName}`);

    const args = [BIN, ...(opts.configPath ? ['-c', opts.configPath] : []), 'worker', '--queue', queueName, '--json'];
    const exits: Array<Promise<number | null>> = [];
    for (let i = 0; i < opts.workers; i++) {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
      children.push(child);
      exits.push(new Promise((r) => child.once('exit', (code, signal) => r(signal ? null : code))));
      if (opts.json) emit({ event: 'worker', pid: child.pid });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        let ev: { event?: string; taskId?: string; status?: string };
        try {
          ev = JSON.parse(line) as typeof ev;
        } catch {
          return;
        }
        if (ev.event === 'summary') return;
        if (opts.json) printJson(ev);
        else if (ev.event === 'done') say(`${ev.taskId}: ${ev.status} (worker ${child.pid})`);
        else if (ev.event === 'claimed' && (ev as { attempt?: number }).attempt! > 1) say(`${ev.taskId}: taken over by worker ${child.pid}`);
      });
      child.once('exit', (code, signal) => {
        if (!signal && !code) return;
        if (opts.json) emit({ event: 'worker-exit', pid: child.pid, code, signal });
        else say(`worker ${child.pid} stopped (${signal ?? `exit ${code}`}); the others take over its task`);
      });
    }
    const onSignal = (signal: NodeJS.Signals) => {
      say(`${signal}: stopping the workers (their running tasks get fleet.shutdownGraceMs, then go back to the queue ${queueName})`);
      for (const c of children) c.kill('SIGTERM');
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // until every job is done, or every worker is gone
    let allExited = false;
    void Promise.all(exits).then(() => (allExited = true));
    for (;;) {
      const c = await queue.counts(queueName);
      if ((c.queued === 0 && c.running === 0) || allExited) break;
      await sleep(250);
    }
    await Promise.all(exits);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);

    const mine = new Set(tasks.map((t) => t.id));
    const jobs = (await queue.jobs(queueName)).filter((j) => mine.has(j.id));
    const results = jobs.map((j) => (j.result ? (JSON.parse(j.result) as TaskResult) : undefined));
    if (opts.out) {
      for (const r of results) if (r?.output !== undefined) writeFileSync(join(opts.out, `${r.taskId.replace(/[^\w.-]/g, '_')}.json`), redactSecrets(JSON.stringify(r, null, 2)) + '\n');
    }
    const notDone = jobs.filter((j, i) => j.state !== 'done' || results[i]?.status !== 'completed').map((j) => j.id);
    const done = results.filter((r): r is TaskResult => r !== undefined);
    const totals = {
      queue: queueName,
      tasks: jobs.length,
      completed: done.filter((r) => r.status === 'completed').length,
      failed: notDone.length,
      invalidLines: problems.length,
      skipped: skipped.length,
      /** Tasks that ran more than once because their worker died. */
      takenOver: jobs.filter((j) => j.attempts > 1).map((j) => j.id),
      notDone,
      inputTokens: done.reduce((s, r) => s + (r.usage?.inputTokens ?? 0), 0),
      outputTokens: done.reduce((s, r) => s + (r.usage?.outputTokens ?? 0), 0),
      cost: done.reduce((s, r) => s + (r.cost ?? 0), 0),
      costEstimated: done.some((r) => r.costEstimated),
    };
    if (opts.json) {
      for (const r of done) emit({ event: r.status === 'completed' ? 'complete' : r.status, ...summarise(r), output: r.output });
      emit({ event: 'summary', ...totals });
    } else {
      const rows = jobs.map((j, i) => {
        const r = results[i];
        if (!r) return [j.id, '-', '-', '-', '-', `not done (${j.state})`];
        const s = summarise(r);
        return [r.taskId, s.model ?? '-', `${s.inputTokens}/${s.outputTokens}`, money(s.cost) + (s.costEstimated ? '*' : ''), ms(s.durationMs), r.status + (j.attempts > 1 ? ` (attempt ${j.attempts})` : '') + (r.error ? `: ${r.error.message.slice(0, 60)}` : '')];
      });
      process.stdout.write(renderTable(['task', 'model', 'tokens in/out', 'cost', 'duration', 'outcome'], rows) + '\n');
      process.stdout.write(`total: ${totals.completed} completed, ${totals.failed} not done; ${totals.inputTokens}/${totals.outputTokens} tokens; ${money(totals.cost)}${totals.costEstimated ? ' (* estimated: offline engine)' : ''}\n`);
      if (notDone.length) process.stdout.write(`not done (${notDone.length}): ${notDone.join(', ')}\nrun them again with: aqe run ${file} --workers ${opts.workers} --resume\n`);
    }
    return notDone.length > 0 || problems.length > 0;
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    await store.close();
  }
}
