import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConfigError, ErrorCodes } from '../errors.js';
import { isLoopbackHost } from './bind.js';

/**
 * Constant-time token comparison. Both sides are hashed first so the comparison takes the same time whatever
 * the lengths, and the token's length does not leak either.
 */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m ? m[1] : undefined;
}

export interface AuthOptions {
  /** undefined or empty: auth is off (the server then binds to loopback only). */
  token?: string;
  /** Paths served without a token (exact match on the path, query ignored). */
  openPaths: ReadonlySet<string>;
}

/**
 * A Fastify onRequest hook: a missing or wrong bearer token gets 401 with no detail (the body does not say
 * which of the two it was).
 */
export function createAuthHook(opts: AuthOptions) {
  const token = opts.token || undefined;
  return async function authHook(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!token) return;
    const q = request.url.indexOf('?');
    const path = q < 0 ? request.url : request.url.slice(0, q);
    if (opts.openPaths.has(path)) return;
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) return;
    const given = bearerToken(request.headers.authorization);
    if (given !== undefined && tokensEqual(given, token)) return;
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send({ error: { code: ErrorCodes.UNAUTHORIZED, message: 'unauthorized' } });
  };
}

/** "127.0.0.1:3000" -> "127.0.0.1", "[::1]:3000" -> "::1". */
export function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(1, hostHeader.indexOf(']'));
  const colon = hostHeader.lastIndexOf(':');
  return colon < 0 ? hostHeader : hostHeader.slice(0, colon);
}

/**
 * Without a token the API is open to local clients only. Browsers are local clients too: a web page whose
 * domain is re-pointed at 127.0.0.1 (DNS rebinding) could drive the API, but its requests carry its own
 * Host header. So with auth off, only loopback Host names are served.
 */
export function createLoopbackHostHook() {
  return async function loopbackHostHook(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const host = request.headers.host;
    if (host && isLoopbackHost(hostnameOf(host))) return;
    return reply.code(403).send({ error: { code: ErrorCodes.ACCESS_DENIED, message: 'with no API token configured, only loopback Host names (localhost, 127.0.0.1, [::1]) are served' } });
  };
}

export interface AuthDecision {
  /** The token requests must carry; undefined = auth off (the service then serves loopback clients only). */
  token?: string;
  /** Said once at start-up when the config switches a configured token off. */
  notice?: string;
}

/**
 * v1.0.4's security.enableAuth over the token: true requires a token (start-up refuses without one); false
 * turns auth off even with a token set; unset leaves it to the token (auth on when one is configured).
 */
export function decideAuth(security: { enableAuth?: boolean }, token: string | undefined): AuthDecision {
  const t = token || undefined;
  if (security.enableAuth === true && !t) {
    throw new ConfigError('security.enableAuth is true but no API token is configured', [
      'set AQE_API_TOKEN (in the environment or .env) or api.token, or set security.enableAuth: false',
    ]);
  }
  if (security.enableAuth === false && t) {
    return { notice: 'security.enableAuth is false: the API token is not checked, so only loopback clients are served' };
  }
  return { token: t };
}
