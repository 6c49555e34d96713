/** The seed's AccessLevel. */
export enum AccessLevel {
  PRIVATE = 'private',
  TEAM = 'team',
  SWARM = 'swarm',
  PUBLIC = 'public',
  SYSTEM = 'system',
}

export interface MemoryEntry<T = unknown> {
  key: string;
  partition: string;
  value: T;
  owner: string;
  accessLevel: AccessLevel;
  teamId?: string;
  swarmId?: string;
  createdAt: number;
  updatedAt: number;
  /** Epoch ms after which the entry is gone; undefined = never. */
  expiresAt?: number;
}

export interface Caller {
  /** Agent id or 'system'. */
  id: string;
  teamId?: string;
  swarmId?: string;
  /** The system caller may read and write everything. */
  isSystem?: boolean;
}

export interface StoreOptions {
  partition?: string;
  owner?: string;
  accessLevel?: AccessLevel;
  /** Time to live in seconds. */
  ttl?: number;
  teamId?: string;
  swarmId?: string;
}

export interface QueryOptions {
  partition?: string;
  /** Literal, case-sensitive key prefix ("task-"; a trailing '%', as in "task-%", is ignored); default all keys. */
  keyPrefix?: string;
  limit?: number;
  /** Skip this many matching entries (paging). */
  offset?: number;
  /** Entries updated at or after this epoch ms. */
  since?: number;
  /** 'key' (default: partition, then key ascending), 'newest' or 'oldest' (by updatedAt). */
  order?: 'key' | 'newest' | 'oldest';
}

/** A budget window (UTC day or month) checked atomically by reserveBudget. */
export interface BudgetWindow {
  name: 'daily' | 'monthly';
  /** "2026-11-25" or "2026-11". */
  period: string;
  limit: number;
}

export interface ReserveMeta {
  taskId: string;
  /** The process (see registerOwner) holding the reservation; when it dies the reservation is booked as unsettled. */
  ownerId?: string;
  modelName?: string;
  agentType?: string;
  /**
   * When `amount` does not fit, hold what is left instead, provided that is at least this much
   * (the caller then lowers max_tokens to fit). Default: `amount` (all or nothing).
   */
  minAmount?: number;
  /** Count simulated (offline engine) spend toward the limits. Default false. */
  countSimulated?: boolean;
}

export type ReserveOutcome =
  | { ok: true; reservationId: string; /** What was held: `amount`, or less (>= minAmount) when only that fitted. */ amount: number }
  | { ok: false; budget: 'daily' | 'monthly'; spent: number; limit: number };

/** A model call admitted against a budget slice and still in flight (journaled so a survivor can name it). */
export interface SliceCall {
  /** The call's reservation id (its cost record's, once settled). */
  id: string;
  taskId: string;
  modelName: string;
  agentType: string;
  /** The call's upper bound, held inside the slice. */
  amount: number;
}

/** A settled call in a group commit. */
export interface SliceSettlement {
  /** The call's reservation id: its cost record is written once, whoever retries. */
  id: string;
  record: CostRecord;
  /** Its cost was held in the slice (moves from the slice to spent); false for uncounted simulated calls. */
  held: boolean;
}

/**
 * One group commit of a process's budget slice (MemoryStore.commitSlice): settle a batch of calls and resize
 * the slice, in ONE store transaction. The slice is a reservation row owned by the process; it holds the
 * calls in flight (`floor`), the calls waiting for room, and some headroom so the next calls are admitted in
 * memory without a store round trip.
 */
export interface SliceCommit {
  sliceId: string;
  ownerId: string;
  /** The slice was created by an earlier commit (its row missing now means a survivor booked it). */
  known: boolean;
  /** The windows the slice counts in (its day and month come from them). */
  windows: BudgetWindow[];
  countSimulated: boolean;
  settled: SliceSettlement[];
  /** Calls in flight not yet journaled. */
  started: SliceCall[];
  /** Journaled calls that ended (settled or released): dropped from the journal. */
  ended: string[];
  /** Money the slice must keep: the bounds of the calls in flight. */
  floor: number;
  /** floor plus the calls waiting for room: granted when it fits (else as much as fits, never below floor). */
  need: number;
  /** Headroom wanted beyond `need`. */
  extra: number;
  /** Headroom is at most this fraction of what the tightest window has left after `need`. */
  extraFraction: number;
  /** No headroom when the tightest window has less than this left after `need` (exact per-call holds). */
  exactBelow: number;
}

export interface WindowUsage extends BudgetUsage {
  name: 'daily' | 'monthly';
  period: string;
  limit: number;
}

export interface SliceOutcome {
  /** The slice's amount after the commit (0: the row is gone). */
  amount: number;
  /** The slice had been booked by a survivor (this owner was declared dead): start a new one. */
  lost: boolean;
  /** Each window after the commit. */
  usage: WindowUsage[];
}

/** A running process that holds leases (reservations, running tasks) in the store. */
export interface OwnerInfo {
  /** What the process is, e.g. "aqe run", "aqe serve". */
  role: string;
  pid: number;
  host: string;
}

export interface OwnerRecord extends OwnerInfo {
  id: string;
  startedAt: number;
  heartbeatAt: number;
  /** alive: heartbeating; stopped: shut down cleanly; dead: missed its heartbeats and was claimed by `claimedBy`. */
  state: 'alive' | 'stopped' | 'dead';
  endedAt?: number;
  claimedBy?: string;
}

/** How a cost record came to be. */
export type CostStatus =
  /** Usage reported by the provider, or the tokens received when a call ended early. */
  | 'settled'
  /** Its process died before settling: booked at the reserved amount (an upper bound), never released. */
  | 'unsettled'
  /** The offline engine's estimate of what a model would have cost; no money was spent. */
  | 'simulated';

export interface CostRecord {
  taskId: string;
  modelName: string;
  agentType: string;
  inputTokens: number;
  outputTokens: number;
  cost: number;
  estimated: boolean;
  /** Epoch ms. */
  at: number;
  day: string;
  month: string;
  /** Default 'settled'. */
  status?: CostStatus;
}

export interface BudgetUsage {
  /** Settled plus unsettled spend (money). */
  spent: number;
  reserved: number;
  /** Offline-engine estimates (no money). */
  simulated: number;
}

/**
 * Storage backend. SQLite is the embedded default; PostgreSQL (pg-store.ts) implements the same interface for replicas.
 * Access control lives above it, in SwarmMemoryManager.
 */
export interface MemoryStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Connect and migrate now (a networked store); without it the first operation does. */
  init?(): Promise<void>;
  /**
   * Change notifications between processes sharing the store (PostgreSQL: LISTEN/NOTIFY). subscribe calls
   * onMessage per notification and onResync after a lost connection came back (notifications may have been
   * missed: re-read the state). Stores without it (SQLite) share state only through what they persist.
   */
  subscribe?(channel: string, onMessage: (payload: string) => void, onResync: () => void): Promise<{ close(): Promise<void> }>;
  publish?(channel: string, payload: string): Promise<void>;
  /** What /health shows about the store beyond kind and reachability (never a secret). */
  describe?(): Record<string, unknown>;
  put(entry: MemoryEntry): void | Promise<void>;
  putMany(entries: MemoryEntry[]): void | Promise<void>;
  /** Upserts and deletes (of other keys) in one transaction: the group commit of WriteBehind. */
  applyBatch?(puts: MemoryEntry[], deletes: Array<{ partition: string; key: string }>): void | Promise<void>;
  /**
   * applyBatch and budget-slice commits (each as commitSlice would do it) in ONE transaction: the fleet's group
   * commit carrying the settlements of the same event-loop turn. All or nothing: on error nothing was written.
   * Returns each slice's outcome, in order.
   */
  applyGroup?(puts: MemoryEntry[], deletes: Array<{ partition: string; key: string }>, slices: SliceCommit[]): Promise<SliceOutcome[]>;
  get(partition: string, key: string): MemoryEntry | undefined | Promise<MemoryEntry | undefined>;
  query(options: QueryOptions): MemoryEntry[] | Promise<MemoryEntry[]>;
  delete(partition: string, key: string): boolean | Promise<boolean>;
  clear(partition: string): number | Promise<number>;
  /**
   * Atomically: refuse if spent+reserved+amount exceeds any window's limit, else hold `amount` (or, with
   * meta.minAmount, the most that fits if that is at least minAmount). Simulated spend counts only with
   * meta.countSimulated.
   */
  reserveBudget(windows: BudgetWindow[], amount: number, meta: ReserveMeta): ReserveOutcome | Promise<ReserveOutcome>;
  /**
   * Replace a reservation with the real cost record (one transaction). A reservation already booked as
   * unsettled (its owner was declared dead) is corrected to the real cost. A record with status 'simulated'
   * adds to the simulated totals, not to spent. An id that holds nothing just records the cost.
   */
  settleReservation(reservationId: string, record: CostRecord): void | Promise<void>;
  /**
   * A process's budget slice, group-committed (see SliceCommit): in one transaction, record the settled calls
   * (each once per id; moving held costs from the slice to spent), update the journal of calls in flight, and
   * resize the slice: `need` when the windows have room for it (plus headroom), else the most that fits, never
   * below `floor`. The slice can only grow within the limits, so spent + held never passes a limit.
   */
  commitSlice(commit: SliceCommit): SliceOutcome | Promise<SliceOutcome>;
  /** Drop a reservation without spending (the call never happened). */
  releaseReservation(reservationId: string): void | Promise<void>;
  /** Spent (settled + unsettled), held (reserved) and simulated for a period key of a window kind. */
  budgetUsage(name: 'daily' | 'monthly', period: string): BudgetUsage | Promise<BudgetUsage>;
  costRecords(sinceMs: number): CostRecord[] | Promise<CostRecord[]>;
  /**
   * Book every reservation whose owner is not alive (state 'dead' or 'stopped', or no owner row) as an
   * 'unsettled' cost record at the reserved amount, in the reservation's day and month. Each reservation is
   * booked exactly once, whoever calls. A slice is booked as one record per journaled call in flight (its
   * task and model, at its bound) plus one for the rest of the slice (calls admitted or settled since the
   * owner's last commit, and its unused headroom, which the survivor cannot tell apart). Returns the records booked.
   */
  bookOrphanedReservations(): CostRecord[] | Promise<CostRecord[]>;
  /** Insert the entry only when no live entry has its key; true when inserted (once-only markers across processes). */
  putIfAbsent(entry: MemoryEntry): boolean | Promise<boolean>;

  // Process owners: a lease registry that other records (reservations, running tasks) point at.
  /** Record a live process; returns its owner id. */
  registerOwner(info: OwnerInfo): string | Promise<string>;
  /** Refresh the heartbeat. False when the owner is no longer alive (declared dead or stopped): stop acting for it. */
  heartbeatOwner(ownerId: string): boolean | Promise<boolean>;
  /** Clean shutdown: state 'stopped'. Its leftovers are then anybody's to book. */
  releaseOwner(ownerId: string): void | Promise<void>;
  getOwner(ownerId: string): OwnerRecord | undefined | Promise<OwnerRecord | undefined>;
  /** Read-only: owners declared dead, and alive ones whose heartbeat is older than staleAfterMs. */
  deadOwners(staleAfterMs: number): OwnerRecord[] | Promise<OwnerRecord[]>;
  /**
   * Atomically declare dead every alive owner whose heartbeat is older than staleAfterMs, recording
   * `claimerId`; returns only the owners this call claimed, so exactly one survivor handles each.
   * With `ids`, only those owners are considered, whatever their heartbeat age (the caller saw their
   * process is gone: same host, pid not running).
   */
  claimDeadOwners(claimerId: string, staleAfterMs: number, ids?: string[]): OwnerRecord[] | Promise<OwnerRecord[]>;
  ping(): boolean | Promise<boolean>;
  close(): void | Promise<void>;
}
