import type { Command } from 'commander';
import { EXIT, globalConfigPath, printJson, reportAndExit } from '../common.js';
import { configCommand } from './config.js';

interface MigrateFlags {
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  defaultModel?: string;
  commentUnknown?: boolean;
}

/** `aqe config migrate [OLD] [NEW]`: v1.0.4 config -> v1.0.5 (seed 4.1), comments and key order kept. */
export function register(program: Command): void {
  configCommand(program)
    .command('migrate')
    .description('migrate a v1.0.4 config to v1.0.5 (features off, routing from ai.model, streaming defaults, ai removed)')
    .argument('[old]', 'v1.0.4 config file (default: --config or config/fleet.yaml)')
    .argument('[new]', 'where to write the v1.0.5 config (default: OLD with .v1.0.5 before the extension)')
    .option('--dry-run', 'print a unified diff of OLD -> NEW and write nothing')
    .option('--force', 'overwrite NEW if it exists')
    .option('--default-model <name>', 'routing.defaultModel to use instead of the one derived from ai.model')
    .option('--comment-unknown', 'turn top-level sections v1.0.5 does not know into comments instead of refusing')
    .option('--json', 'print a JSON summary')
    .action(async (oldArg: string | undefined, newArg: string | undefined, flags: MigrateFlags, cmd: Command) => {
      try {
        const { migrateConfigFile } = await import('../../config/migrate.js');
        const result = migrateConfigFile({
          oldPath: oldArg ?? globalConfigPath(cmd),
          newPath: newArg,
          dryRun: flags.dryRun,
          force: flags.force,
          defaultModel: flags.defaultModel,
          commentUnknown: flags.commentUnknown,
        });
        const failed = result.problems.length > 0;
        if (flags.json) {
          printJson(result);
        } else {
          if (result.diff !== undefined) process.stdout.write(result.diff || `no changes: ${result.oldPath} -> ${result.newPath}\n`);
          if (result.status === 'migrated') {
            process.stdout.write(`migrated ${result.oldPath} -> ${result.newPath}\n`);
            if (result.added.length) process.stdout.write(`  added: ${result.added.join(', ')}\n`);
            if (result.removed.length) process.stdout.write(`  removed: ${result.removed.join(', ')}\n`);
            process.stdout.write(`  kept: ${result.kept.join(', ')}\n`);
          }
          for (const n of result.notes) process.stdout.write(`note: ${n}\n`);
          if (result.status === 'migrated') {
            process.stdout.write('Features are DISABLED in the new config. Review it, then use it (e.g. copy it over config/fleet.yaml) and enable features when ready.\n');
          }
          if (result.status === 'dry-run') {
            if (failed) {
              process.stderr.write(`aqe: the migrated config would not pass validation; a real run would write nothing:\n`);
              for (const p of result.problems) process.stderr.write(`  ${p}\n`);
            } else {
              process.stdout.write(`dry run: nothing written; the result passes validation\n`);
            }
          }
        }
        process.exitCode = failed ? EXIT.FAILED : EXIT.OK;
      } catch (err) {
        reportAndExit(err);
      }
    });
}
