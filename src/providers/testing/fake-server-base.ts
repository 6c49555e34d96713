import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Shared machinery of the fake provider servers (a dev/test utility: tests and bench/streaming.mjs run
 * the real SDKs against them). Each request's behaviour is scriptable: reply text, chunking, delays and
 * one fault.
 */
export type FakeFault =
  /** Answer with this HTTP status and the API's error body (429/529 may carry retry-after). */
  | { type: 'status'; status: number; errorType?: string; message?: string; retryAfter?: string | number }
  /** Wait before sending the response headers. */
  | { type: 'slow_first_byte'; ms: number }
  /** Stop sending after `afterChunks` text chunks for `ms` (then continue); omit ms to stall until the client gives up. */
  | { type: 'stall'; afterChunks: number; ms?: number }
  /** Destroy the socket after `afterChunks` text chunks. */
  | { type: 'drop'; afterChunks: number }
  /** Send a frame whose data is not valid JSON after `afterChunks` text chunks. */
  | { type: 'malformed'; afterChunks: number }
  /** Send an error event mid-stream after a 200 (Anthropic: `event: error`, overloaded_error by default). */
  | { type: 'error_event'; afterChunks: number; errorType?: string; message?: string };

export interface FakeReply {
  /** Reply text; default: derived from the request (see defaultReplyText). */
  text?: string;
  /** Characters per text chunk (default 8). */
  chunkSize?: number;
  /** Delay between chunks (default 0: back to back). */
  chunkDelayMs?: number;
  /** Delay before the response headers (as slow_first_byte). */
  firstByteDelayMs?: number;
  inputTokens?: number;
  stopReason?: string;
  fault?: FakeFault;
}

export interface FakeRequestInfo {
  index: number;
  path: string;
  stream: boolean;
  body: any;
  headers: IncomingHttpHeaders;
}

export type FakeScript = (req: FakeRequestInfo) => FakeReply | undefined;

export interface FakeServerOptions {
  /** Called for each request without a queued reply. */
  script?: FakeScript;
  /** Keep request bodies/headers in `requests` (default true; the bench turns it off). */
  record?: boolean;
}

/** The default reply: a deterministic function of the last user message, so sync and stream agree. */
export function defaultReplyText(body: any): string {
  const msgs: any[] = Array.isArray(body?.messages) ? body.messages : [];
  const last = [...msgs].reverse().find((m) => m?.role === 'user');
  const content = typeof last?.content === 'string' ? last.content : JSON.stringify(last?.content ?? '');
  return `Reply to: ${content}. This is a deterministic answer from the fake server, long enough to arrive in several chunks.`;
}

export function splitEvery(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export abstract class FakeServerBase {
  readonly requests: FakeRequestInfo[] = [];
  private readonly queue: FakeReply[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private count = 0;
  private script: FakeScript | undefined;
  private readonly record: boolean;
  port = 0;

  constructor(opts: FakeServerOptions = {}) {
    this.script = opts.script;
    this.record = opts.record ?? true;
  }

  /** Base URL for the SDK (`baseURL`). */
  abstract get url(): string;

  protected abstract handle(req: FakeRequestInfo, reply: FakeReply, res: ServerResponse, socket: Socket): Promise<void>;

  /** Replies for the next requests, in order (then the script, then the default). */
  enqueue(...replies: FakeReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  setScript(script: FakeScript | undefined): this {
    this.script = script;
    return this;
  }

  get requestCount(): number {
    return this.count;
  }

  async listen(): Promise<this> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.server.keepAliveTimeout = 30_000;
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server) await new Promise<void>((r) => this.server!.close(() => r()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: any = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {}
    const info: FakeRequestInfo = { index: this.count++, path: req.url ?? '', stream: body?.stream === true, body, headers: req.headers };
    if (this.record) this.requests.push(info);
    const reply = this.queue.shift() ?? this.script?.(info) ?? {};
    const firstByte = reply.fault?.type === 'slow_first_byte' ? reply.fault.ms : reply.firstByteDelayMs;
    if (firstByte) await sleep(firstByte);
    if (res.destroyed) return;
    try {
      await this.handle(info, reply, res, req.socket);
    } catch {
      res.destroy();
    }
  }

  /** Writes a frame, waiting for drain when the client is slow (real servers are paced by TCP too). */
  protected async write(res: ServerResponse, data: string): Promise<boolean> {
    if (res.destroyed || res.writableEnded) return false;
    if (!res.write(data)) await new Promise<void>((r) => { res.once('drain', r); res.once('close', r); });
    return !res.destroyed;
  }

  /** Applies a mid-stream fault at chunk index `i`; returns 'stop' when the response is over. */
  protected async midStreamFault(reply: FakeReply, i: number, res: ServerResponse, socket: Socket, errorFrame: (type: string, message: string) => string, malformedFrame: string): Promise<'stop' | 'go'> {
    const f = reply.fault;
    if (!f || !('afterChunks' in f) || f.afterChunks !== i) return 'go';
    switch (f.type) {
      case 'drop':
        // Let what was already written reach the client, then cut the connection without a proper end.
        await new Promise<void>((r) => socket.write('', () => r()));
        socket.destroy();
        return 'stop';
      case 'stall':
        if (f.ms === undefined) {
          await new Promise<void>((r) => res.once('close', r));
          return 'stop';
        }
        await sleep(f.ms);
        return res.destroyed ? 'stop' : 'go';
      case 'malformed':
        await this.write(res, malformedFrame);
        res.end();
        return 'stop';
      case 'error_event':
        await this.write(res, errorFrame(f.errorType ?? 'overloaded_error', f.message ?? 'Overloaded'));
        res.end();
        return 'stop';
    }
  }
}
