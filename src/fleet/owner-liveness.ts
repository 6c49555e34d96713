import type { MemoryStore } from '../memory/types.js';

/**
 * The owner registry's rule (src/memory/owner-lease.ts) as a yes/no for one owner: alive while its state is
 * 'alive' and its heartbeat is younger than `staleAfterMs`. Each lease tick declares dead, before the sweep
 * handlers run, the owners gone stale and those on this host whose process no longer exists, so a restart
 * after a crash resolves the crashed process's tasks at once. An owner the registry does not know is gone.
 */
export function ownerLiveness(store: MemoryStore, staleAfterMs: number, now: () => number = Date.now): (ownerId: string) => Promise<boolean> {
  return async (ownerId) => {
    const owner = await store.getOwner(ownerId);
    return owner !== undefined && owner.state === 'alive' && now() - owner.heartbeatAt <= staleAfterMs;
  };
}
