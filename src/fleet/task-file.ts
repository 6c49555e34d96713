import { readFileSync } from 'node:fs';
import { registerBuiltinAgents } from '../agents/index.js';
import { AqeError, ErrorCodes, errorMessage } from '../errors.js';
import { edgeTaskProblems } from './task-schema.js';
import { validateTask } from './task-validation.js';
import type { QETask } from './types.js';

export interface TaskFileLine {
  line: number;
  task: QETask;
}

export interface TaskFileProblem {
  line: number;
  message: string;
}

/** Parses a JSON Lines task file (docs/tasks.md). Bad lines are reported with their number, not fatal. */
export function parseTaskFile(text: string): { tasks: TaskFileLine[]; problems: TaskFileProblem[] } {
  const tasks: TaskFileLine[] = [];
  const problems: TaskFileProblem[] = [];
  const seen = new Set<string>();
  registerBuiltinAgents(); // which payload fields a task may carry depends on the agent type its type maps to
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('//')) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (err) {
      problems.push({ line, message: `not valid JSON: ${errorMessage(err)}` });
      return;
    }
    // the strict schema of the edges: an unknown field is a typo or a field no agent reads
    const strict = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? edgeTaskProblems(parsed as Record<string, unknown>) : [];
    if (strict.length) {
      problems.push({ line, message: `task: ${strict.join('; ')}` });
      return;
    }
    try {
      const task = validateTask(parsed, 'task');
      if (seen.has(task.id)) {
        problems.push({ line, message: `duplicate task id "${task.id}"` });
        return;
      }
      seen.add(task.id);
      tasks.push({ line, task });
    } catch (err) {
      problems.push({ line, message: errorMessage(err) });
    }
  });
  return { tasks, problems };
}

export function readTaskFile(path: string): { tasks: TaskFileLine[]; problems: TaskFileProblem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory, not a file' : code === 'EACCES' ? 'permission denied' : errorMessage(err);
    throw new AqeError(ErrorCodes.USAGE, `cannot read task file ${path}: ${why}`);
  }
  return parseTaskFile(text);
}
