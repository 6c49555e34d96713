import { readFileSync, statSync } from 'node:fs';
import { AqeError, ErrorCodes } from './errors.js';

/**
 * Input paths named by the user (on the command line or in a request). One wording and one error code for
 * "cannot use it" (missing, a directory where a file goes, unreadable), so every command exits 2 for it;
 * content that is read but wrong is the caller's to report (exit 1).
 */

/** Why `path` cannot be used as a file (or as a directory with `kind: 'directory'`), or undefined when it can. */
export function inputPathProblem(path: string, kind: 'file' | 'directory' = 'file'): string | undefined {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    return reasonFor(err);
  }
  if (kind === 'file' && isDir) return 'it is a directory, not a file';
  if (kind === 'directory' && !isDir) return 'it is a file, not a directory';
  return undefined;
}

function reasonFor(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a directory';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (err as Error).message;
}

/** Throws AqeError(USAGE) naming `what` and the path when it cannot be used as `kind`. */
export function requireInputPath(path: string, what: string, kind: 'file' | 'directory' = 'file', shown = path): void {
  const problem = inputPathProblem(path, kind);
  if (problem) throw new AqeError(ErrorCodes.USAGE, `cannot read ${what} ${shown}: ${problem}`, { path: shown });
}

/** The file's text, or AqeError(USAGE): "cannot read <what> <path>: <reason>". */
export function readInputFile(path: string, what: string, shown = path): string {
  requireInputPath(path, what, 'file', shown);
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new AqeError(ErrorCodes.USAGE, `cannot read ${what} ${shown}: ${reasonFor(err)}`, { path: shown });
  }
}
