import { isAbsolute, resolve } from 'node:path';
import type { FleetConfig } from '../config/schema.js';
import { AqeError, ErrorCodes } from '../errors.js';
import { registerSecret } from '../secrets.js';
import { PgMemoryStore } from './pg-store.js';
import { installedSqliteDriverVersion, sqliteDriverProblem } from './sqlite-node-compat.js';
import { SqliteMemoryStore, type SqliteMemoryStoreOptions } from './sqlite-store.js';
import type { MemoryStore } from './types.js';

export * from './types.js';
export { SqliteMemoryStore, utcDay, utcMonth, type SqliteMemoryStoreOptions } from './sqlite-store.js';
export { SwarmMemoryManager, SYSTEM_CALLER, DEFAULT_PARTITION, canAccess, type MemoryOperation } from './SwarmMemoryManager.js';
export { OwnerLease, DEFAULT_HEARTBEAT_MS, DEFAULT_STALE_AFTER_MS, type OwnerLeaseOptions, type SweepHandler } from './owner-lease.js';
export { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';
export { PgMemoryStore, redactUrl, type PgMemoryStoreOptions, type PgTlsOptions } from './pg-store.js';
export { PG_LATEST_SCHEMA_VERSION, PG_MIGRATIONS } from './pg-migrations.js';

/**
 * The store named by config.database. A relative sqlite path is resolved against `cwd` (default
 * process.cwd()); its directory is created on first use. A postgres store connects and migrates on first use
 * (or when its init() is called): FleetManager.initialize calls it so a bad URL fails at start-up.
 */
export function openMemoryStore(
  database: FleetConfig['database'],
  cwd: string = process.cwd(),
  opts?: SqliteMemoryStoreOptions & { replica?: string },
): MemoryStore {
  if (database.type === 'postgres') {
    if (!database.url) {
      throw new AqeError(
        ErrorCodes.STORE,
        'database.type "postgres" needs database.url (or the DATABASE_URL env var), e.g. postgres://aqe@db:5432/aqe',
        { field: 'database.url' },
      );
    }
    registerSecret(urlPassword(database.url));
    return new PgMemoryStore({
      url: database.url,
      tls: database.ssl,
      poolMax: database.poolMax,
      synchronousCommit: database.synchronousCommit,
      replica: opts?.replica,
      ...(opts?.now ? { now: opts.now } : {}),
      ...(opts?.purgeIntervalMs !== undefined ? { purgeIntervalMs: opts.purgeIntervalMs } : {}),
    });
  }
  const problem = sqliteDriverProblem(process.version, installedSqliteDriverVersion());
  if (problem) throw new AqeError(ErrorCodes.STORE, problem, { field: 'database.type' });
  const path = database.path === ':memory:' || isAbsolute(database.path) ? database.path : resolve(cwd, database.path);
  return new SqliteMemoryStore(path, opts);
}

function urlPassword(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
