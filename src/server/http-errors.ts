import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AqeError, ErrorCodes, FleetOverloadedError, errorMessage } from '../errors.js';
import type { Logger } from '../logging.js';
import { redactSecrets } from '../secrets.js';

const STATUS_BY_CODE: Record<string, number> = {
  [ErrorCodes.TASK_INVALID]: 400,
  [ErrorCodes.BAD_REQUEST]: 400,
  [ErrorCodes.UNKNOWN_AGENT]: 400,
  [ErrorCodes.CONFIG_INVALID]: 400,
  [ErrorCodes.USAGE]: 400,
  [ErrorCodes.UNAUTHORIZED]: 401,
  [ErrorCodes.BUDGET_EXCEEDED]: 402,
  [ErrorCodes.ACCESS_DENIED]: 403,
  [ErrorCodes.NOT_FOUND]: 404,
  [ErrorCodes.CONFLICT]: 409,
  [ErrorCodes.TASK_CANCELLED]: 409,
  [ErrorCodes.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCodes.PROVIDER]: 502,
  [ErrorCodes.STREAM]: 502,
  [ErrorCodes.FLEET_SHUTTING_DOWN]: 503,
  [ErrorCodes.SANDBOX_UNAVAILABLE]: 503,
  [ErrorCodes.FLEET_OVERLOADED]: 503,
  [ErrorCodes.TASK_TIMEOUT]: 504,
};

/** What a 503 (shutting down, queue full) tells the client to wait before it tries again (Retry-After, seconds). */
export const RETRY_AFTER_SECONDS = 5;

/** Adds Retry-After to a 503: the task was not done and the same request may succeed on a retry. */
export function withRetryAfter(reply: FastifyReply, status: number): FastifyReply {
  return status === 503 && !reply.hasHeader('retry-after') ? reply.header('retry-after', String(RETRY_AFTER_SECONDS)) : reply;
}

/** The HTTP status for an error code from src/errors.ts (500 for anything unexpected). */
export function httpStatusFor(code: string | undefined): number {
  return (code && STATUS_BY_CODE[code]) || 500;
}

export interface ErrorBody {
  error: { code: string; message: string; problems?: string[]; limit?: string; retryAfterSeconds?: number };
}

export function errorBody(err: unknown): ErrorBody {
  if (err instanceof AqeError) {
    const problems = err.details?.problems;
    const limit = typeof err.details?.limit === 'string' ? { limit: err.details.limit } : {};
    const retry = err instanceof FleetOverloadedError ? { retryAfterSeconds: err.retryAfterSeconds } : {};
    return { error: { code: err.code, message: redactSecrets(err.message), ...(Array.isArray(problems) ? { problems: problems.map(String) } : {}), ...limit, ...retry } };
  }
  return { error: { code: 'AQE_ERR_INTERNAL', message: 'internal error' } };
}

/** Maps Fastify's own errors (bad JSON, body too large, wrong content type) to our codes. */
function fromFastify(err: FastifyError): { status: number; body: ErrorBody } | undefined {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { error: { code: ErrorCodes.PAYLOAD_TOO_LARGE, message: 'request body too large' } } };
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, body: { error: { code: ErrorCodes.BAD_REQUEST, message: 'unsupported content type: send application/json' } } };
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const message = err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'body: expected a JSON object, found an empty body' : `body: ${err.message}`;
    return { status: err.statusCode, body: { error: { code: ErrorCodes.BAD_REQUEST, message } } };
  }
  return undefined;
}

export function createErrorHandler(logger: Logger) {
  return function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
    if (err instanceof AqeError) {
      const status = httpStatusFor(err.code);
      if (err instanceof FleetOverloadedError) void reply.header('retry-after', String(err.retryAfterSeconds));
      else if (status >= 500 && status !== 503) logger.error({ code: err.code, url: request.url }, redactSecrets(err.message));
      void withRetryAfter(reply.code(status), status).send(errorBody(err));
      return;
    }
    const mapped = fromFastify(err);
    if (mapped) {
      void reply.code(mapped.status).send(mapped.body);
      return;
    }
    logger.error({ url: request.url }, `unexpected error: ${redactSecrets(errorMessage(err))}`);
    void reply.code(500).send(errorBody(err));
  };
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  void reply.code(404).send({ error: { code: ErrorCodes.NOT_FOUND, message: `no route for ${request.method} ${request.url.split('?')[0]}` } });
}
