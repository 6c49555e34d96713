import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCodes, errorMessage } from '../errors.js';
import type { FleetManager } from './FleetManager.js';
import type { TaskResult } from './types.js';
import { workQueueFor, type Job } from './work-queue.js';

export type WorkerEvent =
  | { event: 'claimed'; taskId: string; attempt: number }
  | { event: 'done'; taskId: string; status: string; attempt: number }
  /** The claim was lost (this process was declared dead meanwhile): another worker has the job. */
  | { event: 'lost'; taskId: string }
  /** Stopping before the task ended: the job went back to the queue. */
  | { event: 'released'; taskId: string };

export interface WorkerOptions {
  /** Jobs run at once by this process (default fleet.maxConcurrentTasks). */
  concurrency?: number;
  /** Keep waiting for jobs when the queue has none open (default false: exit once every job is done). */
  wait?: boolean;
  /** How often an idle worker looks for work (default 500 ms). */
  pollMs?: number;
  onEvent?: (e: WorkerEvent) => void;
}

export interface QueueWorker {
  /** Settles when the worker stopped: the queue has nothing open (without `wait`) or stop() was called. */
  done: Promise<{ completed: number; lost: number; released: number }>;
  /** No new claims; running jobs end (or are cancelled by fleet.shutdown and given back). */
  stop(): void;
}

/**
 * Runs jobs of a PostgreSQL work queue (see work-queue.ts) through the fleet until the queue has nothing open.
 * A job whose task was cancelled by a shutdown goes back to the queue for another worker; any other outcome
 * (completed, failed) is final. The claims are held under the fleet's owner lease.
 */
export function startQueueWorker(fleet: FleetManager, queueName: string, opts: WorkerOptions = {}): QueueWorker {
  const queue = workQueueFor(fleet.getMemory().getStore(), 'aqe worker');
  const lease = fleet.getOwnerLease();
  const concurrency = opts.concurrency ?? fleet.getConfig().fleet.maxConcurrentTasks;
  const pollMs = opts.pollMs ?? 500;
  const emit = opts.onEvent ?? (() => undefined);
  const totals = { completed: 0, lost: 0, released: 0 };
  let stopping = false;
  const wake = new AbortController();

  const runJob = async (job: Job): Promise<void> => {
    emit({ event: 'claimed', taskId: job.id, attempt: job.attempts });
    let result: TaskResult;
    try {
      result = await fleet.executeTask(job.task, { stream: false });
    } catch (err) {
      const carried = (err as { result?: TaskResult }).result;
      result = carried ?? {
        taskId: job.id, agentType: fleet.getTask(job.id)?.agentType ?? '-', status: fleet.getTask(job.id)?.status ?? 'failed', output: undefined,
        streamed: false, startedAt: Date.now(), endedAt: Date.now(), error: { code: (err as { code?: string }).code ?? ErrorCodes.PROVIDER, message: errorMessage(err) },
      };
    }
    const shutdown = result.status === 'cancelled' && (result.reason === 'shutdown' || fleet.isDraining());
    if (shutdown || (result.error?.code === ErrorCodes.FLEET_SHUTTING_DOWN)) {
      await queue.release(job);
      totals.released++;
      return emit({ event: 'released', taskId: job.id });
    }
    if (await queue.complete(job, result)) {
      totals.completed++;
      emit({ event: 'done', taskId: job.id, status: result.status, attempt: job.attempts });
    } else {
      totals.lost++;
      emit({ event: 'lost', taskId: job.id });
    }
  };

  const loop = async (): Promise<void> => {
    while (!stopping) {
      const job = await queue.claim(queueName, lease.id);
      if (job) {
        await runJob(job);
        continue;
      }
      if (!opts.wait) {
        const open = await queue.counts(queueName);
        // a job running elsewhere may still come back (its worker dies): wait until none is open
        if (open.queued === 0 && open.running === 0) return;
      }
      await sleep(pollMs, undefined, { signal: wake.signal }).catch(() => undefined);
    }
  };

  const done = Promise.all(Array.from({ length: Math.max(1, concurrency) }, () => loop())).then(() => totals);
  // The store must outlive the last completion or release of a shutdown.
  fleet.beforeStoreClose(() => done.then(() => undefined, () => undefined));
  return {
    done,
    stop() {
      stopping = true;
      wake.abort();
    },
  };
}
