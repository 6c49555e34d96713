import { hostname } from 'node:os';
import type { MemoryStore, OwnerRecord } from '../memory/types.js';

/**
 * The owner registry's rule (src/memory/owner-lease.ts) as a yes/no for one owner: alive while its state is
 * 'alive' and its heartbeat is younger than `staleAfterMs`. One shortcut: an owner on this host whose process
 * no longer exists is gone now, so a restart after a crash resolves its tasks at once instead of after the
 * stale period (an owner with this process's pid but not its current id is an earlier incarnation, e.g. a
 * restarted container's pid 1). An owner the registry does not know is gone. Callers treat their own
 * current owner id as alive without asking.
 */
export function ownerLiveness(store: MemoryStore, staleAfterMs: number, now: () => number = Date.now): (ownerId: string) => Promise<boolean> {
  const host = hostname();
  return async (ownerId) => {
    const owner = await store.getOwner(ownerId);
    if (!owner || owner.state !== 'alive') return false;
    if (now() - owner.heartbeatAt > staleAfterMs) return false;
    return !(owner.host === host && !processExists(owner));
  };
}

function processExists(owner: OwnerRecord): boolean {
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
