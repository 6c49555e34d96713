import { createHash } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import { LruCache } from '../routing/lru.js';
import { registerSecret } from '../secrets.js';
import { toProviderError, type ErrorContext } from './errors.js';
import type { CompletionResult, Provider, ProviderEvent, ProviderRequest } from './types.js';
import { providerFetch } from './provider-fetch.js';

export interface AnthropicProviderOptions {
  /** The model's name in the config (used in error messages). */
  name: string;
  apiKey: string;
  /** Env var the key came from, named in auth errors (never the key itself). */
  apiKeyEnv?: string;
  baseURL?: string;
  /** SDK request timeout; our streaming timeouts are tighter and handled by StreamManager. */
  timeoutMs?: number;
}

/**
 * Anthropic Messages API on the official SDK. The SDK's own retries are off (maxRetries: 0): our retry
 * policy (streaming.retryConfig) is the only one, so its counts and backoff are true.
 */
export class AnthropicProvider implements Provider {
  readonly kind = 'anthropic' as const;
  readonly name: string;
  private clientPromise?: Promise<Anthropic>;
  private readonly ctx: ErrorContext;
  private readonly opts: AnthropicProviderOptions;
  /** Input token counts by content hash: the count is a pure function of model, system and messages. */
  private readonly counted = new LruCache<string, number>(1024);

  constructor(opts: AnthropicProviderOptions) {
    registerSecret(opts.apiKey);
    this.name = opts.name;
    this.ctx = { provider: 'anthropic', modelName: opts.name, keyEnv: opts.apiKeyEnv ?? 'ANTHROPIC_API_KEY' };
    this.opts = opts;
  }

  /** The SDK (~15 MB) loads with the first call, so a fleet on the offline engine never loads it. */
  private client(): Promise<Anthropic> {
    return (this.clientPromise ??= import('@anthropic-ai/sdk').then(
      ({ default: Anthropic }) =>
        new Anthropic({
          apiKey: this.opts.apiKey,
          baseURL: this.opts.baseURL,
          maxRetries: 0,
          timeout: this.opts.timeoutMs ?? 10 * 60_000,
          logLevel: 'off',
          fetch: providerFetch(),
        }),
    ));
  }

  private params(request: ProviderRequest) {
    return {
      model: request.model,
      max_tokens: request.maxTokens,
      messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
      ...(request.system ? { system: request.system } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    };
  }

  /**
   * POST /v1/messages/count_tokens: free, and the count /v1/messages will bill. Asked once per distinct
   * content (model, system, messages), not once per call.
   */
  async countInputTokens(request: ProviderRequest): Promise<number> {
    try {
      const { max_tokens: _max, temperature: _t, ...params } = this.params(request);
      const key = createHash('sha256').update(JSON.stringify(params)).digest('base64');
      const known = this.counted.get(key);
      if (known !== undefined) return known;
      const res = await (await this.client()).messages.countTokens(params, { signal: request.signal });
      this.counted.set(key, res.input_tokens);
      return res.input_tokens;
    } catch (err) {
      throw toProviderError(err, this.ctx, request.signal);
    }
  }

  async complete(request: ProviderRequest): Promise<CompletionResult> {
    try {
      const msg = await (await this.client()).messages.create({ ...this.params(request), stream: false }, { signal: request.signal });
      let text = '';
      for (const block of msg.content) if (block.type === 'text') text += block.text;
      return {
        text,
        usage: { inputTokens: msg.usage.input_tokens, outputTokens: msg.usage.output_tokens },
        stopReason: msg.stop_reason ?? 'end_turn',
        model: msg.model,
      };
    } catch (err) {
      throw toProviderError(err, this.ctx, request.signal);
    }
  }

  async *stream(request: ProviderRequest): AsyncIterable<ProviderEvent> {
    let inputTokens = 0;
    let outputTokens = 0;
    let stopped = false;
    try {
      const events = await (await this.client()).messages.create({ ...this.params(request), stream: true }, { signal: request.signal });
      for await (const ev of events) {
        switch (ev.type) {
          case 'message_start':
            inputTokens = ev.message.usage.input_tokens;
            outputTokens = ev.message.usage.output_tokens ?? 0;
            yield { type: 'start', model: ev.message.model, id: ev.message.id };
            yield { type: 'usage', usage: { inputTokens, outputTokens } };
            break;
          case 'content_block_delta':
            if (ev.delta.type === 'text_delta' && ev.delta.text) yield { type: 'delta', text: ev.delta.text };
            break;
          case 'message_delta':
            // output_tokens is cumulative; input_tokens may be restated.
            outputTokens = ev.usage.output_tokens ?? outputTokens;
            if (typeof ev.usage.input_tokens === 'number') inputTokens = ev.usage.input_tokens;
            yield { type: 'usage', usage: { inputTokens, outputTokens } };
            if (ev.delta.stop_reason) {
              stopped = true;
              yield { type: 'stop', stopReason: ev.delta.stop_reason };
            }
            break;
          case 'message_stop':
            if (!stopped) yield { type: 'stop', stopReason: 'end_turn' };
            stopped = true;
            break;
          default:
            break;
        }
      }
    } catch (err) {
      throw toProviderError(err, this.ctx, request.signal);
    }
    // The SDK ends the iteration quietly when its request is aborted: that is not a completed message.
    if (request.signal?.aborted) throw toProviderError(new Error('aborted'), this.ctx, request.signal);
    if (!stopped) throw toProviderError(new Error('stream ended before message_stop (terminated)'), this.ctx);
  }
}
