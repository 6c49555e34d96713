import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AqeError, ErrorCodes } from '../../errors.js';
import type { ServerState } from '../state.js';
import { zodProblems } from './flags.js';

const CostsQuery = z.strictObject({
  period: z.enum(['1d', '7d', '30d']).default('7d'),
  by: z.enum(['model', 'agent', 'day']).optional(),
});

/** GET /v1/costs?period=1d|7d|30d&by=model|agent|day: the `aqe costs` report as JSON. */
export function registerCostRoutes(app: FastifyInstance, state: ServerState): void {
  app.get<{ Querystring: unknown }>('/v1/costs', async (request) => {
    const parsed = CostsQuery.safeParse(request.query ?? {});
    if (!parsed.success) {
      const problems = zodProblems(parsed.error, ['period', 'by']);
      throw new AqeError(ErrorCodes.BAD_REQUEST, `query: ${problems.join('; ')}`, { problems });
    }
    const costs = state.fleet.getCostTracker();
    return costs.report(parsed.data);
  });
}
