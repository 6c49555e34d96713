import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAIServer } from '../../helpers/fake-openai.js';
import { reviewTask } from '../../helpers/fleet.js';
import { STREAMING_ON, collectSse, fakeModelConfig, postJson, readSse, startTestServer, type SseEvent, type TestServer } from '../../helpers/server.js';

describe('POST /v1/tasks (JSON), GET and DELETE /v1/tasks/:id', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({}, { bodyLimitBytes: 4096 });
  });
  afterAll(() => s.close());

  it('runs a task and answers with its result', async () => {
    const res = await postJson(`${s.url}/v1/tasks`, reviewTask);
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result).toMatchObject({ taskId: 'review-1', agentType: 'security-scanner', status: 'completed', streamed: false });
    expect(result.output.text).toContain('src/auth/check.ts');
    const got = await (await fetch(`${s.url}/v1/tasks/review-1`)).json();
    expect(got).toMatchObject({ id: 'review-1', type: 'security-scan', status: 'completed', result: { taskId: 'review-1' } });
  });

  it('gives a task without an id a fresh one', async () => {
    const { id: _id, ...noId } = reviewTask;
    const result = await (await postJson(`${s.url}/v1/tasks`, noId)).json();
    expect(result.taskId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('?wait=false answers 202 at once; the task can be fetched later', async () => {
    const res = await postJson(`${s.url}/v1/tasks?wait=false`, { ...reviewTask, id: 'later-1' });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe('/v1/tasks/later-1');
    expect(await res.json()).toEqual({ taskId: 'later-1', status: 'queued' });
    let status = '';
    for (let i = 0; i < 100 && status !== 'completed'; i++) {
      status = (await (await fetch(`${s.url}/v1/tasks/later-1`)).json()).status;
      if (status !== 'completed') await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe('completed');
  });

  it('400 names the bad field', async () => {
    const res = await postJson(`${s.url}/v1/tasks`, { ...reviewTask, type: 'make-coffee' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('AQE_ERR_TASK_INVALID');
    expect(body.error.message).toMatch(/type: expected one of/);
    expect(body.error.problems[0]).toMatch(/^type:/);

    const files = await (await postJson(`${s.url}/v1/tasks`, { ...reviewTask, payload: { files: [{ path: 'a.ts' }] } })).json();
    expect(files.error.message).toMatch(/payload\.files\[0\]\.content: expected a string/);

    const notJson = await fetch(`${s.url}/v1/tasks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":' });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe('AQE_ERR_BAD_REQUEST');

    const arr = await postJson(`${s.url}/v1/tasks`, [reviewTask]);
    expect(arr.status).toBe(400);
    expect((await arr.json()).error.message).toMatch(/body: expected a task object/);
  });

  it('413 for a body over the limit', async () => {
    const big = { ...reviewTask, id: 'big', payload: { files: [{ path: 'a.ts', content: 'x'.repeat(10_000) }] } };
    const res = await postJson(`${s.url}/v1/tasks`, big);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('AQE_ERR_PAYLOAD_TOO_LARGE');
  });

  it('unknown routes and tasks get a JSON 404', async () => {
    const res = await fetch(`${s.url}/v2/nothing`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect((await res.json()).error).toEqual({ code: 'AQE_ERR_NOT_FOUND', message: 'no route for GET /v2/nothing' });
    const task = await fetch(`${s.url}/v1/tasks/no-such-task`);
    expect(task.status).toBe(404);
    expect((await task.json()).error.code).toBe('AQE_ERR_NOT_FOUND');
    expect((await fetch(`${s.url}/v1/tasks/no-such-task`, { method: 'DELETE' })).status).toBe(404);
  });

  it('resuming a finished task whose events are not buffered gives its result, never a re-run', async () => {
    expect((await postJson(`${s.url}/v1/tasks`, { ...reviewTask, id: 'json-then-sse' })).status).toBe(200);
    const resumed = await collectSse(await postJson(`${s.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'json-then-sse' }, { 'last-event-id': '5' }));
    expect(resumed.map((e) => e.event)).toEqual(['usage', 'complete']);
    expect(resumed[1].data).toMatchObject({ taskId: 'json-then-sse', status: 'completed' });
    const viaGet = await collectSse(await fetch(`${s.url}/v1/tasks/json-then-sse/events`));
    expect(viaGet.map((e) => e.event)).toEqual(['usage', 'complete']);
    const unknown = await postJson(`${s.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'never-seen' }, { 'last-event-id': '5' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toMatch(/no stream of task never-seen to resume/);
  });

  it('DELETE of a finished task is a 409 conflict', async () => {
    expect((await postJson(`${s.url}/v1/tasks`, { ...reviewTask, id: 'done-1' })).status).toBe(200);
    const res = await fetch(`${s.url}/v1/tasks/done-1`, { method: 'DELETE' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/already completed/);
  });
});

describe('SSE task streams', () => {
  let fake: FakeOpenAIServer;
  let s: TestServer | undefined;
  beforeAll(async () => {
    fake = await FakeOpenAIServer.start({ record: false });
  });
  afterEach(async () => {
    await s?.close();
    s = undefined;
    fake.setScript(undefined);
  });
  afterAll(() => fake.close());

  const chunkText = (evs: SseEvent[]) => evs.filter((e) => e.event === 'chunk').map((e) => e.data.text).join('');

  it('?stream=true: start, chunks with sequence ids, usage, complete; the text equals the result', async () => {
    s = await startTestServer(STREAMING_ON);
    const res = await postJson(`${s.url}/v1/tasks?stream=true`, reviewTask);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('x-task-id')).toBe('review-1');
    const evs = await collectSse(res);
    const names = evs.map((e) => e.event);
    expect(names[0]).toBe('start');
    expect(names.slice(-2)).toEqual(['usage', 'complete']);
    const chunks = evs.filter((e) => e.event === 'chunk');
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.map((c) => c.id)).toEqual(chunks.map((_, i) => String(i + 1)));
    expect(evs[0].data).toMatchObject({ taskId: 'review-1', agentType: 'security-scanner', stream: true });
    const complete = evs.at(-1)!.data;
    expect(complete.status).toBe('completed');
    expect(complete.streamed).toBe(true);
    expect(chunkText(evs)).toBe(complete.output.text);
    expect(evs.at(-2)!.data).toMatchObject({ outputTokens: complete.usage.outputTokens, inputTokens: complete.usage.inputTokens });
  });

  it('Accept: text/event-stream also streams; with the streaming flag off the result arrives whole', async () => {
    s = await startTestServer();
    const res = await postJson(`${s.url}/v1/tasks`, reviewTask, { accept: 'text/event-stream' });
    const evs = await collectSse(res);
    expect(evs.map((e) => e.event)).toEqual(['start', 'usage', 'complete']);
    expect(evs[0].data.stream).toBe(false);
    expect(evs[2].data.streamed).toBe(false);
  });

  it('a failed task ends the stream with an error event', async () => {
    s = await startTestServer({ ...STREAMING_ON, features: { streaming: true, multiModelRouter: true }, routing: { enabled: true, costTracking: { countSimulated: true, budgetLimits: { daily: 0.0000001, monthly: 200 } } } });
    const evs = await collectSse(await postJson(`${s.url}/v1/tasks?stream=true`, reviewTask));
    const last = evs.at(-1)!;
    expect(last.event).toBe('error');
    expect(last.data).toMatchObject({ code: 'AQE_ERR_BUDGET_EXCEEDED', status: 'cancelled', result: { reason: 'budget' } });
    expect(last.data.message).toMatch(/daily budget exceeded/);
  });

  it('a client that reconnects with Last-Event-ID gets the chunks it missed, then the live rest', async () => {
    fake.setScript(() => ({ text: Array.from({ length: 24 }, (_, i) => `piece-${String(i).padStart(2, '0')} `).join(''), chunkSize: 9, chunkDelayMs: 25 }));
    s = await startTestServer(fakeModelConfig(fake.url));
    const task = { ...reviewTask, id: 'reconnect-1' };
    const ctrl = new AbortController();
    const first = await postJson(`${s.url}/v1/tasks?stream=true`, task, {}).then((r) => r);
    const seen: SseEvent[] = [];
    const firstReader = (async () => {
      for await (const ev of readSse(first)) {
        seen.push(ev);
        if (ev.event === 'chunk' && ev.data.seq === 3) break; // the client goes away after chunk 3
      }
    })();
    await firstReader;
    ctrl.abort();
    await first.body?.cancel().catch(() => undefined);
    expect(s.fleet.getTask('reconnect-1')?.status).toBe('running');

    const again = await postJson(`${s.url}/v1/tasks?stream=true`, task, { 'last-event-id': '3' });
    const rest = await collectSse(again);
    expect(rest[0].event).toBe('chunk');
    expect(rest[0].data.seq).toBe(4);
    const seqs = rest.filter((e) => e.event === 'chunk').map((e) => e.data.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 4));
    expect(rest.at(-1)!.event).toBe('complete');
    expect(chunkText(seen) + chunkText(rest)).toBe(rest.at(-1)!.data.output.text);

    // After the end, GET /v1/tasks/:id/events still replays from any point, then the terminal events.
    const late = await collectSse(await fetch(`${s.url}/v1/tasks/reconnect-1/events`, { headers: { 'last-event-id': String(seqs.at(-1)! - 1) } }));
    expect(late.map((e) => e.event)).toEqual(['chunk', 'usage', 'complete']);
  });

  it('DELETE cancels a running streamed task; its stream ends with an error event', async () => {
    fake.setScript(() => ({ text: 'slow '.repeat(200), chunkSize: 5, chunkDelayMs: 20 }));
    s = await startTestServer(fakeModelConfig(fake.url));
    const res = await postJson(`${s.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'cancel-1' });
    const evs: SseEvent[] = [];
    for await (const ev of readSse(res)) {
      evs.push(ev);
      if (ev.event === 'chunk' && ev.data.seq === 2) {
        const del = await fetch(`${s.url}/v1/tasks/cancel-1`, { method: 'DELETE' });
        expect(del.status).toBe(202);
        expect(await del.json()).toEqual({ taskId: 'cancel-1', status: 'cancelling' });
      }
    }
    const last = evs.at(-1)!;
    expect(last.event).toBe('error');
    expect(last.data).toMatchObject({ code: 'AQE_ERR_TASK_CANCELLED', status: 'cancelled' });
    expect(evs.filter((e) => e.event === 'chunk').length).toBeLessThan(200);
    expect((await (await fetch(`${s.url}/v1/tasks/cancel-1`)).json()).status).toBe('cancelled');
  });

  it('a second POST of a running task id is a 409', async () => {
    fake.setScript(() => ({ text: 'slow '.repeat(40), chunkSize: 5, chunkDelayMs: 20 }));
    s = await startTestServer(fakeModelConfig(fake.url));
    const res = await postJson(`${s.url}/v1/tasks?stream=true`, { ...reviewTask, id: 'dup-1' });
    const reader = readSse(res);
    expect((await reader.next()).value?.event).toBe('start');
    const dup = await postJson(`${s.url}/v1/tasks`, { ...reviewTask, id: 'dup-1' });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.code).toBe('AQE_ERR_CONFLICT');
    await reader.return(undefined);
  });
});
