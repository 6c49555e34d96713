import type { FastifyInstance } from 'fastify';
import { VERSION } from '../../fleet/FleetManager.js';
import { errorMessage } from '../../errors.js';
import { METRICS_CONTENT_TYPE } from '../metrics.js';
import type { ServerState } from '../state.js';

/** GET /health, GET /ready, GET /metrics. */
export function registerHealthRoutes(app: FastifyInstance, state: ServerState): void {
  const { fleet } = state;

  app.get('/health', async (_request, reply) => {
    let health;
    try {
      health = await fleet.health();
    } catch (err) {
      return reply.code(503).send({ status: 'unhealthy', version: VERSION, error: errorMessage(err) });
    }
    let budget: unknown;
    try {
      budget = await fleet.getCostTracker().budgetStatus();
    } catch (err) {
      budget = { status: 'unavailable', error: errorMessage(err) };
    }
    const body = {
      status: health.status,
      version: health.version,
      features: health.features,
      uptime: health.uptimeSeconds,
      store: health.store,
      replica: health.replica,
      budget,
      tasks: health.tasks,
      draining: health.draining || state.draining,
    };
    return reply.code(health.status === 'healthy' ? 200 : 503).send(body);
  });

  // Not ready while draining or while the store is unreachable (a replica without its database cannot take tasks).
  app.get('/ready', async (_request, reply) => {
    const draining = state.draining || fleet.isDraining();
    let store: { kind: string; status: string };
    try {
      const h = await fleet.health();
      store = { kind: h.store.kind, status: h.store.status };
    } catch (err) {
      store = { kind: 'unknown', status: `unavailable: ${errorMessage(err)}` };
    }
    const ready = !draining && store.status === 'ok';
    return reply.code(ready ? 200 : 503).send({ ready, draining, store });
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await state.metrics.render();
    return reply.header('content-type', METRICS_CONTENT_TYPE).send(text);
  });
}
