import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup, verifyBackup } from '../../../src/memory/backup.js';
import { LATEST_SCHEMA_VERSION } from '../../../src/memory/migrations.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { AccessLevel } from '../../../src/memory/types.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'aqe-backup-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A store with a few entries, closed again (the fleet's own code creates the schema). */
async function seedStore(path: string, n = 20): Promise<void> {
  const store = new SqliteMemoryStore(path);
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    await store.put({ key: `k${i}`, partition: 'seed', value: { i }, owner: 'system', accessLevel: AccessLevel.SWARM, createdAt: now, updatedAt: now });
  }
  await store.close();
}

function dump(path: string): { entries: unknown[]; version: number } {
  const db = new Database(path, { readonly: true });
  try {
    const entries = db.prepare('SELECT partition, key, value FROM entries ORDER BY partition, key').all();
    const { v } = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number };
    return { entries, version: v };
  } finally {
    db.close();
  }
}

/** Another process writing pairs of rows in one transaction each, as fast as it can, until killed. */
function startWriter(dbPath: string, dir: string): Promise<ChildProcess> {
  const script = join(dir, 'writer.mjs');
  writeFileSync(
    script,
    `import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(process.cwd(), 'package.json'))});
const Database = require('better-sqlite3');
const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const put = db.prepare("INSERT INTO entries (partition, key, value, owner, access_level, created_at, updated_at) VALUES (?, ?, '{}', 'w', 'swarm', 0, 0)");
const pair = db.transaction((i) => { put.run('a', 'n' + i); put.run('b', 'n' + i); });
let i = 0;
for (;;) {
  pair(i++);
  if (i === 200) process.stdout.write('ready\\n');
  if (i % 50 === 0) await new Promise((r) => setImmediate(r));
}
`,
  );
  const child = spawn(process.execPath, [script, dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
}

describe('backup and restore of the SQLite store', () => {
  it('takes a consistent online copy while another process writes, and restores it into a fresh dir', async () => {
    const src = tempDir();
    mkdirSync(join(src, 'data'));
    mkdirSync(join(src, 'config'));
    const dbPath = join(src, 'data', 'fleet.db');
    writeFileSync(join(src, 'config', 'fleet.yaml'), 'fleet:\n  id: backup-test\ndatabase:\n  path: data/fleet.db\n');
    await seedStore(dbPath);
    const writer = await startWriter(dbPath, src);

    const { dir, manifest } = await createBackup({ dbPath: 'data/fleet.db', configPath: 'config/fleet.yaml', cwd: src, now: new Date('2026-11-25T13:45:00Z') });
    expect(writer.exitCode).toBeNull(); // still writing while we copied
    expect(dir).toBe(join(src, 'backups', 'aqe-1.0.5-20261125T134500Z'));
    expect(manifest).toMatchObject({ format: 1, version: '1.0.5', createdAt: '2026-11-25T13:45:00.000Z', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(manifest.files.map((f) => [f.role, f.name, f.source])).toEqual([
      ['database', 'fleet.db', 'data/fleet.db'],
      ['config', 'fleet.yaml', 'config/fleet.yaml'],
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).toEqual(manifest);
    // The copy is one self-contained file: no -wal next to it.
    expect(existsSync(join(dir, 'fleet.db-wal'))).toBe(false);

    const snap = dump(join(dir, 'fleet.db'));
    const rows = snap.entries as Array<{ partition: string; key: string }>;
    const a = rows.filter((r) => r.partition === 'a').length;
    const b = rows.filter((r) => r.partition === 'b').length;
    expect(a).toBeGreaterThanOrEqual(200);
    expect(a).toBe(b); // every transaction is wholly in or wholly out of the snapshot
    expect(rows.filter((r) => r.partition === 'seed')).toHaveLength(20);
    expect(verifyBackup(dir)).toMatchObject({ ok: true, problems: [] });

    writer.kill();
    const fresh = tempDir();
    const result = restoreBackup(dir, { cwd: fresh });
    expect(result.restored.map((r) => [r.role, r.to, r.movedAside])).toEqual([
      ['database', 'data/fleet.db', []],
      ['config', 'config/fleet.yaml', []],
    ]);
    expect(dump(join(fresh, 'data', 'fleet.db'))).toEqual(snap);
    expect(readFileSync(join(fresh, 'config', 'fleet.yaml'), 'utf8')).toBe(readFileSync(join(src, 'config', 'fleet.yaml'), 'utf8'));

    // The restored file opens with the fleet's own store and reads back the entries.
    const store = new SqliteMemoryStore(join(fresh, 'data', 'fleet.db'));
    expect((await store.get('seed', 'k7'))?.value).toEqual({ i: 7 });
    await store.close();
  });

  it('refuses to replace existing files without force, and moves them aside (never deletes) with force', async () => {
    const src = tempDir();
    const dbPath = join(src, 'fleet.db');
    await seedStore(dbPath, 3);
    const { dir } = await createBackup({ dbPath, cwd: src, outDir: join(src, 'out') });

    const target = tempDir();
    const targetDb = join(target, 'live.db');
    await seedStore(targetDb, 7);
    const before = readFileSync(targetDb);
    expect(() => restoreBackup(dir, { cwd: target, dbPath: 'live.db' })).toThrow(/would replace live.db; pass --force/);
    expect(readFileSync(targetDb).equals(before)).toBe(true);

    const now = new Date('2026-11-25T14:00:00Z');
    const r = restoreBackup(dir, { cwd: target, dbPath: 'live.db', force: true, now });
    expect(r.restored[0].movedAside).toContain('live.db.replaced-20261125T140000Z');
    expect(readFileSync(join(target, 'live.db.replaced-20261125T140000Z')).equals(before)).toBe(true);
    expect(dump(targetDb).entries).toHaveLength(3);
    // A second restore in the same second does not clobber the first aside copy.
    const r2 = restoreBackup(dir, { cwd: target, dbPath: 'live.db', force: true, now });
    expect(r2.restored[0].movedAside[0]).toBe('live.db.replaced-20261125T140000Z-2');
    expect(existsSync(join(target, 'live.db.replaced-20261125T140000Z'))).toBe(true);
  });

  it('refuses a corrupted backup and leaves the target alone', async () => {
    const src = tempDir();
    await seedStore(join(src, 'fleet.db'), 50);
    const { dir } = await createBackup({ dbPath: 'fleet.db', cwd: src });
    const file = join(dir, 'fleet.db');
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(file, bytes);

    const v = verifyBackup(dir);
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/fleet.db: sha256 does not match/);
    const target = tempDir();
    expect(() => restoreBackup(dir, { cwd: target })).toThrow(/failed verification; nothing was restored/);
    expect(existsSync(join(target, 'fleet.db'))).toBe(false);
  });

  it('runs integrity_check even when the manifest was rewritten to match a damaged file', async () => {
    const src = tempDir();
    await seedStore(join(src, 'fleet.db'), 400);
    const { dir, manifest } = await createBackup({ dbPath: 'fleet.db', cwd: src });
    const file = join(dir, 'fleet.db');
    const bytes = readFileSync(file);
    // Scribble over the second page (a b-tree page), keep the header intact.
    bytes.fill(0x41, 4096 + 8, 4096 + 600);
    writeFileSync(file, bytes);
    const { createHash } = await import('node:crypto');
    manifest.files[0].sha256 = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const v = verifyBackup(dir);
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/integrity_check|cannot be read|malformed/);
  });

  it('refuses a backup whose schema is newer than this release supports', async () => {
    const src = tempDir();
    await seedStore(join(src, 'fleet.db'), 1);
    const db = new Database(join(src, 'fleet.db'));
    db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)').run(LATEST_SCHEMA_VERSION + 1, 'from the future', 0);
    db.close();
    const { dir } = await createBackup({ dbPath: 'fleet.db', cwd: src });
    const v = verifyBackup(dir);
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toContain(`newer than this aqe release supports (${LATEST_SCHEMA_VERSION})`);
    expect(() => restoreBackup(dir, { cwd: tempDir() })).toThrow(/failed verification/);
  });

  it('reports a folder without a manifest and a missing database clearly', async () => {
    const empty = tempDir();
    expect(verifyBackup(empty).problems[0]).toMatch(/is not an aqe backup: manifest.json is missing/);
    expect(verifyBackup(join(empty, 'no-such-backup')).problems).toEqual([`${join(empty, 'no-such-backup')} does not exist`]);
    await expect(createBackup({ dbPath: 'nope.db', cwd: empty })).rejects.toThrow(/database nope.db not found/);
  });
});
