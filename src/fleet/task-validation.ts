import { AqeError, ErrorCodes } from '../errors.js';
import { LANGUAGE_PATTERN, LANGUAGE_RULE } from './task-schema.js';
import { TASK_TYPES, type QETask } from './types.js';

/** Checks a task object (from a task file, the HTTP API or a library caller); errors name the field. */
export function validateTask(input: unknown, where = 'task'): QETask {
  const problems: string[] = [];
  const t = input as Record<string, unknown> | null;
  if (!t || typeof t !== 'object' || Array.isArray(t)) {
    throw new AqeError(ErrorCodes.TASK_INVALID, `${where}: expected an object, found ${Array.isArray(t) ? 'an array' : typeof t}`);
  }
  if (typeof t.id !== 'string' || !t.id) problems.push('id: expected a non-empty string');
  if (typeof t.type !== 'string' || !(TASK_TYPES as readonly string[]).includes(t.type)) {
    problems.push(`type: expected one of ${TASK_TYPES.join(', ')}, found ${JSON.stringify(t.type)}`);
  }
  if (typeof t.description !== 'string') problems.push('description: expected a string');
  const payload = t.payload as Record<string, unknown> | undefined;
  if (payload === undefined) {
    // A payload-less task is allowed: no files.
  } else if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    problems.push('payload: expected an object');
  } else {
    if (payload.files !== undefined) {
      if (!Array.isArray(payload.files)) problems.push('payload.files: expected an array');
      else
        payload.files.forEach((f: any, i: number) => {
          if (!f || typeof f.path !== 'string') problems.push(`payload.files[${i}].path: expected a string`);
          if (!f || typeof f.content !== 'string') problems.push(`payload.files[${i}].content: expected a string`);
        });
    }
    if (payload.requirements !== undefined && (!Array.isArray(payload.requirements) || payload.requirements.some((r) => typeof r !== 'string'))) {
      problems.push('payload.requirements: expected an array of strings');
    }
    if (payload.language !== undefined && (typeof payload.language !== 'string' || !LANGUAGE_PATTERN.test(payload.language))) {
      problems.push(`payload.language: expected ${LANGUAGE_RULE} (e.g. "typescript", "python"), found ${JSON.stringify(payload.language).slice(0, 60)}`);
    }
  }
  if (t.priority !== undefined && typeof t.priority !== 'number') problems.push('priority: expected a number');
  if (problems.length) {
    throw new AqeError(ErrorCodes.TASK_INVALID, `${where}${typeof t.id === 'string' ? ` ${t.id}` : ''}: ${problems.join('; ')}`, { problems });
  }
  const task = t as unknown as QETask;
  return { ...task, payload: { ...(task.payload ?? {}), files: task.payload?.files ?? [] } };
}
