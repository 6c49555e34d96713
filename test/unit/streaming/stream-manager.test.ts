import { describe, expect, it } from 'vitest';
import { StreamingSchema } from '../../../src/config/schema.js';
import { ProviderError } from '../../../src/providers/errors.js';
import type { CompletionResult, Provider, ProviderEvent, ProviderRequest } from '../../../src/providers/types.js';
import { StreamManager } from '../../../src/streaming/StreamManager.js';
import type { StreamChunk } from '../../../src/streaming/types.js';

const request: ProviderRequest = { model: 'm', messages: [{ role: 'user', content: 'q' }], maxTokens: 10 };
const config = (over: Record<string, unknown> = {}) =>
  StreamingSchema.parse({ enabled: true, bufferSize: 8, backpressureThreshold: 0.5, timeoutMs: 1000, retryConfig: { maxRetries: 2, backoffMs: 1, jitter: 0 }, ...over });

/** A provider scripted per attempt: pieces to yield and an optional failure after N pieces. */
class ScriptedProvider implements Provider {
  readonly name = 'scripted';
  readonly kind = 'anthropic' as const;
  pulled = 0;
  attempts = 0;
  constructor(private readonly scripts: Array<{ pieces: string[]; failAfter?: number }>) {}
  async complete(): Promise<CompletionResult> {
    throw new Error('not used');
  }
  async *stream(): AsyncIterable<ProviderEvent> {
    const s = this.scripts[Math.min(this.attempts++, this.scripts.length - 1)];
    yield { type: 'start', model: 'm' };
    for (let i = 0; i < s.pieces.length; i++) {
      if (s.failAfter === i) throw new ProviderError('network', 'connection dropped');
      this.pulled++;
      await Promise.resolve();
      yield { type: 'delta', text: s.pieces[i] };
    }
    yield { type: 'usage', usage: { inputTokens: 3, outputTokens: s.pieces.length } };
    yield { type: 'stop', stopReason: 'end_turn' };
  }
}

describe('StreamManager', () => {
  it('keeps the provider paused while a slow consumer holds the buffer (memory stays bounded)', async () => {
    const pieces = Array.from({ length: 200 }, (_, i) => `p${i};`);
    const provider = new ScriptedProvider([{ pieces }]);
    const sm = new StreamManager(config());
    let release!: () => void;
    let gate = new Promise<void>((r) => (release = r));
    const got: string[] = [];
    const session = sm.openSession({
      callbacks: {
        onChunk: (c: StreamChunk) => {
          got.push(c.text);
          return got.length === 1 ? gate : undefined;
        },
      },
    });
    const done = sm.stream(session, provider, 'm', request);
    // Let the producer run as far as it can while the consumer is stuck on the first chunk.
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    // 1 chunk at the consumer + pauseAt (4) in the buffer; nothing more was pulled from the provider.
    expect(provider.pulled).toBe(1 + 4);
    release();
    const out = await done;
    expect(out.text).toBe(pieces.join(''));
    expect(got.join('')).toBe(pieces.join(''));
    gate = Promise.resolve();
  });

  it('resume-and-skip: a retry after a drop delivers only what the consumer does not have', async () => {
    const pieces = ['alpha ', 'beta ', 'gamma ', 'delta'];
    const provider = new ScriptedProvider([{ pieces, failAfter: 2 }, { pieces: ['alp', 'ha beta ga', 'mma del', 'ta'] }]);
    const sm = new StreamManager(config());
    const chunks: StreamChunk[] = [];
    const session = sm.openSession({ callbacks: { onChunk: (c) => void chunks.push(c) } });
    const out = await sm.stream(session, provider, 'm', request);
    expect(out.text).toBe('alpha beta gamma delta');
    expect(chunks.map((c) => c.text)).toEqual(['alpha ', 'beta ', 'ga', 'mma del', 'ta']);
    expect(chunks.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(session.record).toMatchObject({ retries: 1, attempts: 2, prefixMismatch: false });
  });

  it('a re-attempt that does not extend the delivered prefix is not delivered, and is flagged', async () => {
    const provider = new ScriptedProvider([{ pieces: ['first ', 'answer ', 'x'], failAfter: 2 }, { pieces: ['second ', 'answer'] }]);
    const sm = new StreamManager(config());
    const chunks: string[] = [];
    const session = sm.openSession({ callbacks: { onChunk: (c) => void chunks.push(c.text) } });
    const out = await sm.stream(session, provider, 'm', request);
    expect(out.text).toBe('second answer');
    expect(chunks).toEqual(['first ', 'answer ']);
    expect(session.record.prefixMismatch).toBe(true);
  });

  it('a re-attempt that ends inside the delivered prefix is a mismatch too (the consumer has more than the result)', async () => {
    const provider = new ScriptedProvider([{ pieces: ['one ', 'two ', 'three ', 'x'], failAfter: 3 }, { pieces: ['one ', 'two'] }]);
    const sm = new StreamManager(config());
    const chunks: string[] = [];
    const session = sm.openSession({ callbacks: { onChunk: (c) => void chunks.push(c.text) } });
    const out = await sm.stream(session, provider, 'm', request);
    expect(out.text).toBe('one two');
    expect(chunks).toEqual(['one ', 'two ', 'three ']);
    expect(session.record.prefixMismatch).toBe(true);
  });

  it('gives up after maxRetries with the last retryable error', async () => {
    const provider = new ScriptedProvider([{ pieces: ['a', 'b'], failAfter: 0 }]);
    const sm = new StreamManager(config({ retryConfig: { maxRetries: 2, backoffMs: 1, jitter: 0 } }));
    const session = sm.openSession({});
    const attempts: unknown[] = [];
    await expect(sm.stream(session, provider, 'm', request, undefined, attempts as any)).rejects.toMatchObject({ kind: 'network' });
    expect(provider.attempts).toBe(3);
    expect(attempts).toHaveLength(3);
  });

  it('a throwing consumer stops the stream without retries (AQE_ERR_STREAM)', async () => {
    const provider = new ScriptedProvider([{ pieces: ['a', 'b', 'c'] }]);
    const sm = new StreamManager(config());
    const session = sm.openSession({ callbacks: { onChunk: () => { throw new Error('ui crashed'); } } });
    await expect(sm.stream(session, provider, 'm', request)).rejects.toMatchObject({ code: 'AQE_ERR_STREAM' });
    expect(provider.attempts).toBe(1);
  });
});
