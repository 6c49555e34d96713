import { countTokens } from '../../routing/tokenizer.js';
import { chunkText } from '../chunk.js';
import { ProviderError } from '../errors.js';
import type { CompletionResult, Provider, ProviderEvent, ProviderRequest, ProviderUsage } from '../types.js';
import { asTask, defaultOfflineReport } from './default-handler.js';
import { offlineHandlerFor } from './handlers.js';

export interface LocalProviderOptions {
  /** Target characters per streamed chunk (chunks are 1/2x..2x this, cut at whitespace). Default 32. */
  chunkChars?: number;
  /** Optional pause between chunks, to pace output like a remote model (default 0: just yield the loop). */
  chunkDelayMs?: number;
}

/**
 * The offline engine as a provider: runs the registered offline handler for the task's type (or the default
 * analysis report) and streams its text in chunks, yielding to the event loop between chunks. Usage comes
 * from the same tokenizer as the cost estimates and is marked `estimated`.
 */
export class LocalProvider implements Provider {
  readonly kind = 'local' as const;
  readonly name: string;
  private readonly chunkChars: number;
  private readonly chunkDelayMs: number;

  constructor(name = 'local', opts: LocalProviderOptions = {}) {
    this.name = name;
    this.chunkChars = opts.chunkChars ?? 32;
    this.chunkDelayMs = opts.chunkDelayMs ?? 0;
  }

  async complete(request: ProviderRequest): Promise<CompletionResult> {
    this.throwIfAborted(request.signal);
    const text = await this.produce(request);
    this.throwIfAborted(request.signal);
    return { text, usage: this.usageOf(request, text), stopReason: 'end_turn', model: request.model };
  }

  async *stream(request: ProviderRequest): AsyncIterable<ProviderEvent> {
    this.throwIfAborted(request.signal);
    const inputTokens = inputTokensOf(request);
    yield { type: 'start', model: request.model };
    yield { type: 'usage', usage: { inputTokens, outputTokens: 0, estimated: true } };
    const text = await this.produce(request);
    for (const piece of chunkText(text, this.chunkChars)) {
      await this.pause();
      this.throwIfAborted(request.signal);
      yield { type: 'delta', text: piece };
    }
    // Counted on the whole text so streamed and synchronous usage agree exactly.
    yield { type: 'usage', usage: this.usageOf(request, text) };
    yield { type: 'stop', stopReason: 'end_turn' };
  }

  private async produce(request: ProviderRequest): Promise<string> {
    const task = asTask(request.task);
    const handler = task ? offlineHandlerFor(task.type) : undefined;
    if (task && handler) return await handler(task, request);
    return defaultOfflineReport(task, request);
  }

  private usageOf(request: ProviderRequest, text: string): ProviderUsage {
    return { inputTokens: inputTokensOf(request), outputTokens: countTokens(text), estimated: true };
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => (this.chunkDelayMs > 0 ? setTimeout(resolve, this.chunkDelayMs) : setImmediate(resolve)));
  }

  private throwIfAborted(signal: AbortSignal | undefined): void {
    if (!signal?.aborted) return;
    if (signal.reason instanceof ProviderError) throw signal.reason;
    throw new ProviderError('aborted', `request to local model ${this.name} was cancelled`, { provider: 'local', modelName: this.name });
  }
}

export function inputTokensOf(request: ProviderRequest): number {
  let n = request.system ? countTokens(request.system) : 0;
  for (const m of request.messages) n += countTokens(m.content);
  return n;
}
