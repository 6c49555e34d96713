import type { Command } from 'commander';
import { errorMessage } from '../../errors.js';
import { globalConfigPath, reportAndExit } from '../common.js';

export function register(program: Command): void {
  program
    .command('mcp')
    .description('run the fleet as an MCP server on stdio (a tool per agent type, route_task, get_costs, get_flags)')
    .action(async (_opts: unknown, cmd: Command) => {
      try {
        const [{ loadConfig }, { FleetManager }, { runMcpStdio }, { configLogger }] = await Promise.all([
          import('../../config/load.js'),
          import('../../fleet/FleetManager.js'),
          import('../../mcp/server.js'),
          import('../open-fleet.js'),
        ]);
        const loaded = loadConfig({ path: globalConfigPath(cmd) });
        const logger = configLogger(loaded);
        const fleet = new FleetManager(loaded.config, { configPath: loaded.path, watchConfig: loaded.path !== undefined, env: loaded.env, logger });
        await fleet.initialize();
        let stopping = false;
        const stop = async (code: number) => {
          if (stopping) return;
          stopping = true;
          try {
            await fleet.shutdown();
          } catch (err) {
            process.stderr.write(`aqe mcp: shutdown: ${errorMessage(err)}\n`);
          }
          process.exit(code);
        };
        process.once('SIGTERM', () => void stop(0));
        process.once('SIGINT', () => void stop(0));
        process.on('SIGHUP', () => fleet.reloadConfig());
        // stdout carries the protocol; logs go to stderr.
        await runMcpStdio(fleet);
        await stop(0);
      } catch (err) {
        reportAndExit(err);
      }
    });
}
