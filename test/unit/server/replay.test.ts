import { describe, expect, it } from 'vitest';
import { StreamHub, TaskEventLog, formatSseEvent, type TaskStreamEvent } from '../../../src/server/replay.js';

const limits = { maxChunks: 1000, maxBytes: 1 << 20 };

function parse(ev: TaskStreamEvent): { event: string; id?: string; data: any } {
  const lines = ev.wire.trimEnd().split('\n');
  const get = (f: string) => lines.find((l) => l.startsWith(`${f}: `))?.slice(f.length + 2);
  return { event: get('event')!, id: get('id'), data: JSON.parse(get('data')!) };
}

describe('formatSseEvent', () => {
  it('writes event, id and one data line, ended by a blank line', () => {
    expect(formatSseEvent('chunk', { text: 'a\nb' }, 7)).toBe('event: chunk\nid: 7\ndata: {"text":"a\\nb"}\n\n');
    expect(formatSseEvent('start', { x: 1 })).toBe('event: start\ndata: {"x":1}\n\n');
  });
});

describe('TaskEventLog', () => {
  it('numbers chunks 1, 2, 3 and replays everything after a Last-Event-ID', () => {
    const log = new TaskEventLog('t1', limits);
    log.start({ taskId: 't1' });
    for (const t of ['a', 'b', 'c', 'd']) log.chunk(t);
    const fresh = log.eventsAfter(0, false).map(parse);
    expect(fresh.map((e) => e.event)).toEqual(['start', 'chunk', 'chunk', 'chunk', 'chunk']);
    expect(fresh.slice(1).map((e) => [e.id, e.data.text])).toEqual([['1', 'a'], ['2', 'b'], ['3', 'c'], ['4', 'd']]);
    const after2 = log.eventsAfter(2, true).map(parse);
    expect(after2.map((e) => e.data.seq)).toEqual([3, 4]);
    expect(log.eventsAfter(4, true)).toEqual([]);
  });

  it('delivers live events to subscribers and the terminal events once, then nothing', () => {
    const log = new TaskEventLog('t1', limits);
    const seen: string[] = [];
    log.subscribe((ev) => seen.push(ev.event));
    log.start({});
    log.chunk('x');
    log.finish([{ event: 'usage', data: { outputTokens: 1 } }, { event: 'complete', data: { ok: true } }]);
    log.chunk('late');
    expect(seen).toEqual(['start', 'chunk', 'usage', 'complete']);
    expect(log.finished).toBe(true);
    expect(log.eventsAfter(1, true).map((e) => e.event)).toEqual(['usage', 'complete']);
    expect(log.subscribe(() => seen.push('never'))).toBeTypeOf('function');
    expect(log.listenerCount).toBe(0);
  });

  it('keeps at most maxChunks and says which chunks a late client missed', () => {
    const log = new TaskEventLog('t1', { maxChunks: 3, maxBytes: 1 << 20 });
    for (let i = 1; i <= 10; i++) log.chunk(`c${i}`);
    expect(log.oldestSeq).toBe(8);
    expect(log.latestSeq).toBe(10);
    const evs = log.eventsAfter(2, true).map(parse);
    expect(evs[0]).toMatchObject({ event: 'gap', data: { from: 3, to: 7 } });
    expect(evs.slice(1).map((e) => e.data.text)).toEqual(['c8', 'c9', 'c10']);
    // A client that is within the window gets no gap.
    expect(log.eventsAfter(8, true).map((e) => parse(e).data.seq)).toEqual([9, 10]);
  });

  it('bounds the window by bytes as well', () => {
    const log = new TaskEventLog('t1', { maxChunks: 1000, maxBytes: 10 });
    for (let i = 0; i < 5; i++) log.chunk('12345');
    expect(log.latestSeq - log.oldestSeq + 1).toBe(2);
  });

  it('compacts its array without losing order over many chunks', () => {
    const log = new TaskEventLog('t1', { maxChunks: 5, maxBytes: 1 << 20 });
    for (let i = 1; i <= 5000; i++) log.chunk(String(i));
    expect(log.eventsAfter(4995, true).map((e) => parse(e).data.text)).toEqual(['4996', '4997', '4998', '4999', '5000']);
  });
});

describe('StreamHub', () => {
  it('keeps finished logs for reconnects up to maxFinished, dropping the oldest', () => {
    const hub = new StreamHub({ maxFinished: 2, retentionMs: 60_000 });
    for (const id of ['a', 'b', 'c']) {
      const log = hub.open(id);
      log.finish([{ event: 'complete', data: {} }]);
      hub.retire(log);
    }
    expect(hub.get('a')).toBeUndefined();
    expect(hub.get('b')?.finished).toBe(true);
    expect(hub.get('c')?.finished).toBe(true);
  });

  it('drops finished logs after the retention period', () => {
    const hub = new StreamHub({ retentionMs: 0 });
    const log = hub.open('a');
    log.finish([{ event: 'complete', data: {} }]);
    hub.retire(log);
    expect(hub.get('a')).toBeUndefined();
  });

  it('a new task with the id of a finished one gets a fresh log; the old one is not dropped in its place', () => {
    const hub = new StreamHub({ maxFinished: 1 });
    const old = hub.open('a');
    old.chunk('old');
    old.finish([{ event: 'complete', data: {} }]);
    hub.retire(old);
    const fresh = hub.open('a');
    expect(fresh).not.toBe(old);
    const other = hub.open('b');
    other.finish([{ event: 'complete', data: {} }]);
    hub.retire(other);
    expect(hub.get('a')).toBe(fresh);
  });
});
