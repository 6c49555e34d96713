import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnthropicProvider } from '../../../src/providers/anthropic.js';
import { OpenAICompatibleProvider } from '../../../src/providers/openai.js';
import type { Provider, ProviderRequest } from '../../../src/providers/types.js';

// A base URL that answers with a redirect (a wrong URL, or a hostile one) must not get the request, with its
// API key, sent on to wherever it points.
let target: Server;
let redirector: Server;
const seen: Array<{ url?: string; auth?: string; key?: string }> = [];
const listen = (s: Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));
const req: ProviderRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }], maxTokens: 8 };

beforeAll(async () => {
  target = createServer((q, r) => {
    seen.push({ url: q.url, auth: q.headers.authorization, key: q.headers['x-api-key'] as string | undefined });
    r.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  const targetPort = await listen(target);
  redirector = createServer((q, r) => r.writeHead(307, { location: `http://127.0.0.1:${targetPort}${q.url}` }).end());
  await listen(redirector);
});
afterAll(() => {
  target.close();
  redirector.close();
});

describe('providers do not follow redirects', () => {
  const base = () => `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
  const cases: Array<[string, () => Provider]> = [
    ['openai-compatible', () => new OpenAICompatibleProvider({ name: 'gpt', baseURL: `${base()}/v1`, apiKey: 'sk-redirect-test-key' })],
    ['anthropic', () => new AnthropicProvider({ name: 'claude', baseURL: base(), apiKey: 'sk-ant-redirect-test-key' })],
  ];
  for (const [kind, make] of cases) {
    it(`${kind}: a 307 fails the call as a bad request naming the base URL, and the redirect target gets nothing`, async () => {
      const provider = make();
      for (const call of [() => provider.complete(req), async () => {
        for await (const ev of provider.stream(req)) void ev;
      }]) {
        const err = await call().then(() => undefined, (e: unknown) => e);
        expect(err).toMatchObject({ kind: 'invalid_request', isRetryable: false });
        expect((err as Error).message).toMatch(/redirect, which is not followed: check its baseURL/);
        expect((err as Error).message).not.toMatch(/redirect-test-key/);
      }
      expect(seen).toEqual([]);
    });
  }
});
