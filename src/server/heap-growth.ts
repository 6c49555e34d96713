import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past the live heap before its next full GC, for `aqe serve`.
 * On a machine with much memory V8 allows up to 4x; a server's per-request objects that outlive a scavenge
 * (tasks in flight under load) then pile up in old space as garbage: under bench:gateway's 50 connections,
 * 154 MB of old space for ~55 MB live and a 306 MB peak RSS, against 58 MB and 194 MB at 1.5x. V8 reads the
 * flag at each GC, so setting it at startup works; node refuses it in NODE_OPTIONS, so it is set here.
 */
export const SERVER_HEAP_GROWING_PERCENT = 50;

/** Applies the server's heap growing factor unless node was started with its own heap sizing. Returns whether it did. */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv, percent = SERVER_HEAP_GROWING_PERCENT): boolean {
  if (execArgv.some((a) => /^--(heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size)\b/.test(a))) return false;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  return true;
}
