import type { Command } from 'commander';
import { printJson, reportAndExit } from '../common.js';

/** `aqe init [--force] [--dir DIR]`: config/fleet.yaml from the packaged example, plus .env.example. */
export function register(program: Command): void {
  program
    .command('init')
    .description('write config/fleet.yaml (the example config, features off) and .env.example; never overwrites without --force')
    .option('--force', 'overwrite files that already exist')
    .option('--dir <dir>', 'project directory to write into (default: current directory)')
    .option('--json', 'print { written, skipped } as JSON')
    .action(async (opts: { force?: boolean; dir?: string; json?: boolean }) => {
      try {
        const { initProject } = await import('../../config/init.js');
        const result = initProject({ dir: opts.dir, force: opts.force });
        if (opts.json) {
          printJson(result);
          return;
        }
        for (const f of result.written) process.stdout.write(`wrote ${f}\n`);
        for (const f of result.skipped) process.stdout.write(`skipped ${f} (exists; use --force to overwrite)\n`);
        if (result.written.some((f) => f.endsWith('fleet.yaml'))) {
          process.stdout.write('next: review the config, then `aqe config validate`\n');
        }
        if (result.written.some((f) => f.endsWith('.env.example'))) {
          process.stdout.write('.env.example sets nothing: every line is commented out; copy it to .env and uncomment only the variables you want to override the config with (keys, tokens)\n');
        }
      } catch (err) {
        reportAndExit(err);
      }
    });
}
