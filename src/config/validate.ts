import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { seedModels } from './defaults.js';
import { parseEnv, type ConfigPath } from './env.js';
import { priceAndModelWarnings } from './price-warnings.js';
import { checkRules } from './rules.js';
import { FleetConfigSchema, type FleetConfig } from './schema.js';

export interface ValidateOptions {
  /** Variables that override config fields (default process.env; pass {} for none). The .env file is not read here. */
  env?: NodeJS.ProcessEnv;
  /** Shown in messages only. */
  fileName?: string;
}

export interface ValidationResult {
  ok: boolean;
  /** One line each: `<field.path> (line N): expected <X>, found <Y>`; env problems name the variable. */
  problems: string[];
  config?: FleetConfig;
  /** Env variables whose values were applied to config fields. */
  envApplied: string[];
  /** The subset of problems about env variable values (each names the variable). */
  envProblems: string[];
  /** True when the file has no routing.models and the seed's three models were used. */
  seedModelsUsed: boolean;
  /** Lines about things that are valid but probably wrong (a per-million price, a deprecated model id). */
  warnings: string[];
}

type Raw = Record<string, unknown>;
type Located = { path: ConfigPath; line?: number; env?: string; expected: string; found: string };

export function formatPath(path: ConfigPath): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (missing)';
  if (value === null) return 'null (empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function valueAt(raw: unknown, path: ConfigPath): unknown {
  let v: unknown = raw;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

function isPlainObject(v: unknown): v is Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Set a field, creating intermediate mappings; leaves a wrongly-typed parent alone for the schema to report. */
function setIn(raw: Raw, path: ConfigPath, value: unknown): void {
  let obj: Raw = raw;
  for (const k of path.slice(0, -1)) {
    const next = obj[k as string];
    if (next === undefined || next === null) obj = obj[k as string] = {};
    else if (isPlainObject(next)) obj = next;
    else return;
  }
  obj[path[path.length - 1] as string] = value;
}

/** Line of the deepest node along `path` that exists in the document (1-based), via the LineCounter. */
function lineOf(contents: Node | null, counter: LineCounter, path: ConfigPath): number | undefined {
  let node: unknown = contents;
  let offset: number | undefined = isMap(contents) || isSeq(contents) ? contents.range?.[0] : undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      if (item.range) offset = item.range[0];
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

// --- zod schema introspection, for the list of known keys in an "unknown key" message ------------------------

type AnySchema = { _zod: { def: any } };

function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const def = cur._zod.def;
    if (['default', 'optional', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type)) cur = def.innerType;
    else if (def.type === 'pipe') cur = def.in;
    else break;
  }
  return cur;
}

function schemaAt(path: ConfigPath): AnySchema | undefined {
  let s: AnySchema | undefined = unwrap(FleetConfigSchema as unknown as AnySchema);
  for (const k of path) {
    if (!s) return undefined;
    const def: any = s._zod.def;
    if (def.type === 'object') s = def.shape[k as string];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return undefined;
    if (s) s = unwrap(s);
  }
  return s;
}

function knownKeys(path: ConfigPath): string[] {
  const s = schemaAt(path);
  return s && s._zod.def.type === 'object' ? Object.keys(s._zod.def.shape) : [];
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

function suggestion(key: string, known: string[]): string | undefined {
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key.toLowerCase(), k.toLowerCase());
    if (!best || d < best.d) best = { k, d };
  }
  return best && best.d <= Math.max(2, Math.floor(key.length / 4)) ? best.k : undefined;
}

// --- zod issues -> located problems -----------------------------------------------------------------------------

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
};

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? issue.expected;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'a non-empty string' : `at least ${min} characters`;
      if (issue.origin === 'array') return `at least ${min} items`;
      return `a number ${issue.inclusive ? '>=' : '>'} ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `at most ${max} characters`;
      if (issue.origin === 'array') return `at most ${max} items`;
      return `a number ${issue.inclusive ? '<=' : '<'} ${max}`;
    }
    case 'invalid_value':
      return `one of: ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`;
    case 'invalid_format':
      return `a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

function issuesToProblems(issues: z.core.$ZodIssue[], raw: unknown): Located[] {
  const out: Located[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(path);
      for (const key of issue.keys) {
        if (path.length === 0 && key === 'ai') {
          out.push({ path: ['ai'], expected: 'a v1.0.5 config', found: 'a v1.0.4 section; run `aqe config migrate`' });
          continue;
        }
        const hint = suggestion(key, known);
        out.push({
          path: [...path, key],
          expected: known.length ? `a known key (one of: ${known.join(', ')})` : 'no such key',
          found: `unknown key ${JSON.stringify(key)}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ''}`,
        });
      }
      continue;
    }
    out.push({ path, expected: expectedOf(issue), found: describe(valueAt(raw, path)) });
  }
  return out;
}

function parseIgnoringUnknownKeys(raw: Raw, issues: z.core.$ZodIssue[]): FleetConfig | undefined {
  if (!issues.every((i) => i.code === 'unrecognized_keys')) return undefined;
  const copy = structuredClone(raw);
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = valueAt(copy, issue.path.filter((p): p is string | number => typeof p !== 'symbol'));
    if (isPlainObject(parent)) for (const k of issue.keys) delete parent[k];
  }
  const again = FleetConfigSchema.safeParse(copy);
  return again.success ? again.data : undefined;
}

function startsWith(path: ConfigPath, prefix: ConfigPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

/**
 * Validate the text of a fleet config: YAML syntax, env overrides, the zod schema (unknown keys included)
 * and the cross-field rules. Never throws.
 */
export function validateConfigText(text: string, opts: ValidateOptions = {}): ValidationResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const result: ValidationResult = { ok: false, problems: [], envApplied: [], envProblems: [], seedModelsUsed: false, warnings: [] };
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line ?? counter.linePos(e.pos[0]).line;
      result.problems.push(`yaml (line ${line}): expected valid YAML, found ${JSON.stringify(e.message.split('\n')[0])}`);
    }
    return result;
  }
  const js: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (!isPlainObject(js)) {
    result.problems.push(`(root) (line 1): expected a mapping of sections (fleet, routing, ...), found ${describe(js)}`);
    return result;
  }
  const raw: Raw = js;

  const env = parseEnv(opts.env ?? process.env);
  result.problems.push(...env.problems);
  result.envProblems = env.problems;
  const envPaths: Array<{ path: ConfigPath; name: string }> = [];
  for (const o of env.overrides) {
    setIn(raw, o.path, o.value);
    envPaths.push({ path: o.path, name: o.name });
    result.envApplied.push(o.name);
  }
  if (isPlainObject(raw.routing) ? raw.routing.models === undefined : raw.routing === undefined) {
    setIn(raw, ['routing', 'models'], seedModels());
    result.seedModelsUsed = true;
  }

  const parsed = FleetConfigSchema.safeParse(raw);
  const located: Located[] = parsed.success ? checkRules(parsed.data) : issuesToProblems(parsed.error.issues, raw);
  if (!parsed.success) {
    // When unknown keys are the only schema problems, still run the cross-field rules so one run shows everything.
    const withoutUnknown = parseIgnoringUnknownKeys(raw, parsed.error.issues);
    if (withoutUnknown) located.push(...checkRules(withoutUnknown));
  }
  for (const p of located) {
    const fromEnv = envPaths.find((e) => startsWith(p.path, e.path));
    if (fromEnv) p.env = fromEnv.name;
    else p.line = lineOf(doc.contents as Node | null, counter, p.path);
  }
  located.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  for (const p of located) {
    const where = p.env ? ` (env ${p.env})` : p.line !== undefined ? ` (line ${p.line})` : '';
    result.problems.push(`${formatPath(p.path)}${where}: expected ${p.expected}, found ${p.found}`);
  }
  result.ok = result.problems.length === 0;
  if (result.ok && parsed.success) result.config = parsed.data;
  const models = isPlainObject(raw.routing) ? raw.routing.models : undefined;
  for (const w of priceAndModelWarnings(models)) {
    const line = result.seedModelsUsed ? undefined : lineOf(doc.contents as Node | null, counter, w.path);
    result.warnings.push(`warning: ${formatPath(w.path)}${line !== undefined ? ` (line ${line})` : ''}: ${w.message}`);
  }
  return result;
}
