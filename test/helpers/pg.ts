import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests. AQE_TEST_PG_URL names a server (any database on it, e.g.
 * postgres://postgres@127.0.0.1:5432/postgres); each test file creates its own database there and drops it.
 * When it is unset, the global setup uses a PostgreSQL answering at 127.0.0.1:5432 (user postgres, trust auth)
 * if there is one. With neither, the PostgreSQL tests skip, saying so in their name, except under CI=true,
 * where .ci/run sets it and a missing server fails instead of skipping.
 */
export const PG_ADMIN_URL = process.env.AQE_TEST_PG_URL || undefined;
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export const PG_SKIP = !PG_ADMIN_URL && !IN_CI;
export const PG_SKIP_NOTE = PG_SKIP ? ' (skipped: no PostgreSQL at 127.0.0.1:5432 and no AQE_TEST_PG_URL; set it to run)' : '';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix = 'aqe_t'): Promise<TestDatabase> {
  if (!PG_ADMIN_URL) throw new Error('AQE_TEST_PG_URL is not set: the PostgreSQL tests must run in CI (.ci/run sets it)');
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Empties every aqe table (between tests sharing one database). */
export async function truncateAll(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ t: string }>(
      "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'aqe\\_%' AND tablename <> 'aqe_schema_version'",
    );
    for (const r of rows) await c.query(`DELETE FROM ${r.t}`);
  } finally {
    await c.end();
  }
}
