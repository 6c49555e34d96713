import type { Encoded } from './characterize.js';

/** Encoded value -> JavaScript source that evaluates to an equal value, or undefined when it has no literal form. */
export function renderValue(v: Encoded, fnRef?: (f: { name?: string }) => string | undefined): string | undefined {
  const rv = (x: Encoded): string | undefined => renderValue(x, fnRef);
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v !== 'object') return undefined;
  const t = v as { $: string; v?: unknown; src?: string; flags?: string; cls?: string | null; more?: boolean };
  switch (t.$) {
    case 'u':
      return 'undefined';
    case 'nan':
      return 'NaN';
    case 'inf':
      return 'Infinity';
    case '-inf':
      return '-Infinity';
    case '-0':
      return '-0';
    case 'big':
      return `${String(t.v)}n`;
    case 'date':
      return t.v === null ? 'new Date(NaN)' : `new Date(${JSON.stringify(t.v)})`;
    case 're':
      return `new RegExp(${JSON.stringify(t.src)}, ${JSON.stringify(t.flags)})`;
    case 'arr':
    case 'iter': {
      if (t.more) return undefined;
      const items = (t.v as Encoded[]).map(rv);
      return items.some((x) => x === undefined) ? undefined : `[${items.join(', ')}]`;
    }
    case 'set': {
      const items = (t.v as Encoded[]).map(rv);
      return items.some((x) => x === undefined) ? undefined : `new Set([${items.join(', ')}])`;
    }
    case 'map': {
      const pairs = (t.v as Array<[Encoded, Encoded]>).map(([k, x]) => [rv(k), rv(x)]);
      return pairs.some(([k, x]) => k === undefined || x === undefined) ? undefined : `new Map([${pairs.map(([k, x]) => `[${k}, ${x}]`).join(', ')}])`;
    }
    case 'buf':
      return `Buffer.from([${(t.v as number[]).join(', ')}])`;
    case 'typed': {
      const items = (t.v as Encoded[]).map(rv);
      return items.some((x) => x === undefined) ? undefined : `new ${t.cls}([${items.join(', ')}])`;
    }
    case 'obj': {
      const entries = Object.entries(t.v as Record<string, Encoded>).map(([k, x]) => [k, rv(x)] as const);
      if (entries.some(([, x]) => x === undefined)) return undefined;
      if (!entries.length) return '{}';
      // an own `__proto__` key needs a computed key: `__proto__: v` in a literal sets the prototype instead
      return `{ ${entries.map(([k, x]) => `${k === '__proto__' ? '["__proto__"]' : /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${x}`).join(', ')} }`;
    }
    case 'fn':
      return fnRef?.(t as { name?: string });
    default:
      return undefined; // functions, symbols, errors as values, cycles, promises: asserted by shape
  }
}

/** True when the value (or something inside it) is a class instance, so strict prototype checks would fail. */
export function hasInstances(v: Encoded): boolean {
  if (v === null || typeof v !== 'object') return false;
  const t = v as { $: string; v?: unknown; cls?: string | null };
  if (t.$ === 'obj') return !!t.cls || Object.values(t.v as object).some(hasInstances);
  if (t.$ === 'arr' || t.$ === 'set' || t.$ === 'iter') return (t.v as Encoded[]).some(hasInstances);
  if (t.$ === 'map') return (t.v as Array<[Encoded, Encoded]>).some(([k, x]) => hasInstances(k) || hasInstances(x));
  return false;
}

export function isPrimitiveEncoding(v: Encoded): boolean {
  if (v === null || typeof v !== 'object') return true;
  return ['u', 'nan', 'inf', '-inf', '-0', 'big'].includes((v as { $: string }).$);
}

/** A short human description of an encoded value for test names. */
export function describeValue(v: Encoded): string {
  const r = renderValue(v);
  if (r !== undefined) return r.length > 40 ? `${r.slice(0, 37)}...` : r;
  const t = v as { $: string; cls?: string; name?: string };
  if (t.$ === 'fn') return 'a function';
  if (t.$ === 'err') return `a ${t.cls ?? 'Error'} value`;
  return `a ${t.$} value`;
}
