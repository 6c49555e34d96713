import { BudgetExceededError, ErrorCodes, TaskCancelledError, TaskTimeoutError, type CancelReason } from '../errors.js';
import type { Logger } from '../logging.js';
import { AccessLevel, type MemoryEntry, type MemoryStore } from '../memory/types.js';
import { WriteBehind } from '../memory/write-behind.js';
import type { TaskResult, TaskStatus, TaskUsage } from './types.js';

/** Every accepted task's record: GET /v1/tasks/:id, `aqe run --resume` and recovery read it. */
export const TASKS_PARTITION = 'fleet/tasks';
/** One small marker per queued or running task (key: task id, value: its owner), so recovery never scans all records. */
export const ACTIVE_TASKS_PARTITION = 'fleet/tasks-active';

const TERMINAL: ReadonlySet<TaskStatus> = new Set(['completed', 'failed', 'cancelled', 'interrupted']);

export function isTerminal(status: TaskStatus | undefined): boolean {
  return status !== undefined && TERMINAL.has(status);
}

export interface TaskProgress {
  /** Chunks received from the model so far. */
  chunks: number;
  /** Output tokens received so far (counted by our tokenizer). */
  outputTokens: number;
  at: number;
}

/** What the store keeps for a task (no output: results can be large; the caller got it). */
export interface TaskRecord {
  id: string;
  type: string;
  agentType: string;
  status: TaskStatus;
  /** The process (owner id) that accepted or ran the task; recovery marks its active tasks interrupted when it is gone. */
  owner: string;
  submittedAt: number;
  startedAt?: number;
  endedAt?: number;
  updatedAt: number;
  reason?: CancelReason;
  modelName?: string;
  /** Journaled while the task streams (at most one write per progressIntervalMs). */
  progress?: TaskProgress;
  usage?: TaskUsage;
  /**
   * Dollars the ledger holds for this task: settled by the process that ran it or, for an interrupted task,
   * what its calls settled before the crash plus its reservations booked as unsettled.
   */
  cost?: number;
  costEstimated?: boolean;
  streamed?: boolean;
  error?: { code: string; message: string };
  /** True when submitting the task again is the right thing to do (shutdown, interrupted). */
  retryable?: boolean;
  /** In memory only, for tasks this process ran: the whole result (with the output). */
  result?: TaskResult;
}

export interface TaskRecordsOptions {
  /** This process's current owner id (the owner lease's; it changes if the lease was lost). */
  owner: () => string;
  retentionDays: number;
  logger: Logger;
  /** Least time between two progress writes of one task (default 1000 ms). */
  progressIntervalMs?: number;
  /**
   * How long the running state of a queued task waits before it is written (default 100 ms, at most
   * progressIntervalMs): a task that ends sooner gets only its queued and terminal records (one row less per
   * task); one still running by then is written as now. 0 writes it at once.
   */
  runningDelayMs?: number;
  /** Most finished records kept in memory (default 5000); older ones are read from the store. */
  maxInMemory?: number;
  now?: () => number;
  /** The group commit the running/progress/terminal writes go through (default: one of its own). */
  writes?: WriteBehind;
}

/** The status a failed run ends in, and the cancel reason, from what stopped it. */
export function outcomeOf(err: unknown): { status: 'cancelled' | 'failed'; reason?: CancelReason } {
  if (err instanceof TaskCancelledError) return { status: 'cancelled', reason: err.reason };
  if (err instanceof TaskTimeoutError) return { status: 'cancelled', reason: 'timeout' };
  if (err instanceof BudgetExceededError) return { status: 'cancelled', reason: 'budget' };
  return { status: 'failed' };
}

export function isRetryable(code: string | undefined): boolean {
  return code === ErrorCodes.FLEET_SHUTTING_DOWN || code === ErrorCodes.TASK_INTERRUPTED;
}

/**
 * Task records in the store, written as the task moves: queued (in the step that accepts it), running (unless
 * the task ends within runningDelayMs), progress (throttled), and a terminal state. Each change is one upsert of the whole small record (no read
 * first); accepting also writes the active marker in the same transaction, finishing deletes it. Every write
 * goes through a group commit (WriteBehind: one transaction per event-loop turn for every task's writes);
 * queued() and finish() settle when their records are in the store.
 * Writes for one task are applied in order even on a store whose calls are asynchronous.
 */
export class TaskRecords {
  private readonly store: MemoryStore;
  private readonly opts: Required<Omit<TaskRecordsOptions, 'logger' | 'writes'>> & { logger: Logger };
  private readonly writes: WriteBehind;
  private readonly live = new Map<string, TaskRecord>();
  private readonly finished = new Map<string, TaskRecord>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly lastProgressWrite = new Map<string, number>();
  /** Running states not written yet (see runningDelayMs): the timer that writes them, and who waits for it. */
  private readonly deferred = new Map<string, { timer: NodeJS.Timeout; resolve: (written: Promise<void>) => void }>();

  constructor(store: MemoryStore, opts: TaskRecordsOptions) {
    this.store = store;
    const { writes, ...rest } = opts;
    this.opts = { progressIntervalMs: 1000, runningDelayMs: 100, maxInMemory: 5000, now: Date.now, ...rest };
    this.writes = writes ?? new WriteBehind(store, { onError: (err, keys) => this.opts.logger.error(`could not record ${keys.join(', ')}: ${err instanceof Error ? err.message : String(err)}`) });
  }

  get owner(): string {
    return this.opts.owner();
  }

  /** This process's record of a task (active, or one of the recent finished ones); no I/O. */
  peek(id: string): TaskRecord | undefined {
    return this.live.get(id) ?? this.finished.get(id);
  }

  isActive(id: string): boolean {
    return this.live.has(id);
  }

  /** The record from memory, else from the store (tasks of earlier runs, or of other processes on the store). */
  async get(id: string): Promise<TaskRecord | undefined> {
    const mine = this.peek(id);
    if (mine) return mine;
    const entry = await this.store.get(TASKS_PARTITION, id);
    return entry ? normalise(id, entry.value) : undefined;
  }

  /**
   * Records changed at or after `since` (newest first), optionally only those in `statuses`. A task active in
   * this process reads as its in-memory record (running before its running state is written: runningDelayMs).
   */
  async list(opts: { since: number; statuses?: ReadonlySet<TaskStatus>; limit: number }): Promise<TaskRecord[]> {
    const out: TaskRecord[] = [];
    const page = 500;
    for (let offset = 0; out.length < opts.limit; offset += page) {
      const entries = await this.store.query({ partition: TASKS_PARTITION, since: opts.since, order: 'newest', limit: page, offset });
      for (const e of entries) {
        const live = this.live.get(e.key);
        const rec = live ? { ...live } : normalise(e.key, e.value);
        if (!opts.statuses || opts.statuses.has(rec.status)) out.push(rec);
        if (out.length >= opts.limit) break;
      }
      if (entries.length < page) break;
    }
    return out;
  }

  /**
   * Record a task as queued, with its active marker, in the next group commit; the promise settles when
   * they are in the store and rejects when that write failed (then the task is not accepted).
   */
  queued(task: { id: string; type: string; agentType: string }): Promise<void> {
    const now = this.opts.now();
    const rec: TaskRecord = { id: task.id, type: task.type, agentType: task.agentType, status: 'queued', owner: this.owner, submittedAt: now, updatedAt: now };
    this.finished.delete(task.id);
    this.live.set(task.id, rec);
    return this.enqueue(task.id, () => {
      void this.writes.put(this.marker(rec), { strict: true }).catch(() => undefined);
      return this.writes.put(this.entry(rec), { strict: true });
    }, true);
  }

  /**
   * The task started on a model. A task that was never queued here (an agent's executeTask) gets its marker
   * and record now. A queued task's running state is written runningDelayMs later if it is still running then
   * (its first progress write or its terminal record, whichever comes first, carries it otherwise): until then
   * the store says queued, and recovery treats a queued task exactly like a running one (interrupted, with
   * what the ledger holds for it). The promise settles when the running state, or a later one, is in the store.
   */
  running(task: { id: string; type: string; agentType: string }, info: { modelName: string; startedAt: number; streamed: boolean }): Promise<void> {
    const prev = this.live.get(task.id);
    const now = this.opts.now();
    const rec: TaskRecord = {
      ...(prev ?? { id: task.id, type: task.type, agentType: task.agentType, owner: this.owner, submittedAt: info.startedAt }),
      status: 'running', startedAt: info.startedAt, modelName: info.modelName, streamed: info.streamed, updatedAt: now,
    };
    this.live.set(task.id, rec);
    this.lastProgressWrite.set(task.id, now);
    const delay = Math.min(this.opts.runningDelayMs, this.opts.progressIntervalMs);
    if (!prev || delay <= 0) {
      return this.enqueue(task.id, () => {
        if (!prev) void this.writes.put(this.marker(rec));
        return this.writes.put(this.entry(rec));
      });
    }
    this.settleDeferred(task.id, Promise.resolve());
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (this.deferred.get(task.id)?.timer !== timer) return;
        const live = this.live.get(task.id);
        if (!live) return this.settleDeferred(task.id, Promise.resolve());
        this.lastProgressWrite.set(task.id, this.opts.now());
        const snapshot = { ...live };
        this.settleDeferred(task.id, this.enqueue(task.id, () => this.writes.put(this.entry(snapshot))));
      }, delay);
      timer.unref();
      this.deferred.set(task.id, { timer, resolve: (written) => void written.then(resolve, resolve) });
    });
  }

  /** A deferred running write is done with: `written` (the write that carries it, or nothing) settles its waiters. */
  private settleDeferred(id: string, written: Promise<void>): void {
    const d = this.deferred.get(id);
    if (!d) return;
    clearTimeout(d.timer);
    this.deferred.delete(id);
    d.resolve(written);
  }

  /** Chunks and tokens received so far; written at most once per progressIntervalMs per task. */
  progress(id: string, chunks: number, outputTokens: number): void {
    const rec = this.live.get(id);
    if (!rec || rec.status !== 'running') return;
    const now = this.opts.now();
    rec.progress = { chunks, outputTokens, at: now };
    if (now - (this.lastProgressWrite.get(id) ?? 0) < this.opts.progressIntervalMs) return;
    this.lastProgressWrite.set(id, now);
    rec.updatedAt = now;
    const snapshot = { ...rec };
    this.settleDeferred(id, this.enqueue(id, () => this.writes.put(this.entry(snapshot))));
  }

  /** The task ended (completed, failed or cancelled): its final record, and its marker goes. */
  finish(task: { id: string; type: string; agentType: string }, end: { result?: TaskResult; status: TaskStatus; reason?: CancelReason; error?: { code: string; message: string } }): Promise<void> {
    const prev = this.live.get(task.id);
    const now = this.opts.now();
    const r = end.result;
    const rec: TaskRecord = {
      ...(prev ?? { id: task.id, type: task.type, agentType: task.agentType, owner: this.owner, submittedAt: r?.startedAt ?? now }),
      status: end.status,
      endedAt: r?.endedAt ?? now,
      updatedAt: now,
    };
    const reason = end.reason ?? r?.reason;
    if (reason) rec.reason = reason;
    if (r) {
      rec.modelName = r.modelName ?? rec.modelName;
      rec.usage = r.usage;
      rec.cost = r.cost;
      rec.costEstimated = r.costEstimated;
      rec.streamed = r.streamed;
    }
    const error = end.error ?? r?.error;
    if (error) rec.error = { code: error.code, message: error.message };
    if (isRetryable(error?.code)) rec.retryable = true;
    this.live.delete(task.id);
    this.lastProgressWrite.delete(task.id);
    this.remember({ ...rec, ...(r ? { result: r } : {}) });
    const written = this.enqueue(task.id, () => {
      void this.writes.delete(ACTIVE_TASKS_PARTITION, task.id);
      return this.writes.put(this.entry(rec));
    });
    this.settleDeferred(task.id, written);
    return written;
  }

  /** Waits for every write issued so far (before the store closes); running states still deferred are written now. */
  async flush(): Promise<void> {
    for (const id of [...this.deferred.keys()]) {
      const live = this.live.get(id);
      if (!live) {
        this.settleDeferred(id, Promise.resolve());
        continue;
      }
      const snapshot = { ...live };
      this.settleDeferred(id, this.enqueue(id, () => this.writes.put(this.entry(snapshot))));
    }
    while (this.pending.size > 0) await Promise.allSettled([...this.pending.values()]);
    await this.writes.flush();
  }

  /**
   * Tasks left queued or running by owners that are gone become `interrupted`, keeping what is known
   * (model, journaled progress). `isAlive` is the owner registry's verdict; this process counts as alive.
   * Idempotent: two survivors recovering the same owner write the same outcome.
   */
  async recoverInterrupted(isAlive: (owner: string) => boolean | Promise<boolean>): Promise<TaskRecord[]> {
    const markers = await this.store.query({ partition: ACTIVE_TASKS_PARTITION });
    const verdicts = new Map<string, boolean>([[this.owner, true]]);
    const gone: Array<{ key: string; rec?: TaskRecord }> = [];
    for (const m of markers) {
      const owner = (m.value as { owner?: unknown } | null)?.owner;
      if (typeof owner !== 'string') continue;
      if (!verdicts.has(owner)) verdicts.set(owner, await isAlive(owner));
      if (verdicts.get(owner)) continue;
      const entry = await this.store.get(TASKS_PARTITION, m.key);
      const rec = entry ? normalise(m.key, entry.value) : undefined;
      gone.push({ key: m.key, rec: rec && !isTerminal(rec.status) && rec.owner === owner ? rec : undefined });
    }
    const lostRecs = gone.flatMap((g) => (g.rec ? [g.rec] : []));
    const charged = lostRecs.length ? await this.ledgerTotals(lostRecs) : new Map<string, number>();
    const out: TaskRecord[] = [];
    for (const { key, rec } of gone) {
      if (rec) {
        const now = this.opts.now();
        const cost = charged.get(rec.id);
        const lost: TaskRecord = {
          ...rec,
          status: 'interrupted',
          endedAt: now,
          updatedAt: now,
          retryable: true,
          ...(cost !== undefined ? { cost } : {}),
          error: {
            code: ErrorCodes.TASK_INTERRUPTED,
            message: `task ${rec.id} was ${rec.status} when its process (owner ${rec.owner}) stopped; submit it again`,
          },
        };
        await this.store.put(this.entry(lost));
        out.push(lost);
      }
      await this.store.delete(ACTIVE_TASKS_PARTITION, key);
    }
    if (out.length) this.opts.logger.warn({ tasks: out.map((r) => r.id) }, `${out.length} task(s) of stopped processes recorded as interrupted`);
    return out;
  }

  /** Ledger dollars per task id (every record: settled, unsettled, simulated) since the oldest of these tasks was accepted. */
  private async ledgerTotals(recs: TaskRecord[]): Promise<Map<string, number>> {
    const ids = new Set(recs.map((r) => r.id));
    const since = Math.min(...recs.map((r) => r.submittedAt));
    const totals = new Map<string, number>();
    for (const c of await this.store.costRecords(since)) {
      if (ids.has(c.taskId)) totals.set(c.taskId, (totals.get(c.taskId) ?? 0) + c.cost);
    }
    return totals;
  }

  private remember(rec: TaskRecord): void {
    this.finished.delete(rec.id);
    this.finished.set(rec.id, rec);
    while (this.finished.size > this.opts.maxInMemory) this.finished.delete(this.finished.keys().next().value!);
  }

  private entry(rec: TaskRecord): MemoryEntry {
    const { result: _result, ...value } = rec;
    const now = this.opts.now();
    return {
      partition: TASKS_PARTITION, key: rec.id, value, owner: 'system', accessLevel: AccessLevel.SYSTEM,
      createdAt: now, updatedAt: now, expiresAt: now + Math.round(this.opts.retentionDays * 86_400_000),
    };
  }

  private marker(rec: TaskRecord): MemoryEntry {
    const now = this.opts.now();
    return {
      partition: ACTIVE_TASKS_PARTITION, key: rec.id, value: { owner: rec.owner }, owner: 'system', accessLevel: AccessLevel.SYSTEM,
      createdAt: now, updatedAt: now, expiresAt: now + Math.round(this.opts.retentionDays * 86_400_000),
    };
  }

  /**
   * Runs `write` after the task's earlier writes. A synchronous store writes right away; with `throwSync`
   * its error is thrown to the caller instead of logged.
   */
  private enqueue(id: string, write: () => unknown, throwSync = false): Promise<void> {
    const prev = this.pending.get(id);
    let next: Promise<void>;
    if (prev) {
      next = prev.then(() => write()).then(() => undefined);
    } else {
      let r: unknown;
      try {
        r = write();
      } catch (err) {
        if (throwSync) throw err;
        this.logError(id, err);
        return Promise.resolve();
      }
      if (!(r instanceof Promise)) return Promise.resolve();
      next = r.then(() => undefined);
    }
    const tracked = next.catch((err: unknown) => this.logError(id, err)).finally(() => {
      if (this.pending.get(id) === tracked) this.pending.delete(id);
    });
    this.pending.set(id, tracked);
    return throwSync ? next : tracked;
  }

  private logError(id: string, err: unknown): void {
    this.opts.logger.error({ taskId: id }, `could not record task ${id}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A stored value as a TaskRecord; records written before v1.0.5's task states (a TaskResult summary) are read too. */
function normalise(id: string, value: unknown): TaskRecord {
  const v = (value ?? {}) as Partial<TaskRecord> & Partial<TaskResult>;
  if (v.id !== undefined && v.owner !== undefined) return v as TaskRecord;
  return {
    id, type: v.type ?? 'unknown', agentType: v.agentType ?? 'unknown', status: v.status ?? 'failed', owner: 'unknown',
    submittedAt: v.startedAt ?? 0, startedAt: v.startedAt, endedAt: v.endedAt, updatedAt: v.endedAt ?? 0,
    modelName: v.modelName, usage: v.usage, cost: v.cost, costEstimated: v.costEstimated, streamed: v.streamed, error: v.error,
  };
}
