import { describe, expect, it } from 'vitest';
import { prefixUpperBound } from '../../../src/memory/key-range.js';

describe('prefixUpperBound', () => {
  it('increments the last code point', () => {
    expect(prefixUpperBound('task-1/')).toBe('task-10');
    expect(prefixUpperBound('a\u{1F600}')).toBe('a\u{1F601}');
  });

  it('skips the surrogate range and drops trailing U+10FFFF', () => {
    expect(prefixUpperBound('a\uD7FF')).toBe('a\uE000');
    expect(prefixUpperBound('ab\u{10FFFF}\u{10FFFF}')).toBe('ac');
  });

  it('has no bound for a prefix of only U+10FFFF or ending in a lone surrogate', () => {
    expect(prefixUpperBound('\u{10FFFF}')).toBeUndefined();
    expect(prefixUpperBound('a\uD800')).toBeUndefined();
  });

  it('is above every key that starts with the prefix, in UTF-8 byte order', () => {
    const prefix = 'x/\u00E9';
    const upper = Buffer.from(prefixUpperBound(prefix)!);
    for (const tail of ['', 'z', '\uFFFF', '\u{10FFFF}\u{10FFFF}']) expect(Buffer.compare(Buffer.from(prefix + tail), upper)).toBeLessThan(0);
  });
});
