import type { Command } from 'commander';
import { EXIT, printJson, reportAndExit } from '../common.js';

interface MigrateAgentsFlags {
  dryRun?: boolean;
  json?: boolean;
}

/** `aqe migrate-agents [DIR]`: v1.0.4 custom agents (performTask) -> v1.0.5 (performTaskImpl(task, selection?)). */
export function register(program: Command): void {
  program
    .command('migrate-agents')
    .description('rename performTask to performTaskImpl(task, selection?: ModelSelection) in classes extending BaseAgent (seed 5.1), in .ts/.tsx/.mts/.cts and .js/.jsx/.mjs/.cjs files (JavaScript gets no type annotation)')
    .argument('[dir]', 'project directory (uses its tsconfig.json when present)', '.')
    .option('--dry-run', 'print a unified diff and write nothing')
    .option('--json', 'print a JSON report')
    .action(async (dir: string, flags: MigrateAgentsFlags) => {
      try {
        const { migrateAgents } = await import('../../migrate/agents.js');
        const result = migrateAgents(dir, { dryRun: flags.dryRun });
        if (flags.json) {
          printJson(result);
        } else {
          if (flags.dryRun) for (const c of result.changed) process.stdout.write(c.diff);
          for (const c of result.classes) {
            process.stdout.write(`${c.status.padEnd(16)} ${c.className} (${c.file})${c.reason ? `: ${c.reason}` : ''}\n`);
          }
          for (const u of result.unparsable) process.stderr.write(`aqe: not parsed, left untouched: ${u.file}: ${u.error}\n`);
          const verb = flags.dryRun ? 'would change' : 'changed';
          process.stdout.write(
            `${verb} ${result.changed.length} file(s); ${result.classes.length} BaseAgent subclass(es) in ${result.filesScanned} file(s) scanned` +
              (result.unparsable.length ? `; ${result.unparsable.length} file(s) could not be parsed` : '') +
              '\n',
          );
        }
        process.exitCode = result.unparsable.length || result.classes.some((c) => c.status === 'skipped') ? EXIT.FAILED : EXIT.OK;
      } catch (err) {
        reportAndExit(err);
      }
    });
}
