import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO as repo, aqeSync, lastJson } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'aqe-e2e-coverage-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('aqe coverage', { timeout: 90_000 }, () => {
  it('ranks uncovered functions and branches from an lcov report', () => {
    const dir = join(work, 'cov');
    cpSync(join(repo, 'examples', 'calc'), dir, { recursive: true });
    const lcov = ['TN:', `SF:${join(dir, 'src', 'math.js')}`, 'FN:10,add', 'FN:44,factorial', 'FNDA:1,add', 'FNDA:0,factorial', 'DA:11,1', 'DA:45,0', 'BRDA:45,0,0,0', 'BRDA:45,0,1,0', 'end_of_record', ''].join('\n');
    writeFileSync(join(dir, 'lcov.info'), lcov);
    const r = aqeSync(['coverage', join(dir, 'lcov.info'), '--json'], work);
    expect(r.code).toBe(0);
    const a = lastJson(r.stdout);
    expect(a.totals).toMatchObject({ files: 1, uncoveredFunctions: 1, uncoveredBranches: 1 });
    expect(a.gaps[0]).toMatchObject({ kind: 'function', name: 'factorial', complexity: 5 });
    const table = aqeSync(['coverage', join(dir, 'lcov.info')], work);
    expect(table.stdout).toContain('most complex gaps first');
    const bad = aqeSync(['coverage', join(dir, 'package.json')], work);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a coverage report');
  });

  it('takes a coverage folder, and refuses a file with no coverage data in words (no internal task text, no log line)', () => {
    const dir = join(work, 'cov-dir');
    mkdirSync(join(dir, 'coverage'), { recursive: true });
    writeFileSync(join(dir, 'coverage', 'lcov.info'), ['TN:', 'SF:src/a.js', 'FN:1,a', 'FNDA:0,a', 'DA:1,0', 'end_of_record', ''].join('\n'));
    for (const arg of [dir, join(dir, 'coverage')]) {
      const r = aqeSync(['coverage', arg, '--json'], work);
      expect(r.code).toBe(0);
      expect(lastJson(r.stdout).totals).toMatchObject({ files: 1, uncoveredFunctions: 1 });
    }
    const empty = join(work, 'cov-empty');
    mkdirSync(empty, { recursive: true });
    const none = aqeSync(['coverage', empty], work);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('is a directory with no coverage report in it');
    writeFileSync(join(empty, 'x.info'), 'hello\n');
    const junk = aqeSync(['coverage', join(empty, 'x.info')], work);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/^aqe: AQE_ERR_TASK_INVALID: .*x\.info is not a coverage report: it holds no per-file coverage/);
    expect(junk.stderr).not.toContain('payload.files');
    expect(junk.stderr).not.toContain('"level"');
  });
});
