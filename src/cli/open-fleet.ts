import { loadConfig, type LoadedConfig } from '../config/load.js';
import { FleetManager } from '../fleet/FleetManager.js';
import { createLogger, type Logger } from '../logging.js';

/** The command's log, with what the config loaded with but should not have (a retired model id, a per-million price) as its first lines. */
export function configLogger(loaded: LoadedConfig, level: LoadedConfig['config']['logging']['level'] = loaded.config.logging.level): Logger {
  const logger = createLogger({ ...loaded.config.logging, level });
  for (const w of loaded.warnings) logger.warn(`config: ${w}`);
  return logger;
}

/**
 * The fleet for a one-shot command (run, generate, coverage): config from --config / AQE_CONFIG / the default
 * path, and a log that keeps to warnings unless the config asks for more, since the command's own report says
 * how each task went.
 */
export async function openCommandFleet(configPath: string | undefined, role = 'aqe'): Promise<FleetManager> {
  const loaded = loadConfig({ path: configPath });
  const level = loaded.config.logging.level === 'info' ? 'warn' : loaded.config.logging.level;
  const fleet = new FleetManager(loaded.config, { configPath: loaded.path, env: loaded.env, logger: configLogger(loaded, level), owner: { role } });
  await fleet.initialize();
  return fleet;
}
