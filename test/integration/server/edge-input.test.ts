import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAIServer } from '../../helpers/fake-openai.js';
import { reviewTask } from '../../helpers/fleet.js';
import { collectSse, fakeModelConfig, postJson, startTestServer, type TestServer } from '../../helpers/server.js';

const genTask = {
  id: 'gen-1',
  type: 'test-generation',
  description: 'Unit tests for sum.',
  payload: { language: 'javascript', framework: 'node:test', files: [{ path: 'sum.js', content: 'export function sum(a, b) {\n  return a + b;\n}\n' }] },
};

async function metric(s: TestServer, name: string): Promise<number> {
  const text = await (await fetch(`${s.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').pop()) : NaN;
}

/** POST with a raw socket, so the test sees exactly what the server answers (status line and headers). */
function rawPost(url: string, path: string, body: string): Promise<{ status: number; statusMessage: string; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, statusMessage: res.statusMessage!, headers: res.headers, body: text }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error('no response within 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

describe('the service edge: strict tasks, ids, workspace paths', () => {
  let s: TestServer;
  let ws: string;
  let outside: string;
  beforeAll(async () => {
    ws = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-ws-')));
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-out-')));
    mkdirSync(join(ws, 'src'));
    writeFileSync(join(ws, 'package.json'), '{"type":"module"}\n');
    writeFileSync(join(ws, 'src', 'sum.js'), 'export function sum(a, b) {\n  return a + b;\n}\n');
    writeFileSync(join(outside, 'secret.js'), 'export const k = () => 1;\n');
    symlinkSync(outside, join(ws, 'escape'));
    s = await startTestServer({ api: { workspaceRoot: ws } });
  });
  afterAll(async () => {
    await s.close();
    rmSync(ws, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('unknown fields: 400 naming them, top level and payload', async () => {
    const top = await postJson(`${s.url}/v1/tasks`, { ...reviewTask, id: 'u-1', priorty: 1 });
    expect(top.status).toBe(400);
    expect((await top.json()).error).toMatchObject({ code: 'AQE_ERR_TASK_INVALID', message: expect.stringMatching(/unknown field "priorty"/) });
    const inner = await postJson(`${s.url}/v1/tasks`, { ...reviewTask, id: 'u-2', payload: { ...reviewTask.payload, sourcePath: 'src/sum.js' } });
    expect(inner.status).toBe(400);
    expect((await inner.json()).error.message).toMatch(/payload: unknown field "sourcePath" for security-scanner/);
    expect(s.fleet.getTask('u-1')).toBeUndefined();
    expect(s.fleet.getTask('u-2')).toBeUndefined();
  });

  it('path exploits get 400 and touch nothing: /etc/passwd, ../../etc, a symlink out, NUL, percent-encoding', async () => {
    const exploits: Array<[Record<string, unknown>, RegExp]> = [
      [{ sourcePath: '/etc/passwd' }, /payload\.sourcePath: .*absolute paths are refused/],
      [{ sourcePath: 'src/sum.js', outDir: '../../etc' }, /payload\.outDir: escapes the workspace/],
      [{ sourcePath: 'src/sum.js', outDir: '/tmp' }, /payload\.outDir: .*absolute/],
      [{ sourcePath: 'escape/secret.js' }, /payload\.sourcePath: escapes the workspace .* through a symlink/],
      [{ sourcePath: 'src/sum.js', projectRoot: 'escape' }, /payload\.projectRoot: .*through a symlink/],
      [{ sourcePath: 'src/sum.js\u0000/../../../etc/passwd' }, /payload\.sourcePath: contains a control character/],
      [{ sourcePath: '..%2F..%2Fetc%2Fpasswd' }, /payload\.sourcePath: does not exist in the workspace/],
      [{ sourcePath: 'src/sum.js', root: '/' }, /payload\.root: .*absolute/],
    ];
    let n = 0;
    for (const [extra, why] of exploits) {
      const id = `path-${++n}`;
      const res = await postJson(`${s.url}/v1/tasks`, { ...genTask, id, payload: { ...genTask.payload, ...extra } });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect((await res.json()).error.message, JSON.stringify(extra)).toMatch(why);
      expect(s.fleet.getTask(id)).toBeUndefined();
    }
    expect(existsSync('/etc/test')).toBe(false);
    expect(existsSync(join(outside, 'test'))).toBe(false);
  });

  it('a relative path inside the workspace is used, resolved to its real path', async () => {
    const res = await postJson(`${s.url}/v1/tasks`, { ...genTask, id: 'ws-ok', payload: { ...genTask.payload, files: [], sourcePath: 'src/sum.js', outDir: 'generated', run: false, noSideFile: true } });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.output.source).toBe(join(ws, 'src', 'sum.js'));
    expect(body.output.testFile).toMatch(new RegExp(`^${ws}/generated/`));
  }, 60_000);

  it('ids: CR/LF, non-Latin-1, emoji and 129 characters are 400 before any side effect, whatever the mode', async () => {
    const tasksBefore = await metric(s, 'aqe_tasks_total');
    const costBefore = (await s.fleet.getCostTracker().report({ period: '1d' })).records;
    const bad = ['a\r\nSet-Cookie: owned=1', 'tâche-1', '任务', 'task-🚀', 'x'.repeat(129), ''];
    for (const id of bad) {
      for (const query of ['', '?wait=false', '?stream=true']) {
        const res = await rawPost(s.url, `/v1/tasks${query}`, JSON.stringify({ ...reviewTask, id }));
        expect(res.status, `${JSON.stringify(id)} ${query}`).toBe(400);
        expect(res.statusMessage).toBe('Bad Request');
        expect(JSON.parse(res.body).error.message).toMatch(/^body: id: expected 1-128 characters/);
        expect(res.headers['set-cookie']).toBeUndefined();
        expect(res.headers.location).toBeUndefined();
      }
    }
    // nothing ran, nothing was charged, the SSE gauge did not move
    expect(await metric(s, 'aqe_tasks_total')).toEqual(tasksBefore);
    expect(await metric(s, 'aqe_sse_streams_open')).toBe(0);
    expect((await s.fleet.getCostTracker().report({ period: '1d' })).records).toBe(costBefore);
  });

  it('ids in the URL are checked too: 400, no header echoes them', async () => {
    for (const path of ['/v1/tasks/a%0D%0Ab', '/v1/tasks/%F0%9F%9A%80', `/v1/tasks/${'y'.repeat(129)}`, '/v1/tasks/a%0D%0Ab/events']) {
      const res = await fetch(`${s.url}${path}`);
      expect(res.status, path).toBe(400);
      expect([...res.headers.keys()].some((k) => k === 'x-task-id')).toBe(false);
    }
    expect((await fetch(`${s.url}/v1/tasks/a%0D%0A`, { method: 'DELETE' })).status).toBe(400);
  });

  it('a good id streams and the SSE gauge goes back to 0', async () => {
    const res = await postJson(`${s.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'ns:stream_1.ok' });
    expect(res.headers.get('x-task-id')).toBe('ns:stream_1.ok');
    const events = await collectSse(res);
    expect(events.at(-1)!.event).toBe('complete');
    expect(await metric(s, 'aqe_sse_streams_open')).toBe(0);
    const later = await postJson(`${s.url}/v1/tasks?wait=false`, { ...reviewTask, id: 'ns:later.1' });
    expect(later.status).toBe(202);
    expect(later.headers.get('location')).toBe('/v1/tasks/ns%3Alater.1');
  });
});

describe('without api.workspaceRoot', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('every server-side path field is refused with 400 saying why', async () => {
    for (const [field, value] of [['sourcePath', 'src/sum.js'], ['outDir', 'out'], ['projectRoot', '.'], ['root', '.']]) {
      const res = await postJson(`${s.url}/v1/tasks`, { ...genTask, id: `nows-${field}`, payload: { ...genTask.payload, [field]: value } });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(new RegExp(`payload\\.${field}: server-side paths are refused: .*api\\.workspaceRoot is not configured`));
    }
    const cov = await postJson(`${s.url}/v1/tasks`, { id: 'nows-cov', type: 'coverage-analysis', description: 'gaps', payload: { files: [], reportDir: '/etc' } });
    expect((await cov.json()).error.message).toMatch(/payload\.reportDir: server-side paths are refused/);
  });
});

describe('admission control: fleet.maxQueuedTasks', () => {
  let fake: FakeOpenAIServer;
  let s: TestServer;
  beforeAll(async () => {
    fake = await FakeOpenAIServer.start({ record: false });
    fake.setScript(() => ({ text: 'slow answer', firstByteDelayMs: 60_000 }));
    s = await startTestServer(fakeModelConfig(fake.url, { fleet: { maxConcurrentTasks: 1, maxQueuedTasks: 1 }, streaming: { enabled: true, timeoutMs: 120_000 } }));
  });
  afterAll(async () => {
    await s.close();
    await fake.close();
  });

  it('a full queue answers 503 with Retry-After and a JSON error naming the limit; JSON, no-wait and stream alike', async () => {
    expect((await postJson(`${s.url}/v1/tasks?wait=false`, { ...reviewTask, id: 'busy-1' })).status).toBe(202);
    expect((await postJson(`${s.url}/v1/tasks?wait=false`, { ...reviewTask, id: 'busy-2' })).status).toBe(202);
    expect(s.fleet.runningTasks()).toEqual({ running: 1, queued: 1 });

    for (const query of ['', '?wait=false', '?stream=true']) {
      const res = await postJson(`${s.url}/v1/tasks${query}`, { ...reviewTask, id: 'refused-1' });
      expect(res.status, query).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = await res.json();
      expect(body.error).toMatchObject({ code: 'AQE_ERR_FLEET_OVERLOADED', limit: 'fleet.maxQueuedTasks', retryAfterSeconds: expect.any(Number) });
      expect(body.error.message).toMatch(/fleet\.maxQueuedTasks 1/);
    }
    expect(s.fleet.getTask('refused-1')).toBeUndefined();
    expect(await metric(s, 'aqe_tasks_rejected_total')).toBe(3);
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toContain('aqe_tasks_in_flight{state="queued"} 1');
    expect(metrics).toContain('aqe_tasks_limit{state="queued"} 1');
    expect(metrics).toContain('aqe_sse_streams_open 0');

    // cancelling frees the places: the next task is admitted again
    expect((await fetch(`${s.url}/v1/tasks/busy-2`, { method: 'DELETE' })).status).toBe(202);
    expect((await fetch(`${s.url}/v1/tasks/busy-1`, { method: 'DELETE' })).status).toBe(202);
    for (let i = 0; i < 200 && s.fleet.runningTasks().running + s.fleet.runningTasks().queued > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await postJson(`${s.url}/v1/tasks?wait=false`, { ...reviewTask, id: 'after-1' })).status).toBe(202);
    await fetch(`${s.url}/v1/tasks/after-1`, { method: 'DELETE' });
  }, 30_000);
});
