/**
 * One registry of error codes (Fastify's habit): every error a user sees carries a stable code.
 */
export const ErrorCodes = {
  CONFIG_INVALID: 'AQE_ERR_CONFIG_INVALID',
  CONFIG_NOT_FOUND: 'AQE_ERR_CONFIG_NOT_FOUND',
  ENV_INVALID: 'AQE_ERR_ENV_INVALID',
  ACCESS_DENIED: 'AQE_ERR_ACCESS_DENIED',
  STORE: 'AQE_ERR_STORE',
  MEMORY_INVALID: 'AQE_ERR_MEMORY_INVALID',
  BUDGET_EXCEEDED: 'AQE_ERR_BUDGET_EXCEEDED',
  PROVIDER: 'AQE_ERR_PROVIDER',
  STREAM: 'AQE_ERR_STREAM',
  TASK_TIMEOUT: 'AQE_ERR_TASK_TIMEOUT',
  TASK_CANCELLED: 'AQE_ERR_TASK_CANCELLED',
  TASK_INVALID: 'AQE_ERR_TASK_INVALID',
  UNKNOWN_AGENT: 'AQE_ERR_UNKNOWN_AGENT',
  FLEET_SHUTTING_DOWN: 'AQE_ERR_FLEET_SHUTTING_DOWN',
  FLEET_OVERLOADED: 'AQE_ERR_FLEET_OVERLOADED',
  NO_MODEL: 'AQE_ERR_NO_MODEL',
  MIGRATION: 'AQE_ERR_MIGRATION',
  BACKUP: 'AQE_ERR_BACKUP',
  USAGE: 'AQE_ERR_USAGE',
  UNAUTHORIZED: 'AQE_ERR_UNAUTHORIZED',
  NOT_FOUND: 'AQE_ERR_NOT_FOUND',
  BAD_REQUEST: 'AQE_ERR_BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'AQE_ERR_PAYLOAD_TOO_LARGE',
  CONFLICT: 'AQE_ERR_CONFLICT',
  TASK_INTERRUPTED: 'AQE_ERR_TASK_INTERRUPTED',
  SANDBOX_UNAVAILABLE: 'AQE_ERR_SANDBOX_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export class AqeError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

export class ConfigError extends AqeError {
  /** One entry per problem: "path (line N): expected X, found Y". */
  readonly problems: string[];
  constructor(message: string, problems: string[] = [], code: ErrorCode = ErrorCodes.CONFIG_INVALID) {
    super(code, message, { problems });
    this.problems = problems;
  }
}

export class AccessDeniedError extends AqeError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCodes.ACCESS_DENIED, message, details);
  }
}

export class BudgetExceededError extends AqeError {
  readonly budget: 'daily' | 'monthly';
  readonly spent: number;
  readonly limit: number;
  readonly requested: number;
  constructor(budget: 'daily' | 'monthly', spent: number, limit: number, requested: number) {
    super(
      ErrorCodes.BUDGET_EXCEEDED,
      `${budget} budget exceeded: spent $${spent.toFixed(4)} (incl. reserved) of $${limit.toFixed(2)} limit; this task needs an estimated $${requested.toFixed(4)}`,
      { budget, spent, limit, requested },
    );
    this.budget = budget;
    this.spent = spent;
    this.limit = limit;
    this.requested = requested;
  }
}

/** Why a task was cancelled: its client asked, it ran out of time, the process shut down, or the budget refused it. */
export type CancelReason = 'client' | 'timeout' | 'shutdown' | 'budget';

/** The service's admission control refused a task (HTTP 503 with Retry-After). */
export class FleetOverloadedError extends AqeError {
  readonly retryAfterSeconds: number;
  constructor(message: string, details: { limit: string; value: number; retryAfterSeconds: number }) {
    super(ErrorCodes.FLEET_OVERLOADED, message, details);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/**
 * A cancelled task. Cancelled by a shutdown it carries AQE_ERR_FLEET_SHUTTING_DOWN (HTTP 503, retryable: the
 * task never finished and another process, or this one after its restart, can run it).
 */
export class TaskCancelledError extends AqeError {
  readonly reason: CancelReason;
  constructor(taskId: string, reason: CancelReason = 'client') {
    super(
      reason === 'shutdown' ? ErrorCodes.FLEET_SHUTTING_DOWN : ErrorCodes.TASK_CANCELLED,
      reason === 'shutdown' ? `task ${taskId} cancelled: the server is shutting down; submit it again` : `task ${taskId} cancelled`,
      { taskId, reason },
    );
    this.reason = reason;
  }
}

export class TaskTimeoutError extends AqeError {
  constructor(taskId: string, timeoutMs: number) {
    super(ErrorCodes.TASK_TIMEOUT, `task ${taskId} timed out after ${timeoutMs} ms`, { taskId, timeoutMs });
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
