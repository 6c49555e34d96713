import { randomUUID } from 'node:crypto';
import { FEATURE_NAMES, type FeatureName } from '../config/schema.js';
import { AccessLevel, type MemoryStore } from '../memory/types.js';
import type { FeatureFlags } from './FeatureFlags.js';

/** Partition of the current runtime overrides: one entry per overridden flag (key = flag name, value = boolean). */
export const FLAG_OVERRIDES_PARTITION = 'flags/overrides';
/** Partition of the audit trail: one entry per change, keys sort by time. */
export const FLAG_AUDIT_PARTITION = 'flags/audit';
/** Notification channel telling the other replicas that the overrides changed. */
export const FLAG_CHANNEL = 'aqe_flags';

export interface FlagAuditRecord {
  /** ISO time of the change. */
  at: string;
  caller: string;
  values: Partial<Record<FeatureName, boolean | null>>;
  /** The replica that took the change. */
  replica: string;
}

export interface FlagSyncOptions {
  replica: string;
  /** Re-read the overrides this often even without notifications (a missed NOTIFY heals). Default 30000; 0 disables. */
  resyncMs?: number;
  onError?: (err: unknown) => void;
}

/**
 * Runtime flag overrides kept in the store and shared by every replica on it. A change is written (overrides
 * plus an audit record), then announced on FLAG_CHANNEL; each replica re-reads the overrides when told, after a
 * lost notification connection comes back, on a slow timer, and at start (so they survive restarts).
 *
 * Only what changed in the store since the last read is applied locally, so overrides set in-process with
 * FeatureFlags.setOverrides() (library use, tests) are not undone by a re-read.
 */
export class FlagSync {
  private lastSeen: Partial<Record<FeatureName, boolean>> = {};
  private subscription?: { close(): Promise<void> };
  private timer?: NodeJS.Timeout;
  private reading?: Promise<void>;
  private again = false;
  private closed = false;

  constructor(
    private readonly store: MemoryStore,
    private readonly flags: FeatureFlags,
    private readonly opts: FlagSyncOptions,
  ) {}

  async start(): Promise<void> {
    await this.resync();
    if (this.store.subscribe) {
      this.subscription = await this.store.subscribe(FLAG_CHANNEL, () => this.kick(), () => this.kick());
    }
    const every = this.opts.resyncMs ?? 30_000;
    if (every > 0) {
      this.timer = setInterval(() => this.kick(), every);
      this.timer.unref();
    }
  }

  /**
   * Validate and apply here, persist with an audit record, and tell the other replicas. When the store write
   * fails the local change is undone and the error thrown: every replica keeps agreeing with the store.
   */
  async setOverrides(values: Partial<Record<FeatureName, boolean | null>>, caller: string): Promise<FlagAuditRecord> {
    const before = this.flags.getOverrides();
    this.flags.setOverrides(values, { caller }); // throws on an unknown flag or a bad value, before anything is written
    const changed = (Object.entries(values) as Array<[FeatureName, boolean | null | undefined]>).filter(([, v]) => v !== undefined);
    const now = Date.now();
    const record: FlagAuditRecord = { at: new Date(now).toISOString(), caller, values, replica: this.opts.replica };
    try {
      for (const [flag, v] of changed) if (v === null) await this.store.delete(FLAG_OVERRIDES_PARTITION, flag);
      await this.store.putMany([
        ...changed.filter(([, v]) => v !== null).map(([flag, v]) => systemEntry(FLAG_OVERRIDES_PARTITION, flag, v, now)),
        systemEntry(FLAG_AUDIT_PARTITION, `${String(now).padStart(15, '0')}-${randomUUID()}`, record, now),
      ]);
    } catch (err) {
      this.flags.setOverrides(Object.fromEntries(changed.map(([flag]) => [flag, before[flag] ?? null])), { caller: 'store write failed' });
      throw err;
    }
    for (const [flag, v] of changed) {
      if (v === null) delete this.lastSeen[flag];
      else this.lastSeen[flag] = v as boolean;
    }
    await this.store.publish?.(FLAG_CHANNEL, JSON.stringify({ replica: this.opts.replica, at: record.at }));
    return record;
  }

  /** The newest audit records first. */
  async audit(limit = 100): Promise<FlagAuditRecord[]> {
    const entries = await this.store.query({ partition: FLAG_AUDIT_PARTITION, order: 'newest', limit });
    return entries.map((e) => e.value as FlagAuditRecord);
  }

  /** Re-read the overrides now (coalesces concurrent calls; one more read follows if asked during a read). */
  resync(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.readOnce().finally(() => {
      this.reading = undefined;
      if (this.again && !this.closed) {
        this.again = false;
        this.kick();
      }
    });
    return this.reading;
  }

  private kick(): void {
    if (this.closed) return;
    this.resync().catch((err: unknown) => this.opts.onError?.(err));
  }

  private async readOnce(): Promise<void> {
    const entries = await this.store.query({ partition: FLAG_OVERRIDES_PARTITION });
    const now: Partial<Record<FeatureName, boolean>> = {};
    for (const e of entries) {
      if ((FEATURE_NAMES as readonly string[]).includes(e.key) && typeof e.value === 'boolean') now[e.key as FeatureName] = e.value;
    }
    const diff: Partial<Record<FeatureName, boolean | null>> = {};
    for (const f of FEATURE_NAMES) {
      if (now[f] !== this.lastSeen[f]) diff[f] = now[f] ?? null;
    }
    this.lastSeen = now;
    if (Object.keys(diff).length) this.flags.setOverrides(diff, { caller: 'store' });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.subscription?.close();
    await this.reading?.catch(() => undefined);
  }
}

function systemEntry(partition: string, key: string, value: unknown, now: number) {
  return { partition, key, value, owner: 'system', accessLevel: AccessLevel.SYSTEM, createdAt: now, updatedAt: now };
}
