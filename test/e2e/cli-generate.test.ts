import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'aqe-e2e-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function aqe(args: string[], cwd = work) {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'aqe.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ANTHROPIC_API_KEY: '', AQE_CONFIG: '' }, timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function aqeAsync(args: string[], cwd = work): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(repo, 'bin', 'aqe.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ANTHROPIC_API_KEY: '', AQE_CONFIG: '' }, timeout: 540_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

function lastJson(stdout: string) {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!);
}

describe('aqe generate on the example project', { timeout: 120_000 }, () => {
  const calc = join(work, 'calc');
  cpSync(join(repo, 'examples', 'calc'), calc, { recursive: true });

  it('writes passing tests for every module and prints the JSON report as the last line', () => {
    const r = aqe(['generate', join(calc, 'src'), '--json']);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack traces
    expect(r.code).toBe(0);
    const report = lastJson(r.stdout);
    expect(Object.keys(report)).toEqual(['modules', 'totals']);
    expect(report.modules).toHaveLength(5);
    for (const m of report.modules) {
      expect(Object.keys(m)).toEqual(['source', 'testFile', 'tests', 'passed', 'failed', 'lineCoverageBefore', 'lineCoverageAfter', 'branchCoverageAfter']);
      expect(m.failed).toBe(0);
      expect(m.passed).toBe(m.tests);
      expect(m.tests).toBeGreaterThan(5);
      expect(m.lineCoverageBefore).toBe(0);
      expect(m.lineCoverageAfter).toBeGreaterThanOrEqual(80);
      expect(existsSync(m.testFile)).toBe(true);
      expect(m.testFile.startsWith(join(calc, 'test', 'generated'))).toBe(true);
    }
    expect(report.totals).toMatchObject({ modules: 5, failed: 0, lineCoverageBefore: 0 });
    expect(report.totals.passed).toBe(report.totals.tests);
  });

  it('keeps a person\'s edits: the second run writes beside the edited file', () => {
    const edited = join(calc, 'test', 'generated', 'src', 'math.test.mjs');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('describe(', '// reviewed by Ana\ndescribe('));
    const r = aqe(['generate', join(calc, 'src', 'math.js'), '--json']);
    expect(r.code).toBe(0);
    const m = lastJson(r.stdout).modules[0];
    expect(m.testFile).toBe(join(calc, 'test', 'generated', 'src', 'math.aqe.test.mjs'));
    expect(readFileSync(edited, 'utf8')).toContain('// reviewed by Ana');
    expect(r.stderr).toContain('edited by a person');
  });

  it('prints a table without --json and honours --framework node:test and --out', () => {
    const out = join(work, 'out-node');
    // relative PATH and --out, run from `work`: the table shows them as typed, not normalised
    const r = aqe(['generate', 'calc/src/stats.ts', '--framework', 'node:test', '--out', './out-node/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/module\s+tests\s+passed\s+failed/);
    expect(r.stdout).toMatch(/total: 1 modules, \d+ tests, \d+ passed, 0 failed/);
    expect(readFileSync(join(out, 'stats.test.ts'), 'utf8')).toContain(`from 'node:test'`);
    expect(r.stdout).toMatch(/^calc\/src\/stats\.ts\s.*\s\.\/out-node\/stats\.test\.ts\s*$/m);
    expect(r.stderr).toContain('[1/1] calc/src/stats.ts');
  });

  it('refuses bad input with a clear message and exit code 2', () => {
    const missing = aqe(['generate', join(work, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('AQE_ERR_USAGE');
    const fw = aqe(['generate', calc, '--framework', 'mocha']);
    expect(fw.code).toBe(2);
    expect(fw.stderr).toContain('--framework must be one of vitest, jest, node:test');
  });
});

describe('aqe generate --mutation', { timeout: 600_000 }, () => {
  it('runs StrykerJS on a tiny module and reports killed, survived and the score per module and in total', async () => {
    const dir = join(work, 'tiny');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'tiny', type: 'module' }));
    writeFileSync(join(dir, 'src', 'clamp.js'), 'export function clamp(x, lo, hi) {\n  if (x < lo) return lo;\n  if (x > hi) return hi;\n  return x;\n}\n');
    // async: a minute-long spawnSync would block the vitest worker's RPC
    const r = await aqeAsync(['generate', join(dir, 'src'), '--mutation', '--json']);
    expect(r.code).toBe(0);
    const report = lastJson(r.stdout);
    const m = report.modules[0];
    expect(m.failed).toBe(0);
    expect(m.mutation.total).toBeGreaterThan(5);
    expect(m.mutation.killed + m.mutation.timeout + m.mutation.survived + m.mutation.noCoverage + m.mutation.errors).toBe(m.mutation.total);
    expect(m.mutation.score).toBeGreaterThanOrEqual(60);
    expect(report.totals.mutationScore).toBe(m.mutation.score);
    // kept tests are those that kill or reach mutants: never more than were generated, and the file holds exactly them
    expect(m.tests).toBeGreaterThan(0);
    expect(m.tests).toBeLessThanOrEqual(m.generatedTests ?? m.tests);
    expect(readFileSync(m.testFile, 'utf8').match(/^\s*it\(/gm)?.length).toBe(m.tests);
    // the project is mutated in a temp copy: the source is untouched
    expect(readFileSync(join(dir, 'src', 'clamp.js'), 'utf8')).not.toContain('Stryker');
  });
});

describe('aqe coverage', { timeout: 90_000 }, () => {
  it('ranks uncovered functions and branches from an lcov report', () => {
    const dir = join(work, 'cov');
    cpSync(join(repo, 'examples', 'calc'), dir, { recursive: true });
    const lcov = ['TN:', `SF:${join(dir, 'src', 'math.js')}`, 'FN:10,add', 'FN:44,factorial', 'FNDA:1,add', 'FNDA:0,factorial', 'DA:11,1', 'DA:45,0', 'BRDA:45,0,0,0', 'BRDA:45,0,1,0', 'end_of_record', ''].join('\n');
    writeFileSync(join(dir, 'lcov.info'), lcov);
    const r = aqe(['coverage', join(dir, 'lcov.info'), '--json']);
    expect(r.code).toBe(0);
    const a = lastJson(r.stdout);
    expect(a.totals).toMatchObject({ files: 1, uncoveredFunctions: 1, uncoveredBranches: 1 });
    expect(a.gaps[0]).toMatchObject({ kind: 'function', name: 'factorial', complexity: 5 });
    const table = aqe(['coverage', join(dir, 'lcov.info')]);
    expect(table.stdout).toContain('most complex gaps first');
    const bad = aqe(['coverage', join(dir, 'package.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a coverage report');
  });

  it('takes a coverage folder, and refuses a file with no coverage data in words (no internal task text, no log line)', () => {
    const dir = join(work, 'cov-dir');
    mkdirSync(join(dir, 'coverage'), { recursive: true });
    writeFileSync(join(dir, 'coverage', 'lcov.info'), ['TN:', 'SF:src/a.js', 'FN:1,a', 'FNDA:0,a', 'DA:1,0', 'end_of_record', ''].join('\n'));
    for (const arg of [dir, join(dir, 'coverage')]) {
      const r = aqe(['coverage', arg, '--json']);
      expect(r.code).toBe(0);
      expect(lastJson(r.stdout).totals).toMatchObject({ files: 1, uncoveredFunctions: 1 });
    }
    const empty = join(work, 'cov-empty');
    mkdirSync(empty, { recursive: true });
    const none = aqe(['coverage', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('is a directory with no coverage report in it');
    writeFileSync(join(empty, 'x.info'), 'hello\n');
    const junk = aqe(['coverage', join(empty, 'x.info')]);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/^aqe: AQE_ERR_TASK_INVALID: .*x\.info is not a coverage report: it holds no per-file coverage/);
    expect(junk.stderr).not.toContain('payload.files');
    expect(junk.stderr).not.toContain('"level"');
  });
});
