import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetManager } from '../../../src/fleet/FleetManager.js';
import { silentLogger } from '../../../src/logging.js';
import { startServer } from '../../../src/server/start.js';
import { FakeOpenAIServer } from '../../helpers/fake-openai.js';
import { reviewTask, tempDir, testConfig } from '../../helpers/fleet.js';
import { fakeModelConfig, postJson, readSse } from '../../helpers/server.js';

describe('startServer: drain on shutdown', () => {
  let fake: FakeOpenAIServer;
  beforeAll(async () => {
    fake = await FakeOpenAIServer.start({ record: false });
    fake.setScript(() => ({ text: 'step '.repeat(30), chunkSize: 5, chunkDelayMs: 10 }));
  });
  afterAll(() => fake.close());

  async function start(graceMs: number) {
    const { dir, cleanup } = tempDir('aqe-shutdown-');
    const fleet = new FleetManager(testConfig(fakeModelConfig(fake.url), dir), { env: {}, logger: silentLogger(), cwd: dir });
    await fleet.initialize();
    const server = await startServer(fleet, { host: '127.0.0.1', port: 0, graceMs, logger: silentLogger() });
    return { fleet, server, cleanup };
  }

  it('stops accepting, lets the running task finish within the grace period, then closes', async () => {
    const { fleet, server, cleanup } = await start(5000);
    expect(server.notice).toMatch(/loopback/);
    const res = await postJson(`${server.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'drain-1' });
    const reader = readSse(res);
    expect((await reader.next()).value?.event).toBe('start');
    const stopping = server.shutdown('test');
    expect(fleet.isDraining()).toBe(true);
    await expect(fetch(`${server.url}/ready`)).rejects.toThrow(); // the listener is closed
    const rest: string[] = [];
    for await (const ev of reader) rest.push(ev.event);
    expect(rest.at(-1)).toBe('complete');
    await stopping;
    expect(fleet.getTask('drain-1')?.status).toBe('completed');
    cleanup();
  });

  it('cancels what is still running when the grace period ends', async () => {
    fake.setScript(() => ({ text: 'step '.repeat(300), chunkSize: 5, chunkDelayMs: 10 }));
    const { fleet, server, cleanup } = await start(100);
    const res = await postJson(`${server.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'drain-2' });
    const reader = readSse(res);
    expect((await reader.next()).value?.event).toBe('start');
    await server.shutdown('test');
    const events = [];
    for await (const ev of reader) events.push(ev);
    // Cancelled by the shutdown: a retryable code, so the client submits it again (elsewhere, or after the restart).
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'AQE_ERR_FLEET_SHUTTING_DOWN', status: 'cancelled', retryable: true, result: { reason: 'shutdown' } } });
    expect(fleet.getTask('drain-2')).toMatchObject({ status: 'cancelled', reason: 'shutdown' });
    cleanup();
  });

  it('refuses a non-loopback host asked for without a token', async () => {
    const { dir, cleanup } = tempDir('aqe-shutdown-');
    const fleet = new FleetManager(testConfig({}, dir), { env: {}, logger: silentLogger(), cwd: dir });
    await fleet.initialize();
    await expect(startServer(fleet, { host: '0.0.0.0', hostExplicit: true, port: 0, logger: silentLogger() })).rejects.toThrow(/refusing to listen on 0\.0\.0\.0 without an API token/);
    await fleet.shutdown();
    cleanup();
  });

  it('after shutdown, a new task is refused with 503 by a server still closing', async () => {
    fake.setScript(() => ({ text: 'x '.repeat(20), chunkSize: 2, chunkDelayMs: 5 }));
    const { fleet, server, cleanup } = await start(2000);
    server.state.draining = true;
    const res = await postJson(`${server.url}/v1/tasks`, reviewTask);
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('AQE_ERR_FLEET_SHUTTING_DOWN');
    await server.shutdown();
    expect(fleet.isDraining()).toBe(true);
    cleanup();
  });
});
