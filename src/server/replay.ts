/**
 * Per-task event logs for SSE: each task streamed over HTTP gets a log holding its start event, a bounded
 * window of its most recent chunks and its terminal events. A client that reconnects with Last-Event-ID
 * (the sequence number of the last chunk it received) is replayed what it missed from the log, then follows
 * the live rest. Every event is serialized once, however many clients read it.
 */

export type TaskStreamEventName = 'start' | 'chunk' | 'gap' | 'usage' | 'complete' | 'error';

export interface TaskStreamEvent {
  event: TaskStreamEventName;
  /** Chunk sequence number (1-based, gap-free per task); only chunks carry an id. */
  id?: number;
  /** The event exactly as written on the wire. */
  wire: string;
  /** Chunk text length (for the replay window's byte bound). */
  size?: number;
}

export function formatSseEvent(event: TaskStreamEventName, data: unknown, id?: number): string {
  return `event: ${event}\n${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`;
}

export type TaskStreamListener = (ev: TaskStreamEvent) => void;

export interface ReplayLimits {
  /** Most chunks kept per task for replay (oldest dropped first). */
  maxChunks: number;
  /** Most chunk text bytes (UTF-16 code units, as a cheap proxy) kept per task. */
  maxBytes: number;
}

export class TaskEventLog {
  readonly taskId: string;
  private startEvent?: TaskStreamEvent;
  private readonly chunks: TaskStreamEvent[] = [];
  /** Index in `chunks` of the oldest chunk still kept (the array is compacted in batches). */
  private head = 0;
  private bytes = 0;
  private lastSeq = 0;
  private terminal: TaskStreamEvent[] = [];
  private readonly listeners = new Set<TaskStreamListener>();
  finishedAt?: number;

  constructor(taskId: string, private readonly limits: ReplayLimits) {
    this.taskId = taskId;
  }

  get finished(): boolean {
    return this.finishedAt !== undefined;
  }

  /** Sequence number of the newest chunk (0 before the first). */
  get latestSeq(): number {
    return this.lastSeq;
  }

  /** Sequence number of the oldest chunk still replayable. */
  get oldestSeq(): number {
    return this.lastSeq - (this.chunks.length - this.head) + 1;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  start(data: Record<string, unknown>): void {
    if (this.startEvent || this.finished) return;
    this.startEvent = { event: 'start', wire: formatSseEvent('start', data) };
    this.emit(this.startEvent);
  }

  /** Append a chunk; returns its sequence number. */
  chunk(text: string, extra: Record<string, unknown> = {}): number {
    if (this.finished) return this.lastSeq;
    const seq = ++this.lastSeq;
    const ev: TaskStreamEvent = { event: 'chunk', id: seq, wire: formatSseEvent('chunk', { seq, text, ...extra }, seq), size: text.length };
    this.chunks.push(ev);
    this.bytes += text.length;
    this.evict();
    this.emit(ev);
    return seq;
  }

  /** The task ended: the terminal events (usage and complete, or error) close every listener's stream. */
  finish(events: Array<{ event: 'usage' | 'complete' | 'error'; data: unknown }>): void {
    if (this.finished) return;
    this.finishedAt = Date.now();
    this.terminal = events.map((e) => ({ event: e.event, wire: formatSseEvent(e.event, e.data) }));
    for (const ev of this.terminal) this.emit(ev);
    this.listeners.clear();
  }

  /**
   * What a client that has seen everything up to chunk `afterSeq` (and the start event when `startSent`)
   * is missing: the start event, a gap notice when chunks it missed were already dropped, the buffered chunks
   * after afterSeq, and the terminal events once the task has ended.
   */
  eventsAfter(afterSeq: number, startSent: boolean): TaskStreamEvent[] {
    const out: TaskStreamEvent[] = [];
    if (!startSent && this.startEvent) out.push(this.startEvent);
    const oldest = this.oldestSeq;
    if (afterSeq + 1 < oldest && this.lastSeq > afterSeq) {
      const data = { from: afterSeq + 1, to: oldest - 1, reason: 'chunks no longer buffered; GET /v1/tasks/:id has the full result once the task ends' };
      out.push({ event: 'gap', id: oldest - 1, wire: formatSseEvent('gap', data, oldest - 1) });
    }
    const live = this.chunks.length - this.head;
    const skip = Math.max(0, afterSeq - oldest + 1);
    for (let i = this.head + Math.min(skip, live); i < this.chunks.length; i++) out.push(this.chunks[i]);
    out.push(...this.terminal);
    return out;
  }

  /**
   * Mirror side (a log fed from another replica's journal, see stream-journal.ts): events arrive already
   * serialized with their sequence numbers. A chunk after a hole (what was missed was overwritten in the
   * journal) restarts the window there, so eventsAfter reports the hole as a gap.
   */
  mirrorStart(wire: string): void {
    if (this.startEvent || this.finished) return;
    this.startEvent = { event: 'start', wire };
    this.emit(this.startEvent);
  }

  mirrorChunk(seq: number, wire: string): void {
    if (this.finished || seq <= this.lastSeq) return;
    if (seq !== this.lastSeq + 1) {
      this.chunks.length = 0;
      this.head = 0;
      this.bytes = 0;
    }
    this.lastSeq = seq;
    const ev: TaskStreamEvent = { event: 'chunk', id: seq, wire, size: wire.length };
    this.chunks.push(ev);
    this.bytes += wire.length;
    this.evict();
    this.emit(ev);
  }

  mirrorFinish(events: Array<{ event: TaskStreamEventName; wire: string }>): void {
    if (this.finished) return;
    this.finishedAt = Date.now();
    this.terminal = events.map((e) => ({ event: e.event, wire: e.wire }));
    for (const ev of this.terminal) this.emit(ev);
    this.listeners.clear();
  }

  /** Follow live events; returns the unsubscribe function. A finished log has no live events. */
  subscribe(listener: TaskStreamListener): () => void {
    if (this.finished) return () => undefined;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(ev: TaskStreamEvent): void {
    for (const l of this.listeners) l(ev);
  }

  private evict(): void {
    const { maxChunks, maxBytes } = this.limits;
    while (this.chunks.length - this.head > 1 && (this.chunks.length - this.head > maxChunks || this.bytes > maxBytes)) {
      const ev = this.chunks[this.head];
      this.bytes -= ev.size ?? 0;
      this.head++;
    }
    if (this.head > 256 && this.head * 2 > this.chunks.length) {
      this.chunks.splice(0, this.head);
      this.head = 0;
    }
  }
}

export interface StreamHubOptions extends ReplayLimits {
  /** How long a finished task's log stays available for reconnects. */
  retentionMs: number;
  /** Most finished logs kept (oldest dropped first). */
  maxFinished: number;
}

export const DEFAULT_REPLAY: StreamHubOptions = { maxChunks: 1024, maxBytes: 1 << 20, retentionMs: 60_000, maxFinished: 1000 };

/** All task event logs of one server. */
export class StreamHub {
  private readonly logs = new Map<string, TaskEventLog>();
  private readonly finishedOrder: TaskEventLog[] = [];
  private readonly opts: StreamHubOptions;

  constructor(opts: Partial<StreamHubOptions> = {}) {
    this.opts = { ...DEFAULT_REPLAY, ...opts };
  }

  /** A fresh log for a task (replacing a finished one with the same id). */
  open(taskId: string): TaskEventLog {
    this.sweep();
    const log = new TaskEventLog(taskId, this.opts);
    this.logs.set(taskId, log);
    return log;
  }

  get(taskId: string): TaskEventLog | undefined {
    return this.logs.get(taskId);
  }

  /** Call after log.finish(): schedules the log's removal after the retention period. */
  retire(log: TaskEventLog): void {
    this.finishedOrder.push(log);
    this.sweep();
  }

  get size(): number {
    return this.logs.size;
  }

  private sweep(now = Date.now()): void {
    const { retentionMs, maxFinished } = this.opts;
    while (this.finishedOrder.length > 0) {
      const oldest = this.finishedOrder[0];
      if (this.finishedOrder.length <= maxFinished && now - (oldest.finishedAt ?? now) < retentionMs) break;
      this.finishedOrder.shift();
      if (this.logs.get(oldest.taskId) === oldest) this.logs.delete(oldest.taskId);
    }
  }
}
