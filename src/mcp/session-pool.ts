/**
 * MCP sessions of the Streamable HTTP endpoint, bounded in time and number: a session with no request for
 * `idleMs` is closed by a periodic sweep, and at `maxSessions` a new one takes the place of the longest-idle
 * session, or is refused when every session is busy. Abandoned sessions (clients that never send DELETE)
 * are thus released instead of holding their server objects forever.
 */

export interface SessionPoolOptions {
  /** Close a session after this long with no request (ms). */
  idleMs: number;
  maxSessions: number;
  /** Clock (tests advance it instead of waiting). */
  now?: () => number;
  /** How often the idle sweep runs; default min(idleMs / 4, 30 s), at least 1 s. 0 = no timer (call sweep()). */
  sweepEveryMs?: number;
}

export type EvictionReason = 'idle' | 'cap' | 'shutdown';

interface Entry<T> {
  value: T;
  lastActive: number;
  /** Requests of this session still being answered (their responses not closed yet). */
  busy: number;
}

export class SessionPool<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;
  /** Sessions being initialized (counted against the cap before they have an id). */
  private pending = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly opts: SessionPoolOptions,
    private readonly close: (value: T, id: string, reason: EvictionReason) => Promise<void> | void,
  ) {
    this.now = opts.now ?? Date.now;
    const every = opts.sweepEveryMs ?? Math.max(1000, Math.min(opts.idleMs / 4, 30_000));
    if (every > 0) {
      this.timer = setInterval(() => void this.sweep(), every);
      this.timer.unref();
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): T | undefined {
    return this.entries.get(id)?.value;
  }

  add(id: string, value: T): void {
    this.entries.set(id, { value, lastActive: this.now(), busy: 0 });
  }

  /** Forget a session that closed by itself (DELETE, transport closed). */
  delete(id: string): void {
    this.entries.delete(id);
  }

  /**
   * A request of session `id` starts: it counts as activity, and while `track` is true the session is busy
   * until the returned function is called (when the response closes).
   */
  touch(id: string, track: boolean): () => void {
    const e = this.entries.get(id);
    if (!e) return () => undefined;
    e.lastActive = this.now();
    if (!track) return () => undefined;
    e.busy++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      e.busy--;
      e.lastActive = this.now();
    };
  }

  /**
   * Reserves room for one more session: under the cap, or after closing the longest-idle session that is not
   * busy. Returns undefined when every session is busy (the caller refuses the new one); else a function to
   * call once the new session is added (or failed to start), which frees the reservation.
   */
  reserve(): (() => void) | undefined {
    if (this.entries.size + this.pending >= this.opts.maxSessions) {
      let victim: [string, Entry<T>] | undefined;
      for (const kv of this.entries) {
        if (kv[1].busy === 0 && (!victim || kv[1].lastActive < victim[1].lastActive)) victim = kv;
      }
      if (!victim) return undefined;
      void this.evict(victim[0], victim[1], 'cap');
    }
    this.pending++;
    let done = false;
    return () => {
      if (!done) this.pending--;
      done = true;
    };
  }

  /** Closes every session idle for idleMs or longer; returns how many. */
  async sweep(): Promise<number> {
    const cutoff = this.now() - this.opts.idleMs;
    const stale = [...this.entries].filter(([, e]) => e.busy === 0 && e.lastActive <= cutoff);
    await Promise.allSettled(stale.map(([id, e]) => this.evict(id, e, 'idle')));
    return stale.length;
  }

  async closeAll(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const all = [...this.entries];
    await Promise.allSettled(all.map(([id, e]) => this.evict(id, e, 'shutdown')));
  }

  private async evict(id: string, e: Entry<T>, reason: EvictionReason): Promise<void> {
    if (this.entries.get(id) !== e) return;
    this.entries.delete(id);
    try {
      await this.close(e.value, id, reason);
    } catch {
      // a transport that fails to close is gone from the pool all the same
    }
  }
}
