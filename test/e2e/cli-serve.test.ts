import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeOpenAIServer } from '../helpers/fake-openai.js';
import { reviewTask, tempDir } from '../helpers/fleet.js';
import { fakeModelConfig, postJson, readSse } from '../helpers/server.js';

const BIN = resolve('bin/aqe.js');

interface Served {
  child: ChildProcess;
  url: string;
  exit: Promise<number | null>;
  stderr: () => string;
}

function serve(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [BIN, ...args, 'serve', '--port', '0', '--json'], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolvePromise, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => {
      try {
        resolvePromise({ child, url: JSON.parse(line).url, exit, stderr: () => err });
      } catch (e) {
        reject(new Error(`unexpected first line ${line}: ${String(e)}; stderr: ${err}`));
      }
    });
    void exit.then((code) => reject(new Error(`aqe serve exited with ${code} before listening: ${err}`)));
  });
}

describe('aqe serve', () => {
  let fake: FakeOpenAIServer;
  let dir: string;
  let cleanup: () => void;
  let served: Served | undefined;

  const writeConfig = (extra: Record<string, unknown> = {}) => {
    const config = { ...fakeModelConfig(fake.url), database: { path: join(dir, 'fleet.db') }, logging: { level: 'info' }, ...extra };
    writeFileSync(join(dir, 'fleet.yaml'), JSON.stringify(config, null, 2));
    return join(dir, 'fleet.yaml');
  };

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('aqe-e2e-serve-'));
    fake = await FakeOpenAIServer.start({ record: false });
  });
  afterEach(async () => {
    if (served && served.child.exitCode === null) {
      served.child.kill('SIGKILL');
      await served.exit;
    }
    served = undefined;
  });
  afterAll(async () => {
    await fake.close();
    cleanup();
  });

  it('serves /health on loopback, says auth is off, and on SIGTERM lets the running task finish, then exits 0', async () => {
    fake.setScript(() => ({ text: 'chunk '.repeat(40), chunkSize: 6, chunkDelayMs: 15 }));
    served = await serve(['-c', writeConfig()], dir);
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await (await fetch(`${served.url}/health`)).json();
    expect(health).toMatchObject({ status: 'healthy', version: '1.0.5', features: { multiModelRouter: false, streaming: true } });
    // pino writes the warning asynchronously: it may reach stderr after the listening line reached stdout
    await vi.waitFor(() => expect(served!.stderr()).toMatch(/no API token configured.*loopback/), { timeout: 5_000 });

    const res = await postJson(`${served.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'e2e-drain' });
    const reader = readSse(res);
    expect((await reader.next()).value?.event).toBe('start');
    served.child.kill('SIGTERM');
    const events: string[] = [];
    for await (const ev of reader) events.push(ev.event);
    expect(events.at(-1)).toBe('complete');
    expect(await served.exit).toBe(0);
    expect(served.stderr()).toMatch(/SIGTERM: no new requests/);
  });

  it('AQE_API_TOKEN turns auth on; SIGHUP reloads the config (the rollback takes effect without a restart)', async () => {
    const cfg = writeConfig();
    served = await serve(['-c', cfg], dir, { AQE_API_TOKEN: 'e2e-token-123' });
    expect((await fetch(`${served.url}/v1/flags`)).status).toBe(401);
    const flags = await (await fetch(`${served.url}/v1/flags`, { headers: { authorization: 'Bearer e2e-token-123' } })).json();
    expect(flags.flags.streaming.value).toBe(true);

    writeConfig({ features: { streaming: false } });
    served.child.kill('SIGHUP');
    let streaming = true;
    for (let i = 0; i < 100 && streaming; i++) {
      await new Promise((r) => setTimeout(r, 50));
      streaming = (await (await fetch(`${served.url}/health`)).json()).features.streaming;
    }
    expect(streaming).toBe(false);
    served.child.kill('SIGTERM');
    expect(await served.exit).toBe(0);
  });

  it('refuses a non-loopback --host without a token (exit 2, clear message)', () => {
    const r = spawnSync(process.execPath, [BIN, '-c', writeConfig(), 'serve', '--host', '0.0.0.0', '--port', '0'], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/AQE_ERR_USAGE: refusing to listen on 0\.0\.0\.0 without an API token/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a port already in use in words, with exit 2 and no stack', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as import('node:net').AddressInfo).port;
    try {
      const r = spawnSync(process.execPath, [BIN, '-c', writeConfig(), 'serve', '--port', String(port)], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`aqe: AQE_ERR_USAGE: cannot listen on 127.0.0.1:${port}: the port is already in use`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('security.enableAuth true without a token: refuses to start, saying what to set (exit 1)', () => {
    const r = spawnSync(process.execPath, [BIN, '-c', writeConfig({ security: { enableAuth: true } }), 'serve', '--port', '0'], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('aqe: AQE_ERR_CONFIG_INVALID: security.enableAuth is true but no API token is configured');
    expect(r.stderr).toMatch(/set AQE_API_TOKEN/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('security.enableAuth true with AQE_API_TOKEN: tasks need the token', async () => {
    served = await serve(['-c', writeConfig({ security: { enableAuth: true } })], dir, { AQE_API_TOKEN: 'e2e-token-123456' });
    expect((await postJson(`${served.url}/v1/tasks`, reviewTask)).status).toBe(401);
    expect((await postJson(`${served.url}/v1/tasks`, reviewTask, { authorization: 'Bearer e2e-token-123456' })).status).toBe(200);
  });

  it('payload paths and ids from the network: {"sourcePath":"/etc/passwd"} and a CR/LF id are 400, nothing is written', async () => {
    served = await serve(['-c', writeConfig()], dir);
    const gen = { id: 'x-1', type: 'test-generation', description: 'tests', payload: { files: [], sourcePath: '/etc/passwd', outDir: '/etc' } };
    const res = await postJson(`${served.url}/v1/tasks`, gen);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/payload\.sourcePath: server-side paths are refused/);
    const crlf = await postJson(`${served.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'a\r\nX-Injected: 1' });
    expect(crlf.status).toBe(400);
    expect(crlf.headers.get('x-injected')).toBeNull();
    const unknown = await postJson(`${served.url}/v1/tasks`, { ...reviewTask, id: 'x-2', payload: { ...reviewTask.payload, root: '/' } });
    expect((await unknown.json()).error.message).toMatch(/payload: unknown field "root" for security-scanner/);
    expect(existsSync('/etc/test/generated')).toBe(false);
  });

  it('api.workspaceRoot that is not a directory: refuses to start (exit 1)', () => {
    const r = spawnSync(process.execPath, [BIN, '-c', writeConfig({ api: { workspaceRoot: join(dir, 'no-such-folder') } }), 'serve', '--port', '0'], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/api\.workspaceRoot ".*no-such-folder" is not a readable directory/);
  });

  it('rejects a bad --port with exit 2', () => {
    const r = spawnSync(process.execPath, [BIN, '-c', writeConfig(), 'serve', '--port', 'http'], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/AQE_ERR_USAGE: --port: expected an integer 0-65535/);
  });
});
