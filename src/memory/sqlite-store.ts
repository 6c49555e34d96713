import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AqeError, ErrorCodes } from '../errors.js';
import { migrate, schemaVersion } from './migrations.js';
import { serialiseValue } from './value.js';
import {
  AccessLevel,
  type BudgetWindow,
  type CostRecord,
  type MemoryEntry,
  type MemoryStore,
  type QueryOptions,
  type ReserveOutcome,
} from './types.js';

/** Settled cost records also appear as entries here, the partition the seed names for cost tracking data. */
export const COSTS_PARTITION = 'routing/costs';

export interface SqliteMemoryStoreOptions {
  /** How long a writer waits for another process's lock before failing (SQLite busy_timeout). Default 5000. */
  busyTimeoutMs?: number;
  /** Clock (epoch ms) for TTL and reservation ageing; tests inject one instead of sleeping. */
  now?: () => number;
  /**
   * A reservation older than this no longer holds budget (its process most likely died before settling).
   * Settling it later still records the cost. Default 1 hour.
   */
  reservationTtlMs?: number;
  /** Purge expired entries and stale reservations after this many writes. Default 1000; 0 disables. */
  purgeEveryWrites?: number;
  /** Also purge on an unref'd timer every this many ms. Default 60000; 0 disables. */
  purgeIntervalMs?: number;
}

interface EntryRow {
  partition: string;
  key: string;
  value: string;
  owner: string;
  access_level: string;
  team_id: string | null;
  swarm_id: string | null;
  created_at: number;
  updated_at: number;
  expires_at: number | null;
}

interface CostRow {
  task_id: string;
  model_name: string;
  agent_type: string;
  input_tokens: number;
  output_tokens: number;
  cost: number;
  estimated: number;
  at: number;
  day: string;
  month: string;
}

/** Money is REAL; sums of many small floats drift, so a window is full only beyond this tolerance. */
const MONEY_EPSILON = 1e-9;
const ENTRY_COLUMNS = 'partition, key, value, owner, access_level, team_id, swarm_id, created_at, updated_at, expires_at';
const LIVE = '(expires_at IS NULL OR expires_at > @now)';

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function utcMonth(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/**
 * The embedded MemoryStore: one SQLite file in WAL mode shared safely by several processes.
 * Every write that reads-then-writes runs in a BEGIN IMMEDIATE transaction, so the write lock is taken
 * up front and concurrent writers queue on busy_timeout instead of failing with SQLITE_BUSY mid-way.
 * Settled spend per day and month is kept as running totals (budget_totals), updated in the same transaction
 * that inserts a cost record, so a reservation check costs the same with 10 or 10 million records.
 */
export class SqliteMemoryStore implements MemoryStore {
  readonly kind = 'sqlite' as const;
  readonly path: string;
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly reservationTtlMs: number;
  private readonly purgeEveryWrites: number;
  private readonly timer?: NodeJS.Timeout;
  private writesSincePurge = 0;
  private readonly queryStatements = new Map<string, Database.Statement>();
  private readonly stmt: ReturnType<SqliteMemoryStore['prepareStatements']>;

  constructor(path: string, opts: SqliteMemoryStoreOptions = {}) {
    this.path = path;
    this.now = opts.now ?? Date.now;
    this.reservationTtlMs = opts.reservationTtlMs ?? 3_600_000;
    this.purgeEveryWrites = opts.purgeEveryWrites ?? 1000;
    const inMemory = path === ':memory:' || path === '';
    try {
      if (!inMemory) mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path, { timeout: opts.busyTimeoutMs ?? 5000 });
    } catch (err) {
      throw new AqeError(ErrorCodes.STORE, `cannot open memory store ${path}: ${(err as Error).message}`, { path }, { cause: err });
    }
    try {
      if (!inMemory) this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      migrate(this.db, path);
      this.stmt = this.prepareStatements();
    } catch (err) {
      this.db.close();
      if (err instanceof AqeError) throw err;
      throw new AqeError(ErrorCodes.STORE, `cannot open memory store ${path}: ${(err as Error).message}`, { path }, { cause: err });
    }
    const interval = opts.purgeIntervalMs ?? 60_000;
    if (interval > 0) {
      this.timer = setInterval(() => {
        try {
          this.purgeExpired();
        } catch {
          // a busy or closed database: the next write-count purge or tick retries
        }
      }, interval);
      this.timer.unref();
    }
  }

  private prepareStatements() {
    const db = this.db;
    return {
      upsert: db.prepare(
        `INSERT INTO entries (${ENTRY_COLUMNS})
         VALUES (@partition, @key, @value, @owner, @access_level, @team_id, @swarm_id, @created_at, @updated_at, @expires_at)
         ON CONFLICT (partition, key) DO UPDATE SET
           value = excluded.value, owner = excluded.owner, access_level = excluded.access_level,
           team_id = excluded.team_id, swarm_id = excluded.swarm_id,
           updated_at = excluded.updated_at, expires_at = excluded.expires_at,
           created_at = CASE WHEN entries.expires_at IS NOT NULL AND entries.expires_at <= excluded.updated_at
                             THEN excluded.created_at ELSE entries.created_at END`,
      ),
      get: db.prepare(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE partition = @partition AND key = @key AND ${LIVE}`),
      delete: db.prepare('DELETE FROM entries WHERE partition = ? AND key = ? RETURNING expires_at'),
      clearLive: db.prepare(`DELETE FROM entries WHERE partition = @partition AND ${LIVE}`),
      clearAll: db.prepare('DELETE FROM entries WHERE partition = ?'),
      purgeEntries: db.prepare('DELETE FROM entries WHERE expires_at IS NOT NULL AND expires_at <= ?'),
      purgeReservations: db.prepare('DELETE FROM budget_reservations WHERE created_at <= ?'),
      settled: db.prepare('SELECT spent FROM budget_totals WHERE kind = ? AND period = ?'),
      addSettled: db.prepare(
        `INSERT INTO budget_totals (kind, period, spent) VALUES (?, ?, ?)
         ON CONFLICT (kind, period) DO UPDATE SET spent = spent + excluded.spent`,
      ),
      reservedDay: db.prepare('SELECT COALESCE(SUM(amount), 0) AS total FROM budget_reservations WHERE day = ? AND created_at > ?'),
      reservedMonth: db.prepare(
        'SELECT COALESCE(SUM(amount), 0) AS total FROM budget_reservations WHERE month = ? AND created_at > ?',
      ),
      insertReservation: db.prepare(
        'INSERT INTO budget_reservations (id, task_id, amount, day, month, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      deleteReservation: db.prepare('DELETE FROM budget_reservations WHERE id = ?'),
      insertCost: db.prepare(
        `INSERT INTO cost_records
           (reservation_id, task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month)
         VALUES (@reservation_id, @task_id, @model_name, @agent_type, @input_tokens, @output_tokens, @cost, @estimated, @at, @day, @month)
         ON CONFLICT (reservation_id) DO NOTHING`,
      ),
      costsSince: db.prepare(
        `SELECT task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month
         FROM cost_records WHERE at >= ? ORDER BY at, id`,
      ),
      ping: db.prepare('SELECT 1 AS one'),
    };
  }

  /** Turn driver errors (SQLITE_BUSY after the timeout, a closed database, ...) into an AqeError naming the file. */
  private guard<T>(operation: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof AqeError) throw err;
      const code = (err as { code?: string }).code;
      throw new AqeError(
        ErrorCodes.STORE,
        `memory store ${this.path}: ${operation} failed: ${(err as Error).message}`,
        { path: this.path, operation, ...(code ? { sqliteCode: code } : {}) },
        { cause: err },
      );
    }
  }

  private afterWrite(count = 1): void {
    if (this.purgeEveryWrites <= 0) return;
    this.writesSincePurge += count;
    if (this.writesSincePurge >= this.purgeEveryWrites) this.purgeExpired();
  }

  private toRow(entry: MemoryEntry): Record<string, unknown> {
    checkName('partition', entry.partition);
    checkName('key', entry.key);
    return {
      partition: entry.partition,
      key: entry.key,
      value: serialiseValue(entry.value, entry.partition, entry.key),
      owner: entry.owner,
      access_level: entry.accessLevel,
      team_id: entry.teamId ?? null,
      swarm_id: entry.swarmId ?? null,
      created_at: entry.createdAt,
      updated_at: entry.updatedAt,
      expires_at: entry.expiresAt ?? null,
    };
  }

  put(entry: MemoryEntry): void {
    const row = this.toRow(entry);
    this.guard(`put ${entry.partition}/${entry.key}`, () => this.stmt.upsert.run(row));
    this.afterWrite();
  }

  putMany(entries: MemoryEntry[]): void {
    if (entries.length === 0) return;
    const rows = entries.map((e) => this.toRow(e));
    const write = this.db.transaction((all: Record<string, unknown>[]) => {
      for (const row of all) this.stmt.upsert.run(row);
    });
    this.guard(`putMany (${rows.length} entries)`, () => write.immediate(rows));
    this.afterWrite(rows.length);
  }

  get(partition: string, key: string): MemoryEntry | undefined {
    const row = this.guard(`get ${partition}/${key}`, () =>
      this.stmt.get.get({ partition, key, now: this.now() }),
    ) as EntryRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /**
   * Live entries, ordered by key unless `order` says otherwise. `keyPrefix` is a literal, case-sensitive
   * prefix; one trailing '%' (the LIKE spelling "task-%") is accepted and ignored.
   */
  query(options: QueryOptions = {}): MemoryEntry[] {
    const where = [LIVE];
    const params: Record<string, unknown> = { now: this.now() };
    if (options.partition !== undefined) {
      where.push('partition = @partition');
      params.partition = options.partition;
    }
    const prefix = options.keyPrefix?.replace(/%$/, '');
    if (prefix) {
      // the range lets SQLite use the primary key; substr keeps the match exact and case-sensitive
      where.push('key >= @prefix AND substr(key, 1, @prefixLength) = @prefix');
      params.prefix = prefix;
      params.prefixLength = prefix.length;
    }
    if (options.since !== undefined) {
      where.push('updated_at >= @since');
      params.since = options.since;
    }
    const order =
      options.order === 'newest' ? 'updated_at DESC, key' : options.order === 'oldest' ? 'updated_at, key' : 'partition, key';
    params.limit = options.limit !== undefined && options.limit >= 0 ? Math.floor(options.limit) : -1;
    params.offset = options.offset !== undefined && options.offset > 0 ? Math.floor(options.offset) : 0;
    const sql = `SELECT ${ENTRY_COLUMNS} FROM entries WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
    let statement = this.queryStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.queryStatements.set(sql, statement);
    }
    const rows = this.guard('query', () => statement.all(params)) as EntryRow[];
    return rows.map(fromRow);
  }

  /** True when a live entry was deleted. */
  delete(partition: string, key: string): boolean {
    const now = this.now();
    const row = this.guard(`delete ${partition}/${key}`, () => this.stmt.delete.get(partition, key)) as
      | { expires_at: number | null }
      | undefined;
    if (row) this.afterWrite();
    return row !== undefined && (row.expires_at === null || row.expires_at > now);
  }

  /** Deletes every entry of the partition; returns how many were live. */
  clear(partition: string): number {
    const clear = this.db.transaction((now: number) => {
      const live = this.stmt.clearLive.run({ partition, now }).changes;
      this.stmt.clearAll.run(partition);
      return live;
    });
    const n = this.guard(`clear ${partition}`, () => clear.immediate(this.now()));
    this.afterWrite(n);
    return n;
  }

  reserveBudget(windows: BudgetWindow[], amount: number, meta: { taskId: string }): ReserveOutcome {
    if (!Number.isFinite(amount) || amount < 0) {
      throw new AqeError(ErrorCodes.MEMORY_INVALID, `reserveBudget: amount must be a finite number >= 0, got ${amount}`, { amount });
    }
    const now = this.now();
    const day = windows.find((w) => w.name === 'daily')?.period ?? utcDay(now);
    const month = windows.find((w) => w.name === 'monthly')?.period ?? utcMonth(now);
    const liveSince = now - this.reservationTtlMs;
    const reserve = this.db.transaction((): ReserveOutcome => {
      for (const w of windows) {
        if (!Number.isFinite(w.limit)) continue;
        const { spent, reserved } = this.usage(w.name, w.period, liveSince);
        const used = spent + reserved;
        if (used + amount > w.limit + MONEY_EPSILON) return { ok: false, budget: w.name, spent: used, limit: w.limit };
      }
      const id = randomUUID();
      this.stmt.insertReservation.run(id, meta.taskId, amount, day, month, now);
      return { ok: true, reservationId: id };
    });
    const outcome = this.guard(`reserveBudget for task ${meta.taskId}`, () => reserve.immediate());
    if (outcome.ok) this.afterWrite();
    return outcome;
  }

  /**
   * Deletes the reservation and records the cost in one transaction. Settling the same reservation twice
   * records the cost once; settling a reservation that aged out still records the (real) cost.
   */
  settleReservation(reservationId: string, record: CostRecord): void {
    checkCostRecord(record);
    const settle = this.db.transaction(() => {
      this.stmt.deleteReservation.run(reservationId);
      const inserted = this.stmt.insertCost.run({
        reservation_id: reservationId,
        task_id: record.taskId,
        model_name: record.modelName,
        agent_type: record.agentType,
        input_tokens: Math.round(record.inputTokens),
        output_tokens: Math.round(record.outputTokens),
        cost: record.cost,
        estimated: record.estimated ? 1 : 0,
        at: record.at,
        day: record.day,
        month: record.month,
      });
      if (inserted.changes === 1) {
        this.stmt.addSettled.run('daily', record.day, record.cost);
        this.stmt.addSettled.run('monthly', record.month, record.cost);
        // The seed's routing/costs partition: the same record, readable through SwarmMemoryManager (system only).
        this.stmt.upsert.run(
          this.toRow({
            partition: COSTS_PARTITION, key: `${record.taskId}:${reservationId}`, value: record, owner: 'system',
            accessLevel: AccessLevel.SYSTEM, createdAt: record.at, updatedAt: record.at,
          }),
        );
      }
    });
    this.guard(`settleReservation ${reservationId}`, () => settle.immediate());
    this.afterWrite();
  }

  releaseReservation(reservationId: string): void {
    this.guard(`releaseReservation ${reservationId}`, () => this.stmt.deleteReservation.run(reservationId));
    this.afterWrite();
  }

  budgetUsage(name: 'daily' | 'monthly', period: string): { spent: number; reserved: number } {
    return this.guard(`budgetUsage ${name} ${period}`, () => this.usage(name, period, this.now() - this.reservationTtlMs));
  }

  private usage(name: 'daily' | 'monthly', period: string, liveSince: number): { spent: number; reserved: number } {
    const settled = this.stmt.settled.get(name, period) as { spent: number } | undefined;
    const held = (name === 'daily' ? this.stmt.reservedDay : this.stmt.reservedMonth).get(period, liveSince) as {
      total: number;
    };
    return { spent: settled?.spent ?? 0, reserved: held.total };
  }

  costRecords(sinceMs: number): CostRecord[] {
    const rows = this.guard('costRecords', () => this.stmt.costsSince.all(sinceMs)) as CostRow[];
    return rows.map((r) => ({
      taskId: r.task_id,
      modelName: r.model_name,
      agentType: r.agent_type,
      inputTokens: r.input_tokens,
      outputTokens: r.output_tokens,
      cost: r.cost,
      estimated: r.estimated === 1,
      at: r.at,
      day: r.day,
      month: r.month,
    }));
  }

  /** Deletes expired entries and aged-out reservations; returns how many entries went. */
  purgeExpired(): number {
    this.writesSincePurge = 0;
    const now = this.now();
    return this.guard('purgeExpired', () => {
      this.stmt.purgeReservations.run(now - this.reservationTtlMs);
      return this.stmt.purgeEntries.run(now).changes;
    });
  }

  /** The schema version recorded in the file. */
  schemaVersion(): number {
    return this.guard('schemaVersion', () => schemaVersion(this.db));
  }

  ping(): boolean {
    if (!this.db.open) return false;
    try {
      return (this.stmt.ping.get() as { one: number }).one === 1;
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.db.open) this.db.close();
  }
}

function fromRow(row: EntryRow): MemoryEntry {
  const entry: MemoryEntry = {
    key: row.key,
    partition: row.partition,
    value: JSON.parse(row.value) as unknown,
    owner: row.owner,
    accessLevel: row.access_level as AccessLevel,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.team_id !== null) entry.teamId = row.team_id;
  if (row.swarm_id !== null) entry.swarmId = row.swarm_id;
  if (row.expires_at !== null) entry.expiresAt = row.expires_at;
  return entry;
}

export function checkName(what: 'partition' | 'key', value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AqeError(ErrorCodes.MEMORY_INVALID, `memory ${what} must be a non-empty string, got ${JSON.stringify(value)}`, {
      [what]: value,
    });
  }
}

export function checkCostRecord(record: CostRecord): void {
  for (const field of ['cost', 'inputTokens', 'outputTokens', 'at'] as const) {
    const v = record[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new AqeError(ErrorCodes.MEMORY_INVALID, `cost record for task ${record.taskId}: ${field} must be a finite number >= 0, got ${v}`, {
        taskId: record.taskId,
        field,
      });
    }
  }
}
