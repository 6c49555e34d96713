import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteMemoryStore } from '../../src/memory/sqlite-store.js';
import { AccessLevel } from '../../src/memory/types.js';

const AQE = join(process.cwd(), 'bin', 'aqe.js');
const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'migration');
const KEY = 'sk-ant-api03-FIXTUREKEYdoNotUse0123456789';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'aqe-e2e-migrate-'));
  dirs.push(d);
  return d;
}

function aqe(cwd: string, ...args: string[]) {
  const env = { ...process.env };
  delete env.AQE_CONFIG;
  const r = spawnSync(process.execPath, [AQE, ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('aqe config migrate', () => {
  it('migrates config/fleet.yaml by default, never echoes the key, and is idempotent', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'config'));
    cpSync(join(FIXTURES, 'fleet.v1.0.4.yaml'), join(cwd, 'config', 'fleet.yaml'));

    const dry = aqe(cwd, 'config', 'migrate', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--- a/config/fleet.yaml');
    expect(dry.stdout).toContain('+  multiModelRouter: false');
    expect(existsSync(join(cwd, 'config', 'fleet.v1.0.5.yaml'))).toBe(false);

    const run = aqe(cwd, 'config', 'migrate');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('migrated config/fleet.yaml -> config/fleet.v1.0.5.yaml');
    expect(run.stdout).toContain('ANTHROPIC_API_KEY');
    for (const out of [dry.stdout, dry.stderr, run.stdout, run.stderr, readFileSync(join(cwd, 'config', 'fleet.v1.0.5.yaml'), 'utf8')]) {
      expect(out).not.toContain(KEY);
      expect(out).not.toContain('FIXTUREKEY');
    }
    expect(aqe(cwd, 'config', 'validate', 'config/fleet.v1.0.5.yaml').code).toBe(0);

    const json = aqe(cwd, 'config', 'migrate', 'config/fleet.v1.0.5.yaml', 'config/other.yaml', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'current', written: false });
    expect(existsSync(join(cwd, 'config', 'other.yaml'))).toBe(false);
  });

  it('takes OLD and NEW as arguments, refuses to overwrite without --force and refuses bad input with exit 1', () => {
    const cwd = tempDir();
    cpSync(join(FIXTURES, 'fleet.v1.0.4-no-ai.yaml'), join(cwd, 'old.yaml'));
    writeFileSync(join(cwd, 'new.yaml'), 'keep me\n');
    const refused = aqe(cwd, 'config', 'migrate', 'old.yaml', 'new.yaml');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/AQE_ERR_MIGRATION: new.yaml already exists; pass --force/);
    expect(readFileSync(join(cwd, 'new.yaml'), 'utf8')).toBe('keep me\n');

    const forced = aqe(cwd, 'config', 'migrate', 'old.yaml', 'new.yaml', '--force', '--json');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ status: 'migrated', added: ['features', 'streaming'], removed: [] });

    cpSync(join(FIXTURES, 'not-yaml.yaml'), join(cwd, 'bad.yaml'));
    const bad = aqe(cwd, 'config', 'migrate', 'bad.yaml', 'out.yaml');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad.yaml is not valid YAML/);
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(cwd, 'out.yaml'))).toBe(false);

    cpSync(join(FIXTURES, 'fleet.v1.0.4-unknown.yaml'), join(cwd, 'legacy.yaml'));
    const unknown = aqe(cwd, 'config', 'migrate', 'legacy.yaml', 'out.yaml');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('telemetry, plugins');
    expect(existsSync(join(cwd, 'out.yaml'))).toBe(false);
  });
});

describe('aqe migrate-agents', () => {
  it('shows a diff with --dry-run, migrates, and changes nothing the second time', () => {
    const cwd = tempDir();
    cpSync(join(FIXTURES, 'agents-project'), cwd, { recursive: true });
    const dry = aqe(cwd, 'migrate-agents', '.', '--dry-run');
    expect(dry.stdout).toContain('+++ b/src/agents/direct.ts');
    expect(dry.stderr).toContain('not parsed, left untouched: src/broken.ts');
    expect(dry.code).toBe(1); // the unparsable file needs attention
    expect(readFileSync(join(cwd, 'src/agents/direct.ts'), 'utf8')).toContain('performTask(task: QETask)');

    const run = aqe(cwd, 'migrate-agents', '--json');
    const report = JSON.parse(run.stdout);
    expect(report.changed).toHaveLength(5);
    expect(readFileSync(join(cwd, 'src/agents/direct.ts'), 'utf8')).toContain('performTaskImpl(task: QETask, selection?: ModelSelection)');

    const again = JSON.parse(aqe(cwd, 'migrate-agents', '.', '--json').stdout);
    expect(again.changed).toEqual([]);
  }, 120_000);
});

describe('aqe backup / aqe restore', () => {
  it('backs up the store and config, restores into a fresh directory, and refuses a damaged backup', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'config'));
    writeFileSync(join(cwd, 'config', 'fleet.yaml'), 'fleet:\n  id: e2e\ndatabase:\n  path: data/fleet.db\n');
    mkdirSync(join(cwd, 'data'));
    const store = new SqliteMemoryStore(join(cwd, 'data', 'fleet.db'));
    const now = Date.now();
    await store.put({ key: 'answer', partition: 'p', value: 42, owner: 'system', accessLevel: AccessLevel.SWARM, createdAt: now, updatedAt: now });
    await store.close();

    const b = aqe(cwd, 'backup', '--json');
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    const manifest = JSON.parse(b.stdout);
    expect(manifest.dir).toMatch(/backups\/aqe-1\.0\.5-\d{8}T\d{6}Z$/);
    expect(manifest.files.map((f: { role: string }) => f.role)).toEqual(['database', 'config']);
    expect(readdirSync(manifest.dir).sort()).toEqual(['fleet.db', 'fleet.yaml', 'manifest.json']);

    const fresh = tempDir();
    const r = aqe(fresh, 'restore', manifest.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('restored');
    const restored = new SqliteMemoryStore(join(fresh, 'data', 'fleet.db'));
    expect((await restored.get('p', 'answer'))?.value).toBe(42);
    await restored.close();

    const again = aqe(fresh, 'restore', manifest.dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/pass --force/);
    const forced = aqe(fresh, 'restore', manifest.dir, '--force', '--json');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).restored[0].movedAside[0]).toMatch(/^data\/fleet\.db\.replaced-\d{8}T\d{6}Z/);

    writeFileSync(join(manifest.dir, 'fleet.yaml'), 'tampered\n');
    const bad = aqe(tempDir(), 'restore', manifest.dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/AQE_ERR_BACKUP: .*fleet.yaml: (sha256 does not match|size)/);
  });
});
