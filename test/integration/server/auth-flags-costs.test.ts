import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewTask } from '../../helpers/fleet.js';
import { collectSse, postJson, startTestServer, type TestServer } from '../../helpers/server.js';

const TOKEN = 'test-token-0123456789';

function getWithHost(url: string, host: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
const auth = { authorization: `Bearer ${TOKEN}` };

describe('bearer-token auth', () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it('guards everything but /health, /ready and /metrics; 401 says nothing more', async () => {
    s = await startTestServer({ api: { token: TOKEN } });
    for (const path of ['/health', '/ready', '/metrics']) expect((await fetch(`${s.url}${path}`)).status).toBe(200);
    for (const [method, path] of [['GET', '/v1/flags'], ['GET', '/v1/costs'], ['POST', '/v1/tasks'], ['GET', '/v1/tasks/x'], ['DELETE', '/v1/tasks/x'], ['POST', '/mcp'], ['GET', '/nothing-here']]) {
      const none = await fetch(`${s.url}${path}`, { method });
      const wrong = await fetch(`${s.url}${path}`, { method, headers: { authorization: 'Bearer wrong' } });
      expect(none.status, `${method} ${path}`).toBe(401);
      expect(wrong.status, `${method} ${path}`).toBe(401);
      expect(await none.json()).toEqual({ error: { code: 'AQE_ERR_UNAUTHORIZED', message: 'unauthorized' } });
      expect(await wrong.json()).toEqual({ error: { code: 'AQE_ERR_UNAUTHORIZED', message: 'unauthorized' } });
    }
    const ok = await postJson(`${s.url}/v1/tasks`, reviewTask, auth);
    expect(ok.status).toBe(200);
    expect((await fetch(`${s.url}/v1/flags`, { headers: auth })).status).toBe(200);
  });

  it('with no token, a request for a foreign Host name (DNS rebinding) is refused; with a token the token decides', async () => {
    s = await startTestServer();
    expect(await getWithHost(`${s.url}/v1/flags`, 'rebind.attacker.example')).toBe(403);
    expect(await getWithHost(`${s.url}/v1/flags`, 'localhost')).toBe(200);
    await s.close();
    s = await startTestServer({ api: { token: TOKEN } });
    expect(await getWithHost(`${s.url}/v1/flags`, 'aqe.internal.example', auth)).toBe(200);
  });

  it('api.metricsRequireAuth puts /metrics behind the token', async () => {
    s = await startTestServer({ api: { token: TOKEN, metricsRequireAuth: true } });
    expect((await fetch(`${s.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${s.url}/metrics`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });
});

describe('/v1/flags: runtime overrides', () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it("the seed's immediate rollback applies to the next task, with no restart, and is logged with time and caller", async () => {
    s = await startTestServer({ features: { multiModelRouter: true, streaming: true }, routing: { enabled: true }, streaming: { enabled: true } });
    const before = await (await fetch(`${s.url}/v1/flags`)).json();
    expect(before.flags.multiModelRouter).toMatchObject({ value: true, source: 'config' });
    expect(before.flags.streaming).toMatchObject({ value: true, source: 'config' });

    const streamed = await collectSse(await postJson(`${s.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'before-rollback' }));
    expect(streamed[0].data).toMatchObject({ stream: true, flags: { multiModelRouter: true, streaming: true } });
    expect(streamed.at(-1)!.data.streamed).toBe(true);

    const put = await fetch(`${s.url}/v1/flags`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-aqe-caller': 'oncall-alice' },
      body: JSON.stringify({ multiModelRouter: false, streaming: false }),
    });
    expect(put.status).toBe(200);
    const after = await put.json();
    expect(after.flags.multiModelRouter).toEqual({ value: false, source: 'override' });
    expect(after.flags.streaming).toEqual({ value: false, source: 'override' });
    expect(after.overrides).toEqual({ multiModelRouter: false, streaming: false });
    expect(after.changes).toHaveLength(1);
    expect(after.changes[0]).toMatchObject({ caller: 'oncall-alice@127.0.0.1', values: { multiModelRouter: false, streaming: false } });
    expect(Date.parse(after.changes[0].at)).toBeGreaterThan(Date.now() - 60_000);

    const health = await (await fetch(`${s.url}/health`)).json();
    expect(health.features).toEqual({ multiModelRouter: false, streaming: false });

    const next = await collectSse(await postJson(`${s.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'after-rollback' }));
    expect(next[0].data).toMatchObject({ stream: false, flags: { multiModelRouter: false, streaming: false } });
    expect(next.map((e) => e.event)).toEqual(['start', 'usage', 'complete']);
    expect(next.at(-1)!.data).toMatchObject({ streamed: false, modelName: 'claude-sonnet-4.5' });

    // null clears an override: back to the config's value.
    const cleared = await (await fetch(`${s.url}/v1/flags`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ streaming: null }) })).json();
    expect(cleared.flags.streaming).toMatchObject({ value: true, source: 'config' });
    expect(cleared.changes.map((c: { caller: string }) => c.caller)).toEqual(['oncall-alice@127.0.0.1', 'api@127.0.0.1']);
  });

  it('400 names an unknown flag or a bad value', async () => {
    s = await startTestServer();
    const put = (body: string) => fetch(`${s!.url}/v1/flags`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body });
    const unknown = await put('{"turbo":true}');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toMatch(/turbo: unknown field \(known: multiModelRouter, streaming\)/);
    const bad = await put('{"streaming":"off"}');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^body: streaming: /);
    const empty = await put('{}');
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toMatch(/name at least one flag/);
  });

  it('GET ?agentType= explains the flags for one agent type', async () => {
    s = await startTestServer({ features: { streaming: false }, streaming: { enabled: true }, featureOverrides: { agentType: { 'security-scanner': { streaming: true } } } });
    const body = await (await fetch(`${s.url}/v1/flags?agentType=security-scanner`)).json();
    expect(body.agentType).toBe('security-scanner');
    expect(body.flags.streaming).toMatchObject({ value: true, source: 'agentOverride' });
  });
});

describe('/v1/costs', () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it('is the cost report as JSON, with the spent tasks in it', async () => {
    s = await startTestServer({ features: { multiModelRouter: true }, routing: { enabled: true } });
    for (const id of ['c1', 'c2']) expect((await postJson(`${s.url}/v1/tasks`, { ...reviewTask, id })).status).toBe(200);
    const res = await fetch(`${s.url}/v1/costs?period=7d&by=model`);
    expect(res.status).toBe(200);
    const report = await res.json();
    // The offline engine spends no money: its estimates are reported apart, as simulated.
    expect(report).toMatchObject({ period: '7d', by: 'model', tasks: 0, simulated: { tasks: 2, records: 2 } });
    expect(report.simulated.cost).toBeGreaterThan(0);
    expect(report.budget.daily.simulated).toBeCloseTo(report.simulated.cost, 10);
    expect(report.simulated.groups.length).toBeGreaterThan(0);
  });

  it('400 names a bad query field', async () => {
    s = await startTestServer();
    const res = await fetch(`${s.url}/v1/costs?period=2y`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^query: period: /);
  });
});
