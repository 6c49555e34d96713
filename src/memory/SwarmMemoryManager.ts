/**
 * SwarmMemoryManager: the seed's store/retrieve/query/delete/clear API over a MemoryStore, with access
 * levels enforced here (the store below is a plain table).
 *
 * Access rules, per operation (read / write = update an existing entry / delete):
 *  - The system caller (`isSystem: true`, e.g. SYSTEM_CALLER) may do everything.
 *  - SYSTEM-level entries: system callers only, whoever is named as owner.
 *  - Otherwise the owner (entry.owner === caller.id) may always read, write and delete.
 *  - PRIVATE: the owner only.
 *  - TEAM: callers with the entry's teamId may read and write the value.
 *  - SWARM: callers with the entry's swarmId may read and write the value.
 *  - PUBLIC: everyone reads; only the owner (or the system) writes.
 *  - Delete, and changing owner / accessLevel / teamId / swarmId, stay with the owner (or the system).
 * Creating an entry: a non-system caller owns what it creates (`owner`, if given, must be its own id), may not
 * create SYSTEM entries, and may only create TEAM / SWARM entries for its own team / swarm.
 * A caller without rights gets AccessDeniedError naming the key and partition (never the value).
 * query() silently skips entries the caller may not read.
 *
 * Defaults: partition 'default'; accessLevel PRIVATE; owner = the caller's id; teamId / swarmId from the
 * caller when the level needs one; no TTL (ttl is in seconds; an update without ttl clears an old expiry).
 * The caller is `opts.caller`, else the manager's default caller, which is SYSTEM_CALLER unless the
 * constructor says otherwise: v1.0.4 code that passes no caller keeps working, and the fleet itself writes
 * routing/ and streaming/ partitions as the system. Agents get a view bound to their identity with
 * `forCaller({ id, teamId, swarmId })`.
 */
import { AccessDeniedError, AqeError, ErrorCodes } from '../errors.js';
import { serialiseValue } from './value.js';
import { AccessLevel, type Caller, type MemoryEntry, type MemoryStore, type QueryOptions, type StoreOptions } from './types.js';

export const SYSTEM_CALLER: Readonly<Caller> = Object.freeze({ id: 'system', isSystem: true });
export const DEFAULT_PARTITION = 'default';

export type MemoryOperation = 'read' | 'write' | 'delete';

/** The access rules above as one predicate over an existing entry. */
export function canAccess(entry: Pick<MemoryEntry, 'owner' | 'accessLevel' | 'teamId' | 'swarmId'>, caller: Caller, op: MemoryOperation): boolean {
  if (caller.isSystem) return true;
  if (entry.accessLevel === AccessLevel.SYSTEM) return false;
  if (entry.owner === caller.id) return true;
  if (op === 'delete') return false;
  switch (entry.accessLevel) {
    case AccessLevel.TEAM:
      return entry.teamId !== undefined && entry.teamId === caller.teamId;
    case AccessLevel.SWARM:
      return entry.swarmId !== undefined && entry.swarmId === caller.swarmId;
    case AccessLevel.PUBLIC:
      return op === 'read';
    default:
      return false;
  }
}

export interface CallerOption {
  caller?: Caller;
}

export interface SwarmMemoryManagerOptions {
  defaultCaller?: Caller;
  /** Clock (epoch ms) for createdAt/updatedAt/expiresAt; should match the store's clock. */
  now?: () => number;
}

/** Page size when filtering query results by access (only non-system callers need it). */
const QUERY_PAGE = 500;

export class SwarmMemoryManager {
  private readonly backend: MemoryStore;
  private readonly defaultCaller: Caller;
  private readonly now: () => number;

  constructor(store: MemoryStore, opts: SwarmMemoryManagerOptions = {}) {
    this.backend = store;
    this.defaultCaller = opts.defaultCaller ?? SYSTEM_CALLER;
    this.now = opts.now ?? Date.now;
  }

  /** A manager over the same store whose default caller is `caller` (what an agent should hold). */
  forCaller(caller: Caller): SwarmMemoryManager {
    return new SwarmMemoryManager(this.backend, { defaultCaller: caller, now: this.now });
  }

  /** Create or update `key`; returns the entry as stored. */
  async store<T>(key: string, value: T, opts: StoreOptions & CallerOption = {}): Promise<MemoryEntry<T>> {
    const caller = opts.caller ?? this.defaultCaller;
    const partition = opts.partition ?? DEFAULT_PARTITION;
    checkKey(key, partition);
    serialiseValue(value, partition, key); // fail on a bad value before any access decision or write
    if (opts.ttl !== undefined && !(typeof opts.ttl === 'number' && Number.isFinite(opts.ttl) && opts.ttl > 0)) {
      throw new AqeError(
        ErrorCodes.MEMORY_INVALID,
        `ttl for key "${key}" in partition "${partition}" must be a positive number of seconds, got ${String(opts.ttl)}`,
        { key, partition },
      );
    }
    const now = this.now();
    const existing = await this.backend.get(partition, key);
    const meta = existing ? this.updatedMeta(existing, opts, caller, key, partition) : this.newMeta(opts, caller, key, partition);
    const entry: MemoryEntry<T> = {
      key,
      partition,
      value,
      ...meta,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (opts.ttl !== undefined) entry.expiresAt = now + Math.round(opts.ttl * 1000);
    await this.backend.put(entry);
    return entry;
  }

  /** The value of `key`, or undefined when there is no live entry. */
  async retrieve<T = unknown>(key: string, opts: { partition?: string } & CallerOption = {}): Promise<T | undefined> {
    return (await this.retrieveEntry<T>(key, opts))?.value;
  }

  /** The whole entry (value plus owner, access level, times), or undefined. */
  async retrieveEntry<T = unknown>(key: string, opts: { partition?: string } & CallerOption = {}): Promise<MemoryEntry<T> | undefined> {
    const caller = opts.caller ?? this.defaultCaller;
    const partition = opts.partition ?? DEFAULT_PARTITION;
    checkKey(key, partition);
    const entry = await this.backend.get(partition, key);
    if (!entry) return undefined;
    if (!canAccess(entry, caller, 'read')) throw denied(caller, 'read', entry);
    return entry as MemoryEntry<T>;
  }

  /** Live entries of a partition (default 'default') the caller may read. */
  async query<T = unknown>(opts: QueryOptions & CallerOption = {}): Promise<MemoryEntry<T>[]> {
    const { caller: given, ...rest } = opts;
    const caller = given ?? this.defaultCaller;
    const query: QueryOptions = { ...rest, partition: rest.partition ?? DEFAULT_PARTITION };
    if (caller.isSystem) return (await this.backend.query(query)) as MemoryEntry<T>[];

    const wanted = query.limit ?? Infinity;
    const out: MemoryEntry<T>[] = [];
    let offset = query.offset ?? 0;
    while (out.length < wanted) {
      const page = await this.backend.query({ ...query, limit: QUERY_PAGE, offset });
      for (const e of page) {
        if (out.length < wanted && canAccess(e, caller, 'read')) out.push(e as MemoryEntry<T>);
      }
      if (page.length < QUERY_PAGE) break;
      offset += page.length;
    }
    return out;
  }

  /** True when a live entry was deleted. */
  async delete(key: string, opts: { partition?: string } & CallerOption = {}): Promise<boolean> {
    const caller = opts.caller ?? this.defaultCaller;
    const partition = opts.partition ?? DEFAULT_PARTITION;
    checkKey(key, partition);
    const entry = await this.backend.get(partition, key);
    if (!entry) return false;
    if (!canAccess(entry, caller, 'delete')) throw denied(caller, 'delete', entry);
    return this.backend.delete(partition, key);
  }

  /**
   * Delete every entry of a partition; returns how many live entries went. A non-system caller may clear a
   * partition only when it may delete every entry in it (otherwise nothing is deleted).
   */
  async clear(partition: string, opts: CallerOption = {}): Promise<number> {
    const caller = opts.caller ?? this.defaultCaller;
    checkKey('(clear)', partition);
    if (caller.isSystem) return this.backend.clear(partition);
    const entries = await this.backend.query({ partition });
    const blocked = entries.find((e) => !canAccess(e, caller, 'delete'));
    if (blocked) {
      throw new AccessDeniedError(
        `caller "${caller.id}" may not clear partition "${partition}": it holds key "${blocked.key}" (access level ${blocked.accessLevel}) that only its owner or the system may delete`,
        { caller: caller.id, partition, key: blocked.key, operation: 'clear' },
      );
    }
    let n = 0;
    for (const e of entries) if (await this.backend.delete(partition, e.key)) n++;
    return n;
  }

  getStore(): MemoryStore {
    return this.backend;
  }

  async close(): Promise<void> {
    await this.backend.close();
  }

  private newMeta(opts: StoreOptions, caller: Caller, key: string, partition: string) {
    const accessLevel = opts.accessLevel ?? AccessLevel.PRIVATE;
    checkLevel(accessLevel, key, partition);
    const owner = opts.owner ?? caller.id;
    if (!caller.isSystem) {
      if (accessLevel === AccessLevel.SYSTEM) {
        throw new AccessDeniedError(
          `caller "${caller.id}" may not create key "${key}" in partition "${partition}" at access level system (system callers only)`,
          { caller: caller.id, key, partition, operation: 'write' },
        );
      }
      if (owner !== caller.id) {
        throw new AccessDeniedError(
          `caller "${caller.id}" may not create key "${key}" in partition "${partition}" on behalf of owner "${owner}"`,
          { caller: caller.id, key, partition, operation: 'write' },
        );
      }
    }
    const teamId = opts.teamId ?? (accessLevel === AccessLevel.TEAM ? caller.teamId : undefined);
    const swarmId = opts.swarmId ?? (accessLevel === AccessLevel.SWARM ? caller.swarmId : undefined);
    this.checkGroup(accessLevel, teamId, swarmId, caller, key, partition);
    return withGroups({ owner, accessLevel }, teamId, swarmId);
  }

  private updatedMeta(existing: MemoryEntry, opts: StoreOptions, caller: Caller, key: string, partition: string) {
    if (!canAccess(existing, caller, 'write')) throw denied(caller, 'write', existing);
    const accessLevel = opts.accessLevel ?? existing.accessLevel;
    checkLevel(accessLevel, key, partition);
    const owner = opts.owner ?? existing.owner;
    const teamId = opts.teamId ?? (accessLevel === AccessLevel.TEAM ? (existing.teamId ?? caller.teamId) : existing.teamId);
    const swarmId =
      opts.swarmId ?? (accessLevel === AccessLevel.SWARM ? (existing.swarmId ?? caller.swarmId) : existing.swarmId);
    if (!caller.isSystem) {
      const changed = (
        [
          ['owner', owner, existing.owner],
          ['accessLevel', accessLevel, existing.accessLevel],
          ['teamId', teamId, existing.teamId],
          ['swarmId', swarmId, existing.swarmId],
        ] as const
      ).filter(([, next, prev]) => next !== prev);
      if (changed.length && existing.owner !== caller.id) {
        throw new AccessDeniedError(
          `caller "${caller.id}" may update the value of key "${key}" in partition "${partition}" but not its ${changed.map(([f]) => f).join(', ')} (owner or system only)`,
          { caller: caller.id, key, partition, operation: 'write' },
        );
      }
      if (owner !== existing.owner) {
        throw new AccessDeniedError(
          `caller "${caller.id}" may not hand key "${key}" in partition "${partition}" to owner "${owner}" (system only)`,
          { caller: caller.id, key, partition, operation: 'write' },
        );
      }
      if (accessLevel === AccessLevel.SYSTEM) {
        throw new AccessDeniedError(
          `caller "${caller.id}" may not raise key "${key}" in partition "${partition}" to access level system (system callers only)`,
          { caller: caller.id, key, partition, operation: 'write' },
        );
      }
      if (changed.length) this.checkGroup(accessLevel, teamId, swarmId, caller, key, partition);
    } else {
      this.checkGroup(accessLevel, teamId, swarmId, caller, key, partition);
    }
    return withGroups({ owner, accessLevel }, teamId, swarmId);
  }

  /** TEAM needs a teamId and SWARM a swarmId; a non-system caller may only use its own. */
  private checkGroup(
    level: AccessLevel,
    teamId: string | undefined,
    swarmId: string | undefined,
    caller: Caller,
    key: string,
    partition: string,
  ): void {
    const group =
      level === AccessLevel.TEAM
        ? { field: 'teamId', id: teamId, own: caller.teamId }
        : level === AccessLevel.SWARM
          ? { field: 'swarmId', id: swarmId, own: caller.swarmId }
          : undefined;
    if (!group) return;
    if (!group.id) {
      throw new AqeError(
        ErrorCodes.MEMORY_INVALID,
        `key "${key}" in partition "${partition}": access level ${level} needs a ${group.field} (none given and caller "${caller.id}" has none)`,
        { key, partition, field: group.field },
      );
    }
    if (!caller.isSystem && group.id !== group.own) {
      throw new AccessDeniedError(
        `caller "${caller.id}" may not share key "${key}" in partition "${partition}" with ${group.field} "${group.id}" it does not belong to`,
        { caller: caller.id, key, partition, operation: 'write' },
      );
    }
  }
}

function withGroups<M extends object>(meta: M, teamId?: string, swarmId?: string): M & { teamId?: string; swarmId?: string } {
  return { ...meta, ...(teamId !== undefined ? { teamId } : {}), ...(swarmId !== undefined ? { swarmId } : {}) };
}

function denied(caller: Caller, op: MemoryOperation, entry: MemoryEntry): AccessDeniedError {
  return new AccessDeniedError(
    `caller "${caller.id}" may not ${op} key "${entry.key}" in partition "${entry.partition}" (access level ${entry.accessLevel})`,
    { caller: caller.id, key: entry.key, partition: entry.partition, operation: op, accessLevel: entry.accessLevel },
  );
}

function checkKey(key: unknown, partition: unknown): void {
  if (typeof partition !== 'string' || partition.length === 0) {
    throw new AqeError(ErrorCodes.MEMORY_INVALID, `memory partition must be a non-empty string, got ${JSON.stringify(partition)}`);
  }
  if (typeof key !== 'string' || key.length === 0) {
    throw new AqeError(ErrorCodes.MEMORY_INVALID, `memory key in partition "${partition}" must be a non-empty string, got ${JSON.stringify(key)}`);
  }
}

const LEVELS = new Set<string>(Object.values(AccessLevel));

function checkLevel(level: unknown, key: string, partition: string): void {
  if (typeof level !== 'string' || !LEVELS.has(level)) {
    throw new AqeError(
      ErrorCodes.MEMORY_INVALID,
      `key "${key}" in partition "${partition}": accessLevel must be one of ${[...LEVELS].join(', ')}, got ${JSON.stringify(level)}`,
      { key, partition, field: 'accessLevel' },
    );
  }
}
