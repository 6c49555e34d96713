import { randomUUID } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter that keeps ids of one
 * millisecond in issue order (method 1 of section 6.2), then 62 random bits. Ids this process makes sort in
 * the order it made them, so the store's keyed indexes (task records, active markers, budget tickets) grow at
 * their right edge: each commit writes a few index pages instead of one random page per row, which is most
 * of a SQLite commit's cost on a large table. Still a UUID: it parses and compares like one.
 */
export function timeOrderedId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next millisecond rather than lose the order
    lastMs++;
    counter = 0;
  }
  const ms = lastMs.toString(16).padStart(12, '0');
  // randomUUID() is "xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx": its variant and last 62 random bits are reused.
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${counter.toString(16).padStart(3, '0')}${randomUUID().slice(18)}`;
}
