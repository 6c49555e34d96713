import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverModules, packageEntries } from '../../../src/agents/test-generator/discover.js';
import { mineUsage } from '../../../src/agents/test-generator/examples.js';
import { strykerFailure, summarizeMutants, totalMutation } from '../../../src/agents/test-generator/mutation.js';
import { buildSequences, findReceivers, parseProbe, prng } from '../../../src/agents/test-generator/sequences.js';

const work = mkdtempSync(join(tmpdir(), 'aqe-unit-mutation-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('mutation score from a Stryker JSON report', () => {
  const at = (line: number) => ({ start: { line, column: 1 } });
  it('counts killed, survived, no coverage and timeouts; errors are left out of the score', () => {
    const r = summarizeMutants([
      { status: 'Killed', location: at(1) },
      { status: 'Killed', location: at(2) },
      { status: 'Timeout', location: at(3) },
      { status: 'Survived', mutatorName: 'EqualityOperator', replacement: 'a <= b', location: at(4) },
      { status: 'NoCoverage', mutatorName: 'BlockStatement', replacement: '{}', location: at(9) },
      { status: 'CompileError', location: at(5) },
    ]);
    expect(r).toMatchObject({ killed: 2, timeout: 1, survived: 1, noCoverage: 1, errors: 1, total: 6, score: 60 });
    expect(r.survivors).toEqual(['4:1 EqualityOperator -> a <= b', '9:1 BlockStatement -> {} (not covered)']);
  });

  it('totals from summed counts, not a mean of percentages; none valid is null', () => {
    const a = summarizeMutants([{ status: 'Killed' }]);
    const b = summarizeMutants([{ status: 'Survived' }, { status: 'Survived' }, { status: 'Survived' }]);
    expect(totalMutation([a, b])?.score).toBe(25);
    expect(summarizeMutants([{ status: 'RuntimeError' }]).score).toBeNull();
    expect(totalMutation([])).toBeNull();
  });
});

describe('call sequences', () => {
  const probe = { $: 'seq', v: [{ ok: true, v: { $: 'arr', v: [false, 0, { $: 'arr', v: [
    { $: 'arr', v: ['on', 'fn', 2] }, { $: 'arr', v: ['emit', 'fn', 2] }, { $: 'arr', v: ['size', 'acc', 0] },
  ] }] } }] };

  it('reads a probe into methods and state, and builds the same sequences for the same seed', () => {
    const shape = parseProbe(probe)!;
    expect(shape).toEqual({ callable: false, arity: 0, members: [{ name: 'on', kind: 'fn', n: 2 }, { name: 'emit', kind: 'fn', n: 2 }, { name: 'size', kind: 'acc', n: 0 }] });
    const r = { expr: '\u27eadefault\u27eb()', label: 'module()' };
    const one = buildSequences(r, shape, ['"*"'], prng(7), 5);
    expect(buildSequences(r, shape, ['"*"'], prng(7), 5)).toEqual(one);
    expect(one).toHaveLength(5);
    for (const s of one) {
      expect(s.kind).toBe('seq');
      expect(s.steps!.some((x) => x.do === 'const x = \u27eadefault\u27eb()')).toBe(true);
      // state is observed after the calls, and every call's result at the end
      expect(s.steps!.filter((x) => x.see === 'x.size').length).toBeGreaterThanOrEqual(2);
      const calls = s.steps!.filter((x) => /^const r\d+ = /.test(x.do ?? '')).length;
      expect(s.steps!.filter((x) => /^r\d+$/.test(x.see ?? '')).length).toBe(calls);
    }
  });

  it('takes receivers from calls that returned functions or objects with methods, the no-argument form first', () => {
    const ret = (value: unknown) => ({ status: 'returned' as const, async: false, value, ms: 1, stability: 'exact' as const });
    const rs = findReceivers([
      { call: { kind: 'fn', name: 'create', args: ['1'] }, outcome: ret({ $: 'obj', cls: null, v: { get: { $: 'fn', name: 'get' } } }) },
      { call: { kind: 'fn', name: 'plain', args: ['1'] }, outcome: ret(2) },
    ], [{ cls: 'Cache', args: ['10'] }]);
    expect(rs.map((r) => r.label)).toEqual(['create()', 'create(1)', 'new Cache(10)']);
  });
});

describe('discovery from package.json', () => {
  it('tests the ESM entry of an import/require pair once, keeps dist entries and skips minified twins and Flow', () => {
    const pkg = join(work, 'pkg');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'pkg', main: 'dist/index.js', module: 'dist/index.mjs', exports: { '.': { types: './index.d.ts', import: './dist/index.mjs', require: './dist/index.js' }, './package.json': './package.json' } }));
    writeFileSync(join(pkg, 'dist', 'index.mjs'), 'export function f(a) {\n  return a + 1;\n}\n');
    writeFileSync(join(pkg, 'dist', 'index.js'), 'exports.f = function (a) {\n  return a + 1;\n};\n');
    writeFileSync(join(pkg, 'dist', 'index.min.js'), `exports.f=function(a){return a+1};${' '.repeat(500)}`);
    writeFileSync(join(pkg, 'flow.js'), '// @flow\nexport function g(x: number): number { return x; }\n');
    const e = packageEntries(pkg);
    expect(e.entries).toEqual([join(pkg, 'dist', 'index.mjs')]);
    expect(e.skipped.map((s) => s.file)).toEqual([join(pkg, 'dist', 'index.js')]);
    const d = discoverModules(pkg);
    expect(d.modules).toEqual([join(pkg, 'dist', 'index.mjs')]);
    expect(d.skipped.find((s) => s.file.endsWith('flow.js'))?.reason).toMatch(/Flow/);
  });
});

describe('usage mined from the README', () => {
  it('takes argument lists of calls to exported names and literals, never assertions', () => {
    const dir = join(work, 'readme');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"semverish"}');
    writeFileSync(join(dir, 'README.md'), "# x\n\n```js\nconst semver = require('semver')\nsemver.valid('1.2.3') // '1.2.3'\nsemver.inc('1.2.3', 'minor', { loose: true })\nsemver.valid(someVar)\n```\n");
    const u = mineUsage(dir, '/** @example valid("v2.0.0") */', ['valid', 'inc']);
    expect(u.calls.get('valid')).toEqual([["'1.2.3'"], ['"v2.0.0"']]);
    expect(u.calls.get('inc')).toEqual([["'1.2.3'", "'minor'", '{ loose: true }']]);
    expect(u.literals).toContain('minor');
    expect(u.literals).not.toContain('semver');
  });
});

describe('why StrykerJS gave no report', () => {
  it('says which tests failed its initial run, not the stack of the exception it threw after', () => {
    // StrykerJS 9.6.1's output when a generated test that passed under aqe fails under StrykerJS (it read $HOME)
    const output = [
      '\x1b[91m14:26:30 (2) ERROR DryRunExecutor\x1b[39m One or more tests failed in the initial test run:',
      `\tindex.js module.exports mod('probe', 3) returns { key: "none" ...`,
      "\t\texpected { key: 'none', home: 3 } to deeply equal { key: 'none', home: 0 }",
      '\x1b[91m14:26:30 (2) ERROR Stryker\x1b[39m There were failed tests in the initial test run.',
      'file:///x/node_modules/@stryker-mutator/core/dist/src/process/3-dry-run-executor.js:65',
      "                    throw new ConfigError('There were failed tests in the initial test run.');",
      '',
      'ConfigError: There were failed tests in the initial test run.',
      '    at DryRunExecutor.validateResultCompleted (file:///x/3-dry-run-executor.js:65:27)',
      '    at async WorkItem.execute (file:///x/pool.js:32:28) {',
      '  innerError: undefined',
      '}',
      '',
      'Node.js v20.20.2',
    ].join('\n');
    expect(strykerFailure(output).split('\n')).toEqual([
      '14:26:30 (2) ERROR DryRunExecutor One or more tests failed in the initial test run:',
      `index.js module.exports mod('probe', 3) returns { key: "none" ...`,
      "expected { key: 'none', home: 3 } to deeply equal { key: 'none', home: 0 }",
      '14:26:30 (2) ERROR Stryker There were failed tests in the initial test run.',
    ]);
    // without an ERROR line: the last lines, as they were
    expect(strykerFailure('a\nb\n\nc\n')).toBe('a\nb\nc');
  });
});
