import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { ConfigError, ErrorCodes } from '../errors.js';
import { registerEnvSecrets } from '../secrets.js';
import { loadDotEnv } from './env.js';
import type { FleetConfig } from './schema.js';
import { validateConfigText } from './validate.js';

export const DEFAULT_CONFIG_PATH = 'config/fleet.yaml';

export interface LoadOptions {
  /** Config file; default $AQE_CONFIG, then config/fleet.yaml (relative to cwd). */
  path?: string;
  /** Base environment (default process.env); the .env file fills in what it does not set. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The dotenv file to read, relative to cwd (default '.env'); false to read none. */
  envFile?: string | false;
}

export interface LoadedConfig {
  config: FleetConfig;
  /** Absolute path of the file read; undefined when the embedded defaults were used. */
  path?: string;
  /** Env variables whose values were applied to config fields. */
  envApplied: string[];
  /** Lines that do not stop the config from loading (a per-million price, a retired model id), field path first. */
  warnings: string[];
  /**
   * The environment the config was resolved with (the base env plus .env). Hand this to FeatureFlags and the
   * provider registry so FEATURE_* and API keys from .env count. It is process.env itself when the base was.
   */
  env: NodeJS.ProcessEnv;
}

export interface ResolvedConfigPath {
  path: string;
  /** True when the path came from opts.path or AQE_CONFIG (then a missing file is an error). */
  explicit: boolean;
}

export function resolveConfigPath(opts: { path?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): ResolvedConfigPath {
  const cwd = opts.cwd ?? process.cwd();
  const named = opts.path ?? (opts.env ?? process.env).AQE_CONFIG;
  const explicit = named !== undefined && named.trim() !== '';
  return { path: resolve(cwd, explicit ? named : DEFAULT_CONFIG_PATH), explicit };
}

/** A path for messages: relative to cwd when inside it. */
export function displayPath(abs: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/**
 * Load, override from env (after reading .env) and validate the fleet config. Synchronous.
 * Throws ConfigError (AQE_ERR_CONFIG_INVALID) with one problem per line, or AQE_ERR_CONFIG_NOT_FOUND when an
 * explicitly named file is missing. With no file named and no config/fleet.yaml, the embedded defaults are used.
 */
export function loadConfig(opts: LoadOptions = {}): LoadedConfig {
  const cwd = opts.cwd ?? process.cwd();
  const dot = loadDotEnv({ cwd, env: opts.env, file: opts.envFile });
  const env = dot.env;
  registerEnvSecrets(env);
  const { path, explicit } = resolveConfigPath({ path: opts.path, env, cwd });
  const shown = displayPath(path, cwd);
  let text = '';
  let file: string | undefined;
  if (existsSync(path)) {
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigError(`cannot read config file ${shown}: ${(err as Error).message}`, [], ErrorCodes.CONFIG_NOT_FOUND);
    }
    file = path;
  } else if (explicit) {
    throw new ConfigError(`config file not found: ${shown} (run \`aqe init\` to create config/fleet.yaml)`, [], ErrorCodes.CONFIG_NOT_FOUND);
  }
  const result = validateConfigText(text, { env, fileName: file ? shown : undefined });
  if (!result.ok || !result.config) {
    const n = result.problems.length;
    const plural = `${n} problem${n === 1 ? '' : 's'}`;
    if (result.envProblems.length === n) throw new ConfigError(`invalid environment: ${plural}`, result.problems, ErrorCodes.ENV_INVALID);
    throw new ConfigError(`invalid config (${file ? shown : 'embedded defaults'}): ${plural}`, result.problems);
  }
  return { config: result.config, path: file, envApplied: result.envApplied, env, warnings: result.warnings.map((w) => w.replace(/^warning: /, '')) };
}
