import { DelegateBackoff, handleWhen, retry, type RetryPolicy } from 'cockatiel';
import type { RetryConfig } from '../config/schema.js';
import { isRetryableError, ProviderError } from '../providers/errors.js';

/**
 * Backoff for retry `attempt` (1-based): backoffMs x backoffMultiplier^(attempt-1), of which a `jitter`
 * fraction is drawn at random (so the delay lies in [base x (1 - jitter), base]); never shorter than the
 * server's retry-after.
 */
export function backoffDelay(cfg: RetryConfig, attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const base = cfg.backoffMs * Math.pow(cfg.backoffMultiplier, Math.max(0, attempt - 1));
  const delay = base * (1 - cfg.jitter) + base * cfg.jitter * random();
  return Math.round(Math.max(delay, retryAfterMs ?? 0));
}

export interface RetryPolicyOptions {
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: ProviderError }) => void;
}

/**
 * The one retry policy (cockatiel): retries only ProviderErrors marked retryable, at most
 * retryConfig.maxRetries times, with jittered exponential backoff that honours retry-after.
 */
export function createRetryPolicy(cfg: RetryConfig, opts: RetryPolicyOptions = {}): RetryPolicy {
  const policy = retry(handleWhen(isRetryableError), {
    maxAttempts: cfg.maxRetries,
    backoff: new DelegateBackoff<{ attempt: number; result: unknown }>((ctx) => {
      const err = (ctx.result as { error?: unknown }).error;
      const retryAfter = err instanceof ProviderError ? err.retryAfterMs : undefined;
      return backoffDelay(cfg, ctx.attempt, retryAfter, opts.random);
    }),
  });
  if (opts.onRetry) {
    const onRetry = opts.onRetry;
    policy.onRetry((e) => {
      if ('error' in e && e.error instanceof ProviderError) onRetry({ attempt: e.attempt, delayMs: e.delay, error: e.error });
    });
  }
  return policy;
}
