export * from './schema.js';
export { createConfig, seedModels } from './defaults.js';
export { DEFAULT_CONFIG_PATH, displayPath, loadConfig, resolveConfigPath, type LoadOptions, type LoadedConfig, type ResolvedConfigPath } from './load.js';
export { validateConfigText, formatPath, type ValidateOptions, type ValidationResult } from './validate.js';
export { checkRules, type RuleProblem } from './rules.js';
export {
  ENV_VARS,
  FEATURE_ENV_VARS,
  SWITCH_ENV_VARS,
  loadDotEnv,
  parseEnv,
  parseEnvValue,
  type ConfigPath,
  type DotEnvResult,
  type EnvOverride,
  type EnvVarSpec,
  type ParsedEnv,
} from './env.js';
export { ConfigWatcher, type ConfigWatcherOptions, type WatchLogger } from './watch.js';
export { initProject, templatePath, type InitResult } from './init.js';
export { summarize, summaryLine, validateConfigFile, type ConfigFileReport, type ConfigSummary } from './summary.js';
