import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { FleetManager } from '../fleet/FleetManager.js';
import { createLogger, type Logger } from '../logging.js';
import type { McpHttpEndpoint, McpHttpOptions } from '../mcp/server.js';
import { originAllowed } from '../mcp/origin.js';
import { createAuthHook, createLoopbackHostHook, decideAuth } from './auth.js';
import { createErrorHandler, notFoundHandler } from './http-errors.js';
import { FleetMetrics } from './metrics.js';
import { DEFAULT_REPLAY, StreamHub, type StreamHubOptions } from './replay.js';
import { StreamJournal, type StreamJournalOptions } from './stream-journal.js';
import { registerCostRoutes } from './routes/costs.js';
import { registerFlagRoutes } from './routes/flags.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerTaskListRoute } from './routes/task-list.js';
import { registerTaskRoutes } from './routes/tasks.js';
import type { ServerState } from './state.js';
import { attachStartEvents } from './task-stream.js';

export interface ServerOptions {
  /** Bearer token; default the fleet config's api.token (AQE_API_TOKEN is folded into it by loadConfig). */
  token?: string;
  /** Default the config's api.metricsRequireAuth. */
  metricsRequireAuth?: boolean;
  /** Default the config's api.bodyLimitBytes. */
  bodyLimitBytes?: number;
  logger?: Logger;
  /** Replay window per streamed task and how long finished streams stay available for reconnects. */
  replay?: Partial<StreamHubOptions>;
  /** Stream journal tuning (flush and poll periods, ring size); see StreamJournalOptions. */
  journal?: Partial<Pick<StreamJournalOptions, 'flushMs' | 'pollMs' | 'slots' | 'batchChunks' | 'batchBytes' | 'endGraceMs'>> & {
    /** Journal this server's streamed tasks (default true); off, other replicas can resume them only from their records. */
    record?: boolean;
  };
  /** SSE keep-alive comment interval (default 15 s). */
  heartbeatMs?: number;
  /** Offer MCP over Streamable HTTP at /mcp (default true). */
  mcp?: boolean | McpHttpOptions;
  /** Register prom-client's default process metrics (memory, event-loop lag; default true). */
  defaultMetrics?: boolean;
}

export interface AqeServer {
  app: FastifyInstance;
  state: ServerState;
}

const OPEN_PATHS = ['/health', '/ready'];

/**
 * The HTTP service over an initialized fleet: health, readiness, metrics, tasks (JSON or SSE), flags, costs
 * and MCP. Not listening yet: call app.listen() or use startServer().
 */
export function buildServer(fleet: FleetManager, opts: ServerOptions = {}): AqeServer {
  const { api, security } = fleet.getConfig();
  const logger = opts.logger ?? createLogger(fleet.getConfig().logging, 'aqe-server');
  const { token } = decideAuth(security, opts.token ?? api.token);
  const metricsRequireAuth = opts.metricsRequireAuth ?? api.metricsRequireAuth;

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    // No per-request child logger: nothing logs through request.log, and a pino child per request is work nobody reads.
    childLoggerFactory: (parent) => parent,
    bodyLimit: opts.bodyLimitBytes ?? api.bodyLimitBytes,
    return503OnClosing: true,
    // task ids are up to 128 characters (":" may arrive as %3A): room for all of them, so a bad one gets our 400
    routerOptions: { maxParamLength: 512 },
    forceCloseConnections: 'idle',
  });

  const state: ServerState = {
    fleet,
    logger,
    metrics: new FleetMetrics(fleet, { defaultMetrics: opts.defaultMetrics, replica: fleet.replicaLabel() }),
    hub: new StreamHub(opts.replay),
    journal: new StreamJournal(fleet.getMemory().getStore(), {
      retentionDays: fleet.getConfig().fleet.taskRetentionDays,
      logger,
      replay: { ...DEFAULT_REPLAY, ...opts.replay },
      writes: fleet.getBookkeepingWrites(),
      ...opts.journal,
    }),
    draining: false,
    heartbeatMs: opts.heartbeatMs ?? 15_000,
  };
  const detachStart = attachStartEvents(fleet, state.hub);
  fleet.beforeStoreClose(() => state.journal.flush());

  app.setErrorHandler(createErrorHandler(logger));
  app.setNotFoundHandler(notFoundHandler);
  // CORS first, so that refusals (401, 403) carry its headers too and a browser page can read why.
  const origins = security.allowedOrigins;
  if (origins.length) {
    void app.register(cors, {
      origin: (origin, cb) => cb(null, origin !== undefined && originAllowed(origin, origins)),
      // a fixed list, not the request's own Access-Control-Request-Headers echoed back
      allowedHeaders: ['authorization', 'content-type', 'accept', 'last-event-id', 'mcp-session-id', 'mcp-protocol-version'],
      exposedHeaders: ['location', 'retry-after', 'x-task-id', 'mcp-session-id', 'www-authenticate'],
      maxAge: 600,
    });
  }
  if (!token) app.addHook('onRequest', createLoopbackHostHook());
  app.addHook('onRequest', createAuthHook({ token, openPaths: new Set(metricsRequireAuth ? OPEN_PATHS : [...OPEN_PATHS, '/metrics']) }));

  registerHealthRoutes(app, state);
  registerTaskRoutes(app, state);
  registerTaskListRoute(app, state);
  registerFlagRoutes(app, state);
  registerCostRoutes(app, state);

  // The MCP SDK is loaded on the first /mcp request: a server nobody talks MCP to does not carry it.
  let mcp: Promise<McpHttpEndpoint> | undefined;
  if (opts.mcp !== false) {
    const mcpOptions: McpHttpOptions = {
      logger,
      sessionIdleMs: api.mcpSessionIdleMs,
      maxSessions: api.mcpMaxSessions,
      allowedOrigins: origins,
      onSessionClosed: (reason) => state.metrics.mcpSessionClosed(reason),
      ...(typeof opts.mcp === 'object' ? opts.mcp : {}),
    };
    const endpoint = () => (mcp ??= import('../mcp/server.js').then((m) => new m.McpHttpEndpoint(fleet, mcpOptions)));
    let loaded: McpHttpEndpoint | undefined;
    state.metrics.setMcpSessionCount(() => loaded?.sessionCount ?? 0);
    app.route({
      method: ['GET', 'POST', 'DELETE'],
      url: '/mcp',
      handler: async (request, reply) => {
        const ep = (loaded = await endpoint());
        // the SDK writes the raw response: carry over what the hooks set (CORS headers)
        for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value as string | string[] | number);
        reply.hijack();
        await ep.handle(request.raw, reply.raw, request.body);
      },
    });
  }

  // Long-lived responses (MCP SSE streams) would hold app.close() open: end them first.
  app.addHook('preClose', async () => {
    state.draining = true;
    if (mcp) await (await mcp).close();
  });
  app.addHook('onClose', async () => {
    detachStart();
    state.metrics.close();
    await state.journal.close();
  });

  return { app, state };
}
