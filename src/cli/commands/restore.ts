import type { Command } from 'commander';
import { EXIT, globalConfigPath, printJson, reportAndExit } from '../common.js';

interface RestoreFlags {
  force?: boolean;
  json?: boolean;
  db?: string;
}

/** `aqe restore DIR`: verify a backup (manifest, sha256, integrity, schema version), then put it in place. */
export function register(program: Command): void {
  program
    .command('restore')
    .description('restore a backup made by `aqe backup` (stop the fleet first); replaced files are moved aside, never deleted')
    .argument('<dir>', 'backup folder (contains manifest.json)')
    .option('--force', 'replace existing files (moved aside to <file>.replaced-<UTC time>)')
    .option('--db <path>', 'where to restore the database (default: the path it was backed up from)')
    .option('--json', 'print a JSON report')
    .action(async (dir: string, flags: RestoreFlags, cmd: Command) => {
      try {
        const { restoreBackup } = await import('../../memory/backup.js');
        const result = restoreBackup(dir, { force: flags.force, dbPath: flags.db, configPath: globalConfigPath(cmd) });
        if (flags.json) {
          printJson(result);
        } else {
          process.stdout.write(`restored ${result.dir} (aqe ${result.manifest.version}, ${result.manifest.createdAt}, schema version ${result.manifest.schemaVersion})\n`);
          for (const r of result.restored) {
            process.stdout.write(`  ${r.role.padEnd(8)} -> ${r.to}${r.movedAside.length ? ` (previous moved aside: ${r.movedAside.join(', ')})` : ''}\n`);
          }
        }
        process.exitCode = EXIT.OK;
      } catch (err) {
        reportAndExit(err);
      }
    });
}
