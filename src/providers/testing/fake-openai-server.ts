import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { countTokens } from '../../routing/tokenizer.js';
import { defaultReplyText, FakeServerBase, sleep, splitEvery, truncateToTokens, type FakeReply, type FakeRequestInfo, type FakeServerOptions } from './fake-server-base.js';

export * from './fake-server-base.js';

/**
 * A fake OpenAI-compatible chat completions API (POST /v1/chat/completions): JSON bodies, `data:` SSE
 * chunks, a final usage chunk when stream_options.include_usage is set, and `data: [DONE]`.
 */
export class FakeOpenAIServer extends FakeServerBase {
  static async start(opts: FakeServerOptions = {}): Promise<FakeOpenAIServer> {
    return new FakeOpenAIServer(opts).listen();
  }

  /** Base URL including /v1, as the openai SDK expects. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  protected async handle(req: FakeRequestInfo, reply: FakeReply, res: ServerResponse, socket: Socket): Promise<void> {
    if (req.path.split('?')[0] !== '/v1/chat/completions') return this.error(res, 404, 'invalid_request_error', `no route ${req.path}`);
    const f = reply.fault;
    if (f?.type === 'status') {
      const headers: Record<string, string> = {};
      if (f.retryAfter !== undefined) headers['retry-after'] = String(f.retryAfter);
      return this.error(res, f.status, f.errorType ?? (f.status === 429 ? 'rate_limit_exceeded' : f.status >= 500 ? 'server_error' : 'invalid_request_error'), f.message ?? `fake ${f.status}`, headers);
    }
    const model = String(req.body?.model ?? 'fake-model');
    const full = reply.text ?? defaultReplyText(req.body);
    const maxTokens = Number(req.body?.max_tokens ?? req.body?.max_completion_tokens);
    const text = Number.isInteger(maxTokens) && maxTokens > 0 ? truncateToTokens(full, maxTokens) : full;
    const promptTokens = reply.inputTokens ?? countTokens(JSON.stringify(req.body?.messages ?? ''));
    const finish = text !== full ? 'length' : (reply.stopReason ?? 'stop');
    const id = `chatcmpl-fake-${req.index}`;
    const created = Math.floor(Date.now() / 1000);
    if (!req.stream) {
      if (f?.type === 'drop') return void socket.destroy();
      const body = {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: finish }],
        usage: { prompt_tokens: promptTokens, completion_tokens: countTokens(text), total_tokens: promptTokens + countTokens(text) },
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      this.bill(model, promptTokens, countTokens(text), true);
      return void res.end(JSON.stringify(body));
    }
    const includeUsage = req.body?.stream_options?.include_usage === true;
    const chunk = (choices: unknown[], usage?: unknown) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices, ...(includeUsage ? { usage: usage ?? null } : {}) })}\n\n`;
    const errorFrame = (type: string, message: string) => `data: ${JSON.stringify({ error: { message, type, param: null, code: null } })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    await this.write(res, chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]));
    this.bill(model, promptTokens, 0, true);
    const pieces = splitEvery(text, reply.chunkSize ?? 8);
    let sent = '';
    // Output is billed as it is sent, so a stream cut short is billed for what went out.
    let billedOut = 0;
    for (let i = 0; i < pieces.length; i++) {
      if ((await this.midStreamFault(reply, i, res, socket, errorFrame, 'data: {"id": "broken\n\n')) === 'stop') return;
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
      if (res.destroyed) return;
      sent += pieces[i];
      const written = await this.write(res, chunk([{ index: 0, delta: { content: pieces[i] }, logprobs: null, finish_reason: null }]));
      const out = countTokens(sent);
      this.bill(model, 0, out - billedOut, false);
      billedOut = out;
      if (!written) return;
    }
    if ((await this.midStreamFault(reply, pieces.length, res, socket, errorFrame, 'data: {"id": "broken\n\n')) === 'stop') return;
    let tail = chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: finish }]);
    if (includeUsage) {
      const completion = countTokens(sent);
      tail += chunk([], { prompt_tokens: promptTokens, completion_tokens: completion, total_tokens: promptTokens + completion });
    }
    await this.write(res, tail + 'data: [DONE]\n\n');
    res.end();
  }

  private error(res: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ error: { message, type, param: null, code: type } }));
  }
}
