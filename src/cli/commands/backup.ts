import type { Command } from 'commander';
import { EXIT, globalConfigPath, printJson, reportAndExit } from '../common.js';

interface BackupFlags {
  out?: string;
  json?: boolean;
}

/** `aqe backup`: consistent online copy of the SQLite store plus the config, into a versioned, timestamped folder. */
export function register(program: Command): void {
  program
    .command('backup')
    .description('back up the SQLite store (safe while the fleet runs) and the config into backups/aqe-<version>-<UTC time>/')
    .option('--out <dir>', 'parent folder of the backup folder', 'backups')
    .option('--json', 'print the manifest as JSON')
    .action(async (flags: BackupFlags, cmd: Command) => {
      try {
        const { loadConfig } = await import('../../config/load.js');
        const { createBackup } = await import('../../memory/backup.js');
        const { AqeError, ErrorCodes } = await import('../../errors.js');
        const loaded = loadConfig({ path: globalConfigPath(cmd) });
        const db = loaded.config.database;
        if (db.type !== 'sqlite') {
          throw new AqeError(ErrorCodes.BACKUP, `database.type is "${db.type}": aqe backup copies the SQLite store only; use your database's own tools (pg_dump)`);
        }
        if (db.path === ':memory:') throw new AqeError(ErrorCodes.BACKUP, 'database.path is ":memory:": there is no file to back up');
        const { dir, manifest } = await createBackup({ dbPath: db.path, configPath: loaded.path, outDir: flags.out });
        if (flags.json) {
          printJson({ dir, ...manifest });
        } else {
          process.stdout.write(`backup written to ${dir}\n`);
          for (const f of manifest.files) process.stdout.write(`  ${f.role.padEnd(8)} ${f.source} -> ${f.name} (${f.bytes} bytes, sha256 ${f.sha256.slice(0, 12)}…)\n`);
          process.stdout.write(`  schema version ${manifest.schemaVersion}, aqe ${manifest.version}, ${manifest.createdAt}\n`);
          if (!loaded.path) process.stdout.write('  no config file in use (embedded defaults); only the database was backed up\n');
        }
        process.exitCode = EXIT.OK;
      } catch (err) {
        reportAndExit(err, EXIT.FAILED);
      }
    });
}
