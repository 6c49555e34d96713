import type { ModelConfig } from '../config/schema.js';
import type { QETask } from '../fleet/types.js';
import { ProviderError } from '../providers/errors.js';
import type { CompletionResult, Provider, ProviderEvent, ProviderRequest, ProviderUsage } from '../providers/types.js';
import type { CallReservation, CostTracker } from './CostTracker.js';
import { estimateOutputTokens } from './pricing.js';
import { countTokens } from './tokenizer.js';

/**
 * Our tokenizer approximates BPE tokenizers; where a provider has no count endpoint (OpenAI-compatible
 * servers) its count is raised by this fraction plus LOCAL_COUNT_OVERHEAD tokens per message (role and
 * framing) before it is reserved. The settlement uses the provider's own usage, capped at the reservation.
 */
export const LOCAL_COUNT_MARGIN = 0.3;
export const LOCAL_COUNT_OVERHEAD = 16;
/** max_tokens is at most this many times the task type's typical output (estimateOutputTokens). */
export const OUTPUT_HEADROOM = 2.5;
/** The budget may lower max_tokens down to this fraction of the typical output, not below (refused instead). */
export const MIN_OUTPUT_FRACTION = 0.5;
/** Never ask for fewer than this many output tokens when the work asked for more. */
const MIN_USEFUL_TOKENS = 256;

export interface MeterContext {
  taskId: string;
  agentType: string;
  /** The task, when known: max_tokens follows the work it asks for. */
  task?: QETask;
  complexityScore?: number;
  /** Each settled call's cost (the task adds them up). */
  onSettled?: (cost: number, modelName: string, usage: ProviderUsage) => void;
  /** Each settlement or release in flight, so the task can wait for them before reporting its cost. */
  track?: (p: Promise<unknown>) => void;
  /**
   * Each settled call's ledger write, until its group commit lands. Given, the call does not wait for it (the
   * task waits for it with its terminal record, in one commit); absent, the call waits.
   */
  durable?: (p: Promise<void>) => void;
}

/** The max_tokens to ask for, and the least the budget may lower it to, from the work asked. */
export function chooseMaxTokens(requested: number, model: ModelConfig, task: QETask | undefined, score: number): { maxTokens: number; minTokens: number } {
  let max = Math.min(requested, model.capabilities.maxTokens);
  if (!task) return { maxTokens: max, minTokens: Math.min(max, MIN_USEFUL_TOKENS) };
  const typical = estimateOutputTokens(task, score);
  max = Math.min(max, Math.max(MIN_USEFUL_TOKENS, Math.ceil(typical * OUTPUT_HEADROOM)));
  return { maxTokens: max, minTokens: Math.min(max, Math.max(MIN_USEFUL_TOKENS, Math.ceil(typical * MIN_OUTPUT_FRACTION))) };
}

/** Input tokens by our tokenizer with the margin (for providers without a count endpoint). */
export function localInputBound(request: ProviderRequest): number {
  let n = request.system ? countTokens(request.system) : 0;
  for (const m of request.messages) n += countTokens(m.content);
  return Math.ceil(n * (1 + LOCAL_COUNT_MARGIN)) + LOCAL_COUNT_OVERHEAD * (request.messages.length + 1);
}

/** The offline engine's own count (it bills exactly what it counts). */
function exactLocalInput(request: ProviderRequest): number {
  let n = request.system ? countTokens(request.system) : 0;
  for (const m of request.messages) n += countTokens(m.content);
  return n;
}

/**
 * Wraps a provider so that every call through it (each attempt the retry policy or fallback chain makes)
 * reserves its upper bound first, calls with the max_tokens the reservation allows, and settles what was
 * used: the provider's reported usage, or, when a stream ends early (cancel, timeout, shutdown), the larger
 * of what it reported and the tokens received. Streamed output is counted as it arrives.
 */
export function meterProvider(inner: Provider, model: ModelConfig, costs: CostTracker, ctx: MeterContext): Provider {
  const simulated = inner.kind === 'local';

  const reserve = async (request: ProviderRequest): Promise<CallReservation> => {
    let inputTokens: number;
    if (simulated) inputTokens = exactLocalInput(request);
    else if (inner.countInputTokens) {
      try {
        inputTokens = await inner.countInputTokens(request);
      } catch (err) {
        if (err instanceof ProviderError && (err.kind === 'aborted' || err.kind === 'auth')) throw err;
        inputTokens = localInputBound(request);
      }
    } else inputTokens = localInputBound(request);
    const { maxTokens, minTokens } = chooseMaxTokens(request.maxTokens, model, ctx.task, ctx.complexityScore ?? 0.5);
    return costs.reserveCall(ctx, { modelName: model.name, inputTokens, maxTokens, minTokens, simulated });
  };

  const tracked = <T>(p: Promise<T>): Promise<T> => {
    ctx.track?.(p);
    return p;
  };

  /** The cost is reported at once; the ledger write is handed to ctx.durable, or waited for here. */
  const settle = (r: CallReservation, usage: ProviderUsage): Promise<void> => {
    const { cost, durable } = costs.settleCallNow(r, { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, estimated: !!usage.estimated });
    ctx.onSettled?.(cost, model.name, usage);
    if (!ctx.durable) return durable;
    ctx.durable(durable);
    return Promise.resolve();
  };

  /** A call that failed: billed only when the provider may have done work we cannot see (cut short). */
  const settleFailure = (r: CallReservation, err: unknown): Promise<void> => {
    const cutShort = err instanceof ProviderError ? err.kind === 'aborted' || err.kind === 'timeout' : false;
    if (cutShort && !simulated) return settle(r, { inputTokens: r.inputTokens, outputTokens: 0, estimated: true });
    return tracked(costs.releaseCall(r));
  };

  return {
    name: inner.name,
    kind: inner.kind,
    countInputTokens: inner.countInputTokens?.bind(inner),

    async complete(request: ProviderRequest): Promise<CompletionResult> {
      const r = await reserve(request);
      let res: CompletionResult;
      try {
        res = await inner.complete({ ...request, maxTokens: r.maxTokens });
      } catch (err) {
        await settleFailure(r, err);
        throw err;
      }
      await settle(r, res.usage);
      return res;
    },

    async *stream(request: ProviderRequest): AsyncIterable<ProviderEvent> {
      const r = await reserve(request);
      // Tracked from the start: a cancelled stream unwinds (and settles) after its consumer has given up on it.
      let unwound!: () => void;
      ctx.track?.(new Promise<void>((resolve) => (unwound = resolve)));
      let reported: ProviderUsage | undefined;
      let received = '';
      let failure: unknown;
      let stopped = false;
      try {
        for await (const ev of inner.stream({ ...request, maxTokens: r.maxTokens })) {
          if (ev.type === 'delta') received += ev.text;
          else if (ev.type === 'usage') reported = ev.usage;
          else if (ev.type === 'stop') stopped = true;
          yield ev;
        }
      } catch (err) {
        failure = err;
        throw err;
      } finally {
        try {
          const seen = countTokens(received);
          if (!reported && !received && failure !== undefined) await settleFailure(r, failure);
          else {
            const input = reported?.inputTokens ?? r.inputTokens;
            const output = Math.max(reported?.outputTokens ?? 0, seen);
            // A finished stream's final usage is the provider's; otherwise count what we received.
            const estimated = stopped && reported ? !!reported.estimated : true;
            await settle(r, { inputTokens: input, outputTokens: output, estimated });
          }
        } finally {
          unwound();
        }
      }
    },
  };
}
