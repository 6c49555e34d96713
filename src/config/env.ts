import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import type { FeatureName } from './schema.js';

/** A field of config/fleet.yaml as a list of keys, e.g. ['routing', 'costTracking', 'enabled']. */
export type ConfigPath = readonly (string | number)[];

type EnvKind =
  | { kind: 'boolean' }
  | { kind: 'string' }
  | { kind: 'number'; integer?: boolean; min?: number; minExclusive?: boolean; max?: number };

export type EnvVarSpec = EnvKind & {
  name: string;
  /** The config field this variable overrides; absent for variables read elsewhere (flags, provider keys). */
  path?: ConfigPath;
  /** FEATURE_* variables form FeatureFlags' env layer instead of being folded into config.features. */
  feature?: FeatureName;
  secret?: boolean;
  description: string;
};

/** The seed's environment variables (section 2.1) plus aqe's own. Order is the order of `.env.example`. */
export const ENV_VARS: readonly EnvVarSpec[] = [
  { name: 'FEATURE_MULTI_MODEL_ROUTER', kind: 'boolean', feature: 'multiModelRouter', description: 'feature flag: multi-model router' },
  { name: 'FEATURE_STREAMING', kind: 'boolean', feature: 'streaming', description: 'feature flag: streaming' },
  { name: 'ROUTING_ENABLED', kind: 'boolean', path: ['routing', 'enabled'], description: 'routing subsystem switch' },
  { name: 'ROUTING_DEFAULT_MODEL', kind: 'string', path: ['routing', 'defaultModel'], description: 'model used when the router is off' },
  { name: 'ROUTING_LLM_TIE_BREAK', kind: 'boolean', path: ['routing', 'llmTieBreak', 'enabled'], description: 'ask the cheapest model to settle close tier decisions' },
  { name: 'ANTHROPIC_API_KEY', kind: 'string', secret: true, description: 'Anthropic API key; empty = offline engine' },
  { name: 'COST_TRACKING_ENABLED', kind: 'boolean', path: ['routing', 'costTracking', 'enabled'], description: 'record costs and enforce budgets' },
  { name: 'BUDGET_LIMIT_DAILY', kind: 'number', min: 0, path: ['routing', 'costTracking', 'budgetLimits', 'daily'], description: 'daily budget in USD' },
  { name: 'BUDGET_LIMIT_MONTHLY', kind: 'number', min: 0, path: ['routing', 'costTracking', 'budgetLimits', 'monthly'], description: 'monthly budget in USD' },
  { name: 'STREAMING_ENABLED', kind: 'boolean', path: ['streaming', 'enabled'], description: 'streaming subsystem switch' },
  { name: 'STREAMING_BUFFER_SIZE', kind: 'number', integer: true, min: 1, path: ['streaming', 'bufferSize'], description: 'stream buffer size (chunks)' },
  {
    name: 'STREAMING_BACKPRESSURE_THRESHOLD',
    kind: 'number',
    min: 0,
    minExclusive: true,
    max: 1,
    path: ['streaming', 'backpressureThreshold'],
    description: 'buffer fill fraction that pauses the producer, in (0, 1]',
  },
  { name: 'STREAMING_TIMEOUT_MS', kind: 'number', integer: true, min: 1, path: ['streaming', 'timeoutMs'], description: 'stream first-chunk/idle timeout in ms' },
  { name: 'DATABASE_URL', kind: 'string', secret: true, path: ['database', 'url'], description: 'PostgreSQL URL (with database.type postgres)' },
  { name: 'AQE_REPLICA', kind: 'string', path: ['fleet', 'replica'], description: 'replica name for /metrics (default HOSTNAME)' },
  { name: 'AQE_API_TOKEN', kind: 'string', secret: true, path: ['api', 'token'], description: 'bearer token for the HTTP API' },
];

export const FEATURE_ENV_VARS: Readonly<Record<FeatureName, string>> = {
  multiModelRouter: 'FEATURE_MULTI_MODEL_ROUTER',
  streaming: 'FEATURE_STREAMING',
};

/** The env variables that switch a feature's subsystem (effective flag = feature AND switch). */
export const SWITCH_ENV_VARS: Readonly<Record<FeatureName, string>> = {
  multiModelRouter: 'ROUTING_ENABLED',
  streaming: 'STREAMING_ENABLED',
};

// z.coerce.boolean('false') is true; accept exactly these words, any case.
const envBoolean = z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'], case: 'insensitive' });
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface EnvOverride {
  name: string;
  path: ConfigPath;
  value: unknown;
}

export interface ParsedEnv {
  /** Values for config fields, in ENV_VARS order. */
  overrides: EnvOverride[];
  /** FEATURE_* values (FeatureFlags' env layer). */
  features: Partial<Record<FeatureName, boolean>>;
  /** One line per bad variable: `NAME: expected X, found "Y"`. */
  problems: string[];
}

/** An unset or blank variable counts as not set (so `FOO=` in a .env file leaves the config alone). */
function present(raw: string | undefined): raw is string {
  return raw !== undefined && raw.trim() !== '';
}

function rangeText(spec: Extract<EnvVarSpec, { kind: 'number' }>): string {
  const what = spec.integer ? 'an integer' : 'a number';
  const parts: string[] = [];
  if (spec.min !== undefined) parts.push(`${spec.minExclusive ? '>' : '>='} ${spec.min}`);
  if (spec.max !== undefined) parts.push(`<= ${spec.max}`);
  return parts.length ? `${what} ${parts.join(' and ')}` : what;
}

/** Parse one variable's text; returns the value or a problem line naming the variable. */
export function parseEnvValue(spec: EnvVarSpec, raw: string): { value: unknown } | { problem: string } {
  const text = raw.trim();
  const found = spec.secret ? '(a value, not shown)' : JSON.stringify(raw);
  switch (spec.kind) {
    case 'boolean': {
      const r = envBoolean.safeParse(text);
      return r.success ? { value: r.data } : { problem: `${spec.name}: expected true|false|1|0, found ${found}` };
    }
    case 'string':
      return { value: text };
    case 'number': {
      const n = NUMBER_TEXT.test(text) ? Number(text) : NaN;
      const ok =
        Number.isFinite(n) &&
        (!spec.integer || Number.isInteger(n)) &&
        (spec.min === undefined || (spec.minExclusive ? n > spec.min : n >= spec.min)) &&
        (spec.max === undefined || n <= spec.max);
      return ok ? { value: n } : { problem: `${spec.name}: expected ${rangeText(spec)}, found ${found}` };
    }
  }
}

/** Read the seed's variables from `env`, validating each. Never throws; bad values become problems. */
export function parseEnv(env: NodeJS.ProcessEnv): ParsedEnv {
  const out: ParsedEnv = { overrides: [], features: {}, problems: [] };
  for (const spec of ENV_VARS) {
    const raw = env[spec.name];
    if (!present(raw)) continue;
    const r = parseEnvValue(spec, raw);
    if ('problem' in r) {
      out.problems.push(r.problem);
      continue;
    }
    if (spec.feature) out.features[spec.feature] = r.value as boolean;
    if (spec.path) out.overrides.push({ name: spec.name, path: spec.path, value: r.value });
  }
  return out;
}

/** A boolean env variable, or undefined when unset/blank or invalid (callers that must refuse use parseEnv). */
export function envBooleanOf(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (!present(raw)) return undefined;
  const r = envBoolean.safeParse(raw.trim());
  return r.success ? r.data : undefined;
}

/** Keys this module put into process.env from a .env file, with the value it put there. */
const injected = new Map<string, string>();

export interface DotEnvResult {
  /** The environment to use: `env` plus the .env file's variables that `env` does not set. */
  env: NodeJS.ProcessEnv;
  /** Absolute path of the .env file read, if there was one. */
  file?: string;
  /** Variables taken from the file. */
  fromFile: string[];
}

/**
 * Read `<cwd>/.env` (dotenv syntax) without overriding variables the real environment sets. With
 * env === process.env the values are put into process.env (dotenv's usual behaviour) and a re-read
 * (SIGHUP) replaces the values an earlier read put there, so edits and deletions in .env take effect.
 * With any other env object a merged copy is returned and nothing global changes.
 */
export function loadDotEnv(opts: { cwd?: string; env?: NodeJS.ProcessEnv; file?: string | false } = {}): DotEnvResult {
  const base = opts.env ?? process.env;
  const file = opts.file === false ? undefined : resolve(opts.cwd ?? process.cwd(), opts.file ?? '.env');
  const parsed = file && existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  const fromFile: string[] = [];
  if (base === process.env) {
    for (const [k, v] of injected) {
      if (process.env[k] === v) delete process.env[k];
      injected.delete(k);
    }
    for (const [k, v] of Object.entries(parsed)) {
      if (process.env[k] !== undefined) continue;
      process.env[k] = v;
      injected.set(k, v);
      fromFile.push(k);
    }
    return { env: process.env, file: file && existsSync(file) ? file : undefined, fromFile };
  }
  const merged: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (base[k] === undefined) {
      merged[k] = v;
      fromFile.push(k);
    }
  }
  Object.assign(merged, base);
  return { env: merged, file: file && existsSync(file) ? file : undefined, fromFile };
}

/** Path of the .env file loadDotEnv reads for `cwd` (for messages). */
export function dotEnvPath(cwd: string = process.cwd()): string {
  return join(resolve(cwd), '.env');
}
