import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnthropicProvider } from '../../../src/providers/anthropic.js';
import { OpenAICompatibleProvider } from '../../../src/providers/openai.js';
import type { Provider, ProviderRequest } from '../../../src/providers/types.js';

// The SDKs' own request timeout (the provider's timeoutMs) aborts through providerFetch: a provider that takes the
// request and never answers must fail the call as a timeout, soon after the limit, for a completion and a stream.
let server: Server;
let base: string;
const req: ProviderRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }], maxTokens: 8 };

beforeAll(async () => {
  server = createServer((q) => q.resume()); // reads the request, never answers
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('a provider that never answers', () => {
  const cases: Array<[string, () => Provider]> = [
    ['openai-compatible', () => new OpenAICompatibleProvider({ name: 'gpt', baseURL: `${base}/v1`, apiKey: 'sk-timeout-test', timeoutMs: 150 })],
    ['anthropic', () => new AnthropicProvider({ name: 'claude', baseURL: base, apiKey: 'sk-ant-timeout-test', timeoutMs: 150 })],
  ];
  for (const [kind, make] of cases) {
    it(`${kind}: the call fails as a timeout after the provider's timeoutMs, completion and stream`, async () => {
      const provider = make();
      for (const call of [() => provider.complete(req), async () => {
        for await (const ev of provider.stream(req)) void ev;
      }]) {
        const started = Date.now();
        const err = await call().then(() => undefined, (e: unknown) => e);
        expect(err).toMatchObject({ kind: 'timeout' });
        expect((err as Error).message).not.toMatch(/timeout-test/);
        expect(Date.now() - started).toBeLessThan(10_000);
      }
    });
  }
});
