import type OpenAI from 'openai';
import { countTokens } from '../routing/tokenizer.js';
import { registerSecret } from '../secrets.js';
import { toProviderError, type ErrorContext } from './errors.js';
import { inputTokensOf } from './local/LocalProvider.js';
import type { CompletionResult, Provider, ProviderEvent, ProviderRequest, ProviderUsage } from './types.js';
import { providerFetch } from './provider-fetch.js';

export interface OpenAICompatibleProviderOptions {
  name: string;
  baseURL: string;
  /** Local servers (Ollama, vLLM, llama.cpp, LM Studio) usually need none. */
  apiKey?: string;
  apiKeyEnv?: string;
  timeoutMs?: number;
}

/**
 * OpenAI-compatible chat completions (Ollama, vLLM, llama.cpp server, LM Studio) on the openai SDK.
 * Streamed usage comes from the final chunk (stream_options.include_usage); servers that send none get
 * our tokenizer's count, marked estimated.
 */
export class OpenAICompatibleProvider implements Provider {
  readonly kind = 'openai-compatible' as const;
  readonly name: string;
  private clientPromise?: Promise<OpenAI>;
  private readonly ctx: ErrorContext;
  private readonly opts: OpenAICompatibleProviderOptions;

  constructor(opts: OpenAICompatibleProviderOptions) {
    registerSecret(opts.apiKey);
    this.name = opts.name;
    this.ctx = { provider: 'openai-compatible', modelName: opts.name, keyEnv: opts.apiKeyEnv ?? 'OPENAI_API_KEY' };
    this.opts = opts;
  }

  /** The SDK loads with the first call, so a fleet that never calls this model never loads it. */
  private client(): Promise<OpenAI> {
    return (this.clientPromise ??= import('openai').then(
      ({ default: OpenAI }) =>
        new OpenAI({
          apiKey: this.opts.apiKey ?? 'not-needed',
          baseURL: this.opts.baseURL,
          maxRetries: 0,
          timeout: this.opts.timeoutMs ?? 10 * 60_000,
          logLevel: 'off',
          fetch: providerFetch(),
        }),
    ));
  }

  private messages(request: ProviderRequest): OpenAI.Chat.Completions.ChatCompletionMessageParam[] {
    const msgs: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [];
    if (request.system) msgs.push({ role: 'system', content: request.system });
    for (const m of request.messages) msgs.push({ role: m.role, content: m.content });
    return msgs;
  }

  async complete(request: ProviderRequest): Promise<CompletionResult> {
    try {
      const res = await (await this.client()).chat.completions.create(
        {
          model: request.model,
          messages: this.messages(request),
          max_tokens: request.maxTokens,
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        },
        { signal: request.signal },
      );
      const text = res.choices[0]?.message?.content ?? '';
      const usage: ProviderUsage = res.usage
        ? { inputTokens: res.usage.prompt_tokens, outputTokens: res.usage.completion_tokens }
        : { inputTokens: inputTokensOf(request), outputTokens: countTokens(text), estimated: true };
      return { text, usage, stopReason: res.choices[0]?.finish_reason ?? 'stop', model: res.model ?? request.model };
    } catch (err) {
      throw toProviderError(err, this.ctx, request.signal);
    }
  }

  async *stream(request: ProviderRequest): AsyncIterable<ProviderEvent> {
    let text = '';
    let usage: ProviderUsage | undefined;
    let stopReason: string | undefined;
    let started = false;
    try {
      const chunks = await (await this.client()).chat.completions.create(
        {
          model: request.model,
          messages: this.messages(request),
          max_tokens: request.maxTokens,
          stream: true,
          stream_options: { include_usage: true },
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        },
        { signal: request.signal },
      );
      for await (const chunk of chunks) {
        if (!started) {
          started = true;
          yield { type: 'start', model: chunk.model ?? request.model, id: chunk.id };
        }
        const choice = chunk.choices?.[0];
        const delta = choice?.delta?.content;
        if (delta) {
          text += delta;
          yield { type: 'delta', text: delta };
        }
        if (choice?.finish_reason) stopReason = choice.finish_reason;
        if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
      }
    } catch (err) {
      throw toProviderError(err, this.ctx, request.signal);
    }
    if (request.signal?.aborted) throw toProviderError(new Error('aborted'), this.ctx, request.signal);
    if (stopReason === undefined) throw toProviderError(new Error('stream ended without a finish_reason (terminated)'), this.ctx);
    yield { type: 'usage', usage: usage ?? { inputTokens: inputTokensOf(request), outputTokens: countTokens(text), estimated: true } };
    yield { type: 'stop', stopReason };
  }
}
