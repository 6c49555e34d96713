import { describe, expect, it } from 'vitest';
import { BufferManager } from '../../../src/streaming/BufferManager.js';
import { ProviderError } from '../../../src/providers/errors.js';
import { backoffDelay, createRetryPolicy } from '../../../src/streaming/retry.js';

describe('BufferManager', () => {
  it('pauses the producer at threshold x size and resumes when the consumer drains below', async () => {
    const buf = new BufferManager<number>({ bufferSize: 10, backpressureThreshold: 0.5 });
    expect(buf.pauseAt).toBe(5);
    for (let i = 0; i < 4; i++) expect(buf.push(i)).toBeUndefined();
    const wait = buf.push(4);
    expect(wait).toBeInstanceOf(Promise);
    expect(buf.paused).toBe(true);
    let resumed = false;
    void wait!.then(() => (resumed = true));
    expect((await buf.next()).value).toBe(0);
    await Promise.resolve();
    expect(resumed).toBe(true);
    expect(buf.getStats()).toMatchObject({ highWater: 5, pauses: 1 });
  });

  it('delivers in order, then end; or the remaining items, then the failure', async () => {
    const a = new BufferManager<string>({ bufferSize: 8, backpressureThreshold: 1 });
    a.push('x');
    a.push('y');
    a.end();
    const got: string[] = [];
    for await (const v of a) got.push(v);
    expect(got).toEqual(['x', 'y']);
    const b = new BufferManager<string>({ bufferSize: 8, backpressureThreshold: 1 });
    b.push('p');
    b.fail(new Error('boom'));
    expect((await b.next()).value).toBe('p');
    await expect(b.next()).rejects.toThrow('boom');
  });

  it('hands items straight to a waiting consumer and wakes it on end', async () => {
    const buf = new BufferManager<number>({ bufferSize: 4, backpressureThreshold: 0.8 });
    const first = buf.next();
    buf.push(7);
    expect(await first).toEqual({ value: 7, done: false });
    const last = buf.next();
    buf.end();
    expect(await last).toEqual({ value: undefined, done: true });
  });

  it('clamps pauseAt to the buffer size and releases a paused producer on cancel', async () => {
    const buf = new BufferManager<number>({ bufferSize: 2, backpressureThreshold: 3 });
    expect(buf.pauseAt).toBe(2);
    buf.push(1);
    const wait = buf.push(2)!;
    buf.cancel();
    await wait;
    expect(buf.push(3)).toBeUndefined();
    expect(buf.size).toBe(0);
  });
});

describe('backoffDelay', () => {
  const cfg = { maxRetries: 3, backoffMs: 100, backoffMultiplier: 2, jitter: 0.2 };
  it('grows exponentially with a jittered fraction and honours retry-after', () => {
    expect(backoffDelay(cfg, 1, undefined, () => 1)).toBe(100);
    expect(backoffDelay(cfg, 1, undefined, () => 0)).toBe(80);
    expect(backoffDelay(cfg, 3, undefined, () => 1)).toBe(400);
    expect(backoffDelay({ ...cfg, jitter: 0 }, 2, undefined, () => 0.5)).toBe(200);
    expect(backoffDelay(cfg, 1, 5000, () => 1)).toBe(5000);
  });
});

describe('createRetryPolicy', () => {
  it('retries retryable provider errors up to maxRetries, waiting at least retry-after', async () => {
    const delays: number[] = [];
    const policy = createRetryPolicy({ maxRetries: 2, backoffMs: 1, backoffMultiplier: 2, jitter: 0 }, { onRetry: (r) => delays.push(r.delayMs) });
    let calls = 0;
    const result = await policy.execute(() => {
      calls++;
      if (calls === 1) throw new ProviderError('rate_limited', '429', { retryAfterMs: 25 });
      if (calls === 2) throw new ProviderError('overloaded', '529');
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(delays).toEqual([25, 2]);
  });

  it('does not retry errors that retrying cannot fix', async () => {
    const policy = createRetryPolicy({ maxRetries: 3, backoffMs: 1, backoffMultiplier: 2, jitter: 0 });
    let calls = 0;
    await expect(
      policy.execute(() => {
        calls++;
        throw new ProviderError('auth', 'bad key');
      }),
    ).rejects.toMatchObject({ kind: 'auth' });
    expect(calls).toBe(1);
  });
});
