import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { FleetManager } from '../fleet/FleetManager.js';
import { createLogger, type Logger } from '../logging.js';
import type { AqeMcpServerOptions, McpHttpEndpoint } from '../mcp/server.js';
import { createAuthHook, createLoopbackHostHook } from './auth.js';
import { createErrorHandler, notFoundHandler } from './http-errors.js';
import { FleetMetrics } from './metrics.js';
import { StreamHub, type StreamHubOptions } from './replay.js';
import { registerCostRoutes } from './routes/costs.js';
import { registerFlagRoutes } from './routes/flags.js';
import { registerHealthRoutes } from './routes/health.js';
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
  /** SSE keep-alive comment interval (default 15 s). */
  heartbeatMs?: number;
  /** Offer MCP over Streamable HTTP at /mcp (default true). */
  mcp?: boolean | AqeMcpServerOptions;
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
  const api = fleet.getConfig().api;
  const logger = opts.logger ?? createLogger(fleet.getConfig().logging, 'aqe-server');
  const token = opts.token ?? api.token;
  const metricsRequireAuth = opts.metricsRequireAuth ?? api.metricsRequireAuth;

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: opts.bodyLimitBytes ?? api.bodyLimitBytes,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  const state: ServerState = {
    fleet,
    logger,
    metrics: new FleetMetrics(fleet, { defaultMetrics: opts.defaultMetrics, replica: fleet.replicaLabel() }),
    hub: new StreamHub(opts.replay),
    draining: false,
    heartbeatMs: opts.heartbeatMs ?? 15_000,
  };
  const detachStart = attachStartEvents(fleet, state.hub);

  app.setErrorHandler(createErrorHandler(logger));
  app.setNotFoundHandler(notFoundHandler);
  if (!token) app.addHook('onRequest', createLoopbackHostHook());
  app.addHook('onRequest', createAuthHook({ token, openPaths: new Set(metricsRequireAuth ? OPEN_PATHS : [...OPEN_PATHS, '/metrics']) }));

  registerHealthRoutes(app, state);
  registerTaskRoutes(app, state);
  registerFlagRoutes(app, state);
  registerCostRoutes(app, state);

  // The MCP SDK is loaded on the first /mcp request: a server nobody talks MCP to does not carry it.
  let mcp: Promise<McpHttpEndpoint> | undefined;
  if (opts.mcp !== false) {
    const mcpOptions = typeof opts.mcp === 'object' ? { logger, ...opts.mcp } : { logger };
    const endpoint = () => (mcp ??= import('../mcp/server.js').then((m) => new m.McpHttpEndpoint(fleet, mcpOptions)));
    app.route({
      method: ['GET', 'POST', 'DELETE'],
      url: '/mcp',
      handler: async (request, reply) => {
        const ep = await endpoint();
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
  });

  return { app, state };
}
