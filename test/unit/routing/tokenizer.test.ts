import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countTokens } from '../../../src/routing/tokenizer.js';

/** The original regex definition of the pieces; the loop implementation must count exactly the same. */
function reference(text: string): number {
  let tokens = 0;
  for (const m of text.matchAll(/[A-Za-z]+|[0-9]+|\s+|[^\sA-Za-z0-9]/g)) {
    const piece = m[0];
    const c = piece.charCodeAt(0);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      if (piece.length > 1) tokens += 1;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) tokens += Math.max(1, Math.ceil(piece.length / 4.5));
    else if (c >= 48 && c <= 57) tokens += Math.ceil(piece.length / 3);
    else tokens += c > 127 ? 2 : 1;
  }
  return tokens;
}

describe('countTokens', () => {
  it('counts words, numbers, punctuation and whitespace runs', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(4); // ceil(5/4.5) * 2
    expect(countTokens('a  b')).toBe(3);
    expect(countTokens('12345')).toBe(2);
    expect(countTokens('é')).toBe(2);
  });

  it('matches the regex definition on code, prose, unicode and odd whitespace', () => {
    const samples = [
      readFileSync(new URL('../../../src/routing/ComplexityAnalyzer.ts', import.meta.url), 'utf8'),
      'naïve café — 👍🏽 ok\u00a0\u00a0x\u2003y\v\fz\r\n\t\tend',
      '  \n\n\t x1y2z3 __a-b__ 3.14159 0xFF',
    ];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'aZ09 \n\t\u00a0\u3000é😀.,;{}_-\v';
    for (let s = 0; s < 200; s++) samples.push(Array.from({ length: 1 + Math.floor(rnd() * 80) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
    for (const text of samples) expect(countTokens(text)).toBe(reference(text));
  });

  it('returns the same count for a memoised long text', () => {
    const long = 'export const x = 1;\n'.repeat(100);
    expect(countTokens(long)).toBe(reference(long));
    expect(countTokens(long)).toBe(reference(long));
  });
});
