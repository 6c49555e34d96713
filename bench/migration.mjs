#!/usr/bin/env node
// Migration tools: config migration per file, migrate-agents on the fixture project, online backup of a
// 20k-entry store while another process writes, and backup verification. Prints one JSON object.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { planConfigMigration } from '../dist/config/migrate-plan.js';
import { migrateAgents } from '../dist/migrate/agents.js';
import { createBackup, verifyBackup } from '../dist/memory/backup.js';
import { SqliteMemoryStore } from '../dist/memory/sqlite-store.js';

const root = new URL('..', import.meta.url).pathname;
const fixtures = join(root, 'test', 'fixtures', 'migration');
const tmp = mkdtempSync(join(tmpdir(), 'aqe-bench-migration-'));
const ms = (t0) => Number((performance.now() - t0).toFixed(2));

try {
  // 1. config migrate (parse, transform, print) on the full v1.0.4 fixture
  const text = readFileSync(join(fixtures, 'fleet.v1.0.4.yaml'), 'utf8');
  const runs = 200;
  planConfigMigration(text);
  let t0 = performance.now();
  for (let i = 0; i < runs; i++) planConfigMigration(text);
  const configMigrateMsPerFile = Number((ms(t0) / runs).toFixed(3));

  // 2. migrate-agents on a copy of the fixture project (ts-morph project load + type checker)
  const proj = join(tmp, 'agents');
  cpSync(join(fixtures, 'agents-project'), proj, { recursive: true });
  t0 = performance.now();
  const agents = migrateAgents(proj);
  const migrateAgentsMs = ms(t0);
  t0 = performance.now();
  migrateAgents(proj);
  const migrateAgentsSecondRunMs = ms(t0);

  // 3. online backup of a store with 20k entries while another process writes
  const dbPath = join(tmp, 'fleet.db');
  const store = new SqliteMemoryStore(dbPath);
  const now = Date.now();
  const batch = [];
  for (let i = 0; i < 20_000; i++) {
    batch.push({ key: `k${i}`, partition: 'bench', value: { i, text: 'x'.repeat(200) }, owner: 'system', accessLevel: 'swarm', createdAt: now, updatedAt: now });
  }
  await store.putMany(batch);
  await store.close();
  const writerScript = join(tmp, 'writer.mjs');
  writeFileSync(
    writerScript,
    `import { createRequire } from 'node:module';
const Database = createRequire(${JSON.stringify(join(root, 'package.json'))})('better-sqlite3');
const db = new Database(process.argv[2]); db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000');
const put = db.prepare("INSERT OR REPLACE INTO entries (partition, key, value, owner, access_level, created_at, updated_at) VALUES ('w', ?, '{}', 'w', 'swarm', 0, 0)");
let i = 0; process.stdout.write('ready\\n');
for (;;) { put.run('n' + (i++ % 1000)); if (i % 100 === 0) await new Promise((r) => setImmediate(r)); }
`,
  );
  const writer = spawn(process.execPath, [writerScript, dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => writer.stdout.once('data', r));
  t0 = performance.now();
  const { dir, manifest } = await createBackup({ dbPath, outDir: join(tmp, 'backups') });
  const backupMs = ms(t0);
  writer.kill();
  t0 = performance.now();
  const verified = verifyBackup(dir);
  const verifyMs = ms(t0);
  const dbBytes = statSync(join(dir, manifest.files[0].name)).size;

  process.stdout.write(
    JSON.stringify({
      configMigrateMsPerFile,
      migrateAgentsMs,
      migrateAgentsSecondRunMs,
      agentClassesMigrated: agents.classes.filter((c) => c.status === 'migrated').length,
      backupEntries: 20_000,
      backupDbMB: Number((dbBytes / 1e6).toFixed(2)),
      backupWhileWritingMs: backupMs,
      backupMBps: Number((dbBytes / 1e6 / (backupMs / 1000)).toFixed(1)),
      verifyMs,
      verifyOk: verified.ok,
    }) + '\n',
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
