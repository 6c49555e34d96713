import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AqeError, ErrorCodes, errorMessage } from '../errors.js';
import { readTaskFile } from '../fleet/task-file.js';
import type { FleetManager } from '../fleet/FleetManager.js';
import type { TaskResult } from '../fleet/types.js';
import { redactSecrets } from '../secrets.js';
import { printJson } from './common.js';
import { money, ms, renderTable } from './format.js';
import { LiveProgress } from './live-progress.js';
import { openCommandFleet } from './open-fleet.js';

export interface RunOptions {
  json?: boolean;
  out?: string;
  stream: boolean;
  configPath?: string;
  /** Skip tasks whose id the store records as completed (a rerun after an interruption runs exactly the rest). */
  resume?: boolean;
}

/** Runs a task file through the fleet. Returns true when any line was bad or any task was not done. */
export async function runTaskFile(file: string, opts: RunOptions): Promise<boolean> {
  const { tasks: all, problems } = readTaskFile(file);
  // before the fleet starts: a bad --out must not cost a run whose outputs cannot be written
  if (opts.out) makeOutDir(opts.out);
  const fleet = await openCommandFleet(opts.configPath, 'aqe run');
  const emit = (event: Record<string, unknown>) => printJson({ ...event, at: new Date().toISOString() });
  const skipped = opts.resume ? await completedEarlier(fleet, all.map((t) => t.task.id)) : new Set<string>();
  const tasks = all.filter((t) => !skipped.has(t.task.id));
  if (skipped.size) {
    if (opts.json) emit({ event: 'skipped', reason: 'completed in an earlier run (--resume)', taskIds: [...skipped] });
    else process.stderr.write(`--resume: skipping ${skipped.size} task(s) already completed: ${[...skipped].join(', ')}\n`);
  }
  // SIGINT / SIGTERM: drain (running tasks get fleet.shutdownGraceMs, then they and the queued ones are
  // cancelled and recorded as such) and report what was not done; a second signal exits at once.
  let stopping: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(signal === 'SIGINT' ? 130 : 143);
    process.stderr.write(`${signal}: no new tasks; running ones get ${fleet.getConfig().fleet.shutdownGraceMs} ms to finish (again to stop now)\n`);
    stopping = fleet.shutdown();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  for (const p of problems) {
    if (opts.json) emit({ event: 'invalid', line: p.line, message: p.message });
    else process.stderr.write(`${file}:${p.line}: ${p.message} (skipped)\n`);
  }
  const flags = fleet.getFeatureFlags();
  const live = !opts.json ? new LiveProgress(process.stderr, tasks.length) : undefined;
  if (!opts.json) {
    process.stderr.write(
      `running ${tasks.length} task(s) from ${file}: router ${flags.isEnabled('multiModelRouter') ? 'on' : 'off'}, streaming ${flags.isEnabled('streaming') && opts.stream ? 'on' : 'off'}\n`,
    );
  }
  fleet.on('task:started', (e) => (opts.json ? emit({ event: 'start', taskId: e.taskId, agentType: e.agentType, model: e.modelName, stream: e.stream }) : live!.started(e.taskId, e.modelName)));
  fleet.on('task:chunk', (e) => {
    if (opts.json) emit({ event: 'chunk', taskId: e.taskId, seq: e.chunk.seq, elapsedMs: e.chunk.elapsedMs, tokensSoFar: e.tokensSoFar, costSoFar: e.costSoFar });
    else live!.chunk(e.taskId, e.chunk.seq, e.tokensSoFar, e.costSoFar, e.chunk.elapsedMs);
  });
  fleet.on('budget:alert', (a) => (opts.json ? emit({ event: 'budget-alert', ...a }) : process.stderr.write(`budget alert: ${a.message ?? JSON.stringify(a)}\n`)));

  const results: TaskResult[] = [];
  await Promise.all(
    tasks.map(async ({ task }) => {
      let result: TaskResult;
      try {
        result = await fleet.executeTask(task, { stream: opts.stream });
      } catch (err) {
        const record = fleet.getTask(task.id);
        result = (err as { result?: TaskResult }).result ?? {
          taskId: task.id, agentType: record?.agentType ?? '-', status: record?.status ?? 'failed', output: undefined, streamed: false,
          startedAt: Date.now(), endedAt: Date.now(), error: { code: (err as { code?: string }).code ?? 'AQE_ERR', message: errorMessage(err) },
          ...(record?.reason ? { reason: record.reason } : {}),
        };
      }
      results.push(result);
      if (opts.out && result.output !== undefined) {
        writeFileSync(join(opts.out, `${task.id.replace(/[^\w.-]/g, '_')}.json`), redactSecrets(JSON.stringify(result, null, 2)) + '\n');
      }
      if (opts.json) emit({ event: result.status === 'completed' ? 'complete' : result.status, ...summarise(result), output: result.output });
      else live!.finished(result.taskId, result.status, result.error?.message);
    }),
  );
  live?.stop();
  await (stopping ?? fleet.shutdown());
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);

  const order = new Map(tasks.map((t, i) => [t.task.id, i]));
  results.sort((a, b) => order.get(a.taskId)! - order.get(b.taskId)!);
  const totals = {
    tasks: results.length,
    completed: results.filter((r) => r.status === 'completed').length,
    failed: results.filter((r) => r.status !== 'completed').length,
    invalidLines: problems.length,
    skipped: skipped.size,
    /** Ids to submit again (failed, cancelled); `aqe run FILE --resume` runs exactly these. */
    notDone: results.filter((r) => r.status !== 'completed').map((r) => r.taskId),
    inputTokens: results.reduce((s, r) => s + (r.usage?.inputTokens ?? 0), 0),
    outputTokens: results.reduce((s, r) => s + (r.usage?.outputTokens ?? 0), 0),
    cost: results.reduce((s, r) => s + (r.cost ?? 0), 0),
    costEstimated: results.some((r) => r.costEstimated),
    durationMs: results.length ? Math.max(...results.map((r) => r.endedAt)) - Math.min(...results.map((r) => r.startedAt)) : 0,
  };
  if (opts.json) {
    emit({ event: 'summary', ...totals });
  } else {
    const rows = results.map((r) => {
      const s = summarise(r);
      const status = r.status + (r.reason ? ` (${r.reason})` : '');
      return [r.taskId, s.model ?? '-', `${s.inputTokens}/${s.outputTokens}`, money(s.cost) + (s.costEstimated ? '*' : ''), ms(s.durationMs), status + (r.error ? `: ${r.error.message.slice(0, 60)}` : '')];
    });
    process.stdout.write(renderTable(['task', 'model', 'tokens in/out', 'cost', 'duration', 'outcome'], rows) + '\n');
    process.stdout.write(
      `total: ${totals.completed} completed, ${totals.failed} failed${problems.length ? `, ${problems.length} invalid line(s)` : ''}; ` +
        `${totals.inputTokens}/${totals.outputTokens} tokens; ${money(totals.cost)}${totals.costEstimated ? ' (* estimated: offline engine)' : ''}; ${ms(totals.durationMs)}\n`,
    );
    if (skipped.size) process.stdout.write(`skipped: ${skipped.size} task(s) completed in an earlier run\n`);
    if (totals.notDone.length) {
      process.stdout.write(`not done (${totals.notDone.length}): ${totals.notDone.join(', ')}\nrun them again with: aqe run ${file} --resume\n`);
    }
  }
  return totals.failed > 0 || problems.length > 0;
}

/** Ids the store records as completed (by any earlier run on this store, within fleet.taskRetentionDays). */
async function completedEarlier(fleet: FleetManager, ids: string[]): Promise<Set<string>> {
  const done = new Set<string>();
  for (const id of ids) if ((await fleet.findTask(id))?.status === 'completed') done.add(id);
  return done;
}

export function summarise(r: TaskResult) {
  return {
    taskId: r.taskId, agentType: r.agentType, model: r.modelName, status: r.status,
    inputTokens: r.usage?.inputTokens ?? 0, outputTokens: r.usage?.outputTokens ?? 0,
    cost: r.cost, costEstimated: r.costEstimated ?? false, streamed: r.streamed, fellBackToSync: r.fellBackToSync ?? false,
    durationMs: r.endedAt - r.startedAt, error: r.error,
  };
}

export function makeOutDir(out: string): void {
  try {
    mkdirSync(out, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way (expected a directory)' : code === 'EACCES' ? 'permission denied' : errorMessage(err);
    throw new AqeError(ErrorCodes.USAGE, `--out ${out}: cannot create the output directory: ${why}`);
  }
}
