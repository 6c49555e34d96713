import type { Command } from 'commander';
import { EXIT, globalConfigPath, reportAndExit } from '../common.js';

export function register(program: Command): void {
  program
    .command('run')
    .description('run the tasks of a task file (JSON Lines) through the fleet; live progress when streaming is on')
    .argument('<file>', 'task file, one JSON task per line (format: docs/tasks.md)')
    .option('--json', 'write JSON events, one per line, instead of the live view and table')
    .option('--out <dir>', 'write each task output to DIR/<id>.json')
    .option('--no-stream', 'do not stream even when the streaming flag is on')
    .option('--resume', 'skip tasks the store records as completed (rerun exactly what an interrupted run did not do)')
    .action(async (file: string, opts: { json?: boolean; out?: string; stream: boolean; resume?: boolean }, cmd: Command) => {
      try {
        const { runTaskFile } = await import('../run-tasks.js');
        const failed = await runTaskFile(file, { ...opts, configPath: globalConfigPath(cmd) });
        process.exitCode = failed ? EXIT.FAILED : EXIT.OK;
      } catch (err) {
        reportAndExit(err);
      }
    });
}
