import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeRuns, type CallOutcome } from '../../../src/agents/test-generator/characterize.js';
import { emitTests } from '../../../src/agents/test-generator/emit.js';
import { isUntouchedGenerated, parseHeader, sideFilePath, withHeader, writeGeneratedFile } from '../../../src/agents/test-generator/header.js';
import { renderValue } from '../../../src/agents/test-generator/render.js';
import { sharesObjectSource } from '../../../src/agents/test-generator/shares-object.js';
import ts from 'typescript';
import { extractCode, validateTestCode } from '../../../src/agents/test-generator/validate.js';
import { analyzeSource } from '../../../src/agents/test-generator/analysis.js';

describe('renderValue', () => {
  it('renders the tagged encoding back to equal JavaScript values', () => {
    const enc = { $: 'obj', cls: null, v: { a: { $: 'u' }, n: { $: 'nan' }, z: { $: '-0' }, big: { $: 'big', v: '12' }, d: { $: 'date', v: '2024-01-01T00:00:00.000Z' }, m: { $: 'map', v: [['k', { $: 'set', v: [1, 2] }]] }, arr: { $: 'arr', v: ['x', { $: 'inf' }] }, re: { $: 're', src: 'a+', flags: 'g' } } };
    const src = renderValue(enc)!;
    const v = new Function(`return ${src};`)();
    expect(v.a).toBeUndefined();
    expect(Number.isNaN(v.n)).toBe(true);
    expect(Object.is(v.z, -0)).toBe(true);
    expect(v.big).toBe(12n);
    expect(v.d.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(v.m.get('k')).toEqual(new Set([1, 2]));
    expect(v.arr).toEqual(['x', Infinity]);
    expect(v.re).toEqual(/a+/g);
  });

  it('has no literal for functions, symbols and cycles', () => {
    expect(renderValue({ $: 'fn', name: 'f' })).toBeUndefined();
    expect(renderValue({ $: 'arr', v: [{ $: 'cycle' }] })).toBeUndefined();
  });
});

describe('mergeRuns', () => {
  const ret = (value: unknown): CallOutcome => ({ status: 'returned', async: false, value, ms: 1 });
  it('keeps identical results, asserts same-shape ones by shape, drops the rest', () => {
    const a = [ret(1), ret({ $: 'obj', cls: null, v: { t: 5 } }), ret('x'), { status: 'timeout', async: true, ms: 0 } as CallOutcome];
    const b = [ret(1), ret({ $: 'obj', cls: null, v: { t: 6 } }), ret(2), { status: 'timeout', async: true, ms: 0 } as CallOutcome];
    const m = mergeRuns(a, b);
    expect(m[0]?.stability).toBe('exact');
    expect(m[1]?.stability).toBe('shape');
    expect(m[2]).toBeUndefined();
    expect(m[3]).toBeUndefined();
  });
});

describe('emitTests', () => {
  const cases = [
    { call: { kind: 'fn' as const, name: 'div', args: ['4', '2'] }, outcome: { status: 'returned' as const, async: false, value: 2, ms: 1, stability: 'exact' as const } },
    { call: { kind: 'fn' as const, name: 'div', args: ['1', '0'] }, outcome: { status: 'threw' as const, async: false, thrown: { err: true, cls: 'RangeError', ctor: 'RangeError', msg: 'division by zero (a/b)' }, ms: 1, stability: 'exact' as const } },
    { call: { kind: 'fn' as const, name: 'later', args: [] }, outcome: { status: 'returned' as const, async: true, value: { $: 'arr', v: [1] }, ms: 1, stability: 'exact' as const } },
  ];
  it('writes vitest assertions: deep equality, class and exact message of errors, awaited promises', () => {
    const { body, tests } = emitTests({ framework: 'vitest', importPath: '../src/m.js', format: 'esm', exportedClasses: [], cases, title: 'src/m.ts' });
    expect(tests).toBe(3);
    expect(body).toContain(`import { div, later } from "../src/m.js";`);
    expect(body).toContain('expect(div(4, 2)).toBe(2);');
    expect(body).toContain('expect(() => div(1, 0)).toThrow(RangeError);');
    expect(body).toContain(String.raw`toThrow(new RegExp("^division by zero \\(a/b\\)$"))`);
    expect(body).toContain('expect((await later())).toEqual([1]);');
    expect(() => new Function(body.replace(/^import .*$/gm, ''))).not.toThrow(SyntaxError);
  });

  it('writes node:test assertions with assert.throws and a CommonJS require', () => {
    const { body } = emitTests({ framework: 'node:test', importPath: './m.cjs', format: 'cjs', exportedClasses: [], cases, title: 'm' });
    expect(body).toContain(`import { describe, it } from 'node:test';`);
    expect(body).toContain('const mod = requireModule("./m.cjs");');
    expect(body).toContain(`assert.throws(() => mod.div(1, 0), { name: "RangeError", message: "division by zero (a/b)" });`);
    expect(body).toContain('assert.deepEqual((await mod.later()), [1]);');
  });

  it('pins the export surface when nothing could be characterized', () => {
    const { body, tests } = emitTests({ framework: 'vitest', importPath: './m.js', format: 'esm', exportedClasses: [], cases: [], title: 'm', exportNames: ['a', 'B'] });
    expect(tests).toBe(1);
    expect(body).toContain('it("exports a, B"');
  });
});

describe('what a result shares with its argument (copies)', () => {
  const sharesObject = (typescript = false): ((r: unknown, a: unknown) => boolean) =>
    new Function(`${typescript ? ts.transpileModule(sharesObjectSource(true), { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText : sharesObjectSource()}; return sharesObject;`)();

  it('tells a deep copy from a shallow one and a wrapper, the same in its JavaScript and TypeScript forms', () => {
    for (const f of [sharesObject(), sharesObject(true)]) {
      const arg = { a: { b: [1, { c: 2 }] }, m: new Map([['k', { v: 1 }]]) };
      expect(f(structuredClone(arg), arg)).toBe(false);
      expect(f({ ...arg }, arg)).toBe(true);
      expect(f({ wrapped: arg }, arg)).toBe(true);
      expect(f({ m: new Map([['k', arg.m.get('k')]]) }, arg)).toBe(true);
      // getters are not run
      expect(f({ get boom(): never { throw new Error('ran'); } }, arg)).toBe(false);
    }
  });

  it('has a TypeScript form that strict type checking accepts (it lands in TypeScript test files)', () => {
    const file = '/virtual/shares.ts';
    const text = `${sharesObjectSource(true)}\nexport const used = sharesObject({}, {});\n`;
    const options = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [] };
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang) => (name === file ? ts.createSourceFile(name, text, lang) : read(name, lang));
    const program = ts.createProgram([file], options, host);
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('asserts identity and sharing for a function call whose result relates to an object argument', () => {
    const outcome = (rel: { arg: number; same: boolean; shared: boolean }): CallOutcome => ({ status: 'returned', async: false, ms: 1, value: { $: 'obj', cls: null, v: { a: 1 } }, rel });
    const cases = [
      { call: { kind: 'fn' as const, name: 'clone', args: ['{ a: 1 }'] }, outcome: { ...outcome({ arg: 0, same: false, shared: false }), stability: 'exact' as const } },
      { call: { kind: 'fn' as const, name: 'id', args: ['{ a: 1 }'] }, outcome: { ...outcome({ arg: 0, same: true, shared: false }), stability: 'exact' as const } },
    ];
    for (const framework of ['vitest', 'node:test'] as const) {
      const { body } = emitTests({ framework, importPath: './m.js', format: 'esm', exportedClasses: [], cases, title: 'm', typescript: framework === 'vitest' });
      expect(body).toContain('const args = [{ a: 1 }];');
      expect(body).toContain('const result = clone(...args);');
      expect(body.match(/function sharesObject\(/g)).toHaveLength(1);
      if (framework === 'vitest') {
        expect(body).toContain('expect(result === args[0]).toBe(false);');
        expect(body).toContain('expect(sharesObject(result, args[0])).toBe(false);');
        expect(body).toContain('function sharesObject(result: unknown, arg: unknown): boolean');
        // the argument itself: identity only
        expect(body).toContain('expect(result === args[0]).toBe(true);');
      } else {
        expect(body).toContain('assert.equal(sharesObject(result, args[0]), false);');
      }
    }
  });

  it('keeps the relation only when both runs agree on it', () => {
    const base = { status: 'returned' as const, async: false, ms: 1, value: { $: 'obj', cls: null, v: {} } };
    const [agree, differ] = mergeRuns(
      [{ ...base, rel: { arg: 0, same: false, shared: true } }, { ...base, rel: { arg: 0, same: false, shared: true } }],
      [{ ...base, rel: { arg: 0, same: false, shared: true } }, { ...base, rel: { arg: 0, same: false, shared: false } }],
    );
    expect(agree?.rel).toEqual({ arg: 0, same: false, shared: true });
    expect(differ).toBeDefined();
    expect(differ?.rel).toBeUndefined();
  });

  it('renders an own __proto__ key as an own key, not as the prototype', () => {
    // as the child reports it: JSON, where __proto__ is an own key (an object literal would set the prototype)
    const src = renderValue(JSON.parse('{"$":"obj","cls":null,"v":{"a":1,"__proto__":{"$":"obj","cls":null,"v":{"polluted":true}}}}'))!;
    const v = new Function(`return ${src};`)();
    expect(Object.keys(v)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(v).toEqual(JSON.parse('{"a":1,"__proto__":{"polluted":true}}'));
  });
});

describe('header and write policy', () => {
  const info = { generatedAt: '2026-01-01T00:00:00.000Z', engine: 'e', source: 'src/m.ts', sourceSha256: 'abc' };
  it('round-trips the header and detects edits by the content hash', () => {
    const text = withHeader('it("x", () => {});\n', info);
    expect(parseHeader(text)?.info.source).toBe('src/m.ts');
    expect(isUntouchedGenerated(text)).toBe(true);
    expect(isUntouchedGenerated(text.replace('"x"', '"y"'))).toBe(false);
    expect(isUntouchedGenerated('// my own test\n')).toBe(false);
  });

  it('overwrites only untouched aqe files; otherwise writes beside them or refuses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aqe-hdr-'));
    const p = join(dir, 'm.test.ts');
    const v1 = withHeader('// v1\n', info);
    const v2 = withHeader('// v2\n', info);
    expect(writeGeneratedFile(p, v1).action).toBe('created');
    expect(writeGeneratedFile(p, v2).action).toBe('overwritten');
    expect(readFileSync(p, 'utf8')).toBe(v2);
    writeFileSync(p, v2.replace('// v2', '// v2 edited by me'));
    const side = writeGeneratedFile(p, v1);
    expect(side.action).toBe('side-file');
    expect(side.path).toBe(join(dir, 'm.aqe.test.ts'));
    expect(readFileSync(p, 'utf8')).toContain('edited by me');
    expect(writeGeneratedFile(p, v1, { noSideFile: true }).action).toBe('refused');
    expect(sideFilePath('/a/x.test.mjs')).toBe('/a/x.aqe.test.mjs');
  });
});

describe('validation of model answers', () => {
  const analysis = analyzeSource('export function add(a: number, b: number) { return a + b; }', '/p/src/add.ts');
  it('extracts the fenced code block', () => {
    expect(extractCode('Here:\n```ts\nit("a", () => {});\n```\nDone.')).toBe('it("a", () => {});\n');
    expect(extractCode('it("b", () => {});')).toBe('it("b", () => {});\n');
  });
  it('accepts a good file and names each problem of a bad one', () => {
    const good = `import { describe, it, expect } from 'vitest';\nimport { add } from '../src/add.js';\nit('adds', () => { expect(add(1, 2)).toBe(3); });\n`;
    expect(validateTestCode(good, '/p/test/add.test.ts', '/p/src/add.ts', analysis)).toEqual([]);
    const bad = `import { sub } from '../src/add.js';\nimport x from 'lodash';\nit('x', () => { expect(sub(1).toBe(0); });\n`;
    const problems = validateTestCode(bad, '/p/test/add.test.ts', '/p/src/add.ts', analysis);
    expect(problems.some((p) => p.startsWith('syntax error'))).toBe(true);
    expect(problems.some((p) => p.includes('"sub"'))).toBe(true);
    expect(problems.some((p) => p.includes('"lodash"'))).toBe(true);
  });
});
