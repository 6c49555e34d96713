import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors.js';
import { OpenAICompatibleProvider } from '../../../src/providers/openai.js';
import type { ProviderEvent, ProviderRequest } from '../../../src/providers/types.js';
import { FakeOpenAIServer } from '../../helpers/fake-openai.js';

let server: FakeOpenAIServer;
let provider: OpenAICompatibleProvider;
const req = (): ProviderRequest => ({ model: 'llama3.1:8b', system: 'be brief', messages: [{ role: 'user', content: 'hi' }], maxTokens: 128 });

async function collect(it: AsyncIterable<ProviderEvent>): Promise<ProviderEvent[]> {
  const out: ProviderEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}

beforeAll(async () => {
  server = await FakeOpenAIServer.start();
  provider = new OpenAICompatibleProvider({ name: 'local-llama', baseURL: server.url });
});
afterAll(() => server.close());

describe('OpenAICompatibleProvider against the fake chat completions API', () => {
  it('completes with usage and sends the system prompt first', async () => {
    server.enqueue({ text: 'Short answer.', inputTokens: 9 });
    const res = await provider.complete(req());
    expect(res.text).toBe('Short answer.');
    expect(res.usage.inputTokens).toBe(9);
    expect(res.usage.estimated).toBeUndefined();
    const body = server.requests.at(-1)!.body;
    expect(body.messages[0]).toEqual({ role: 'system', content: 'be brief' });
    expect(body.model).toBe('llama3.1:8b');
  });

  it('streams deltas and takes usage from the include_usage chunk', async () => {
    server.enqueue({ text: 'one two three four five six', chunkSize: 4, inputTokens: 7 });
    const events = await collect(provider.stream(req()));
    const body = server.requests.at(-1)!.body;
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_usage: true });
    expect(events.filter((e) => e.type === 'delta').map((e: any) => e.text).join('')).toBe('one two three four five six');
    const usage = events.find((e) => e.type === 'usage') as any;
    expect(usage.usage.inputTokens).toBe(7);
    expect(usage.usage.estimated).toBeUndefined();
    expect(events.at(-1)).toEqual({ type: 'stop', stopReason: 'stop' });
  });

  it('maps 429 with retry-after and 503, and does not retry inside the SDK', async () => {
    const before = server.requestCount;
    server.enqueue({ fault: { type: 'status', status: 429, retryAfter: 2 } }, { fault: { type: 'status', status: 503 } });
    await expect(collect(provider.stream(req()))).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
    await expect(provider.complete(req())).rejects.toMatchObject({ kind: 'server', status: 503 });
    expect(server.requestCount - before).toBe(2);
  });

  it('maps a mid-stream error chunk, a dropped connection and a malformed chunk', async () => {
    server.enqueue(
      { text: 'abcdefgh', chunkSize: 2, fault: { type: 'error_event', afterChunks: 1, errorType: 'server_error' } },
      { text: 'abcdefgh', chunkSize: 2, fault: { type: 'drop', afterChunks: 2 } },
      { text: 'abcdefgh', chunkSize: 2, fault: { type: 'malformed', afterChunks: 2 } },
    );
    const kinds: string[] = [];
    for (let i = 0; i < 3; i++) {
      try {
        await collect(provider.stream(req()));
      } catch (e) {
        expect(e).toBeInstanceOf(ProviderError);
        kinds.push((e as ProviderError).kind);
      }
    }
    expect(kinds).toEqual(['server', 'network', 'malformed']);
  });
});
