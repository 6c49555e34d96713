import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetManager } from '../../../src/fleet/FleetManager.js';
import { silentLogger } from '../../../src/logging.js';
import { startServer } from '../../../src/server/start.js';
import { FakeOpenAIServer } from '../../helpers/fake-openai.js';
import { reviewTask, tempDir, testConfig } from '../../helpers/fleet.js';
import { fakeModelConfig, postJson, startTestServer, type TestServer } from '../../helpers/server.js';

describe('task records over HTTP and MCP', () => {
  let fake: FakeOpenAIServer;
  let s: TestServer;
  beforeAll(async () => {
    fake = await FakeOpenAIServer.start({ record: false });
    // SLOW is slow on both paths: under load the stream can time out and fall back to a synchronous call, which
    // must not then answer at once (the test cancels the task while it runs).
    fake.setScript((req) => (JSON.stringify(req.body).includes('SLOW') ? { text: 'w '.repeat(400), chunkSize: 4, chunkDelayMs: 10, firstByteDelayMs: 3000 } : { text: 'done', chunkSize: 4 }));
    s = await startTestServer(fakeModelConfig(fake.url, { fleet: { maxConcurrentTasks: 1 } }));
  });
  afterAll(async () => {
    await s?.close();
    await fake?.close();
  });

  it('a task is recorded queued before 202 answers, and GET reads it back from the store after it ends', async () => {
    const slow = postJson(`${s.url}/v1/tasks?wait=false`, { ...reviewTask, id: 'rec-slow', description: 'SLOW review' });
    expect((await slow).status).toBe(202);
    const res = await postJson(`${s.url}/v1/tasks?wait=false`, { ...reviewTask, id: 'rec-queued' });
    expect(res.status).toBe(202);
    // Behind the one slot: still queued, and already in the store.
    const stored = s.fleet.getMemory().getStore().get('fleet/tasks', 'rec-queued') as { value: { status: string; owner: string } } | undefined;
    expect(stored?.value).toMatchObject({ status: 'queued', owner: s.fleet.getOwnerLease().id });
    expect((await (await fetch(`${s.url}/v1/tasks/rec-queued`)).json()).status).toBe('queued');
    expect((await fetch(`${s.url}/v1/tasks/rec-slow`, { method: 'DELETE' })).status).toBe(202);
    let status = '';
    while (status !== 'completed') {
      await new Promise((r) => setTimeout(r, 20));
      status = (await (await fetch(`${s.url}/v1/tasks/rec-queued`)).json()).status;
    }
    expect(await (await fetch(`${s.url}/v1/tasks/rec-slow`)).json()).toMatchObject({ status: 'cancelled', reason: 'client' });
  });

  it('GET /v1/tasks lists records by status and age; bad parameters are a 400 naming the field', async () => {
    const list = await (await fetch(`${s.url}/v1/tasks?status=cancelled,completed&since=1h&limit=10`)).json();
    expect(list.tasks.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['rec-slow', 'rec-queued']));
    const notDone = await (await fetch(`${s.url}/v1/tasks?status=not-done`)).json();
    expect(notDone.tasks.map((t: { id: string }) => t.id)).toEqual(['rec-slow']);
    for (const [q, field] of [['status=done', 'status'], ['since=yesterday', 'since'], ['limit=0', 'limit'], ['limit=1e3', 'limit']]) {
      const res = await fetch(`${s.url}/v1/tasks?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.message).toMatch(new RegExp(`^${field}: `));
    }
  });

  it('MCP get_task answers like GET /v1/tasks/:id, and names an unknown id', async () => {
    const client = new Client({ name: 'aqe-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${s.url}/mcp`)));
    try {
      const ok = await client.callTool({ name: 'get_task', arguments: { id: 'rec-slow' } });
      expect(JSON.parse((ok.content as Array<{ text: string }>)[0].text)).toMatchObject({ id: 'rec-slow', status: 'cancelled', reason: 'client' });
      const missing = await client.callTool({ name: 'get_task', arguments: { id: 'nope' } });
      expect(missing.isError).toBe(true);
      expect((missing.content as Array<{ text: string }>)[0].text).toMatch(/AQE_ERR_NOT_FOUND: no task with id nope/);
    } finally {
      await client.close();
    }
  });
});

describe('shutdown of a JSON task', () => {
  it('a task cut by the drain answers 503 with Retry-After, and its record says cancelled (shutdown)', async () => {
    const fake = await FakeOpenAIServer.start({ record: false });
    fake.setScript(() => ({ text: 'x', firstByteDelayMs: 5000 }));
    const { dir, cleanup } = tempDir('aqe-records-');
    const fleet = new FleetManager(testConfig(fakeModelConfig(fake.url), dir), { env: {}, logger: silentLogger(), cwd: dir });
    await fleet.initialize();
    const server = await startServer(fleet, { host: '127.0.0.1', port: 0, graceMs: 50, logger: silentLogger() });
    try {
      const pending = postJson(`${server.url}/v1/tasks`, { ...reviewTask, id: 'json-cut' });
      while (fleet.getTask('json-cut')?.status !== 'running') await new Promise((r) => setTimeout(r, 10));
      const stopping = server.shutdown('test');
      const res = await pending;
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toMatchObject({ error: { code: 'AQE_ERR_FLEET_SHUTTING_DOWN' }, result: { status: 'cancelled', reason: 'shutdown' } });
      await stopping;
      expect(fleet.getTask('json-cut')).toMatchObject({ status: 'cancelled', reason: 'shutdown', retryable: true });
    } finally {
      await fake.close();
      cleanup();
    }
  });
});
