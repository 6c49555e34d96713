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

/** The service's admission control refused a task (HTTP 503 with Retry-After). */
export class FleetOverloadedError extends AqeError {
  readonly retryAfterSeconds: number;
  constructor(message: string, details: { limit: string; value: number; retryAfterSeconds: number }) {
    super(ErrorCodes.FLEET_OVERLOADED, message, details);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export class TaskCancelledError extends AqeError {
  constructor(taskId: string, reason = 'cancelled') {
    super(ErrorCodes.TASK_CANCELLED, `task ${taskId} ${reason}`, { taskId });
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
