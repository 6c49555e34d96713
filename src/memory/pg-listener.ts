import type pg from 'pg';
import { pgDriver } from './pg-driver.js';

export interface ChangeSubscription {
  close(): Promise<void>;
}

export interface PgListenerOptions {
  /** First reconnect delay; doubles up to maxBackoffMs. Default 100. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Called when the connection is lost or a reconnect fails (for logs); never throws. */
  onError?: (err: Error) => void;
}

/**
 * A dedicated PostgreSQL connection LISTENing on one channel (a pooled connection cannot: LISTEN belongs to a
 * session). When the connection drops it reconnects with backoff and, once LISTENing again, calls onResync:
 * notifications sent while it was away are lost, so the subscriber re-reads the state they were about.
 */
export async function listen(
  config: pg.ClientConfig,
  channel: string,
  onMessage: (payload: string) => void,
  onResync: () => void,
  opts: PgListenerOptions = {},
): Promise<ChangeSubscription> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid notification channel name ${JSON.stringify(channel)}`);
  const base = opts.backoffMs ?? 100;
  const max = opts.maxBackoffMs ?? 2_000;
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let delay = base;

  const connect = async (): Promise<void> => {
    const c = new (pgDriver().Client)({ ...config, keepAlive: true });
    c.on('notification', (m) => {
      if (m.channel === channel) onMessage(m.payload ?? '');
    });
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = undefined;
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      if (err) opts.onError?.(err);
      schedule();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    delay = base;
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        () => {
          if (!closed) onResync();
        },
        (err: Error) => {
          opts.onError?.(err);
          delay = Math.min(delay * 2, max);
          schedule();
        },
      );
    }, delay);
    timer.unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = undefined;
      if (c) await c.end().catch(() => undefined);
    },
  };
}
