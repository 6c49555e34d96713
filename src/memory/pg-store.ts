import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type pg from 'pg';
import { AqeError, ErrorCodes } from '../errors.js';
import { pgDriver } from './pg-driver.js';
import { type ChangeSubscription, listen } from './pg-listener.js';
import { PG_LATEST_SCHEMA_VERSION, pgMigrate, pgSchemaVersion } from './pg-migrations.js';
import { checkCostRecord, checkMoney, checkName, checkSliceCommit, COSTS_PARTITION, ownerFromRow, type OwnerRow, utcDay, utcMonth } from './sqlite-store.js';
import { serialiseValue } from './value.js';
import {
  type BudgetUsage,
  type BudgetWindow,
  type CostRecord,
  type CostStatus,
  type OwnerInfo,
  type OwnerRecord,
  type ReserveMeta,
  type MemoryEntry,
  type MemoryStore,
  type QueryOptions,
  type ReserveOutcome,
  type SliceCommit,
  type SliceOutcome,
} from './types.js';
import { entryFromRow, entryFromViewRow, type CostViewRow, type EntryRow } from './entry-row.js';
import { prefixUpperBound } from './key-range.js';
import { timeOrderedId } from '../ids.js';

export interface PgTlsOptions {
  /** Use TLS. `require` verifies nothing but encryption is on; `verify-full` checks the certificate and host. */
  mode: 'disable' | 'require' | 'verify-full';
  /** PEM file of the CA that signed the server certificate (verify-full). */
  caFile?: string;
  /** PEM files of a client certificate and key (mutual TLS). */
  certFile?: string;
  keyFile?: string;
}

export interface PgMemoryStoreOptions {
  /** postgres://user:pass@host:port/db. */
  url: string;
  tls?: PgTlsOptions;
  /**
   * false: commit without waiting for the WAL flush (PostgreSQL synchronous_commit=off). Several times the
   * reservation throughput on slow disks, but a PostgreSQL crash (not an aqe crash) can lose the last ~0.6 s of
   * commits. Default true.
   */
  synchronousCommit?: boolean;
  /** Pool size. Default 10. */
  poolMax?: number;
  /** Clock (epoch ms) for TTL, reservation ageing and leases; tests inject one. */
  now?: () => number;
  /** Purge expired entries on this timer. Default 60000; 0 disables. */
  purgeIntervalMs?: number;
  /** This replica's name (connection application_name; default HOSTNAME). */
  replica?: string;
}

interface CostRow {
  task_id: string;
  model_name: string;
  agent_type: string;
  input_tokens: number;
  output_tokens: number;
  cost: number;
  estimated: boolean;
  at: number;
  day: string;
  month: string;
  status: CostStatus;
}

/** Stopped or dead owners are kept this long (for reports and late settlements), then pruned (as in SQLite). */
const OWNER_RETENTION_MS = 7 * 86_400_000;
const MONEY_EPSILON = 1e-9;
const ENTRY_COLUMNS = 'partition, key, value, owner, access_level, team_id, swarm_id, created_at, updated_at, expires_at';
/** routing/costs as a view of the ledger (see COSTS_PARTITION): value NULL, the record in the c_ columns. */
const COSTS_KEY = "c.task_id || ':' || COALESCE(c.reservation_id, '#' || c.id)";
const COST_COLUMNS = 'c_task, c_model, c_agent, c_in, c_out, c_cost, c_estimated, c_at, c_day, c_month, c_status';
const costsView = (now: string) => `SELECT '${COSTS_PARTITION}'::text COLLATE "C" AS partition, (${COSTS_KEY}) COLLATE "C" AS key, NULL::text AS value,
    'system'::text AS owner, 'system'::text AS access_level, NULL::text AS team_id, NULL::text AS swarm_id, c.at AS created_at, c.at AS updated_at,
    NULL::bigint AS expires_at, c.task_id AS c_task, c.model_name AS c_model, c.agent_type AS c_agent, c.input_tokens AS c_in,
    c.output_tokens AS c_out, c.cost AS c_cost, c.estimated AS c_estimated, c.at AS c_at, c.day AS c_day, c.month AS c_month, c.status AS c_status
  FROM aqe_cost_records c
  WHERE c.status <> 'unsettled' AND NOT EXISTS (SELECT 1 FROM aqe_entries e WHERE e.partition = '${COSTS_PARTITION}' AND e.key = ${COSTS_KEY}
    AND (e.expires_at IS NULL OR e.expires_at > ${now}))`;
const entriesWithCosts = (now: string) => `(SELECT ${ENTRY_COLUMNS}, NULL::text AS c_task, NULL::text AS c_model, NULL::text AS c_agent,
    NULL::bigint AS c_in, NULL::bigint AS c_out, NULL::double precision AS c_cost, NULL::boolean AS c_estimated, NULL::bigint AS c_at,
    NULL::text AS c_day, NULL::text AS c_month, NULL::text AS c_status FROM aqe_entries UNION ALL ${costsView(now)}) AS v`;


/** What an upsert of an existing key changes (a key whose row had expired starts a new life: created_at too). */
const ON_CONFLICT = `ON CONFLICT (partition, key) DO UPDATE SET
    value = excluded.value, owner = excluded.owner, access_level = excluded.access_level,
    team_id = excluded.team_id, swarm_id = excluded.swarm_id,
    updated_at = excluded.updated_at, expires_at = excluded.expires_at,
    created_at = CASE WHEN aqe_entries.expires_at IS NOT NULL AND aqe_entries.expires_at <= excluded.updated_at
                      THEN excluded.created_at ELSE aqe_entries.created_at END`;
const UPSERT = `INSERT INTO aqe_entries (${ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ${ON_CONFLICT}`;

/** UPSERT for many rows in one statement (the columns as arrays, one row per index; no key twice). */
const UPSERT_MANY = `INSERT INTO aqe_entries (${ENTRY_COLUMNS})
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::bigint[])
  ${ON_CONFLICT}`;

const DELETE_MANY = 'DELETE FROM aqe_entries WHERE (partition, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))';

// BIGINT (20) and NUMERIC (1700) arrive as strings by default; every value aqe stores in them is a safe integer.
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pgDriver().types.getTypeParser(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

/** The URL with any password replaced, for messages and /health. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable database.url)';
  }
}

function tlsConfig(tls: PgTlsOptions | undefined): pg.PoolConfig['ssl'] {
  if (!tls || tls.mode === 'disable') return undefined;
  const read = (file: string | undefined, field: string) => {
    if (!file) return undefined;
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      throw new AqeError(ErrorCodes.STORE, `database.ssl.${field}: cannot read ${file}: ${(err as Error).message}`, { field: `database.ssl.${field}` });
    }
  };
  return {
    rejectUnauthorized: tls.mode === 'verify-full',
    ca: read(tls.caFile, 'caFile'),
    cert: read(tls.certFile, 'certFile'),
    key: read(tls.keyFile, 'keyFile'),
  };
}

/** The row aqe_commit_slice returns. */
interface SliceRow extends pg.QueryResultRow {
  amount: number;
  lost: boolean;
  u_spent: number[] | null;
  u_reserved: number[] | null;
  u_simulated: number[] | null;
}

/**
 * MemoryStore on PostgreSQL, shared by any number of replicas. Same behaviour as SqliteMemoryStore; budget
 * checks serialise on a per-window row lock (SELECT ... FOR UPDATE in aqe_reserve), so the cap holds across
 * replicas. Reservations carry their owner (OwnerLease registers and heartbeats it); a survivor books a dead
 * owner's reservations as unsettled (bookOrphanedReservations), exactly once, whichever replica asks.
 */
export class PgMemoryStore implements MemoryStore {
  readonly kind = 'postgres' as const;
  readonly label: string;
  readonly replica: string;
  readonly pool: pg.Pool;
  private readonly url: string;
  private readonly tls?: PgTlsOptions;
  private readonly now: () => number;
  private readonly timers: NodeJS.Timeout[] = [];
  private readyPromise?: Promise<void>;
  private closed = false;

  constructor(opts: PgMemoryStoreOptions) {
    if (typeof opts.url !== 'string' || !/^postgres(ql)?:\/\//.test(opts.url)) {
      throw new AqeError(ErrorCodes.STORE, 'database.url must be a postgres:// or postgresql:// URL (or set DATABASE_URL)', {
        field: 'database.url',
      });
    }
    this.url = opts.url;
    this.tls = opts.tls;
    this.label = redactUrl(opts.url);
    this.now = opts.now ?? Date.now;
    this.replica = opts.replica ?? process.env.HOSTNAME ?? hostname();
    this.pool = new (pgDriver().Pool)({
      connectionString: opts.url,
      ssl: tlsConfig(opts.tls),
      max: opts.poolMax ?? 10,
      types: TYPES,
      connectionTimeoutMillis: 10_000,
      application_name: `aqe ${this.replica}`,
      ...(opts.synchronousCommit === false ? { options: '-c synchronous_commit=off' } : {}),
    });
    // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
    const purge = opts.purgeIntervalMs ?? 60_000;
    if (purge > 0) this.every(purge, () => this.purgeExpired());
  }

  /** Settings another component (the flag listener) needs to open its own connection. */
  connectionConfig(): pg.ClientConfig {
    return { connectionString: this.url, ssl: tlsConfig(this.tls), types: TYPES, application_name: `aqe ${this.replica} listener` };
  }

  private every(ms: number, fn: () => Promise<unknown>): void {
    const t = setInterval(() => {
      if (this.closed) return;
      fn().catch(() => undefined);
    }, ms);
    t.unref();
    this.timers.push(t);
  }

  /** Connect and migrate. Every operation waits for it; call it to fail fast. */
  init(): Promise<void> {
    this.readyPromise ??= (async () => {
      const client = await this.connect('connect');
      try {
        await pgMigrate(client, this.label);
      } finally {
        client.release();
      }
    })();
    return this.readyPromise;
  }

  private async connect(operation: string): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (err) {
      throw this.storeError(operation, err);
    }
  }

  private storeError(operation: string, err: unknown): AqeError {
    if (err instanceof AqeError) return err;
    const code = (err as { code?: string }).code;
    return new AqeError(
      ErrorCodes.STORE,
      `memory store ${this.label}: ${operation} failed: ${(err as Error).message}`,
      { database: this.label, operation, ...(code ? { pgCode: code } : {}) },
      { cause: err },
    );
  }

  private async sql<R extends pg.QueryResultRow>(operation: string, text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    if (this.closed) throw this.storeError(operation, new Error('the store is closed'));
    await this.init();
    try {
      return await this.pool.query<R>(text, values);
    } catch (err) {
      throw this.storeError(operation, err);
    }
  }

  private async transaction<T>(operation: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw this.storeError(operation, new Error('the store is closed'));
    await this.init();
    const client = await this.connect(operation);
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw this.storeError(operation, err);
    } finally {
      client.release();
    }
  }

  private toParams(entry: MemoryEntry): unknown[] {
    checkName('partition', entry.partition);
    checkName('key', entry.key);
    return [
      entry.partition,
      entry.key,
      serialiseValue(entry.value, entry.partition, entry.key),
      entry.owner,
      entry.accessLevel,
      entry.teamId ?? null,
      entry.swarmId ?? null,
      entry.createdAt,
      entry.updatedAt,
      entry.expiresAt ?? null,
    ];
  }

  async put(entry: MemoryEntry): Promise<void> {
    const params = this.toParams(entry);
    await this.sql(`put ${entry.partition}/${entry.key}`, UPSERT, params);
  }

  async putMany(entries: MemoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((e) => this.toParams(e));
    await this.transaction(`putMany (${rows.length} entries)`, async (client) => {
      for (const row of rows) await client.query(UPSERT, row);
    });
  }

  async applyBatch(puts: MemoryEntry[], deletes: Array<{ partition: string; key: string }>): Promise<void> {
    if (puts.length + deletes.length === 0) return;
    const rows = puts.map((e) => this.toParams(e));
    await this.transaction(`batch (${rows.length} puts, ${deletes.length} deletes)`, (client) => this.writeBatch(client, rows, deletes));
  }

  /**
   * A batch's upserts as one statement and its deletes as another (two round trips, whatever the batch size),
   * rows in key order so that concurrent batches of several replicas lock shared rows in the same order. A
   * key put twice keeps its last row (one statement cannot upsert a row twice).
   */
  private async writeBatch(client: pg.PoolClient, rows: unknown[][], deletes: Array<{ partition: string; key: string }>): Promise<void> {
    if (rows.length) {
      const last = new Map<string, unknown[]>();
      for (const r of rows) last.set(`${r[0] as string}\0${r[1] as string}`, r);
      const sorted = [...last.values()].sort((a, b) => byKey(a[0] as string, a[1] as string, b[0] as string, b[1] as string));
      await client.query(UPSERT_MANY, Array.from({ length: 10 }, (_, c) => sorted.map((r) => r[c])));
    }
    if (deletes.length) {
      const sorted = [...deletes].sort((a, b) => byKey(a.partition, a.key, b.partition, b.key));
      await client.query(DELETE_MANY, [sorted.map((d) => d.partition), sorted.map((d) => d.key)]);
    }
  }

  async get(partition: string, key: string): Promise<MemoryEntry | undefined> {
    const { rows } = await this.sql<EntryRow>(
      `get ${partition}/${key}`,
      `SELECT ${ENTRY_COLUMNS} FROM aqe_entries WHERE partition = $1 AND key = $2 AND (expires_at IS NULL OR expires_at > $3)`,
      [partition, key, this.now()],
    );
    if (rows[0]) return entryFromRow(rows[0]);
    if (partition !== COSTS_PARTITION) return undefined;
    const cost = await this.sql<CostViewRow>(`get ${partition}/${key}`, `SELECT * FROM (${costsView('$2')}) AS v WHERE key = $1`, [key, this.now()]);
    return cost.rows[0] ? entryFromViewRow(cost.rows[0]) : undefined;
  }

  async query(options: QueryOptions = {}): Promise<MemoryEntry[]> {
    const params: unknown[] = [this.now()];
    const where = ['(expires_at IS NULL OR expires_at > $1)'];
    if (options.partition !== undefined) {
      params.push(options.partition);
      where.push(`partition = $${params.length}`);
    }
    const prefix = options.keyPrefix?.replace(/%$/, '');
    if (prefix) {
      params.push(prefix);
      where.push(`key >= $${params.length} AND left(key, char_length($${params.length})) = $${params.length}`);
      const upper = prefixUpperBound(prefix);
      if (upper !== undefined) {
        params.push(upper);
        where.push(`key < $${params.length}`);
      }
    }
    if (options.since !== undefined) {
      params.push(options.since);
      where.push(`updated_at >= $${params.length}`);
    }
    const order =
      options.order === 'newest' ? 'updated_at DESC, key' : options.order === 'oldest' ? 'updated_at, key' : 'partition, key';
    params.push(options.limit !== undefined && options.limit >= 0 ? Math.floor(options.limit) : null);
    const limit = `$${params.length}`;
    params.push(options.offset !== undefined && options.offset > 0 ? Math.floor(options.offset) : 0);
    // routing/costs (asked for, or every partition) includes the ledger's view; other partitions read entries only.
    if (options.partition !== undefined && options.partition !== COSTS_PARTITION) {
      const { rows } = await this.sql<EntryRow>(
        'query',
        `SELECT ${ENTRY_COLUMNS} FROM aqe_entries WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${limit} OFFSET $${params.length}`,
        params,
      );
      return rows.map(entryFromRow);
    }
    const { rows } = await this.sql<CostViewRow>(
      'query',
      `SELECT ${ENTRY_COLUMNS}, ${COST_COLUMNS} FROM ${entriesWithCosts('$1')} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${limit} OFFSET $${params.length}`,
      params,
    );
    return rows.map(entryFromViewRow);
  }

  async delete(partition: string, key: string): Promise<boolean> {
    const now = this.now();
    const { rows } = await this.sql<{ expires_at: number | null }>(
      `delete ${partition}/${key}`,
      'DELETE FROM aqe_entries WHERE partition = $1 AND key = $2 RETURNING expires_at',
      [partition, key],
    );
    return rows.length > 0 && (rows[0].expires_at === null || rows[0].expires_at > now);
  }

  async clear(partition: string): Promise<number> {
    const { rows } = await this.sql<{ live: number }>(
      `clear ${partition}`,
      `WITH gone AS (DELETE FROM aqe_entries WHERE partition = $1 RETURNING expires_at)
       SELECT count(*) FILTER (WHERE expires_at IS NULL OR expires_at > $2)::int AS live FROM gone`,
      [partition, this.now()],
    );
    return rows[0].live;
  }

  async putIfAbsent(entry: MemoryEntry): Promise<boolean> {
    const params = this.toParams(entry);
    params.push(this.now());
    const { rowCount } = await this.sql(
      `putIfAbsent ${entry.partition}/${entry.key}`,
      `INSERT INTO aqe_entries (${ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (partition, key) DO UPDATE SET
         value = excluded.value, owner = excluded.owner, access_level = excluded.access_level, team_id = excluded.team_id,
         swarm_id = excluded.swarm_id, created_at = excluded.created_at, updated_at = excluded.updated_at,
         expires_at = excluded.expires_at
       WHERE aqe_entries.expires_at IS NOT NULL AND aqe_entries.expires_at <= $11`,
      params,
    );
    return rowCount === 1;
  }

  async reserveBudget(windows: BudgetWindow[], amount: number, meta: ReserveMeta): Promise<ReserveOutcome> {
    checkMoney('reserveBudget: amount', amount);
    if (meta.minAmount !== undefined) checkMoney('reserveBudget: minAmount', meta.minAmount);
    const minAmount = Math.min(amount, meta.minAmount ?? amount);
    const now = this.now();
    const day = windows.find((w) => w.name === 'daily')?.period ?? utcDay(now);
    const month = windows.find((w) => w.name === 'monthly')?.period ?? utcMonth(now);
    // lock order: daily before monthly, the same in every transaction (no deadlocks)
    const checked = windows.filter((w) => Number.isFinite(w.limit)).sort((a, b) => (a.name === b.name ? 0 : a.name === 'daily' ? -1 : 1));
    const id = timeOrderedId();
    const { rows } = await this.sql<{ ok: boolean; amount: number | null; budget: 'daily' | 'monthly' | null; used: number | null; lim: number | null }>(
      `reserveBudget for task ${meta.taskId}`,
      'SELECT * FROM aqe_reserve($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)',
      [
        id,
        meta.taskId,
        meta.ownerId ?? null,
        meta.modelName ?? null,
        meta.agentType ?? null,
        amount,
        minAmount,
        meta.countSimulated === true,
        day,
        month,
        now,
        checked.map((w) => w.name),
        checked.map((w) => w.period),
        checked.map((w) => w.limit),
        MONEY_EPSILON,
      ],
    );
    const r = rows[0];
    if (r.ok) return { ok: true, reservationId: id, amount: r.amount ?? amount };
    return { ok: false, budget: r.budget as 'daily' | 'monthly', spent: r.used ?? 0, limit: r.lim ?? 0 };
  }

  async settleReservation(reservationId: string, record: CostRecord): Promise<void> {
    checkCostRecord(record);
    const status: CostStatus = record.status ?? 'settled';
    await this.sql(
      `settleReservation ${reservationId}`,
      'SELECT aqe_settle($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)',
      [
        reservationId,
        record.taskId,
        record.modelName,
        record.agentType,
        Math.round(record.inputTokens),
        Math.round(record.outputTokens),
        record.cost,
        record.estimated,
        record.at,
        record.day,
        record.month,
        status,
        // routing/costs is read from the ledger (schema 5): the entry parameters are unused
        null,
        null,
        null,
        this.now(),
      ],
    );
  }

  /** One group commit of a process's slice: one round trip (aqe_commit_slice), settles as one multi-row insert. */
  async commitSlice(c: SliceCommit): Promise<SliceOutcome> {
    checkSliceCommit(c);
    const q = this.sliceQuery(c);
    const { rows } = await this.sql<SliceRow>(`commitSlice ${c.sliceId}`, q.text, q.values);
    return q.outcome(rows[0]);
  }

  /**
   * The fleet's group commit with budget-slice commits in it (see MemoryStore.applyGroup): applyBatch's upserts
   * and deletes, then each slice's aqe_commit_slice, in one transaction (one COMMIT, one WAL flush). The slices
   * go last, so the budget rows a growing slice locks are held only from its call to the COMMIT.
   */
  async applyGroup(puts: MemoryEntry[], deletes: Array<{ partition: string; key: string }>, slices: SliceCommit[]): Promise<SliceOutcome[]> {
    for (const c of slices) checkSliceCommit(c);
    const rows = puts.map((e) => this.toParams(e));
    const queries = slices.map((c) => this.sliceQuery(c));
    return this.transaction(`group commit (${rows.length} puts, ${deletes.length} deletes, ${slices.length} slices)`, async (client) => {
      await this.writeBatch(client, rows, deletes);
      const out: SliceOutcome[] = [];
      for (const q of queries) out.push(q.outcome((await client.query<SliceRow>(q.text, q.values)).rows[0]));
      return out;
    });
  }

  private sliceQuery(c: SliceCommit): { text: string; values: unknown[]; outcome: (r: SliceRow) => SliceOutcome } {
    const now = this.now();
    const day = c.windows.find((w) => w.name === 'daily')?.period ?? utcDay(now);
    const month = c.windows.find((w) => w.name === 'monthly')?.period ?? utcMonth(now);
    // lock order: daily before monthly (as everywhere)
    const windows = [...c.windows].sort((a, b) => (a.name === b.name ? 0 : a.name === 'daily' ? -1 : 1));
    const col = <T>(f: (x: SliceCommit['settled'][number]) => T) => c.settled.map(f);
    return {
      text: `SELECT * FROM aqe_commit_slice($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
         $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37)`,
      values: [
        c.sliceId, c.ownerId, c.known, day, month, now, c.countSimulated,
        windows.map((w) => w.name), windows.map((w) => w.period), windows.map((w) => (Number.isFinite(w.limit) ? w.limit : 'Infinity')),
        col((x) => x.id), col((x) => x.record.taskId), col((x) => x.record.modelName), col((x) => x.record.agentType),
        col((x) => Math.round(x.record.inputTokens)), col((x) => Math.round(x.record.outputTokens)), col((x) => x.record.cost),
        col((x) => x.record.estimated), col((x) => x.record.at), col((x) => x.record.day), col((x) => x.record.month),
        col((x) => x.record.status ?? 'settled'), col((x) => x.held),
        col(() => null), // s_entries: unused since schema 5 (routing/costs is read from the ledger)
        c.started.map((x) => x.id), c.started.map((x) => x.taskId), c.started.map((x) => x.modelName), c.started.map((x) => x.agentType),
        c.started.map((x) => x.amount),
        c.ended, c.floor, c.need, c.extra, c.extraFraction, Number.isFinite(c.exactBelow) ? c.exactBelow : 'Infinity', MONEY_EPSILON, null,
      ],
      outcome: (r) => ({
        amount: r.amount,
        lost: r.lost,
        usage: windows.map((w, i) => ({
          name: w.name, period: w.period, limit: w.limit,
          spent: r.u_spent?.[i] ?? 0, reserved: r.u_reserved?.[i] ?? 0, simulated: r.u_simulated?.[i] ?? 0,
        })),
      }),
    };
  }

  async releaseReservation(reservationId: string): Promise<void> {
    await this.sql(`releaseReservation ${reservationId}`, 'DELETE FROM aqe_budget_reservations WHERE id = $1', [reservationId]);
  }

  async budgetUsage(name: 'daily' | 'monthly', period: string): Promise<BudgetUsage> {
    const { rows } = await this.sql<{ spent: number; simulated: number; reserved: number }>(
      `budgetUsage ${name} ${period}`,
      'SELECT spent, reserved, simulated FROM aqe_window_usage($1, $2)',
      [name, period],
    );
    return { spent: rows[0].spent, reserved: rows[0].reserved, simulated: rows[0].simulated };
  }

  async costRecords(sinceMs: number): Promise<CostRecord[]> {
    const { rows } = await this.sql<CostRow>(
      'costRecords',
      `SELECT task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month, status
       FROM aqe_cost_records WHERE at >= $1 ORDER BY at, id`,
      [sinceMs],
    );
    return rows.map(costFromRow);
  }

  async bookOrphanedReservations(): Promise<CostRecord[]> {
    const { rows } = await this.sql<CostRow>('bookOrphanedReservations', 'SELECT * FROM aqe_book_orphans()');
    return rows.map(costFromRow);
  }

  async registerOwner(info: OwnerInfo): Promise<string> {
    if (typeof info.role !== 'string' || !info.role || !Number.isInteger(info.pid) || typeof info.host !== 'string') {
      throw new AqeError(ErrorCodes.MEMORY_INVALID, 'registerOwner: role and host must be strings and pid an integer', { role: info.role });
    }
    const id = randomUUID();
    const now = this.now();
    await this.sql(
      'registerOwner',
      `INSERT INTO aqe_process_owners (id, role, pid, host, started_at, heartbeat_at, state) VALUES ($1, $2, $3, $4, $5, $5, 'alive')`,
      [id, info.role, info.pid, info.host, now],
    );
    return id;
  }

  async heartbeatOwner(ownerId: string): Promise<boolean> {
    const { rowCount } = await this.sql(
      `heartbeatOwner ${ownerId}`,
      `UPDATE aqe_process_owners SET heartbeat_at = $1 WHERE id = $2 AND state = 'alive'`,
      [this.now(), ownerId],
    );
    return rowCount === 1;
  }

  async releaseOwner(ownerId: string): Promise<void> {
    await this.sql(
      `releaseOwner ${ownerId}`,
      `UPDATE aqe_process_owners SET state = 'stopped', ended_at = $1 WHERE id = $2 AND state = 'alive'`,
      [this.now(), ownerId],
    );
  }

  async getOwner(ownerId: string): Promise<OwnerRecord | undefined> {
    const { rows } = await this.sql<OwnerRow>(`getOwner ${ownerId}`, 'SELECT * FROM aqe_process_owners WHERE id = $1', [ownerId]);
    return rows[0] ? ownerFromRow(rows[0]) : undefined;
  }

  async deadOwners(staleAfterMs: number): Promise<OwnerRecord[]> {
    const { rows } = await this.sql<OwnerRow>(
      'deadOwners',
      `SELECT * FROM aqe_process_owners WHERE state = 'dead' OR (state = 'alive' AND heartbeat_at < $1) ORDER BY heartbeat_at, id`,
      [this.now() - staleAfterMs],
    );
    return rows.map(ownerFromRow);
  }

  /**
   * One UPDATE: a row another claimer took meanwhile is re-checked after its lock and skipped, so each owner
   * goes to exactly one claimer. With `ids`, those owners whatever their heartbeat age.
   */
  async claimDeadOwners(claimerId: string, staleAfterMs: number, ids?: string[]): Promise<OwnerRecord[]> {
    const now = this.now();
    const { rows } = ids
      ? await this.sql<OwnerRow>(
          'claimDeadOwners',
          `UPDATE aqe_process_owners SET state = 'dead', ended_at = $1, claimed_by = $2
           WHERE state = 'alive' AND id = ANY($3::text[]) AND id <> $2 RETURNING *`,
          [now, claimerId, ids],
        )
      : await this.sql<OwnerRow>(
          'claimDeadOwners',
          `UPDATE aqe_process_owners SET state = 'dead', ended_at = $1, claimed_by = $2
           WHERE state = 'alive' AND heartbeat_at < $3 AND id <> $2 RETURNING *`,
          [now, claimerId, now - staleAfterMs],
        );
    return rows.map(ownerFromRow).sort((a, b) => a.heartbeatAt - b.heartbeatAt || a.id.localeCompare(b.id));
  }

  /**
   * Deletes expired entries (returns how many) and owners that ended over a week ago holding nothing.
   * Reservations never age out: see bookOrphanedReservations.
   */
  async purgeExpired(): Promise<number> {
    await this.sql(
      'purgeExpired',
      `DELETE FROM aqe_process_owners o WHERE o.state <> 'alive' AND o.ended_at < $1
         AND NOT EXISTS (SELECT 1 FROM aqe_budget_reservations r WHERE r.owner_id = o.id)`,
      [this.now() - OWNER_RETENTION_MS],
    );
    const { rowCount } = await this.sql('purgeExpired', 'DELETE FROM aqe_entries WHERE expires_at IS NOT NULL AND expires_at <= $1', [this.now()]);
    return rowCount ?? 0;
  }

  async schemaVersion(): Promise<number> {
    await this.init();
    const client = await this.connect('schemaVersion');
    try {
      return await pgSchemaVersion(client);
    } finally {
      client.release();
    }
  }

  static readonly LATEST_SCHEMA_VERSION = PG_LATEST_SCHEMA_VERSION;

  /** LISTEN on a dedicated connection (reconnects with backoff; onResync after each reconnect). */
  async subscribe(channel: string, onMessage: (payload: string) => void, onResync: () => void): Promise<ChangeSubscription> {
    await this.init();
    try {
      return await listen(this.connectionConfig(), channel, onMessage, onResync, { onError: (err) => (this.lastListenError = err.message) });
    } catch (err) {
      throw this.storeError(`subscribe ${channel}`, err);
    }
  }

  /** The last error a LISTEN connection reported (shown by describe()). */
  private lastListenError?: string;

  async publish(channel: string, payload: string): Promise<void> {
    await this.sql(`publish ${channel}`, 'SELECT pg_notify($1, $2)', [channel, payload]);
  }

  describe(): Record<string, unknown> {
    return {
      database: this.label,
      schemaVersion: PG_LATEST_SCHEMA_VERSION,
      pool: { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount },
      ...(this.lastListenError ? { lastListenError: this.lastListenError } : {}),
    };
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      await this.init();
      const { rows } = await this.pool.query<{ one: number }>('SELECT 1 AS one');
      return rows[0]?.one === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    if (this.readyPromise) await this.readyPromise.catch(() => undefined);
    await this.pool.end();
  }
}

function costFromRow(r: CostRow): CostRecord {
  return {
    taskId: r.task_id,
    modelName: r.model_name,
    agentType: r.agent_type,
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    cost: r.cost,
    estimated: r.estimated,
    at: r.at,
    day: r.day,
    month: r.month,
    status: r.status,
  };
}

/** (partition, key) order by UTF-16 code units: any fixed total order serves (it orders row locks). */
function byKey(pa: string, ka: string, pb: string, kb: string): number {
  if (pa !== pb) return pa < pb ? -1 : 1;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
