import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { AqeError, ConfigError, ErrorCodes } from '../errors.js';
import { inputPathProblem, readInputFile } from '../input-file.js';
import { unifiedDiff } from '../migrate/diff.js';
import { redactSecrets, registerSecret } from '../secrets.js';
import { planConfigMigration } from './migrate-plan.js';
import { validateConfigText } from './validate.js';

export { planConfigMigration, type ConfigMigrationPlan, type PlanOptions } from './migrate-plan.js';

export const DEFAULT_OLD_CONFIG = 'config/fleet.yaml';

/** config/fleet.yaml -> config/fleet.v1.0.5.yaml; other names the same way, next to the old file. */
export function defaultNewConfigPath(oldPath: string): string {
  const ext = extname(oldPath) || '.yaml';
  return join(dirname(oldPath), `${basename(oldPath, extname(oldPath))}.v1.0.5${ext}`);
}

export interface MigrateConfigOptions {
  oldPath?: string;
  newPath?: string;
  cwd?: string;
  dryRun?: boolean;
  force?: boolean;
  defaultModel?: string;
  commentUnknown?: boolean;
}

export interface MigrateConfigResult {
  /** migrated: NEW written; current: OLD already v1.0.5 (or NEW already holds this migration), nothing written; dry-run: nothing written. */
  status: 'migrated' | 'current' | 'dry-run';
  oldPath: string;
  newPath: string;
  written: boolean;
  added: string[];
  removed: string[];
  kept: string[];
  notes: string[];
  /** Validation problems of the migrated text (dry-run only; a real run throws instead). */
  problems: string[];
  /** Unified diff OLD -> NEW, secrets masked (dry-run only). */
  diff?: string;
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * Migrate a v1.0.4 config file to v1.0.5 (seed 4.1). OLD is never modified; NEW is written only when the
 * result passes validation, and an existing NEW only with `force`. Throws AqeError (MIGRATION) or
 * ConfigError (migrated text invalid) with nothing written.
 */
export function migrateConfigFile(opts: MigrateConfigOptions = {}): MigrateConfigResult {
  const cwd = opts.cwd ?? process.cwd();
  const oldPath = resolve(cwd, opts.oldPath ?? DEFAULT_OLD_CONFIG);
  const newPath = resolve(cwd, opts.newPath ?? defaultNewConfigPath(opts.oldPath ?? DEFAULT_OLD_CONFIG));
  const oldName = display(oldPath, cwd);
  const newName = display(newPath, cwd);

  if (!existsSync(oldPath)) {
    throw new AqeError(ErrorCodes.CONFIG_NOT_FOUND, `config file ${oldName} not found (give the v1.0.4 config as OLD)`, { file: oldName });
  }
  if (inputPathProblem(newPath) === 'it is a directory, not a file') {
    throw new AqeError(ErrorCodes.USAGE, `NEW ${newName} is a directory; name the file to write (e.g. ${display(join(newPath, 'fleet.yaml'), cwd)})`, { file: newName });
  }
  if (oldPath === newPath) {
    throw new AqeError(ErrorCodes.MIGRATION, `OLD and NEW are the same file (${oldName}); the old config is never modified, choose another NEW`);
  }
  const oldText = readInputFile(oldPath, 'config file', oldName);
  const plan = planConfigMigration(oldText, { fileName: oldName, defaultModel: opts.defaultModel, commentUnknown: opts.commentUnknown });
  for (const s of plan.secrets) registerSecret(s);

  const base = { oldPath: oldName, newPath: newName, added: plan.added, removed: plan.removed, kept: plan.kept, notes: plan.notes };
  if (plan.status === 'current') return { ...base, status: 'current', written: false, problems: [] };

  const problems: string[] = [];
  if (plan.unknownSections.length) {
    problems.push(
      `${oldName} has top-level sections that v1.0.5 does not know: ${plan.unknownSections.join(', ')}. ` +
        'They are kept, but v1.0.5 rejects unknown sections: remove or rename them in OLD, or pass --comment-unknown to keep them as comments in NEW',
    );
  } else {
    const result = validateConfigText(plan.newText, { env: {}, fileName: newName });
    if (!result.ok) problems.push(...result.problems);
    if (!result.ok && plan.notes.some((n) => n.includes('--default-model'))) {
      problems.push('hint: routing.defaultModel came from ai.model; pass --default-model NAME to use a configured model');
    }
  }

  if (opts.dryRun) {
    const diff = redactSecrets(unifiedDiff(plan.oldTextRedacted, plan.newText, `a/${oldName}`, `b/${newName}`));
    return { ...base, status: 'dry-run', written: false, problems, diff };
  }
  if (problems.length) {
    if (plan.unknownSections.length) throw new AqeError(ErrorCodes.MIGRATION, `${problems[0]}; nothing written`, { unknownSections: plan.unknownSections });
    throw new ConfigError(`the migrated config does not pass validation; nothing written to ${newName}`, problems);
  }
  if (existsSync(newPath) && readFileSync(newPath, 'utf8') === plan.newText) {
    return { ...base, status: 'current', written: false, problems: [], notes: [...plan.notes, `${newName} already holds this migration; nothing written`] };
  }
  if (existsSync(newPath) && !opts.force) {
    throw new AqeError(ErrorCodes.MIGRATION, `${newName} already exists; pass --force to overwrite it (or choose another NEW)`, { file: newName });
  }
  mkdirSync(dirname(newPath), { recursive: true });
  const tmp = `${newPath}.tmp-${process.pid}`;
  writeFileSync(tmp, plan.newText, { encoding: 'utf8', mode: 0o644 });
  renameSync(tmp, newPath);
  return { ...base, status: 'migrated', written: true, problems: [] };
}
