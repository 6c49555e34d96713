import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AnthropicProvider } from '../../../src/providers/anthropic.js';
import { ProviderError } from '../../../src/providers/errors.js';
import type { ProviderEvent, ProviderRequest } from '../../../src/providers/types.js';
import { FakeAnthropicServer } from '../../helpers/fake-anthropic.js';

const KEY = 'sk-ant-test-secret-key-0123456789';
let server: FakeAnthropicServer;
let provider: AnthropicProvider;
const req = (content = 'hello'): ProviderRequest => ({ model: 'claude-haiku-4-5-20251001', messages: [{ role: 'user', content }], maxTokens: 256 });

async function collect(it: AsyncIterable<ProviderEvent>): Promise<ProviderEvent[]> {
  const out: ProviderEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}

async function streamError(r: ProviderRequest = req()): Promise<ProviderError> {
  try {
    await collect(provider.stream(r));
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderError);
    return err as ProviderError;
  }
  throw new Error('expected the stream to fail');
}

beforeAll(async () => {
  server = await FakeAnthropicServer.start();
  provider = new AnthropicProvider({ name: 'claude-haiku-4', apiKey: KEY, baseURL: server.url });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('AnthropicProvider against the fake Messages API', () => {
  it('completes synchronously with the provider-reported usage', async () => {
    server.enqueue({ text: 'Hello there, world.', inputTokens: 12 });
    const res = await provider.complete(req());
    expect(res.text).toBe('Hello there, world.');
    expect(res.usage).toEqual({ inputTokens: 12, outputTokens: expect.any(Number) });
    expect(res.usage.outputTokens).toBeGreaterThan(0);
    expect(res.stopReason).toBe('end_turn');
    const h = server.requests[0].headers;
    // This SDK version sends the key as a bearer token; older ones used x-api-key. The fake accepts both.
    expect(h['x-api-key'] ?? h.authorization).toContain(KEY);
    expect(h['x-stainless-retry-count']).toBe('0');
    expect(server.requests[0].body.max_tokens).toBe(256);
  });

  it('counts input tokens once per distinct content (model, system, messages), then from its cache', async () => {
    const first = await provider.countInputTokens(req('count me'));
    expect(first).toBeGreaterThan(0);
    expect(await provider.countInputTokens({ ...req('count me'), maxTokens: 999 })).toBe(first); // max_tokens is not content
    expect(server.requests.filter((r) => r.path.endsWith('/count_tokens'))).toHaveLength(1);
    await provider.countInputTokens(req('something else'));
    await provider.countInputTokens({ ...req('count me'), system: 'a system prompt' });
    expect(server.requests.filter((r) => r.path.endsWith('/count_tokens'))).toHaveLength(3);
  });

  it('streams start, text deltas, cumulative usage and stop', async () => {
    const text = 'The quick brown fox jumps over the lazy dog, twice over.';
    server.enqueue({ text, chunkSize: 5, inputTokens: 30 });
    const events = await collect(provider.stream(req()));
    expect(events[0]).toMatchObject({ type: 'start', model: 'claude-haiku-4-5-20251001' });
    const deltas = events.filter((e) => e.type === 'delta').map((e) => (e as { text: string }).text);
    expect(deltas.join('')).toBe(text);
    expect(deltas.length).toBe(Math.ceil(text.length / 5));
    const usages = events.filter((e) => e.type === 'usage').map((e) => (e as any).usage);
    expect(usages[0]).toEqual({ inputTokens: 30, outputTokens: 1 });
    expect(usages.at(-1).inputTokens).toBe(30);
    expect(usages.at(-1).outputTokens).toBeGreaterThan(1);
    expect(events.at(-1)).toEqual({ type: 'stop', stopReason: 'end_turn' });
    expect(server.requests[0].body.stream).toBe(true);
  });

  it('maps 429 to rate_limited with retry-after, and does not retry inside the SDK', async () => {
    server.enqueue({ fault: { type: 'status', status: 429, retryAfter: 3 } });
    const err = await streamError();
    expect(err.kind).toBe('rate_limited');
    expect(err.status).toBe(429);
    expect(err.retryAfterMs).toBe(3000);
    expect(err.isRetryable).toBe(true);
    expect(err.code).toBe('AQE_ERR_PROVIDER');
    expect(server.requests).toHaveLength(1);
  });

  it('maps 529 to overloaded and 500 to server (both retryable)', async () => {
    server.enqueue({ fault: { type: 'status', status: 529 } }, { fault: { type: 'status', status: 500 } });
    const a = await streamError();
    expect([a.kind, a.status, a.isRetryable]).toEqual(['overloaded', 529, true]);
    await expect(provider.complete(req())).rejects.toMatchObject({ kind: 'server', status: 500, isRetryable: true });
    expect(server.requests).toHaveLength(2);
  });

  it('maps 400 to invalid_request and 401/403 to auth, neither retryable, never showing the key', async () => {
    server.enqueue(
      { fault: { type: 'status', status: 400, message: 'max_tokens: too large' } },
      { fault: { type: 'status', status: 401, message: `invalid x-api-key ${KEY}` } },
      { fault: { type: 'status', status: 403 } },
    );
    const bad = await streamError();
    expect([bad.kind, bad.isRetryable]).toEqual(['invalid_request', false]);
    expect(bad.message).toContain('max_tokens: too large');
    const auth = await streamError();
    expect([auth.kind, auth.isRetryable, auth.status]).toEqual(['auth', false, 401]);
    expect(auth.message).toBe('authentication failed for anthropic model claude-haiku-4: check ANTHROPIC_API_KEY (HTTP 401)');
    const forbidden = await streamError();
    expect(forbidden.kind).toBe('auth');
    for (const e of [bad, auth, forbidden]) {
      expect(e.message).not.toContain(KEY);
      expect(JSON.stringify(e.details)).not.toContain(KEY);
      expect(String((e as any).cause ?? '')).not.toContain(KEY);
    }
  });

  it('maps a connection dropped mid-stream to network, after the deltas already received', async () => {
    server.enqueue({ text: 'abcdefghijklmnopqrstuvwxyz', chunkSize: 4, fault: { type: 'drop', afterChunks: 3 } });
    const seen: string[] = [];
    let err: unknown;
    try {
      for await (const ev of provider.stream(req())) if (ev.type === 'delta') seen.push(ev.text);
    } catch (e) {
      err = e;
    }
    expect(seen.join('')).toBe('abcdefghijkl');
    expect(err).toMatchObject({ kind: 'network', isRetryable: true });
  });

  it('maps a malformed event to malformed', async () => {
    server.enqueue({ text: 'abcdefgh', chunkSize: 2, fault: { type: 'malformed', afterChunks: 2 } });
    const err = await streamError();
    expect(err.kind).toBe('malformed');
    expect(err.isRetryable).toBe(true);
  });

  it('maps a mid-stream overloaded_error event (an APIError with no status) to overloaded', async () => {
    server.enqueue({ text: 'abcdefgh', chunkSize: 2, fault: { type: 'error_event', afterChunks: 1 } });
    const err = await streamError();
    expect(err.kind).toBe('overloaded');
    expect(err.status).toBeUndefined();
    expect(err.isRetryable).toBe(true);
  });

  it('honours an AbortSignal during a stalled stream', async () => {
    server.enqueue({ text: 'abcdefgh', chunkSize: 2, fault: { type: 'stall', afterChunks: 1 } });
    const ctrl = new AbortController();
    const r = { ...req(), signal: ctrl.signal };
    const seen: string[] = [];
    let err: unknown;
    try {
      for await (const ev of provider.stream(r)) {
        if (ev.type === 'delta') {
          seen.push(ev.text);
          setTimeout(() => ctrl.abort(), 20);
        }
      }
    } catch (e) {
      err = e;
    }
    expect(seen).toEqual(['ab']);
    expect(err).toMatchObject({ kind: 'aborted', isRetryable: false });
  });

  it('maps an unreachable server to network', async () => {
    const dead = new AnthropicProvider({ name: 'claude-haiku-4', apiKey: KEY, baseURL: 'http://127.0.0.1:9' });
    await expect(dead.complete(req())).rejects.toMatchObject({ kind: 'network', isRetryable: true });
  });
});
