import type Database from 'better-sqlite3';
import { AqeError, ErrorCodes } from '../errors.js';

/**
 * Forward-only schema migrations for the SQLite store. Append new steps at the end with the next
 * version number; never edit a step that has shipped (existing databases have already run it).
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'entries, cost records, budget reservations',
    sql: `
      CREATE TABLE entries (
        partition    TEXT    NOT NULL,
        key          TEXT    NOT NULL,
        value        TEXT    NOT NULL,
        owner        TEXT    NOT NULL,
        access_level TEXT    NOT NULL,
        team_id      TEXT,
        swarm_id     TEXT,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        expires_at   INTEGER,
        PRIMARY KEY (partition, key)
      ) WITHOUT ROWID;
      CREATE INDEX entries_expires_at ON entries (expires_at) WHERE expires_at IS NOT NULL;
      CREATE INDEX entries_partition_updated ON entries (partition, updated_at);

      CREATE TABLE cost_records (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        reservation_id TEXT UNIQUE,
        task_id        TEXT    NOT NULL,
        model_name     TEXT    NOT NULL,
        agent_type     TEXT    NOT NULL,
        input_tokens   INTEGER NOT NULL,
        output_tokens  INTEGER NOT NULL,
        cost           REAL    NOT NULL,
        estimated      INTEGER NOT NULL,
        at             INTEGER NOT NULL,
        day            TEXT    NOT NULL,
        month          TEXT    NOT NULL
      );
      CREATE INDEX cost_records_day ON cost_records (day);
      CREATE INDEX cost_records_month ON cost_records (month);
      CREATE INDEX cost_records_at ON cost_records (at);

      CREATE TABLE budget_reservations (
        id         TEXT    PRIMARY KEY,
        task_id    TEXT    NOT NULL,
        amount     REAL    NOT NULL,
        day        TEXT    NOT NULL,
        month      TEXT    NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX budget_reservations_day ON budget_reservations (day);
      CREATE INDEX budget_reservations_month ON budget_reservations (month);
    `,
  },
  {
    version: 2,
    description: 'running budget totals per day and month (reserveBudget stays O(1) as cost records grow)',
    sql: `
      CREATE TABLE budget_totals (
        kind   TEXT NOT NULL CHECK (kind IN ('daily', 'monthly')),
        period TEXT NOT NULL,
        spent  REAL NOT NULL,
        PRIMARY KEY (kind, period)
      ) WITHOUT ROWID;
      INSERT INTO budget_totals (kind, period, spent) SELECT 'daily', day, SUM(cost) FROM cost_records GROUP BY day;
      INSERT INTO budget_totals (kind, period, spent) SELECT 'monthly', month, SUM(cost) FROM cost_records GROUP BY month;
    `,
  },
  {
    version: 3,
    description: 'process owners with heartbeats; reservations carry their owner; unsettled and simulated cost records',
    sql: `
      CREATE TABLE process_owners (
        id           TEXT    PRIMARY KEY,
        role         TEXT    NOT NULL,
        pid          INTEGER NOT NULL,
        host         TEXT    NOT NULL,
        started_at   INTEGER NOT NULL,
        heartbeat_at INTEGER NOT NULL,
        state        TEXT    NOT NULL CHECK (state IN ('alive', 'stopped', 'dead')),
        ended_at     INTEGER,
        claimed_by   TEXT
      );
      CREATE INDEX process_owners_state_heartbeat ON process_owners (state, heartbeat_at);

      ALTER TABLE budget_reservations ADD COLUMN owner_id TEXT;
      ALTER TABLE budget_reservations ADD COLUMN model_name TEXT;
      ALTER TABLE budget_reservations ADD COLUMN agent_type TEXT;
      CREATE INDEX budget_reservations_owner ON budget_reservations (owner_id);

      ALTER TABLE cost_records ADD COLUMN status TEXT NOT NULL DEFAULT 'settled'
        CHECK (status IN ('settled', 'unsettled', 'simulated'));
      ALTER TABLE budget_totals ADD COLUMN simulated REAL NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 4,
    description: 'budget slices: the journal of calls in flight inside a process slice (booked by name if it dies)',
    sql: `
      CREATE TABLE budget_slice_calls (
        id         TEXT PRIMARY KEY,
        slice_id   TEXT NOT NULL,
        task_id    TEXT NOT NULL,
        model_name TEXT NOT NULL,
        agent_type TEXT NOT NULL,
        amount     REAL NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX budget_slice_calls_slice ON budget_slice_calls (slice_id);
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Current schema version of an open database (0 when it has none yet). */
export function schemaVersion(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    description TEXT    NOT NULL,
    applied_at  INTEGER NOT NULL
  )`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Bring the database up to `migrations`' last version. Runs in one IMMEDIATE transaction and reads the
 * version inside it, so two processes opening a fresh file at once apply each step exactly once.
 * Returns the versions applied.
 */
export function migrate(db: Database.Database, file: string, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const run = db.transaction((): number[] => {
    const current = schemaVersion(db);
    if (current > latest) {
      throw new AqeError(
        ErrorCodes.MIGRATION,
        `database ${file} has schema version ${current}, newer than this aqe release supports (${latest}); upgrade aqe or use another database.path`,
        { file, current, supported: latest },
      );
    }
    const applied: number[] = [];
    const record = db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)');
    for (const m of migrations) {
      if (m.version <= current) continue;
      try {
        db.exec(m.sql);
      } catch (err) {
        throw new AqeError(
          ErrorCodes.MIGRATION,
          `database ${file}: schema migration ${m.version} (${m.description}) failed: ${(err as Error).message}`,
          { file, version: m.version },
          { cause: err },
        );
      }
      record.run(m.version, m.description, Date.now());
      applied.push(m.version);
    }
    return applied;
  });
  return run.immediate();
}
