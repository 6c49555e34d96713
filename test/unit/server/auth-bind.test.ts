import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { bearerToken, createAuthHook, createLoopbackHostHook, hostnameOf, tokensEqual } from '../../../src/server/auth.js';
import { decideBindHost, isLoopbackHost } from '../../../src/server/bind.js';
import { parseLastEventId } from '../../../src/server/sse.js';

describe('tokensEqual / bearerToken', () => {
  it('compares tokens of any length', () => {
    expect(tokensEqual('s3cret', 's3cret')).toBe(true);
    expect(tokensEqual('s3cret', 's3cre')).toBe(false);
    expect(tokensEqual('', 'x')).toBe(false);
  });
  it('reads the token of a Bearer header only', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('createAuthHook', () => {
  async function app(token?: string) {
    const a = Fastify();
    a.addHook('onRequest', createAuthHook({ token, openPaths: new Set(['/health']) }));
    a.get('/health', async () => ({ ok: true }));
    a.get('/secret', async () => ({ secret: true }));
    await a.ready();
    return a;
  }

  it('lets open paths and good tokens through and answers 401 without detail otherwise', async () => {
    const a = await app('tok-123');
    expect((await a.inject({ url: '/health?x=1' })).statusCode).toBe(200);
    const missing = await a.inject({ url: '/secret' });
    const wrong = await a.inject({ url: '/secret', headers: { authorization: 'Bearer nope' } });
    expect(missing.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(missing.body).toBe(wrong.body);
    expect(missing.json()).toEqual({ error: { code: 'AQE_ERR_UNAUTHORIZED', message: 'unauthorized' } });
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect((await a.inject({ url: '/secret', headers: { authorization: 'Bearer tok-123' } })).json()).toEqual({ secret: true });
    await a.close();
  });

  it('is off without a token', async () => {
    const a = await app(undefined);
    expect((await a.inject({ url: '/secret' })).statusCode).toBe(200);
    await a.close();
  });
});

describe('createLoopbackHostHook (auth off)', () => {
  it('serves loopback Host names only (DNS rebinding)', async () => {
    const a = Fastify();
    a.addHook('onRequest', createLoopbackHostHook());
    a.get('/x', async () => ({ ok: true }));
    await a.ready();
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'localhost']) {
      expect((await a.inject({ url: '/x', headers: { host } })).statusCode, host).toBe(200);
    }
    const evil = await a.inject({ url: '/x', headers: { host: 'rebind.attacker.example:3000' } });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('AQE_ERR_ACCESS_DENIED');
    await a.close();
  });

  it('hostnameOf strips the port and IPv6 brackets', () => {
    expect(hostnameOf('127.0.0.1:80')).toBe('127.0.0.1');
    expect(hostnameOf('[::1]:3000')).toBe('::1');
    expect(hostnameOf('example.com')).toBe('example.com');
  });
});

describe('bind host', () => {
  it('recognises loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.2', 'example.com']) expect(isLoopbackHost(h)).toBe(false);
  });

  it('without a token: loopback with a notice, refuses an explicit public host, replaces a configured one', () => {
    expect(decideBindHost({ host: '127.0.0.1', explicit: true, tokenConfigured: false })).toMatchObject({ host: '127.0.0.1', notice: expect.stringMatching(/loopback/) });
    expect(() => decideBindHost({ host: '0.0.0.0', explicit: true, tokenConfigured: false })).toThrow(/refusing to listen on 0\.0\.0\.0 without an API token/);
    expect(decideBindHost({ host: '0.0.0.0', explicit: false, tokenConfigured: false })).toMatchObject({ host: '127.0.0.1', notice: expect.stringMatching(/not on api.host 0\.0\.0\.0/) });
    expect(decideBindHost({ host: '0.0.0.0', explicit: true, tokenConfigured: true })).toEqual({ host: '0.0.0.0' });
  });
});

describe('parseLastEventId', () => {
  it('accepts non-negative integers only', () => {
    expect(parseLastEventId('12')).toBe(12);
    expect(parseLastEventId(' 0 ')).toBe(0);
    expect(parseLastEventId('-1')).toBeUndefined();
    expect(parseLastEventId('abc')).toBeUndefined();
    expect(parseLastEventId(undefined)).toBeUndefined();
  });
});
