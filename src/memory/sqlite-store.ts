import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AqeError, ErrorCodes } from '../errors.js';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations.js';
import { serialiseValue } from './value.js';
import {
  type BudgetUsage,
  type BudgetWindow,
  type CostRecord,
  type CostStatus,
  type MemoryEntry,
  type MemoryStore,
  type OwnerInfo,
  type OwnerRecord,
  type QueryOptions,
  type ReserveMeta,
  type ReserveOutcome,
  type SliceCommit,
  type SliceOutcome,
  type WindowUsage,
} from './types.js';
import { entryFromRow, entryFromViewRow, type CostViewRow, type EntryRow } from './entry-row.js';
import { keepSlice, MONEY_EPSILON, sizeSlice } from './slice-size.js';
import { prefixUpperBound } from './key-range.js';
import { timeOrderedId } from '../ids.js';

/**
 * Settled (and simulated) cost records also appear as entries here, the partition the seed names for cost
 * tracking data (system access, key `<taskId>:<reservationId>`, value the record with its status; a record
 * booked as unsettled appears once its call is settled late and corrects it). On SQLite the partition is a
 * view of the ledger (cost_records), not a second row per call: get and query read the ledger, and the
 * entries a store still holds there (written by earlier releases, or put by a caller) come first for their key.
 * Deleting or clearing the partition touches only such entries; the ledger is never edited through it.
 */
export const COSTS_PARTITION = 'routing/costs';

/** The ledger as routing/costs entries (value left NULL: built from the c_ columns in JS, exact as the record). */
const COSTS_KEY = "c.task_id || ':' || COALESCE(c.reservation_id, '#' || c.id)";
const COST_COLUMNS = 'c_task, c_model, c_agent, c_in, c_out, c_cost, c_estimated, c_at, c_day, c_month, c_status';
const COSTS_VIEW = `SELECT '${COSTS_PARTITION}' AS partition, ${COSTS_KEY} AS key, NULL AS value, 'system' AS owner, 'system' AS access_level,
    NULL AS team_id, NULL AS swarm_id, c.at AS created_at, c.at AS updated_at, NULL AS expires_at,
    c.task_id AS c_task, c.model_name AS c_model, c.agent_type AS c_agent, c.input_tokens AS c_in, c.output_tokens AS c_out,
    c.cost AS c_cost, c.estimated AS c_estimated, c.at AS c_at, c.day AS c_day, c.month AS c_month, c.status AS c_status
  FROM cost_records c
  WHERE c.status <> 'unsettled' AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.partition = '${COSTS_PARTITION}' AND e.key = ${COSTS_KEY}
    AND (e.expires_at IS NULL OR e.expires_at > @now))`;
const ENTRIES_WITH_COSTS = `(SELECT ${'partition, key, value, owner, access_level, team_id, swarm_id, created_at, updated_at, expires_at'},
    NULL AS c_task, NULL AS c_model, NULL AS c_agent, NULL AS c_in, NULL AS c_out, NULL AS c_cost, NULL AS c_estimated,
    NULL AS c_at, NULL AS c_day, NULL AS c_month, NULL AS c_status FROM entries UNION ALL ${COSTS_VIEW})`;


export interface SqliteMemoryStoreOptions {
  /** How long a writer waits for another process's lock before failing (SQLite busy_timeout). Default 5000. */
  busyTimeoutMs?: number;
  /** Clock (epoch ms) for TTL and owner heartbeats; tests inject one instead of sleeping. */
  now?: () => number;
  /** Purge expired entries after this many writes. Default 1000; 0 disables. */
  purgeEveryWrites?: number;
  /**
   * Open read-only (reports): nothing is written, not even a WAL checkpoint. The file must exist; when its
   * schema is older than this release the store opens normally instead (migrating is a write it needs).
   */
  readonly?: boolean;
  /** Also purge on an unref'd timer every this many ms. Default 60000; 0 disables. */
  purgeIntervalMs?: number;
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
  status: string;
}

interface ReservationRow {
  id: string;
  task_id: string;
  amount: number;
  day: string;
  month: string;
  created_at: number;
  owner_id: string | null;
  model_name: string | null;
  agent_type: string | null;
}

export interface OwnerRow {
  id: string;
  role: string;
  pid: number;
  host: string;
  started_at: number;
  heartbeat_at: number;
  state: 'alive' | 'stopped' | 'dead';
  ended_at: number | null;
  claimed_by: string | null;
}

/** Stopped or dead owners are kept this long (for reports and late settlements), then pruned. */
const OWNER_RETENTION_MS = 7 * 86_400_000;
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
  private readonly purgeEveryWrites: number;
  private readonly timer?: NodeJS.Timeout;
  private writesSincePurge = 0;
  private readonly queryStatements = new Map<string, Database.Statement>();
  private readonly stmt: ReturnType<SqliteMemoryStore['prepareStatements']>;
  private readonly busyTimeoutMs: number;
  private readonly sliceTxn: Database.Transaction<(c: SliceCommit) => SliceOutcome>;
  private readonly groupTxn: Database.Transaction<
    (rows: Record<string, unknown>[], deletes: Array<{ partition: string; key: string }>, slices: SliceCommit[]) => SliceOutcome[]
  >;

  constructor(path: string, opts: SqliteMemoryStoreOptions = {}) {
    this.path = path;
    this.now = opts.now ?? Date.now;
    this.purgeEveryWrites = opts.purgeEveryWrites ?? 1000;
    this.busyTimeoutMs = opts.busyTimeoutMs ?? 5000;
    const inMemory = path === ':memory:' || path === '';
    try {
      this.db = (!inMemory && opts.readonly && openReadonly(path, opts.busyTimeoutMs ?? 5000)) || undefined!;
      if (!this.db) {
        if (!inMemory) mkdirSync(dirname(path), { recursive: true });
        this.db = new Database(path, { timeout: opts.busyTimeoutMs ?? 5000 });
      }
    } catch (err) {
      throw new AqeError(ErrorCodes.STORE, `cannot open memory store ${path}: ${(err as Error).message}`, { path }, { cause: err });
    }
    try {
      if (!this.db.readonly) {
        if (!inMemory) this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
        this.db.pragma('foreign_keys = ON');
        migrate(this.db, path);
      }
      this.stmt = this.prepareStatements();
      this.sliceTxn = this.db.transaction((c: SliceCommit) => this.commitSliceNow(c));
      this.groupTxn = this.db.transaction((rows: Record<string, unknown>[], deletes: Array<{ partition: string; key: string }>, slices: SliceCommit[]) => {
        for (const row of rows) this.stmt.upsert.run(row);
        for (const d of deletes) this.stmt.delete.get(d.partition, d.key);
        return slices.map((c) => this.commitSliceNow(c));
      });
    } catch (err) {
      this.db.close();
      if (err instanceof AqeError) throw err;
      throw new AqeError(ErrorCodes.STORE, `cannot open memory store ${path}: ${(err as Error).message}`, { path }, { cause: err });
    }
    const interval = this.db.readonly ? 0 : (opts.purgeIntervalMs ?? 60_000);
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
      getCostEntry: db.prepare(`SELECT * FROM (${COSTS_VIEW}) WHERE key = @key`),
      // Prepared once: db.pragma() prepares its statement on every call, and every group commit with a slice sets both.
      busyNone: db.prepare('PRAGMA busy_timeout = 0'),
      busyWait: db.prepare(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(this.busyTimeoutMs))}`),
      delete: db.prepare('DELETE FROM entries WHERE partition = ? AND key = ? RETURNING expires_at'),
      clearLive: db.prepare(`DELETE FROM entries WHERE partition = @partition AND ${LIVE}`),
      clearAll: db.prepare('DELETE FROM entries WHERE partition = ?'),
      purgeEntries: db.prepare('DELETE FROM entries WHERE expires_at IS NOT NULL AND expires_at <= ?'),
      settled: db.prepare('SELECT spent, simulated FROM budget_totals WHERE kind = ? AND period = ?'),
      addSettled: db.prepare(
        `INSERT INTO budget_totals (kind, period, spent, simulated) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, period) DO UPDATE SET spent = spent + excluded.spent, simulated = simulated + excluded.simulated`,
      ),
      reservedDay: db.prepare('SELECT COALESCE(SUM(amount), 0) AS total FROM budget_reservations WHERE day = ?'),
      reservedMonth: db.prepare('SELECT COALESCE(SUM(amount), 0) AS total FROM budget_reservations WHERE month = ?'),
      insertReservation: db.prepare(
        `INSERT INTO budget_reservations (id, task_id, amount, day, month, created_at, owner_id, model_name, agent_type)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      deleteReservation: db.prepare('DELETE FROM budget_reservations WHERE id = ? RETURNING amount'),
      reservationAmount: db.prepare('SELECT amount FROM budget_reservations WHERE id = ?'),
      upsertSlice: db.prepare(
        `INSERT INTO budget_reservations (id, task_id, amount, day, month, created_at, owner_id, model_name, agent_type)
         VALUES (@id, @task_id, @amount, @day, @month, @now, @owner_id, NULL, NULL)
         ON CONFLICT (id) DO UPDATE SET amount = excluded.amount`,
      ),
      journalCall: db.prepare(
        `INSERT INTO budget_slice_calls (id, slice_id, task_id, model_name, agent_type, amount, created_at)
         VALUES (@id, @slice_id, @task_id, @model_name, @agent_type, @amount, @now) ON CONFLICT (id) DO NOTHING`,
      ),
      unjournalCall: db.prepare('DELETE FROM budget_slice_calls WHERE id = ?'),
      journalOf: db.prepare('SELECT id, task_id, model_name, agent_type, amount FROM budget_slice_calls WHERE slice_id = ? ORDER BY created_at, id'),
      dropJournal: db.prepare('DELETE FROM budget_slice_calls WHERE slice_id = ?'),
      reduceUnsettled: db.prepare('UPDATE cost_records SET cost = MAX(0, cost - @by) WHERE id = @id'),
      costByReservation: db.prepare('SELECT id, cost, status, day, month FROM cost_records WHERE reservation_id = ?'),
      correctCost: db.prepare(
        `UPDATE cost_records SET input_tokens = @input_tokens, output_tokens = @output_tokens, cost = @cost,
           estimated = @estimated, status = @status, model_name = @model_name WHERE id = @id`,
      ),
      insertCost: db.prepare(
        `INSERT INTO cost_records
           (reservation_id, task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month, status)
         VALUES (@reservation_id, @task_id, @model_name, @agent_type, @input_tokens, @output_tokens, @cost, @estimated, @at, @day, @month, @status)
         ON CONFLICT (reservation_id) DO NOTHING`,
      ),
      costsSince: db.prepare(
        `SELECT task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month, status
         FROM cost_records WHERE at >= ? ORDER BY at, id`,
      ),
      orphanedReservations: db.prepare(
        `SELECT r.id, r.task_id, r.amount, r.day, r.month, r.created_at, r.owner_id, r.model_name, r.agent_type
         FROM budget_reservations r LEFT JOIN process_owners o ON o.id = r.owner_id
         WHERE o.id IS NULL OR o.state <> 'alive'`,
      ),
      insertOwner: db.prepare(
        `INSERT INTO process_owners (id, role, pid, host, started_at, heartbeat_at, state) VALUES (?, ?, ?, ?, ?, ?, 'alive')`,
      ),
      heartbeatOwner: db.prepare(`UPDATE process_owners SET heartbeat_at = ? WHERE id = ? AND state = 'alive'`),
      releaseOwner: db.prepare(`UPDATE process_owners SET state = 'stopped', ended_at = ? WHERE id = ? AND state = 'alive'`),
      getOwner: db.prepare('SELECT * FROM process_owners WHERE id = ?'),
      deadOwners: db.prepare(
        `SELECT * FROM process_owners WHERE state = 'dead' OR (state = 'alive' AND heartbeat_at < ?) ORDER BY heartbeat_at, id`,
      ),
      claimDeadOwners: db.prepare(
        `UPDATE process_owners SET state = 'dead', ended_at = @now, claimed_by = @claimer
         WHERE state = 'alive' AND heartbeat_at < @staleBefore AND id <> @claimer RETURNING *`,
      ),
      claimOwner: db.prepare(
        `UPDATE process_owners SET state = 'dead', ended_at = @now, claimed_by = @claimer
         WHERE state = 'alive' AND id = @id AND id <> @claimer RETURNING *`,
      ),
      pruneOwners: db.prepare(
        `DELETE FROM process_owners WHERE state <> 'alive' AND ended_at < ?
           AND NOT EXISTS (SELECT 1 FROM budget_reservations r WHERE r.owner_id = process_owners.id)`,
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

  applyBatch(puts: MemoryEntry[], deletes: Array<{ partition: string; key: string }>): void {
    if (puts.length + deletes.length === 0) return;
    const rows = puts.map((e) => this.toRow(e));
    this.guard(`batch (${rows.length} puts, ${deletes.length} deletes)`, () => this.groupTxn.immediate(rows, deletes, []));
    this.afterWrite(rows.length);
  }

  get(partition: string, key: string): MemoryEntry | undefined {
    const row = this.guard(`get ${partition}/${key}`, () =>
      this.stmt.get.get({ partition, key, now: this.now() }),
    ) as EntryRow | undefined;
    if (row) return entryFromRow(row);
    if (partition !== COSTS_PARTITION) return undefined;
    const cost = this.guard(`get ${partition}/${key}`, () => this.stmt.getCostEntry.get({ key, now: this.now() })) as CostViewRow | undefined;
    return cost ? entryFromViewRow(cost) : undefined;
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
      params.prefixLength = [...prefix].length; // substr counts characters, not UTF-16 units
      const upper = prefixUpperBound(prefix);
      if (upper !== undefined) {
        where.push('key < @prefixEnd');
        params.prefixEnd = upper;
      }
    }
    if (options.since !== undefined) {
      where.push('updated_at >= @since');
      params.since = options.since;
    }
    const order =
      options.order === 'newest' ? 'updated_at DESC, key' : options.order === 'oldest' ? 'updated_at, key' : 'partition, key';
    params.limit = options.limit !== undefined && options.limit >= 0 ? Math.floor(options.limit) : -1;
    params.offset = options.offset !== undefined && options.offset > 0 ? Math.floor(options.offset) : 0;
    // routing/costs (asked for, or every partition) includes the ledger's view; other partitions read entries only.
    const costs = options.partition === undefined || options.partition === COSTS_PARTITION;
    const source = costs ? `${ENTRIES_WITH_COSTS}` : 'entries';
    const columns = costs ? `${ENTRY_COLUMNS}, ${COST_COLUMNS}` : ENTRY_COLUMNS;
    const sql = `SELECT ${columns} FROM ${source} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
    let statement = this.queryStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.queryStatements.set(sql, statement);
    }
    if (!costs) return (this.guard('query', () => statement.all(params)) as EntryRow[]).map(entryFromRow);
    return (this.guard('query', () => statement.all(params)) as CostViewRow[]).map(entryFromViewRow);
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

  reserveBudget(windows: BudgetWindow[], amount: number, meta: ReserveMeta): ReserveOutcome {
    checkMoney('reserveBudget: amount', amount);
    if (meta.minAmount !== undefined) checkMoney('reserveBudget: minAmount', meta.minAmount);
    const minAmount = Math.min(amount, meta.minAmount ?? amount);
    const now = this.now();
    const day = windows.find((w) => w.name === 'daily')?.period ?? utcDay(now);
    const month = windows.find((w) => w.name === 'monthly')?.period ?? utcMonth(now);
    const reserve = this.db.transaction((): ReserveOutcome => {
      let hold = amount;
      for (const w of windows) {
        if (!Number.isFinite(w.limit)) continue;
        const u = this.usage(w.name, w.period);
        const used = u.spent + u.reserved + (meta.countSimulated ? u.simulated : 0);
        const left = w.limit - used;
        if (left + MONEY_EPSILON >= hold) continue;
        if (left + MONEY_EPSILON >= minAmount && left > 0) hold = left;
        else return { ok: false, budget: w.name, spent: used, limit: w.limit };
      }
      const id = timeOrderedId();
      this.stmt.insertReservation.run(id, meta.taskId, hold, day, month, now, meta.ownerId ?? null, meta.modelName ?? null, meta.agentType ?? null);
      return { ok: true, reservationId: id, amount: hold };
    });
    const outcome = this.guard(`reserveBudget for task ${meta.taskId}`, () => reserve.immediate());
    if (outcome.ok) this.afterWrite();
    return outcome;
  }

  /**
   * Deletes the reservation and records the cost in one transaction. Settling the same reservation twice
   * records the cost once; settling a reservation that was booked as unsettled (its owner was declared dead)
   * corrects that record to the real cost.
   */
  settleReservation(reservationId: string, record: CostRecord): void {
    checkCostRecord(record);
    const settle = this.db.transaction(() => this.settleOne(reservationId, record));
    this.guard(`settleReservation ${reservationId}`, () => settle.immediate());
    this.afterWrite();
  }

  /**
   * Inside a transaction: drop the reservation and record its cost once. 'inserted': a new record;
   * 'corrected': it had been booked as unsettled (its owner declared dead) and now holds the real cost;
   * 'duplicate': already recorded.
   */
  private settleOne(
    reservationId: string,
    record: CostRecord,
    addTotals: (day: string, month: string, status: CostStatus, cost: number) => void = (d, m, st, c) => this.addTotals(d, m, st, c),
  ): 'inserted' | 'corrected' | 'duplicate' {
    const status: CostStatus = record.status ?? 'settled';
    this.stmt.deleteReservation.get(reservationId);
    const row = {
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
      status,
    };
    const inserted = this.stmt.insertCost.run(row);
    if (inserted.changes === 1) {
      addTotals(record.day, record.month, status, record.cost);
      // The seed's routing/costs partition reads it from here (COSTS_PARTITION): no second row.
      return 'inserted';
    }
    const existing = this.stmt.costByReservation.get(reservationId) as
      | { id: number; cost: number; status: CostStatus; day: string; month: string }
      | undefined;
    if (existing?.status !== 'unsettled') return 'duplicate';
    // The owner was declared dead too early (a long pause) and a survivor booked the reserved amount: correct it.
    this.stmt.correctCost.run({ ...row, id: existing.id });
    this.addTotals(existing.day, existing.month, 'unsettled', -existing.cost);
    this.addTotals(existing.day, existing.month, status, record.cost);
    return 'corrected';
  }

  /**
   * One group commit of a process's budget slice (see SliceCommit). Async: the write lock is tried without
   * SQLite's sleeping busy handler and retried on a short timer, so the process keeps admitting calls from its
   * slice in memory while another process holds the lock.
   */
  async commitSlice(commit: SliceCommit): Promise<SliceOutcome> {
    checkSliceCommit(commit);
    return this.immediateRetrying(`commitSlice ${commit.sliceId}`, () => this.sliceTxn.immediate(commit), commit.settled.length + 1);
  }

  /**
   * The fleet's group commit with budget-slice commits in it (see MemoryStore.applyGroup): the upserts and
   * deletes of applyBatch, then each slice's commit, in one BEGIN IMMEDIATE transaction, taken like commitSlice's.
   */
  async applyGroup(puts: MemoryEntry[], deletes: Array<{ partition: string; key: string }>, slices: SliceCommit[]): Promise<SliceOutcome[]> {
    for (const c of slices) checkSliceCommit(c);
    const rows = puts.map((e) => this.toRow(e));
    const writes = rows.length + slices.reduce((n, c) => n + c.settled.length + 1, 0);
    return this.immediateRetrying(`group commit (${rows.length} puts, ${deletes.length} deletes, ${slices.length} slices)`, () => this.groupTxn.immediate(rows, deletes, slices), writes);
  }

  /**
   * Runs a BEGIN IMMEDIATE transaction with the write lock tried without SQLite's sleeping busy handler and
   * retried on a short timer, so the process keeps admitting calls from its slice in memory (and serving
   * requests) while another process holds the lock.
   */
  private async immediateRetrying<T>(operation: string, txn: () => T, writes: number): Promise<T> {
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        let out: T;
        this.stmt.busyNone.get();
        try {
          out = txn();
        } finally {
          this.stmt.busyWait.get();
        }
        try {
          this.afterWrite(writes);
        } catch {
          // the commit landed; an expired-entry purge that found the file busy is retried by the next one
        }
        return out;
      } catch (err) {
        const code = (err as { code?: string }).code;
        // SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, _RECOVERY): nothing was written, try again.
        if (!code?.startsWith('SQLITE_BUSY') || Date.now() > deadline) {
          return this.guard(operation, () => {
            throw err;
          });
        }
        // Another process holds the write lock (commits take well under a millisecond): back off with jitter.
        await new Promise((r) => setTimeout(r, Math.min(8, 1 + attempt) * Math.random()));
      }
    }
  }

  private commitSliceNow(c: SliceCommit): SliceOutcome {
    const now = this.now();
    const day = c.windows.find((w) => w.name === 'daily')?.period ?? utcDay(now);
    const month = c.windows.find((w) => w.name === 'monthly')?.period ?? utcMonth(now);
    const row = this.stmt.reservationAmount.get(c.sliceId) as { amount: number } | undefined;
    const lost = c.known && !row;
    let moved = 0;
    // The batch's totals: one update per day, month and status rather than one per record.
    const sums = new Map<string, { day: string; month: string; status: CostStatus; cost: number }>();
    const add = (d: string, m: string, st: CostStatus, cost: number) => {
      const key = `${d}|${m}|${st}`;
      const x = sums.get(key);
      if (x) x.cost += cost;
      else sums.set(key, { day: d, month: m, status: st, cost });
    };
    for (const s of c.settled) {
      const outcome = this.settleOne(s.id, s.record, add);
      if (!s.held || outcome !== 'inserted' || (s.record.status ?? 'settled') === 'simulated' && !c.countSimulated) continue;
      if (!lost) moved += s.record.cost;
      else {
        // Booked by a survivor inside the slice's unsettled record: that record now holds less.
        const booked = this.stmt.costByReservation.get(c.sliceId) as { id: number; cost: number; status: CostStatus; day: string; month: string } | undefined;
        if (booked?.status !== 'unsettled') continue;
        const by = Math.min(booked.cost, s.record.cost);
        this.stmt.reduceUnsettled.run({ id: booked.id, by });
        this.addTotals(booked.day, booked.month, 'unsettled', -by);
      }
    }
    for (const x of sums.values()) this.addTotals(x.day, x.month, x.status, x.cost);
    for (const id of c.ended) this.stmt.unjournalCall.run(id);
    let amount = 0;
    if (!lost) {
      const before = row?.amount ?? 0;
      const kept = keepSlice(c, before - moved);
      if (kept !== undefined) amount = kept;
      else {
        let avail = Number.POSITIVE_INFINITY;
        for (const w of c.windows) {
          if (!Number.isFinite(w.limit)) continue;
          const u = this.usage(w.name, w.period);
          avail = Math.min(avail, w.limit - (u.spent + u.reserved - before + (c.countSimulated ? u.simulated : 0)));
        }
        amount = sizeSlice(c, avail);
      }
      if (amount <= MONEY_EPSILON && c.floor <= 0) {
        if (row) this.stmt.deleteReservation.get(c.sliceId);
        amount = 0;
      } else {
        this.stmt.upsertSlice.run({ id: c.sliceId, task_id: `slice:${c.ownerId}`, amount, day, month, now, owner_id: c.ownerId });
        for (const call of c.started) {
          this.stmt.journalCall.run({
            id: call.id, slice_id: c.sliceId, task_id: call.taskId, model_name: call.modelName, agent_type: call.agentType,
            amount: call.amount, now,
          });
        }
      }
    }
    const usage: WindowUsage[] = c.windows.map((w) => ({ name: w.name, period: w.period, limit: w.limit, ...this.usage(w.name, w.period) }));
    return { amount, lost, usage };
  }

  private addTotals(day: string, month: string, status: CostStatus, cost: number): void {
    const spent = status === 'simulated' ? 0 : cost;
    const simulated = status === 'simulated' ? cost : 0;
    this.stmt.addSettled.run('daily', day, spent, simulated);
    this.stmt.addSettled.run('monthly', month, spent, simulated);
  }

  releaseReservation(reservationId: string): void {
    this.guard(`releaseReservation ${reservationId}`, () => this.stmt.deleteReservation.get(reservationId));
    this.afterWrite();
  }

  budgetUsage(name: 'daily' | 'monthly', period: string): BudgetUsage {
    return this.guard(`budgetUsage ${name} ${period}`, () => this.usage(name, period));
  }

  private usage(name: 'daily' | 'monthly', period: string): BudgetUsage {
    const settled = this.stmt.settled.get(name, period) as { spent: number; simulated: number } | undefined;
    const held = (name === 'daily' ? this.stmt.reservedDay : this.stmt.reservedMonth).get(period) as { total: number };
    return { spent: settled?.spent ?? 0, reserved: held.total, simulated: settled?.simulated ?? 0 };
  }

  bookOrphanedReservations(): CostRecord[] {
    const book = this.db.transaction((): CostRecord[] => {
      const rows = this.stmt.orphanedReservations.all() as ReservationRow[];
      const booked: CostRecord[] = [];
      const bookOne = (reservationId: string, r: ReservationRow, what: { taskId: string; modelName: string | null; agentType: string | null; cost: number }) => {
        const record: CostRecord = {
          taskId: what.taskId,
          modelName: what.modelName ?? 'unknown',
          agentType: what.agentType ?? 'unknown',
          inputTokens: 0,
          outputTokens: 0,
          cost: what.cost,
          estimated: true,
          at: r.created_at,
          day: r.day,
          month: r.month,
          status: 'unsettled',
        };
        const inserted = this.stmt.insertCost.run({
          reservation_id: reservationId, task_id: record.taskId, model_name: record.modelName, agent_type: record.agentType,
          input_tokens: 0, output_tokens: 0, cost: record.cost, estimated: 1, at: record.at, day: record.day,
          month: record.month, status: 'unsettled',
        });
        if (inserted.changes !== 1) return;
        this.addTotals(r.day, r.month, 'unsettled', record.cost);
        booked.push(record);
      };
      for (const r of rows) {
        this.stmt.deleteReservation.get(r.id);
        // A slice: its journaled calls in flight by name, at their bounds; the rest of it as one record.
        const calls = this.stmt.journalOf.all(r.id) as Array<{ id: string; task_id: string; model_name: string; agent_type: string; amount: number }>;
        this.stmt.dropJournal.run(r.id);
        let rest = r.amount;
        for (const c of calls) {
          const cost = Math.min(c.amount, rest);
          rest -= cost;
          bookOne(c.id, r, { taskId: c.task_id, modelName: c.model_name, agentType: c.agent_type, cost });
        }
        if (calls.length === 0 || rest > MONEY_EPSILON) bookOne(r.id, r, { taskId: r.task_id, modelName: r.model_name, agentType: r.agent_type, cost: rest });
      }
      return booked;
    });
    const booked = this.guard('bookOrphanedReservations', () => book.immediate());
    if (booked.length) this.afterWrite(booked.length);
    return booked;
  }

  putIfAbsent(entry: MemoryEntry): boolean {
    const row = this.toRow(entry);
    const insert = this.db.transaction((): boolean => {
      if (this.stmt.get.get({ partition: entry.partition, key: entry.key, now: this.now() })) return false;
      this.stmt.upsert.run(row);
      return true;
    });
    const inserted = this.guard(`putIfAbsent ${entry.partition}/${entry.key}`, () => insert.immediate());
    if (inserted) this.afterWrite();
    return inserted;
  }

  registerOwner(info: OwnerInfo): string {
    if (typeof info.role !== 'string' || !info.role || !Number.isInteger(info.pid) || typeof info.host !== 'string') {
      throw new AqeError(ErrorCodes.MEMORY_INVALID, 'registerOwner: role and host must be strings and pid an integer', { role: info.role });
    }
    const id = randomUUID();
    const now = this.now();
    this.guard('registerOwner', () => this.stmt.insertOwner.run(id, info.role, info.pid, info.host, now, now));
    return id;
  }

  heartbeatOwner(ownerId: string): boolean {
    return this.guard(`heartbeatOwner ${ownerId}`, () => this.stmt.heartbeatOwner.run(this.now(), ownerId).changes === 1);
  }

  releaseOwner(ownerId: string): void {
    this.guard(`releaseOwner ${ownerId}`, () => this.stmt.releaseOwner.run(this.now(), ownerId));
  }

  getOwner(ownerId: string): OwnerRecord | undefined {
    const row = this.guard(`getOwner ${ownerId}`, () => this.stmt.getOwner.get(ownerId)) as OwnerRow | undefined;
    return row ? ownerFromRow(row) : undefined;
  }

  deadOwners(staleAfterMs: number): OwnerRecord[] {
    const rows = this.guard('deadOwners', () => this.stmt.deadOwners.all(this.now() - staleAfterMs)) as OwnerRow[];
    return rows.map(ownerFromRow);
  }

  claimDeadOwners(claimerId: string, staleAfterMs: number, ids?: string[]): OwnerRecord[] {
    const now = this.now();
    const claim = this.db.transaction((): OwnerRow[] => {
      if (!ids) return this.stmt.claimDeadOwners.all({ now, claimer: claimerId, staleBefore: now - staleAfterMs }) as OwnerRow[];
      const rows: OwnerRow[] = [];
      for (const id of ids) {
        const row = this.stmt.claimOwner.get({ now, claimer: claimerId, id }) as OwnerRow | undefined;
        if (row) rows.push(row);
      }
      return rows;
    });
    return this.guard('claimDeadOwners', () => claim.immediate()).map(ownerFromRow);
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
      status: r.status as CostStatus,
    }));
  }

  /**
   * Deletes expired entries (returns how many) and owners that ended over a week ago holding nothing.
   * Reservations never age out: see bookOrphanedReservations.
   */
  purgeExpired(): number {
    this.writesSincePurge = 0;
    if (this.db.readonly) return 0;
    const now = this.now();
    return this.guard('purgeExpired', () => {
      this.stmt.pruneOwners.run(now - OWNER_RETENTION_MS);
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

/** A read-only connection when the file exists with this release's schema; undefined otherwise. */
function openReadonly(path: string, timeout: number): Database.Database | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout });
    const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
    if (row.v === LATEST_SCHEMA_VERSION) return db;
  } catch {
    // missing file, no schema_version table yet, ...: open normally
  }
  db?.close();
  return undefined;
}

export function ownerFromRow(row: OwnerRow): OwnerRecord {
  const owner: OwnerRecord = {
    id: row.id,
    role: row.role,
    pid: row.pid,
    host: row.host,
    startedAt: row.started_at,
    heartbeatAt: row.heartbeat_at,
    state: row.state,
  };
  if (row.ended_at !== null) owner.endedAt = row.ended_at;
  if (row.claimed_by !== null) owner.claimedBy = row.claimed_by;
  return owner;
}

export function checkMoney(what: string, amount: number): void {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new AqeError(ErrorCodes.MEMORY_INVALID, `${what} must be a finite number >= 0, got ${amount}`, { amount });
  }
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

/** What commitSlice and applyGroup check before writing a slice's commit (the same on both stores). */
export function checkSliceCommit(c: SliceCommit): void {
  for (const s of c.settled) checkCostRecord(s.record);
  for (const [what, v] of [['floor', c.floor], ['need', c.need], ['extra', c.extra]] as const) checkMoney(`commitSlice: ${what}`, v);
}
