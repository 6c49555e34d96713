import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter, ProviderError, toProviderError } from '../../../src/providers/errors.js';
import { registerSecret } from '../../../src/secrets.js';

const ctx = { provider: 'anthropic', modelName: 'claude-haiku-4', keyEnv: 'ANTHROPIC_API_KEY' };
function apiError(status: number | undefined, body: unknown, headers?: Record<string, string>) {
  class APIError extends Error {
    status = status;
    error = body;
    headers = new Headers(headers ?? {});
    type = (body as any)?.error?.type ?? (body as any)?.type;
  }
  return new APIError('api error');
}

describe('parseRetryAfter', () => {
  it('reads seconds, HTTP dates and retry-after-ms, clamped', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '150' }))).toBe(150);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(parseRetryAfter(new Headers({ 'retry-after': '100000' }))).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter(new Headers({}))).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('toProviderError', () => {
  it('maps HTTP statuses to kinds with retryability', () => {
    const cases: Array<[number, string, boolean]> = [
      [429, 'rate_limited', true],
      [529, 'overloaded', true],
      [500, 'server', true],
      [503, 'server', true],
      [408, 'timeout', true],
      [400, 'invalid_request', false],
      [404, 'invalid_request', false],
      [401, 'auth', false],
      [403, 'auth', false],
    ];
    for (const [status, kind, retryable] of cases) {
      const e = toProviderError(apiError(status, { type: 'error', error: { type: 'x', message: 'm' } }), ctx);
      expect([e.kind, e.isRetryable, e.status]).toEqual([kind, retryable, status]);
      expect(e.code).toBe('AQE_ERR_PROVIDER');
    }
  });

  it('maps error events with no status by their type (mid-stream overloaded_error)', () => {
    const e = toProviderError(apiError(undefined, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }), ctx);
    expect([e.kind, e.status, e.isRetryable]).toEqual(['overloaded', undefined, true]);
  });

  it('maps JSON syntax errors, network failures and unknown errors', () => {
    expect(toProviderError(new SyntaxError('Unexpected end of JSON input'), ctx).kind).toBe('malformed');
    expect(toProviderError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }), ctx).kind).toBe('network');
    class APIConnectionError extends Error {}
    const refused = new APIConnectionError('Connection error.', { cause: Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 9 }) }) });
    const mapped = toProviderError(refused, ctx);
    expect(mapped.kind).toBe('network');
    expect(mapped.message).toBe('connection to anthropic model claude-haiku-4 failed: fetch failed (ECONNREFUSED 127.0.0.1:9)');
    const badPort = new APIConnectionError('Connection error.', { cause: new TypeError('fetch failed', { cause: new Error('bad port') }) });
    expect(toProviderError(badPort, ctx).message).toBe('connection to anthropic model claude-haiku-4 failed: fetch failed (bad port)');
    expect(toProviderError(new TypeError('terminated'), ctx).kind).toBe('network');
    const other = toProviderError(new Error('weird'), ctx);
    expect([other.kind, other.isRetryable]).toEqual(['server', true]);
  });

  it('uses the abort reason when our own signal aborted the call', () => {
    const ctrl = new AbortController();
    const reason = new ProviderError('timeout', 'no first chunk');
    ctrl.abort(reason);
    expect(toProviderError(new Error('aborted'), ctx, ctrl.signal)).toBe(reason);
    const c2 = new AbortController();
    c2.abort();
    expect(toProviderError(new Error('x'), ctx, c2.signal).kind).toBe('aborted');
  });

  it('never carries a key in its message, details or cause', () => {
    const key = 'sk-ant-unit-secret-0987654321';
    registerSecret(key);
    const e = toProviderError(apiError(400, { type: 'error', error: { type: 'invalid_request_error', message: `bad header ${key}` } }), ctx);
    expect(e.message).not.toContain(key);
    expect(String(e.cause)).not.toContain(key);
    const auth = toProviderError(apiError(401, {}), ctx);
    expect(auth.message).toBe('authentication failed for anthropic model claude-haiku-4: check ANTHROPIC_API_KEY (HTTP 401)');
  });
});
