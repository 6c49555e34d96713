import { describe, expect, it } from 'vitest';
import { analyzeSource, CLASS_INSTANCE, collectBuiltinChecks, collectRegexes } from '../../../src/agents/test-generator/analysis.js';
import { argumentListsAround, buildArgumentLists, candidatesForParam, guardProbe } from '../../../src/agents/test-generator/inputs.js';
import { simplifyPattern, stringsMatching } from '../../../src/agents/test-generator/regex-inputs.js';
import { findReceivers, prng } from '../../../src/agents/test-generator/sequences.js';
import ts from 'typescript';

const sf = (code: string): ts.SourceFile => ts.createSourceFile('m.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);

describe('strings that match the module\'s regular expressions', () => {
  it('finds regex literals and new RegExp with a literal pattern', () => {
    const found = collectRegexes(sf(`const a = /^\\d+(px|em)$/i; const b = new RegExp('^v(\\\\d)', 'g'); const c = new RegExp(dynamic);`));
    expect(found).toEqual([{ pattern: '^\\d+(px|em)$', flags: 'i' }, { pattern: '^v(\\d)', flags: 'g' }]);
  });

  it('generates matching strings, the same for the same seed, and anchor probes the pattern rejects', () => {
    const patterns = [{ pattern: '^\\d+(px|em)$', flags: 'i' }];
    const a = stringsMatching(patterns, prng(42));
    expect(a).toEqual(stringsMatching(patterns, prng(42)));
    const re = /^\d+(px|em)$/i;
    const matches = a.filter((s) => re.test(s));
    expect(matches.length).toBeGreaterThanOrEqual(1);
    expect(a).toContain(` ${matches[0]}`);
    expect(a).toContain(`${matches[0]} `);
    expect(re.test(` ${matches[0]}`)).toBe(false);
  });

  it('reads lookarounds and Unicode property escapes through a simplified pattern, checked against the original', () => {
    expect(simplifyPattern('(?<![\\p{Lu}\\d])[\\p{Uppercase_Letter}\\d](?!x)')).toBe('[A-Z\\d]');
    expect(simplifyPattern('\\p{Ll}+')).toBe('[a-z]+');
    const out = stringsMatching([{ pattern: '(?<![\\p{Lu}\\d])[\\p{Lu}\\d](?![\\p{Lu}\\d])', flags: 'gu' }], prng(1));
    const re = /(?<![\p{Lu}\d])[\p{Lu}\d](?![\p{Lu}\d])/u;
    expect(out.length).toBeGreaterThan(0);
    for (const s of out) expect(re.test(s)).toBe(true);
  });

  it('skips a pattern that is not valid instead of failing', () => {
    expect(stringsMatching([{ pattern: '(', flags: '' }], prng(1))).toEqual([]);
  });
});

describe('inputs for comparisons', () => {
  it('sees the built-ins a module compares values with', () => {
    const checks = collectBuiltinChecks(sf(`function f(a, b) { if (a instanceof Map) return 1; if ((c = a.constructor) === Date) return 2; if (ArrayBuffer.isView(a)) return 3; return Object.prototype.toString.call(b) === '[object Set]'; }`));
    expect(checks.sort()).toEqual(['DataView', 'Date', 'Map', 'Set', 'Uint8Array']);
  });

  it('sees a module telling plain objects from class instances, and gives an undeclared parameter whose shape it guessed from property reads the checked built-ins too (klona)', () => {
    const a = analyzeSource(`export function clone(x) {
  if (typeof x !== 'object') return x;
  if (x.constructor !== Object && typeof x.constructor === 'function') return Object.assign(new x.constructor(), x);
  if (x instanceof RegExp) return new RegExp(x.source, x.flags);
  return { ...x };
}`, '/x/clone.js');
    expect(a.builtinChecks).toEqual(expect.arrayContaining([CLASS_INSTANCE, 'RegExp']));
    const cands = candidatesForParam(a.functions[0]!.params[0]!, [], { builtins: a.builtinChecks });
    expect(cands.some((c) => c.startsWith('new (class Point'))).toBe(true);
    expect(cands).toContain('/ab+c/gi');
    // a comparison of two constructors, or with something else than Object, is not that test
    expect(collectBuiltinChecks(sf(`function f(a, b) { return a.constructor === b.constructor || a.constructor === Foo; }`))).toEqual([]);
  });

  it('sees constructor names switched on or compared (kind-of), not every string that is one', () => {
    const checks = collectBuiltinChecks(sf(`function f(v) { switch (v.constructor.name) { case 'WeakMap': return 1; case 'Promise': return 2; } if (name(v) === 'Symbol') return 3; throw new Error('Map'); }`));
    expect(checks.sort()).toEqual(['Promise', 'Symbol', 'WeakMap']);
    const a = analyzeSource(`export function kind(v) { switch (v.constructor.name) { case 'WeakMap': return 'weakmap'; case 'Promise': return 'promise'; } return 'other'; }`, '/x/m.js');
    const inputs = buildArgumentLists(a.functions[0]!.params, [], 40, { builtins: a.builtinChecks }).flat();
    expect(inputs).toContain('Promise.resolve(1)');
    expect(inputs.some((x) => x.startsWith('new WeakMap('))).toBe(true);
  });

  it('pairs two untyped parameters with equal copies and near twins of the checked built-ins', () => {
    const a = analyzeSource(`export function same(foo, bar) { if (foo === bar) return true; if (foo instanceof Map) return foo.size === bar.size; return false; }`, '/x/m.js');
    const lists = buildArgumentLists(a.functions[0]!.params, [], 40, { builtins: a.builtinChecks });
    const key = (xs: string[]): string => xs.join(' | ');
    const keys = lists.map(key);
    expect(keys).toContain(key([`new Map([['a', 1], [{ k: 1 }, [2]]])`, `new Map([['a', 1], [{ k: 1 }, [2]]])`]));
    expect(keys).toContain(key([`new Map([['a', 1], [{ k: 1 }, [2]]])`, `new Map([['a', 1], [{ k: 1 }, [3]]])`]));
    expect(keys).toContain(key([`{ a: 1, b: [2, { c: 'x' }] }`, `{ a: 1, b: [2, { c: 'y' }] }`]));
  });

  it('pairs two string parameters with the same string and one an edit away', () => {
    const a = analyzeSource(`export function distance(a, b) { if (typeof a !== 'string' || typeof b !== 'string') throw new TypeError('x'); return a.length - b.length; }`, '/x/m.js');
    const lists = buildArgumentLists(a.functions[0]!.params, ['kitten'], 40);
    expect(lists).toContainEqual(['"kitten"', '"kitten"']);
    expect(lists.some(([x, y]) => x === '"kitten"' && y !== x && /^"k?[a-z]*"$/.test(y ?? ''))).toBe(true);
  });

  it('does not take a nested function\'s own parameter of the same name as evidence (minified code)', () => {
    const a = analyzeSource(`export default function (n) { return { all: n = n || new Map(), emit(t) { (n.get(t) || []).map(function (n) { n(t); }); } }; }`, '/x/m.js');
    expect(a.functions[0]!.params[0]!.typeofChecks).not.toContain('function');
  });

  it('gives a parameter that the body calls a function', () => {
    const a = analyzeSource(`export function make(alphabet, size, getRandom) { return () => getRandom(size); }`, '/x/m.js');
    expect(a.functions[0]!.params[2]!.typeofChecks).toContain('function');
    expect(buildArgumentLists(a.functions[0]!.params, [], 16)[0]![2]).toBe('(x) => x');
  });
});

describe('receivers for call sequences', () => {
  it('takes the first variant of every factory and class before second variants', () => {
    const ret = (value: unknown) => ({ status: 'returned' as const, async: false, value, ms: 1, stability: 'exact' as const });
    const fn = { $: 'fn', name: 'f' };
    const rs = findReceivers([
      { call: { kind: 'fn', name: 'a', args: ['1'] }, outcome: ret(fn) },
      { call: { kind: 'fn', name: 'a', args: ['2'] }, outcome: ret(fn) },
      { call: { kind: 'fn', name: 'b', args: [] }, outcome: ret(fn) },
    ], [{ cls: 'C', args: ['0'] }]);
    expect(rs.map((r) => r.label)).toEqual(['a()', 'a(1)', 'b()', 'new C(0)', 'a(2)']);
  });
});

describe('boundaries from constants computed from constants', () => {
  it('folds the module\'s numeric constants and tries each compared one with its neighbours (ms\'s `msAbs >= d`)', () => {
    const a = analyzeSource(`var s = 1000; var m = s * 60; var h = m * 60; var d = (h * 24); var twice = 1; var twice = 2;
module.exports = function fmt(ms) { var msAbs = Math.abs(ms); if (msAbs >= d) return 'd'; if (msAbs > twice) return 't'; switch (ms) { case h: return 'h'; } return String(ms); };`, '/x/ms.js');
    for (const v of [86_400_000, 86_400_001, 86_399_999, 3_600_000]) expect(a.moduleLiterals).toContain(v);
    // a name declared twice is not a constant
    expect(a.moduleLiterals).not.toContain(2);
    expect(a.moduleLiterals).not.toContain(3);
  });
});

describe('inputs around a guard and around a documented call', () => {
  // repeat-string@1.6.1's shape: a typeof guard on the first parameter, a short cut for a count of 2, a cache
  const source = `/** @param {String} str @param {Number} num */
module.exports = repeat;
function repeat(str, num) {
  if (typeof str !== 'string') throw new TypeError('expected a string');
  if (num === 2) return str + str;
  let out = '';
  while (num-- > 0) out += str;
  return out;
}`;
  const f = () => analyzeSource(source, 'm.js').functions[0]!;

  it('follows `var a = b` to the function a module exports (rollup\'s `var x_1 = x; module.exports = x_1`)', () => {
    const a = analyzeSource(`function deepmerge(target, source) { return { ...target, ...source }; }
var deepmerge_1 = deepmerge;
var again = deepmerge_1;
module.exports = again;`, 'cjs.js');
    expect(a.functions).toHaveLength(1);
    expect(a.functions[0]).toMatchObject({ name: 'module.exports', localName: 'deepmerge' });
    expect(a.functions[0]!.params.map((p) => p.name)).toEqual(['target', 'source']);
    expect(a.values).toEqual([]);
  });

  it('knows the declared name of a function the module exports as itself', () => {
    expect(f()).toMatchObject({ name: 'module.exports', localName: 'repeat' });
  });

  it('tries what a typeof guard refuses right after the base case, on top of the case budget', () => {
    const params = f().params;
    expect(guardProbe(params[0]!, candidatesForParam(params[0]!, ['A', 5]))).toBe('null');
    expect(guardProbe(params[1]!, candidatesForParam(params[1]!, ['A', 5]))).toBeUndefined();
    const lists = buildArgumentLists(params, ['A', 5], 6);
    expect(lists).toHaveLength(7);
    expect(lists[1]![0]).toBe('null');
    expect(new Set(lists.map((a) => a.join('|'))).size).toBe(7);
    // the budget's six cases are the base and five typical variations, as without the guard
    expect(lists.filter((a) => !a.includes('null'))).toHaveLength(6);
  });

  it('varies one parameter at a time around the documented call, never repeating it', () => {
    const around = argumentListsAround([`'A'`, '5'], f().params, ['A', 5], 8);
    expect(around).toHaveLength(8);
    expect(around).not.toContainEqual([`'A'`, '5']);
    for (const args of around) expect(args[0] === `'A'` || args[1] === '5').toBe(true);
    // another string with the documented count: the loop runs with a string that is not the base one
    expect(around.some((a) => a[1] === '5' && a[0] !== `'A'` && a[0] !== 'null')).toBe(true);
    expect(around.some((a) => a[0] === `'A'` && a[1] !== '5')).toBe(true);
    // a call that leaves trailing parameters out is varied on the ones it gives
    expect(argumentListsAround([`'A'`], f().params, [], 4).every((a) => a.length === 1)).toBe(true);
  });
});

describe('usage from README code blocks', () => {
  it('reads calls of whatever an example binds the package itself to', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { mineUsage, PACKAGE_BINDING } = await import('../../../src/agents/test-generator/examples.js');
    const dir = mkdtempSync(join(tmpdir(), 'aqe-mine-'));
    try {
      writeFileSync(join(dir, 'README.md'), "```js\nvar rep = require('rep-pkg');\nrep('A', 5);\nother(1);\n```\n```js\nimport r2 from 'rep-pkg';\nr2('B', 3);\n```\n");
      const u = mineUsage(dir, '', ['f', PACKAGE_BINDING], 'rep-pkg');
      expect(u.calls.get(PACKAGE_BINDING)).toEqual([["'A'", '5'], ["'B'", '3']]);
      expect([...u.calls.keys()]).toEqual([PACKAGE_BINDING]);
      // without the package's name nothing is bound
      expect(mineUsage(dir, '', ['f', PACKAGE_BINDING]).calls.size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads JavaScript and unlabelled blocks, not JSON, shell or HTML', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { mineUsage } = await import('../../../src/agents/test-generator/examples.js');
    const dir = mkdtempSync(join(tmpdir(), 'aqe-mine-'));
    try {
      writeFileSync(join(dir, 'README.md'), "```js\nf('from-js')\n```\n```json\n{ \"f\": \"from-json\" }\n```\n```html\n<script src=\"https://x.test/f.js\"></script>\n```\n```\nf('plain')\n```\n");
      const u = mineUsage(dir, '', ['f']);
      expect(u.calls.get('f')).toEqual([["'from-js'"], ["'plain'"]]);
      expect(u.literals).not.toContain('from-json');
      expect(u.literals).not.toContain('https://x.test/f.js');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('results of a callee that varies between runs', () => {
  it('are asserted by properties in every sequence, even where the two runs agreed by chance', async () => {
    const { assertVaryingCalleesByProperties } = await import('../../../src/agents/test-generator/engine.js');
    const seq = (group: string) => ({ kind: 'seq' as const, args: [], group, steps: [{ do: 'const x = gen()' }, { do: 'const r0 = attempt(() => x(1))' }, { see: 'r0' }] });
    const outcome = (v: string, st: string, other?: string) => ({ status: 'returned' as const, async: false, ms: 1, stability: 'exact' as const, value: { $: 'seq', v: [{ ok: true, v, st, ...(other ? { other } : {}) }] } });
    const seqs = [seq('g'), seq('g'), seq('h')];
    const merged = [outcome('a', 'shape', 'c'), outcome('b', 'exact'), outcome('b', 'exact')];
    assertVaryingCalleesByProperties(seqs, merged);
    const st = (i: number) => (merged[i]!.value as { v: Array<{ st: string; other?: string }> }).v[0]!;
    expect(st(1)).toMatchObject({ st: 'shape', other: 'b' });
    // another receiver's callee is its own: unchanged
    expect(st(2).st).toBe('exact');
  });
});
