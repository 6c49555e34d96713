import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import pg from 'pg';
import { AqeError, ErrorCodes } from '../errors.js';
import { PG_LATEST_SCHEMA_VERSION, pgMigrate, pgSchemaVersion } from './pg-migrations.js';
import { checkCostRecord, checkName, COSTS_PARTITION, utcDay, utcMonth } from './sqlite-store.js';
import { serialiseValue } from './value.js';
import {
  type AccessLevel,
  type BudgetWindow,
  type CostRecord,
  type MemoryEntry,
  type MemoryStore,
  type QueryOptions,
  type ReserveOutcome,
} from './types.js';

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
  /** Pool size. Default 10. */
  poolMax?: number;
  /** Clock (epoch ms) for TTL, reservation ageing and leases; tests inject one. */
  now?: () => number;
  /** As in the SQLite store: a reservation older than this no longer holds budget. Default 1 hour. */
  reservationTtlMs?: number;
  /**
   * This replica's reservations stay held while it renews its lease; a lease not renewed for this long
   * lets any other replica release them. Default 15000 (dead replica resolved within ~20 s).
   */
  leaseTtlMs?: number;
  /** How often the lease is renewed and dead owners' reservations are released. Default 5000; 0 disables. */
  heartbeatMs?: number;
  /** Purge expired entries and aged-out reservations on this timer. Default 60000; 0 disables. */
  purgeIntervalMs?: number;
  /** Human label of this replica in the owner registry (default HOSTNAME). */
  replica?: string;
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

const MONEY_EPSILON = 1e-9;
const ENTRY_COLUMNS = 'partition, key, value, owner, access_level, team_id, swarm_id, created_at, updated_at, expires_at';
const UPSERT = `INSERT INTO aqe_entries (${ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (partition, key) DO UPDATE SET
    value = excluded.value, owner = excluded.owner, access_level = excluded.access_level,
    team_id = excluded.team_id, swarm_id = excluded.swarm_id,
    updated_at = excluded.updated_at, expires_at = excluded.expires_at,
    created_at = CASE WHEN aqe_entries.expires_at IS NOT NULL AND aqe_entries.expires_at <= excluded.updated_at
                      THEN excluded.created_at ELSE aqe_entries.created_at END`;

// BIGINT (20) and NUMERIC (1700) arrive as strings by default; every value aqe stores in them is a safe integer.
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
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

/**
 * MemoryStore on PostgreSQL, shared by any number of replicas. Same behaviour as SqliteMemoryStore; budget
 * checks serialise on a per-window row lock (SELECT ... FOR UPDATE in aqe_reserve), so the cap holds across
 * replicas. Each store instance is an owner with a lease it renews; reservations carry their owner, and a
 * survivor releases the reservations of an owner whose lease expired.
 */
export class PgMemoryStore implements MemoryStore {
  readonly kind = 'postgres' as const;
  readonly label: string;
  readonly ownerId: string;
  readonly replica: string;
  readonly pool: pg.Pool;
  private readonly url: string;
  private readonly tls?: PgTlsOptions;
  private readonly now: () => number;
  private readonly reservationTtlMs: number;
  private readonly leaseTtlMs: number;
  private readonly timers: NodeJS.Timeout[] = [];
  private readyPromise?: Promise<void>;
  private closed = false;
  /** Last error seen by the heartbeat (for /health detail); undefined when the last beat worked. */
  lastHeartbeatError?: string;

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
    this.reservationTtlMs = opts.reservationTtlMs ?? 3_600_000;
    this.leaseTtlMs = opts.leaseTtlMs ?? 15_000;
    this.replica = opts.replica ?? process.env.HOSTNAME ?? hostname();
    this.ownerId = `${this.replica}:${process.pid}:${randomUUID()}`;
    this.pool = new pg.Pool({
      connectionString: opts.url,
      ssl: tlsConfig(opts.tls),
      max: opts.poolMax ?? 10,
      types: TYPES,
      connectionTimeoutMillis: 10_000,
      application_name: `aqe ${this.replica}`,
    });
    // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
    const heartbeat = opts.heartbeatMs ?? 5000;
    if (heartbeat > 0) this.every(heartbeat, () => this.heartbeat());
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

  /** Connect, migrate and register this owner's lease. Every operation waits for it; call it to fail fast. */
  init(): Promise<void> {
    this.readyPromise ??= (async () => {
      const client = await this.connect('connect');
      try {
        await pgMigrate(client, this.label);
      } finally {
        client.release();
      }
      await this.renewLease();
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

  async get(partition: string, key: string): Promise<MemoryEntry | undefined> {
    const { rows } = await this.sql<EntryRow>(
      `get ${partition}/${key}`,
      `SELECT ${ENTRY_COLUMNS} FROM aqe_entries WHERE partition = $1 AND key = $2 AND (expires_at IS NULL OR expires_at > $3)`,
      [partition, key, this.now()],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
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
    const { rows } = await this.sql<EntryRow>(
      'query',
      `SELECT ${ENTRY_COLUMNS} FROM aqe_entries WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${limit} OFFSET $${params.length}`,
      params,
    );
    return rows.map(fromRow);
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

  async reserveBudget(windows: BudgetWindow[], amount: number, meta: { taskId: string }): Promise<ReserveOutcome> {
    if (!Number.isFinite(amount) || amount < 0) {
      throw new AqeError(ErrorCodes.MEMORY_INVALID, `reserveBudget: amount must be a finite number >= 0, got ${amount}`, { amount });
    }
    const now = this.now();
    const day = windows.find((w) => w.name === 'daily')?.period ?? utcDay(now);
    const month = windows.find((w) => w.name === 'monthly')?.period ?? utcMonth(now);
    // lock order: daily before monthly, the same in every transaction (no deadlocks)
    const checked = windows.filter((w) => Number.isFinite(w.limit)).sort((a, b) => (a.name === b.name ? 0 : a.name === 'daily' ? -1 : 1));
    const id = randomUUID();
    const { rows } = await this.sql<{ ok: boolean; budget: 'daily' | 'monthly' | null; used: number | null; lim: number | null }>(
      `reserveBudget for task ${meta.taskId}`,
      'SELECT * FROM aqe_reserve($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
      [
        id,
        meta.taskId,
        this.ownerId,
        amount,
        day,
        month,
        now,
        now - this.reservationTtlMs,
        checked.map((w) => w.name),
        checked.map((w) => w.period),
        checked.map((w) => w.limit),
        MONEY_EPSILON,
      ],
    );
    const r = rows[0];
    if (r.ok) return { ok: true, reservationId: id };
    return { ok: false, budget: r.budget as 'daily' | 'monthly', spent: r.used ?? 0, limit: r.lim ?? 0 };
  }

  async settleReservation(reservationId: string, record: CostRecord): Promise<void> {
    checkCostRecord(record);
    const entryValue = serialiseValue(record, COSTS_PARTITION, record.taskId);
    await this.sql(
      `settleReservation ${reservationId}`,
      'SELECT aqe_settle($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)',
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
        `${record.taskId}:${reservationId}`,
        entryValue,
        COSTS_PARTITION,
      ],
    );
  }

  async releaseReservation(reservationId: string): Promise<void> {
    await this.sql(`releaseReservation ${reservationId}`, 'DELETE FROM aqe_budget_reservations WHERE id = $1', [reservationId]);
  }

  async budgetUsage(name: 'daily' | 'monthly', period: string): Promise<{ spent: number; reserved: number }> {
    const column = name === 'daily' ? 'day' : 'month';
    const { rows } = await this.sql<{ spent: number | null; reserved: number }>(
      `budgetUsage ${name} ${period}`,
      `SELECT (SELECT spent FROM aqe_budget_totals WHERE kind = $1 AND period = $2) AS spent,
              (SELECT coalesce(sum(amount), 0) FROM aqe_budget_reservations WHERE ${column} = $2 AND created_at > $3) AS reserved`,
      [name, period, this.now() - this.reservationTtlMs],
    );
    return { spent: rows[0].spent ?? 0, reserved: rows[0].reserved };
  }

  async costRecords(sinceMs: number): Promise<CostRecord[]> {
    const { rows } = await this.sql<{
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
    }>(
      'costRecords',
      `SELECT task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month
       FROM aqe_cost_records WHERE at >= $1 ORDER BY at, id`,
      [sinceMs],
    );
    return rows.map((r) => ({
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
    }));
  }

  /** Renew this replica's lease in the owner registry. */
  private async renewLease(): Promise<void> {
    await this.pool.query(
      `INSERT INTO aqe_store_owners (owner_id, label, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (owner_id) DO UPDATE SET expires_at = excluded.expires_at`,
      [this.ownerId, this.replica, this.now() + this.leaseTtlMs],
    );
  }

  /**
   * Renew the lease, then release the reservations of owners whose lease expired (a replica that died
   * between reserve and settle). Returns how many reservations were released.
   */
  async heartbeat(): Promise<number> {
    try {
      await this.init();
      await this.renewLease();
      const now = this.now();
      const { rowCount } = await this.pool.query(
        `DELETE FROM aqe_budget_reservations r WHERE r.owner_id <> $1 AND NOT EXISTS
           (SELECT 1 FROM aqe_store_owners o WHERE o.owner_id = r.owner_id AND o.expires_at > $2)`,
        [this.ownerId, now],
      );
      // owners gone for an hour have nothing left to resolve
      await this.pool.query('DELETE FROM aqe_store_owners WHERE expires_at < $1', [now - 3_600_000]);
      this.lastHeartbeatError = undefined;
      return rowCount ?? 0;
    } catch (err) {
      this.lastHeartbeatError = (err as Error).message;
      throw this.storeError('heartbeat', err);
    }
  }

  /** Deletes expired entries and aged-out reservations; returns how many entries went. */
  async purgeExpired(): Promise<number> {
    const now = this.now();
    await this.sql('purgeExpired', 'DELETE FROM aqe_budget_reservations WHERE created_at <= $1', [now - this.reservationTtlMs]);
    const { rowCount } = await this.sql('purgeExpired', 'DELETE FROM aqe_entries WHERE expires_at IS NOT NULL AND expires_at <= $1', [now]);
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

  /** Ends the pool. This owner's lease is dropped so its (already settled or released) reservations need no wait. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    try {
      if (this.readyPromise) {
        await this.readyPromise.catch(() => undefined);
        await this.pool.query('DELETE FROM aqe_store_owners WHERE owner_id = $1', [this.ownerId]).catch(() => undefined);
      }
    } finally {
      await this.pool.end();
    }
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
