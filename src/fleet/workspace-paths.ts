import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AqeError, ErrorCodes } from '../errors.js';
import { PATH_FIELDS } from './task-schema.js';

/**
 * Server-side paths in a task's payload (sourcePath, outDir, ...) from an outside caller: accepted only as
 * relative paths that stay inside the configured workspace (api.workspaceRoot) once resolved with realpath,
 * symlinks included. Without a workspace every such field is refused. The values are taken literally:
 * "%2e%2e" is a file name, not "..".
 */

const MAX_PATH_CHARS = 4096;
/** Fields that must name something that exists (the others may be folders the task creates). */
const MUST_EXIST = new Set(['sourcePath']);

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** realpath of the deepest existing ancestor, with the rest appended (the rest does not exist yet). */
function realpathOfExistingPart(path: string): string {
  const rest: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(realpathSync(current), ...rest.reverse());
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
      const parent = dirname(current);
      if (parent === current) throw err;
      rest.push(current.slice(parent.length).replace(/^[/\\]+/, ''));
      current = parent;
    }
  }
}

function refuse(field: string, why: string): never {
  const problem = `payload.${field}: ${why}`;
  throw new AqeError(ErrorCodes.TASK_INVALID, problem, { problems: [problem] });
}

/** The workspace's real path; a missing or unreadable workspace is the operator's problem, said so. */
export function realWorkspaceRoot(workspaceRoot: string): string {
  try {
    const real = realpathSync(workspaceRoot);
    if (!statSync(real).isDirectory()) throw new Error('not a directory');
    return real;
  } catch (err) {
    throw new AqeError(ErrorCodes.CONFIG_INVALID, `api.workspaceRoot ${JSON.stringify(workspaceRoot)} is not a readable directory (${(err as Error).message.split(':')[0]})`);
  }
}

/** One path field's value, resolved inside the workspace; throws TASK_INVALID (400) naming the field. */
export function resolveWorkspacePath(field: string, value: unknown, workspaceRoot: string | undefined): string {
  if (!workspaceRoot) refuse(field, 'server-side paths are refused: the server has no workspace (api.workspaceRoot is not configured); send the code in payload.files instead');
  if (typeof value !== 'string' || value === '') refuse(field, 'expected a non-empty relative path (a string)');
  if (value.length > MAX_PATH_CHARS) refuse(field, `longer than ${MAX_PATH_CHARS} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) refuse(field, 'contains a control character (NUL, CR, LF, ...)');
  if (isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\')) refuse(field, 'must be relative to the workspace (api.workspaceRoot); absolute paths are refused');
  const root = realWorkspaceRoot(workspaceRoot);
  const lexical = resolve(root, value);
  if (!inside(root, lexical)) refuse(field, 'escapes the workspace (api.workspaceRoot)');
  let real: string;
  try {
    real = MUST_EXIST.has(field) ? realpathSync(lexical) : realpathOfExistingPart(lexical);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    refuse(field, code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist in the workspace' : code === 'ELOOP' ? 'is a symlink loop' : 'cannot be resolved');
  }
  // A symlink anywhere on the way may point outside: the real path decides.
  if (!inside(root, real)) refuse(field, 'escapes the workspace (api.workspaceRoot) through a symlink');
  if (field === 'sourcePath' && !statSync(real).isFile()) refuse(field, 'is not a file');
  return real;
}

/** The payload with every path field resolved inside the workspace (absolute real paths), or a 400. */
export function resolvePayloadPaths(payload: Record<string, unknown>, workspaceRoot: string | undefined): Record<string, unknown> {
  const present = PATH_FIELDS.filter((f) => payload[f] !== undefined);
  if (!present.length) return payload;
  const out = { ...payload };
  for (const field of present) out[field] = resolveWorkspacePath(field, payload[field], workspaceRoot);
  return out;
}
