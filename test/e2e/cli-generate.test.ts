import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO as repo, aqeAsync, lastJson } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'aqe-e2e-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('aqe generate on the example project', { timeout: 120_000 }, () => {
  const calc = join(work, 'calc');
  cpSync(join(repo, 'examples', 'calc'), calc, { recursive: true });

  it('writes passing tests for every module and prints the JSON report as the last line', async () => {
    const r = await aqeAsync(['generate', join(calc, 'src'), '--json'], work);
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

  it('keeps a person\'s edits: the second run writes beside the edited file', async () => {
    const edited = join(calc, 'test', 'generated', 'src', 'math.test.mjs');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('describe(', '// reviewed by Ana\ndescribe('));
    const r = await aqeAsync(['generate', join(calc, 'src', 'math.js'), '--json'], work);
    expect(r.code).toBe(0);
    const m = lastJson(r.stdout).modules[0];
    expect(m.testFile).toBe(join(calc, 'test', 'generated', 'src', 'math.aqe.test.mjs'));
    expect(readFileSync(edited, 'utf8')).toContain('// reviewed by Ana');
    expect(r.stderr).toContain('edited by a person');
  });

  it('prints a table without --json and honours --framework node:test and --out', async () => {
    const out = join(work, 'out-node');
    // relative PATH and --out, run from `work`: the table shows them as typed, not normalised
    const r = await aqeAsync(['generate', 'calc/src/stats.ts', '--framework', 'node:test', '--out', './out-node/'], work);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/module\s+tests\s+passed\s+failed/);
    expect(r.stdout).toMatch(/total: 1 modules, \d+ tests, \d+ passed, 0 failed/);
    expect(readFileSync(join(out, 'stats.test.ts'), 'utf8')).toContain(`from 'node:test'`);
    expect(r.stdout).toMatch(/^calc\/src\/stats\.ts\s.*\s\.\/out-node\/stats\.test\.ts\s*$/m);
    expect(r.stderr).toContain('[1/1] calc/src/stats.ts');
  });

  it('refuses bad input with a clear message and exit code 2', async () => {
    const missing = await aqeAsync(['generate', join(work, 'nope')], work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('AQE_ERR_USAGE');
    const fw = await aqeAsync(['generate', calc, '--framework', 'mocha'], work);
    expect(fw.code).toBe(2);
    expect(fw.stderr).toContain('--framework must be one of vitest, jest, node:test');
  });
});
