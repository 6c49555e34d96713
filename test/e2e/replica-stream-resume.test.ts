import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAIServer } from '../helpers/fake-openai.js';
import { reviewTask, tempDir } from '../helpers/fleet.js';
import { createTestDatabase, PG_SKIP, PG_SKIP_NOTE, type TestDatabase } from '../helpers/pg.js';
import { fakeModelConfig, postJson, readSse, type SseEvent } from '../helpers/server.js';
import { killChildren, serveChild, until, type ServeChild } from '../helpers/serve-child.js';

/**
 * A stream resumed on another replica (issue 13, item 4): two `aqe serve` processes on one store; a task streams
 * from replica A; the client drops the connection and resumes with Last-Event-ID on replica B, which replays
 * from the store's journal what the client missed and follows the rest until the task ends.
 * PostgreSQL (NOTIFY wakes the follower) and SQLite (one file, the follower polls).
 */
const WORDS = 120;

for (const backend of ['postgres', 'sqlite'] as const) {
  const skip = backend === 'postgres' && PG_SKIP;
  describe.skipIf(skip)(`SSE resume on another replica (${backend})${backend === 'postgres' ? PG_SKIP_NOTE : ''}`, () => {
    let fake: FakeOpenAIServer;
    let dir: string;
    let cleanup: () => void;
    let db: TestDatabase | undefined;
    let config: string;
    const children: ServeChild[] = [];

    beforeAll(async () => {
      ({ dir, cleanup } = tempDir('aqe-e2e-resume-'));
      fake = await FakeOpenAIServer.start({ record: false });
      // ~120 chunks 25 ms apart: about 3 s of streaming
      fake.setScript((req) => (req.stream ? { text: 'word '.repeat(WORDS), chunkSize: 5, chunkDelayMs: 25 } : undefined));
      if (backend === 'postgres') db = await createTestDatabase('aqe_resume');
      config = join(dir, 'fleet.yaml');
      writeFileSync(
        config,
        JSON.stringify({
          ...fakeModelConfig(fake.url, { features: { multiModelRouter: true, streaming: true } }),
          database: db ? { type: 'postgres', url: db.url } : { path: join(dir, 'fleet.db') },
          logging: { level: 'warn' },
        }),
      );
    });
    afterEach(() => killChildren(children));
    afterAll(async () => {
      await fake?.close();
      await db?.drop();
      cleanup?.();
    });

    const start = async () => {
      const s = await serveChild(config, dir);
      children.push(s);
      return s;
    };

    /** Streams a task from `url`, reading until `stopAfter` chunks arrived; then drops the connection. */
    const streamSome = async (url: string, id: string, stopAfter: number) => {
      const ac = new AbortController();
      const res = await postJson(`${url}/v1/tasks?stream=true`, { ...reviewTask, id }, {});
      expect(res.status).toBe(200);
      const seen: SseEvent[] = [];
      try {
        for await (const ev of readSse(res)) {
          seen.push(ev);
          if (seen.filter((e) => e.event === 'chunk').length >= stopAfter) break;
        }
      } finally {
        ac.abort();
        await res.body?.cancel().catch(() => undefined);
      }
      return seen;
    };

    it('replica B replays the chunks after Last-Event-ID from the journal, follows the live rest, and ends with the result', { timeout: 60_000 }, async () => {
      const [a, b] = await Promise.all([start(), start()]);
      const id = `resume-${backend}`;
      const first = await streamSome(a.url, id, 10);
      expect(first[0].event).toBe('start');
      const lastId = Number(first.at(-1)!.id);
      expect(lastId).toBe(10);

      expect((await (await fetch(`${b.url}/v1/tasks/${id}`)).json()).status).toBe('running');
      const res = await fetch(`${b.url}/v1/tasks/${id}/events`, { headers: { accept: 'text/event-stream', 'last-event-id': String(lastId) } });
      expect(res.status).toBe(200);
      const rest: SseEvent[] = [];
      for await (const ev of readSse(res)) rest.push(ev);

      const chunks = rest.filter((e) => e.event === 'chunk');
      // B ran nothing: A ran the task, and B followed it live
      expect((await (await fetch(`${b.url}/health`)).json()).tasks).toEqual({ running: 0, queued: 0 });
      expect(chunks.map((c) => c.data.seq)).toEqual(Array.from({ length: chunks.length }, (_, i) => lastId + 1 + i));
      expect(rest.some((e) => e.event === 'gap' || e.event === 'start')).toBe(false);
      const end = rest.at(-1)!;
      expect(end.event).toBe('complete');
      const text = [...first, ...rest].filter((e) => e.event === 'chunk').map((c) => c.data.text).join('');
      expect(text).toBe(end.data.output.text);
      expect(rest.find((e) => e.event === 'usage')?.data.outputTokens).toBeGreaterThan(0);

      // after the end, a resume anywhere (POST with Last-Event-ID too) replays from the journal, never a re-run
      const again = await postJson(`${b.url}/v1/tasks?stream=true`, { ...reviewTask, id }, { 'last-event-id': String(chunks.at(-3)!.data.seq) });
      const replay: SseEvent[] = [];
      for await (const ev of readSse(again)) replay.push(ev);
      expect(replay.map((e) => e.event)).toEqual(['chunk', 'chunk', 'usage', 'complete']);
      expect((await (await fetch(`${a.url}/v1/tasks/${id}`)).json()).status).toBe('completed');

      // a task A ran without streaming: B answers its stream from the record, as complete (never an error)
      const plain = await postJson(`${a.url}/v1/tasks`, { ...reviewTask, id: `${id}-json` });
      expect((await plain.json()).status).toBe('completed');
      const fromRecord: SseEvent[] = [];
      for await (const ev of readSse(await fetch(`${b.url}/v1/tasks/${id}-json/events`))) fromRecord.push(ev);
      expect(fromRecord.map((e) => e.event)).toEqual(['usage', 'complete']);
      expect(fromRecord[1].data).toMatchObject({ id: `${id}-json`, status: 'completed' });
    });

    it('when the replica running the task is killed, a follower on another replica ends with a retryable interrupted error', { timeout: 90_000 }, async () => {
      const [a, b] = await Promise.all([start(), start()]);
      const id = `resume-kill-${backend}`;
      const first = await streamSome(a.url, id, 5);
      const res = await fetch(`${b.url}/v1/tasks/${id}`, { headers: { accept: 'text/event-stream', 'last-event-id': first.at(-1)!.id! } });
      expect(res.status).toBe(200);
      const events: SseEvent[] = [];
      const reading = (async () => {
        for await (const ev of readSse(res)) events.push(ev);
      })();
      await until('B to relay live chunks', async () => (events.some((e) => e.event === 'chunk') ? true : undefined));
      a.child.kill('SIGKILL');
      await a.exit;
      await reading;
      const end = events.at(-1)!;
      expect(end.event).toBe('error');
      expect(end.data).toMatchObject({ code: 'AQE_ERR_TASK_INTERRUPTED', status: 'interrupted', retryable: true });
    });
  });
}
