import type { CallSpec, Encoded, SeqStep } from './characterize.js';
import type { CharacterizedCase } from './emit.js';

/**
 * Feedback-directed call sequences (after Randoop): objects and functions that calls returned (and class instances)
 * become receivers; a probe lists their methods and properties at run time; random sequences then call those methods
 * with values from a pool (module literals, recording callbacks, async tasks, earlier results), observing the
 * receiver's state after each call, every result (awaited) and the callbacks' recorded calls.
 * In step code, ⟪name⟫ stands for the export `name` (the harness and the emitted test each substitute their own).
 */

export interface Receiver {
  /** Expression that builds it, e.g. `⟪default⟫()` or `new ⟪Semver⟫("1.2.3")`. */
  expr: string;
  /** Readable form for test titles. */
  label: string;
}

export interface Member {
  name: string;
  kind: 'fn' | 'acc' | 'val';
  /** fn: declared parameter count; acc: 1 when it has a setter. */
  n: number;
}

export interface ReceiverShape {
  callable: boolean;
  arity: number;
  members: Member[];
}

const tok = (name: string): string => `\u27ea${name}\u27eb`;
const IDENT = /^[A-Za-z_$][\w$]*$/;
const prop = (name: string): string => (IDENT.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);

function hasFunctions(v: Encoded): boolean {
  if (!v || typeof v !== 'object') return false;
  const t = v as { $: string; v?: Record<string, Encoded> };
  if (t.$ === 'fn') return true;
  return t.$ === 'obj' && Object.values(t.v ?? {}).some((x) => !!x && typeof x === 'object' && (x as { $: string }).$ === 'fn');
}

/** Receivers from the first round's results: calls that returned functions or objects with methods, and class instances. */
export function findReceivers(cases: CharacterizedCase[], classCtors: Array<{ cls: string; args: string[] }>, max = 6): Receiver[] {
  const rounds: Receiver[][] = [[], [], []];
  const perName = new Map<string, number>();
  for (const { call, outcome } of cases) {
    if (call.kind !== 'fn' || outcome.status !== 'returned' || outcome.async || !hasFunctions(outcome.value)) continue;
    const n = perName.get(call.name!) ?? 0;
    if (n >= rounds.length) continue;
    perName.set(call.name!, n + 1);
    const shown = call.name === 'module.exports' || call.name === 'default' ? 'module' : call.name!;
    // a factory called with no arguments (its defaults) first: the probe drops it when that throws
    if (n === 0 && call.args.length) rounds[0]!.push({ expr: `${tok(call.name!)}()`, label: `${shown}()` });
    rounds[n]!.push({ expr: `${tok(call.name!)}(${call.args.join(', ')})`, label: `${shown}(${call.args.join(', ')})` });
  }
  const ctors = classCtors.map((c) => ({ expr: `new ${tok(c.cls)}(${c.args.join(', ')})`, label: `new ${c.cls}(${c.args.join(', ')})` }));
  // distinct factories and classes first, then second and third variants
  return [...rounds[0]!, ...ctors, ...rounds[1]!, ...rounds[2]!].slice(0, max);
}

// `stack` is never state: an error's stack trace differs between the characterization child and the test runner
const PROBE = `((o) => {
  const out = []; const seen = new Set(['constructor', 'stack']);
  const skip = typeof o === 'function' ? ['length', 'name', 'prototype', 'arguments', 'caller'] : [];
  for (let p = o; p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      if (seen.has(k) || skip.includes(k) || k.startsWith('_')) continue;
      seen.add(k);
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (d.get || d.set) out.push([k, 'acc', d.set ? 1 : 0]);
      else if (typeof d.value === 'function') out.push([k, 'fn', d.value.length]);
      else out.push([k, 'val', 0]);
    }
  }
  return [typeof o === 'function', typeof o === 'function' ? o.length : 0, out.slice(0, 40)];
})(x)`;

/** The probe call for one receiver: builds it and lists its members. */
export function probeCall(r: Receiver): CallSpec {
  return { kind: 'seq', args: [], steps: [{ do: `const x = ${r.expr}` }, { see: PROBE }], label: `probe ${r.label}` };
}

function arr(v: Encoded): Encoded[] | undefined {
  return v && typeof v === 'object' && (v as { $: string }).$ === 'arr' ? ((v as { v: Encoded[] }).v) : undefined;
}

/** Reads a probe's observation back into a ReceiverShape. */
export function parseProbe(value: Encoded): ReceiverShape | undefined {
  const obs = (value as { v?: Array<{ ok: boolean; v?: Encoded }> } | undefined)?.v?.[0];
  if (!obs?.ok) return undefined;
  const top = arr(obs.v);
  if (!top || top.length !== 3) return undefined;
  const members: Member[] = [];
  for (const m of arr(top[2]) ?? []) {
    const [name, kind, n] = arr(m) ?? [];
    if (typeof name === 'string' && (kind === 'fn' || kind === 'acc' || kind === 'val') && typeof n === 'number') members.push({ name, kind, n });
  }
  return { callable: top[0] === true, arity: typeof top[1] === 'number' ? top[1] : 0, members };
}

/** mulberry32: a small seeded PRNG, so the same module gets the same sequences. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const HELPERS: Record<string, string> = {
  log: 'const log = []',
  rec: 'const rec = (...a) => { log.push(a); return a.length; }',
  task: "const task = (v) => new Promise((resolve) => setTimeout(() => resolve(v === undefined ? 'done' : v), 1))",
  fail: "const fail = async () => { throw new Error('task failed'); }",
  // a call that throws yields its error as the result, so one failing step does not end the sequence
  attempt: 'const attempt = (f) => { try { const p = f(); if (p && typeof p.then === \'function\') p.then(undefined, () => {}); return p; } catch (e) { return e; } }',
};

/**
 * Random call sequences on one receiver. literals: module string/number literals (rendered source), used as
 * arguments next to a few generic values, recording callbacks and tasks.
 */
export function buildSequences(r: Receiver, shape: ReceiverShape, literals: string[], rand: () => number, count = 8): CallSpec[] {
  const fns = shape.members.filter((m) => m.kind === 'fn');
  const state = shape.members.filter((m) => m.kind !== 'fn').slice(0, 4);
  const setters = shape.members.filter((m) => m.kind === 'acc' && m.n === 1);
  if (!fns.length && !shape.callable) return [];
  const generic = ["'a'", "'b'", '0', '1', '2', '-1', 'true', 'null', '{ a: 1 }', '[1, 2, 3]'];
  const values = [...new Set([...literals.slice(0, 8), ...generic])];
  // keys are short names (event names, map keys), not URLs or sentences
  const keys = [...new Set([...literals.filter((l) => l.startsWith('"') && l.length <= 22 && !/\s/.test(l)).slice(0, 3), "'a'", "'b'"])];
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: CallSpec[] = [];
  for (let s = 0; s < count; s++) {
    const used = new Set<string>();
    const body: SeqStep[] = [{ do: `const x = ${r.expr}` }];
    const results: string[] = [];
    const titles: string[] = [];
    const len = 2 + Math.floor(rand() * 4);
    const argFor = (i: number, arity: number, callableSelf: boolean): string => {
      const roll = rand();
      // a callable taking no declared parameters (an id generator with a default size) gets a number, not a task
      if (callableSelf && i === 0 && shape.arity === 0) return pick(values.filter((v) => /^\d+$/.test(v)).concat('1', '8'));
      if (callableSelf && i === 0) {
        const h = roll < 0.6 ? 'task' : roll < 0.8 ? 'rec' : 'fail';
        used.add(h);
        if (h === 'rec') used.add('log');
        return h;
      }
      if (arity >= 2 && i === arity - 1 && roll < 0.5) {
        used.add('rec').add('log');
        return 'rec';
      }
      if (results.length && roll > 0.85) return pick(results);
      // keys (event names, map keys) come first: a small set, so a later get/emit meets an earlier set/on
      if (i === 0 && roll < 0.6) return pick(keys);
      return pick(values);
    };
    for (let k = 0; k < len; k++) {
      if (setters.length && rand() < 0.12) {
        const m = pick(setters);
        const v = pick(['1', '2', "'a'", '0']);
        body.push({ do: `x${prop(m.name)} = ${v}` });
        titles.push(`${m.name} = ${v}`);
        continue;
      }
      const self = shape.callable && (!fns.length || rand() < 0.5);
      const m = self ? undefined : pick(fns);
      const arity = self ? shape.arity : Math.min(3, m!.n);
      const nArgs = arity > 0 ? arity : rand() < (self ? 0.6 : 0.3) ? 1 : 0;
      const args = Array.from({ length: nArgs }, (_, i) => argFor(i, arity, self));
      const call = `x${self ? '' : prop(m!.name)}(${args.join(', ')})`;
      const name = `r${k}`;
      used.add('attempt');
      body.push({ do: `const ${name} = attempt(() => ${call})` });
      results.push(name);
      titles.push(call.replace(/^x/, self ? 'x' : 'x'));
      for (const st of state) body.push({ see: `x${prop(st.name)}` });
      if (used.has('log')) body.push({ see: 'log.length' });
    }
    for (const name of results) body.push({ see: name });
    for (const st of state) body.push({ see: `x${prop(st.name)}` });
    if (used.has('log')) body.push({ see: 'log' });
    const prelude = Object.keys(HELPERS).filter((h) => used.has(h)).map((h) => ({ do: HELPERS[h]! }));
    out.push({
      kind: 'seq',
      args: [],
      steps: [...prelude, ...body],
      group: `sequences on ${r.label}`,
      label: `x = ${r.label}; ${titles.join('; ')}`.slice(0, 140),
    });
  }
  return out;
}
