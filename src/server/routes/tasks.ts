import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AqeError, ErrorCodes, errorMessage, type ErrorCode } from '../../errors.js';
import { acceptEdgeTask } from '../../fleet/edge-task.js';
import { agentTypeFor } from '../../fleet/registry.js';
import { assertTaskId } from '../../fleet/task-schema.js';
import type { TaskResult } from '../../fleet/types.js';
import { errorBody, httpStatusFor, withRetryAfter } from '../http-errors.js';
import type { TaskRecord } from '../../fleet/FleetManager.js';
import { formatSseEvent, type TaskEventLog, type TaskStreamEventName } from '../replay.js';
import { parseLastEventId, pipeTaskEvents } from '../sse.js';
import type { ServerState } from '../state.js';
import { submitStreamedTask, terminalEvents } from '../task-stream.js';

interface TaskQuery {
  stream?: string;
  wait?: string;
  agentType?: string;
  lastEventId?: string;
}

const TRUE = new Set(['true', '1', 'yes', '']);

function wantsStream(request: FastifyRequest<{ Querystring: TaskQuery }>): boolean {
  const q = request.query.stream;
  if (q !== undefined) return TRUE.has(q.toLowerCase());
  return (request.headers.accept ?? '').includes('text/event-stream');
}

function isActive(status: string | undefined): boolean {
  return status === 'queued' || status === 'running';
}

/** Terminal events of a task from its record (no output: the record holds none), or of a record that is gone. */
function recordTerminalEvents(record: TaskRecord | undefined, id: string): Array<{ event: TaskStreamEventName; wire: string }> {
  if (record?.status === 'completed' && !record.result) {
    // completed on another process: the store's record (no output) is what there is
    const { usage } = record;
    const events: Array<{ event: TaskStreamEventName; data: unknown }> = [];
    if (usage) events.push({ event: 'usage', data: { ...usage, modelName: record.modelName, cost: record.cost ?? 0, costEstimated: record.costEstimated ?? usage.estimated } });
    events.push({ event: 'complete', data: record });
    return events.map((e) => ({ event: e.event, wire: formatSseEvent(e.event, e.data) }));
  }
  const events = record
    ? terminalEvents({
        result: record.result,
        error: record.error ? new AqeError(record.error.code as ErrorCode, record.error.message) : undefined,
        status: record.status,
      })
    : terminalEvents({ error: new AqeError(ErrorCodes.NOT_FOUND, `task ${id} is no longer recorded`), status: 'failed' });
  return events.map((e) => ({ event: e.event, wire: formatSseEvent(e.event, e.data) }));
}

/** POST /v1/tasks, GET /v1/tasks/:id, GET /v1/tasks/:id/events, DELETE /v1/tasks/:id. */
export function registerTaskRoutes(app: FastifyInstance, state: ServerState): void {
  const { fleet, hub, journal } = state;

  const streamLog = async (request: FastifyRequest, reply: FastifyReply, log: TaskEventLog, lastEventId?: number, onClose?: () => void) => {
    reply.hijack();
    state.metrics.sseOpened();
    let open = true;
    const closed = () => {
      if (open) {
        state.metrics.sseClosed();
        onClose?.();
      }
      open = false;
    };
    try {
      await pipeTaskEvents(reply.raw, log, {
        lastEventId,
        heartbeatMs: state.heartbeatMs,
        extraHeaders: { 'x-task-id': log.taskId },
        onClose: closed,
      });
    } catch (err) {
      // Hijacked: Fastify's error handler cannot answer any more, so this must, or the client waits forever.
      state.logger.error(`task stream failed: ${errorMessage(err)}`);
      if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify(errorBody(err)));
      else reply.raw.destroy();
    } finally {
      closed();
    }
  };

  /**
   * A task this process is not running (another replica is, or it ended): its stream from the store's journal,
   * replayed after lastEventId and followed until the task ends; a task never journaled ends from its record.
   */
  const streamFromJournal = async (request: FastifyRequest, reply: FastifyReply, id: string, lastEventId?: number) => {
    const follower = await journal.follow(id, () => fleet.findTask(id), (rec) => recordTerminalEvents(rec, id));
    return streamLog(request, reply, follower.log, lastEventId, follower.stop);
  };

  app.post<{ Querystring: TaskQuery; Body: unknown }>('/v1/tasks', async (request, reply) => {
    const agentType = request.query.agentType;
    // strict fields, a safe id, paths inside api.workspaceRoot: 400 before anything runs or is recorded
    const task = acceptEdgeTask(request.body, 'body', { agentType, workspaceRoot: fleet.getConfig().api.workspaceRoot });
    if (agentType === undefined && !agentTypeFor(task.type)) {
      throw new AqeError(ErrorCodes.UNKNOWN_AGENT, `type: no agent handles task type "${task.type}"`);
    }
    const stream = wantsStream(request);
    const lastEventId = parseLastEventId(request.headers['last-event-id']);
    // A resume may come after a restart: this process then knows the task only from the store.
    const existing = fleet.getTask(task.id) ?? (stream && lastEventId !== undefined ? await fleet.findTask(task.id) : undefined);

    // A client reconnecting to a stream it started: replay what it missed, then the live rest.
    if (stream && lastEventId !== undefined) {
      const log = hub.get(task.id);
      if (log) return streamLog(request, reply, log, lastEventId);
      // running on another replica, or ended: from the store's journal
      if (existing && (!fleet.getTask(task.id) || !isActive(existing.status))) return streamFromJournal(request, reply, task.id, lastEventId);
      if (!existing) {
        throw new AqeError(ErrorCodes.NOT_FOUND, `id: no stream of task ${task.id} to resume; POST it without Last-Event-ID to run it again`);
      }
    }
    if (isActive(existing?.status)) {
      throw new AqeError(ErrorCodes.CONFLICT, `id: task ${task.id} is already ${existing!.status}; GET /v1/tasks/${task.id} for its status`);
    }
    if (state.draining) throw new AqeError(ErrorCodes.FLEET_SHUTTING_DOWN, 'the server is shutting down and accepts no new tasks');

    if (stream) {
      // acceptEdgeTask gave a body without an id a random UUID: nothing can be journaled under it yet
      const newId = (request.body as { id?: unknown }).id === undefined;
      const { log, accepted } = submitStreamedTask(fleet, hub, task, { agentType, bounded: true }, journal, { newId });
      await accepted;
      return streamLog(request, reply, log);
    }

    const { taskId, done, accepted } = fleet.submitTask(task, { stream: false, agentType, bounded: true });
    await accepted;
    if (request.query.wait !== undefined && !TRUE.has(request.query.wait.toLowerCase())) {
      done.catch(() => undefined);
      return reply.code(202).header('location', `/v1/tasks/${encodeURIComponent(taskId)}`).send({ taskId, status: 'queued' });
    }
    try {
      return await done;
    } catch (err) {
      const result = (err as { result?: TaskResult }).result;
      const status = httpStatusFor((err as AqeError).code);
      return withRetryAfter(reply.code(status), status).send({ ...errorBody(err), ...(result ? { result } : {}) });
    }
  });

  app.get<{ Params: { id: string }; Querystring: TaskQuery }>('/v1/tasks/:id', async (request, reply) => {
    const { id } = request.params;
    assertTaskId(id);
    if ((request.headers.accept ?? '').includes('text/event-stream')) return eventsOf(request, reply, id);
    // Every task accepted on this store, kept fleet.taskRetentionDays (from the store: summary, no output).
    const record = await fleet.findTask(id);
    if (record) return record;
    throw new AqeError(ErrorCodes.NOT_FOUND, `no task with id ${id}`);
  });

  const eventsOf = async (request: FastifyRequest<{ Querystring: TaskQuery }>, reply: FastifyReply, id: string) => {
    const lastEventId = parseLastEventId(request.headers['last-event-id'] ?? request.query.lastEventId);
    const log = hub.get(id);
    if (log) return streamLog(request, reply, log, lastEventId);
    const mine = fleet.getTask(id);
    if (mine && isActive(mine.status)) {
      throw new AqeError(ErrorCodes.NOT_FOUND, `task ${id} is ${mine.status} but was not submitted with streaming: GET /v1/tasks/${id} for its status`);
    }
    // Ended here (its log expired), or running or ended on another replica: the journal, else the record.
    if (!mine && !(await fleet.findTask(id))) throw new AqeError(ErrorCodes.NOT_FOUND, `no task with id ${id}`);
    return streamFromJournal(request, reply, id, lastEventId);
  };

  app.get<{ Params: { id: string }; Querystring: TaskQuery }>('/v1/tasks/:id/events', async (request, reply) => {
    assertTaskId(request.params.id);
    return eventsOf(request, reply, request.params.id);
  });

  app.delete<{ Params: { id: string } }>('/v1/tasks/:id', async (request, reply) => {
    const { id } = request.params;
    assertTaskId(id);
    if (fleet.cancelTask(id)) return reply.code(202).send({ taskId: id, status: 'cancelling' });
    const record = await fleet.findTask(id);
    if (record) throw new AqeError(ErrorCodes.CONFLICT, `task ${id} already ${record.status}; nothing to cancel`);
    throw new AqeError(ErrorCodes.NOT_FOUND, `no running task with id ${id}`);
  });
}
