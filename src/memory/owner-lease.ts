import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import type { MemoryStore, OwnerRecord } from './types.js';

/** Heartbeat period: an owner is refreshed this often. */
export const DEFAULT_HEARTBEAT_MS = 5_000;
/**
 * An owner whose heartbeat is older than this is dead. With a 5 s sweep by every survivor, a dead owner's
 * leftovers are handled within STALE + HEARTBEAT = 25 s (under the 30 s the fleet promises).
 */
export const DEFAULT_STALE_AFTER_MS = 20_000;

export interface OwnerLeaseOptions {
  /** What the process is ("aqe run", "aqe serve", ...). */
  role: string;
  heartbeatMs?: number;
  staleAfterMs?: number;
  /** Tests: no timer; call tick() by hand. */
  manual?: boolean;
}

/**
 * Called on every sweep with the dead owners this process claimed (often none). Leftovers that any survivor
 * may take (e.g. reservations booked by a single atomic statement) can be handled on every sweep regardless.
 */
export type SweepHandler = (claimed: OwnerRecord[], lease: OwnerLease) => void | Promise<void>;

/**
 * This process's entry in the store's owner registry. Records the process holds (budget reservations, running
 * tasks) carry `lease.id`; a timer (unref'd, so it never keeps the process alive) heartbeats it and sweeps for
 * owners that stopped heartbeating, so a killed process's leftovers are taken over by a survivor, or by the
 * next process to start (start() sweeps once at once).
 *
 * Events: 'sweep' (claimed owners), 'lost' (this owner was declared dead, e.g. after a long pause; a new id
 * is registered and used from then on), 'error' is not emitted: sweep failures go to `onError`.
 */
export class OwnerLease extends EventEmitter {
  private ownerId = '';
  private timer?: NodeJS.Timeout;
  private readonly handlers: SweepHandler[] = [];
  private ticking?: Promise<void>;
  private stopped = false;
  readonly heartbeatMs: number;
  readonly staleAfterMs: number;
  onError: (err: unknown) => void = () => undefined;

  private constructor(
    private readonly store: MemoryStore,
    private readonly opts: OwnerLeaseOptions,
  ) {
    super();
    this.heartbeatMs = opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    this.staleAfterMs = opts.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  }

  /** Registers the owner and starts heartbeating. Sweep handlers added later run from the next tick. */
  static async start(store: MemoryStore, opts: OwnerLeaseOptions): Promise<OwnerLease> {
    const lease = new OwnerLease(store, opts);
    lease.ownerId = await store.registerOwner({ role: opts.role, pid: process.pid, host: hostname() });
    if (!opts.manual) {
      lease.timer = setInterval(() => void lease.tick(), lease.heartbeatMs);
      lease.timer.unref();
    }
    return lease;
  }

  /** The current owner id (changes only after this owner was declared dead). */
  get id(): string {
    return this.ownerId;
  }

  /** Register a handler for leftovers; it runs on every sweep from the next tick() on. */
  onSweep(handler: SweepHandler): void {
    this.handlers.push(handler);
  }

  /** Heartbeat, then claim owners that went stale and run the handlers. Overlapping calls share one run. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.ticking ??= this.runTick().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async runTick(): Promise<void> {
    try {
      if (!(await this.store.heartbeatOwner(this.ownerId))) {
        const old = this.ownerId;
        this.ownerId = await this.store.registerOwner({ role: this.opts.role, pid: process.pid, host: hostname() });
        this.emit('lost', { previous: old, current: this.ownerId });
      }
      const claimed = await this.store.claimDeadOwners(this.ownerId, this.staleAfterMs);
      // Same host, process gone: no need to wait for its heartbeat to go stale (a pid reused by another
      // process only delays this to the staleness rule).
      const gone = (await this.store.deadOwners(0))
        .filter((o) => o.state === 'alive' && o.id !== this.ownerId && o.host === hostname() && !processExists(o.pid))
        .map((o) => o.id);
      if (gone.length) claimed.push(...(await this.store.claimDeadOwners(this.ownerId, this.staleAfterMs, gone)));
      for (const h of this.handlers) {
        try {
          await h(claimed, this);
        } catch (err) {
          this.onError(err);
        }
      }
      this.emit('sweep', claimed);
    } catch (err) {
      this.onError(err);
    }
  }

  /** Clean shutdown: stop the timer and mark the owner stopped (its leftovers are then anybody's to book). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.ticking) await this.ticking.catch(() => undefined);
    if (this.stopped) return;
    this.stopped = true;
    await this.store.releaseOwner(this.ownerId);
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
