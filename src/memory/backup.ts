import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { AqeError, ErrorCodes } from '../errors.js';
import { requireInputPath } from '../input-file.js';
import { LATEST_SCHEMA_VERSION } from './migrations.js';

/**
 * Online backups of the SQLite store plus the config file, and verified restores.
 * The copy uses SQLite's backup API in a single step, i.e. one read transaction: a consistent snapshot
 * even while fleet processes keep writing (WAL readers never block writers).
 */

export const MANIFEST_FILE = 'manifest.json';

const ManifestFileSchema = z.object({
  name: z.string().min(1).refine((n) => basename(n) === n, 'must be a plain file name'),
  role: z.enum(['database', 'config']),
  /** Where the file came from: relative to the working directory of the backup, or absolute. */
  source: z.string().min(1),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const ManifestSchema = z.object({
  format: z.literal(1),
  tool: z.literal('aqe'),
  version: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int().min(0),
  files: z.array(ManifestFileSchema).min(1),
});

export type BackupManifest = z.infer<typeof ManifestSchema>;
export type BackupFile = z.infer<typeof ManifestFileSchema>;

export function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

function fail(message: string, details?: Record<string, unknown>): never {
  throw new AqeError(ErrorCodes.BACKUP, message, details);
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** 2026-11-25T13:45:00.123Z -> 20261125T134500Z */
function compactUtc(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function portablePath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Highest applied schema version, read-only (0 when the database has no schema_version table). */
function readSchemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
  if (!table) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  return row.v ?? 0;
}

function integrityProblems(db: Database.Database): string[] {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  const msgs = rows.map((r) => r.integrity_check);
  return msgs.length === 1 && msgs[0] === 'ok' ? [] : msgs;
}

export interface BackupOptions {
  /** The SQLite file of the store (database.path). */
  dbPath: string;
  /** The config file to include, if any. */
  configPath?: string;
  /** Parent folder of the backup folder; default `backups` (relative to cwd). */
  outDir?: string;
  cwd?: string;
  now?: Date;
  busyTimeoutMs?: number;
}

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
}

/** Copy the live store (consistent snapshot) and the config into `<outDir>/aqe-<version>-<UTC time>/`. */
export async function createBackup(opts: BackupOptions): Promise<BackupResult> {
  const cwd = opts.cwd ?? process.cwd();
  const dbPath = resolve(cwd, opts.dbPath);
  if (!existsSync(dbPath)) fail(`database ${portablePath(dbPath, cwd)} not found; nothing to back up (check database.path)`, { dbPath });
  const configPath = opts.configPath ? resolve(cwd, opts.configPath) : undefined;
  if (configPath && !existsSync(configPath)) fail(`config file ${portablePath(configPath, cwd)} not found`, { configPath });

  const version = packageVersion();
  const now = opts.now ?? new Date();
  const outDir = resolve(cwd, opts.outDir ?? 'backups');
  let name = `aqe-${version}-${compactUtc(now)}`;
  for (let i = 2; existsSync(join(outDir, name)); i++) name = `aqe-${version}-${compactUtc(now)}-${i}`;
  const dir = join(outDir, name);
  const staging = `${dir}.partial-${process.pid}`;
  mkdirSync(staging, { recursive: true, mode: 0o700 });

  try {
    const dbName = basename(dbPath);
    const dbCopy = join(staging, dbName);
    let src: Database.Database;
    try {
      src = new Database(dbPath, { readonly: true, fileMustExist: true });
    } catch (err) {
      fail(`cannot open database ${portablePath(dbPath, cwd)}: ${(err as Error).message}`, { dbPath });
    }
    try {
      src.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 10_000}`);
      // All pages in one step: one read transaction, so the copy is a consistent snapshot.
      await src.backup(dbCopy, { progress: () => 0x7fffffff });
    } catch (err) {
      fail(`backup of ${portablePath(dbPath, cwd)} failed: ${(err as Error).message}`, { dbPath });
    } finally {
      src.close();
    }

    // A self-contained single file (no -wal needed), checked before we call it a backup.
    const copy = new Database(dbCopy, { fileMustExist: true });
    let schemaVersion: number;
    try {
      copy.pragma('journal_mode = DELETE');
      const problems = integrityProblems(copy);
      if (problems.length) fail(`the backup copy failed PRAGMA integrity_check: ${problems.slice(0, 5).join('; ')}`);
      schemaVersion = readSchemaVersion(copy);
    } finally {
      copy.close();
    }

    const files: BackupFile[] = [
      { name: dbName, role: 'database', source: portablePath(dbPath, cwd), bytes: statSync(dbCopy).size, sha256: sha256File(dbCopy) },
    ];
    if (configPath) {
      const cfgName = basename(configPath) === dbName ? `config-${basename(configPath)}` : basename(configPath);
      const cfgCopy = join(staging, cfgName);
      copyFileSync(configPath, cfgCopy);
      files.push({ name: cfgName, role: 'config', source: portablePath(configPath, cwd), bytes: statSync(cfgCopy).size, sha256: sha256File(cfgCopy) });
    }
    const manifest: BackupManifest = { format: 1, tool: 'aqe', version, createdAt: now.toISOString(), schemaVersion, files };
    writeFileSync(join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
    renameSync(staging, dir);
    return { dir, manifest };
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  manifest?: BackupManifest;
}

/** Check a backup folder: manifest, every file's size and sha256, integrity_check and schema version. */
export function verifyBackup(dir: string): VerifyResult {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(dir)) return { ok: false, problems: [`${dir} does not exist`] };
  if (!existsSync(manifestPath)) return { ok: false, problems: [`${dir} is not an aqe backup: ${MANIFEST_FILE} is missing`] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (err) {
    return { ok: false, problems: [`${MANIFEST_FILE} is not valid JSON: ${(err as Error).message}`] };
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${MANIFEST_FILE}: ${i.path.join('.') || '(root)'}: ${i.message}`) };
  }
  const manifest = parsed.data;
  const problems: string[] = [];
  const dbFiles = manifest.files.filter((f) => f.role === 'database');
  if (dbFiles.length !== 1) problems.push(`${MANIFEST_FILE}: expected exactly one database file, found ${dbFiles.length}`);
  for (const f of manifest.files) {
    const p = join(dir, f.name);
    if (!existsSync(p)) {
      problems.push(`${f.name} is listed in ${MANIFEST_FILE} but missing`);
      continue;
    }
    const size = statSync(p).size;
    if (size !== f.bytes) problems.push(`${f.name}: size ${size} bytes, manifest says ${f.bytes}`);
    else if (sha256File(p) !== f.sha256) problems.push(`${f.name}: sha256 does not match the manifest (the file was changed or corrupted)`);
  }
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
    problems.push(`schema version ${manifest.schemaVersion} is newer than this aqe release supports (${LATEST_SCHEMA_VERSION}); restore it with a newer aqe`);
  }
  if (problems.length === 0 && dbFiles.length === 1) {
    let db: Database.Database | undefined;
    try {
      db = new Database(join(dir, dbFiles[0].name), { readonly: true, fileMustExist: true });
      problems.push(...integrityProblems(db).slice(0, 5).map((m) => `${dbFiles[0].name}: integrity_check: ${m}`));
      const v = readSchemaVersion(db);
      if (v !== manifest.schemaVersion) problems.push(`${dbFiles[0].name}: schema version ${v}, manifest says ${manifest.schemaVersion}`);
      if (v > LATEST_SCHEMA_VERSION) problems.push(`${dbFiles[0].name}: schema version ${v} is newer than this aqe release supports (${LATEST_SCHEMA_VERSION})`);
    } catch (err) {
      problems.push(`${dbFiles[0].name} cannot be read as a SQLite database: ${(err as Error).message}`);
    } finally {
      db?.close();
    }
  }
  return { ok: problems.length === 0, problems, manifest };
}

export interface RestoreOptions {
  cwd?: string;
  /** Where to put the database; default the path it was backed up from (relative to cwd). */
  dbPath?: string;
  /** Where to put the config; default the path it was backed up from (relative to cwd). */
  configPath?: string;
  /** Replace existing files (they are moved aside to `<file>.replaced-<time>`, never deleted). */
  force?: boolean;
  now?: Date;
}

export interface RestoredFile {
  role: 'database' | 'config';
  from: string;
  to: string;
  /** Where the file that was there before now is (plus its -wal/-shm for the database). */
  movedAside: string[];
}

export interface RestoreResult {
  dir: string;
  manifest: BackupManifest;
  restored: RestoredFile[];
}

/**
 * Restore a backup made by createBackup after verifying it. Stop the fleet first: a process that keeps the
 * old database open would keep writing to the file moved aside.
 */
export function restoreBackup(dir: string, opts: RestoreOptions = {}): RestoreResult {
  const cwd = opts.cwd ?? process.cwd();
  const backupDir = resolve(cwd, dir);
  // a missing or unusable folder is missing input (exit 2); a folder that fails verification is bad content (1)
  requireInputPath(backupDir, 'backup folder', 'directory', dir);
  const check = verifyBackup(backupDir);
  if (!check.ok || !check.manifest) {
    throw new AqeError(ErrorCodes.BACKUP, `backup ${dir} failed verification; nothing was restored: ${check.problems.join('; ')}`, {
      problems: check.problems,
    });
  }
  const manifest = check.manifest;
  const plan = manifest.files.map((f) => {
    const override = f.role === 'database' ? opts.dbPath : opts.configPath;
    return { file: f, from: join(backupDir, f.name), to: resolve(cwd, override ?? f.source) };
  });
  const existing = plan.filter((p) => existsSync(p.to)).map((p) => portablePath(p.to, cwd));
  if (existing.length && !opts.force) {
    fail(`restore would replace ${existing.join(', ')}; pass --force to replace (the current files are moved aside, never deleted)`, {
      existing,
    });
  }

  const stamp = compactUtc(opts.now ?? new Date());
  const restored: RestoredFile[] = [];
  for (const { file, from, to } of plan) {
    mkdirSync(dirname(to), { recursive: true });
    const tmp = `${to}.restoring-${process.pid}`;
    copyFileSync(from, tmp);
    const movedAside: string[] = [];
    const companions = file.role === 'database' ? ['', '-wal', '-shm', '-journal'] : [''];
    for (const suffix of companions) {
      const current = `${to}${suffix}`;
      if (!existsSync(current)) continue;
      let aside = `${to}.replaced-${stamp}${suffix}`;
      for (let i = 2; existsSync(aside); i++) aside = `${to}.replaced-${stamp}-${i}${suffix}`;
      renameSync(current, aside);
      movedAside.push(portablePath(aside, cwd));
    }
    renameSync(tmp, to);
    restored.push({ role: file.role, from: portablePath(from, cwd), to: portablePath(to, cwd), movedAside });
  }
  return { dir: backupDir, manifest, restored };
}
