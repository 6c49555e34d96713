import type { Command } from 'commander';
import { EXIT, globalConfigPath, printJson, reportAndExit } from '../common.js';

/**
 * The `config` command group, created on first use. Other files attach subcommands with
 * `configCommand(program).command('migrate')`, whichever of them main.ts loads first.
 */
export function configCommand(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === 'config');
  if (existing) return existing;
  return program.command('config').description('check and migrate config/fleet.yaml');
}

export function register(program: Command): void {
  configCommand(program)
    .command('validate')
    .description('validate a fleet config (schema, cross-field rules, env overrides); exit 1 with one line per problem')
    .argument('[file]', 'config file (default: --config, $AQE_CONFIG or config/fleet.yaml)')
    .option('--json', 'print { file, valid, problems, summary } as JSON')
    .action(async (fileArg: string | undefined, flags: { json?: boolean }, cmd: Command) => {
      try {
        const { validateConfigFile } = await import('../../config/summary.js');
        const report = validateConfigFile({ file: fileArg ?? globalConfigPath(cmd) });
        if (flags.json) printJson(report);
        else if (report.valid) process.stdout.write(`${report.file}: valid (${report.summaryText})\n`);
        else if (report.missing || report.unreadable) process.stderr.write(`aqe: ${report.problems[0]}\n`);
        else {
          process.stdout.write(`${report.file}: invalid (${report.problems.length} problem${report.problems.length === 1 ? '' : 's'})\n`);
          for (const p of report.problems) process.stdout.write(`${p}\n`);
        }
        if (!flags.json) for (const w of report.warnings ?? []) process.stderr.write(`${w}\n`);
        // nothing to check (missing, a directory, unreadable) is missing input: 2; a config with problems: 1
        process.exitCode = report.valid ? EXIT.OK : report.missing || report.unreadable ? EXIT.USAGE : EXIT.FAILED;
      } catch (err) {
        reportAndExit(err);
      }
    });
}
