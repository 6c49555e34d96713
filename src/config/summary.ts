import { existsSync, readFileSync } from 'node:fs';
import { FeatureFlags, type FlagExplanation } from '../flags/FeatureFlags.js';
import { loadDotEnv } from './env.js';
import { displayPath, resolveConfigPath } from './load.js';
import type { FeatureName, FleetConfig } from './schema.js';
import { validateConfigText } from './validate.js';

export interface ConfigSummary {
  models: number;
  enabledModels: number;
  defaultModel: string;
  /** Effective fleet-wide flags (flag AND subsystem switch). */
  flags: Record<FeatureName, FlagExplanation>;
  agentTypeOverrides: string[];
  envApplied: string[];
  seedModelsUsed: boolean;
}

export interface ConfigFileReport {
  file: string;
  valid: boolean;
  /** The file does not exist (then problems holds one line saying so). */
  missing?: boolean;
  /** The path exists but is a directory or cannot be read. */
  unreadable?: boolean;
  problems: string[];
  summary?: ConfigSummary;
  /** The one-line summary the CLI prints after "valid". */
  summaryText?: string;
  /** Valid but probably wrong (exit 0): `warning: <field> (line N): ...`. */
  warnings?: string[];
}

function flagText(name: string, e: FlagExplanation): string {
  if (e.rollout !== undefined) return `${name} on for ${e.rollout}% of tasks`;
  const why = e.detail ?? (e.source === 'env' || e.source === 'override' ? `from ${e.source}` : undefined);
  return `${name} ${e.value ? 'on' : 'off'}${why ? ` (${why})` : ''}`;
}

export function summarize(config: FleetConfig, env: NodeJS.ProcessEnv, envApplied: string[], seedModelsUsed: boolean): ConfigSummary {
  const flags = new FeatureFlags(config, { env }).explain();
  return {
    models: config.routing.models.length,
    enabledModels: config.routing.models.filter((m) => m.enabled).length,
    defaultModel: config.routing.defaultModel,
    flags,
    agentTypeOverrides: Object.keys(config.featureOverrides.agentType),
    envApplied,
    seedModelsUsed,
  };
}

export function summaryLine(s: ConfigSummary): string {
  const parts = [
    `${s.models} model${s.models === 1 ? '' : 's'}${s.seedModelsUsed ? ' (built-in)' : ''}, ${s.enabledModels} enabled, default ${s.defaultModel}`,
    `${flagText('router', s.flags.multiModelRouter)}, ${flagText('streaming', s.flags.streaming)}`,
  ];
  if (s.agentTypeOverrides.length) parts.push(`agent-type overrides: ${s.agentTypeOverrides.join(', ')}`);
  if (s.envApplied.length) parts.push(`env: ${s.envApplied.join(', ')}`);
  return parts.join('; ');
}

/**
 * `aqe config validate`: the named file (or --config / $AQE_CONFIG / config/fleet.yaml), with .env and the
 * environment applied as at start-up. A missing file is reported as a problem.
 */
export function validateConfigFile(opts: { file?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): ConfigFileReport {
  const cwd = opts.cwd ?? process.cwd();
  const env = loadDotEnv({ cwd, env: opts.env }).env;
  const { path, explicit } = resolveConfigPath({ path: opts.file, env, cwd });
  const file = displayPath(path, cwd);
  if (!existsSync(path)) {
    const hint = explicit ? '' : ' (without it aqe runs on its embedded defaults; `aqe init` writes config/fleet.yaml)';
    return { file, valid: false, missing: true, problems: [`${file}: expected a config file, found nothing${hint}`] };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    // a directory or an unreadable file is a problem to report, like a missing one, not a crash
    const why = (err as NodeJS.ErrnoException).code === 'EISDIR' ? 'a directory' : `a file that cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    return { file, valid: false, unreadable: true, problems: [`${file}: expected a config file, found ${why}`] };
  }
  const result = validateConfigText(text, { env, fileName: file });
  if (!result.ok || !result.config) return { file, valid: false, problems: result.problems, warnings: result.warnings };
  const summary = summarize(result.config, env, result.envApplied, result.seedModelsUsed);
  return { file, valid: true, problems: [], summary, summaryText: summaryLine(summary), warnings: result.warnings };
}
