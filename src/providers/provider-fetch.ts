import { Readable } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';

/**
 * The fetch every provider SDK is given (their documented `fetch` option): the SDKs still build, send, parse,
 * stream and map errors as they do on the global fetch, but the transport is undici's request API, not the
 * WHATWG fetch built on it. Measured in `npm run bench:gateway` (path "sdk-floor": node:http plus one SDK
 * call), the global fetch cost 0.53-0.89 ms of CPU per proxied call; on this one the same SDK calls cost
 * 0.32-0.56 ms, JSON and SSE. What fetch adds and an SDK call does not need: a Request and its body stream,
 * a cloned AbortSignal, and a web ReadableStream between the socket and the SDK's SSE parser.
 *
 * Behaviour kept from fetch, as the SDKs and providers/errors.ts rely on it:
 * - a failure to connect or a broken socket rejects with TypeError('fetch failed') whose cause is undici's
 *   error (its code, e.g. ECONNREFUSED), so the SDK reports an APIConnectionError;
 * - an abort of the caller's signal rejects with an AbortError, so the SDK reports a timeout or a user abort;
 * - a redirect is never followed: it rejects as fetch's `redirect: 'error'` does (cause "unexpected
 *   redirect"), before the body is read, so the request and its key go nowhere else.
 * Answers other than a 2xx event stream are read whole and returned as a standard Response. A 2xx event
 * stream is returned as a StreamedResponse whose body is the socket's Node stream: both SDKs read an async
 * iterable body directly.
 */
export function providerFetch(dispatcher: Dispatcher = sharedAgent()): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = requestBody(init.body);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: headerObject(init.headers),
        body,
        signal: init.signal ?? undefined,
        dispatcher,
      });
    } catch (err) {
      throw fetchError(err, init.signal);
    }
    if (REDIRECT.has(res.statusCode)) {
      res.body.dump().catch(() => undefined);
      throw new TypeError('fetch failed', { cause: new Error('unexpected redirect') });
    }
    const headers = responseHeaders(res.headers);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    if (ok && (headers.get('content-type') ?? '').includes('text/event-stream')) {
      return new StreamedResponse(url, res.statusCode, headers, res.body) as unknown as Response;
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await res.body.arrayBuffer();
    } catch (err) {
      throw fetchError(err, init.signal);
    }
    const response = new Response(NULL_BODY.has(res.statusCode) || bytes.byteLength === 0 ? null : bytes, { status: res.statusCode, headers });
    Object.defineProperty(response, 'url', { value: url });
    return response;
  }) as typeof fetch;
}

/** Fetch's redirect statuses (a 300 or 304 is an answer, not a redirect). */
const REDIRECT = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);

let agent: Agent | undefined;
/** One keep-alive pool per process for every provider, as the global fetch has. */
function sharedAgent(): Agent {
  return (agent ??= new Agent());
}

/** A 2xx text/event-stream answer, its body still on the socket (what the SDKs read of a Response). */
export class StreamedResponse {
  readonly ok = true;
  readonly statusText = '';
  readonly redirected = false;
  readonly type = 'basic';
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: Headers,
    readonly body: Readable,
  ) {}

  async text(): Promise<string> {
    this.bodyUsed = true;
    const parts: Buffer[] = [];
    for await (const part of this.body) parts.push(part as Buffer);
    return Buffer.concat(parts).toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}

function headerObject(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers || Array.isArray(headers)) {
    for (const [k, v] of headers as Iterable<[string, string]>) out[k.toLowerCase()] = v;
    return out;
  }
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
  return out;
}

function requestBody(body: RequestInit['body']): string | Buffer | Uint8Array | Readable | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (body instanceof ReadableStream) return Readable.fromWeb(body as import('node:stream/web').ReadableStream);
  // FormData, Blob, URLSearchParams: what the SDKs send for uploads, which aqe never makes
  throw new TypeError(`providerFetch: unsupported request body (${Object.prototype.toString.call(body)})`);
}

function responseHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(raw)) {
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else if (v !== undefined) headers.append(k, v);
  }
  return headers;
}

/** What fetch would have thrown: the caller's abort as an AbortError, anything else as TypeError('fetch failed'). */
function fetchError(err: unknown, signal: AbortSignal | null | undefined): unknown {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    return reason instanceof Error && reason.name === 'AbortError' ? reason : new DOMException('This operation was aborted', 'AbortError');
  }
  return new TypeError('fetch failed', { cause: err });
}
