import type { FastifyInstance } from 'fastify';
import { AqeError, ErrorCodes } from '../../errors.js';
import type { TaskStatus } from '../../fleet/types.js';
import type { ServerState } from '../state.js';

const STATUSES: readonly TaskStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted'];
/** `status=not-done`: what a caller should submit again after a shutdown or crash. */
const NOT_DONE: ReadonlySet<TaskStatus> = new Set(['failed', 'cancelled', 'interrupted']);
const MAX_LIMIT = 1000;

interface ListQuery {
  status?: string;
  since?: string;
  limit?: string;
}

function parseStatuses(value: string | undefined): ReadonlySet<TaskStatus> | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'not-done') return NOT_DONE;
  const out = new Set<TaskStatus>();
  for (const s of value.split(',')) {
    if (!STATUSES.includes(s as TaskStatus)) {
      throw new AqeError(ErrorCodes.BAD_REQUEST, `status: expected not-done or a comma-separated list of ${STATUSES.join(', ')}, found ${JSON.stringify(s.slice(0, 40))}`);
    }
    out.add(s as TaskStatus);
  }
  return out;
}

function parseSince(value: string | undefined, now: number): number {
  if (value === undefined || value === '') return now - 86_400_000;
  const rel = /^(\d{1,4})(m|h|d)$/.exec(value);
  if (rel) return now - Number(rel[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[rel[2] as 'm' | 'h' | 'd'];
  const at = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at)) {
    throw new AqeError(ErrorCodes.BAD_REQUEST, `since: expected an ISO time (2026-11-27T12:00:00Z) or an age such as 30m, 6h, 2d; found ${JSON.stringify(value.slice(0, 40))}`);
  }
  return at;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined || value === '') return 100;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_LIMIT) throw new AqeError(ErrorCodes.BAD_REQUEST, `limit: expected an integer 1-${MAX_LIMIT}, found ${JSON.stringify(value.slice(0, 40))}`);
  return n;
}

/**
 * GET /v1/tasks?status=not-done&since=1h: task records changed since then (newest first), so a caller can
 * submit again exactly the tasks a shutdown or crash left undone. Reads the store: every process on it.
 */
export function registerTaskListRoute(app: FastifyInstance, state: ServerState): void {
  app.get<{ Querystring: ListQuery }>('/v1/tasks', async (request) => {
    const now = Date.now();
    const statuses = parseStatuses(request.query.status);
    const since = parseSince(request.query.since, now);
    const limit = parseLimit(request.query.limit);
    const tasks = await state.fleet.getTaskRecords().list({ since, statuses, limit });
    return { since: new Date(since).toISOString(), count: tasks.length, tasks: tasks.map(({ result: _result, ...rest }) => rest) };
  });
}
