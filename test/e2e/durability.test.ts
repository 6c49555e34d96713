import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVE_TASKS_PARTITION, TASKS_PARTITION, type TaskRecord } from '../../src/fleet/task-records.js';
import { SqliteMemoryStore } from '../../src/memory/sqlite-store.js';
import { FakeOpenAIServer } from '../helpers/fake-openai.js';
import { reviewTask, tempDir } from '../helpers/fleet.js';
import { fakeModelConfig, postJson, readSse, type SseEvent } from '../helpers/server.js';
import { killChildren, serveChild, until, type ServeChild } from '../helpers/serve-child.js';

/**
 * Nothing lost at shutdown or crash (issue 17): a real `aqe serve` child with tasks running and queued behind
 * a slow fake provider, stopped by SIGTERM or killed by SIGKILL, then started again on the same store. Every
 * accepted task must answer GET /v1/tasks/:id with a terminal state, and the ledger must agree with the task
 * records on which tasks were charged.
 */
const RUNNING = 4;
const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'interrupted']);

interface ClientOutcome {
  id: string;
  kind: 'json' | 'sse';
  status?: number;
  retryAfter?: string | null;
  body?: any;
  events: SseEvent[];
}

describe('task durability across SIGTERM and SIGKILL (aqe serve child process)', () => {
  let fake: FakeOpenAIServer;
  let dir: string;
  let cleanup: () => void;
  const children: ServeChild[] = [];

  const writeConfig = (name: string) => {
    const db = join(dir, `${name}.db`);
    const config = {
      ...fakeModelConfig(fake.url, { features: { multiModelRouter: true, streaming: true } }),
      fleet: { maxConcurrentTasks: RUNNING },
      database: { path: db },
      logging: { level: 'warn' },
    };
    const path = join(dir, `${name}.yaml`);
    writeFileSync(path, JSON.stringify(config, null, 2));
    return { path, db };
  };
  const start = async (config: string, args: string[] = []) => {
    const s = await serveChild(config, dir, args);
    children.push(s);
    return s;
  };
  const health = async (url: string) => (await (await fetch(`${url}/health`)).json()) as { tasks: { running: number; queued: number } };
  const getTask = async (url: string, id: string) => {
    const res = await fetch(`${url}/v1/tasks/${id}`);
    return { status: res.status, body: (await res.json()) as TaskRecord & { error?: { code: string } } };
  };

  /** Ledger totals per task id, and the records, read from the store file once every process is gone. */
  const readStore = (db: string) => {
    const store = new SqliteMemoryStore(db, { purgeIntervalMs: 0 });
    try {
      const ledger = new Map<string, number>();
      for (const r of store.costRecords(0)) ledger.set(r.taskId, (ledger.get(r.taskId) ?? 0) + r.cost);
      const records = new Map(store.query({ partition: TASKS_PARTITION }).map((e) => [e.key, e.value as TaskRecord]));
      const active = store.query({ partition: ACTIVE_TASKS_PARTITION }).length;
      return { ledger, records, active };
    } finally {
      store.close();
    }
  };

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('aqe-e2e-durability-'));
    fake = await FakeOpenAIServer.start({ record: false });
  });
  afterEach(() => killChildren(children));
  afterAll(async () => {
    await fake.close();
    cleanup();
  });

  it('SIGTERM: running tasks finish or are cancelled (503 + Retry-After / retryable SSE error), queued ones are recorded cancelled (shutdown); after a restart none is 404', { timeout: 90_000 }, async () => {
    // Each task streams 60 chunks, 20 ms apart (~1.2 s): the first 4 finish within the 1.5 s grace, the next 4
    // are cut mid-stream by it, the last 8 never leave the queue.
    fake.setScript((req) => (req.stream ? { text: 'word '.repeat(60), chunkSize: 5, chunkDelayMs: 20 } : { text: 'word '.repeat(60), firstByteDelayMs: 1200 }));
    const { path, db } = writeConfig('sigterm');
    const first = await start(path, ['--grace-ms', '1500']);
    const ids = Array.from({ length: 16 }, (_, i) => `term-${i}`);

    const outcomes: Array<Promise<ClientOutcome>> = [];
    for (const [i, id] of ids.entries()) {
      if (i % 2 === 0) {
        outcomes.push(
          postJson(`${first.url}/v1/tasks`, { ...reviewTask, id }).then(async (res) => ({
            id, kind: 'json' as const, status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json(), events: [],
          })),
        );
      } else {
        const res = await postJson(`${first.url}/v1/tasks?stream=true`, { ...reviewTask, id });
        expect(res.status).toBe(200); // accepted: the stream is open
        outcomes.push((async () => {
          const events: SseEvent[] = [];
          for await (const ev of readSse(res)) events.push(ev);
          return { id, kind: 'sse' as const, events };
        })());
      }
    }
    await until('4 running and 12 queued', async () => {
      const h = await health(first.url);
      return h.tasks.running === RUNNING && h.tasks.queued === ids.length - RUNNING ? h : undefined;
    });

    first.child.kill('SIGTERM');
    const seen = await Promise.all(outcomes);
    expect(await first.exit).toBe(0);

    const completed = new Set<string>();
    const cancelled = new Set<string>();
    for (const o of seen) {
      if (o.kind === 'json') {
        if (o.status === 200) completed.add(o.id);
        else {
          expect(o.status, `${o.id}: ${JSON.stringify(o.body)}`).toBe(503);
          expect(o.retryAfter).toMatch(/^\d+$/);
          expect(o.body.error.code).toBe('AQE_ERR_FLEET_SHUTTING_DOWN');
          cancelled.add(o.id);
        }
      } else {
        const last = o.events.at(-1)!;
        if (last.event === 'complete') completed.add(o.id);
        else {
          expect(last).toMatchObject({ event: 'error', data: { code: 'AQE_ERR_FLEET_SHUTTING_DOWN', retryable: true, status: 'cancelled' } });
          cancelled.add(o.id);
        }
      }
    }
    expect(completed.size + cancelled.size).toBe(ids.length);
    expect(completed.size).toBeGreaterThanOrEqual(1);
    expect(cancelled.size).toBeGreaterThanOrEqual(ids.length - 2 * RUNNING);

    // A new process on the same store answers for every task the first one accepted.
    const second = await start(path);
    let cancelledWhileRunning = 0;
    for (const id of ids) {
      const { status, body } = await getTask(second.url, id);
      expect(status, id).toBe(200);
      expect(TERMINAL.has(body.status), `${id} is ${body.status}`).toBe(true);
      if (completed.has(id)) expect(body.status).toBe('completed');
      else {
        expect(body).toMatchObject({ status: 'cancelled', reason: 'shutdown', retryable: true });
        if (body.startedAt !== undefined) cancelledWhileRunning++;
      }
    }
    expect(cancelledWhileRunning).toBeGreaterThanOrEqual(1);
    const notDone = await (await fetch(`${second.url}/v1/tasks?status=not-done&since=1h`)).json();
    expect(new Set(notDone.tasks.map((t: TaskRecord) => t.id))).toEqual(cancelled);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);

    const { ledger, records, active } = readStore(db);
    expect(active).toBe(0);
    const charged = new Set([...records.values()].filter((r) => (r.cost ?? 0) > 0).map((r) => r.id));
    expect(new Set(ledger.keys())).toEqual(charged);
    for (const id of charged) expect(ledger.get(id)).toBeCloseTo(records.get(id)!.cost!, 9);
    for (const id of completed) expect(charged.has(id)).toBe(true);
  });

  it('SIGKILL mid-stream, then a restart on the same store: every accepted task is interrupted (with its model and journaled progress), none 404, streams resume to a retryable error', { timeout: 90_000 }, async () => {
    // 150 chunks, 20 ms apart (~3 s): the kill comes while 4 tasks stream and 8 wait.
    fake.setScript((req) => (req.stream ? { text: 'word '.repeat(150), chunkSize: 5, chunkDelayMs: 20 } : { text: 'word '.repeat(150), firstByteDelayMs: 3000 }));
    const { path, db } = writeConfig('sigkill');
    const first = await start(path);
    const ids = Array.from({ length: 12 }, (_, i) => `kill-${i}`);
    const streams = new Map<string, { events: SseEvent[]; done: Promise<void> }>();
    for (const [i, id] of ids.entries()) {
      if (i % 3 === 2) {
        const res = await postJson(`${first.url}/v1/tasks?wait=false`, { ...reviewTask, id });
        expect(res.status).toBe(202);
        continue;
      }
      const res = await postJson(`${first.url}/v1/tasks?stream=true`, { ...reviewTask, id });
      expect(res.status).toBe(200);
      const events: SseEvent[] = [];
      const done = (async () => {
        try {
          for await (const ev of readSse(res)) events.push(ev);
        } catch {
          // the connection is cut by the kill
        }
      })();
      streams.set(id, { events, done });
    }
    // Progress is journaled at most once a second per task: wait until some streamed for longer than that.
    const streaming = await until('streams well under way', async () => {
      const busy = [...streams.entries()].filter(([, s]) => s.events.filter((e) => e.event === 'chunk').length >= 60);
      return busy.length >= 1 ? busy.map(([id]) => id) : undefined;
    });

    first.child.kill('SIGKILL');
    await first.exit;
    await Promise.all([...streams.values()].map((s) => s.done));
    for (const [id, s] of streams) expect(s.events.some((e) => e.event === 'complete' || e.event === 'error'), id).toBe(false);

    const second = await start(path);
    for (const id of ids) {
      const { status, body } = await getTask(second.url, id);
      expect(status, id).toBe(200);
      expect(body, id).toMatchObject({ status: 'interrupted', retryable: true, error: { code: 'AQE_ERR_TASK_INTERRUPTED' } });
    }
    for (const id of streaming) {
      const { body } = await getTask(second.url, id);
      expect(body.modelName).toBe('fake-model');
      expect(body.progress?.chunks).toBeGreaterThan(0);
    }

    // A client reconnecting to its cut stream gets the terminal event, with a retryable code.
    const id = streaming[0];
    const lastSeq = streams.get(id)!.events.filter((e) => e.event === 'chunk').at(-1)!.id!;
    const resumed: SseEvent[] = [];
    for await (const ev of readSse(await postJson(`${second.url}/v1/tasks?stream=true`, { ...reviewTask, id }, { 'last-event-id': lastSeq }))) resumed.push(ev);
    expect(resumed.at(-1)).toMatchObject({ event: 'error', data: { code: 'AQE_ERR_TASK_INTERRUPTED', status: 'interrupted', retryable: true } });

    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);

    // The restarted process booked the killed one's reservations as unsettled before it marked the tasks
    // interrupted: the records carry what the ledger holds for them.
    const { ledger, records, active } = readStore(db);
    expect(active).toBe(0);
    const charged = [...records.values()].filter((r) => (r.cost ?? 0) > 0);
    expect(charged.map((r) => r.id)).toEqual(expect.arrayContaining(streaming));
    // Calls in flight are journaled by task; what the killed process's budget slice held beyond them (calls
    // admitted since its last commit, unused headroom) is booked as one `slice:<owner>` record, not a task's.
    const tasksInLedger = [...ledger.keys()].filter((k) => !k.startsWith('slice:'));
    expect(new Set(tasksInLedger)).toEqual(new Set(charged.map((r) => r.id)));
    for (const r of charged) expect(ledger.get(r.id)).toBeCloseTo(r.cost!, 9);
  });
});
