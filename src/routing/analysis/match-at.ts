import { isWideSpace } from '../tokenizer.js';

/**
 * Counting a global pattern's matches by trying it only where a match can start.
 *
 * `text.match(re).length` makes the engine attempt a match at every position. For patterns whose every match
 * must start at a few findable places (just before `= true`, at `this.`), the caller lists those places and
 * this tries the same pattern, sticky, at each of them in order, resuming after each match as a global search
 * does. The count is the same as long as no match can start anywhere else.
 */
const sticky = new WeakMap<RegExp, RegExp>();

function stickyOf(re: RegExp): RegExp {
  let y = sticky.get(re);
  if (!y) {
    y = new RegExp(re.source, re.flags.replace('g', '') + 'y');
    sticky.set(re, y);
  }
  return y;
}

/** Number of matches `text.match(re)` finds, given every position (ascending) where one of them may start. */
export function countAt(re: RegExp, text: string, starts: readonly number[]): number {
  const y = stickyOf(re);
  let n = 0;
  let resume = 0;
  for (const p of starts) {
    if (p < resume) continue;
    y.lastIndex = p;
    const m = y.exec(text);
    if (m === null) continue;
    n++;
    resume = p + Math.max(1, m[0].length);
  }
  return n;
}

export const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Whether `\b` holds at position p of text (between a \w and a non-\w character, text ends counting as non-\w). */
export function wordBoundaryAt(text: string, p: number): boolean {
  const before = p > 0 && isWordChar(text.charCodeAt(p - 1));
  const after = p < text.length && isWordChar(text.charCodeAt(p));
  return before !== after;
}

/** JavaScript's `\s`. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || isWideSpace(c);
}

/**
 * The run of `inRun` characters that ends where the whitespace before position `at` begins, as [from, to)
 * (empty when no such character precedes the whitespace): what `X+(?=\s*<text at 'at'>)` matches.
 */
export function runBefore(text: string, at: number, inRun: (c: number) => boolean): [number, number] {
  let to = at;
  while (to > 0 && isSpace(text.charCodeAt(to - 1))) to--;
  let from = to;
  while (from > 0 && inRun(text.charCodeAt(from - 1))) from--;
  return [from, to];
}
