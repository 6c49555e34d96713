import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewTask } from '../../helpers/fleet.js';
import { STREAMING_ON, postJson, startTestServer, type TestServer } from '../../helpers/server.js';

function hasPromtool(): boolean {
  return spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
}

describe('/health, /ready, /metrics', () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it('/health answers as the seed shows, plus uptime, store and budget', async () => {
    s = await startTestServer();
    const res = await fetch(`${s.url}/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'healthy', version: '1.0.5', features: { multiModelRouter: false, streaming: false } });
    expect(Object.keys(body).slice(0, 3)).toEqual(['status', 'version', 'features']);
    expect(body.uptime).toBeTypeOf('number');
    expect(body.store).toEqual({ kind: 'sqlite', status: 'ok' });
    expect(body.replica).toBeTypeOf('string');
    expect(body.budget.daily).toMatchObject({ limit: 10, spent: 0 });
    expect(body.budget.monthly).toMatchObject({ limit: 200 });
  });

  it('/health reports the effective flags', async () => {
    s = await startTestServer(STREAMING_ON);
    expect((await (await fetch(`${s.url}/health`)).json()).features).toEqual({ multiModelRouter: false, streaming: true });
  });

  it('/health is 503 "unhealthy" when the store is unreachable', async () => {
    s = await startTestServer();
    await s.fleet.getMemory().getStore().close();
    const res = await fetch(`${s.url}/health`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.status).toBe('unhealthy');
    expect(body.store.status).toBe('unreachable');
  });

  it('/ready is true, then 503 false while draining', async () => {
    s = await startTestServer();
    const ok = await fetch(`${s.url}/ready`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ready: true, draining: false, store: { kind: 'sqlite', status: 'ok' } });
    s.state.draining = true;
    const draining = await fetch(`${s.url}/ready`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({ ready: false, draining: true, store: { kind: 'sqlite', status: 'ok' } });
  });

  it('/ready is 503 while the store is unreachable', async () => {
    s = await startTestServer();
    await s.fleet.getMemory().getStore().close();
    const res = await fetch(`${s.url}/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, draining: false, store: { kind: 'sqlite', status: 'unreachable' } });
  });

  it('/metrics labels every series with the replica (fleet.replica, else HOSTNAME) and /health names it', async () => {
    s = await startTestServer({}, { env: { HOSTNAME: 'aqe-7d9f-abcde' } });
    const text = await (await fetch(`${s.url}/metrics`)).text();
    expect(text).toMatch(/aqe_budget_limit_dollars\{window="daily",replica="aqe-7d9f-abcde"\} 10/);
    expect(text).toMatch(/process_resident_memory_bytes\{replica="aqe-7d9f-abcde"\} \d+/);
    expect((await (await fetch(`${s.url}/health`)).json()).replica).toBe('aqe-7d9f-abcde');
    await s.close();
    s = await startTestServer({ fleet: { replica: 'canary-1' } }, { env: { HOSTNAME: 'ignored' } });
    expect(await (await fetch(`${s.url}/metrics`)).text()).toMatch(/aqe_budget_limit_dollars\{window="daily",replica="canary-1"\} 10/);
  });

  it('/metrics has the fleet metric families after tasks ran', async () => {
    s = await startTestServer({ ...STREAMING_ON, features: { streaming: true, multiModelRouter: true }, routing: { enabled: true } });
    for (const id of ['m1', 'm2']) expect((await postJson(`${s.url}/v1/tasks`, { ...reviewTask, id })).status).toBe(200);
    const streamed = await postJson(`${s.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'm3' });
    await streamed.text();
    expect((await postJson(`${s.url}/v1/tasks`, { ...reviewTask, id: 'm4', type: 'nope' })).status).toBe(400);
    const res = await fetch(`${s.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const family of [
      'aqe_tasks_total', 'aqe_task_duration_seconds', 'aqe_stream_first_chunk_seconds', 'aqe_streams_total', 'aqe_stream_fallbacks_total',
      'aqe_routing_selections_total', 'aqe_cost_dollars_total', 'aqe_budget_spent_dollars', 'aqe_budget_limit_dollars', 'aqe_errors_total',
      'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${family} `);
    }
    expect(text).toMatch(/aqe_tasks_total\{task_type="security-scan",agent_type="security-scanner",model="[^"]+",outcome="completed"\} 3/);
    expect(text).toMatch(/aqe_streams_total\{outcome="completed"\} 1/);
    expect(text).toMatch(/aqe_routing_selections_total\{model="[^"]+"\} 3/);
    expect(text).toMatch(/aqe_budget_limit_dollars\{window="daily"\} 10/);
    expect(text).toMatch(/aqe_budget_limit_dollars\{window="monthly"\} 200/);
    expect(text).toMatch(/aqe_stream_first_chunk_seconds_count\{model="[^"]+"\} 1/);
  });

  it('the /metrics output passes `promtool check metrics`', async (ctx) => {
    if (!hasPromtool()) {
      console.warn('skipped: promtool not found; install the Debian package "prometheus" (apt-get install -y prometheus) to run this check');
      ctx.skip();
      return;
    }
    s = await startTestServer({ ...STREAMING_ON, features: { streaming: true, multiModelRouter: true }, routing: { enabled: true } });
    await postJson(`${s.url}/v1/tasks`, { ...reviewTask, id: 'p1' });
    await (await postJson(`${s.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'p2' })).text();
    const text = await (await fetch(`${s.url}/metrics`)).text();
    const file = join(s.dir, 'metrics.txt');
    writeFileSync(file, text);
    // promtool reads the exposition from stdin; lint problems make it exit non-zero and print them.
    let out = '';
    try {
      out = execFileSync('sh', ['-c', `promtool check metrics < "${file}" 2>&1`], { encoding: 'utf8' });
    } catch (err) {
      throw new Error(`promtool check metrics failed:\n${(err as { stdout?: string }).stdout ?? err}`);
    }
    expect(out.trim()).toBe('');
  });
});
