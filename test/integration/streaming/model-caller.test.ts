import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import type { FleetConfig, ModelConfig } from '../../../src/config/schema.js';
import type { ModelSelection } from '../../../src/fleet/types.js';
import { createProviderRegistry } from '../../../src/providers/registry.js';
import { ModelCaller, type ModelCallResult } from '../../../src/streaming/ModelCaller.js';
import type { StreamSession } from '../../../src/streaming/session.js';
import type { StreamChunk } from '../../../src/streaming/types.js';
import { FakeAnthropicServer, type FakeReply } from '../../helpers/fake-anthropic.js';

const KEY = 'sk-ant-integration-key-abcdef123456';
const TEXT = 'Streaming answers arrive in pieces; the fleet must put them together in order, exactly once.';
let server: FakeAnthropicServer;
let config: FleetConfig;

function model(name: string, over: Partial<ModelConfig> = {}): ModelConfig {
  return {
    name,
    provider: 'anthropic',
    model: `${name}-id`,
    baseURL: server.url,
    capabilities: { maxTokens: 4096, supportsStreaming: true, costPer1kTokens: { input: 1, output: 2 } },
    complexityRange: { min: 0, max: 1 },
    enabled: true,
    ...over,
  };
}

function selection(modelName: string, fallbacks: string[] = []): ModelSelection {
  return { modelName, provider: 'anthropic', model: `${modelName}-id`, complexity: { score: 0.5, components: { token: 0, structure: 0, context: 0 }, reasons: [] }, reasons: [], estimatedCost: 0, fallbacks };
}

function setup(opts: { timeoutMs?: number; maxRetries?: number; models?: ModelConfig[] } = {}) {
  config = createConfig({
    routing: { models: opts.models ?? [model('primary'), model('backup'), model('nostream', { capabilities: { maxTokens: 4096, supportsStreaming: false, costPer1kTokens: { input: 1, output: 2 } } })] },
    streaming: { enabled: true, bufferSize: 16, backpressureThreshold: 0.5, timeoutMs: opts.timeoutMs ?? 10_000, retryConfig: { maxRetries: opts.maxRetries ?? 2, backoffMs: 1, backoffMultiplier: 2, jitter: 0 } },
  });
  const sessions: StreamSession[] = [];
  const fallbacks: unknown[] = [];
  const caller = new ModelCaller({
    streaming: config.streaming,
    providers: createProviderRegistry(config, { ANTHROPIC_API_KEY: KEY }),
    models: config.routing.models,
    onSession: (s) => sessions.push(s),
    onFallback: (f) => fallbacks.push(f),
  });
  return { caller, sessions, fallbacks };
}

async function run(caller: ModelCaller, sel: ModelSelection, stream = true, signal?: AbortSignal) {
  const chunks: StreamChunk[] = [];
  const events: string[] = [];
  const result: ModelCallResult = await caller.call({
    taskId: 'task-1',
    selection: sel,
    request: { messages: [{ role: 'user', content: 'explain streaming' }], maxTokens: 512 },
    stream,
    signal,
    callbacks: {
      onStart: () => events.push('start'),
      onChunk: (c) => {
        chunks.push(c);
      },
      onComplete: () => events.push('complete'),
      onError: () => events.push('error'),
    },
  });
  return { result, chunks, events };
}

function expectConsistent(chunks: StreamChunk[], text: string) {
  expect(chunks.map((c) => c.seq)).toEqual(chunks.map((_, i) => i + 1));
  expect(chunks.map((c) => c.text).join('')).toBe(text);
}

beforeAll(async () => {
  server = await FakeAnthropicServer.start();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setScript(() => ({ text: TEXT, chunkSize: 6 }));
});

describe('ModelCaller on the real Anthropic SDK against the fake server', () => {
  it('streams in order with gap-free seq numbers and matches the synchronous result', async () => {
    const { caller, sessions } = setup();
    const s = await run(caller, selection('primary'));
    expect(s.result).toMatchObject({ text: TEXT, streamed: true, fellBackToSync: false, modelName: 'primary' });
    expectConsistent(s.chunks, TEXT);
    expect(s.result.chunks).toBe(s.chunks.length);
    expect(s.events).toEqual(['start', 'complete']);
    expect(s.result.usage.inputTokens).toBeGreaterThan(0);
    expect(s.result.usage.outputTokens).toBeGreaterThan(0);
    const sync = await run(caller, selection('primary'), false);
    expect(sync.result.text).toBe(s.result.text);
    expect(sync.result.streamed).toBe(false);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ status: 'completed', state: 'completed', lastSeq: s.chunks.length, modelName: 'primary', taskId: 'task-1' });
    expect(sessions[0].firstChunkAt).toBeGreaterThanOrEqual(sessions[0].startedAt);
    expect(sessions[0].endedAt).toBeGreaterThanOrEqual(sessions[0].firstChunkAt!);
  });

  it.each<[string, FakeReply]>([
    ['a dropped connection', { text: TEXT, chunkSize: 6, fault: { type: 'drop', afterChunks: 5 } }],
    ['a mid-stream overloaded_error event', { text: TEXT, chunkSize: 6, fault: { type: 'error_event', afterChunks: 4 } }],
    ['a malformed event', { text: TEXT, chunkSize: 6, fault: { type: 'malformed', afterChunks: 3 } }],
  ])('retries after %s without duplicating or reordering delivered chunks', async (_name, fault) => {
    const { caller, sessions } = setup();
    server.enqueue(fault);
    const s = await run(caller, selection('primary'));
    expect(s.result.text).toBe(TEXT);
    expect(s.result.streamed).toBe(true);
    expect(s.result.fellBackToSync).toBe(false);
    expectConsistent(s.chunks, TEXT);
    expect(s.result.attempts.map((a) => a.mode)).toEqual(['stream', 'stream']);
    expect(s.result.attempts[0].error).toBeDefined();
    expect(sessions[0]).toMatchObject({ retries: 1, attempts: 2, prefixMismatch: false });
    expect(server.requests).toHaveLength(2);
  });

  it('retries 429 and 529 before any chunk, then streams', async () => {
    const { caller } = setup();
    server.enqueue({ fault: { type: 'status', status: 429, retryAfter: 0 } }, { fault: { type: 'status', status: 529 } });
    const s = await run(caller, selection('primary'));
    expectConsistent(s.chunks, TEXT);
    expect(s.result.attempts.map((a) => a.error?.kind)).toEqual(['rate_limited', 'overloaded', undefined]);
  });

  it('a stall mid-stream trips the idle timeout, and the retry resumes without duplicates', async () => {
    const { caller } = setup({ timeoutMs: 400 });
    server.enqueue({ text: TEXT, chunkSize: 6, fault: { type: 'stall', afterChunks: 4 } });
    const s = await run(caller, selection('primary'));
    expectConsistent(s.chunks, TEXT);
    expect(s.result.attempts[0].error?.kind).toBe('timeout');
    expect(s.result.attempts[0].error?.message).toContain('mid-stream');
  });

  it('no first chunk within timeoutMs on every attempt: falls back to sync with the same final text', async () => {
    const { caller, sessions, fallbacks } = setup({ timeoutMs: 100, maxRetries: 1 });
    server.setScript((r) => (r.stream ? { text: TEXT, fault: { type: 'stall', afterChunks: 0 } } : { text: TEXT }));
    const s = await run(caller, selection('primary'));
    expect(s.result).toMatchObject({ text: TEXT, fellBackToSync: true });
    expect(s.result.attempts.map((a) => `${a.mode}:${a.error?.kind ?? 'ok'}`)).toEqual(['stream:timeout', 'stream:timeout', 'sync:ok']);
    expect(s.result.attempts[0].error?.message).toContain('no first chunk');
    expectConsistent(s.chunks, TEXT);
    expect(sessions[0].status).toBe('fell_back');
    expect(fallbacks).toHaveLength(1);
  });

  it('after chunks were delivered and streaming fails for good, sync delivers only the remainder', async () => {
    const { caller } = setup({ maxRetries: 1 });
    server.setScript((r) => (r.stream ? { text: TEXT, chunkSize: 6, fault: { type: 'drop', afterChunks: 3 } } : { text: TEXT }));
    const s = await run(caller, selection('primary'));
    expect(s.result.fellBackToSync).toBe(true);
    expectConsistent(s.chunks, TEXT);
    // 3 chunks from the first stream, the remainder in one piece from the sync call.
    expect(s.chunks).toHaveLength(4);
    expect(s.chunks[3].text).toBe(TEXT.slice(18));
  });

  it('a model that cannot stream runs synchronously and still reports the text as one chunk', async () => {
    const { caller, fallbacks } = setup();
    const s = await run(caller, selection('nostream'));
    expect(s.result).toMatchObject({ text: TEXT, fellBackToSync: true });
    expect(server.requests.every((r) => !r.stream)).toBe(true);
    expectConsistent(s.chunks, TEXT);
    expect(fallbacks).toEqual([{ taskId: 'task-1', modelName: 'nostream', reason: 'cannot_stream' }]);
  });

  it('moves to the next fallback model when a model keeps failing with a retryable error', async () => {
    const { caller, sessions } = setup({ maxRetries: 1 });
    server.setScript((r) => (r.body.model === 'primary-id' ? { fault: { type: 'status', status: 529 } } : { text: TEXT, chunkSize: 6 }));
    const s = await run(caller, selection('primary', ['backup']));
    expect(s.result.modelName).toBe('backup');
    expect(s.result.attempts.map((a) => `${a.modelName}/${a.mode}`)).toEqual(['primary/stream', 'primary/stream', 'primary/sync', 'primary/sync', 'backup/stream']);
    expectConsistent(s.chunks, TEXT);
    expect(sessions[0].modelsTried).toEqual(['primary', 'backup']);
  });

  it('a fallback model whose text does not extend the streamed prefix: no repeats, flagged, its text is final', async () => {
    const { caller, sessions } = setup({ maxRetries: 0 });
    server.setScript((r) =>
      r.body.model === 'primary-id'
        ? r.stream
          ? { text: TEXT, chunkSize: 6, fault: { type: 'drop', afterChunks: 2 } }
          : { fault: { type: 'status', status: 529 } }
        : { text: 'A different answer from the backup model.', chunkSize: 6 },
    );
    const s = await run(caller, selection('primary', ['backup']));
    expect(s.result).toMatchObject({ modelName: 'backup', text: 'A different answer from the backup model.', prefixMismatch: true });
    expect(s.chunks.map((c) => c.text)).toEqual([TEXT.slice(0, 6), TEXT.slice(6, 12)]);
    expect(sessions[0].prefixMismatch).toBe(true);
    // The cut-short attempt still reports usage (input from message_start, output counted from what arrived).
    expect(s.result.attempts[0].usage?.inputTokens).toBeGreaterThan(0);
    expect(s.result.attempts[0].usage?.estimated).toBe(true);
  });

  it('fails fast on 401 without retries or fallbacks, with a clear message and no key', async () => {
    const { caller, sessions } = setup();
    server.setScript(() => ({ fault: { type: 'status', status: 401, message: `bad key ${KEY}` } }));
    const events: string[] = [];
    const err = await caller
      .call({ taskId: 't', selection: selection('primary', ['backup']), request: { messages: [{ role: 'user', content: 'x' }], maxTokens: 10 }, stream: true, callbacks: { onError: (e) => events.push(e.message) } })
      .catch((e) => e);
    expect(err.kind).toBe('auth');
    expect(err.message).toBe('authentication failed for anthropic model primary: check ANTHROPIC_API_KEY (HTTP 401)');
    expect(server.requests).toHaveLength(1);
    expect(events).toEqual([err.message]);
    expect(sessions[0]).toMatchObject({ status: 'failed', error: { kind: 'auth' } });
    expect(JSON.stringify(sessions[0])).not.toContain(KEY);
  });

  it('honours the caller signal: cancels the stream and reports a cancelled session', async () => {
    const { caller, sessions } = setup();
    server.enqueue({ text: TEXT, chunkSize: 6, fault: { type: 'stall', afterChunks: 2 } });
    const ctrl = new AbortController();
    const chunks: string[] = [];
    const p = caller.call({
      taskId: 't',
      selection: selection('primary', ['backup']),
      request: { messages: [{ role: 'user', content: 'x' }], maxTokens: 10 },
      stream: true,
      signal: ctrl.signal,
      callbacks: { onChunk: (c) => { chunks.push(c.text); if (chunks.length === 2) ctrl.abort(); } },
    });
    await expect(p).rejects.toMatchObject({ kind: 'aborted' });
    expect(sessions[0].status).toBe('cancelled');
    expect(server.requests).toHaveLength(1);
  });
});
