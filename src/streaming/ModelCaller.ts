import type { ModelConfig, StreamingConfig } from '../config/schema.js';
import { AqeError, ErrorCodes, errorMessage } from '../errors.js';
import type { ModelSelection } from '../fleet/types.js';
import { ProviderError, toProviderError } from '../providers/errors.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { Provider, ProviderErrorKind, ProviderRequest, ProviderUsage } from '../providers/types.js';
import { countTokens } from '../routing/tokenizer.js';
import type { RetryPolicy } from 'cockatiel';
import { createRetryPolicy } from './retry.js';
import type { StreamSession, StreamSessionHandle } from './session.js';
import { StreamManager, type AttemptRecord, type StreamLogger } from './StreamManager.js';
import type { StreamCallbacks } from './types.js';

export interface ModelCallOptions {
  taskId: string;
  selection: ModelSelection;
  request: Omit<ProviderRequest, 'model' | 'signal'>;
  stream: boolean;
  callbacks?: StreamCallbacks;
  signal?: AbortSignal;
  /**
   * Wraps each model's provider (the fleet's cost meter: every attempt, retry and fallback reserves its
   * upper bound before calling and settles after).
   */
  meter?: (provider: Provider, modelName: string) => Provider;
}

export interface ModelCallResult {
  text: string;
  /** Usage of the attempt that produced `text`; `attempts` has every attempt's usage for cost. */
  usage: ProviderUsage;
  modelName: string;
  streamed: boolean;
  fellBackToSync: boolean;
  chunks: number;
  ttfcMs?: number;
  sessionId?: string;
  /** A re-attempt's text did not extend what had already been streamed (see StreamManager). */
  prefixMismatch?: boolean;
  attempts: AttemptRecord[];
}

export interface FallbackInfo {
  taskId: string;
  modelName: string;
  reason: 'stream_failed' | 'cannot_stream';
  error?: { kind: ProviderErrorKind; message: string };
}

export interface ModelCallerOptions {
  streaming: StreamingConfig;
  providers: ProviderRegistry;
  models: ModelConfig[];
  onSession?: (s: StreamSession) => void;
  /** Called when a streamed call continues synchronously (the fleet emits 'stream:fallback'). */
  onFallback?: (info: FallbackInfo) => void;
  logger?: StreamLogger;
  /** For tests: random source of the backoff jitter. */
  random?: () => number;
}

/**
 * The single way the fleet calls a model: retry policy, streaming with sync fallback, and model
 * fallbacks (selection.fallbacks, in order) when a model fails for good with a retryable error.
 * Errors that retrying cannot fix (auth, invalid request, cancellation) are thrown at once.
 */
export class ModelCaller {
  readonly streamManager: StreamManager;
  private readonly opts: ModelCallerOptions;
  private readonly models: Map<string, ModelConfig>;
  /** Depends on the config only: built once, not per call. */
  private readonly retryPolicy: RetryPolicy;

  constructor(opts: ModelCallerOptions) {
    this.opts = opts;
    this.retryPolicy = createRetryPolicy(opts.streaming.retryConfig, { random: opts.random });
    this.models = new Map(opts.models.map((m) => [m.name, m] as const));
    this.streamManager = new StreamManager(opts.streaming, { onSession: opts.onSession, logger: opts.logger, random: opts.random });
  }

  async call(opts: ModelCallOptions): Promise<ModelCallResult> {
    const chain = [opts.selection.modelName, ...opts.selection.fallbacks.filter((n) => n !== opts.selection.modelName)];
    const attempts: AttemptRecord[] = [];
    const callbacks = opts.callbacks as StreamCallbacks<string> | undefined;
    const session = opts.stream ? this.streamManager.openSession({ taskId: opts.taskId, modelName: chain[0], callbacks }) : undefined;
    session?.start();
    let lastError: unknown;

    for (const modelName of chain) {
      let provider: Provider;
      try {
        provider = this.opts.providers.get(modelName);
        if (opts.meter) provider = opts.meter(provider, modelName);
      } catch (err) {
        return this.fail(session, callbacks, err, modelName);
      }
      const model = this.models.get(modelName) ?? this.opts.providers.model(modelName);
      const request: ProviderRequest = { ...opts.request, model: model?.model ?? modelName };
      const canStream = model?.capabilities.supportsStreaming ?? true;
      let fellBack = false;
      try {
        if (session && canStream) {
          try {
            const out = await this.streamManager.stream(session, provider, modelName, request, opts.signal, attempts);
            const usage = out.usage ?? estimateUsage(request, out.text);
            return this.succeed(session, callbacks, { text: out.text, usage, modelName, model: out.model, streamed: true, fellBackToSync: false, attempts });
          } catch (err) {
            const pe = asProviderError(err, provider, modelName, opts.signal);
            if (!pe || !pe.isRetryable) throw err;
            fellBack = true;
            this.notifyFallback({ taskId: opts.taskId, modelName, reason: 'stream_failed', error: { kind: pe.kind, message: pe.message } });
          }
        } else if (session) {
          fellBack = true;
          this.notifyFallback({ taskId: opts.taskId, modelName, reason: 'cannot_stream' });
        }
        const res = await this.completeWithRetry(provider, modelName, request, opts.signal, attempts, session);
        if (session) {
          // Deliver only what the consumer does not have yet (resume-and-skip on the whole text).
          const p = session.offerWhole(res.text);
          if (p) await p;
        }
        return this.succeed(session, callbacks, {
          text: res.text,
          usage: res.usage,
          modelName,
          model: res.model,
          streamed: session !== undefined && session.record.lastSeq > 0,
          fellBackToSync: session !== undefined && fellBack,
          attempts,
        });
      } catch (err) {
        const pe = asProviderError(err, provider, modelName, opts.signal);
        if (!pe || !pe.isRetryable) return this.fail(session, callbacks, pe ?? err, modelName);
        lastError = pe;
        this.opts.logger?.warn({ taskId: opts.taskId, modelName, kind: pe.kind }, 'model failed; trying the next fallback');
      }
    }
    return this.fail(session, callbacks, lastError, chain[chain.length - 1]);
  }

  private async completeWithRetry(
    provider: Provider,
    modelName: string,
    request: ProviderRequest,
    signal: AbortSignal | undefined,
    attempts: AttemptRecord[],
    session: StreamSessionHandle | undefined,
  ) {
    return this.retryPolicy.execute(async ({ attempt }) => {
      if (attempt > 0 && session) session.record.retries++;
      const record: AttemptRecord = { modelName, mode: 'sync' };
      attempts.push(record);
      if (session) session.beginAttempt(modelName);
      try {
        const res = await provider.complete({ ...request, signal });
        record.usage = res.usage;
        return res;
      } catch (err) {
        // Not a provider failure (e.g. the budget refused the call): no retry, no wrapping.
        if (err instanceof AqeError && !(err instanceof ProviderError)) throw err;
        const pe = toProviderError(err, { provider: provider.kind, modelName }, signal);
        record.error = { kind: pe.kind, message: pe.message };
        throw pe;
      }
    }, signal);
  }

  private notifyFallback(info: FallbackInfo): void {
    if (this.opts.logger) this.opts.logger.warn(info, 'streaming fell back to a synchronous call');
    try {
      this.opts.onFallback?.(info);
    } catch {}
  }

  private succeed(
    session: StreamSessionHandle | undefined,
    callbacks: StreamCallbacks<string> | undefined,
    r: { text: string; usage: ProviderUsage; modelName: string; model?: string; streamed: boolean; fellBackToSync: boolean; attempts: AttemptRecord[] },
  ): ModelCallResult {
    let rec: StreamSession | undefined;
    if (session) {
      session.record.fellBackToSync = r.fellBackToSync;
      rec = this.streamManager.closeSession(session, r.fellBackToSync ? 'fell_back' : 'completed', {
        modelName: r.modelName,
        model: r.model,
        usage: r.usage,
      });
    }
    callbacks?.onComplete?.({ streamId: rec?.id, data: r.text, usage: r.usage, chunks: rec?.lastSeq ?? 0 });
    return {
      text: r.text,
      usage: r.usage,
      modelName: r.modelName,
      streamed: r.streamed,
      fellBackToSync: r.fellBackToSync,
      chunks: rec?.lastSeq ?? 0,
      ttfcMs: rec?.ttfcMs,
      sessionId: rec?.id,
      ...(rec?.prefixMismatch ? { prefixMismatch: true } : {}),
      attempts: r.attempts,
    };
  }

  private fail(session: StreamSessionHandle | undefined, callbacks: StreamCallbacks<string> | undefined, err: unknown, modelName: string): never {
    const error =
      err instanceof AqeError ? err : new AqeError(ErrorCodes.PROVIDER, `model call failed: ${errorMessage(err)}`, { modelName }, { cause: err });
    if (session) {
      const kind = error instanceof ProviderError ? error.kind : undefined;
      this.streamManager.closeSession(session, kind === 'aborted' ? 'cancelled' : 'failed', {
        modelName,
        error: { kind, code: error.code, message: error.message },
      });
    }
    try {
      callbacks?.onError?.(error);
    } catch {}
    throw error;
  }
}

function asProviderError(err: unknown, provider: Provider, modelName: string, signal?: AbortSignal): ProviderError | undefined {
  if (err instanceof ProviderError) return err;
  if (err instanceof AqeError) return undefined;
  return toProviderError(err, { provider: provider.kind, modelName }, signal);
}

function estimateUsage(request: ProviderRequest, text: string): ProviderUsage {
  let input = request.system ? countTokens(request.system) : 0;
  for (const m of request.messages) input += countTokens(m.content);
  return { inputTokens: input, outputTokens: countTokens(text), estimated: true };
}
