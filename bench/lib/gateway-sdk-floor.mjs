// The floor under any gateway built on the official provider SDKs, for bench/gateway.mjs (path "sdk-floor"):
// node:http and one SDK call per request, with the client options aqe's providers use (no retries, SDK logging
// off, aqe's providerFetch as the transport; BENCH_FLOOR_FETCH=global for the SDK's default, the global fetch,
// with redirects refused) and an abort signal tied to the client's connection, as aqe passes one. It gets the
// provider request Portkey gets and answers with the SDK's result: JSON as it parsed it, SSE as the events it
// parsed, written back one frame each. No validation, routing, budgets, records or logging: what is left of a
// gateway's overhead here is the SDK's and its fetch's, which aqe pays on every model call.
// Run as a forked child with --serve <openai|anthropic> <provider base URL>: it listens on an ephemeral loopback
// port and sends { type: 'listening', port } over IPC.
import http from 'node:http';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { providerFetch } from '../../dist/providers/provider-fetch.js';

const [format, baseURL] = process.argv.slice(3);
const transport = process.env.BENCH_FLOOR_FETCH === 'global' ? { fetchOptions: { redirect: 'error' } } : { fetch: providerFetch() };
const common = { maxRetries: 0, logLevel: 'off', ...transport };
const client = format === 'openai'
  ? new OpenAI({ ...common, apiKey: 'bench-not-a-key', baseURL: `${baseURL}/v1` })
  : new Anthropic({ ...common, apiKey: 'bench-not-a-key', baseURL });

async function forward(body, signal, res) {
  const call = format === 'openai' ? client.chat.completions.create(body, { signal }) : client.messages.create(body, { signal });
  if (!body.stream) {
    const out = JSON.stringify(await call);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
    return res.end(out);
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for await (const event of await call) {
    res.write(format === 'openai' ? `data: ${JSON.stringify(event)}\n\n` : `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  }
  res.end(format === 'openai' ? 'data: [DONE]\n\n' : undefined);
}

const server = http.createServer((req, res) => {
  const parts = [];
  req.on('data', (d) => parts.push(d));
  req.on('end', () => {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    forward(JSON.parse(Buffer.concat(parts).toString('utf8')), abort.signal, res).catch((err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(err?.message ?? err) }));
    });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ type: 'listening', port: server.address().port }));
process.on('message', (m) => {
  if (m?.type !== 'stop') return;
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
