import { errorMessage } from '../errors.js';
import type { Logger } from '../logging.js';
import { isTerminal, type TaskRecord } from '../fleet/task-records.js';
import { AccessLevel, type MemoryEntry, type MemoryStore } from '../memory/types.js';
import { WriteBehind } from '../memory/write-behind.js';
import { TaskEventLog, type ReplayLimits, type TaskStreamEvent, type TaskStreamEventName } from './replay.js';

/**
 * The SSE events of streamed tasks, journaled in the store so that a client can resume a stream (Last-Event-ID)
 * on any replica, not only the one running the task. Per task, in partition `fleet/task-events`:
 *   `<id>/start`   the start event
 *   `<id>/c/<n>`   a batch of consecutive chunks; n = batch number modulo `slots`, so the journal of one task is
 *                  a ring of at most slots x batchChunks chunks (older batches are overwritten, and a reader that
 *                  fell that far behind gets a `gap` event, as with the in-memory replay window)
 *   `<id>/end`     the terminal events (usage, complete or error), carrying the last batch of chunks (`chunks`)
 *                  and, when it had not been written yet, the start event (`start`)
 * So a short stream (its start, chunks and end within flushMs) is ONE entry. Entries expire with the task records (fleet.taskRetentionDays). A task's chunks are batched (at most one write
 * per flushMs per task), and the writes go through a group commit (the fleet's, shared with the task records):
 * every task's journal writes of one event-loop turn are one transaction. On PostgreSQL they are announced with
 * NOTIFY so followers on other replicas read them at once; on SQLite followers poll.
 */
export const TASK_EVENTS_PARTITION = 'fleet/task-events';
export const TASK_EVENTS_CHANNEL = 'aqe_task_events';

export interface StreamJournalOptions {
  retentionDays: number;
  logger: Logger;
  /** Most time a chunk waits before it is written (default 50 ms). */
  flushMs?: number;
  /** Ring size in batches per task (default 128). */
  slots?: number;
  /** Most chunks per batch (default 32). */
  batchChunks?: number;
  /** Most serialized bytes per batch (default 32 KiB; a single larger chunk gets a batch of its own). */
  batchBytes?: number;
  /** Follower re-read period: the only wake-up on SQLite, a safety net behind NOTIFY on PostgreSQL. */
  pollMs?: number;
  /** A task recorded as ended whose end events are not journaled after this long ends from its record (default 3 s). */
  endGraceMs?: number;
  /** Bounds of a follower's mirror log (as the hub's). */
  replay: ReplayLimits;
  /** Write this process's streamed tasks (default true); false still follows other replicas' journals. */
  record?: boolean;
  /** The group commit the writes go through (default: one of the journal's own on the store). */
  writes?: WriteBehind;
  now?: () => number;
}

interface ChunkBatch {
  from: number;
  wires: string[];
}

interface TerminalEvents {
  events: Array<{ event: TaskStreamEventName; wire: string }>;
  /** The start event, when it was still unwritten at the end. */
  start?: string;
  /** The last chunks, when they were still unwritten at the end. */
  chunks?: ChunkBatch;
}

interface PendingTask {
  start?: string;
  chunks: Array<{ seq: number; wire: string }>;
  end?: TerminalEvents['events'];
  timer?: NodeJS.Timeout;
  batchNo: number;
  chain: Promise<void>;
  /** Nothing written yet for this run of a reusable id: the first write clears what an earlier run of the same id left. */
  fresh: boolean;
}

/** A follower: the mirror log a response pipes, fed until the task ends or stop() is called. */
export interface JournalFollower {
  log: TaskEventLog;
  /** True when the journal held anything for the task at the first read. */
  journaled: boolean;
  stop(): void;
}

/** Writes the events of this replica's streamed tasks and follows those of tasks running elsewhere. */
export class StreamJournal {
  private readonly store: MemoryStore;
  private readonly opts: Required<Omit<StreamJournalOptions, 'logger' | 'replay' | 'record' | 'writes'>> & Pick<StreamJournalOptions, 'logger' | 'replay'>;
  private readonly groupCommit: WriteBehind;
  private readonly pending = new Map<string, PendingTask>();
  private readonly writes = new Set<Promise<void>>();
  private readonly wakers = new Map<string, Set<() => void>>();
  private subscription?: Promise<{ close(): Promise<void> } | undefined>;
  private closed = false;
  private readonly recording: boolean;

  constructor(store: MemoryStore, opts: StreamJournalOptions) {
    this.store = store;
    const networked = typeof store.subscribe === 'function';
    this.recording = opts.record ?? true;
    const { writes, record: _record, ...rest } = opts;
    this.opts = { flushMs: 50, slots: 128, batchChunks: 32, batchBytes: 32 * 1024, pollMs: networked ? 1000 : 150, endGraceMs: 3000, now: Date.now, ...rest };
    this.groupCommit = writes ?? new WriteBehind(store, { onError: (err, keys) => opts.logger.warn(`could not journal ${keys.length} stream entries (${keys[0]}...): ${errorMessage(err)}`) });
  }

  // ---- writer side ----

  /**
   * Journal every event of a freshly opened log (call before its first event). `newId`: the task's id was made
   * for this run (a random UUID the server generated), so no earlier run can have journaled anything under it
   * and the store is not asked for leftovers.
   */
  record(log: TaskEventLog, opts: { newId?: boolean } = {}): void {
    if (!this.recording) return;
    const id = log.taskId;
    const prev = this.pending.get(id);
    const p: PendingTask = { chunks: [], batchNo: 0, chain: prev?.chain ?? Promise.resolve(), fresh: !opts.newId };
    this.pending.set(id, p);
    log.subscribe((ev: TaskStreamEvent) => {
      if (ev.event === 'start') p.start = ev.wire;
      else if (ev.event === 'chunk' && ev.id !== undefined) p.chunks.push({ seq: ev.id, wire: ev.wire });
      else if (ev.event === 'usage' || ev.event === 'complete' || ev.event === 'error') (p.end ??= []).push({ event: ev.event, wire: ev.wire });
      // the end goes out at once (a follower waits on it); the start and the chunks within flushMs, so a short
      // stream's start and chunks ride in its end entry
      if (ev.event === 'chunk' || ev.event === 'start') this.schedule(id, p);
      else if (ev.event === 'complete' || ev.event === 'error') this.flushTask(id, p, true);
    });
  }

  /** Waits for every journal write issued so far (call before the store closes). */
  async flush(): Promise<void> {
    for (const [id, p] of this.pending) if (p.timer) this.flushTask(id, p);
    while (this.writes.size > 0) {
      void this.groupCommit.flush();
      await Promise.allSettled([...this.writes]);
    }
  }

  private schedule(id: string, p: PendingTask): void {
    if (p.chunks.length >= this.opts.batchChunks * 4) return this.flushTask(id, p);
    if (p.timer) return;
    p.timer = setTimeout(() => this.flushTask(id, p), this.opts.flushMs);
    p.timer.unref();
  }

  private flushTask(id: string, p: PendingTask, last = false): void {
    if (p.timer) clearTimeout(p.timer);
    p.timer = undefined;
    const entries = this.entriesOf(id, p);
    if (last && this.pending.get(id) === p) this.pending.delete(id);
    if (entries.length === 0) return;
    const fresh = p.fresh;
    p.fresh = false;
    const write = p.chain.then(async () => {
      if (fresh) {
        // a task id run again (after an interruption): its old end events and chunks must not leak into this run
        // (in the same commit as the new entries, which replace the deletes of the keys they reuse)
        for (const old of await this.store.query({ partition: TASK_EVENTS_PARTITION, keyPrefix: `${id}/` })) void this.groupCommit.delete(TASK_EVENTS_PARTITION, old.key);
      }
      // strict: a failed commit is reported below, and nothing is announced for it
      await Promise.all(entries.map((e) => this.groupCommit.put(e, { strict: true })));
      await this.store.publish?.(TASK_EVENTS_CHANNEL, id);
    });
    const tracked = write.catch((err: unknown) => {
      this.opts.logger.warn({ taskId: id }, `could not journal the stream events of task ${id}: ${errorMessage(err)}`);
    });
    p.chain = tracked;
    this.writes.add(tracked);
    void tracked.finally(() => this.writes.delete(tracked));
  }

  private entriesOf(id: string, p: PendingTask): MemoryEntry[] {
    const out: MemoryEntry[] = [];
    const ending = !!p.end && p.end.some((e) => e.event === 'complete' || e.event === 'error');
    const start = p.start;
    p.start = undefined;
    if (start && !ending) out.push(this.entry(`${id}/start`, { wire: start }));
    let batch: ChunkBatch | undefined;
    let bytes = 0;
    const close = () => {
      if (!batch) return;
      out.push(this.entry(`${id}/c/${p.batchNo++ % this.opts.slots}`, batch));
      batch = undefined;
      bytes = 0;
    };
    for (const c of p.chunks) {
      if (batch && (batch.wires.length >= this.opts.batchChunks || bytes + c.wire.length > this.opts.batchBytes)) close();
      batch ??= { from: c.seq, wires: [] };
      batch.wires.push(c.wire);
      bytes += c.wire.length;
    }
    p.chunks = [];
    if (ending) {
      // the last batch and an unwritten start ride in the end entry (one row instead of up to three)
      const end: TerminalEvents = { events: p.end!, ...(start ? { start } : {}), ...(batch ? { chunks: batch } : {}) };
      batch = undefined;
      out.push(this.entry(`${id}/end`, end));
      p.end = undefined;
    }
    close();
    return out;
  }

  private entry(key: string, value: unknown): MemoryEntry {
    const now = this.opts.now();
    return {
      partition: TASK_EVENTS_PARTITION, key, value, owner: 'system', accessLevel: AccessLevel.SYSTEM,
      createdAt: now, updatedAt: now, expiresAt: now + Math.round(this.opts.retentionDays * 86_400_000),
    };
  }

  // ---- follower side ----

  /**
   * A mirror of a task's stream from the journal: what is journaled now, then what arrives, until the end events
   * (or, when the task's record ends without them, e.g. its replica died: the terminal events `fromRecord` makes).
   */
  async follow(
    taskId: string,
    readRecord: () => Promise<TaskRecord | undefined>,
    /** Terminal events from the task's record (undefined: the record is gone). */
    fromRecord: (record: TaskRecord | undefined) => Array<{ event: TaskStreamEventName; wire: string }>,
  ): Promise<JournalFollower> {
    const log = new TaskEventLog(taskId, this.opts.replay);
    let cursor: number | undefined;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let reading: Promise<void> | undefined;
    let again = false;
    let lastRecordCheck = 0;

    const stop = () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const set = this.wakers.get(taskId);
      set?.delete(wake);
      if (set?.size === 0) this.wakers.delete(taskId);
    };

    /** One pass over the journal entries written since the last one; true when anything was there. */
    const readOnce = async (): Promise<boolean> => {
      // Rows written in the same millisecond may commit out of order: re-read a margin, duplicates are ignored.
      const since = cursor === undefined ? undefined : cursor - 2000;
      const rows = await this.store.query({ partition: TASK_EVENTS_PARTITION, keyPrefix: `${taskId}/`, since, order: 'oldest' });
      let end: TerminalEvents | undefined;
      const batches: ChunkBatch[] = [];
      for (const r of rows) {
        cursor = Math.max(cursor ?? 0, r.updatedAt);
        const kind = r.key.slice(taskId.length + 1);
        if (kind === 'start') log.mirrorStart((r.value as { wire: string }).wire);
        else if (kind === 'end') {
          end = r.value as TerminalEvents;
          if (end.start) log.mirrorStart(end.start);
          if (end.chunks) batches.push(end.chunks);
        } else batches.push(r.value as ChunkBatch);
      }
      batches.sort((a, b) => a.from - b.from);
      for (const b of batches) b.wires.forEach((wire, i) => log.mirrorChunk(b.from + i, wire));
      if (end) log.mirrorFinish(end.events);
      return rows.length > 0;
    };

    const checkRecord = async (): Promise<void> => {
      const now = this.opts.now();
      if (now - lastRecordCheck < this.opts.pollMs) return;
      lastRecordCheck = now;
      const rec = await readRecord();
      if (!rec) return log.mirrorFinish(fromRecord(undefined));
      // The record can end just before the end events are journaled: give them a moment.
      if (isTerminal(rec.status) && now - (rec.endedAt ?? rec.updatedAt) > this.opts.endGraceMs) {
        await readOnce();
        if (!log.finished) log.mirrorFinish(fromRecord(rec));
      }
    };

    const pass = async (): Promise<void> => {
      do {
        again = false;
        try {
          await readOnce();
          if (!log.finished) await checkRecord();
        } catch (err) {
          this.opts.logger.warn({ taskId }, `could not read the journaled stream of task ${taskId}: ${errorMessage(err)}`);
        }
      } while (again && !stopped && !log.finished);
    };

    const tick = (): void => {
      if (stopped || log.finished || this.closed) return stop();
      if (reading) {
        again = true;
        return;
      }
      if (timer) clearTimeout(timer);
      timer = undefined;
      reading = pass().finally(() => {
        reading = undefined;
        if (stopped || log.finished || this.closed) return stop();
        timer = setTimeout(tick, this.opts.pollMs);
        timer.unref();
      });
    };
    const wake = () => tick();

    const journaled = await readOnce();
    const record = await readRecord();
    if (!log.finished) {
      if (!journaled && record && isTerminal(record.status)) {
        log.mirrorFinish(fromRecord(record));
      } else {
        let set = this.wakers.get(taskId);
        if (!set) this.wakers.set(taskId, (set = new Set()));
        set.add(wake);
        await this.listen();
        tick();
      }
    }
    return { log, journaled, stop };
  }

  /** One LISTEN per replica (PostgreSQL), shared by all followers; after a reconnect every follower re-reads. */
  private listen(): Promise<unknown> {
    if (!this.store.subscribe) return Promise.resolve();
    this.subscription ??= this.store
      .subscribe(
        TASK_EVENTS_CHANNEL,
        (taskId) => this.wakers.get(taskId)?.forEach((w) => w()),
        () => this.wakers.forEach((set) => set.forEach((w) => w())),
      )
      .catch((err: unknown) => {
        this.opts.logger.warn(`task stream notifications unavailable (followers poll every ${this.opts.pollMs} ms): ${errorMessage(err)}`);
        this.subscription = undefined;
        return undefined;
      });
    return this.subscription;
  }

  get followers(): number {
    let n = 0;
    for (const s of this.wakers.values()) n += s.size;
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const set of this.wakers.values()) set.forEach((w) => w());
    this.wakers.clear();
    const sub = await this.subscription;
    this.subscription = undefined;
    await sub?.close();
  }
}
