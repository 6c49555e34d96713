import { AqeError, ErrorCodes } from '../errors.js';
import { redactSecrets } from '../secrets.js';
import type { ProviderErrorKind } from './types.js';

export type { ProviderErrorKind } from './types.js';

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set(['rate_limited', 'overloaded', 'server', 'timeout', 'network', 'malformed']);
/** Upper bound on a server's retry-after we are willing to sleep for inside one task. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** A typed provider failure. Messages pass through redactSecrets, so a key echoed by an SDK never leaves. */
export class ProviderError extends AqeError {
  readonly kind: ProviderErrorKind;
  readonly isRetryable: boolean;
  readonly retryAfterMs?: number;
  readonly status?: number;
  readonly provider?: string;
  readonly modelName?: string;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    opts: { status?: number; retryAfterMs?: number; provider?: string; modelName?: string; cause?: unknown } = {},
  ) {
    const safe = redactSecrets(message);
    super(
      ErrorCodes.PROVIDER,
      safe,
      { kind, status: opts.status, retryAfterMs: opts.retryAfterMs, provider: opts.provider, modelName: opts.modelName },
      // The cause may carry request headers (the key): keep only its redacted message.
      opts.cause === undefined ? undefined : { cause: redactSecrets(opts.cause instanceof Error ? opts.cause.message : String(opts.cause)) },
    );
    this.kind = kind;
    this.isRetryable = RETRYABLE.has(kind);
    this.retryAfterMs = opts.retryAfterMs;
    this.status = opts.status;
    this.provider = opts.provider;
    this.modelName = opts.modelName;
  }
}

export function isProviderError(err: unknown): err is ProviderError {
  return err instanceof ProviderError;
}

export function isRetryableError(err: unknown): boolean {
  return err instanceof ProviderError && err.isRetryable;
}

export interface ErrorContext {
  /** 'anthropic' | 'openai-compatible' | 'local' */
  provider: string;
  /** The model's name in the config. */
  modelName: string;
  /** Env var that holds the key, named in auth errors. */
  keyEnv?: string;
}

/** Parses retry-after (seconds or HTTP date) and retry-after-ms headers. */
export function parseRetryAfter(headers: unknown, now = Date.now()): number | undefined {
  const get = (name: string): string | null | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
    const v = (headers as Record<string, unknown>)[name];
    return typeof v === 'string' ? v : undefined;
  };
  const ms = get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return clampRetryAfter(Number(ms));
  const ra = get('retry-after');
  if (!ra) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(ra)) return clampRetryAfter(Number(ra) * 1000);
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : clampRetryAfter(date - now);
}

function clampRetryAfter(ms: number): number {
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.round(ms)));
}

/** Anthropic's error.type values (also seen in mid-stream `event: error` frames). */
function kindFromErrorType(type: string | undefined): ProviderErrorKind | undefined {
  switch (type) {
    case 'overloaded_error':
      return 'overloaded';
    case 'rate_limit_error':
      return 'rate_limited';
    case 'api_error':
    case 'server_error':
      return 'server';
    case 'timeout_error':
      return 'timeout';
    case 'invalid_request_error':
    case 'not_found_error':
    case 'request_too_large':
      return 'invalid_request';
    case 'authentication_error':
    case 'permission_error':
      return 'auth';
    default:
      return undefined;
  }
}

function kindFromStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 529) return 'overloaded';
  if (status === 408) return 'timeout';
  if (status === 401 || status === 403) return 'auth';
  if (status === 409 || status >= 500) return 'server';
  return 'invalid_request';
}

const NETWORK_CODES = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|UND_ERR_SOCKET|UND_ERR_CLOSED|terminated|socket hang up|other side closed|fetch failed/i;

/**
 * Why the connection failed, from the innermost cause: " (ECONNREFUSED 127.0.0.1:1)" for a socket error, else its
 * message (" (bad port)" from fetch): "fetch failed" alone does not say why.
 */
function socketDetail(err: unknown): string {
  const chain: any[] = [];
  for (let e: any = err, i = 0; e && i < 6; e = e.cause, i++) chain.push(e);
  const sock = [...chain].reverse().find((e) => typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code));
  if (sock) {
    const at = sock.address ? ` ${sock.address}${sock.port !== undefined ? `:${sock.port}` : ''}` : sock.hostname ? ` ${sock.hostname}` : '';
    return ` (${sock.code}${at})`;
  }
  const inner = chain.length > 2 ? chain[chain.length - 1] : undefined;
  return typeof inner?.message === 'string' && inner.message ? ` (${inner.message})` : '';
}

function networkish(err: unknown): boolean {
  for (let e: any = err, i = 0; e && i < 5; e = e.cause, i++) {
    if (NETWORK_CODES.test(String(e.code ?? '')) || NETWORK_CODES.test(String(e.message ?? ''))) return true;
  }
  return false;
}

/**
 * Maps anything an SDK (Anthropic or OpenAI, which share error class names) or the network throws to a
 * ProviderError. `signal` distinguishes our own aborts (timeout or cancel) from SDK-side ones.
 */
export function toProviderError(err: unknown, ctx: ErrorContext, signal?: AbortSignal): ProviderError {
  if (err instanceof ProviderError) return err;
  const base = { provider: ctx.provider, modelName: ctx.modelName, cause: err };
  const where = `${ctx.provider} model ${ctx.modelName}`;
  if (signal?.aborted) {
    const reason = signal.reason;
    if (reason instanceof ProviderError) return reason;
    return new ProviderError('aborted', `request to ${where} was cancelled`, base);
  }
  const e = err as any;
  const name: string = e?.constructor?.name ?? e?.name ?? '';
  if (name === 'APIUserAbortError' || e?.name === 'AbortError') {
    return new ProviderError('aborted', `request to ${where} was cancelled`, base);
  }
  if (name === 'APIConnectionTimeoutError') {
    return new ProviderError('timeout', `request to ${where} timed out`, base);
  }
  if (name === 'APIConnectionError' && /unexpected redirect/.test(socketDetail(err))) {
    // providerFetch never follows a redirect (provider-fetch.ts): a redirect is a wrong base URL, not a passing fault.
    return new ProviderError('invalid_request', `${where} answered with a redirect, which is not followed: check its baseURL`, base);
  }
  if (name === 'APIConnectionError') {
    return new ProviderError('network', `connection to ${where} failed: ${e.cause?.message ?? e.message}${socketDetail(err)}`, base);
  }
  const status: number | undefined = typeof e?.status === 'number' ? e.status : undefined;
  const looksLikeApiError = /APIError$/.test(name) || (typeof e === 'object' && e !== null && 'error' in e && 'headers' in e);
  if (status !== undefined) {
    const kind = kindFromStatus(status);
    const apiMsg = e?.error?.error?.message ?? e?.error?.message ?? e?.message ?? '';
    if (kind === 'auth') {
      return new ProviderError(
        'auth',
        `authentication failed for ${where}: check ${ctx.keyEnv ?? 'the API key'} (HTTP ${status})`,
        { ...base, status },
      );
    }
    const retryAfterMs = kind === 'rate_limited' || kind === 'overloaded' ? parseRetryAfter(e?.headers) : undefined;
    return new ProviderError(kind, `${where} returned HTTP ${status} (${kind}): ${apiMsg}`, { ...base, status, retryAfterMs });
  }
  if (looksLikeApiError) {
    // An error event after a 200 (e.g. Anthropic's mid-stream overloaded_error): no status.
    const type: string | undefined = e?.type ?? e?.error?.error?.type ?? e?.error?.type;
    const kind = kindFromErrorType(type) ?? 'server';
    const apiMsg = e?.error?.error?.message ?? e?.error?.message ?? e?.message ?? '';
    return new ProviderError(kind, `${where} reported ${type ?? 'an error'} mid-stream: ${apiMsg}`, base);
  }
  if (err instanceof SyntaxError) {
    return new ProviderError('malformed', `${where} sent a malformed event: ${err.message}`, base);
  }
  if (networkish(err)) {
    return new ProviderError('network', `connection to ${where} dropped: ${e?.message ?? String(err)}`, base);
  }
  return new ProviderError('server', `${where} failed: ${e?.message ?? String(err)}`, base);
}
