import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../../src/ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId (UUIDv7)', () => {
  it('is a version 7, RFC 9562 variant UUID carrying the time in its first 48 bits', () => {
    // ahead of the clock (ids never go back in time, so a past instant would give the last id's time instead)
    const at = Date.now() + 365 * 86_400_000;
    const id = timeOrderedId(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('sorts in issue order, within one millisecond and across many', () => {
    const ids = Array.from({ length: 10_000 }, () => timeOrderedId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the order when 4,096 or more ids share a millisecond, and when the clock steps back', () => {
    const t = Date.now() + 20_000_000;
    const burst = Array.from({ length: 5000 }, () => timeOrderedId(t));
    const afterStepBack = timeOrderedId(t - 60_000);
    const all = [...burst, afterStepBack];
    expect([...all].sort()).toEqual(all);
    for (const id of all) expect(id).toMatch(UUID_V7);
  });
});
