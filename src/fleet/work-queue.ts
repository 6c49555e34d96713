import type pg from 'pg';
import { AqeError, ErrorCodes } from '../errors.js';
import type { PgMemoryStore } from '../memory/pg-store.js';
import type { MemoryStore } from '../memory/types.js';
import type { QETask, TaskResult } from './types.js';

/**
 * Batch work spread over processes: a named queue of tasks in PostgreSQL (table aqe_jobs). A worker claims the
 * oldest open job with SELECT ... FOR UPDATE SKIP LOCKED and holds it under its process owner lease (the same
 * registry that guards budget reservations: heartbeat every 5 s, declared dead when it stops, at once when its
 * pid is gone on the same host). A job held by an owner that is no longer alive is claimable again, so a worker
 * killed mid-task leaves its job to another. Completion is fenced on (owner, state): a worker that lost its lease
 * cannot mark done a job that another has taken over, so each job is done exactly once.
 *
 * Why not pg-boss or graphile-worker: their job leases are timeouts (pg-boss expireInSeconds; graphile-worker
 * treats a job locked for 4 hours as abandoned), so a task longer than the timeout would run twice and a crashed
 * worker's task waits for the timeout. The owner lease heartbeats instead, and already exists here.
 */
export interface Job {
  queue: string;
  id: string;
  seq: number;
  task: QETask;
  attempts: number;
  ownerId: string;
}

export interface JobRow {
  id: string;
  seq: number;
  state: 'queued' | 'running' | 'done';
  attempts: number;
  outcome: string | null;
  /** The task's result (output included), JSON. */
  result: string | null;
  ownerId: string | null;
  startedAt: number | null;
  endedAt: number | null;
}

export interface QueueCounts {
  queued: number;
  running: number;
  done: number;
}

const QUEUE_NAME = /^[A-Za-z0-9._:-]{1,128}$/;

export function checkQueueName(name: string, field = '--queue'): string {
  if (!QUEUE_NAME.test(name)) throw new AqeError(ErrorCodes.USAGE, `${field}: expected 1-128 characters from A-Z a-z 0-9 . _ : -`);
  return name;
}

/** Refuses (exit 2) a store kind that cannot share a queue between processes. */
export function assertQueueStore(kind: string, what: string): void {
  if (kind === 'postgres') return;
  throw new AqeError(
    ErrorCodes.USAGE,
    `${what} needs a store shared by processes: set database.type postgres and database.url (or DATABASE_URL); ` +
      'on SQLite run the task file in one process (aqe run FILE, without --workers)',
    { field: 'database.type' },
  );
}

/** The queue on the fleet's store (PostgreSQL only). */
export function workQueueFor(store: MemoryStore, what: string): WorkQueue {
  assertQueueStore(store.kind, what);
  return new WorkQueue(store as PgMemoryStore);
}

export class WorkQueue {
  constructor(private readonly store: PgMemoryStore) {}

  private async q<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
    await this.store.init();
    try {
      return (await this.store.pool.query<R>(text, values)).rows;
    } catch (err) {
      throw new AqeError(ErrorCodes.STORE, `work queue on ${this.store.label}: ${(err as Error).message}`, { database: this.store.label }, { cause: err });
    }
  }

  /** Adds the tasks in order; ids already in the queue are kept as they are. Returns how many were added. */
  async enqueue(queue: string, tasks: QETask[], now = Date.now()): Promise<number> {
    if (tasks.length === 0) return 0;
    const rows = await this.q<{ n: number }>(
      `WITH added AS (
         INSERT INTO aqe_jobs (queue, id, seq, task, enqueued_at)
         SELECT $1, t.id, (SELECT coalesce(max(seq), 0) FROM aqe_jobs WHERE queue = $1) + t.ord::int, t.task, $4
         FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(id, task, ord)
         ON CONFLICT (queue, id) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM added`,
      [queue, tasks.map((t) => t.id), tasks.map((t) => JSON.stringify(t)), now],
    );
    return rows[0].n;
  }

  /** Claims the oldest job that is queued, or running under an owner that is no longer alive. */
  async claim(queue: string, ownerId: string, now = Date.now()): Promise<Job | undefined> {
    const rows = await this.q<{ id: string; seq: number; task: string; attempts: number }>(
      `UPDATE aqe_jobs j SET state = 'running', owner_id = $2, attempts = j.attempts + 1, started_at = $3
       WHERE (j.queue, j.id) = (
         SELECT c.queue, c.id FROM aqe_jobs c
         WHERE c.queue = $1 AND c.state <> 'done' AND (c.state = 'queued' OR NOT EXISTS (
           SELECT 1 FROM aqe_process_owners o WHERE o.id = c.owner_id AND o.state = 'alive'))
         ORDER BY c.seq FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING j.id, j.seq, j.task, j.attempts`,
      [queue, ownerId, now],
    );
    const r = rows[0];
    return r ? { queue, id: r.id, seq: r.seq, task: JSON.parse(r.task) as QETask, attempts: r.attempts, ownerId } : undefined;
  }

  /** Marks a claimed job done with its outcome; false when the claim was lost (another worker holds it now). */
  async complete(job: Job, result: TaskResult, now = Date.now()): Promise<boolean> {
    const rows = await this.q(
      `UPDATE aqe_jobs SET state = 'done', outcome = $4, result = $5, ended_at = $6
       WHERE queue = $1 AND id = $2 AND owner_id = $3 AND state = 'running' RETURNING 1`,
      [job.queue, job.id, job.ownerId, result.status, JSON.stringify(result), now],
    );
    return rows.length === 1;
  }

  /** Gives a claimed job back (the worker is stopping before it ran it to the end). */
  async release(job: Job): Promise<void> {
    await this.q(`UPDATE aqe_jobs SET state = 'queued', owner_id = NULL WHERE queue = $1 AND id = $2 AND owner_id = $3 AND state = 'running'`, [
      job.queue,
      job.id,
      job.ownerId,
    ]);
  }

  /** Deletes jobs done before `before` (epoch ms), every queue; returns how many. */
  async prune(before: number): Promise<number> {
    const rows = await this.q<{ n: number }>("WITH gone AS (DELETE FROM aqe_jobs WHERE state = 'done' AND ended_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone", [before]);
    return rows[0].n;
  }

  async counts(queue: string): Promise<QueueCounts> {
    const rows = await this.q<{ state: keyof QueueCounts; n: number }>('SELECT state, count(*)::int AS n FROM aqe_jobs WHERE queue = $1 GROUP BY state', [queue]);
    const out: QueueCounts = { queued: 0, running: 0, done: 0 };
    for (const r of rows) out[r.state] = r.n;
    return out;
  }

  /** Every job of the queue in file order. */
  async jobs(queue: string): Promise<JobRow[]> {
    const rows = await this.q<{ id: string; seq: number; state: JobRow['state']; attempts: number; outcome: string | null; result: string | null; owner_id: string | null; started_at: number | null; ended_at: number | null }>(
      'SELECT id, seq, state, attempts, outcome, result, owner_id, started_at, ended_at FROM aqe_jobs WHERE queue = $1 ORDER BY seq',
      [queue],
    );
    return rows.map((r) => ({ id: r.id, seq: r.seq, state: r.state, attempts: r.attempts, outcome: r.outcome, result: r.result, ownerId: r.owner_id, startedAt: r.started_at, endedAt: r.ended_at }));
  }
}
