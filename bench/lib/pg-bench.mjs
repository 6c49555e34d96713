// What the PostgreSQL benches share: a fresh database on the bench server, and `aqe serve` replicas as child
// processes that report the URL they listen on.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import process from 'node:process';
import pg from 'pg';

/** AQE_BENCH_PG_URL or AQE_TEST_PG_URL, else the machine's own server (trust auth). */
export const PG_ADMIN_URL = process.env.AQE_BENCH_PG_URL || process.env.AQE_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates `<prefix>_<random>` on the bench server. Resolves to { url, drop } or, when no server answers, to
 * { skipped } with the reason (the password masked), which the bench prints as its JSON.
 */
export async function createBenchDatabase(prefix = 'aqe_bench') {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    return { skipped: `no PostgreSQL at ${PG_ADMIN_URL.replace(/:[^:@/]*@/, ':***@')}: ${err.message}` };
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** `aqe serve --port 0 --json` as replica `name`; `url` resolves once it prints its "listening" line. */
export function startReplica(root, config, name, dir) {
  const child = spawn(process.execPath, [join(root, 'bin', 'aqe.js'), 'serve', '--port', '0', '--json', '--config', config], {
    cwd: dir,
    env: { PATH: process.env.PATH, AQE_REPLICA: name, HOME: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (line) resolve(JSON.parse(line).url);
    });
    child.once('exit', (code) => reject(new Error(`replica ${name} exited ${code}: ${err.slice(-500)}`)));
  });
  return { child, name, url };
}
