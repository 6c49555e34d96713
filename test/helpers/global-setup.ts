import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

// End-to-end tests run the real `aqe` binary, which loads dist/. Rebuild when any source file is newer.
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The machine's own PostgreSQL (trust auth), used for the PostgreSQL tests when AQE_TEST_PG_URL names none. */
const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export default async function setup(): Promise<void> {
  // Set before the test workers start, so they inherit it (test/helpers/pg.ts reads it).
  if (!process.env.AQE_TEST_PG_URL && (await reachable(LOCAL_PG))) process.env.AQE_TEST_PG_URL = LOCAL_PG;
  buildDist();
}

/** tsc writes every output file on each build (npm install's `prepare` included), so dist/ is current when its
 * newest file is at least as new as the newest source file. */
function buildDist(): void {
  if (existsSync('dist') && newestMtime('dist') >= newestMtime('src')) return;
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  } catch {
    // tsc still emits on type errors (noEmitOnError: false); typecheck reports them separately
  }
}
