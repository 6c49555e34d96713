/**
 * The seed's streaming validation (`npm run test:streaming:scenarios`): chunks received in order,
 * backpressure handled, timeouts trigger fallback, final result matches synchronous. Runs the real
 * Anthropic SDK against the fake server, and the offline engine.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import type { ModelConfig } from '../../../src/config/schema.js';
import type { ModelSelection, QETask } from '../../../src/fleet/types.js';
import { createProviderRegistry, type ProviderRegistry } from '../../../src/providers/registry.js';
import type { Provider, ProviderEvent, ProviderRequest } from '../../../src/providers/types.js';
import { ModelCaller } from '../../../src/streaming/ModelCaller.js';
import type { StreamChunk } from '../../../src/streaming/types.js';
import { FakeAnthropicServer } from '../../helpers/fake-anthropic.js';

const KEY = 'sk-ant-scenario-key-000111222333';
const TEXT = Array.from({ length: 40 }, (_, i) => `Finding ${i + 1}: the function handles case ${i + 1} correctly.`).join('\n');
let server: FakeAnthropicServer;

const models = (): ModelConfig[] => [
  {
    name: 'sonnet',
    provider: 'anthropic',
    model: 'claude-sonnet-4-6', // not on the SDK's deprecated list (that one warns on every request)
    baseURL: server.url,
    capabilities: { maxTokens: 8192, supportsStreaming: true, costPer1kTokens: { input: 3, output: 15 } },
    complexityRange: { min: 0, max: 1 },
    enabled: true,
  },
];
const selection = (modelName = 'sonnet'): ModelSelection => ({
  modelName,
  provider: 'anthropic',
  model: 'x',
  complexity: { score: 0.5, components: { token: 0.5, structure: 0.5, context: 0.5 }, reasons: [] },
  reasons: [],
  estimatedCost: 0,
  fallbacks: [],
});
const request = { messages: [{ role: 'user' as const, content: 'review the calculator' }], maxTokens: 2048 };

function caller(over: { bufferSize?: number; backpressureThreshold?: number; timeoutMs?: number; maxRetries?: number } = {}, wrap?: (p: Provider) => Provider) {
  const config = createConfig({
    routing: { models: models() },
    streaming: {
      enabled: true,
      bufferSize: over.bufferSize ?? 64,
      backpressureThreshold: over.backpressureThreshold ?? 0.8,
      timeoutMs: over.timeoutMs ?? 2000,
      retryConfig: { maxRetries: over.maxRetries ?? 2, backoffMs: 1, backoffMultiplier: 2, jitter: 0.2 },
    },
  });
  const inner = createProviderRegistry(config, { ANTHROPIC_API_KEY: KEY });
  const providers: ProviderRegistry = wrap ? { ...inner, get: (n) => wrap(inner.get(n)), isOffline: (n) => inner.isOffline(n) } : inner;
  return new ModelCaller({ streaming: config.streaming, providers, models: config.routing.models });
}

beforeAll(async () => {
  server = await FakeAnthropicServer.start();
});
afterAll(() => server.close());
beforeEach(() => {
  server.setScript(() => ({ text: TEXT, chunkSize: 24 }));
});

describe('streaming scenarios', () => {
  it('chunks are received in order, gap-free, and add up to the final text', async () => {
    const chunks: StreamChunk[] = [];
    const r = await caller().call({ taskId: 's1', selection: selection(), request, stream: true, callbacks: { onChunk: (c) => void chunks.push(c) } });
    expect(chunks.length).toBe(Math.ceil(TEXT.length / 24));
    expect(chunks.map((c) => c.seq)).toEqual(chunks.map((_, i) => i + 1));
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].elapsedMs).toBeGreaterThanOrEqual(chunks[i - 1].elapsedMs);
    expect(chunks.every((c) => c.streamId === r.sessionId)).toBe(true);
    expect(chunks.map((c) => c.text).join('')).toBe(r.text);
    expect(r.text).toBe(TEXT);
  });

  it('backpressure: a paused consumer stops the pull from the provider; nothing is lost when it resumes', async () => {
    let pulled = 0;
    const counting = (p: Provider): Provider => ({
      name: p.name,
      kind: p.kind,
      complete: (r: ProviderRequest) => p.complete(r),
      async *stream(r: ProviderRequest): AsyncIterable<ProviderEvent> {
        for await (const ev of p.stream(r)) {
          if (ev.type === 'delta') pulled++;
          yield ev;
        }
      },
    });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const got: string[] = [];
    let pulledWhilePaused = -1;
    const done = caller({ bufferSize: 8, backpressureThreshold: 0.5 }, counting).call({
      taskId: 's2',
      selection: selection(),
      request,
      stream: true,
      callbacks: {
        onChunk: (c) => {
          got.push(c.text);
          if (got.length === 1) return gate;
        },
      },
    });
    // Wait until the buffer has filled, then give the SDK time to receive the whole response: our pull
    // from its iterator must stay where it is.
    for (let i = 0; i < 500 && pulled < 5; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));
    pulledWhilePaused = pulled;
    release();
    const r = await done;
    expect(pulledWhilePaused).toBe(1 + 4); // the chunk at the consumer + pauseAt (0.5 x 8) in the buffer
    expect(got.join('')).toBe(TEXT);
    expect(r.text).toBe(TEXT);
  });

  it('timeouts trigger fallback: no first chunk within timeoutMs -> synchronous call, same final text', async () => {
    server.setScript((info) => (info.stream ? { text: TEXT, fault: { type: 'slow_first_byte', ms: 400 } } : { text: TEXT }));
    const chunks: string[] = [];
    const r = await caller({ timeoutMs: 100, maxRetries: 1 }).call({ taskId: 's3', selection: selection(), request, stream: true, callbacks: { onChunk: (c) => void chunks.push(c.text) } });
    expect(r.fellBackToSync).toBe(true);
    expect(r.attempts.filter((a) => a.error?.kind === 'timeout')).toHaveLength(2);
    expect(r.text).toBe(TEXT);
    expect(chunks.join('')).toBe(TEXT);
  });

  it('timeouts trigger fallback mid-stream too, delivering only the remainder', async () => {
    server.setScript((info) => (info.stream ? { text: TEXT, chunkSize: 24, fault: { type: 'stall', afterChunks: 10 } } : { text: TEXT }));
    const chunks: string[] = [];
    const r = await caller({ timeoutMs: 400, maxRetries: 0 }).call({ taskId: 's4', selection: selection(), request, stream: true, callbacks: { onChunk: (c) => void chunks.push(c.text) } });
    expect(r.fellBackToSync).toBe(true);
    expect(chunks).toHaveLength(11);
    expect(chunks.join('')).toBe(TEXT);
  });

  it('the final result matches synchronous, on the Anthropic SDK and on the offline engine', async () => {
    const c = caller();
    const streamed = await c.call({ taskId: 's5', selection: selection(), request, stream: true });
    const sync = await c.call({ taskId: 's5', selection: selection(), request, stream: false });
    expect(streamed.streamed).toBe(true);
    expect(sync.streamed).toBe(false);
    expect(streamed.text).toBe(sync.text);

    const config = createConfig({ streaming: { enabled: true, bufferSize: 4, backpressureThreshold: 0.5, timeoutMs: 1000 } });
    const offline = new ModelCaller({ streaming: config.streaming, providers: createProviderRegistry(config, {}), models: config.routing.models });
    const task: QETask = { id: 'o1', type: 'quality-gate', description: 'gate the release', payload: { files: [{ path: 'a.ts', content: 'export const a = 1;\n' }], requirements: ['coverage >= 80%'] } };
    const offSel = { ...selection('claude-haiku-4'), fallbacks: [] };
    const chunks: string[] = [];
    const s2 = await offline.call({ taskId: 'o1', selection: offSel, request: { ...request, task }, stream: true, callbacks: { onChunk: (c) => void chunks.push(c.text) } });
    const y2 = await offline.call({ taskId: 'o1', selection: offSel, request: { ...request, task }, stream: false });
    expect(s2.text).toBe(y2.text);
    expect(chunks.join('')).toBe(y2.text);
    expect(chunks.length).toBeGreaterThan(3);
    expect(s2.usage).toEqual(y2.usage);
    expect(s2.usage.estimated).toBe(true);
  });
});
