import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../../src/fleet/task-records.js';
import { silentLogger } from '../../../src/logging.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { DEFAULT_REPLAY, formatSseEvent, TaskEventLog, type TaskStreamEvent } from '../../../src/server/replay.js';
import { StreamJournal, TASK_EVENTS_PARTITION } from '../../../src/server/stream-journal.js';
import { tempDir } from '../../helpers/fleet.js';

// Two journals on one SQLite file stand for two replicas: the writer journals a log, the reader mirrors it.

describe('StreamJournal', () => {
  let cleanup: () => void;
  let stores: SqliteMemoryStore[];
  let writer: StreamJournal;
  let reader: StreamJournal;
  const opts = { retentionDays: 1, logger: silentLogger(), replay: DEFAULT_REPLAY, pollMs: 20, flushMs: 5, endGraceMs: 0 };

  beforeEach(() => {
    const t = tempDir('aqe-journal-');
    cleanup = t.cleanup;
    const path = join(t.dir, 'fleet.db');
    stores = [new SqliteMemoryStore(path, { purgeIntervalMs: 0 }), new SqliteMemoryStore(path, { purgeIntervalMs: 0 })];
    writer = new StreamJournal(stores[0], { ...opts, slots: 3, batchChunks: 2 });
    reader = new StreamJournal(stores[1], opts);
  });
  afterEach(async () => {
    await reader.close();
    for (const s of stores) s.close();
    cleanup();
  });

  const drain = (log: TaskEventLog, after?: number): Promise<TaskStreamEvent[]> =>
    new Promise((resolve) => {
      const out = log.eventsAfter(after ?? 0, after !== undefined);
      if (log.finished) return resolve(out);
      log.subscribe((ev) => {
        out.push(ev);
        if (ev.event === 'complete' || ev.event === 'error') resolve(out);
      });
    });
  const noRecord = () => undefined;

  it('replays what was journaled, follows the rest, and ends with the journaled end events', async () => {
    const log = new TaskEventLog('t-1', DEFAULT_REPLAY);
    writer.record(log);
    log.start({ taskId: 't-1' });
    for (let i = 0; i < 3; i++) log.chunk(`c${i} `);
    await writer.flush();

    const running = async (): Promise<TaskRecord> => ({ id: 't-1', status: 'running' }) as TaskRecord;
    const f = await reader.follow('t-1', running, noRecord as never);
    expect(f.journaled).toBe(true);
    const events = drain(f.log, 1);
    for (let i = 3; i < 6; i++) log.chunk(`c${i} `);
    log.finish([{ event: 'complete', data: { ok: true } }]);
    const got = await events;
    expect(got.map((e) => e.id ?? e.event)).toEqual([2, 3, 4, 5, 6, 'complete']);
    expect(got[0].wire).toBe(formatSseEvent('chunk', { seq: 2, text: 'c1 ' }, 2));
    f.stop();
  });

  it('a second run of the same task id replaces the first run\'s journal', async () => {
    const run = async (text: string, end: boolean) => {
      const log = new TaskEventLog('t-4', DEFAULT_REPLAY);
      writer.record(log);
      log.start({ run: text });
      for (let i = 0; i < 5; i++) log.chunk(text);
      if (end) log.finish([{ event: 'complete', data: { run: text } }]);
      await writer.flush();
    };
    await run('old', true);
    await run('new', false);
    const f = await reader.follow('t-4', async () => ({ id: 't-4', status: 'running' }) as TaskRecord, noRecord as never);
    expect(f.log.finished).toBe(false);
    expect(f.log.eventsAfter(0, false).map((e) => e.wire).join('')).not.toContain('old');
    expect(f.log.latestSeq).toBe(5);
    f.stop();
  });

  it('a task id made for this run (newId) is journaled without asking the store for an earlier run', async () => {
    const queried: unknown[] = [];
    const query = stores[0].query.bind(stores[0]);
    stores[0].query = ((q: Parameters<typeof query>[0]) => {
      queried.push(q);
      return query(q);
    }) as typeof stores[0]['query'];
    const journal = async (id: string, newId: boolean) => {
      const log = new TaskEventLog(id, DEFAULT_REPLAY);
      writer.record(log, { newId });
      log.start({ taskId: id });
      log.chunk('x');
      log.finish([{ event: 'complete', data: {} }]);
      await writer.flush();
    };
    await journal('t-5', true);
    expect(queried).toEqual([]);
    // a short stream (start, chunks and end within flushMs) is one entry: its end, carrying the start and the chunks
    expect(stores[1].query({ partition: TASK_EVENTS_PARTITION, keyPrefix: 't-5/' }).map((e) => e.key).sort()).toEqual(['t-5/end']);
    const f = await reader.follow('t-5', async () => ({ id: 't-5', status: 'completed' }) as TaskRecord, noRecord as never);
    expect(f.log.finished).toBe(true);
    expect((await drain(f.log)).map((e) => e.id ?? e.event)).toEqual(['start', 1, 'complete']);
    await journal('t-6', false);
    expect(queried).toEqual([{ partition: TASK_EVENTS_PARTITION, keyPrefix: 't-6/' }]);
  });

  it('keeps a bounded ring per task: a reader further behind gets a gap, then the newest chunks', async () => {
    const log = new TaskEventLog('t-2', DEFAULT_REPLAY);
    writer.record(log);
    log.start({ taskId: 't-2' });
    for (let i = 1; i <= 12; i++) {
      log.chunk(`c${i}`);
      if (i % 2 === 0) await writer.flush();
    }
    log.finish([{ event: 'complete', data: {} }]);
    await writer.flush();
    // 3 slots of 2 chunks: only chunks 7-12 are kept
    expect(stores[1].query({ partition: TASK_EVENTS_PARTITION }).length).toBe(5);
    const f = await reader.follow('t-2', async () => ({ id: 't-2', status: 'completed' }) as TaskRecord, noRecord as never);
    const got = await drain(f.log, 2);
    expect(got.map((e) => e.id ?? e.event)).toEqual([6, 7, 8, 9, 10, 11, 12, 'complete']);
    expect(got[0].event).toBe('gap');
  });

  it('a task whose record ends without journaled end events (its replica died) ends from the record', async () => {
    const log = new TaskEventLog('t-3', DEFAULT_REPLAY);
    writer.record(log);
    log.start({ taskId: 't-3' });
    log.chunk('only');
    await writer.flush();
    let status = 'running';
    const read = async () => ({ id: 't-3', status, endedAt: 0 }) as TaskRecord;
    const f = await reader.follow('t-3', read, (rec) => [{ event: 'error', wire: formatSseEvent('error', { status: rec?.status }) }]);
    const events = drain(f.log);
    status = 'interrupted';
    const got = await events;
    expect(got.map((e) => e.event)).toEqual(['start', 'chunk', 'error']);
    expect(got.at(-1)!.wire).toContain('"status":"interrupted"');
    // the follower stops by itself once the task ended
    for (let i = 0; i < 100 && reader.followers > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(reader.followers).toBe(0);
  });
});
