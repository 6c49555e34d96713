/**
 * Whether a call's result holds an object that is also reachable from an argument (other than the result itself):
 * a deep copy holds none, a wrapper or a shallow copy does. Deep equality cannot tell them apart, so a copy that a
 * mutant turns into a shared reference would pass a `toEqual`. The same text runs in the characterization child
 * (harness.ts) and is written into the test files that assert it (emit.ts), so what was recorded is what is
 * checked. It reads own data properties and Map/Set contents only (no getters run), at most 10,000 objects.
 * Written so that it is valid JavaScript and, with the typed signature, valid strict TypeScript.
 */
const BODY = `{
  const inArg = new Set();
  for (const stack = [arg]; stack.length && inArg.size < 10000;) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object' || inArg.has(x)) continue;
    inArg.add(x);
    if (x instanceof Map) for (const [k, v] of x) stack.push(k, v);
    else if (x instanceof Set) for (const v of x) stack.push(v);
    for (const k of Reflect.ownKeys(x)) {
      const d = Object.getOwnPropertyDescriptor(x, k);
      if (d && 'value' in d) stack.push(d.value);
    }
  }
  const seen = new Set();
  for (const stack = [result]; stack.length && seen.size < 10000;) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object' || seen.has(x)) continue;
    if (x !== result && inArg.has(x)) return true;
    seen.add(x);
    if (x instanceof Map) for (const [k, v] of x) stack.push(k, v);
    else if (x instanceof Set) for (const v of x) stack.push(v);
    for (const k of Reflect.ownKeys(x)) {
      const d = Object.getOwnPropertyDescriptor(x, k);
      if (d && 'value' in d) stack.push(d.value);
    }
  }
  return false;
}`;

/** The function's source, `function sharesObject(result, arg) {...}`, typed for a TypeScript test file. */
export function sharesObjectSource(typescript = false): string {
  return typescript
    ? `function sharesObject(result: unknown, arg: unknown): boolean ${BODY.replace('const inArg = new Set();', 'const inArg = new Set<unknown>();').replace('const seen = new Set();', 'const seen = new Set<unknown>();').replace(/const stack = \[(arg|result)\];/g, 'const stack: unknown[] = [$1];')}`
    : `function sharesObject(result, arg) ${BODY}`;
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
