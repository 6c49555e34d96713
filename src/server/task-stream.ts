import type { FleetManager } from '../fleet/FleetManager.js';
import type { ExecuteOptions } from '../fleet/task-runner.js';
import type { QETask, TaskResult } from '../fleet/types.js';
import { AqeError, ErrorCodes, errorMessage } from '../errors.js';
import { redactSecrets } from '../secrets.js';
import { isRetryable } from '../fleet/task-records.js';
import { RETRY_AFTER_SECONDS } from './http-errors.js';
import type { StreamHub, TaskEventLog } from './replay.js';
import type { StreamJournal } from './stream-journal.js';

/** The `usage` event's data: tokens and dollars of a finished task. */
export function usageOf(result: TaskResult): Record<string, unknown> | undefined {
  if (!result.usage) return undefined;
  return { ...result.usage, modelName: result.modelName, cost: result.cost ?? 0, costEstimated: result.costEstimated ?? result.usage.estimated };
}

/** Terminal events for a finished task: usage (when known) then complete or error (`retryable` when submitting again is right). */
export function terminalEvents(outcome: { result?: TaskResult; error?: unknown; status?: string }): Array<{ event: 'usage' | 'complete' | 'error'; data: unknown }> {
  const out: Array<{ event: 'usage' | 'complete' | 'error'; data: unknown }> = [];
  const usage = outcome.result ? usageOf(outcome.result) : undefined;
  if (usage) out.push({ event: 'usage', data: usage });
  if (outcome.error === undefined && outcome.result) {
    out.push({ event: 'complete', data: outcome.result });
  } else {
    const err = outcome.error;
    const code = err instanceof AqeError ? err.code : ErrorCodes.PROVIDER;
    const retry = isRetryable(code) ? { retryable: true, retryAfterSeconds: RETRY_AFTER_SECONDS } : {};
    out.push({
      event: 'error',
      data: { code, message: redactSecrets(errorMessage(err)), status: outcome.result?.status ?? outcome.status ?? 'failed', ...retry, result: outcome.result },
    });
  }
  return out;
}

/**
 * Starts a task with streaming asked for and records its events in a fresh log of the hub. The start event
 * comes from the fleet's 'task:started' (see attachStartEvents); chunks from the stream callbacks.
 */
export function submitStreamedTask(
  fleet: FleetManager,
  hub: StreamHub,
  task: QETask,
  opts: Omit<ExecuteOptions, 'stream' | 'callbacks'> = {},
  journal?: StreamJournal,
  /** The task's id was generated for this request (see StreamJournal.record). */
  idOpts: { newId?: boolean } = {},
): { taskId: string; log: TaskEventLog; done: Promise<TaskResult>; accepted: Promise<void> } {
  // Chunks arrive only after submitTask has returned and the log is open.
  const holder: { log?: TaskEventLog } = {};
  const { taskId, done, accepted } = fleet.submitTask(task, {
    ...opts,
    stream: true,
    callbacks: { onChunk: (c) => holder.log?.chunk(c.text, { elapsedMs: c.elapsedMs }) },
  });
  const opened = (holder.log = hub.open(taskId));
  journal?.record(opened, idOpts);
  done.then(
    (result) => {
      opened.finish(terminalEvents({ result }));
      hub.retire(opened);
    },
    (error: unknown) => {
      opened.finish(terminalEvents({ result: (error as { result?: TaskResult }).result, error, status: fleet.getTask(taskId)?.status }));
      hub.retire(opened);
    },
  );
  return { taskId, log: opened, done, accepted };
}

/** Sends each streamed task's start event (model, stream or not, flags) when the fleet starts it. */
export function attachStartEvents(fleet: FleetManager, hub: StreamHub): () => void {
  const onStarted = (e: { taskId: string; agentType: string; modelName: string; stream: boolean; flags: unknown }) => {
    hub.get(e.taskId)?.start({ taskId: e.taskId, agentType: e.agentType, modelName: e.modelName, stream: e.stream, flags: e.flags, startedAt: Date.now() });
  };
  fleet.on('task:started', onStarted);
  return () => fleet.off('task:started', onStarted);
}
