import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAIServer } from '../../helpers/fake-openai.js';
import { SECURITY_ARGS } from '../../helpers/mcp.js';
import { fakeModelConfig, postJson, startTestServer, type TestServer } from '../../helpers/server.js';
import { reviewTask } from '../../helpers/fleet.js';

const INIT = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/** An MCP session opened the way an abandoning client does: initialize, then nothing. */
async function openSession(url: string, headers: Record<string, string> = {}): Promise<{ status: number; id: string | null; res: Response }> {
  const res = await fetch(`${url}/mcp`, { method: 'POST', headers: { ...MCP_HEADERS, ...headers }, body: JSON.stringify(INIT) });
  await res.text();
  return { status: res.status, id: res.headers.get('mcp-session-id'), res };
}

async function ping(url: string, sessionId: string): Promise<number> {
  const res = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers: { ...MCP_HEADERS, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }),
  });
  await res.text();
  return res.status;
}

async function metric(url: string, line: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : NaN;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not met');
}

describe('MCP sessions expire when idle and are capped', () => {
  let s: TestServer;
  let clock = 1_000_000;
  beforeAll(async () => {
    s = await startTestServer({ api: { mcpSessionIdleMs: 60_000, mcpMaxSessions: 20 } }, { mcp: { now: () => clock, sweepEveryMs: 10 } });
  });
  afterAll(() => s.close());

  it('abandoned sessions are released after the idle time; a released id gets 404 (re-initialize)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { status, id } = await openSession(s.url);
      expect(status).toBe(200);
      ids.push(id!);
    }
    expect(await metric(s.url, 'aqe_mcp_sessions')).toBe(20);
    expect(await ping(s.url, ids[0])).toBe(200);

    clock += 30_000;
    expect(await ping(s.url, ids[1])).toBe(200); // ids[1] used 30 s later: 30 s more life than the others
    clock += 31_000;
    await until(async () => (await metric(s.url, 'aqe_mcp_sessions')) === 1);
    expect(await ping(s.url, ids[0])).toBe(404);
    expect(await ping(s.url, ids[1])).toBe(200);
    expect(await metric(s.url, 'aqe_mcp_sessions_closed_total{reason="idle"}')).toBe(19);

    clock += 61_000;
    await until(async () => (await metric(s.url, 'aqe_mcp_sessions')) === 0);
  });

  it('at the cap the longest-idle session makes room for a new one', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push((await openSession(s.url)).id!);
      clock += 10;
    }
    const { status, id } = await openSession(s.url);
    expect(status).toBe(200);
    expect(id).toBeTruthy();
    expect(await metric(s.url, 'aqe_mcp_sessions')).toBe(20);
    expect(await ping(s.url, ids[0])).toBe(404);
    expect(await ping(s.url, ids[1])).toBe(200);
    expect(await metric(s.url, 'aqe_mcp_sessions_closed_total{reason="cap"}')).toBe(1);
  });
});

describe('MCP Origin validation and CORS (security.allowedOrigins)', () => {
  let s: TestServer;
  const APP = 'https://app.example.com';
  beforeAll(async () => {
    s = await startTestServer({ security: { allowedOrigins: [APP] } });
  });
  afterAll(() => s.close());

  it('/mcp refuses a browser Origin that is not allowed with 403; an allowed one works and gets CORS headers', async () => {
    const evil = await openSession(s.url, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.id).toBeNull();
    const nul = await openSession(s.url, { origin: 'null' });
    expect(nul.status).toBe(403);
    const ok = await openSession(s.url, { origin: APP });
    expect(ok.status).toBe(200);
    expect(ok.res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(ok.res.headers.get('access-control-expose-headers')).toContain('mcp-session-id');
    // no Origin: not a browser, served as before
    expect((await openSession(s.url)).status).toBe(200);
  });

  it('CORS: a preflight from an allowed origin is answered; others get no CORS headers', async () => {
    const pre = await fetch(`${s.url}/v1/tasks`, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(APP);
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const odd = await fetch(`${s.url}/v1/tasks`, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-evil-reflected' } });
    expect(odd.headers.get('access-control-allow-headers')).not.toContain('x-evil-reflected');
    const other = await fetch(`${s.url}/v1/tasks`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const res = await postJson(`${s.url}/v1/tasks`, { ...reviewTask, id: 'cors-1' }, { origin: APP });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
  });
});

describe('MCP tools: strict arguments, ids, admission', () => {
  let fake: FakeOpenAIServer;
  let s: TestServer;
  let client: Client;
  beforeAll(async () => {
    fake = await FakeOpenAIServer.start({ record: false });
    fake.setScript((req) => (JSON.stringify(req.body?.messages ?? '').includes('HOLD') ? { text: 'late', firstByteDelayMs: 60_000 } : { text: 'ok' }));
    s = await startTestServer(fakeModelConfig(fake.url, { fleet: { maxConcurrentTasks: 1, maxQueuedTasks: 0 }, streaming: { enabled: true, timeoutMs: 120_000 } }));
    client = new Client({ name: 'aqe-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${s.url}/mcp`)));
  });
  afterAll(async () => {
    await client?.close();
    await s?.close();
    await fake?.close();
  });

  const text = (r: any): string => (r.content as Array<{ text: string }>).map((c) => c.text).join('\n');

  it('an unknown argument is an error naming it; nothing runs', async () => {
    const r = await client.callTool({ name: 'security-scanner', arguments: { ...SECURITY_ARGS, id: 'mcp-strict-1', sourcePath: '/etc/passwd' } });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/sourcePath/);
    expect(s.fleet.getTask('mcp-strict-1')).toBeUndefined();
    const route = await client.callTool({ name: 'route_task', arguments: { description: 'x', outDir: '/tmp' } });
    expect(route.isError).toBe(true);
    expect(text(route)).toMatch(/outDir/);
  });

  it('a bad task id is refused before anything runs', async () => {
    for (const id of ['a\r\nb', 'task-🚀', 'x'.repeat(129)]) {
      const r = await client.callTool({ name: 'security-scanner', arguments: { ...SECURITY_ARGS, id } });
      expect(r.isError).toBe(true);
      expect(text(r)).toMatch(/1-128 characters/);
    }
    expect(fake.requestCount).toBe(0);
  });

  it('a full fleet refuses a tool call with AQE_ERR_FLEET_OVERLOADED', async () => {
    expect((await postJson(`${s.url}/v1/tasks?wait=false`, { ...reviewTask, id: 'hold-1', description: 'HOLD the line' })).status).toBe(202);
    const r = await client.callTool({ name: 'security-scanner', arguments: { ...SECURITY_ARGS, id: 'mcp-over-1' } });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/AQE_ERR_FLEET_OVERLOADED: .*fleet\.maxQueuedTasks 0/);
    expect(s.fleet.getTask('mcp-over-1')).toBeUndefined();
    await fetch(`${s.url}/v1/tasks/hold-1`, { method: 'DELETE' });
  });
});
