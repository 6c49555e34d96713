import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from '../../../src/fleet/limiter.js';

describe('ConcurrencyLimiter', () => {
  it('never lets more than the limit hold at once and serves waiters in order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const release = await limiter.acquire();
        order.push(i);
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setImmediate(r));
        active--;
        release();
      }),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(limiter.running).toBe(0);
  });

  it('drops an aborted waiter from the queue', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const release = await limiter.acquire();
    const ac = new AbortController();
    const waiting = limiter.acquire(ac.signal);
    expect(limiter.queued).toBe(1);
    ac.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(limiter.queued).toBe(0);
    release();
    expect(limiter.running).toBe(0);
  });

  it('a release called twice counts once', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const release = await limiter.acquire();
    release();
    release();
    expect(limiter.running).toBe(0);
    const again = await limiter.acquire();
    expect(limiter.running).toBe(1);
    again();
  });
});
