import { CLASS_INSTANCE, type ParamInfo, type TypeShape } from './analysis.js';

/**
 * Input generation. Every candidate is JavaScript source text (e.g. `'abc'`, `-1`, `NaN`, `[1, 2]`), so the same
 * text is evaluated in the characterization child and written into the test file: what ran is what is asserted.
 */

export const DEFAULT_MAX_CASES = 16;

const UNICODE = JSON.stringify('héllo wörld ✓ 😀');
const LONG_STRING = `'x'.repeat(1000)`;
const HTMLISH = JSON.stringify(`<b class="x">Tom & 'Jerry'</b>`);

/** Parsers of "<number><unit>" strings ("2d", "10px", "1.5 hours") compare against unit words: combine them. */
function numberPrefixed(literals: Array<string | number>): string[] {
  return literals
    .filter((l): l is string => typeof l === 'string' && /^[a-z]{1,12}$/i.test(l))
    .slice(0, 12)
    .flatMap((l, i) => (i % 2 ? [JSON.stringify(`2 ${l}`)] : [JSON.stringify(`1.5${l}`)]));
}

function lit(v: string | number | boolean): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Candidates for one type, most typical first (the first one is used as the "base" value). */
export function candidatesForShape(t: TypeShape, literals: Array<string | number>, depth = 0): string[] {
  const strs = literals.filter((l): l is string => typeof l === 'string').map(lit);
  const nums = literals.filter((l): l is number => typeof l === 'number').map(lit);
  switch (t.kind) {
    case 'string':
      return uniq([
        ...(strs.length ? [strs[0]!] : []), `'hello'`, `''`, ...strs.slice(1), ...numberPrefixed(literals),
        `' padded  '`, `'Hello World'`, `'helloWorld'`, `'foo_bar-baz'`, `'XMLHttpRequest2'`, UNICODE, HTMLISH, `'123'`, `'1.5 days'`, `'line1\\nline2\\ttab'`, LONG_STRING,
      ]);
    case 'number':
      return uniq([...(nums.length ? [nums[0]!] : []), '1', '0', '-1', ...nums.slice(1), '3.5', 'NaN', 'Infinity', '1e21', 'Number.MAX_SAFE_INTEGER', '-0']);
    case 'boolean':
      return ['true', 'false'];
    case 'bigint':
      return ['1n', '0n', '-1n', '12345678901234567890n'];
    case 'null':
      return ['null'];
    case 'undefined':
      return ['undefined'];
    case 'literal':
      return [lit(t.value)];
    case 'date':
      return [`new Date('2024-01-15T10:30:00.000Z')`, `new Date(0)`, `new Date('invalid')`];
    case 'regexp':
      return ['/a+/g', '/^$/'];
    case 'function':
      return ['(x) => x', '() => undefined'];
    case 'array': {
      if (depth > 2) return ['[]'];
      const el = candidatesForShape(t.element, literals, depth + 1).filter((c) => c !== 'undefined');
      return uniq([`[${el.slice(0, 3).join(', ')}]`, '[]', `[${el[0] ?? '1'}]`, `[${el.slice(0, 2).reverse().join(', ')}, ${el[0] ?? '1'}]`]);
    }
    case 'tuple': {
      const els = t.elements.map((e) => candidatesForShape(e, literals, depth + 1));
      return [`[${els.map((c) => c[0] ?? 'undefined').join(', ')}]`, `[${els.map((c) => c[1] ?? c[0] ?? 'undefined').join(', ')}]`];
    }
    case 'map':
      return [`new Map([['a', ${candidatesForShape(t.element, literals, depth + 1)[0] ?? '1'}]])`, 'new Map()'];
    case 'set':
      return [`new Set([${candidatesForShape(t.element, literals, depth + 1).slice(0, 2).join(', ')}])`, 'new Set()'];
    case 'object': {
      if (!t.props.length || depth > 2) return ['{}', `{ a: 1 }`];
      const per = t.props.map((p) => ({ p, c: candidatesForShape(p.type, literals, depth + 1) }));
      const obj = (pick: (c: string[], i: number) => string | undefined): string =>
        `{ ${per.map(({ p, c }, i) => [p, pick(c, i)] as const).filter(([, v]) => v !== undefined).map(([p, v]) => `${propKey(p.name)}: ${v}`).join(', ')} }`;
      const out = [obj((c) => c[0]), obj((c, i) => (per[i]!.p.optional ? undefined : c[0])), '{}'];
      for (let i = 0; i < per.length && out.length < 8; i++) {
        for (const alt of per[i]!.c.slice(1, 3)) out.push(obj((c, j) => (j === i ? alt : c[0])));
      }
      return uniq(out);
    }
    case 'union': {
      const members = t.members.map((m) => candidatesForShape(m, literals, depth + 1));
      // the first candidate of each member, then the rest round-robin
      const out: string[] = [];
      const max = Math.max(...members.map((m) => m.length));
      for (let i = 0; i < max; i++) for (const m of members) if (m[i] !== undefined) out.push(m[i]!);
      return uniq(out);
    }
    case 'any':
    default:
      return uniq([...strs.slice(0, 4), ...nums.slice(0, 4), `'abc'`, '1', '0', '-1', `''`, 'null', 'undefined', 'true', '[1, 2, 3]', '{}', 'NaN', UNICODE, ...numberPrefixed(literals).slice(0, 4), `'helloWorld'`, HTMLISH]);
  }
}

function isSimpleLiteral(text: string): boolean {
  return /^(-?\d[\d_.eE+-]*|'[^']*'|"[^"]*"|true|false|null|\[\]|\{\})$/.test(text.trim());
}

function propKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Evidence from `typeof p === 'x'`, Array.isArray(p), p.toUpperCase() ... for untyped parameters. */
function shapeFromChecks(checks: string[]): TypeShape | undefined {
  const members: TypeShape[] = [];
  for (const c of checks) {
    if (c === 'string' || c === 'number' || c === 'boolean' || c === 'bigint' || c === 'function' || c === 'undefined') members.push({ kind: c });
    else if (c === 'array') members.push({ kind: 'array', element: { kind: 'any' } });
    else if (c === 'object') members.push({ kind: 'object', props: [] });
  }
  if (!members.length) return undefined;
  return members.length === 1 ? members[0] : { kind: 'union', members };
}

/** Typical valid strings suggested by a parameter's name (an email validator needs an email to say yes). */
const NAME_HINTS: Array<[RegExp, string[]]> = [
  [/mail/i, [`'user@example.com'`, `'first.last+tag@sub.example.org'`]],
  [/url|uri|href|link/i, [`'https://example.com/path?q=1#top'`, `'http://localhost:8080'`]],
  [/path|file|dir/i, [`'dir/file.txt'`, `'/tmp/a/b.json'`]],
  [/date|time|day/i, [`'2024-01-15'`, `'2024-01-15T10:30:00Z'`]],
  [/json/i, [`'{"a":1,"b":[true,null]}'`]],
  [/colou?r|hex/i, [`'#ff8800'`, `'#fff'`]],
  [/pass(word)?|pwd/i, [`'Passw0rd!'`, `'short'`]],
  [/ip|host/i, [`'192.168.0.1'`, `'example.com'`]],
  [/uuid|guid/i, [`'123e4567-e89b-12d3-a456-426614174000'`]],
  [/phone|tel/i, [`'+1 555 0100'`]],
  [/version/i, [`'1.2.3'`, `'1.2.3-beta.1'`]],
  [/^(ms|duration|str|val|value|input|text)$/i, [`'1h'`, `'2 days'`, `'100'`]],
];

function hintsFor(name: string): string[] {
  return NAME_HINTS.filter(([re]) => re.test(name)).flatMap(([, v]) => v);
}

function mentionsString(t: TypeShape | undefined): boolean {
  if (!t) return true;
  if (t.kind === 'string' || t.kind === 'any') return true;
  return t.kind === 'union' && t.members.some(mentionsString);
}

const FLAG_NAME = /^(is|has|should|allow|enable|disable|preserve|pascal|strict|ignore|keep|long|loose|use|no|include|exclude|skip|force|verbose|all)([A-Z_]|$)|Case$/;

/** An untyped options parameter: an object with the properties the body reads (flags as booleans). */
function shapeFromProps(props: string[]): TypeShape | undefined {
  if (!props.length) return undefined;
  return {
    kind: 'object',
    props: props.map((name) => ({ name, type: FLAG_NAME.test(name) ? { kind: 'boolean' as const } : { kind: 'union' as const, members: [{ kind: 'boolean' as const }, { kind: 'string' as const }, { kind: 'number' as const }] }, optional: true })),
  };
}

/**
 * Instances of the built-ins a module checks for (analysis.builtinChecks), each with a near twin that differs in one
 * nested place: as single inputs they reach the module's per-type paths, as (value, equal copy) and (value, near
 * twin) pairs they reach its comparisons deep inside.
 */
const BUILTIN_VALUES: Record<string, [string, string]> = {
  Date: [`new Date('2024-01-15T10:30:00.000Z')`, `new Date('2024-01-15T10:30:00.001Z')`],
  RegExp: ['/ab+c/gi', '/ab+c/g'],
  Map: [`new Map([['a', 1], [{ k: 1 }, [2]]])`, `new Map([['a', 1], [{ k: 1 }, [3]]])`],
  Set: [`new Set([1, 'a', { k: 1 }])`, `new Set([1, 'a', { k: 2 }])`],
  ArrayBuffer: ['new Uint8Array([1, 2, 3]).buffer', 'new Uint8Array([1, 2, 4]).buffer'],
  DataView: ['new DataView(new Uint8Array([1, 2, 3]).buffer)', 'new DataView(new Uint8Array([1, 2, 4]).buffer)'],
  BigInt64Array: ['new BigInt64Array([1n, 2n, 3n])', 'new BigInt64Array([1n, 2n, 4n])'],
  Error: [`new TypeError('bad input')`, `new RangeError('bad input')`],
  Buffer: [`Buffer.from('abc')`, `Buffer.from('abd')`],
  WeakMap: ['new WeakMap([[{ k: 1 }, 1]])', 'new WeakMap()'],
  WeakSet: ['new WeakSet([{ k: 1 }])', 'new WeakSet()'],
  Promise: ['Promise.resolve(1)', 'Promise.resolve(2)'],
  Symbol: [`Symbol('a')`, `Symbol('b')`],
  [CLASS_INSTANCE]: [`new (class Point { constructor() { this.x = 1; this.tags = ['a']; } })()`, `new (class Point { constructor() { this.x = 2; this.tags = ['a']; } })()`],
};
for (const t of ['Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'Uint8ClampedArray']) {
  BUILTIN_VALUES[t] = [`new ${t}([1, 2, 3])`, `new ${t}([1, 2, 4])`];
}
const OWN_PROTO_KEY = `JSON.parse('{"a":1,"__proto__":{"polluted":true}}')`;

/** Nested plain values and their near twins, for untyped parameters. */
const STRUCTURED: Array<[string, string]> = [
  [`{ a: 1, b: [2, { c: 'x' }] }`, `{ a: 1, b: [2, { c: 'y' }] }`],
  ['[1, [2, [3]]]', '[1, [2, [4]]]'],
  ['{ a: 1, b: 2 }', '{ a: 1, b: 2, c: 3 }'],
];

export function builtinPairs(builtins: readonly string[]): Array<[string, string]> {
  return builtins.map((b) => BUILTIN_VALUES[b]).filter((v): v is [string, string] => !!v);
}

/** What the module as a whole tells about inputs (beyond one parameter). */
export interface InputContext {
  /** analysis.builtinChecks */
  builtins?: readonly string[];
  /** The module's literals with those mined from its docs (engine.ts), for constructors and methods too. */
  moduleLiterals?: Array<string | number>;
}

function isPrimitiveShape(shape: TypeShape | undefined): boolean {
  return !!shape && ['string', 'number', 'boolean', 'bigint'].includes(shape.kind);
}

function isLoose(shape: TypeShape | undefined): boolean {
  return !shape || shape.kind === 'any' || (shape.kind === 'object' && !shape.props.length);
}

/** A string one edit away (substitution, insertion, deletion), for pairs of strings compared with each other. */
function nearString(s: string, k: number): string {
  if (!s.length) return 'a';
  const i = k % s.length;
  const ch = s[i] === 'z' ? 'y' : 'z';
  if (k % 3 === 0) return s.slice(0, i) + ch + s.slice(i + 1);
  if (k % 3 === 1) return s.slice(0, i) + ch + s.slice(i);
  return s.slice(0, i) + s.slice(i + 1);
}

/**
 * Pairs for the first two parameters when they take the same kind of value (equality, distance and comparison
 * functions): a value with an equal copy of itself, and with a near twin.
 */
function relationalPairs(params: ParamInfo[], cands: string[][], ctx: InputContext): Array<[string, string]> {
  if (params.length < 2 || params[0]!.rest || params[1]!.rest) return [];
  const [a, b] = [params[0]!.type ?? shapeFromChecks(params[0]!.typeofChecks), params[1]!.type ?? shapeFromChecks(params[1]!.typeofChecks)];
  const out: Array<[string, string]> = [];
  if (isLoose(a) && isLoose(b)) {
    for (const [v, near] of [...builtinPairs(ctx.builtins ?? []), ...STRUCTURED]) out.push([v, v], [v, near]);
    return out;
  }
  if (a?.kind !== b?.kind) return [];
  const strings = cands[0]!.filter((c) => /^(['"]).*\1$/.test(c) && c.length > 2).slice(0, 4);
  strings.forEach((c, k) => {
    let v: string;
    try {
      v = JSON.parse(c.startsWith("'") ? `"${c.slice(1, -1).replace(/"/g, '\\"')}"` : c) as string;
    } catch {
      return;
    }
    out.push([c, c], [c, JSON.stringify(nearString(v, k))]);
  });
  const nums = cands[0]!.filter((c) => /^-?\d+(\.\d+)?$/.test(c)).slice(0, 3);
  for (const n of nums) out.push([n, n], [n, String(Number(n) + 1)]);
  return out;
}

export function candidatesForParam(p: ParamInfo, literals: Array<string | number>, ctx: InputContext = {}): string[] {
  let shape = p.type ?? shapeFromChecks(p.typeofChecks) ?? shapeFromProps(p.propsRead);
  if (shape && shape.kind === 'object' && !shape.props.length && p.propsRead.length) shape = shapeFromProps(p.propsRead);
  if (shape && p.type && p.typeofChecks.length && shape.kind === 'any') shape = shapeFromChecks(p.typeofChecks) ?? shape;
  const typed = shape ? candidatesForShape(shape, literals) : candidatesForShape({ kind: 'any' }, literals);
  const hints = mentionsString(shape) ? hintsFor(p.name) : [];
  const base = hints.length ? [typed[0]!, ...hints, ...typed.slice(1)] : typed;
  // a literal default is the most typical value: the base case leaves the parameter out (trailing undefined)
  const out = p.defaultText !== undefined && isSimpleLiteral(p.defaultText) ? ['undefined', ...base] : [...base];
  if (shape && shape.kind !== 'any') {
    // boundaries outside the declared type: what callers from plain JS can pass (guardProbe picks one of them)
    if (p.optional) out.push('undefined');
    if (!p.type) out.push('null', 'undefined');
    else out.push('null');
  }
  if (p.defaultText && !out.includes('undefined')) out.push('undefined');
  if (p.typeofChecks.length && !out.includes(`'abc'`)) out.push(`'abc'`, '42');
  const builtins = builtinPairs(ctx.builtins ?? []).map(([v]) => v);
  // untyped parameters also get the built-ins the module checks for and a nested value
  if (isLoose(shape)) out.splice(Math.min(out.length, 4), 0, ...builtins, STRUCTURED[0]![0]);
  // an undeclared parameter whose shape was guessed from the properties it reads (klona reads x.source, x.flags
  // for its RegExp path) still gets the built-ins the module checks for, after the guessed objects
  else if (!p.type && p.propsRead.length) out.splice(Math.min(out.length, 4), 0, ...builtins);
  // a module that compares keys with '__proto__' guards against prototype pollution: an object that has its own
  // `__proto__` key (only JSON.parse makes one) exercises the guard, whatever the parameter's declared shape
  if (!isPrimitiveShape(shape) && [...literals, ...(ctx.moduleLiterals ?? [])].includes('__proto__')) out.splice(Math.min(out.length, 4), 0, OWN_PROTO_KEY);
  return uniq(out);
}

/**
 * A value a parameter's `typeof` guard refuses, from its candidates (they end with the values outside its type).
 * The guard's branch is where a mutant hides, and a long list of typical values before it may use up the cases.
 */
export function guardProbe(p: ParamInfo, cands: readonly string[]): string | undefined {
  if (!p.typeofChecks.length) return undefined;
  return cands.find((c) => c === 'null') ?? cands.find((c) => c === '42' || c === `'abc'`);
}

/**
 * Argument lists around a typical call (the first one mined from the docs or tests): each parameter in turn
 * through its candidates, the others kept at the typical call's values. The generated base case pairs each
 * parameter with its own first candidate, which may send every variation down one short-cut branch (a repeat
 * function's base count of 2 returns before its loop); a call a person wrote is a point where the real work runs.
 */
export function argumentListsAround(anchor: readonly string[], params: ParamInfo[], literals: Array<string | number>, maxCases: number, ctx: InputContext = {}): string[][] {
  const usable = params.filter((p) => !p.rest).slice(0, anchor.length);
  const cands = usable.map((p) => candidatesForParam(p, literals, ctx));
  const seen = new Set([anchor.join('\u0000')]);
  const out: string[][] = [];
  const longest = Math.max(0, ...cands.map((c) => c.length));
  for (let k = 0; k < longest && out.length < maxCases; k++) {
    for (let i = 0; i < cands.length && out.length < maxCases; i++) {
      const c = cands[i]![k];
      if (c === undefined || c === anchor[i]) continue;
      const args = [...anchor];
      args[i] = c;
      const key = args.join('\u0000');
      if (!seen.has(key)) {
        seen.add(key);
        out.push(args);
      }
    }
  }
  return out;
}

/**
 * Argument lists: the base case (each parameter's first candidate), then one parameter varied at a time through its
 * candidates (one-factor-at-a-time), then a case with trailing optional parameters left out. Bounded by `budget`, plus
 * one case per parameter with a `typeof` guard (guardProbe).
 */
export function buildArgumentLists(params: ParamInfo[], literals: Array<string | number>, budget = DEFAULT_MAX_CASES, ctx: InputContext = {}): string[][] {
  let maxCases = budget;
  const usable = params.filter((p) => !p.rest);
  if (!usable.length) return params.some((p) => p.rest) ? [[], ['1', '2', '3'], [`'a'`, `'b'`]] : [[]];
  const cands = usable.map((p) => candidatesForParam(p, literals, ctx));
  // parameters of the same kind get different base values, so comparisons between them (a === b) can go both ways
  const base = cands.map((c, i) => {
    const taken = cands.slice(0, i).map((x) => x[0]);
    if (c[0] === undefined) return 'undefined';
    if (!taken.includes(c[0]) || c[0] === 'undefined') return c[0];
    return c.slice(2).find((x) => !taken.includes(x) && x !== 'undefined' && x !== 'null') ?? c[0];
  });
  const seen = new Set<string>();
  const out: string[][] = [];
  const push = (args: string[]): void => {
    // drop trailing explicit undefined so optional parameters are exercised through their defaults
    const trimmed = [...args];
    while (trimmed.length && trimmed[trimmed.length - 1] === 'undefined' && usable[trimmed.length - 1]?.optional) trimmed.pop();
    const key = trimmed.join('\u0000');
    if (seen.has(key) || out.length >= maxCases) return;
    seen.add(key);
    out.push(trimmed);
  };
  push(base);
  // each guarded parameter's refused value right after the base case, on top of the budget, so the typical values
  // the budget reached before still fit; reached again later, the same case is not repeated
  cands.forEach((c, i) => {
    const probe = guardProbe(usable[i]!, c);
    if (probe === undefined || probe === base[i]) return;
    maxCases++;
    const args = [...base];
    args[i] = probe;
    push(args);
  });
  // round-robin over parameters so every parameter gets varied before the budget runs out; pairs of related
  // values for the first two parameters take every third place
  const pairs = relationalPairs(usable, cands, ctx);
  const longest = Math.max(...cands.map((c) => c.length));
  for (let k = 1; (k < longest || pairs.length) && out.length < maxCases; k++) {
    for (let i = 0; i < cands.length; i++) {
      if (pairs.length && (out.length % 3 === 2 || k >= longest)) {
        const [x, y] = pairs.shift()!;
        push([x, y, ...base.slice(2)]);
      }
      const c = cands[i]![k];
      if (c === undefined) continue;
      const args = [...base];
      args[i] = c;
      push(args);
    }
  }
  const firstOptional = usable.findIndex((p) => p.optional);
  if (firstOptional >= 0) push(base.slice(0, firstOptional));
  return out;
}
