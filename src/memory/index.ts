import { isAbsolute, resolve } from 'node:path';
import type { FleetConfig } from '../config/schema.js';
import { AqeError, ErrorCodes } from '../errors.js';
import { SqliteMemoryStore, type SqliteMemoryStoreOptions } from './sqlite-store.js';
import type { MemoryStore } from './types.js';

export * from './types.js';
export { SqliteMemoryStore, utcDay, utcMonth, type SqliteMemoryStoreOptions } from './sqlite-store.js';
export { SwarmMemoryManager, SYSTEM_CALLER, DEFAULT_PARTITION, canAccess, type MemoryOperation } from './SwarmMemoryManager.js';
export { OwnerLease, DEFAULT_HEARTBEAT_MS, DEFAULT_STALE_AFTER_MS, type OwnerLeaseOptions, type SweepHandler } from './owner-lease.js';
export { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';

/**
 * The store named by config.database. A relative sqlite path is resolved against `cwd` (default
 * process.cwd()); its directory is created on first use.
 */
export function openMemoryStore(
  database: FleetConfig['database'],
  cwd: string = process.cwd(),
  opts?: SqliteMemoryStoreOptions,
): MemoryStore {
  if (database.type === 'postgres') {
    throw new AqeError(
      ErrorCodes.STORE,
      'database.type "postgres": the PostgreSQL backend is not in this release; set database.type to "sqlite" (database.path, default data/fleet.db)',
      { field: 'database.type', value: 'postgres' },
    );
  }
  const path = database.path === ':memory:' || isAbsolute(database.path) ? database.path : resolve(cwd, database.path);
  return new SqliteMemoryStore(path, opts);
}
