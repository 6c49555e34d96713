import type { Command } from 'commander';
import { AqeError, ErrorCodes } from '../../errors.js';
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
    .option('--workers <n>', 'spread the tasks over N worker processes through a work queue in PostgreSQL (needs database.type postgres)')
    .option('--queue <name>', 'with --workers: the queue name (default a fresh one); `aqe worker --queue NAME` joins from elsewhere')
    .action(async (file: string, opts: { json?: boolean; out?: string; stream: boolean; resume?: boolean; workers?: string; queue?: string }, cmd: Command) => {
      try {
        if (opts.queue !== undefined && opts.workers === undefined) throw new AqeError(ErrorCodes.USAGE, '--queue: only with --workers N');
        let failed: boolean;
        if (opts.workers !== undefined) {
          const { parseCount } = await import('./worker.js');
          const workers = parseCount(opts.workers, '--workers', 64);
          const { runTaskFileWithWorkers } = await import('../run-workers.js');
          failed = await runTaskFileWithWorkers(file, { ...opts, workers, configPath: globalConfigPath(cmd) });
        } else {
          const { runTaskFile } = await import('../run-tasks.js');
          failed = await runTaskFile(file, { ...opts, configPath: globalConfigPath(cmd) });
        }
        process.exitCode = failed ? EXIT.FAILED : EXIT.OK;
      } catch (err) {
        reportAndExit(err);
      }
    });
}
