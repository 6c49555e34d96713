import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAgents, type AgentMigrationResult } from '../../../src/migrate/agents.js';

const FIXTURE = new URL('../../fixtures/migration/agents-project', import.meta.url).pathname;
const TSC = join(process.cwd(), 'node_modules', 'typescript', 'bin', 'tsc');

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Async: a type-check takes seconds, and a long synchronous call blocks the vitest worker's RPC. */
function tsc(project: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [TSC, '-p', join(project, 'tsconfig.json')], { encoding: 'utf8' }, (err, stdout, stderr) => {
      done(err ? { ok: false, output: `${stdout}${stderr}` } : { ok: true, output: '' });
    });
  });
}

describe('migrate-agents codemod on a fixture project', () => {
  let dir: string;
  let original: Record<string, string>;
  let dry: AgentMigrationResult;
  let real: AgentMigrationResult;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'aqe-agents-'));
    cpSync(FIXTURE, dir, { recursive: true });
    original = snapshot(dir);
    dry = migrateAgents(dir, { dryRun: true });
    real = migrateAgents(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('dry run shows diffs and writes nothing', () => {
    expect(dry.dryRun).toBe(true);
    expect(dry.changed.map((c) => c.file)).toEqual(real.changed.map((c) => c.file));
    const direct = dry.changed.find((c) => c.file === 'src/agents/direct.ts')!;
    expect(direct.diff).toContain('--- a/src/agents/direct.ts');
    expect(direct.diff).toContain('-  protected async performTask(task: QETask): Promise<any> {');
    expect(direct.diff).toContain('+  protected override async performTaskImpl(task: QETask, selection?: ModelSelection): Promise<any> {');
  });

  it('finds direct, aliased, namespaced and indirect subclasses, and nothing else', () => {
    const byClass = Object.fromEntries(real.classes.map((c) => [c.className, c.status]));
    expect(byClass).toEqual({
      MyCustomAgent: 'migrated',
      AliasedAgent: 'migrated',
      BaseQEAgent: 'migrated',
      LeafAgent: 'migrated',
      QuietLeafAgent: 'inherits',
      PingAgent: 'migrated',
      ModernAgent: 'already-migrated',
    });
    expect(real.changed.map((c) => c.file)).toEqual([
      'src/agents/aliased.ts',
      'src/agents/base-qe.ts',
      'src/agents/direct.ts',
      'src/agents/leaf.ts',
      'src/agents/no-params.ts',
    ]);
  });

  it('renames, adds the parameter and a type-only import from the module BaseAgent came from', () => {
    const after = snapshot(dir);
    expect(after['src/agents/direct.ts']).toContain("import type { ModelSelection } from 'agentic-qe-fleet';");
    expect(after['src/agents/direct.ts']).toContain('return this.performTaskImpl(task);');
    expect(after['src/agents/direct.ts']).not.toMatch(/performTask\b/);
    // Imported as Agent: existing type-only import extended; double quotes and no semicolons kept.
    expect(after['src/agents/aliased.ts']).toContain('import type { QETask, ModelSelection } from "agentic-qe-fleet"\n');
    // A local `selection` already exists in the body: the parameter gets another name.
    expect(after['src/agents/aliased.ts']).toContain('performTaskImpl(task: QETask, modelSelection?: ModelSelection)');
    expect(after['src/agents/leaf.ts']).toContain('const base = await super.performTaskImpl(task, selection);');
    expect(after['src/agents/no-params.ts']).toContain('performTaskImpl(_task: unknown, selection?: ModelSelection)');
    // Comments survive.
    expect(after['src/agents/direct.ts']).toContain('// Your implementation');
  });

  it('leaves unrelated classes, already migrated files and unparsable files untouched', () => {
    const after = snapshot(dir);
    for (const f of ['src/unrelated.ts', 'src/agents/already.ts', 'src/broken.ts', 'types/agentic-qe-fleet.d.ts', 'tsconfig.json']) {
      expect(after[f]).toBe(original[f]);
    }
    expect(real.unparsable).toEqual([{ file: 'src/broken.ts', error: expect.stringContaining('line 4') }]);
  });

  it('the migrated project type-checks with tsc', async () => {
    const r = await tsc(dir);
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
  }, 120_000);

  it('running it again changes nothing', () => {
    const before = snapshot(dir);
    const again = migrateAgents(dir);
    expect(again.changed).toEqual([]);
    expect(again.classes.filter((c) => c.status === 'migrated')).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  }, 120_000);
});
