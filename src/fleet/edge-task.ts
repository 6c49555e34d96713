import { AqeError, ErrorCodes } from '../errors.js';
import { assertEdgeTask } from './task-schema.js';
import { validateTask } from './task-validation.js';
import type { QETask } from './types.js';
import { resolvePayloadPaths } from './workspace-paths.js';
import { timeOrderedId } from '../ids.js';

export interface EdgeTaskOptions {
  /** The agent type that will run it (?agentType=); default the one handling the task's type. */
  agentType?: string;
  /** api.workspaceRoot: where server-side path fields may point; unset = such fields are refused. */
  workspaceRoot?: string;
}

/**
 * A task from outside the process (HTTP body, MCP arguments): strict fields, a safe id, path fields resolved
 * inside the workspace, then the library's own validation. Throws TASK_INVALID (400) naming every problem,
 * before anything runs, is charged or is recorded.
 */
export function acceptEdgeTask(body: unknown, where: string, opts: EdgeTaskOptions = {}): QETask {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new AqeError(ErrorCodes.TASK_INVALID, `${where}: expected a task object (the task file format), found ${Array.isArray(body) ? 'an array' : body === null ? 'null' : typeof body}`);
  }
  const input = body as Record<string, unknown>;
  assertEdgeTask(input, where, opts.agentType);
  const payload = input.payload;
  const withPaths = payload && typeof payload === 'object' && !Array.isArray(payload)
    ? { ...input, payload: resolvePayloadPaths(payload as Record<string, unknown>, opts.workspaceRoot) }
    : input;
  return validateTask(withPaths.id === undefined ? { ...withPaths, id: timeOrderedId() } : withPaths, where);
}
