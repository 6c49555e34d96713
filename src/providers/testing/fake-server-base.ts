import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { countTokens } from '../../routing/tokenizer.js';

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
  /** List prices per 1,000 tokens by provider model id (the request's `model`), for `billing.cost`. */
  prices?: Record<string, { input: number; output: number }>;
}

export interface FakeBillingLine {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** Dollars at `prices` (0 for a model without a price). */
  cost: number;
}

/** What the fake provider billed: every answered request's input, and every output token it sent. */
export interface FakeBilling extends FakeBillingLine {
  byModel: Record<string, FakeBillingLine>;
}

/** The longest prefix of `text` of at most `maxTokens` tokens (what a model stopped at max_tokens would send). */
export function truncateToTokens(text: string, maxTokens: number): string {
  if (countTokens(text) <= maxTokens) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (countTokens(text.slice(0, mid)) <= maxTokens) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo);
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
  private readonly prices: Record<string, { input: number; output: number }>;
  private readonly billed: FakeBilling = { requests: 0, inputTokens: 0, outputTokens: 0, cost: 0, byModel: {} };
  port = 0;

  constructor(opts: FakeServerOptions = {}) {
    this.script = opts.script;
    this.record = opts.record ?? true;
    this.prices = opts.prices ?? {};
  }

  /** A copy of the running billing total. */
  get billing(): FakeBilling {
    return structuredClone(this.billed);
  }

  /** Books one request's tokens (input once, when the answer starts; output as it is sent). */
  protected bill(model: string, inputTokens: number, outputTokens: number, newRequest: boolean): void {
    const p = this.prices[model] ?? { input: 0, output: 0 };
    const cost = (inputTokens / 1000) * p.input + (outputTokens / 1000) * p.output;
    const line = (this.billed.byModel[model] ??= { requests: 0, inputTokens: 0, outputTokens: 0, cost: 0 });
    for (const l of [line, this.billed]) {
      if (newRequest) l.requests++;
      l.inputTokens += inputTokens;
      l.outputTokens += outputTokens;
      l.cost += cost;
    }
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

  /** Requests that accompany a model call (e.g. counting its tokens) rather than being one. */
  protected isSideRequest(_path: string): boolean {
    return false;
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
    // a side request (token counting) sees the reply queued for the call it measures, without taking it
    const queued = this.isSideRequest(info.path) ? this.queue[0] : this.queue.shift();
    const reply = queued ?? this.script?.(info) ?? {};
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
