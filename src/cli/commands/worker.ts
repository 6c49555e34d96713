import type { Command } from 'commander';
import { AqeError, ErrorCodes } from '../../errors.js';
import { EXIT, globalConfigPath, printJson, reportAndExit } from '../common.js';

interface WorkerCliOptions {
  queue: string;
  concurrency?: string;
  wait?: boolean;
  json?: boolean;
}

export function parseCount(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) throw new AqeError(ErrorCodes.USAGE, `${flag}: expected an integer 1-${max}, found ${JSON.stringify(value.slice(0, 20))}`);
  return n;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('run tasks from a work queue in PostgreSQL (filled by aqe run FILE --workers N --queue NAME); each task is done once, whichever worker dies')
    .requiredOption('--queue <name>', 'the queue to take tasks from')
    .option('--concurrency <n>', 'tasks run at once by this worker (default fleet.maxConcurrentTasks)')
    .option('--wait', 'keep waiting for new tasks when the queue is empty (default: exit once every task of the queue is done)')
    .option('--json', 'write one JSON event per line')
    .action(async (opts: WorkerCliOptions, cmd: Command) => {
      try {
        const { assertQueueStore, checkQueueName } = await import('../../fleet/work-queue.js');
        const queueName = checkQueueName(opts.queue);
        const concurrency = opts.concurrency !== undefined ? parseCount(opts.concurrency, '--concurrency', 256) : undefined;
        const { loadConfig } = await import('../../config/load.js');
        const configPath = globalConfigPath(cmd);
        assertQueueStore(loadConfig({ path: configPath }).config.database.type, 'aqe worker');
        const { openCommandFleet } = await import('../open-fleet.js');
        const { startQueueWorker } = await import('../../fleet/queue-worker.js');
        const fleet = await openCommandFleet(configPath, 'aqe worker');
        const worker = startQueueWorker(fleet, queueName, {
          concurrency,
          wait: opts.wait,
          onEvent: (e) =>
            opts.json ? printJson({ ...e, pid: process.pid, at: new Date().toISOString() }) : process.stderr.write(`${e.event} ${e.taskId}${'status' in e ? ` ${e.status}` : ''}\n`),
        });
        let stopping: Promise<void> | undefined;
        const onSignal = (signal: NodeJS.Signals) => {
          if (stopping) process.exit(signal === 'SIGINT' ? 130 : 143);
          worker.stop();
          stopping = fleet.shutdown();
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        const totals = await worker.done;
        await (stopping ?? fleet.shutdown());
        if (opts.json) printJson({ event: 'summary', pid: process.pid, queue: queueName, ...totals });
        else process.stderr.write(`worker ${process.pid}: ${totals.completed} task(s) done, ${totals.released} given back, ${totals.lost} lost to another worker\n`);
        process.exitCode = EXIT.OK;
      } catch (err) {
        reportAndExit(err);
      }
    });
}
