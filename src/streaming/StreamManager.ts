import type { StreamingConfig } from '../config/schema.js';
import { AqeError, ErrorCodes } from '../errors.js';
import { ProviderError, toProviderError } from '../providers/errors.js';
import type { Provider, ProviderErrorKind, ProviderRequest, ProviderUsage } from '../providers/types.js';
import { countTokens } from '../routing/tokenizer.js';
import { BufferManager } from './BufferManager.js';
import { createRetryPolicy } from './retry.js';
import { StreamSessionHandle, type StreamSession } from './session.js';
import type { StreamCallbacks } from './types.js';

export interface StreamLogger {
  debug(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

export interface AttemptRecord {
  modelName: string;
  mode: 'stream' | 'sync';
  usage?: ProviderUsage;
  error?: { kind: ProviderErrorKind; message: string };
}

export interface StreamOutcome {
  /** The successful attempt's whole output. */
  text: string;
  usage?: ProviderUsage;
  stopReason?: string;
  model?: string;
}

export interface StreamManagerOptions {
  onSession?: (session: StreamSession) => void;
  logger?: StreamLogger;
  /** For tests: random source of the backoff jitter. */
  random?: () => number;
  now?: () => number;
}

/**
 * Streams model output to a consumer through a bounded buffer, with first-chunk and idle timeouts and
 * retries (streaming.retryConfig).
 *
 * Retries never duplicate or reorder what the consumer has (resume-and-skip): each re-attempt's output
 * is compared with the already-delivered prefix and skipped until it passes it; only text past it is
 * delivered, with sequence numbers that continue where they stopped. If a re-attempt's output does not
 * start with the delivered prefix (a non-deterministic model), delivery stops for that attempt, the
 * session is marked prefixMismatch, and the re-attempt's complete text is the final result (given to
 * onComplete); nothing already delivered is repeated.
 */
export class StreamManager {
  private readonly config: StreamingConfig;
  private readonly opts: StreamManagerOptions;

  constructor(config: StreamingConfig, opts: StreamManagerOptions = {}) {
    this.config = config;
    this.opts = opts;
  }

  get streamingConfig(): StreamingConfig {
    return this.config;
  }

  openSession(opts: { taskId?: string; modelName?: string; callbacks?: StreamCallbacks<string> }): StreamSessionHandle {
    return new StreamSessionHandle({ ...opts, now: this.opts.now });
  }

  /** Reports a finished session (the fleet stores it in streaming/sessions). */
  closeSession(session: StreamSessionHandle, status: Parameters<StreamSessionHandle['finish']>[0], info: Parameters<StreamSessionHandle['finish']>[1]): StreamSession {
    const rec = session.finish(status, info);
    try {
      this.opts.onSession?.(rec);
    } catch (err) {
      this.opts.logger?.warn({ err, sessionId: rec.id }, 'onSession callback failed');
    }
    return rec;
  }

  /**
   * Streams one model with retries. Resolves with the successful attempt's output; rejects with the last
   * ProviderError when retries are exhausted or the error is not retryable.
   */
  async stream(
    session: StreamSessionHandle,
    provider: Provider,
    modelName: string,
    request: ProviderRequest,
    signal?: AbortSignal,
    attempts?: AttemptRecord[],
  ): Promise<StreamOutcome> {
    const policy = createRetryPolicy(this.config.retryConfig, {
      random: this.opts.random,
      onRetry: ({ attempt, delayMs, error }) => {
        session.record.retries++;
        this.opts.logger?.debug({ sessionId: session.id, modelName, attempt, delayMs, kind: error.kind }, 'retrying stream');
      },
    });
    return policy.execute(() => this.attempt(session, provider, modelName, request, signal, attempts), signal);
  }

  /** One streaming attempt: producer (provider iterator) -> bounded buffer -> consumer (session). */
  async attempt(
    session: StreamSessionHandle,
    provider: Provider,
    modelName: string,
    request: ProviderRequest,
    signal?: AbortSignal,
    attempts?: AttemptRecord[],
  ): Promise<StreamOutcome> {
    const ctx = { provider: provider.kind, modelName };
    const ctrl = new AbortController();
    const onOuterAbort = () => ctrl.abort(new ProviderError('aborted', `stream from ${modelName} was cancelled`, ctx));
    if (signal?.aborted) onOuterAbort();
    else signal?.addEventListener('abort', onOuterAbort, { once: true });

    const buffer = new BufferManager<string>(this.config);
    const cursor = session.beginAttempt(modelName);
    const outcome: StreamOutcome = { text: '' };
    const record: AttemptRecord = { modelName, mode: 'stream' };
    attempts?.push(record);

    const timeoutMs = this.config.timeoutMs;
    let gotFirst = false;
    let paused = false;
    const timer = setTimeout(function onTimeout() {
      // A producer paused by backpressure is waiting for the consumer, not for the provider.
      if (paused) {
        timer.refresh();
        return;
      }
      const what = gotFirst ? `no chunk for ${timeoutMs} ms mid-stream` : `no first chunk within ${timeoutMs} ms`;
      ctrl.abort(new ProviderError('timeout', `stream from ${modelName} timed out: ${what}`, ctx));
    }, timeoutMs);

    // One abort listener per attempt rejects whatever the producer is waiting on. (Promise.race against a
    // long-lived abort promise would pin every chunk's result until the attempt ends.)
    let rejectWaiting: ((reason: unknown) => void) | undefined;
    const onAbort = () => rejectWaiting?.(ctrl.signal.reason);
    ctrl.signal.addEventListener('abort', onAbort, { once: true });
    const abortable = <V>(p: Promise<V>): Promise<V> => {
      if (ctrl.signal.aborted) return Promise.reject(ctrl.signal.reason);
      return new Promise<V>((resolve, reject) => {
        rejectWaiting = reject;
        p.then(
          (v) => {
            rejectWaiting = undefined;
            resolve(v);
          },
          (e) => {
            rejectWaiting = undefined;
            reject(e);
          },
        );
      });
    };

    const producer = async (): Promise<void> => {
      const it = provider.stream({ ...request, signal: ctrl.signal })[Symbol.asyncIterator]();
      let finished = false;
      try {
        for (;;) {
          const r = await abortable(it.next());
          if (r.done) {
            finished = true;
            break;
          }
          const ev = r.value;
          if (ev.type === 'delta') {
            if (buffer.isCancelled) break;
            gotFirst = true;
            timer.refresh();
            const wait = buffer.push(ev.text);
            if (wait) {
              paused = true;
              await abortable(wait);
              paused = false;
              timer.refresh();
            }
          } else if (ev.type === 'usage') {
            outcome.usage = ev.usage;
            record.usage = ev.usage;
          } else if (ev.type === 'start') {
            outcome.model = ev.model;
          } else if (ev.type === 'stop') {
            outcome.stopReason = ev.stopReason;
          } else if (ev.type === 'error') {
            throw ev.error;
          }
        }
        if (ctrl.signal.aborted) throw ctrl.signal.reason;
        buffer.end();
      } catch (err) {
        // A refusal that is not the provider's (the budget) passes through as itself: it is not retried.
        buffer.fail(err instanceof AqeError && !(err instanceof ProviderError) ? err : toProviderError(err, ctx, ctrl.signal));
      } finally {
        clearTimeout(timer);
        if (!finished) {
          if (!ctrl.signal.aborted) ctrl.abort(new ProviderError('aborted', `stream from ${modelName} was closed`, ctx));
          // Do not await: the iterator may be mid-await on a request we just aborted.
          it.return?.()?.then(undefined, () => {});
        }
      }
    };

    const producing = producer();
    try {
      for (;;) {
        const r = await buffer.next();
        if (r.done) break;
        const p = session.offer(cursor, r.value);
        if (p) await p;
      }
      outcome.text = session.attemptText(cursor);
      return outcome;
    } catch (err) {
      if (err instanceof ProviderError || err instanceof AqeError) {
        if (err instanceof ProviderError) record.error = { kind: err.kind, message: err.message };
        // A stream cut short was still billed for what it generated: count what we saw.
        const soFar = session.attemptSoFar(cursor);
        if (record.usage && soFar) {
          const seen = countTokens(soFar);
          if (seen > record.usage.outputTokens) record.usage = { ...record.usage, outputTokens: seen, estimated: true };
        }
        throw err;
      }
      // The consumer's own callback failed: stop the provider, do not retry.
      buffer.cancel();
      if (!ctrl.signal.aborted) ctrl.abort(new ProviderError('aborted', 'consumer failed', ctx));
      throw new AqeError(ErrorCodes.STREAM, `stream consumer failed: ${err instanceof Error ? err.message : String(err)}`, { modelName }, { cause: err });
    } finally {
      signal?.removeEventListener('abort', onOuterAbort);
      await producing;
      ctrl.signal.removeEventListener('abort', onAbort);
    }
  }
}
