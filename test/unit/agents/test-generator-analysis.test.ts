import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../../src/agents/test-generator/analysis.js';
import { buildArgumentLists, candidatesForParam } from '../../../src/agents/test-generator/inputs.js';

describe('analyzeSource', () => {
  it('finds exported functions, classes and constants of a TypeScript module with types and defaults', () => {
    const a = analyzeSource(
      `interface Opts { sep: string; max?: number }
export function join(parts: string[], opts: Opts = { sep: ',' }): string { return parts.join(opts.sep); }
export const twice = (n: number) => n * 2;
export class Box { constructor(private v: number) {} get(): number { if (this.v > 10) return 10; return this.v; } private hidden() {} static of(v: number) { return new Box(v); } }
export const VERSION = '1';
function internal() {}
export default function main(flag: 'a' | 'b') { switch (flag) { case 'a': return 1; default: return 2; } }`,
      '/x/m.ts',
    );
    expect(a.language).toBe('typescript');
    expect(a.functions.map((f) => f.name).sort()).toEqual(['default', 'join', 'twice']);
    const join = a.functions.find((f) => f.name === 'join')!;
    expect(join.params[0]!.type).toEqual({ kind: 'array', element: { kind: 'string' } });
    expect(join.params[1]!.type).toEqual({ kind: 'object', props: [{ name: 'sep', type: { kind: 'string' }, optional: false }, { name: 'max', type: { kind: 'number' }, optional: true }] });
    expect(join.params[1]!.defaultText).toBe(`{ sep: ',' }`);
    expect(a.classes).toHaveLength(1);
    expect(a.classes[0]!.methods.map((m) => m.name)).toEqual(['get']);
    expect(a.classes[0]!.staticMethods.map((m) => m.name)).toEqual(['of']);
    expect(a.classes[0]!.methods[0]!.literals).toEqual(expect.arrayContaining([10, 11, 9]));
    expect(a.values).toEqual(['VERSION']);
    const main = a.functions.find((f) => f.name === 'default')!;
    expect(main.params[0]!.type).toEqual({ kind: 'union', members: [{ kind: 'literal', value: 'a' }, { kind: 'literal', value: 'b' }] });
    expect(main.branches).toBeGreaterThanOrEqual(1);
  });

  it('reads JSDoc types in plain JavaScript and CommonJS exports', () => {
    const a = analyzeSource(
      `/**
 * @param {string} s
 * @param {number} [n]
 */
function pad(s, n = 2) { if (s.length > 5) return s; return s.padStart(n); }
module.exports = { pad, other: (x) => typeof x === 'string' ? x : String(x) };`,
      '/x/m.js',
    );
    expect(a.hasCjsExports).toBe(true);
    expect(a.hasEsmSyntax).toBe(false);
    const pad = a.functions.find((f) => f.name === 'pad')!;
    expect(pad.params[0]!.type).toEqual({ kind: 'string' });
    expect(pad.params[1]!.type).toEqual({ kind: 'number' });
    expect(pad.params[1]!.optional).toBe(true);
    expect(pad.literals).toEqual(expect.arrayContaining([5, 6, 4]));
    const other = a.functions.find((f) => f.name === 'other')!;
    expect(other.params[0]!.typeofChecks).toEqual(['string']);
  });

  it('treats `module.exports = function` as the module itself', () => {
    const a = analyzeSource('module.exports = function ms(val, options) { return val; };', '/x/ms.js');
    expect(a.functions.map((f) => f.name)).toEqual(['module.exports']);
  });
});

describe('input generation', () => {
  it('uses comparison constants, boundaries and name hints, base case first', () => {
    const a = analyzeSource('export function grade(score: number, email: string) { if (score >= 90) return "A"; return email.includes("@") ? "B" : "C"; }', '/x/g.ts');
    const f = a.functions[0]!;
    const score = candidatesForParam(f.params[0]!, f.literals);
    expect(score[0]).toBe('90');
    expect(score).toEqual(expect.arrayContaining(['89', '91', '0', '-1', 'NaN', 'Infinity']));
    const email = candidatesForParam(f.params[1]!, f.literals);
    expect(email).toEqual(expect.arrayContaining([`'user@example.com'`, `''`]));
    const cases = buildArgumentLists(f.params, f.literals, 10);
    expect(cases).toHaveLength(10);
    expect(cases[0]).toEqual(['90', email[0]]);
    expect(new Set(cases.map((c) => c.join('|'))).size).toBe(cases.length);
  });

  it('leaves optional parameters with literal defaults out of the base case', () => {
    const a = analyzeSource('export function clamp(v: number, min = 0, max = 100) { return Math.min(max, Math.max(min, v)); }', '/x/c.ts');
    const cases = buildArgumentLists(a.functions[0]!.params, a.functions[0]!.literals, 16);
    expect(cases[0]).toEqual(['1']);
    expect(cases.some((c) => c.length === 2)).toBe(true);
  });

  it('every candidate is valid JavaScript', () => {
    const a = analyzeSource('export function f(a: Date, b: Map<string, number>, c: Set<number>, d: bigint, e: [string, number], g?: RegExp | null) {}', '/x/f.ts');
    for (const args of buildArgumentLists(a.functions[0]!.params, [], 40)) {
      expect(() => new Function(`return [${args.join(', ')}];`)()).not.toThrow();
    }
  });
});
