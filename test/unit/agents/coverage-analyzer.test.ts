import { describe, expect, it } from 'vitest';
import { detectFormat, parseCoverageReport } from '../../../src/agents/coverage-analyzer/reports.js';
import { functionSpans, rankGaps } from '../../../src/agents/coverage-analyzer/rank.js';

const SOURCE = `export function simple(a) {
  return a;
}
export function branchy(x) {
  if (x > 1) {
    return x > 5 ? 'big' : 'mid';
  }
  return x && 'small';
}
`;

const LCOV = `TN:
SF:src/m.js
FN:1,simple
FN:4,branchy
FNDA:0,simple
FNDA:3,branchy
FNF:2
FNH:1
DA:1,0
DA:2,0
DA:4,3
DA:5,3
DA:6,1
DA:8,2
LF:6
LH:4
BRDA:5,0,0,1
BRDA:5,0,1,2
BRDA:6,1,0,0
BRDA:6,1,1,1
BRF:4
BRH:3
end_of_record
`;

const FINAL = {
  '/p/src/m.js': {
    path: '/p/src/m.js',
    statementMap: { '0': { start: { line: 2 }, end: { line: 2 } }, '1': { start: { line: 5 }, end: { line: 5 } } },
    s: { '0': 0, '1': 4 },
    fnMap: { '0': { name: 'simple', decl: { start: { line: 1 } } }, '1': { name: 'branchy', decl: { start: { line: 4 } } } },
    f: { '0': 0, '1': 4 },
    branchMap: { '0': { type: 'if', loc: { start: { line: 5 } } } },
    b: { '0': [4, 0] },
  },
};

describe('coverage reports', () => {
  it('detects the three formats', () => {
    expect(detectFormat(LCOV, 'lcov.info')).toBe('lcov');
    expect(detectFormat(JSON.stringify(FINAL))).toBe('istanbul-final');
    expect(detectFormat(JSON.stringify({ total: {}, '/a.js': { lines: {}, branches: {} } }))).toBe('istanbul-summary');
    expect(() => detectFormat('{"x": 1}')).toThrow(/not a coverage report/);
  });

  it('reads lcov: functions, lines and branch paths never taken', () => {
    const { files } = parseCoverageReport(LCOV, 'lcov.info');
    expect(files).toHaveLength(1);
    const f = files[0]!;
    expect(f.lines).toEqual({ total: 6, covered: 4 });
    expect(f.branches).toEqual({ total: 4, covered: 3 });
    expect(f.uncoveredFunctions).toEqual([{ name: 'simple', line: 1 }]);
    expect(f.uncoveredBranches).toEqual([{ line: 6, type: 'branch', pathsNotTaken: 1, paths: 2 }]);
    expect(f.uncoveredLines).toEqual([1, 2]);
  });

  it('reads istanbul coverage-final.json and coverage-summary.json', () => {
    const f = parseCoverageReport(JSON.stringify(FINAL)).files[0]!;
    expect(f.uncoveredFunctions).toEqual([{ name: 'simple', line: 1 }]);
    expect(f.uncoveredBranches).toEqual([{ line: 5, type: 'if', pathsNotTaken: 1, paths: 2 }]);
    const summary = { total: {}, '/p/a.js': { lines: { total: 10, covered: 5, pct: 50 }, branches: { total: 2, covered: 1, pct: 50 }, functions: { total: 1, covered: 1, pct: 100 } } };
    const s = parseCoverageReport(JSON.stringify(summary)).files[0]!;
    expect(s.summaryOnly).toBe(true);
    expect(s.lines).toEqual({ total: 10, covered: 5 });
  });
});

describe('the text reporter table', () => {
  const TABLE = [
    'File              | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s',
    '------------------|---------|----------|---------|---------|------------------',
    'All files         |   82.1  |   70.0   |   88.0  |   82.0  |',
    ' src/auth.ts      |   91.2  |   84.0   |  100    |  91.0   | 12-14,40',
    ' src/invoice.ts   |   77.5  |   52.3   |   80    |  78.1   |',
  ].join('\n');

  it('reads per-file percentages and uncovered line ranges, skipping the totals row', () => {
    expect(detectFormat(TABLE, 'coverage/summary.txt')).toBe('istanbul-text');
    const { files } = parseCoverageReport(TABLE, 'coverage/summary.txt');
    expect(files.map((f) => f.file)).toEqual(['src/auth.ts', 'src/invoice.ts']);
    expect(files[1].branches).toEqual({ total: 100, covered: 52.3 });
    expect(files[0].uncoveredLines).toEqual([12, 13, 14, 40]);
    expect(files.every((f) => f.summaryOnly)).toBe(true);
  });
});

describe('ranking by complexity', () => {
  it('measures function complexity from the source', () => {
    const spans = functionSpans(SOURCE, 'm.js');
    expect(spans.map((s) => [s.name, s.complexity])).toEqual([['simple', 1], ['branchy', 4]]);
  });

  it('ranks the gaps in the more complex function first', () => {
    const { files } = parseCoverageReport(LCOV, 'lcov.info');
    const r = rankGaps(files, new Map([['src/m.js', SOURCE]]));
    expect(r.gaps.map((g) => [g.kind, g.name, g.complexity])).toEqual([['branch', 'branchy', 4], ['function', 'simple', 1]]);
    expect(r.totals).toMatchObject({ files: 1, lines: 66.7, branches: 75, functions: 50, uncoveredFunctions: 1, uncoveredBranches: 1 });
  });
});

describe('analyzeCoverageTask', () => {
  it('resolves report paths against the report directory to read the sources', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { analyzeCoverageTask } = await import('../../../src/agents/coverage-analyzer/CoverageAnalyzerAgent.js');
    const dir = mkdtempSync(join(tmpdir(), 'aqe-cov-unit-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'm.js'), SOURCE);
    const r = analyzeCoverageTask({ id: 'c', type: 'coverage-analysis', description: 'x', payload: { files: [{ path: 'lcov.info', content: LCOV }], reportDir: dir } });
    expect(r.files[0]!.file).toBe(join(dir, 'src', 'm.js'));
    expect(r.gaps[0]).toMatchObject({ name: 'branchy', complexity: 4 });
    expect(() => analyzeCoverageTask({ id: 'c', type: 'coverage-analysis', description: 'x', payload: { files: [{ path: 'a.js', content: 'x' }] } })).toThrow(/needs a coverage report among payload.files/);
  });
});
