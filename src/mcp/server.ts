import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { FleetConfig } from '../config/schema.js';
import { AqeError, ErrorCodes, errorMessage } from '../errors.js';
import { VERSION, type FleetManager } from '../fleet/FleetManager.js';
import { registeredAgentTypes } from '../fleet/registry.js';
import { validateTask } from '../fleet/task-validation.js';
import { TASK_TYPES, type QETask, type TaskResult } from '../fleet/types.js';
import type { Logger } from '../logging.js';
import { ComplexityAnalyzer } from '../routing/ComplexityAnalyzer.js';
import { ModelRouter } from '../routing/ModelRouter.js';
import { redactSecrets } from '../secrets.js';
import type { StreamChunk } from '../streaming/types.js';
import { runTool, type BaseMCPTool } from './BaseMCPTool.js';
import { markServiceProcess } from '../sandbox/index.js';
import { originAllowed } from './origin.js';
import { SessionPool, type EvictionReason } from './session-pool.js';
import { LANGUAGE_PATTERN, LANGUAGE_RULE, TASK_ID_PATTERN, TASK_ID_RULE } from '../fleet/task-schema.js';
import { timeOrderedId } from '../ids.js';

export interface AqeMcpServerOptions {
  /** Extra tools (BaseMCPTool / StreamingMCPTool subclasses) offered next to the fleet's. */
  tools?: BaseMCPTool[];
  logger?: Logger;
}

const FileSchema = z.strictObject({ path: z.string().min(1), content: z.string() });

/** The task file format's fields as tool parameters (type optional where the tool implies it). */
function taskShape(taskTypes: readonly string[], defaultType?: string) {
  const types = (taskTypes.length > 0 ? taskTypes : TASK_TYPES) as readonly [string, ...string[]];
  return {
    description: z.string().min(1).describe('The request, as a user would write it.'),
    type: z.enum(types).optional().describe(defaultType ? `Task type (default ${defaultType}).` : 'Task type (required).'),
    files: z.array(FileSchema).default([]).describe('Code under test or artefacts: { path, content }.'),
    language: z.string().regex(LANGUAGE_PATTERN, `expected ${LANGUAGE_RULE}`).optional().describe('The code\'s language, e.g. typescript, python, go.'),
    framework: z.string().optional().describe('e.g. vitest, jest, node:test, playwright, k6'),
    requirements: z.array(z.string()).optional(),
    id: z.string().regex(TASK_ID_PATTERN, `expected ${TASK_ID_RULE}`).optional().describe(`Task id (default: a new UUID); ${TASK_ID_RULE}.`),
  };
}

interface TaskArgs {
  description: string;
  type?: string;
  files: Array<{ path: string; content: string }>;
  language?: string;
  framework?: string;
  requirements?: string[];
  id?: string;
}

function toTask(args: TaskArgs, defaultType?: string): QETask {
  const payload: Record<string, unknown> = { files: args.files ?? [] };
  if (args.language) payload.language = args.language;
  if (args.framework) payload.framework = args.framework;
  if (args.requirements) payload.requirements = args.requirements;
  return validateTask({ id: args.id ?? timeOrderedId(), type: args.type ?? defaultType, description: args.description, payload }, 'arguments');
}

function jsonResult(value: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }] };
}

function errorResult(err: unknown): CallToolResult {
  const code = err instanceof AqeError ? err.code : ErrorCodes.PROVIDER;
  return { isError: true, content: [{ type: 'text', text: redactSecrets(`${code}: ${errorMessage(err)}`) }] };
}

/** The agent's answer as text: a string output, an output's `text`, else its JSON. */
export function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  const text = (output as { text?: unknown } | undefined)?.text;
  if (typeof text === 'string') return text;
  return JSON.stringify(output, null, 2);
}

function resultSummary(r: TaskResult): Record<string, unknown> {
  return { taskId: r.taskId, agentType: r.agentType, status: r.status, modelName: r.modelName, usage: r.usage, cost: r.cost, costEstimated: r.costEstimated, streamed: r.streamed, fellBackToSync: r.fellBackToSync, durationMs: r.endedAt - r.startedAt };
}

type ToolExtra = {
  signal: AbortSignal;
  _meta?: { progressToken?: string | number };
  sendNotification: (n: { method: 'notifications/progress'; params: { progressToken: string | number; progress: number; message?: string } }) => Promise<void>;
};

/**
 * Runs a task for a tool call. With a progressToken, each streamed chunk becomes a notifications/progress
 * (progress = chunks so far, strictly increasing; message = the chunk's text). The client's cancellation
 * (notifications/cancelled) aborts the request's signal, which cancels the task.
 */
async function runTaskTool(fleet: FleetManager, task: QETask, agentType: string | undefined, extra: ToolExtra): Promise<CallToolResult> {
  const token = extra._meta?.progressToken;
  let progress = 0;
  // Notifications go out one after another and all before the result, so the client never sees the result
  // overtake a chunk; returning the chain lets a slow client slow the stream down (backpressure).
  let sent: Promise<void> = Promise.resolve();
  const onChunk = (c: StreamChunk) => {
    if (token === undefined || extra.signal.aborted) return;
    const params = { progressToken: token, progress: ++progress, message: c.text };
    sent = sent.then(() => extra.sendNotification({ method: 'notifications/progress', params })).catch(() => undefined);
    return sent;
  };
  try {
    const { done } = fleet.submitTask(task, { agentType, stream: true, callbacks: { onChunk }, signal: extra.signal, bounded: true });
    const result = await done;
    await sent;
    return { content: [{ type: 'text', text: outputText(result.output) }, { type: 'text', text: JSON.stringify(resultSummary(result)) }] };
  } catch (err) {
    return errorResult(err);
  }
}

/** A router for route_task's dry run: never records anything (no onSelection), rebuilt when the config changes. */
function dryRunRouter(fleet: FleetManager): () => ModelRouter {
  let cachedFor: FleetConfig | undefined;
  let router: ModelRouter | undefined;
  return () => {
    const config = fleet.getConfig();
    if (!router || cachedFor !== config) {
      router = new ModelRouter(config.routing, { analyzer: new ComplexityAnalyzer(config.routing.complexity) });
      cachedFor = config;
    }
    return router;
  };
}

/**
 * The fleet as an MCP server: a tool per registered agent type (runs a task on that agent), route_task (which
 * model the router picks for a task, and why; nothing is run or charged), get_costs and get_flags.
 * Call after fleet.initialize() (the agent types are registered then). One McpServer serves one transport.
 */
export function createMcpServer(fleet: FleetManager, opts: AqeMcpServerOptions = {}): McpServer {
  const server = new McpServer({ name: 'aqe', version: VERSION });

  for (const { type, taskTypes } of registeredAgentTypes()) {
    server.registerTool(
      type,
      {
        title: `Run the ${type} agent`,
        description: `Runs a QE task on the ${type} agent${taskTypes.length ? ` (task types: ${taskTypes.join(', ')})` : ''}, routed and costed by the fleet. Streams progress when the client sends a progressToken.`,
        inputSchema: z.strictObject(taskShape(taskTypes, taskTypes[0])),
      },
      async (args, extra) => {
        let task: QETask;
        try {
          task = toTask(args as TaskArgs, taskTypes[0]);
        } catch (err) {
          return errorResult(err);
        }
        return runTaskTool(fleet, task, type, extra as unknown as ToolExtra);
      },
    );
  }

  const routerFor = dryRunRouter(fleet);
  server.registerTool(
    'route_task',
    {
      title: 'Route a task',
      description: 'Which model the multi-model router selects for a task, with the complexity score, its components and the reasons. Nothing is run, charged or recorded.',
      inputSchema: z.strictObject({ ...taskShape([]), stream: z.boolean().optional().describe('Route for a streamed request (needs a model that can stream).') }),
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      try {
        const task = toTask(args as TaskArgs);
        const selection = routerFor().select(task, { stream: (args as { stream?: boolean }).stream });
        const routerOn = fleet.getModelRouter() !== undefined;
        return jsonResult({
          id: task.id,
          model: selection.modelName,
          provider: selection.provider,
          score: selection.complexity.score,
          components: selection.complexity.components,
          reasons: selection.reasons,
          ...(selection.complexity.decision ? { decision: selection.complexity.decision } : {}),
          estimatedCost: selection.estimatedCost,
          fallbacks: selection.fallbacks,
          routerEnabled: routerOn,
          ...(routerOn ? {} : { note: `the multi-model router flag is off: tasks run on routing.defaultModel ${fleet.getConfig().routing.defaultModel}` }),
        });
      } catch (err) {
        return errorResult(err);
      }
    },
  );

  server.registerTool(
    'get_costs',
    {
      title: 'Cost report',
      description: 'Spent, budgets and alerts (the `aqe costs` report).',
      inputSchema: z.strictObject({ period: z.enum(['1d', '7d', '30d']).default('7d'), by: z.enum(['model', 'agent', 'day']).optional() }),
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      try {
        return jsonResult(await fleet.getCostTracker().report(args as { period: '1d' | '7d' | '30d'; by?: 'model' | 'agent' | 'day' }));
      } catch (err) {
        return errorResult(err);
      }
    },
  );

  server.registerTool(
    'get_task',
    {
      title: 'Task status',
      description: 'The record of a task this service accepted (as GET /v1/tasks/:id): status queued, running, completed, failed, cancelled (with its reason) or interrupted, model, usage, cost, error. Kept fleet.taskRetentionDays.',
      inputSchema: { id: z.string().min(1).max(256).describe('The task id.') },
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      try {
        const record = await fleet.findTask(args.id);
        if (!record) throw new AqeError(ErrorCodes.NOT_FOUND, `no task with id ${args.id}`);
        const { result, ...rest } = record;
        return jsonResult(result ? { ...rest, result: resultSummary(result) } : rest);
      } catch (err) {
        return errorResult(err);
      }
    },
  );

  server.registerTool(
    'get_flags',
    {
      title: 'Feature flags',
      description: 'Each feature flag\'s effective value and the layer that decided it (default, config, env, override, agentOverride).',
      inputSchema: z.strictObject({ agentType: z.string().min(1).optional().describe('Explain the flags for this agent type.') }),
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      try {
        const flags = fleet.getFeatureFlags();
        return jsonResult({ flags: flags.explain(args.agentType), overrides: flags.getOverrides() });
      } catch (err) {
        return errorResult(err);
      }
    },
  );

  for (const tool of opts.tools ?? []) {
    server.registerTool(
      tool.name,
      { description: tool.description, inputSchema: z.looseObject({}) },
      async (args) => {
        try {
          const result = await runTool(tool, args);
          return typeof result === 'string' ? { content: [{ type: 'text', text: result }] } : jsonResult(result);
        } catch (err) {
          return errorResult(err);
        }
      },
    );
  }
  return server;
}

/** `aqe mcp`: the MCP server on stdin/stdout. Resolves when the client closes the connection. */
export async function runMcpStdio(fleet: FleetManager, opts: AqeMcpServerOptions = {}): Promise<void> {
  markServiceProcess(); // code arrives from callers: security.sandbox 'auto' means bubblewrap or refuse
  const server = createMcpServer(fleet, opts);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close().catch(() => undefined);
}

interface Session {
  transport: StreamableHTTPServerTransport;
  server: McpServer;
}

export interface McpHttpOptions extends AqeMcpServerOptions {
  /** Close a session after this long with no request (default 5 min; api.mcpSessionIdleMs). */
  sessionIdleMs?: number;
  /** At most this many sessions (default 100; api.mcpMaxSessions). */
  maxSessions?: number;
  /** Browser origins allowed to talk MCP (security.allowedOrigins; "*" = any). A request with another Origin gets 403. */
  allowedOrigins?: readonly string[];
  /** Clock for the idle expiry (tests). */
  now?: () => number;
  /** How often idle sessions are swept (ms; 0 = only when sweepIdleSessions() is called). */
  sweepEveryMs?: number;
  /** Called when a session is closed by the server (idle, cap, shutdown). */
  onSessionClosed?: (reason: EvictionReason) => void;
}

function jsonRpcError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

/**
 * Streamable HTTP at /mcp (stateful sessions; SSE responses, so progress notifications reach the client:
 * enableJsonResponse would drop them). Mount handle() on POST, GET and DELETE of one path. Sessions expire
 * when idle and are capped (SessionPool); a browser Origin not in allowedOrigins is refused with 403, as the
 * MCP specification asks of servers (DNS rebinding).
 */
export class McpHttpEndpoint {
  private readonly sessions: SessionPool<Session>;
  private readonly allowedOrigins: readonly string[];

  constructor(private readonly fleet: FleetManager, private readonly opts: McpHttpOptions = {}) {
    this.allowedOrigins = opts.allowedOrigins ?? [];
    this.sessions = new SessionPool<Session>(
      { idleMs: opts.sessionIdleMs ?? 300_000, maxSessions: opts.maxSessions ?? 100, now: opts.now, sweepEveryMs: opts.sweepEveryMs },
      async (s, _id, reason) => {
        opts.onSessionClosed?.(reason);
        await s.transport.close();
        await s.server.close();
      },
    );
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Closes the sessions idle for sessionIdleMs or longer now (the timer does this on its own). */
  sweepIdleSessions(): Promise<number> {
    return this.sessions.sweep();
  }

  async handle(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !originAllowed(origin, this.allowedOrigins)) {
      return jsonRpcError(res, 403, 'forbidden: this Origin is not in security.allowedOrigins');
    }
    const sid = req.headers['mcp-session-id'];
    if (typeof sid === 'string') {
      const session = this.sessions.get(sid);
      if (!session) return jsonRpcError(res, 404, 'unknown or expired MCP session: initialize a new one');
      // a GET is the client's listening stream: activity, but it does not keep the session from expiring
      const done = this.sessions.touch(sid, req.method !== 'GET');
      res.once('close', done);
      return session.transport.handleRequest(req, res, body);
    }
    if (req.method !== 'POST' || !isInitializeRequest(body)) {
      return jsonRpcError(res, 400, 'no mcp-session-id header: send an initialize request first');
    }
    const reservation = this.sessions.reserve();
    if (!reservation) {
      return jsonRpcError(res, 503, `too many MCP sessions: all ${this.opts.maxSessions ?? 100} (api.mcpMaxSessions) are busy; retry later`, { 'retry-after': '5' });
    }
    const server = createMcpServer(this.fleet, this.opts);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        this.sessions.add(id, { transport, server });
        reservation();
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) this.sessions.delete(transport.sessionId);
    };
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    } finally {
      reservation();
    }
  }

  /** Closes every session (their open SSE streams end). */
  async close(): Promise<void> {
    await this.sessions.closeAll();
  }
}
