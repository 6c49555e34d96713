import { createRequire } from 'node:module';
import type pg from 'pg';

let driver: typeof pg | undefined;

/**
 * The pg driver, loaded on first use: a SQLite deployment (the default) never loads it, which keeps about 15 MB
 * out of every process that does not talk to PostgreSQL. pg is CommonJS, so a synchronous require is enough.
 */
export function pgDriver(): typeof pg {
  return (driver ??= createRequire(import.meta.url)('pg') as typeof pg);
}
