import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { countTokens } from '../../routing/tokenizer.js';
import { defaultReplyText, FakeServerBase, sleep, splitEvery, truncateToTokens, type FakeReply, type FakeRequestInfo, type FakeServerOptions } from './fake-server-base.js';

export * from './fake-server-base.js';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/**
 * A fake Anthropic Messages API (POST /v1/messages) speaking the wire protocol: JSON bodies, SSE frames
 * with `event:` lines (message_start with usage.input_tokens, content_block_start, ping, text deltas,
 * content_block_stop, message_delta with cumulative usage.output_tokens, message_stop), error bodies
 * `{"type":"error","error":{...}}` with retry-after, and mid-stream `event: error`. It does not check the
 * anthropic-version header's value.
 */
export class FakeAnthropicServer extends FakeServerBase {
  static async start(opts: FakeServerOptions = {}): Promise<FakeAnthropicServer> {
    return new FakeAnthropicServer(opts).listen();
  }

  protected override isSideRequest(path: string): boolean {
    return path.split('?')[0] === '/v1/messages/count_tokens';
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  protected async handle(req: FakeRequestInfo, reply: FakeReply, res: ServerResponse, socket: Socket): Promise<void> {
    const requestId = `req_fake_${req.index}`;
    const route = req.path.split('?')[0];
    if (route === '/v1/messages/count_tokens') {
      if (!req.headers['x-api-key'] && !req.headers['authorization']) {
        return this.error(res, 401, 'authentication_error', 'x-api-key header is required', requestId);
      }
      // Free, and exact: the same count /v1/messages bills.
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId });
      return void res.end(JSON.stringify({ input_tokens: reply.inputTokens ?? countTokens(JSON.stringify(req.body?.messages ?? '')) }));
    }
    if (route !== '/v1/messages') {
      return this.error(res, 404, 'not_found_error', `no route ${req.path}`, requestId);
    }
    if (!req.headers['x-api-key'] && !req.headers['authorization']) {
      return this.error(res, 401, 'authentication_error', 'x-api-key header is required', requestId);
    }
    const f = reply.fault;
    if (f?.type === 'status') {
      const headers: Record<string, string> = {};
      if (f.retryAfter !== undefined) headers['retry-after'] = String(f.retryAfter);
      return this.error(res, f.status, f.errorType ?? ERROR_TYPES[f.status] ?? (f.status >= 500 ? 'api_error' : 'invalid_request_error'), f.message ?? `fake ${f.status}`, requestId, headers);
    }
    const model = String(req.body?.model ?? 'claude-fake');
    const full = reply.text ?? defaultReplyText(req.body);
    const maxTokens = Number(req.body?.max_tokens);
    const text = Number.isInteger(maxTokens) && maxTokens > 0 ? truncateToTokens(full, maxTokens) : full;
    const inputTokens = reply.inputTokens ?? countTokens(JSON.stringify(req.body?.messages ?? ''));
    const stopReason = text !== full ? 'max_tokens' : (reply.stopReason ?? 'end_turn');
    const id = `msg_fake_${req.index}`;

    if (!req.stream) {
      if (f?.type === 'drop') return void socket.destroy();
      if (f?.type === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId });
        return void res.end('{"id": "msg_fake", "content": [');
      }
      const body = {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: [{ type: 'text', text }],
        stop_reason: stopReason,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: countTokens(text) },
      };
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId });
      this.bill(model, inputTokens, countTokens(text), true);
      return void res.end(JSON.stringify(body));
    }

    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'request-id': requestId });
    const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    const errorFrame = (type: string, message: string) => frame('error', { type: 'error', error: { type, message } });
    const malformed = 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_de\n\n';
    await this.write(
      res,
      frame('message_start', {
        type: 'message_start',
        message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: inputTokens, output_tokens: 1 } },
      }) +
        frame('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }) +
        frame('ping', { type: 'ping' }),
    );
    this.bill(model, inputTokens, 0, true);
    const pieces = splitEvery(text, reply.chunkSize ?? 8);
    let sent = '';
    // Output is billed as it is sent, so a stream cut short (cancel, drop) is billed for what went out.
    let billedOut = 0;
    const billSent = () => {
      const out = countTokens(sent);
      this.bill(model, 0, out - billedOut, false);
      billedOut = out;
    };
    try {
      for (let i = 0; i < pieces.length; i++) {
        if ((await this.midStreamFault(reply, i, res, socket, errorFrame, malformed)) === 'stop') return;
        if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
        if (res.destroyed) return;
        sent += pieces[i];
        const written = await this.write(res, frame('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: pieces[i] } }));
        billSent();
        if (!written) return;
        if (i % 16 === 15 && !(await this.write(res, frame('ping', { type: 'ping' })))) return;
      }
    } finally {
      billSent();
    }
    if ((await this.midStreamFault(reply, pieces.length, res, socket, errorFrame, malformed)) === 'stop') return;
    await this.write(
      res,
      frame('content_block_stop', { type: 'content_block_stop', index: 0 }) +
        frame('message_delta', { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: countTokens(sent) } }) +
        frame('message_stop', { type: 'message_stop' }),
    );
    res.end();
  }

  private error(res: ServerResponse, status: number, type: string, message: string, requestId: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId, ...headers });
    res.end(JSON.stringify({ type: 'error', error: { type, message }, request_id: requestId }));
  }
}
