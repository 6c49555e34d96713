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

export type ReserveOutcome =
  | { ok: true; reservationId: string }
  | { ok: false; budget: 'daily' | 'monthly'; spent: number; limit: number };

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
}

/**
 * Storage backend. SQLite is the embedded default; PostgreSQL (pg-store.ts) implements the same interface for replicas.
 * Access control lives above it, in SwarmMemoryManager.
 */
export interface MemoryStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Connect and migrate now (a networked store); without it the first operation does. */
  init?(): Promise<void>;
  put(entry: MemoryEntry): void | Promise<void>;
  putMany(entries: MemoryEntry[]): void | Promise<void>;
  get(partition: string, key: string): MemoryEntry | undefined | Promise<MemoryEntry | undefined>;
  query(options: QueryOptions): MemoryEntry[] | Promise<MemoryEntry[]>;
  delete(partition: string, key: string): boolean | Promise<boolean>;
  clear(partition: string): number | Promise<number>;
  /** Atomically: refuse if spent+reserved+amount exceeds any window's limit, else hold `amount`. */
  reserveBudget(windows: BudgetWindow[], amount: number, meta: { taskId: string }): ReserveOutcome | Promise<ReserveOutcome>;
  /** Replace a reservation with the real cost record (one transaction). */
  settleReservation(reservationId: string, record: CostRecord): void | Promise<void>;
  /** Drop a reservation without spending (the call never happened). */
  releaseReservation(reservationId: string): void | Promise<void>;
  /** Spent (settled) plus held (reserved) for a period key of a window kind. */
  budgetUsage(name: 'daily' | 'monthly', period: string): { spent: number; reserved: number } | Promise<{ spent: number; reserved: number }>;
  costRecords(sinceMs: number): CostRecord[] | Promise<CostRecord[]>;
  ping(): boolean | Promise<boolean>;
  close(): void | Promise<void>;
}
