import { loadConfig } from '../config/load.js';
import { FleetManager } from '../fleet/FleetManager.js';
import { createLogger } from '../logging.js';

/**
 * The fleet for a one-shot command (run, generate, coverage): config from --config / AQE_CONFIG / the default
 * path, and a log that keeps to warnings unless the config asks for more, since the command's own report says
 * how each task went.
 */
export async function openCommandFleet(configPath: string | undefined, role = 'aqe'): Promise<FleetManager> {
  const loaded = loadConfig({ path: configPath });
  const level = loaded.config.logging.level === 'info' ? 'warn' : loaded.config.logging.level;
  const logger = createLogger({ ...loaded.config.logging, level });
  for (const w of loaded.warnings) logger.warn(`config: ${w}`);
  const fleet = new FleetManager(loaded.config, { configPath: loaded.path, env: loaded.env, logger, owner: { role } });
  await fleet.initialize();
  return fleet;
}
