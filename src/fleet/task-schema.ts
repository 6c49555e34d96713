import { AqeError, ErrorCodes } from '../errors.js';
import { agentTypeFor } from './registry.js';

/**
 * The strict task schema of the edges (HTTP, MCP, task files): which fields a task may carry, and the rules
 * for task ids. The library's validateTask stays lenient for callers inside the process; what comes from
 * outside is checked here first, so an unknown or hostile field never reaches an agent.
 */

/** Ids the edges accept: safe in a URL path, a header, a file name and a log line. */
export const TASK_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const TASK_ID_RULE = '1-128 characters from A-Z a-z 0-9 . _ : -';
/**
 * payload.language names the code's language for the model (typescript, python, go, c++, c#...). Agents go by the
 * files' extensions; the name only reaches prompts, so it is kept to a short plain word.
 */
export const LANGUAGE_PATTERN = /^[A-Za-z][A-Za-z0-9+#._-]{0,39}$/;
export const LANGUAGE_RULE = 'a language name: a letter, then up to 39 of A-Z a-z 0-9 + # . _ -';

export const TOP_LEVEL_FIELDS: readonly string[] = ['id', 'type', 'description', 'payload', 'priority', 'context', 'expected'];

/** Payload fields every agent type understands (docs/tasks.md). */
export const COMMON_PAYLOAD_FIELDS: readonly string[] = ['language', 'framework', 'files', 'requirements'];

/** Fields naming a path on the server's disk: allowed only inside api.workspaceRoot (see workspace-paths.ts). */
export const PATH_FIELDS: readonly string[] = ['sourcePath', 'outDir', 'projectRoot', 'root', 'reportDir'];

/** Payload fields an agent type reads beyond the common ones (the agents' own task.payload.X reads). */
const AGENT_PAYLOAD_FIELDS = new Map<string, readonly string[]>([
  ['test-generator', ['sourcePath', 'outDir', 'projectRoot', 'root', 'noSideFile', 'run']],
  ['coverage-analyzer', ['reportDir']],
]);

/** An agent type registered outside this package declares the extra payload fields it reads. */
export function registerPayloadFields(agentType: string, fields: readonly string[]): void {
  AGENT_PAYLOAD_FIELDS.set(agentType, [...fields]);
}

export function payloadFieldsFor(agentType: string | undefined): readonly string[] {
  return [...COMMON_PAYLOAD_FIELDS, ...(agentType ? AGENT_PAYLOAD_FIELDS.get(agentType) ?? [] : [])];
}

/** A field name for a message: printable, bounded (a hostile key can be long or carry control characters). */
function shown(name: string): string {
  const s = JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}...` : name);
  return s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function isValidTaskId(id: unknown): id is string {
  return typeof id === 'string' && TASK_ID_PATTERN.test(id);
}

/** The problem with an id, or undefined when it is fine. Never echoes the id itself. */
export function taskIdProblem(id: unknown, field = 'id'): string | undefined {
  if (typeof id !== 'string') return `${field}: expected a string of ${TASK_ID_RULE}`;
  if (id.length === 0 || id.length > 128) return `${field}: expected ${TASK_ID_RULE}, found ${id.length} characters`;
  if (!TASK_ID_PATTERN.test(id)) return `${field}: expected ${TASK_ID_RULE}; it contains other characters`;
  return undefined;
}

export function assertTaskId(id: unknown, field = 'id'): asserts id is string {
  const problem = taskIdProblem(id, field);
  if (problem) throw new AqeError(ErrorCodes.TASK_INVALID, problem, { problems: [problem] });
}

/**
 * Problems with a task object's shape at the edge: unknown top-level fields, unknown payload fields for the
 * agent type that will run it, a bad id. `agentType` defaults to the one handling the task's type.
 */
export function edgeTaskProblems(input: Record<string, unknown>, agentType?: string): string[] {
  const problems: string[] = [];
  const extraTop = Object.keys(input).filter((k) => !TOP_LEVEL_FIELDS.includes(k));
  if (extraTop.length) problems.push(`unknown field${extraTop.length > 1 ? 's' : ''} ${extraTop.map(shown).join(', ')} (allowed: ${TOP_LEVEL_FIELDS.join(', ')})`);
  if (input.id !== undefined) {
    const p = taskIdProblem(input.id);
    if (p) problems.push(p);
  }
  const payload = input.payload;
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
    const type = agentType ?? (typeof input.type === 'string' ? agentTypeFor(input.type) : undefined);
    const allowed = payloadFieldsFor(type);
    const extra = Object.keys(payload).filter((k) => !allowed.includes(k));
    if (extra.length) {
      problems.push(`payload: unknown field${extra.length > 1 ? 's' : ''} ${extra.map(shown).join(', ')} for ${type ?? 'this task type'} (allowed: ${allowed.join(', ')})`);
    }
    const files = (payload as { files?: unknown }).files;
    if (Array.isArray(files)) {
      files.forEach((f, i) => {
        if (!f || typeof f !== 'object') return;
        const extraFile = Object.keys(f).filter((k) => k !== 'path' && k !== 'content');
        if (extraFile.length) problems.push(`payload.files[${i}]: unknown field${extraFile.length > 1 ? 's' : ''} ${extraFile.map(shown).join(', ')} (allowed: path, content)`);
        const path = (f as { path?: unknown }).path;
        // eslint-disable-next-line no-control-regex
        if (typeof path === 'string' && /[\x00-\x1f\x7f]/.test(path)) problems.push(`payload.files[${i}].path: contains a control character (NUL, CR, LF, ...)`);
      });
    }
  }
  return problems;
}

/** Throws a TASK_INVALID (HTTP 400) naming every edge problem of the task. */
export function assertEdgeTask(input: Record<string, unknown>, where: string, agentType?: string): void {
  const problems = edgeTaskProblems(input, agentType);
  if (problems.length) throw new AqeError(ErrorCodes.TASK_INVALID, `${where}: ${problems.join('; ')}`, { problems });
}
