import type { ServerResponse } from 'node:http';
import type { TaskEventLog, TaskStreamEvent } from './replay.js';

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;

export interface PipeOptions {
  /** The client's Last-Event-ID: the last chunk it has; undefined for a fresh stream (start event included). */
  lastEventId?: number;
  /** Comment line sent this often so proxies keep the connection open. */
  heartbeatMs?: number;
  extraHeaders?: Record<string, string>;
  onClose?: () => void;
}

/** Parses a Last-Event-ID header: a non-negative integer, else undefined. */
export function parseLastEventId(value: string | string[] | undefined): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || !/^\d{1,15}$/.test(v.trim())) return undefined;
  return Number(v.trim());
}

/**
 * Streams a task's event log to one HTTP response: replays what the client missed, then follows live events
 * and ends the response after the terminal event. A slow client does not grow server memory without bound:
 * once the socket's buffer is full the live events are skipped and, on 'drain', the client catches up from
 * the log's bounded replay window (with a `gap` event if chunks fell out of it meanwhile).
 */
export function pipeTaskEvents(res: ServerResponse, log: TaskEventLog, opts: PipeOptions = {}): Promise<void> {
  return new Promise<void>((resolve) => {
    let sentSeq = opts.lastEventId ?? 0;
    let startSent = opts.lastEventId !== undefined;
    let paused = false;
    let ended = false;
    let unsubscribe: () => void = () => undefined;
    let heartbeat: NodeJS.Timeout | undefined;
    /** Events of this tick not written yet: they leave together in one res.write (one syscall, one HTTP chunk). */
    let pending = '';
    let flushScheduled = false;
    /** The headers are on their way (with the first events, or alone at the end of the first tick). */
    let wroteHeaders = false;

    const finish = () => {
      if (ended) return;
      ended = true;
      unsubscribe();
      if (heartbeat) clearInterval(heartbeat);
      res.off('close', finish);
      res.off('drain', onDrain);
      // the terminal events leave with the end of the response (one write); a closed socket gets nothing
      if (!res.writableEnded) {
        if (res.destroyed) res.end();
        else res.end(pending);
      }
      pending = '';
      opts.onClose?.();
      resolve();
    };

    function flush(): void {
      flushScheduled = false;
      if (ended) return;
      if (pending === '') {
        // nothing to send with the headers this tick: they leave alone
        if (!wroteHeaders) res.flushHeaders();
        wroteHeaders = true;
        return;
      }
      const data = pending;
      pending = '';
      wroteHeaders = true;
      if (!res.write(data)) paused = true;
    }

    const write = (ev: TaskStreamEvent): void => {
      if (ended) return;
      if (ev.event === 'start') startSent = true;
      if (ev.id !== undefined) sentSeq = ev.id;
      // Events of one tick (a provider's read often carries many chunks) leave in one write and one HTTP chunk.
      pending += ev.wire;
      if (ev.event === 'complete' || ev.event === 'error') return finish();
      if (!flushScheduled) {
        flushScheduled = true;
        process.nextTick(flush);
      }
    };

    const catchUp = (): void => {
      for (const ev of log.eventsAfter(sentSeq, startSent)) {
        write(ev);
        if (ended || paused) return;
      }
    };

    function onDrain(): void {
      paused = false;
      catchUp();
    }

    // The headers leave with the first events (replayed now, or of this tick), else alone at the end of the tick.
    res.writeHead(200, { ...SSE_HEADERS, ...opts.extraHeaders });
    res.on('close', finish);
    res.on('drain', onDrain);
    flushScheduled = true;
    process.nextTick(flush);
    if (opts.heartbeatMs) {
      heartbeat = setInterval(() => {
        flush();
        res.write(': keep-alive\n\n');
      }, opts.heartbeatMs);
      heartbeat.unref();
    }

    // Replay and subscribe in the same tick: no event can slip between the two.
    unsubscribe = log.subscribe((ev) => {
      if (paused || (ev.id !== undefined && ev.id <= sentSeq)) return;
      write(ev);
    });
    catchUp();
    if (log.finished && !ended) finish();
  });
}
