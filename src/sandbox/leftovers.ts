import { readdirSync, readFileSync } from 'node:fs';

/**
 * Live processes whose command line mentions `needle` (a sandbox's run dir, which every process of a run carries
 * in its arguments), other than this one. Linux only (/proc); elsewhere none. A zombie has no command line, so it
 * does not count: it runs nothing.
 */
export function processesMentioning(needle: string): number[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(needle)) out.push(Number(pid));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return out;
}

/**
 * Waits (at most `ms`) until no process mentions `needle`. A killed sandbox's outer process ends first; what bubblewrap
 * started in its own session and PID namespace dies a moment later (its parent-death signal, then the namespace's
 * end), and a run is not over, nor reported, before that.
 */
export async function untilNoneMention(needle: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (processesMentioning(needle).length === 0) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
}
