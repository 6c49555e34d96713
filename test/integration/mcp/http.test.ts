import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAIServer } from '../../helpers/fake-openai.js';
import { SECURITY_ARGS, callWithProgress, cancelAfterProgress, expectFleetTools, expectIncreasing, expectProgressTracksText } from '../../helpers/mcp.js';
import { fakeModelConfig, startTestServer, type TestServer } from '../../helpers/server.js';

const TOKEN = 'mcp-token-abcdef';

describe('MCP over Streamable HTTP at /mcp (SDK Client)', () => {
  let fake: FakeOpenAIServer;
  let s: TestServer;
  let client: Client;

  beforeAll(async () => {
    fake = await FakeOpenAIServer.start({ record: false });
    fake.setScript((req) => {
      const slow = JSON.stringify(req.body?.messages ?? '').includes('SLOW');
      // 25 ms apart: chunks read together (2 ms apart on a loaded machine) rightly go out as one progress notification
      return slow ? { text: 'word '.repeat(400), chunkSize: 10, chunkDelayMs: 15 } : { text: 'Finding: compare tokens in constant time. '.repeat(4), chunkSize: 12, chunkDelayMs: 25 };
    });
    s = await startTestServer(fakeModelConfig(fake.url, { api: { token: TOKEN } }));
    client = new Client({ name: 'aqe-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${s.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${TOKEN}` } } }));
  });
  afterAll(async () => {
    await client?.close();
    await s?.close();
    await fake?.close();
  });

  it('lists a tool per agent type plus route_task, get_costs, get_flags', async () => {
    await expectFleetTools(client);
  });

  it('refuses a client without the bearer token', async () => {
    const anon = new Client({ name: 'anon', version: '1.0.0' });
    await expect(anon.connect(new StreamableHTTPClientTransport(new URL(`${s.url}/mcp`)))).rejects.toThrow();
  });

  it('runs an agent tool, sending notifications/progress with the progressToken as chunks arrive', async () => {
    const { text, summary, progress } = await callWithProgress(client, 'security-scanner', { ...SECURITY_ARGS, id: 'mcp-http-1' });
    expect(text).toBe('Finding: compare tokens in constant time. '.repeat(4));
    expect(summary).toMatchObject({ taskId: 'mcp-http-1', agentType: 'security-scanner', status: 'completed', modelName: 'fake-model', streamed: true });
    expect(progress.length).toBeGreaterThan(3);
    expectIncreasing(progress);
    expectProgressTracksText(progress, text);
  });

  it('validates input: a missing description is an error naming the field', async () => {
    const result = await client.callTool({ name: 'security-scanner', arguments: { files: [] } }).catch((e: Error) => ({ isError: true, content: [{ type: 'text', text: e.message }] }));
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/description/);
  });

  it('cancellation from the client stops the task', async () => {
    const { error, progress } = await cancelAfterProgress(client, 'security-scanner', { ...SECURITY_ARGS, description: 'SLOW review', id: 'mcp-http-cancel' });
    expect(String(error)).toMatch(/cancel/i);
    expect(progress).toBe(3);
    // The record says cancelled as soon as the run ends; the slot is free once its terminal write is in the store
    // (one group commit later, longer on a loaded machine): wait for both.
    let status: string | undefined;
    let running = -1;
    for (let i = 0; i < 150; i++) {
      status = s.fleet.getTask('mcp-http-cancel')?.status;
      running = s.fleet.runningTasks().running;
      if (status === 'cancelled' && running === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe('cancelled');
    expect(running).toBe(0);
  });

  it('route_task, get_flags and get_costs answer with JSON', async () => {
    const routed = await client.callTool({ name: 'route_task', arguments: { ...SECURITY_ARGS, type: 'security-scan' } });
    const r = JSON.parse((routed.content as Array<{ text: string }>)[0].text);
    expect(r).toMatchObject({ model: 'fake-model', routerEnabled: false });
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.reasons.length).toBeGreaterThan(0);

    const flags = JSON.parse(((await client.callTool({ name: 'get_flags', arguments: {} })).content as Array<{ text: string }>)[0].text);
    expect(flags.flags.streaming).toMatchObject({ value: true, source: 'config' });

    const costs = JSON.parse(((await client.callTool({ name: 'get_costs', arguments: { period: '7d' } })).content as Array<{ text: string }>)[0].text);
    expect(costs).toMatchObject({ period: '7d' });
    expect(costs.budget.daily.limit).toBe(10);
  });

  it('route_task without a type is an error naming it', async () => {
    const res = await client.callTool({ name: 'route_task', arguments: { description: 'x' } });
    expect(res.isError).toBe(true);
    expect((res.content as Array<{ text: string }>)[0].text).toMatch(/type: expected one of/);
  });
});
