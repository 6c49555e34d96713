import { describe, expect, it } from 'vitest';
import { SessionPool, type EvictionReason } from '../../../src/mcp/session-pool.js';

function pool(maxSessions = 3, idleMs = 1000) {
  let now = 0;
  const closed: Array<[string, EvictionReason]> = [];
  const p = new SessionPool<string>({ idleMs, maxSessions, now: () => now, sweepEveryMs: 0 }, (_v, id, reason) => {
    closed.push([id, reason]);
  });
  return { p, closed, advance: (ms: number) => (now += ms) };
}

describe('SessionPool', () => {
  it('closes sessions idle for idleMs, keeps the recently used and the busy ones', async () => {
    const { p, closed, advance } = pool(10, 1000);
    for (const id of ['a', 'b', 'c']) p.add(id, id);
    advance(600);
    p.touch('b', false);
    const done = p.touch('c', true); // a request in progress
    advance(600);
    expect(await p.sweep()).toBe(1);
    expect(closed).toEqual([['a', 'idle']]);
    expect(p.size).toBe(2);
    advance(5000);
    expect(await p.sweep()).toBe(1); // b; c is still busy
    expect(p.get('c')).toBe('c');
    done();
    advance(1000);
    await p.sweep();
    expect(p.size).toBe(0);
  });

  it('at the cap a new session takes the place of the longest-idle one; when all are busy it is refused', () => {
    const { p, closed, advance } = pool(2);
    const r1 = p.reserve()!;
    p.add('a', 'a');
    r1();
    advance(10);
    const r2 = p.reserve()!;
    p.add('b', 'b');
    r2();
    advance(10);
    const r3 = p.reserve();
    expect(r3).toBeDefined();
    expect(closed).toEqual([['a', 'cap']]);
    p.add('c', 'c');
    r3!();
    p.touch('b', true);
    p.touch('c', true);
    expect(p.reserve()).toBeUndefined();
    expect(p.size).toBe(2);
  });

  it('reservations count against the cap until they are released', () => {
    const { p } = pool(1);
    const r = p.reserve()!;
    expect(p.reserve()).toBeUndefined();
    r();
    r();
    expect(p.reserve()).toBeDefined();
  });

  it('closeAll closes everything once', async () => {
    const { p, closed } = pool(5);
    p.add('a', 'a');
    p.add('b', 'b');
    await p.closeAll();
    await p.closeAll();
    expect(closed.map(([, r]) => r)).toEqual(['shutdown', 'shutdown']);
    expect(p.size).toBe(0);
  });
});
