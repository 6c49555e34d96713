import type { ProviderErrorKind, ProviderUsage } from '../providers/types.js';
import type { StreamCallbacks } from './types.js';
import { timeOrderedId } from '../ids.js';

export type StreamSessionState = 'open' | 'streaming' | 'completed' | 'failed' | 'cancelled';
/** completed: streamed to the end; fell_back: finished synchronously after streaming failed or was not possible. */
export type StreamSessionStatus = 'completed' | 'fell_back' | 'failed' | 'cancelled';

/** What the fleet records in streaming/sessions. */
export interface StreamSession {
  id: string;
  taskId?: string;
  /** The model that produced the final text (or the last one tried). */
  modelName?: string;
  model?: string;
  state: StreamSessionState;
  status?: StreamSessionStatus;
  startedAt: number;
  firstChunkAt?: number;
  endedAt?: number;
  ttfcMs?: number;
  /** Last sequence number delivered (= chunks delivered; seq is 1-based and gap-free). */
  lastSeq: number;
  chars: number;
  attempts: number;
  retries: number;
  fellBackToSync: boolean;
  /** A re-attempt produced text that did not start with what the consumer already had (see StreamManager). */
  prefixMismatch: boolean;
  modelsTried: string[];
  usage?: ProviderUsage;
  error?: { kind?: ProviderErrorKind; code?: string; message: string };
}

/** Where one attempt's output stands relative to what the consumer already has. */
export interface AttemptCursor {
  /** Characters of this attempt's output seen so far. */
  pos: number;
  mismatch: boolean;
  /** The attempt's own text, kept only once it diverged from the delivered text (else it is a prefix of it). */
  text?: string;
}

/**
 * Delivery state of one streamed model call: sequence numbers, the text the consumer has, and the
 * resume-and-skip rule that keeps retries from duplicating or reordering it.
 */
export class StreamSessionHandle {
  readonly record: StreamSession;
  private delivered = '';
  private readonly callbacks: StreamCallbacks<string> | undefined;
  private readonly now: () => number;

  constructor(opts: { taskId?: string; modelName?: string; callbacks?: StreamCallbacks<string>; now?: () => number; id?: string }) {
    this.now = opts.now ?? Date.now;
    this.callbacks = opts.callbacks;
    this.record = {
      id: opts.id ?? timeOrderedId(),
      taskId: opts.taskId,
      modelName: opts.modelName,
      state: 'open',
      startedAt: this.now(),
      lastSeq: 0,
      chars: 0,
      attempts: 0,
      retries: 0,
      fellBackToSync: false,
      prefixMismatch: false,
      modelsTried: [],
    };
  }

  get id(): string {
    return this.record.id;
  }

  get deliveredText(): string {
    return this.delivered;
  }

  start(): void {
    this.record.state = 'streaming';
    this.callbacks?.onStart?.({ streamId: this.record.id, taskId: this.record.taskId, model: this.record.modelName, startedAt: this.record.startedAt });
  }

  beginAttempt(modelName: string): AttemptCursor {
    this.record.attempts++;
    if (!this.record.modelsTried.includes(modelName)) this.record.modelsTried.push(modelName);
    return { pos: 0, mismatch: false };
  }

  /**
   * Offers a piece of an attempt's output. Output the consumer already has is skipped after checking it
   * matches; only text past the delivered prefix is delivered. A mismatch stops delivery for this attempt.
   */
  offer(cursor: AttemptCursor, piece: string): void | Promise<void> {
    if (cursor.mismatch) {
      cursor.text += piece;
      return;
    }
    const start = cursor.pos;
    cursor.pos += piece.length;
    const have = this.delivered.length;
    if (start >= have) return this.deliver(piece);
    if (cursor.pos <= have) {
      if (!this.delivered.startsWith(piece, start)) this.markMismatch(cursor, start, piece);
      return;
    }
    const overlap = have - start;
    if (!this.delivered.startsWith(piece.slice(0, overlap), start)) {
      this.markMismatch(cursor, start, piece);
      return;
    }
    return this.deliver(piece.slice(overlap));
  }

  /** The attempt's output so far. */
  attemptSoFar(cursor: AttemptCursor): string {
    return cursor.mismatch ? (cursor.text ?? '') : this.delivered.slice(0, cursor.pos);
  }

  /** The attempt's complete output, once it ended; an output shorter than what was delivered is a mismatch too. */
  attemptText(cursor: AttemptCursor): string {
    if (!cursor.mismatch && cursor.pos < this.delivered.length) {
      cursor.mismatch = true;
      cursor.text = this.delivered.slice(0, cursor.pos);
      this.record.prefixMismatch = true;
    }
    return this.attemptSoFar(cursor);
  }

  /** After a synchronous call: delivers only what the consumer does not have yet. */
  offerWhole(text: string): void | Promise<void> {
    if (!text.startsWith(this.delivered)) {
      this.record.prefixMismatch = true;
      return;
    }
    return this.deliver(text.slice(this.delivered.length));
  }

  /** True when `text` extends what the consumer has (so the chunks concatenate to the final text). */
  consistentWith(text: string): boolean {
    return text.startsWith(this.delivered);
  }

  private markMismatch(cursor: AttemptCursor, start: number, piece: string): void {
    cursor.mismatch = true;
    cursor.text = this.delivered.slice(0, start) + piece;
    this.record.prefixMismatch = true;
  }

  private deliver(text: string): void | Promise<void> {
    if (text.length === 0) return;
    const t = this.now();
    if (this.record.firstChunkAt === undefined) {
      this.record.firstChunkAt = t;
      this.record.ttfcMs = t - this.record.startedAt;
    }
    this.delivered += text;
    this.record.chars += text.length;
    const seq = ++this.record.lastSeq;
    const r = this.callbacks?.onChunk?.({ streamId: this.record.id, seq, text, elapsedMs: t - this.record.startedAt }) as unknown;
    // A consumer may return a promise from onChunk to slow the stream down (backpressure).
    if (r && typeof (r as Promise<void>).then === 'function') return r as Promise<void>;
  }

  finish(status: StreamSessionStatus, info: { modelName?: string; model?: string; usage?: ProviderUsage; text?: string; error?: StreamSession['error'] }): StreamSession {
    const rec = this.record;
    rec.status = status;
    rec.state = status === 'completed' || status === 'fell_back' ? 'completed' : status === 'cancelled' ? 'cancelled' : 'failed';
    rec.endedAt = this.now();
    if (info.modelName) rec.modelName = info.modelName;
    if (info.model) rec.model = info.model;
    if (info.usage) rec.usage = info.usage;
    if (info.error) rec.error = info.error;
    return { ...rec, modelsTried: [...rec.modelsTried] };
  }
}
