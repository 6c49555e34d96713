import type { PoolClient } from 'pg';
import { AqeError, ErrorCodes } from '../errors.js';
import type { Migration } from './migrations.js';

/**
 * Forward-only schema migrations for the PostgreSQL store, recorded in aqe_schema_version. Append new steps
 * with the next version number; never edit a step that has shipped.
 *
 * Text columns that are ordered or prefix-matched use COLLATE "C" so ordering is bytewise, as in SQLite.
 * Money is double precision (SQLite REAL) so both stores round the same way.
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'entries, cost records, budget totals, reservations with owner leases',
    sql: `
      CREATE TABLE aqe_entries (
        partition    TEXT COLLATE "C" NOT NULL,
        key          TEXT COLLATE "C" NOT NULL,
        value        TEXT   NOT NULL,
        owner        TEXT   NOT NULL,
        access_level TEXT   NOT NULL,
        team_id      TEXT,
        swarm_id     TEXT,
        created_at   BIGINT NOT NULL,
        updated_at   BIGINT NOT NULL,
        expires_at   BIGINT,
        PRIMARY KEY (partition, key)
      );
      CREATE INDEX aqe_entries_expires_at ON aqe_entries (expires_at) WHERE expires_at IS NOT NULL;
      CREATE INDEX aqe_entries_partition_updated ON aqe_entries (partition, updated_at);

      CREATE TABLE aqe_cost_records (
        id             BIGSERIAL PRIMARY KEY,
        reservation_id TEXT UNIQUE,
        task_id        TEXT    NOT NULL,
        model_name     TEXT    NOT NULL,
        agent_type     TEXT    NOT NULL,
        input_tokens   BIGINT  NOT NULL,
        output_tokens  BIGINT  NOT NULL,
        cost           DOUBLE PRECISION NOT NULL,
        estimated      BOOLEAN NOT NULL,
        at             BIGINT  NOT NULL,
        day            TEXT    NOT NULL,
        month          TEXT    NOT NULL
      );
      CREATE INDEX aqe_cost_records_at ON aqe_cost_records (at);

      -- One row per budget window and period: reserveBudget locks it (FOR UPDATE), which serialises
      -- every reservation of that window across all replicas.
      CREATE TABLE aqe_budget_totals (
        kind   TEXT NOT NULL CHECK (kind IN ('daily', 'monthly')),
        period TEXT NOT NULL,
        spent  DOUBLE PRECISION NOT NULL DEFAULT 0,
        PRIMARY KEY (kind, period)
      );

      -- Replicas holding reservations renew their lease here; a reservation whose owner's lease ran out
      -- is released by whichever replica notices first.
      CREATE TABLE aqe_store_owners (
        owner_id   TEXT PRIMARY KEY,
        label      TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );

      CREATE TABLE aqe_budget_reservations (
        id         TEXT PRIMARY KEY,
        task_id    TEXT NOT NULL,
        owner_id   TEXT NOT NULL,
        amount     DOUBLE PRECISION NOT NULL,
        day        TEXT NOT NULL,
        month      TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX aqe_budget_reservations_day ON aqe_budget_reservations (day, created_at);
      CREATE INDEX aqe_budget_reservations_month ON aqe_budget_reservations (month, created_at);
      CREATE INDEX aqe_budget_reservations_owner ON aqe_budget_reservations (owner_id);
    `,
  },
  {
    version: 2,
    description: 'reserve and settle as server-side functions (one round trip while the budget rows are locked)',
    sql: `
      CREATE FUNCTION aqe_lock_budget(p_kind TEXT, p_period TEXT) RETURNS DOUBLE PRECISION
      LANGUAGE plpgsql AS $$
      DECLARE v_spent DOUBLE PRECISION;
      BEGIN
        SELECT spent INTO v_spent FROM aqe_budget_totals WHERE kind = p_kind AND period = p_period FOR UPDATE;
        IF NOT FOUND THEN
          INSERT INTO aqe_budget_totals (kind, period, spent) VALUES (p_kind, p_period, 0) ON CONFLICT DO NOTHING;
          SELECT spent INTO v_spent FROM aqe_budget_totals WHERE kind = p_kind AND period = p_period FOR UPDATE;
        END IF;
        RETURN v_spent;
      END $$;

      -- Windows arrive daily first, then monthly: every transaction locks budget rows in that order.
      CREATE FUNCTION aqe_reserve(
        p_id TEXT, p_task TEXT, p_owner TEXT, p_amount DOUBLE PRECISION, p_day TEXT, p_month TEXT,
        p_now BIGINT, p_live_since BIGINT, p_names TEXT[], p_periods TEXT[], p_limits DOUBLE PRECISION[],
        p_epsilon DOUBLE PRECISION,
        OUT ok BOOLEAN, OUT budget TEXT, OUT used DOUBLE PRECISION, OUT lim DOUBLE PRECISION)
      LANGUAGE plpgsql AS $$
      DECLARE
        i INT;
        v_spent DOUBLE PRECISION;
        v_held DOUBLE PRECISION;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(p_names, 1), 0) LOOP
          v_spent := aqe_lock_budget(p_names[i], p_periods[i]);
          IF p_names[i] = 'daily' THEN
            SELECT coalesce(sum(amount), 0) INTO v_held FROM aqe_budget_reservations
              WHERE day = p_periods[i] AND created_at > p_live_since;
          ELSE
            SELECT coalesce(sum(amount), 0) INTO v_held FROM aqe_budget_reservations
              WHERE month = p_periods[i] AND created_at > p_live_since;
          END IF;
          IF v_spent + v_held + p_amount > p_limits[i] + p_epsilon THEN
            ok := false; budget := p_names[i]; used := v_spent + v_held; lim := p_limits[i];
            RETURN;
          END IF;
        END LOOP;
        INSERT INTO aqe_budget_reservations (id, task_id, owner_id, amount, day, month, created_at)
          VALUES (p_id, p_task, p_owner, p_amount, p_day, p_month, p_now);
        ok := true;
      END $$;

      -- Records the cost once per reservation; the budget rows are updated (and so locked) before the
      -- reservation is deleted, so a concurrent reserve never sees the hold gone without the spend.
      CREATE FUNCTION aqe_settle(
        p_reservation TEXT, p_task TEXT, p_model TEXT, p_agent TEXT, p_in BIGINT, p_out BIGINT,
        p_cost DOUBLE PRECISION, p_estimated BOOLEAN, p_at BIGINT, p_day TEXT, p_month TEXT,
        p_entry_key TEXT, p_entry_value TEXT, p_entry_partition TEXT) RETURNS BOOLEAN
      LANGUAGE plpgsql AS $$
      DECLARE v_inserted BIGINT;
      BEGIN
        INSERT INTO aqe_cost_records
          (reservation_id, task_id, model_name, agent_type, input_tokens, output_tokens, cost, estimated, at, day, month)
          VALUES (p_reservation, p_task, p_model, p_agent, p_in, p_out, p_cost, p_estimated, p_at, p_day, p_month)
          ON CONFLICT (reservation_id) DO NOTHING RETURNING id INTO v_inserted;
        IF v_inserted IS NOT NULL THEN
          PERFORM aqe_lock_budget('daily', p_day);
          UPDATE aqe_budget_totals SET spent = spent + p_cost WHERE kind = 'daily' AND period = p_day;
          PERFORM aqe_lock_budget('monthly', p_month);
          UPDATE aqe_budget_totals SET spent = spent + p_cost WHERE kind = 'monthly' AND period = p_month;
          INSERT INTO aqe_entries (partition, key, value, owner, access_level, created_at, updated_at)
            VALUES (p_entry_partition, p_entry_key, p_entry_value, 'system', 'system', p_at, p_at)
            ON CONFLICT (partition, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
        END IF;
        DELETE FROM aqe_budget_reservations WHERE id = p_reservation;
        RETURN v_inserted IS NOT NULL;
      END $$;
    `,
  },
];

export const PG_LATEST_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version;

/** Any fixed key: held (transaction-scoped) while migrating, so replicas starting together migrate once. */
const MIGRATION_LOCK = 7_264_001;

async function ensureVersionTable(client: PoolClient): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS aqe_schema_version (
    version     INTEGER PRIMARY KEY,
    description TEXT    NOT NULL,
    applied_at  BIGINT  NOT NULL
  )`);
}

export async function pgSchemaVersion(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ v: number | null }>(
    "SELECT CASE WHEN to_regclass('aqe_schema_version') IS NULL THEN 0 ELSE (SELECT max(version) FROM aqe_schema_version) END AS v",
  );
  return rows[0]?.v ?? 0;
}

/**
 * Bring the database up to the last migration in one transaction under an advisory lock. Returns the
 * versions applied. A database newer than this release is refused, naming both versions.
 */
export async function pgMigrate(client: PoolClient, label: string, migrations: readonly Migration[] = PG_MIGRATIONS): Promise<number[]> {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await ensureVersionTable(client);
    const current = await pgSchemaVersion(client);
    if (current > latest) {
      throw new AqeError(
        ErrorCodes.MIGRATION,
        `database ${label} has schema version ${current}, newer than this aqe release supports (${latest}); upgrade aqe or use another database.url`,
        { database: label, current, supported: latest },
      );
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= current) continue;
      try {
        await client.query(m.sql);
      } catch (err) {
        throw new AqeError(
          ErrorCodes.MIGRATION,
          `database ${label}: schema migration ${m.version} (${m.description}) failed: ${(err as Error).message}`,
          { database: label, version: m.version },
          { cause: err },
        );
      }
      await client.query('INSERT INTO aqe_schema_version (version, description, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.description,
        Date.now(),
      ]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
