import type { CallSpec, Encoded, StableOutcome } from './characterize.js';
import { describeValue, hasInstances, isPrimitiveEncoding, renderValue } from './render.js';

export type Framework = 'vitest' | 'jest' | 'node:test';
export const FRAMEWORKS: readonly Framework[] = ['vitest', 'jest', 'node:test'];

export interface CharacterizedCase {
  call: CallSpec;
  outcome: StableOutcome;
}

export interface EmitOptions {
  framework: Framework;
  /** Module specifier from the test file to the source, e.g. '../src/math.js'. */
  importPath: string;
  format: 'esm' | 'cjs';
  /** Exported class names (usable in `toThrow(Class)` and `new Class`). */
  exportedClasses: string[];
  cases: CharacterizedCase[];
  /** Title for the outer describe block (the source's path relative to the project). */
  title: string;
  /** All export names found; asserted to exist when no call could be characterized. */
  exportNames?: string[];
}

export interface EmittedTests {
  /** The test file body (without the aqe header). */
  body: string;
  tests: number;
}

const GLOBAL_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'URIError', 'EvalError', 'AggregateError']);

function identifierFor(exportName: string): string {
  if (exportName === 'default') return 'defaultExport';
  if (exportName === 'module.exports') return 'mod';
  return /^[A-Za-z_$][\w$]*$/.test(exportName) ? exportName : `export_${exportName.replace(/\W/g, '_')}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exactMessage(msg: string): string {
  return `new RegExp(${JSON.stringify(`^${escapeRegExp(msg)}$`)})`;
}

class Writer {
  private lines: string[] = [];
  private depth = 0;
  line(s = ''): void {
    this.lines.push(s ? '  '.repeat(this.depth) + s : '');
  }
  indent(f: () => void): void {
    this.depth++;
    f();
    this.depth--;
  }
  text(): string {
    return this.lines.join('\n') + '\n';
  }
}

/** Framework-specific assertion lines. */
interface Dialect {
  imports(): string[];
  equal(actual: string, expected: string, primitive: boolean, loose: boolean): string;
  truthy(cond: string): string;
  throws(call: string, t: { cls?: string; msg?: string; err: boolean }, classRef?: string): string[];
  rejects(call: string, t: { cls?: string; msg?: string; err: boolean }, classRef?: string): string[];
}

const expectDialect = (framework: 'vitest' | 'jest'): Dialect => ({
  imports: () => (framework === 'vitest' ? [`import { describe, it, expect } from 'vitest';`] : [`import { describe, it, expect } from '@jest/globals';`]),
  equal: (a, e, primitive) => (primitive ? `expect(${a}).toBe(${e});` : `expect(${a}).toEqual(${e});`),
  truthy: (c) => `expect(${c}).toBe(true);`,
  throws: (call, t, classRef) => {
    const out: string[] = [];
    if (classRef) out.push(`expect(() => ${call}).toThrow(${classRef});`);
    out.push(t.err && t.msg !== undefined ? `expect(() => ${call}).toThrow(${exactMessage(t.msg)});` : `expect(() => ${call}).toThrow();`);
    return out;
  },
  rejects: (call, t, classRef) => {
    const out: string[] = [];
    if (classRef) out.push(`await expect(${call}).rejects.toThrow(${classRef});`);
    out.push(t.err && t.msg !== undefined ? `await expect(${call}).rejects.toThrow(${exactMessage(t.msg)});` : `await expect(${call}).rejects.toBeDefined();`);
    return out;
  },
});

const nodeDialect: Dialect = {
  imports: () => [`import { describe, it } from 'node:test';`, `import assert from 'node:assert/strict';`, `import legacyAssert from 'node:assert';`],
  equal: (a, e, primitive, loose) => (primitive ? `assert.equal(${a}, ${e});` : loose ? `legacyAssert.deepEqual(${a}, ${e});` : `assert.deepEqual(${a}, ${e});`),
  truthy: (c) => `assert.equal(${c}, true);`,
  throws: (call, t, classRef) => {
    const out: string[] = [];
    if (classRef) out.push(`assert.throws(() => ${call}, ${classRef});`);
    out.push(t.err ? `assert.throws(() => ${call}, { name: ${JSON.stringify(t.cls)}${t.msg !== undefined ? `, message: ${JSON.stringify(t.msg)}` : ''} });` : `assert.throws(() => ${call});`);
    return out;
  },
  rejects: (call, t, classRef) => {
    const out: string[] = [];
    if (classRef) out.push(`await assert.rejects(() => ${call}, ${classRef});`);
    out.push(t.err ? `await assert.rejects(() => ${call}, { name: ${JSON.stringify(t.cls)}${t.msg !== undefined ? `, message: ${JSON.stringify(t.msg)}` : ''} });` : `await assert.rejects(() => ${call});`);
    return out;
  },
};

function dialectFor(f: Framework): Dialect {
  return f === 'node:test' ? nodeDialect : expectDialect(f);
}

/** Shape assertions for values that have no literal form or that differ between runs. */
function shapeAssertions(d: Dialect, actual: string, v: Encoded): string[] {
  if (v === null) return [d.equal(actual, 'null', true, false)];
  if (typeof v !== 'object') return [d.equal(`typeof ${actual}`, JSON.stringify(typeof v), true, false)];
  const t = v as { $: string; cls?: string | null; v?: unknown; msg?: string; ctor?: string };
  switch (t.$) {
    case 'fn':
      return [d.equal(`typeof ${actual}`, `'function'`, true, false)];
    case 'sym':
      return [d.equal(`typeof ${actual}`, `'symbol'`, true, false)];
    case 'date':
      return [d.truthy(`${actual} instanceof Date`)];
    case 'err':
      return [d.truthy(`${actual} instanceof Error`), ...(t.msg !== undefined ? [d.equal(`${actual}.message`, JSON.stringify(t.msg), true, false)] : [])];
    case 'arr':
    case 'iter':
      return [d.truthy(`Array.isArray(${actual})`)];
    case 'map':
      return [d.truthy(`${actual} instanceof Map`)];
    case 'set':
      return [d.truthy(`${actual} instanceof Set`)];
    case 'obj':
      return [
        d.equal(`typeof ${actual}`, `'object'`, true, false),
        d.equal(`Object.keys(${actual}).sort()`, JSON.stringify(Object.keys(t.v as object).sort()), false, false),
      ];
    default:
      return [d.equal(`typeof ${actual}`, `'object'`, true, false)];
  }
}

function callExpression(c: CallSpec, ref: (exportName: string) => string): string {
  const args = c.args.join(', ');
  switch (c.kind) {
    case 'fn':
      return `${ref(c.name!)}(${args})`;
    case 'ctor':
      return `new ${ref(c.cls!)}(${args})`;
    case 'static':
      return `${ref(c.cls!)}.${c.method}(${args})`;
    case 'method':
      return `new ${ref(c.cls!)}(${(c.ctorArgs ?? []).join(', ')}).${c.method}(${args})`;
  }
}

function groupName(c: CallSpec): string {
  if (c.kind === 'fn') return c.name === 'module.exports' ? 'module.exports' : c.name!;
  if (c.kind === 'ctor') return `new ${c.cls}`;
  return c.kind === 'static' ? `${c.cls}.${c.method}` : `${c.cls}#${c.method}`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 3)}...` : s;
}

/** Writes the characterization tests: one `it` per call, grouped per export (describe). */
export function emitTests(opts: EmitOptions): EmittedTests {
  const d = dialectFor(opts.framework);
  const w = new Writer();
  const used = new Set<string>();
  for (const c of opts.cases) {
    for (const n of [c.call.name, c.call.cls]) if (n) used.add(n);
  }
  let tests = 0;
  const surfaceOnly = opts.cases.length === 0;
  const surface = (opts.exportNames ?? []).filter((n) => n !== 'module.exports');
  if (surfaceOnly) for (const n of surface) used.add(n);
  for (const l of d.imports()) w.line(l);
  if (surfaceOnly && opts.format !== 'cjs' && !surface.length) {
    w.line(`import * as mod from ${JSON.stringify(opts.importPath)};`);
  } else if (opts.format === 'cjs') {
    w.line(`import { createRequire } from 'node:module';`);
    w.line();
    w.line(`const requireModule = createRequire(import.meta.url);`);
    w.line(`const mod = requireModule(${JSON.stringify(opts.importPath)});`);
  } else {
    const specs = [...used].sort().map((n) => (identifierFor(n) === n ? n : `${n === 'default' ? 'default' : JSON.stringify(n)} as ${identifierFor(n)}`));
    w.line(`import { ${specs.join(', ')} } from ${JSON.stringify(opts.importPath)};`);
  }
  w.line();
  const ref = (name: string): string => {
    if (opts.format === 'cjs') return name === 'module.exports' ? 'mod' : /^[A-Za-z_$][\w$]*$/.test(name) ? `mod.${name}` : `mod[${JSON.stringify(name)}]`;
    return identifierFor(name);
  };
  const groups = new Map<string, CharacterizedCase[]>();
  for (const c of opts.cases) {
    const g = groupName(c.call);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(c);
  }
  w.line(`describe(${JSON.stringify(opts.title)}, () => {`);
  if (surfaceOnly) {
    // nothing could be called reproducibly: pin the module's public surface at least
    w.indent(() => {
      w.line(`it(${JSON.stringify(surface.length ? `exports ${surface.join(', ')}` : 'loads')}, () => {`);
      w.indent(() => {
        if (!surface.length) w.line(d.equal('typeof mod', `'object'`, true, false));
        for (const n of surface) w.line(d.truthy(`${ref(n)} !== undefined`));
      });
      w.line('});');
    });
    tests++;
  }
  w.indent(() => {
    let firstGroup = true;
    for (const [g, cases] of groups) {
      if (!firstGroup) w.line();
      firstGroup = false;
      w.line(`describe(${JSON.stringify(g)}, () => {`);
      const names = new Set<string>();
      w.indent(() => {
        for (const { call, outcome } of cases) {
          const expr = callExpression(call, ref);
          const isAsync = outcome.async;
          let title: string;
          const body: string[] = [];
          if (outcome.status === 'threw') {
            const t = outcome.thrown ?? { err: false };
            const clsName = t.ctor && t.ctor === t.cls ? t.ctor : undefined;
            const classRef = clsName && GLOBAL_ERRORS.has(clsName) ? clsName
              : clsName && opts.exportedClasses.includes(clsName) ? ref(clsName) : undefined;
            title = `${truncate(expr, 70)} ${isAsync ? 'rejects' : 'throws'} ${t.err ? t.cls ?? 'Error' : 'a non-Error value'}`;
            body.push(...(isAsync ? d.rejects(expr, t, classRef) : d.throws(expr, t, classRef)));
          } else {
            const v = outcome.value;
            const actual = isAsync ? `(await ${expr})` : expr;
            const isIter = typeof v === 'object' && v !== null && (v as { $: string }).$ === 'iter';
            const actualExpr = isIter ? `[...${actual}]` : actual;
            const rendered = outcome.stability === 'exact' ? renderValue(v) : undefined;
            if (rendered !== undefined && rendered.length <= 4000) {
              title = `${truncate(expr, 70)} ${isAsync ? 'resolves to' : 'returns'} ${describeValue(v)}`;
              body.push(d.equal(actualExpr, rendered, isPrimitiveEncoding(v), hasInstances(v)));
            } else {
              title = `${truncate(expr, 70)} ${isAsync ? 'resolves to' : 'returns'} ${outcome.stability === 'shape' ? 'a value of stable shape' : describeValue(v)}`;
              body.push(`const result = ${actualExpr};`);
              body.push(...shapeAssertions(d, 'result', v));
            }
          }
          let unique = title;
          for (let n = 2; names.has(unique); n++) unique = `${title} (#${n})`;
          names.add(unique);
          w.line(`it(${JSON.stringify(unique)}, ${isAsync ? 'async ' : ''}() => {`);
          w.indent(() => body.forEach((b) => w.line(b)));
          w.line('});');
          tests++;
        }
      });
      w.line('});');
    }
  });
  w.line('});');
  return { body: w.text(), tests };
}
