import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerFetch, StreamedResponse } from '../../../src/providers/provider-fetch.js';

// providerFetch must answer as the global fetch does on everything the provider SDKs look at: status, headers,
// body, the errors they classify (connection, abort, redirect), and streams that arrive as they are written.
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let server: Server;
let base: string;
const routes = new Map<string, Handler>();
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      hits.push(req.url ?? '');
      const handler = routes.get(req.url ?? '');
      if (handler) handler(req, Buffer.concat(parts).toString('utf8'), res);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const f = providerFetch();

describe('providerFetch', () => {
  it('sends method, headers (object or Headers) and body, and answers a JSON reply as a standard Response', async () => {
    routes.set('/echo', (req, body, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req_1' }).end(JSON.stringify({ method: req.method, auth: req.headers.authorization, beta: req.headers['anthropic-beta'], body }));
    });
    for (const headers of [{ Authorization: 'Bearer k', 'anthropic-beta': 'x' }, new Headers({ Authorization: 'Bearer k', 'anthropic-beta': 'x' })]) {
      const res = await f(`${base}/echo`, { method: 'POST', headers, body: '{"q":1}' });
      expect(res).toBeInstanceOf(Response);
      expect(res.status).toBe(201);
      expect(res.ok).toBe(true);
      expect(res.url).toBe(`${base}/echo`);
      expect(res.headers.get('x-request-id')).toBe('req_1');
      expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
      expect(await res.json()).toEqual({ method: 'POST', auth: 'Bearer k', beta: 'x', body: '{"q":1}' });
    }
  });

  it('gives an error status its body, and a 204 no body', async () => {
    routes.set('/err', (_q, _b, res) => res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' }).end('{"error":{"type":"rate_limit_error"}}'));
    routes.set('/none', (_q, _b, res) => res.writeHead(204).end());
    const err = await f(`${base}/err`, { method: 'POST', body: '{}' });
    expect([err.status, err.ok, err.headers.get('retry-after')]).toEqual([429, false, '3']);
    expect(await err.text()).toBe('{"error":{"type":"rate_limit_error"}}');
    const none = await f(`${base}/none`);
    expect(none.status).toBe(204);
    expect(none.body).toBeNull();
  });

  it('hands a 2xx event stream over as it arrives, not when it ends', async () => {
    let finish!: () => void;
    routes.set('/sse', (_q, _b, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: one\n\n');
      finish = () => res.end('data: two\n\n');
    });
    const res = await f(`${base}/sse`, { method: 'POST', body: '{}' });
    expect(res).toBeInstanceOf(StreamedResponse);
    expect([res.status, res.ok, res.headers.get('content-type')]).toEqual([200, true, 'text/event-stream']);
    const it = (res.body as unknown as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    expect(String((await it.next()).value)).toBe('data: one\n\n'); // the server has not ended the response
    finish();
    let rest = '';
    for (let r = await it.next(); !r.done; r = await it.next()) rest += String(r.value);
    expect(rest).toBe('data: two\n\n');
  });

  it('reads an event stream that answers an error status whole, as the SDKs read error bodies', async () => {
    routes.set('/sse-err', (_q, _b, res) => res.writeHead(500, { 'content-type': 'text/event-stream' }).end('event: error\ndata: {}\n\n'));
    const res = await f(`${base}/sse-err`);
    expect(res).toBeInstanceOf(Response);
    expect(await res.text()).toBe('event: error\ndata: {}\n\n');
  });

  it('never follows a redirect: it fails as fetch with redirect "error" does, and the target gets nothing', async () => {
    routes.set('/moved', (_q, _b, res) => res.writeHead(307, { location: `${base}/target` }).end());
    routes.set('/target', (_q, _b, res) => res.writeHead(200).end('{}'));
    const err = await f(`${base}/moved`, { method: 'POST', body: '{}' }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toBe('fetch failed');
    expect(((err as Error).cause as Error).message).toBe('unexpected redirect');
    expect(hits).not.toContain('/target');
  });

  it('takes a 304 as an answer, as fetch does, not as a redirect', async () => {
    routes.set('/same', (_q, _b, res) => res.writeHead(304, { etag: '"v1"' }).end());
    const res = await f(`${base}/same`);
    expect([res.status, res.headers.get('etag'), res.body]).toEqual([304, '"v1"', null]);
  });

  it('reports a refused connection as fetch does (TypeError "fetch failed", the socket error as its cause)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await f(`http://127.0.0.1:${port}/`).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toBe('fetch failed');
    expect(((err as Error).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('rejects with an AbortError when the caller aborts, before the answer or in the middle of a stream', async () => {
    routes.set('/slow', () => undefined); // never answers
    const early = new AbortController();
    const pending = f(`${base}/slow`, { signal: early.signal });
    early.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    routes.set('/sse-open', (_q, _b, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: one\n\n');
    });
    const mid = new AbortController();
    const res = await f(`${base}/sse-open`, { signal: mid.signal });
    const it = (res.body as unknown as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    await it.next();
    mid.abort();
    await expect(it.next()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a body kind the SDKs only send for uploads, naming it', async () => {
    const form = new FormData();
    form.set('file', 'x');
    await expect(f(`${base}/echo`, { method: 'POST', body: form })).rejects.toThrow(/unsupported request body \(\[object FormData\]\)/);
  });
});
