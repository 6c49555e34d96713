import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FEATURE_NAMES } from '../../config/schema.js';
import { AqeError, ErrorCodes } from '../../errors.js';
import type { ServerState } from '../state.js';

const MAX_CHANGES_KEPT = 100;

const FlagsBody = z.strictObject({
  multiModelRouter: z.boolean().nullable().optional(),
  streaming: z.boolean().nullable().optional(),
});

/** zod issues as "field: message" lines. */
export function zodProblems(error: z.ZodError, known: readonly string[]): string[] {
  return error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') return `${i.keys.join(', ')}: unknown field (known: ${known.join(', ')})`;
    const path = i.path.length ? i.path.join('.') : 'body';
    return `${path}: ${i.message}`;
  });
}

/** Who changed a flag: the X-AQE-Caller header (if any) and the client's address. */
function callerOf(request: FastifyRequest): string {
  const h = request.headers['x-aqe-caller'];
  const name = typeof h === 'string' ? h.replace(/[^\w.@:-]/g, '').slice(0, 64) : '';
  return `${name || 'api'}@${request.ip}`;
}

/** GET /v1/flags, PUT /v1/flags (runtime overrides: true/false force a flag fleet-wide, null clears). */
export function registerFlagRoutes(app: FastifyInstance, state: ServerState): void {
  const flags = () => state.fleet.getFeatureFlags();
  // changes: the audit trail shared by every replica on the store, oldest first
  const view = async (agentType?: string) => ({
    flags: flags().explain(agentType),
    overrides: flags().getOverrides(),
    ...(agentType ? { agentType } : {}),
    changes: (await state.fleet.flagAudit(MAX_CHANGES_KEPT)).reverse(),
  });

  app.get<{ Querystring: { agentType?: string } }>('/v1/flags', async (request) => view(request.query.agentType));

  app.put<{ Body: unknown }>('/v1/flags', async (request) => {
    const parsed = FlagsBody.safeParse(request.body ?? undefined);
    if (!parsed.success) {
      const problems = zodProblems(parsed.error, FEATURE_NAMES);
      throw new AqeError(ErrorCodes.BAD_REQUEST, `body: ${problems.join('; ')}`, { problems });
    }
    const values = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as Record<string, boolean | null>;
    if (Object.keys(values).length === 0) {
      throw new AqeError(ErrorCodes.BAD_REQUEST, `body: name at least one flag (${FEATURE_NAMES.join(', ')}) with true, false or null`);
    }
    const caller = callerOf(request);
    const record = await state.fleet.setFlagOverrides(values, caller);
    state.logger.info({ flagChange: record }, `feature flag overrides changed by ${caller}: ${JSON.stringify(values)}`);
    return view();
  });
}
