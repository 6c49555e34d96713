/**
 * Whether a call's result holds an object that is also reachable from an argument (other than the result itself):
 * a deep copy holds none, a wrapper or a shallow copy does. Deep equality cannot tell them apart, so a copy that a
 * mutant turns into a shared reference would pass a `toEqual`. The same text runs in the characterization child
 * (harness.ts) and is written into the test files that assert it (emit.ts), so what was recorded is what is
 * checked. It reads own data properties and Map/Set contents only (no getters run), at most 10,000 objects.
 * Written so that it is valid JavaScript and, with the typed signature, valid strict TypeScript.
 */
const BODY = `{
  const children = (x) => {
    const out = [];
    if (x instanceof Map) for (const [k, v] of x) out.push(k, v);
    else if (x instanceof Set) for (const v of x) out.push(v);
    for (const k of Reflect.ownKeys(x)) {
      const d = Object.getOwnPropertyDescriptor(x, k);
      if (d && 'value' in d) out.push(d.value);
    }
    return out;
  };
  const inArg = new Set();
  for (const stack = [arg]; stack.length && inArg.size < 10000;) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object' || inArg.has(x)) continue;
    inArg.add(x);
    for (const c of children(x)) stack.push(c);
  }
  const seen = new Set();
  for (const stack = [result]; stack.length && seen.size < 10000;) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object' || seen.has(x)) continue;
    if (x !== result && inArg.has(x)) return true;
    seen.add(x);
    for (const c of children(x)) stack.push(c);
  }
  return false;
}`;

/** The same text with the types strict TypeScript wants (the only differences from the JavaScript form). */
const TYPED: Array<[string, string]> = [
  ['const children = (x) => {', 'const children = (x: object): unknown[] => {'],
  ['const out = [];', 'const out: unknown[] = [];'],
  ['const inArg = new Set();', 'const inArg = new Set<unknown>();'],
  ['const seen = new Set();', 'const seen = new Set<unknown>();'],
  ['const stack = [arg];', 'const stack: unknown[] = [arg];'],
  ['const stack = [result];', 'const stack: unknown[] = [result];'],
];

/** The function's source, `function sharesObject(result, arg) {...}`, typed for a TypeScript test file. */
export function sharesObjectSource(typescript = false): string {
  if (!typescript) return `function sharesObject(result, arg) ${BODY}`;
  return `function sharesObject(result: unknown, arg: unknown): boolean ${TYPED.reduce((body, [js, ts]) => body.replace(js, ts), BODY)}`;
}

/** How a call's result relates to its first object argument (recorded in the child, asserted in the test). */
export interface ResultRelation {
  /** Index of the argument. */
  arg: number;
  /** The result is that argument itself. */
  same: boolean;
  /** The result (not being it) holds an object reachable from it (sharesObject). */
  shared: boolean;
}
