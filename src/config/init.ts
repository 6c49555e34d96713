import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AqeError, ErrorCodes } from '../errors.js';
import { displayPath } from './load.js';

export interface InitResult {
  dir: string;
  /** Paths written, relative to the current directory when inside it. */
  written: string[];
  skipped: string[];
}

/** Files `aqe init` writes: target (relative to --dir) <- source (relative to the package root). */
const TEMPLATES: ReadonlyArray<{ target: string; source: string }> = [
  { target: 'config/fleet.yaml', source: 'config/fleet.example.yaml' },
  { target: '.env.example', source: '.env.example' },
];

// Same depth from src/config/ and dist/config/: two levels up is the package root.
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function templatePath(source: string): string {
  return join(PACKAGE_ROOT, source);
}

export function initProject(opts: { dir?: string; force?: boolean } = {}): InitResult {
  const dir = resolve(opts.dir ?? process.cwd());
  const result: InitResult = { dir, written: [], skipped: [] };
  for (const t of TEMPLATES) {
    const from = templatePath(t.source);
    if (!existsSync(from)) throw new AqeError(ErrorCodes.CONFIG_NOT_FOUND, `packaged template missing: ${from} (reinstall agentic-qe-fleet)`);
  }
  for (const t of TEMPLATES) {
    const to = join(dir, t.target);
    const shown = displayPath(to);
    if (existsSync(to) && !opts.force) {
      result.skipped.push(shown);
      continue;
    }
    try {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(templatePath(t.source), to);
    } catch (err) {
      // e.g. a file named config where the folder goes, or a directory named fleet.yaml: say which path, no stack
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'EEXIST' || code === 'ENOTDIR' ? `a file is in the way of the folder ${displayPath(dirname(to))}` : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
      throw new AqeError(ErrorCodes.USAGE, `cannot write ${shown}: ${why}${result.written.length ? ` (already wrote ${result.written.join(', ')})` : ''}`);
    }
    result.written.push(shown);
  }
  return result;
}
