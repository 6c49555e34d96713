import { describe, expect, it } from 'vitest';
import { analyzeSource, collectBuiltinChecks, collectRegexes } from '../../../src/agents/test-generator/analysis.js';
import { buildArgumentLists } from '../../../src/agents/test-generator/inputs.js';
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

describe('usage from README code blocks', () => {
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
