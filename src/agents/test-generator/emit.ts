import type { CallSpec, Encoded, SeqObservation, StableOutcome, ThrownInfo } from './characterize.js';
import { describeValue, hasInstances, isPrimitiveEncoding, renderValue } from './render.js';
import { sharesObjectSource } from './shares-object.js';

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
  /** A TypeScript test file: helpers written into it carry types. */
  typescript?: boolean;
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
  /** An asymmetric matcher for "some function" inside expected values, when the framework has one. */
  anyFunction?: string;
  imports(): string[];
  equal(actual: string, expected: string, primitive: boolean, loose: boolean): string;
  truthy(cond: string): string;
  throws(call: string, t: { cls?: string; msg?: string; err: boolean; v?: Encoded }, classRef?: string): string[];
  rejects(call: string, t: { cls?: string; msg?: string; err: boolean; v?: Encoded }, classRef?: string): string[];
}

const expectDialect = (framework: 'vitest' | 'jest'): Dialect => ({
  anyFunction: 'expect.any(Function)',
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
    if (t.err && t.msg !== undefined) out.push(`await expect(${call}).rejects.toThrow(${exactMessage(t.msg)});`);
    else if (t.err) out.push(`await expect(${call}).rejects.toBeInstanceOf(Error);`);
    else {
      // a rejection with a non-Error value (even undefined): assert the value itself
      const rendered = renderValue(t.v ?? { $: 'u' });
      out.push(rendered !== undefined ? `await expect(${call}).rejects.toEqual(${rendered});` : `await expect(${call}).rejects.not.toBeInstanceOf(Error);`);
    }
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
      return [d.truthy(`Array.isArray(${actual})`), ...(t.$ === 'arr' && !(t as { more?: boolean }).more ? [d.equal(`${actual}.length`, String((t.v as unknown[]).length), true, false)] : [])];
    case 'map':
      return [d.truthy(`${actual} instanceof Map`), d.equal(`${actual}.size`, String((t.v as unknown[]).length), true, false)];
    case 'set':
      return [d.truthy(`${actual} instanceof Set`), d.equal(`${actual}.size`, String((t.v as unknown[]).length), true, false)];
    case 'obj':
      return [
        d.equal(`typeof ${actual}`, `'object'`, true, false),
        d.equal(`Object.keys(${actual}).sort()`, JSON.stringify(Object.keys(t.v as object).sort()), false, false),
      ];
    default:
      return [d.equal(`typeof ${actual}`, `'object'`, true, false)];
  }
}

/** Which of a few fixed alphabets a varying string keeps to (never narrower than url-safe unless well sampled). */
function alphabetOf(samples: string[]): string | undefined {
  const all = samples.join('');
  if (!all.length) return undefined;
  if (all.length >= 16 && /^[0-9]+$/.test(all)) return '^[0-9]*$';
  if (all.length >= 32 && /^[0-9a-f]+$/.test(all)) return '^[0-9a-f]*$';
  if (/^[A-Za-z0-9_-]+$/.test(all)) return '^[A-Za-z0-9_-]*$';
  if (/^[\x20-\x7e]+$/.test(all)) return '^[\\x20-\\x7e]*$';
  return undefined;
}

/**
 * Assertions on output that differs between runs (random ids, timestamps): what both runs agree on, such as a
 * string's length and alphabet, a number's integrality and range, an array's length, an object's keys.
 */
export function propertyAssertions(d: Dialect, actual: string, a: Encoded, b: Encoded | undefined): string[] {
  if (typeof a === 'string' && typeof b === 'string') {
    const out = [d.equal(`typeof ${actual}`, `'string'`, true, false)];
    if (a.length === b.length) out.push(d.equal(`${actual}.length`, String(a.length), true, false));
    else out.push(d.truthy(`${actual}.length >= ${Math.min(a.length, b.length)}`));
    const alpha = alphabetOf([a, b]);
    if (alpha) out.push(d.truthy(`/${alpha}/.test(${actual})`));
    return out;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    const out = [d.equal(`typeof ${actual}`, `'number'`, true, false)];
    if (Number.isInteger(a) && Number.isInteger(b)) out.push(d.truthy(`Number.isInteger(${actual})`));
    if (a >= 0 && b >= 0) out.push(d.truthy(`${actual} >= 0`));
    if (a >= 0 && a < 1 && b >= 0 && b < 1) out.push(d.truthy(`${actual} < 1`));
    return out;
  }
  const ta = a as { $?: string; v?: unknown[] };
  const tb = b as { $?: string; v?: unknown[] } | undefined;
  if (ta && typeof ta === 'object' && ta.$ === 'arr' && tb?.$ === 'arr' && ta.v!.length === tb.v!.length) {
    return [d.truthy(`Array.isArray(${actual})`), d.equal(`${actual}.length`, String(ta.v!.length), true, false)];
  }
  return shapeAssertions(d, actual, a);
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
    case 'seq':
      return '';
  }
}

const EXPORT_TOKEN = /\u27ea([^\u27eb]+)\u27eb/g;

/** Export names a sequence's steps refer to. */
export function sequenceExports(c: CallSpec): string[] {
  return [...new Set((c.steps ?? []).flatMap((s) => [...(s.do ?? s.see ?? '').matchAll(EXPORT_TOKEN)].map((m) => m[1]!)))];
}

/** The body of a sequence test: its statements, and an assertion per observation (see characterize.ts SeqObservation). */
function sequenceBody(d: Dialect, c: CallSpec, obs: SeqObservation[], ref: (n: string) => string, classRefFor: (t: ThrownInfo) => string | undefined): string[] {
  const body: string[] = [];
  const sub = (code: string): string => code.replace(EXPORT_TOKEN, (_, n: string) => ref(n));
  const helpers = new Set((c.steps ?? []).map((s) => /^const (\w+) = /.exec(s.do ?? '')?.[1]).filter(Boolean));
  // the sequence's own callbacks compare by identity; other functions match any function (expect dialects)
  const fnRef = (f: { name?: string }): string | undefined => (f.name && helpers.has(f.name) ? f.name : d.anyFunction);
  let k = 0;
  for (const step of c.steps ?? []) {
    if (step.see === undefined) {
      body.push(`${sub(step.do ?? '')};`);
      continue;
    }
    const o = obs[k++];
    const expr = sub(step.see);
    if (!o || o.st === 'drop') {
      body.push(`await (async () => ${expr})().catch(() => {});`);
      continue;
    }
    if (!o.ok) {
      const t = o.t ?? { err: false };
      body.push(...d.rejects(`(async () => ${expr})()`, t, classRefFor(t)));
      continue;
    }
    const rendered = o.st === 'exact' ? renderValue(o.v, fnRef) : undefined;
    if (rendered !== undefined && rendered.length <= 2000) {
      body.push(d.equal(`await (${expr})`, rendered, isPrimitiveEncoding(o.v), hasInstances(o.v)));
    } else {
      const v = `v${k}`;
      body.push(`const ${v} = await (${expr});`);
      body.push(...(o.st === 'shape' ? propertyAssertions(d, v, o.v, o.other) : shapeAssertions(d, v, o.v)));
    }
  }
  return body;
}

function groupName(c: CallSpec): string {
  if (c.kind === 'seq') return c.group ?? 'call sequences';
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
    for (const n of [c.call.name, c.call.cls, ...sequenceExports(c.call)]) if (n) used.add(n);
  }
  let tests = 0;
  let needsShares = false;
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
  const classRefFor = (t: ThrownInfo): string | undefined => {
    const clsName = t.ctor && t.ctor === t.cls ? t.ctor : undefined;
    return clsName && GLOBAL_ERRORS.has(clsName) ? clsName : clsName && opts.exportedClasses.includes(clsName) ? ref(clsName) : undefined;
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
        // a UMD build or a function-valued module.exports is a function, a namespace an object
        if (!surface.length) w.line(d.truthy(`typeof mod === 'object' || typeof mod === 'function'`));
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
          if (call.kind === 'seq') {
            const obs = ((outcome.value as { v?: SeqObservation[] } | undefined)?.v ?? []);
            let title = `${call.label ?? 'call sequence'}`;
            for (let n = 2; names.has(title); n++) title = `${call.label ?? 'call sequence'} (#${n})`;
            names.add(title);
            w.line(`it(${JSON.stringify(title)}, async () => {`);
            w.indent(() => sequenceBody(d, call, obs, ref, classRefFor).forEach((b) => w.line(b)));
            w.line('});');
            tests++;
            continue;
          }
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
            const rel = call.kind === 'fn' && !isIter ? outcome.rel : undefined;
            if (rendered !== undefined && rendered.length <= 4000) {
              title = `${truncate(expr, 70)} ${isAsync ? 'resolves to' : 'returns'} ${describeValue(v)}`;
              if (rel) {
                // a copy and the argument itself are deeply equal: say which one it is, and what they share
                body.push(`const args = [${call.args.join(', ')}];`);
                body.push(`const result = ${isAsync ? 'await ' : ''}${ref(call.name!)}(...args);`);
                body.push(d.equal('result', rendered, isPrimitiveEncoding(v), hasInstances(v)));
                body.push(d.equal(`result === args[${rel.arg}]`, String(rel.same), true, false));
                if (!rel.same) {
                  body.push(d.equal(`sharesObject(result, args[${rel.arg}])`, String(rel.shared), true, false));
                  needsShares = true;
                }
              } else body.push(d.equal(actualExpr, rendered, isPrimitiveEncoding(v), hasInstances(v)));
            } else {
              title = `${truncate(expr, 70)} ${isAsync ? 'resolves to' : 'returns'} ${outcome.stability === 'shape' ? 'a value of stable shape' : describeValue(v)}`;
              body.push(`const result = ${actualExpr};`);
              body.push(...(outcome.stability === 'shape' ? propertyAssertions(d, 'result', v, outcome.other) : shapeAssertions(d, 'result', v)));
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
  let text = w.text();
  if (needsShares) {
    // the helper goes after the imports (a function declaration is hoisted, but readers look for it at the top)
    const at = text.indexOf('\ndescribe(');
    text = `${text.slice(0, at)}\n/** Whether result holds an object reachable from arg (a deep copy holds none). */\n${sharesObjectSource(opts.typescript)}\n${text.slice(at)}`;
  }
  return { body: text, tests };
}
