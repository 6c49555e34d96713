// An instant model provider for bench/gateway.mjs: OpenAI-compatible (POST /v1/chat/completions) and Anthropic
// (POST /v1/messages, and /v1/messages/count_tokens, which aqe's cost meter asks) wire formats, JSON and SSE,
// with usage. Replies are built once per (format, stream, model):
// the provider costs as little as possible, so the gateways in front of it are what the bench measures.
// Run as a forked child with --serve: it listens on an ephemeral loopback port and sends { type: 'listening', port } over IPC.
import http from 'node:http';

export const REPLY = 'One finding (medium): `check` compares the token with ===, which leaks timing; use crypto.timingSafeEqual on equal-length buffers.';
const CHUNKS = REPLY.match(/.{1,12}/gs);
const INPUT_TOKENS = 180;
const OUTPUT_TOKENS = 30;

function openaiJson(model) {
  return JSON.stringify({
    id: 'chatcmpl-bench', object: 'chat.completion', created: 1764201600, model,
    choices: [{ index: 0, message: { role: 'assistant', content: REPLY }, finish_reason: 'stop' }],
    usage: { prompt_tokens: INPUT_TOKENS, completion_tokens: OUTPUT_TOKENS, total_tokens: INPUT_TOKENS + OUTPUT_TOKENS },
  });
}

function openaiSse(model) {
  const base = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1764201600, model };
  const frame = (o) => `data: ${JSON.stringify({ ...base, ...o })}\n\n`;
  let out = frame({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
  for (const c of CHUNKS) out += frame({ choices: [{ index: 0, delta: { content: c }, finish_reason: null }] });
  out += frame({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
  out += frame({ choices: [], usage: { prompt_tokens: INPUT_TOKENS, completion_tokens: OUTPUT_TOKENS, total_tokens: INPUT_TOKENS + OUTPUT_TOKENS } });
  return out + 'data: [DONE]\n\n';
}

function anthropicJson(model) {
  return JSON.stringify({
    id: 'msg_bench', type: 'message', role: 'assistant', model, content: [{ type: 'text', text: REPLY }],
    stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: INPUT_TOKENS, output_tokens: OUTPUT_TOKENS },
  });
}

function anthropicSse(model) {
  const ev = (type, data) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  let out = ev('message_start', { message: { id: 'msg_bench', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: INPUT_TOKENS, output_tokens: 1 } } });
  out += ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
  for (const c of CHUNKS) out += ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: c } });
  out += ev('content_block_stop', { index: 0 });
  out += ev('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: OUTPUT_TOKENS } });
  return out + ev('message_stop', {});
}

const cache = new Map();
function reply(path, stream, model) {
  const key = `${path}\0${stream}\0${model}`;
  let r = cache.get(key);
  if (!r) {
    const anthropic = path.endsWith('/messages');
    const body = anthropic ? (stream ? anthropicSse(model) : anthropicJson(model)) : stream ? openaiSse(model) : openaiJson(model);
    r = { body: Buffer.from(body), type: stream ? 'text/event-stream' : 'application/json' };
    cache.set(key, r);
  }
  return r;
}

if (process.argv[2] === '--serve') {
  const server = http.createServer((req, res) => {
    const parts = [];
    req.on('data', (d) => parts.push(d));
    req.on('end', () => {
      if (req.method === 'POST' && req.url.endsWith('/messages/count_tokens')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(`{"input_tokens":${INPUT_TOKENS}}`);
        return;
      }
      if (req.method !== 'POST' || !(req.url.endsWith('/chat/completions') || req.url.endsWith('/messages'))) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      let body;
      try {
        body = JSON.parse(Buffer.concat(parts).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"bad json"}}');
        return;
      }
      const r = reply(req.url, body.stream === true, String(body.model ?? 'bench-model'));
      res.writeHead(200, { 'content-type': r.type, 'content-length': r.body.length });
      res.end(r.body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: server.address().port }));
  process.on('message', (m) => m?.type === 'stop' && server.close(() => process.exit(0)));
  process.on('disconnect', () => process.exit(0));
}
