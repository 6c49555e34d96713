import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskEventLog } from '../../../src/server/replay.js';
import { pipeTaskEvents } from '../../../src/server/sse.js';

/** Decodes a raw HTTP/1.1 response with a chunked body into SSE events. */
function parseEvents(raw: string): Array<{ event: string; id?: number; data: any }> {
  let rest = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  let body = '';
  for (;;) {
    const eol = rest.indexOf('\r\n');
    if (eol < 0) break;
    const size = parseInt(rest.slice(0, eol), 16);
    if (!size) break;
    body += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
  return body
    .split('\n\n')
    .filter((b) => b.startsWith('event: '))
    .map((b) => {
      const lines = b.split('\n');
      const get = (f: string) => lines.find((l) => l.startsWith(`${f}: `))?.slice(f.length + 2);
      const id = get('id');
      return { event: get('event')!, id: id === undefined ? undefined : Number(id), data: JSON.parse(get('data')!) };
    });
}

describe('pipeTaskEvents', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  async function serve(log: TaskEventLog, lastEventId?: number): Promise<number> {
    server = createServer((_req, res) => void pipeTaskEvents(res, log, { lastEventId }));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return (server.address() as AddressInfo).port;
  }

  it('a client that stops reading does not make the server buffer without bound; it catches up from the log with a gap notice', async () => {
    const log = new TaskEventLog('slow', { maxChunks: 50, maxBytes: 1 << 30 });
    log.start({ taskId: 'slow' });
    const port = await serve(log);
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (raw += d));
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    // Wait for the headers and the start event, then stop reading.
    while (!raw.includes('event: start')) await new Promise((r) => setTimeout(r, 5));
    socket.pause();
    const piece = 'x'.repeat(4096);
    for (let i = 0; i < 4000; i++) {
      log.chunk(piece);
      if (i % 200 === 0) await new Promise((r) => setImmediate(r));
    }
    log.finish([{ event: 'complete', data: { ok: true } }]);
    socket.resume();
    await new Promise<void>((r) => socket.once('end', () => r()));
    const events = parseEvents(raw);
    const ids = events.filter((e) => e.event === 'chunk').map((e) => e.id!);
    // In order, no duplicates, fewer than were produced (the rest was skipped while the socket was full)...
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThan(4000);
    // ...with a gap event saying what was skipped, the last window of chunks, and the terminal event.
    const gap = events.find((e) => e.event === 'gap');
    expect(gap).toBeDefined();
    expect(ids.at(-1)).toBe(4000);
    expect(events.at(-1)).toMatchObject({ event: 'complete', data: { ok: true } });
  }, 30_000);

  it('replays after Last-Event-ID, then follows live events to the end', async () => {
    const log = new TaskEventLog('t', { maxChunks: 100, maxBytes: 1 << 20 });
    log.start({});
    for (const t of ['a', 'b', 'c']) log.chunk(t);
    const port = await serve(log, 1);
    const res = fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    log.chunk('d');
    log.finish([{ event: 'usage', data: { outputTokens: 4 } }, { event: 'complete', data: {} }]);
    const text = await res;
    const events = text.split('\n\n').filter(Boolean).map((b) => b.split('\n')[0]);
    expect(events).toEqual(['event: chunk', 'event: chunk', 'event: chunk', 'event: usage', 'event: complete']);
    expect(text).toContain('"text":"b"');
    expect(text).not.toContain('"text":"a"');
    expect(text).not.toContain('event: start');
  });
});
