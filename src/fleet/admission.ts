import { FleetOverloadedError } from '../errors.js';

export interface AdmissionLimits {
  maxConcurrentTasks: number;
  maxQueuedTasks: number;
}

export interface FleetLoad {
  running: number;
  queued: number;
}

/**
 * Admission control for the service: at most maxConcurrentTasks run and maxQueuedTasks wait; one more is
 * refused at once (503 + Retry-After) instead of joining a queue that only makes every task later. So the
 * tasks in flight are bounded, and with them memory and the time any admitted task waits.
 */
export class AdmissionControl {
  /** Mean run time of recent tasks (exponentially weighted), for the Retry-After hint. */
  private meanRunMs = 1000;

  /** Feed the time one task ran (not counting its queueing). */
  observe(runMs: number): void {
    if (Number.isFinite(runMs) && runMs >= 0) this.meanRunMs = this.meanRunMs * 0.8 + runMs * 0.2;
  }

  /** Seconds until a slot is likely free: the queue ahead drained at maxConcurrentTasks per mean run time. */
  retryAfterSeconds(load: FleetLoad, limits: AdmissionLimits): number {
    const waves = (load.queued + 1) / Math.max(1, limits.maxConcurrentTasks);
    return Math.min(60, Math.max(1, Math.ceil((waves * this.meanRunMs) / 1000)));
  }

  /** Throws FleetOverloadedError when a new task would have to wait behind a full queue. */
  check(load: FleetLoad, limits: AdmissionLimits): void {
    if (load.running < limits.maxConcurrentTasks) return;
    if (load.queued < limits.maxQueuedTasks) return;
    const retryAfterSeconds = this.retryAfterSeconds(load, limits);
    throw new FleetOverloadedError(
      `the fleet is at capacity: ${load.running} tasks running (fleet.maxConcurrentTasks ${limits.maxConcurrentTasks}) and ${load.queued} waiting (fleet.maxQueuedTasks ${limits.maxQueuedTasks}); retry after ${retryAfterSeconds} s`,
      { limit: 'fleet.maxQueuedTasks', value: limits.maxQueuedTasks, retryAfterSeconds },
    );
  }
}
