import { createRequire } from 'node:module';

/**
 * better-sqlite3 before 13 aborts the whole process on Node 24.19 and later (an `Assertion failed: (env) !=
 * nullptr` in RemoveEnvironmentCleanupHook when a garbage-collected Statement is finalized; upstream
 * WiseLibs/better-sqlite3#1515, fixed in 13, which needs Node 22 or later). We keep 12 because it is the only
 * line that runs on Node 20, so on such a Node the SQLite store is refused up front with what to do instead,
 * rather than crashing at a random moment later.
 */
export function sqliteDriverProblem(nodeVersion: string, driverVersion: string): string | undefined {
  const [major = 0, minor = 0] = nodeVersion.replace(/^v/, '').split('.').map(Number);
  const driverMajor = Number(driverVersion.split('.')[0]);
  if (driverMajor >= 13 || major < 24 || (major === 24 && minor < 19)) return undefined;
  return (
    `the SQLite store's driver (better-sqlite3 ${driverVersion}) aborts the process on Node ${nodeVersion} ` +
    '(upstream WiseLibs/better-sqlite3#1515); run aqe on Node 20 or 22, or use database.type "postgres"'
  );
}

export function installedSqliteDriverVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('better-sqlite3/package.json') as { version: string }).version;
}
