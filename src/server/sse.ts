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
    let corked = false;

    const finish = () => {
      if (ended) return;
      ended = true;
      unsubscribe();
      if (heartbeat) clearInterval(heartbeat);
      res.off('close', finish);
      res.off('drain', onDrain);
      if (!res.writableEnded) res.end();
      opts.onClose?.();
      resolve();
    };

    const write = (ev: TaskStreamEvent): void => {
      if (ended) return;
      if (ev.event === 'start') startSent = true;
      if (ev.id !== undefined) sentSeq = ev.id;
      // Events of one tick (a provider's read often carries many chunks) leave in one write and one HTTP chunk.
      if (!corked) {
        corked = true;
        res.cork();
        process.nextTick(uncork);
      }
      const ok = res.write(ev.wire);
      if (ev.event === 'complete' || ev.event === 'error') return finish();
      if (!ok) paused = true;
    };

    const catchUp = (): void => {
      for (const ev of log.eventsAfter(sentSeq, startSent)) {
        write(ev);
        if (ended || paused) return;
      }
    };

    function uncork(): void {
      corked = false;
      if (res.writableCorked > 0) res.uncork();
    }

    function onDrain(): void {
      paused = false;
      catchUp();
    }

    res.writeHead(200, { ...SSE_HEADERS, ...opts.extraHeaders });
    res.flushHeaders();
    res.on('close', finish);
    res.on('drain', onDrain);
    if (opts.heartbeatMs) {
      heartbeat = setInterval(() => res.write(': keep-alive\n\n'), opts.heartbeatMs);
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
