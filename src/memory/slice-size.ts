import type { SliceCommit } from './types.js';

/** Money is REAL/DOUBLE: sums of many small floats drift, so a window is full only beyond this tolerance. */
export const MONEY_EPSILON = 1e-9;

type Sizing = Pick<SliceCommit, 'floor' | 'need' | 'extra' | 'extraFraction' | 'exactBelow'>;

/**
 * Whether a slice holding `current` (after this commit's settled costs moved out) can keep its size without
 * checking the windows: it covers `need` plus at least a quarter of the headroom wanted, and is not above
 * need + headroom (then it shrinks to that: giving back is always safe). Returns the new amount, or undefined
 * when the slice must grow (a locked check of the windows, then sizeSlice). The hysteresis keeps growth, the
 * only step that serialises processes, to one commit in several.
 */
export function keepSlice(c: Sizing, current: number): number | undefined {
  const hi = c.need + c.extra;
  if (current > hi + MONEY_EPSILON) return Math.max(c.floor, hi);
  if (current + MONEY_EPSILON >= c.need + c.extra / 4) return current;
  return undefined;
}

/**
 * The amount a budget slice grows to, given `avail`: the most this slice could hold within every window's
 * limit (limit minus spent and everything else held). `need` when it fits, plus headroom (at most
 * `extraFraction` of what is left after it, none when less than `exactBelow` is left: near the limit every
 * call is held exactly); otherwise as much of `need` as fits, never below `floor` (calls in flight).
 * The SQLite store calls this inside its transaction; PostgreSQL's aqe_commit_slice repeats it in SQL.
 */
export function sizeSlice(c: Sizing, avail: number): number {
  if (avail + MONEY_EPSILON >= c.need) {
    const left = Math.max(0, avail - c.need);
    const extra = left < c.exactBelow ? 0 : Math.min(c.extra, left * c.extraFraction);
    return c.need + Math.max(0, extra);
  }
  return Math.max(c.floor, Math.min(c.need, avail));
}
