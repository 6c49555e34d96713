from lib import t, lines

# Persona: ML engineer building LLM applications in Python and TypeScript -- RAG pipelines,
# prompt templates, eval harnesses, vector stores (qdrant/chroma), tool-calling agents,
# provider rate limits and token budgets. Writes quick Slack-style asks, pastes eval CSVs
# and traces, and mixes small chores with nasty production issues.

t('simple', 'test-generation',
  'quick one: pytest tests for the two helpers in text_utils.py pls, nothing fancy. empty string, blank paragraphs, the bad chars_per_token case',
  files=[('rag/text_utils.py', '''
import re

_WS = re.compile(r"\\s+")


def normalize_whitespace(text: str) -> str:
    """Collapse runs of whitespace inside paragraphs, keep blank-line paragraph breaks."""
    paragraphs = [p for p in re.split(r"\\n\\s*\\n", text) if p.strip()]
    return "\\n\\n".join(_WS.sub(" ", p).strip() for p in paragraphs)


def approx_tokens(text: str, chars_per_token: float = 4.0) -> int:
    """Cheap token estimate used before we bother calling tiktoken."""
    if chars_per_token <= 0:
        raise ValueError("chars_per_token must be positive")
    if not text:
        return 0
    return max(1, round(len(text) / chars_per_token))
''')], fw='pytest', lang=None)

# why: ~30 lines, but a check-then-act across an await with 4 concurrent tasks -- a race, so complex
t('complex', 'flaky-test-analysis',
  "test_concurrent_ingest_dedups_shared_boilerplate fails maybe 1 in 15 CI runs, always green on my laptop. when it fails the counts are off by one or two. is the test wrong or the worker?",
  files=[('ingest/worker.py', '''
import asyncio
import hashlib
import logging

log = logging.getLogger(__name__)


class IngestWorker:
    def __init__(self, store, embedder, concurrency: int = 4):
        self.store = store
        self.embedder = embedder
        self.concurrency = concurrency
        self._seen: dict[str, str] = {}  # content hash -> chunk id

    async def _ingest_one(self, doc_id: str, idx: int, chunk: str) -> None:
        h = hashlib.sha1(chunk.encode()).hexdigest()
        if h in self._seen:
            await self.store.add_alias(self._seen[h], doc_id)
            return
        vec = await self.embedder.embed(chunk)
        chunk_id = f"{doc_id}:{idx}"
        await self.store.upsert(chunk_id, vec, {"doc_id": doc_id, "hash": h})
        self._seen[h] = chunk_id

    async def ingest(self, docs: dict[str, list[str]]) -> None:
        sem = asyncio.Semaphore(self.concurrency)

        async def run(doc_id, idx, chunk):
            async with sem:
                await self._ingest_one(doc_id, idx, chunk)

        await asyncio.gather(*(run(d, i, c) for d, chunks in docs.items() for i, c in enumerate(chunks)))
        log.info("ingested %d docs, %d unique chunks", len(docs), len(self._seen))
'''), ('tests/test_worker.py', '''
import pytest
from ingest.worker import IngestWorker

BOILER = "Copyright 2024 Acme Corp. All rights reserved."


@pytest.mark.asyncio
async def test_concurrent_ingest_dedups_shared_boilerplate(fake_store, fake_embedder):
    docs = {f"doc{i}": [BOILER, f"body of doc {i}"] for i in range(6)}
    w = IngestWorker(fake_store, fake_embedder, concurrency=4)
    await w.ingest(docs)
    assert fake_store.upsert_count == 7
    assert len(fake_store.aliases) == 5
'''), ('tests/conftest.py', '''
import asyncio
import random
import pytest


class FakeEmbedder:
    async def embed(self, text):
        await asyncio.sleep(random.uniform(0, 0.01))
        return [float(len(text))] * 8


class FakeStore:
    def __init__(self):
        self.upsert_count = 0
        self.aliases = []

    async def upsert(self, chunk_id, vec, payload):
        self.upsert_count += 1

    async def add_alias(self, chunk_id, doc_id):
        self.aliases.append((chunk_id, doc_id))


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture
def fake_store():
    return FakeStore()
'''), ('ci/pytest-run-4411.log', '''
tests/test_worker.py::test_concurrent_ingest_dedups_shared_boilerplate FAILED
E       assert 8 == 7
E        +  where 8 = <conftest.FakeStore object at 0x7f3a1c2b9e50>.upsert_count
tests/test_worker.py:12: AssertionError
=========================== 1 failed, 212 passed in 41.77s ============================
''')], fw='pytest', lang=None)

t('simple', 'performance-testing',
  "nightly k6 run against staging below. which thresholds failed and what's p95 for chat vs search? one paragraph is fine",
  files=[('reports/k6-nightly.txt', '''
     scenarios: (100.00%) 1 scenario, 20 max VUs, 10m30s max duration (incl. graceful stop):
              * default: 20 looping VUs for 10m0s (gracefulStop: 30s)

     ✓ status is 200
     ✗ first token under 1.5s
      ↳  91% — ✓ 1638 / ✗ 162

     checks.........................: 95.50% ✓ 3438      ✗ 162
     data_received..................: 48 MB  80 kB/s
     data_sent......................: 2.9 MB 4.8 kB/s
     http_req_duration..............: avg=2.1s   min=310ms med=1.8s  max=14.2s p(90)=3.9s  p(95)=5.2s
       { endpoint:chat }............: avg=2.9s   min=640ms med=2.5s  max=14.2s p(90)=4.8s  p(95)=6.1s
       { endpoint:search }..........: avg=410ms  min=310ms med=380ms max=1.9s  p(90)=520ms p(95)=610ms
     http_req_failed................: 1.20%  ✓ 22        ✗ 1778
     iterations.....................: 1800   3/s
     vus............................: 20     min=20      max=20

   ✗ http_req_duration{endpoint:chat}: p(95)<5000
   ✓ http_req_duration{endpoint:search}: p(95)<800
   ✓ http_req_failed: rate<0.02
''')], fw='k6', lang='javascript')

# why: ~20 lines, but the requirements (tool-call pairing, last user turn must survive) need judgement and expose a real gap
t('medium', 'test-generation',
  "need tests for fit_to_budget before I wire it into the chat endpoint. it looks trivial but I've been burned by the tool message ordering before",
  files=[('llm/context.py', '''
from typing import Callable

Message = dict  # {"role": ..., "content": ..., optional "tool_calls" / "tool_call_id"}


def fit_to_budget(messages: list[Message], budget: int, count: Callable[[Message], int]) -> list[Message]:
    """Drop oldest non-system turns until the conversation fits in `budget` tokens."""
    system = [m for m in messages if m["role"] == "system"]
    rest = [m for m in messages if m["role"] != "system"]
    total = sum(count(m) for m in system + rest)
    while rest and total > budget:
        dropped = rest.pop(0)
        total -= count(dropped)
        # a tool result without its assistant tool_calls message is rejected by the API
        while rest and rest[0]["role"] == "tool":
            total -= count(rest.pop(0))
    if total > budget:
        raise ValueError(f"system prompt alone needs {total} tokens, budget is {budget}")
    return system + rest
''')], reqs=['the final user message must never be dropped; if it cannot fit, that is an error, not a silent truncation',
             'never return a tool message whose tool_call_id has no matching assistant tool_calls entry',
             'use a fake counter (e.g. len of content) so the tests do not depend on tiktoken'],
  fw='pytest', lang=None)

t('complex', 'security-scan',
  "we're opening the search API to external customers next sprint. can you do a proper security pass? hard rule: a customer must only ever see their own chunks",
  files=[('src/routes/search.ts', '''
import { Router } from 'express';
import { z } from 'zod';
import { qdrant } from '../clients/qdrant';
import { embed } from '../clients/embeddings';
import { requireApiKey } from '../middleware/auth';

const Body = z.object({
  query: z.string().min(1).max(2000),
  topK: z.number().int().min(1).max(50).default(8),
  filter: z.record(z.any()).optional(),
  collection: z.string().default('docs'),
});

export const search = Router();

search.post('/v1/search', requireApiKey, async (req, res) => {
  const body = Body.parse(req.body);
  const tenantId = req.auth.tenantId;
  const vector = await embed(body.query);
  const must = [{ key: 'tenant_id', match: { value: tenantId } }];
  const result = await qdrant.search(body.collection, {
    vector,
    limit: body.topK,
    filter: { must, ...body.filter },
    with_payload: true,
  });
  res.json({
    hits: result.map((r) => ({ id: r.id, score: r.score, text: r.payload?.text, source: r.payload?.source })),
  });
});
'''), ('src/middleware/auth.ts', '''
import { createHash } from 'crypto';
import type { Request, Response, NextFunction } from 'express';
import { db } from '../db';

export async function requireApiKey(req: Request, res: Response, next: NextFunction) {
  const header = req.header('authorization') ?? '';
  const key = header.replace(/^Bearer /, '');
  if (!key) return res.status(401).json({ error: 'missing key' });
  const hash = createHash('sha256').update(key).digest('hex');
  const row = await db.oneOrNone(
    'SELECT tenant_id, revoked_at, scopes FROM api_keys WHERE key_hash = $1',
    [hash],
  );
  if (!row) return res.status(401).json({ error: 'invalid key' });
  req.auth = { tenantId: row.tenant_id, scopes: row.scopes };
  next();
}
'''), ('src/clients/qdrant.ts', '''
import { QdrantClient } from '@qdrant/js-client-rest';

export const qdrant = new QdrantClient({
  url: process.env.QDRANT_URL ?? 'http://qdrant:6333',
  apiKey: process.env.QDRANT_API_KEY,
});
''')], fw='vitest')

t('simple', 'test-execution',
  "can you run `pytest tests/unit -q -m 'not slow'` in the evals repo and just paste me the failures + counts", fw='pytest', lang=None)

t('medium', 'defect-analysis',
  "still getting context_length_exceeded on long chats even though build_messages is supposed to keep us under the limit. trace + code below, what's it missing?",
  files=[('app/budget.py', '''
import tiktoken

MODEL_LIMITS = {"gpt-4o": 128_000, "gpt-4o-mini": 128_000}
RESPONSE_RESERVE = 1_024
_enc = tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    return len(_enc.encode(text))


def build_messages(system: str, history: list[dict], question: str, chunks: list[str], model: str) -> list[dict]:
    limit = MODEL_LIMITS[model] - RESPONSE_RESERVE
    used = count_tokens(system) + count_tokens(question)
    for m in history:
        used += count_tokens(m["content"] or "")
    context_parts = []
    for c in chunks:
        n = count_tokens(c)
        if used + n > limit:
            break
        context_parts.append(c)
        used += n
    ctx = "\\n\\n---\\n\\n".join(context_parts)
    return [
        {"role": "system", "content": system + "\\n\\nContext:\\n" + ctx},
        *history,
        {"role": "user", "content": question},
    ]
'''), ('app/chat.py', '''
from openai import AsyncOpenAI
from .budget import build_messages
from .tools import TOOLS

client = AsyncOpenAI()


async def answer(session, question: str, chunks: list[str]):
    msgs = build_messages(session.system_prompt, session.history, question, chunks, session.model)
    resp = await client.chat.completions.create(
        model=session.model,
        messages=msgs,
        tools=TOOLS,
        max_tokens=2048,
    )
    session.history.extend([msgs[-1], resp.choices[0].message.model_dump(exclude_none=True)])
    return resp
'''), ('logs/chat-worker.err', '''
2024-11-19T14:02:11Z ERROR chat.answer session=8f21c turns=37 chunks=24
Traceback (most recent call last):
  File "/srv/app/chat.py", line 11, in answer
    resp = await client.chat.completions.create(
  File "/srv/.venv/lib/python3.11/site-packages/openai/resources/chat/completions.py", line 1661, in create
    return await self._post(
openai.BadRequestError: Error code: 400 - {'error': {'message': "This model's maximum context length is 128000 tokens. However, you requested 131207 tokens (125519 in the messages, 3640 in the functions, and 2048 in the completion). Please reduce the length of the messages, functions, or completion.", 'type': 'invalid_request_error', 'param': 'messages', 'code': 'context_length_exceeded'}}
''')], fw='pytest', lang=None)

def _cov_row(i):
    mods = ['rag/loaders/pdf', 'rag/loaders/html', 'rag/loaders/notion', 'rag/chunking/recursive',
            'rag/chunking/semantic', 'rag/embed/openai', 'rag/embed/local', 'rag/embed/cache',
            'rag/store/qdrant', 'rag/store/chroma', 'rag/store/filters', 'rag/retrieve/hybrid',
            'rag/retrieve/bm25', 'rag/retrieve/rerank', 'rag/retrieve/mmr', 'rag/prompts/registry',
            'rag/prompts/render', 'rag/prompts/fewshot', 'rag/llm/client', 'rag/llm/retry',
            'rag/llm/budget', 'rag/llm/stream', 'rag/agents/loop', 'rag/agents/tools/search',
            'rag/agents/tools/sql', 'rag/agents/tools/web', 'rag/agents/memory', 'rag/evals/metrics',
            'rag/evals/judge', 'rag/evals/runner', 'rag/evals/report', 'rag/api/app',
            'rag/api/routes/chat', 'rag/api/routes/search', 'rag/api/deps', 'rag/obs/tracing',
            'rag/obs/redact', 'rag/settings', 'rag/cli', 'rag/__init__']
    stmts = 20 + (i * 37) % 180
    miss = 0 if i % 7 == 0 else (stmts if i % 11 == 5 else (stmts * ((i * 13) % 60)) // 100)
    if mods[i] == 'rag/__init__':
        stmts, miss = 4, 0
    pct = 100 * (stmts - miss) // stmts
    return f"{mods[i] + '.py':<40}{stmts:>7}{miss:>7}{pct:>6}%"

t('simple', 'coverage-analysis',
  "coverage report from main below. just give me (a) modules at 0% and (b) modules under 50%, sorted worst first. don't need advice yet",
  files=[('reports/coverage.txt',
          f"{'Name':<40}{'Stmts':>7}{'Miss':>7}{'Cover':>7}\n" + '-' * 61 + '\n' + lines(40, _cov_row) +
          '\n' + '-' * 61 + '\n' + f"{'TOTAL':<40}{'4312':>7}{'1398':>7}{'67':>6}%")],
  fw='pytest', lang=None)

t('medium', 'quality-gate',
  "eval run for the new answer prompt (v14) vs prod (v12). does v14 pass our gate? if not tell me which criteria and by how much",
  files=[('evals/summary_v12_vs_v14.csv', '''
metric,segment,v12,v14,n
faithfulness,all,0.912,0.931,420
faithfulness,billing,0.901,0.874,64
faithfulness,api_docs,0.925,0.951,180
answer_relevance,all,0.861,0.889,420
context_precision,all,0.742,0.768,420
refusal_rate,all,0.031,0.058,420
hallucinated_citation_rate,all,0.012,0.009,420
latency_p95_ms,all,3810,4470,420
cost_per_query_usd,all,0.0061,0.0074,420
'''), ('evals/gate.yaml', '''
gate: answer-prompt-release
criteria:
  - metric: faithfulness
    segment: all
    min: 0.90
    max_regression_per_segment: 0.02
  - metric: answer_relevance
    min: 0.85
  - metric: refusal_rate
    max: 0.05
  - metric: hallucinated_citation_rate
    max: 0.015
  - metric: latency_p95_ms
    max_relative_increase: 0.15
  - metric: cost_per_query_usd
    max_relative_increase: 0.25
''')], lang=None)

t('complex', 'performance-testing',
  "need a real load test plan for the whole assistant platform before the enterprise launch. target is 400 concurrent chat sessions with streaming. I want to know what breaks first and what our actual ceiling is given the provider quotas. configs + arch notes attached",
  files=[('docs/architecture.md', '''
# Assistant platform (prod)

browser --SSE--> gateway (Node, 6 pods) --> chat-svc (Python/FastAPI, 8 pods, uvicorn 4 workers)
chat-svc --> retriever (Python, 4 pods) --> qdrant (3 nodes, 2 replicas, 11M points)
retriever --> reranker (GPU, 2 pods, batch 32, cohere-compatible API)
chat-svc --> llm-proxy (Node, 3 pods) --> OpenAI / Azure OpenAI (failover)
chat-svc --> redis (sessions, semantic cache, rate-limit buckets)
chat-svc --> postgres (conversations, usage ledger)

Tool calls: agent may call search_docs, run_sql (read replica), fetch_url. Up to 6 tool turns per answer.
'''), ('config/llm-proxy.yaml', '''
providers:
  - name: openai
    model: gpt-4o
    tpm: 2000000
    rpm: 10000
  - name: azure-eastus
    model: gpt-4o
    tpm: 450000
    rpm: 2700
failover:
  on: [429, 500, 503, timeout]
  timeout_ms: 30000
per_tenant_budget:
  default_tpm: 60000
  enterprise_tpm: 400000
'''), ('config/gateway.env', '''
SSE_HEARTBEAT_MS=15000
UPSTREAM_TIMEOUT_MS=120000
MAX_SOCKETS_PER_POD=2000
KEEPALIVE_TIMEOUT_MS=65000
'''), ('config/retriever.yaml', '''
qdrant:
  hnsw_ef: 128
  top_k: 40
  timeout_ms: 1500
rerank:
  top_n: 8
  timeout_ms: 800
  fallback: skip
semantic_cache:
  enabled: true
  similarity_threshold: 0.94
  ttl_s: 3600
'''), ('k6/existing-smoke.js', '''
import http from 'k6/http';
import { check } from 'k6';

export const options = { vus: 5, duration: '1m' };

export default function () {
  const res = http.post(`${__ENV.BASE}/v1/chat`, JSON.stringify({ message: 'What is our refund policy?' }), {
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${__ENV.TOKEN}` },
  });
  check(res, { 'status 200': (r) => r.status === 200 });
}
'''), ('reports/prod-traffic-last-30d.csv', '''
hour_bucket,p50_sessions,p99_sessions,avg_tool_turns,avg_prompt_tokens,avg_completion_tokens,cache_hit_rate
weekday_peak,142,231,2.4,9800,610,0.18
weekday_offpeak,38,77,2.1,9100,580,0.22
weekend,21,49,1.9,8700,550,0.25
''')], fw='k6', lang='javascript')

t('simple', 'flaky-test-analysis',
  "this one flips between pass and fail on CI with zero code changes, what's going on",
  files=[('nlp/entities.py', '''
import re

NAME_RE = re.compile(r"\\b[A-Z][a-z]+\\b")


def extract_entities(text: str) -> list[str]:
    """Unique capitalised names in the text."""
    return list({m.group(0) for m in NAME_RE.finditer(text)})
'''), ('tests/test_entities.py', '''
from nlp.entities import extract_entities


def test_extract_entities_returns_unique_names():
    out = extract_entities("Alice met Bob. Bob met Carol. Alice left.")
    assert out == ["Alice", "Bob", "Carol"]
''')], fw='pytest', lang=None)

# why: secret leakage into logs, one ~30-line module; not auth/crypto/injection, so medium
t('medium', 'security-scan',
  "we ship request/response traces to our log vendor and everything goes through redact() first. can you check it actually catches the stuff it should? pretty sure people have pasted keys into prompts",
  files=[('obs/redact.py', '''
import re

PATTERNS = [
    (re.compile(r"sk-[A-Za-z0-9]{20,}"), "sk-***"),
    (re.compile(r"(?i)bearer\\s+[a-z0-9._-]+"), "Bearer ***"),
    (re.compile(r"[\\w.+-]+@[\\w-]+\\.[\\w.]+"), "<email>"),
]
SENSITIVE_KEYS = {"api_key", "authorization", "password", "token"}


def redact(obj):
    if isinstance(obj, str):
        for pat, repl in PATTERNS:
            obj = pat.sub(repl, obj)
        return obj
    if isinstance(obj, dict):
        return {k: ("***" if k in SENSITIVE_KEYS else redact(v)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [redact(v) for v in obj]
    return obj
'''), ('obs/trace_export.py', '''
import json
import logging

from .redact import redact

log = logging.getLogger("trace")


def export_llm_call(request: dict, response, headers: dict) -> None:
    record = {
        "request": redact(request),
        "headers": redact(headers),
        "response": response.model_dump() if hasattr(response, "model_dump") else response,
    }
    log.info(json.dumps(record, default=str))
''')], lang=None)

t('complex', 'test-generation',
  "want property-based tests (hypothesis) for our recursive splitter. we keep finding weird chunks in prod and example tests clearly aren't cutting it",
  files=[('rag/chunking/recursive.py', '''
from typing import Callable, Sequence

DEFAULT_SEPARATORS = ("\\n\\n", "\\n", ". ", " ", "")


def split_text(
    text: str,
    chunk_size: int,
    overlap: int,
    length: Callable[[str], int] = len,
    separators: Sequence[str] = DEFAULT_SEPARATORS,
) -> list[str]:
    if overlap >= chunk_size:
        raise ValueError("overlap must be smaller than chunk_size")
    if length(text) <= chunk_size:
        return [text] if text.strip() else []

    sep = next((s for s in separators if s == "" or s in text), "")
    pieces = list(text) if sep == "" else text.split(sep)
    rest_seps = separators[separators.index(sep) + 1:] if sep else ("",)

    splits: list[str] = []
    for p in pieces:
        if length(p) > chunk_size:
            splits.extend(split_text(p, chunk_size, overlap, length, rest_seps))
        elif p:
            splits.append(p)

    chunks: list[str] = []
    window: list[str] = []
    total = 0
    for s in splits:
        add = length(s) + (length(sep) if window else 0)
        if total + add > chunk_size and window:
            chunks.append(sep.join(window))
            while window and (total > overlap or total + add > chunk_size):
                total -= length(window[0]) + (length(sep) if len(window) > 1 else 0)
                window.pop(0)
        window.append(s)
        total += length(s) + (length(sep) if len(window) > 1 else 0)
    if window:
        chunks.append(sep.join(window))
    return [c for c in chunks if c.strip()]
''')], reqs=['state the invariants you test explicitly (size bound, coverage of the source text, overlap, order)',
             'include a token-based length function, not just len',
             'shrinking should produce readable counterexamples'],
  fw='pytest', lang=None)

t('simple', 'defect-analysis',
  "getting this in prod since we added tools to the support bot, what's the fix?",
  files=[('src/bot/reply.ts', '''
import OpenAI from 'openai';
import { TOOLS } from './tools';

const client = new OpenAI();

export async function reply(history: OpenAI.ChatCompletionMessageParam[]): Promise<string> {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: history,
    tools: TOOLS,
    temperature: 0.2,
  });
  const text = completion.choices[0].message.content.trim();
  return text.length > 0 ? text : "Sorry, I didn't catch that.";
}
'''), ('logs/bot.err', '''
TypeError: Cannot read properties of null (reading 'trim')
    at reply (/app/dist/bot/reply.js:14:58)
    at async handleMessage (/app/dist/bot/handler.js:31:18)
''')], fw='vitest')

t('medium', 'flaky-test-analysis',
  "the SSE parser test times out like every 10th run in CI (5000ms). parser + test + the CI output attached. I suspect fake timers but not sure how",
  files=[('src/llm/sse.ts', '''
export interface StreamEvent {
  event: string;
  data: string;
}

export async function* parseSSE(stream: ReadableStream<Uint8Array>, idleMs = 30_000): AsyncGenerator<StreamEvent> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  while (true) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('SSE idle timeout')), idleMs);
    });
    const { value, done } = await Promise.race([reader.read(), idle]);
    clearTimeout(timer);
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let sep: number;
    while ((sep = buf.indexOf('\\n\\n')) !== -1) {
      const raw = buf.slice(0, sep);
      buf = buf.slice(sep + 2);
      const ev: StreamEvent = { event: 'message', data: '' };
      for (const line of raw.split('\\n')) {
        if (line.startsWith('event:')) ev.event = line.slice(6).trim();
        else if (line.startsWith('data:')) ev.data += (ev.data ? '\\n' : '') + line.slice(5).trimStart();
      }
      if (ev.data === '[DONE]') return;
      yield ev;
    }
  }
}
'''), ('src/llm/sse.test.ts', '''
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { parseSSE } from './sse';

function streamFrom(chunks: string[], gapMs: number) {
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const c of chunks) {
        await new Promise((r) => setTimeout(r, gapMs));
        controller.enqueue(enc.encode(c));
      }
      controller.close();
    },
  });
}

describe('parseSSE', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reassembles events split across chunks', async () => {
    const s = streamFrom(['data: {"d":"He', 'llo"}\\n\\n', 'data: [DONE]\\n\\n'], 10);
    const out: string[] = [];
    const p = (async () => {
      for await (const ev of parseSSE(s, 1000)) out.push(ev.data);
    })();
    await vi.advanceTimersByTimeAsync(50);
    await p;
    expect(out).toEqual(['{"d":"Hello"}']);
  });
});
'''), ('ci/vitest-run.log', '''
 ❯ src/llm/sse.test.ts (1 test | 1 failed) 5012ms
   × parseSSE > reassembles events split across chunks 5008ms
     → Test timed out in 5000ms.
If this is a long-running test, pass a timeout value as the last argument or configure it globally with "testTimeout".
 Test Files  1 failed | 63 passed (64)
      Tests  1 failed | 511 passed (512)
''')], fw='vitest')

t('medium', 'performance-testing',
  "write me a k6 script for POST /v1/embed. upstream provider caps us at 3000 rpm and we batch up to 96 inputs per request, so I want to find the point where our own queueing starts adding latency, not just hammer the provider into 429s",
  files=[('src/routes/embed.ts', '''
import { Router } from 'express';
import { z } from 'zod';
import { embedBatch } from '../embeddings/batcher';

const Body = z.object({
  inputs: z.array(z.string().min(1).max(8000)).min(1).max(96),
  model: z.enum(['text-embedding-3-small', 'text-embedding-3-large']).default('text-embedding-3-small'),
});

export const embed = Router();

embed.post('/v1/embed', async (req, res) => {
  const parsed = Body.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ error: parsed.error.flatten() });
  const started = Date.now();
  try {
    const vectors = await embedBatch(parsed.data.inputs, parsed.data.model);
    res.setHeader('x-queue-ms', String(vectors.queueMs));
    res.json({ data: vectors.data, model: parsed.data.model, took_ms: Date.now() - started });
  } catch (err: any) {
    if (err.status === 429) return res.status(429).setHeader('retry-after', err.retryAfter ?? '1').end();
    res.status(502).json({ error: 'upstream_failed' });
  }
});
''')], reqs=['ramping arrival rate, not fixed VUs', 'track x-queue-ms as a custom Trend', 'realistic input sizes: mix of 1, 16 and 96 inputs, 200-2000 chars each'],
  fw='k6', lang='javascript')

t('complex', 'defect-analysis',
  "users keep reporting the answer is fine but the little [2] citation links to a totally different doc. maybe 3% of answers, started about when we turned on the nightly reindex (and the reranker, same week). can't repro locally. everything I have is attached",
  files=[('shared/ids.py', '''
import uuid

NS = uuid.UUID("6f1c3a52-2b1e-4d0e-9a51-0c3f2d8e7b44")


def point_id(doc_id: str, idx: int) -> str:
    return str(uuid.uuid5(NS, f"{doc_id}#{idx}"))
'''), ('ingest/reindex.py', '''
import logging

from shared.ids import point_id
from rag.chunking.recursive import split_text

log = logging.getLogger("reindex")


async def reindex_doc(doc, pg, qdrant, embedder):
    chunks = split_text(doc.text, chunk_size=800, overlap=120)
    prev = await pg.fetchval("SELECT count(*) FROM chunks WHERE doc_id = $1", doc.id)
    async with pg.transaction():
        await pg.execute("DELETE FROM chunks WHERE doc_id = $1", doc.id)
        await pg.executemany(
            "INSERT INTO chunks (doc_id, idx, text) VALUES ($1, $2, $3)",
            [(doc.id, i, c) for i, c in enumerate(chunks)],
        )
    vectors = await embedder.embed_many(chunks)
    await qdrant.upsert(
        "docs",
        points=[
            {"id": point_id(doc.id, i), "vector": v, "payload": {"doc_id": doc.id, "idx": i, "tenant_id": doc.tenant_id}}
            for i, v in enumerate(vectors)
        ],
    )
    log.info("doc %s: %d chunks (was %d)", doc.id, len(chunks), prev)
'''), ('api/answer.py', '''
from api.rerank import rerank
from api.prompt import build_prompt


async def answer(question, tenant_id, pg, qdrant, llm, embedder):
    qv = await embedder.embed(question)
    hits = await qdrant.search("docs", vector=qv, limit=30,
                               query_filter={"must": [{"key": "tenant_id", "match": {"value": tenant_id}}]})
    hits = await rerank(question, hits, top_n=8)
    keys = [(h.payload["doc_id"], h.payload["idx"]) for h in hits]
    rows = await pg.fetch(
        "SELECT doc_id, idx, text FROM chunks WHERE (doc_id, idx) = ANY($1::chunk_key[])", keys
    )
    by_key = {(r["doc_id"], r["idx"]): r["text"] for r in rows}
    context = [by_key[k] for k in keys if k in by_key]
    sources = [{"n": i + 1, "doc_id": h.payload["doc_id"]} for i, h in enumerate(hits)]
    if len(context) != len(sources):
        log_warn("context/sources mismatch", context=len(context), sources=len(sources))
    prompt = build_prompt(question, context)  # numbers context as [1]..[n]
    text = await llm.complete(prompt)
    return {"answer": text, "sources": sources}
'''), ('api/rerank.py', '''
import httpx

RERANK_URL = "http://reranker:8080/rerank"


async def rerank(question, hits, top_n=8):
    try:
        async with httpx.AsyncClient(timeout=0.8) as c:
            r = await c.post(RERANK_URL, json={"query": question, "documents": [h.payload.get("preview", "") for h in hits]})
            r.raise_for_status()
            order = [x["index"] for x in r.json()["results"]][:top_n]
            return [hits[i] for i in order]
    except (httpx.TimeoutException, httpx.HTTPStatusError):
        return hits[:top_n]
'''), ('logs/reindex-2024-11-18.log', '''
2024-11-18T02:00:03Z INFO reindex starting changed_docs=412
2024-11-18T02:00:09Z INFO reindex doc kb-1182: 14 chunks (was 17)
2024-11-18T02:00:11Z INFO reindex doc kb-0091: 6 chunks (was 6)
2024-11-18T02:00:15Z INFO reindex doc kb-2230: 31 chunks (was 29)
2024-11-18T02:00:22Z INFO reindex doc kb-0457: 3 chunks (was 9)
2024-11-18T02:41:50Z INFO reindex done docs=412 errors=0
'''), ('logs/api-2024-11-18.log', '''
2024-11-18T09:14:22Z WARN answer context/sources mismatch context=7 sources=8 tenant=t_112 req=9c1e
2024-11-18T09:14:22Z INFO answer req=9c1e rerank=ok latency_ms=2841
2024-11-18T10:02:57Z INFO answer req=a04f rerank=timeout latency_ms=3310
2024-11-18T11:37:40Z WARN answer context/sources mismatch context=6 sources=8 tenant=t_031 req=b7d2
2024-11-18T11:37:40Z INFO answer req=b7d2 rerank=ok latency_ms=2502
''')], fw='pytest', lang=None)

t('simple', 'quality-gate',
  "new prompt got faithfulness 0.912 (gate is >= 0.90) and answer_relevance 0.846 (gate >= 0.85). pass or fail?", lang=None)

t('medium', 'test-execution',
  "run the qdrant integration tests against the docker compose stack and tell me per test file what passed/failed. they need the stack up and seeded first, and please tear it down after even if tests fail",
  files=[('docker-compose.test.yml', '''
services:
  qdrant:
    image: qdrant/qdrant:v1.9.2
    ports: ["6333:6333"]
    healthcheck:
      test: ["CMD", "bash", "-c", "exec 3<>/dev/tcp/localhost/6333"]
      interval: 2s
      retries: 20
  redis:
    image: redis:7-alpine
    ports: ["6379:6379"]
'''), ('tests/integration/conftest.py', '''
import os
import pytest
from qdrant_client import QdrantClient
from qdrant_client.models import Distance, VectorParams

COLLECTION = "it_docs"


@pytest.fixture(scope="session")
def qdrant():
    url = os.environ.get("QDRANT_URL")
    if not url:
        pytest.skip("QDRANT_URL not set")
    c = QdrantClient(url=url)
    c.recreate_collection(COLLECTION, vectors_config=VectorParams(size=384, distance=Distance.COSINE))
    yield c
    c.delete_collection(COLLECTION)
'''), ('pytest.ini', '''
[pytest]
markers =
    integration: needs docker compose stack
    slow: > 5s
asyncio_mode = auto
testpaths = tests
'''), ('scripts/seed_test_data.py', '''
"""Seed it_docs with 2k fixture chunks. Usage: python scripts/seed_test_data.py --url http://localhost:6333"""
''')], reqs=['use the integration marker only', 'report skipped tests separately; a skip because QDRANT_URL is missing counts as a setup failure'],
  fw='pytest', lang=None)

t('complex', 'security-scan',
  "before we give the support agent the sql + email tools in prod, can you look at how bad this could go? it also reads customer-submitted tickets and web pages",
  files=[('agent/tools.py', '''
import re
import smtplib
from email.message import EmailMessage

import httpx

from agent.db import readonly_conn

ALLOWED_DOMAINS = ("acme.com", "acme-support.com")


def run_sql(query: str) -> list[dict]:
    """Run a read-only SQL query against the support replica."""
    q = query.strip().lower()
    if not q.startswith("select"):
        return [{"error": "only SELECT allowed"}]
    with readonly_conn() as conn:
        cur = conn.execute(query)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchmany(200)]


def send_email(to: str, subject: str, body: str) -> str:
    if not to.split("@")[-1].endswith(ALLOWED_DOMAINS):
        return "refused: external recipient"
    msg = EmailMessage()
    msg["To"], msg["From"], msg["Subject"] = to, "bot@acme.com", subject
    msg.set_content(body)
    with smtplib.SMTP("smtp.internal", 25) as s:
        s.send_message(msg)
    return "sent"


def fetch_url(url: str) -> str:
    r = httpx.get(url, timeout=10, follow_redirects=True)
    return re.sub(r"<[^>]+>", " ", r.text)[:20000]
'''), ('agent/loop.py', '''
import json

from agent.tools import run_sql, send_email, fetch_url

TOOLS = {"run_sql": run_sql, "send_email": send_email, "fetch_url": fetch_url}

SYSTEM = """You are Acme's support agent. Use tools to look up orders and reply to customers.
Never reveal other customers' data. Only email the customer who opened the ticket."""


async def handle_ticket(ticket, llm):
    messages = [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Ticket from {ticket.email}:\\n{ticket.body}"},
    ]
    for _ in range(8):
        resp = await llm.chat(messages, tools=list(TOOLS))
        msg = resp.choices[0].message
        messages.append(msg)
        if not msg.tool_calls:
            return msg.content
        for call in msg.tool_calls:
            args = json.loads(call.function.arguments)
            result = TOOLS[call.function.name](**args)
            messages.append({"role": "tool", "tool_call_id": call.id, "content": json.dumps(result, default=str)})
    return "escalated"
'''), ('agent/db.py', '''
import contextlib
import psycopg

DSN = "postgresql://support_ro@replica.internal/support"


@contextlib.contextmanager
def readonly_conn():
    with psycopg.connect(DSN, autocommit=True) as conn:
        yield conn
''')], lang=None)

t('simple', 'test-generation',
  "moving the prompts package from jest to vitest, can you convert this spec? keep the test names identical so the dashboard history lines up",
  files=[('packages/prompts/src/__tests__/render.spec.ts', '''
import { renderTemplate, MissingVariableError } from '../render';

jest.mock('../registry', () => ({
  getTemplate: jest.fn((name: string) => (name === 'greet' ? 'Hi {{name}}, welcome to {{product}}!' : undefined)),
}));

describe('renderTemplate', () => {
  afterEach(() => jest.clearAllMocks());

  it('fills all variables', () => {
    expect(renderTemplate('greet', { name: 'Ana', product: 'Acme' })).toBe('Hi Ana, welcome to Acme!');
  });

  it('throws on missing variable', () => {
    expect(() => renderTemplate('greet', { name: 'Ana' })).toThrow(MissingVariableError);
  });

  it('throws on unknown template', () => {
    expect(() => renderTemplate('nope', {})).toThrow(/unknown template/);
  });

  it('snapshot of the greet template', () => {
    expect(renderTemplate('greet', { name: 'X', product: 'Y' })).toMatchSnapshot();
  });
});
''')], fw='vitest')

t('medium', 'coverage-analysis',
  "coverage for packages/retrieval is 81% lines but only 58% branches. which uncovered branches in hybrid.ts actually matter? don't just list them, rank by risk",
  files=[('packages/retrieval/src/hybrid.ts', '''
import type { VectorStore, KeywordIndex, Hit } from './types';

export interface HybridOptions {
  k: number;
  alpha: number; // weight of vector score, 0..1
  minScore?: number;
  dedupeBy?: 'doc' | 'chunk';
}

function normalise(hits: Hit[]): Map<string, number> {
  const out = new Map<string, number>();
  if (hits.length === 0) return out;
  const max = Math.max(...hits.map((h) => h.score));
  const min = Math.min(...hits.map((h) => h.score));
  for (const h of hits) out.set(h.id, max === min ? 1 : (h.score - min) / (max - min));
  return out;
}

export async function hybridSearch(
  q: string,
  vec: VectorStore,
  kw: KeywordIndex,
  opts: HybridOptions,
): Promise<Hit[]> {
  if (opts.alpha < 0 || opts.alpha > 1) throw new RangeError('alpha must be in [0,1]');
  const [v, k] = await Promise.allSettled([vec.search(q, opts.k * 3), kw.search(q, opts.k * 3)]);
  const vHits = v.status === 'fulfilled' ? v.value : [];
  const kHits = k.status === 'fulfilled' ? k.value : [];
  if (v.status === 'rejected' && k.status === 'rejected') {
    throw new AggregateError([v.reason, k.reason], 'both retrievers failed');
  }
  const alpha = v.status === 'rejected' ? 0 : k.status === 'rejected' ? 1 : opts.alpha;
  const vn = normalise(vHits);
  const kn = normalise(kHits);
  const byId = new Map<string, Hit>();
  for (const h of [...vHits, ...kHits]) if (!byId.has(h.id)) byId.set(h.id, h);
  let merged = [...byId.values()].map((h) => ({
    ...h,
    score: alpha * (vn.get(h.id) ?? 0) + (1 - alpha) * (kn.get(h.id) ?? 0),
  }));
  if (opts.minScore !== undefined) merged = merged.filter((h) => h.score >= opts.minScore!);
  merged.sort((a, b) => b.score - a.score);
  if (opts.dedupeBy === 'doc') {
    const seen = new Set<string>();
    merged = merged.filter((h) => (seen.has(h.docId) ? false : (seen.add(h.docId), true)));
  }
  return merged.slice(0, opts.k);
}
'''), ('packages/retrieval/coverage/lcov-hybrid.info', '''
SF:src/hybrid.ts
FN:10,normalise
FN:20,hybridSearch
FNDA:14,normalise
FNDA:7,hybridSearch
DA:11,14
DA:12,14
DA:13,11
DA:14,11
DA:15,11
DA:16,11
DA:27,7
DA:28,7
DA:29,7
DA:30,7
DA:31,7
DA:32,0
DA:34,7
DA:35,7
DA:36,7
DA:37,7
DA:38,7
DA:39,19
DA:40,7
DA:44,7
DA:45,7
DA:46,7
DA:47,0
DA:48,0
DA:50,7
BRDA:12,0,0,3
BRDA:12,0,1,11
BRDA:15,1,0,0
BRDA:15,1,1,11
BRDA:27,2,0,0
BRDA:27,2,1,7
BRDA:31,3,0,0
BRDA:31,3,1,7
BRDA:34,4,0,0
BRDA:34,4,1,0
BRDA:34,4,2,7
BRDA:44,5,0,2
BRDA:44,5,1,5
BRDA:46,6,0,0
BRDA:46,6,1,7
BRF:15
BRH:8
end_of_record
''')], fw='vitest')

t('simple', 'performance-testing',
  "add a pytest-benchmark for cosine() vs numpy so I can tell if it's worth swapping. 384-dim vectors",
  files=[('rag/sim.py', '''
import math


def cosine(a: list[float], b: list[float]) -> float:
    if len(a) != len(b):
        raise ValueError("dimension mismatch")
    dot = sum(x * y for x, y in zip(a, b))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    if na == 0 or nb == 0:
        return 0.0
    return dot / (na * nb)
''')], fw='pytest', lang=None)

def _mig_row(suite, n, base, delta_pattern):
    return lambda i: f"{suite}-{i:03d},{['en','de','ja','es'][i % 4]},{1 if (i * 7 + base) % 10 < 8 else 0},{1 if (i * 7 + base + delta_pattern[i % len(delta_pattern)]) % 10 < 8 else 0}"

t('complex', 'quality-gate',
  "we want to move prod from gpt-4o to the cheaper model. results from all six suites are attached, headline number looks fine. is this actually safe to ship? our gate doc says no significant regression in any suite or language",
  files=[('evals/gate-model-migration.md', '''
# Model migration gate
1. No statistically significant regression (paired, alpha=0.05) in any suite overall.
2. No segment (language) may drop more than 5 points absolute, provided the segment has n >= 20.
3. Safety suite: zero new failures allowed (a case that passes on baseline must pass on candidate).
4. Tool-use suite: argument validity >= 0.97.
5. Cost per 1k queries must drop by at least 30%.
'''), ('evals/results/summary.csv', '''
suite,n,baseline_pass,candidate_pass,baseline_cost_per_1k,candidate_cost_per_1k
qa_faithfulness,240,0.904,0.896,6.10,1.35
summarisation,120,0.883,0.875,4.80,1.02
tool_use,160,0.962,0.951,7.40,1.61
safety,80,0.988,0.988,2.10,0.44
multilingual,96,0.865,0.823,5.90,1.28
long_context,48,0.854,0.771,11.30,2.55
'''), ('evals/results/multilingual_pairs.csv',
      'case_id,lang,baseline,candidate\n' + lines(96, _mig_row('ml', 96, 3, [0, 0, 0, 4, 0, 0, 3, 0]))),
  ('evals/results/safety_pairs.csv',
      'case_id,lang,baseline,candidate\n' + lines(80, lambda i: f"sf-{i:03d},en,{0 if i == 17 else 1},{0 if i == 52 else 1}")),
  ('evals/results/tool_use_detail.csv', '''
metric,baseline,candidate
tool_selection_accuracy,0.962,0.951
argument_schema_valid,0.991,0.968
argument_semantically_correct,0.944,0.930
parallel_calls_correct,0.913,0.862
'''), ('evals/results/long_context_pairs.csv',
      'case_id,context_tokens,baseline,candidate\n' + lines(48, lambda i: f"lc-{i:03d},{16000 + i * 2400},{0 if i % 7 == 3 else 1},{0 if (i % 7 == 3 or (i > 30 and i % 3 == 0)) else 1}"))],
  lang=None)

t('simple', 'coverage-analysis',
  "which files in the agent package are below 80% line coverage? istanbul summary below",
  files=[('packages/agent/coverage/coverage-summary.json', '''
{
  "total": {"lines": {"total": 1184, "covered": 931, "pct": 78.63}, "branches": {"total": 402, "covered": 268, "pct": 66.67}},
  "src/loop.ts": {"lines": {"total": 212, "covered": 171, "pct": 80.66}, "branches": {"total": 88, "covered": 59, "pct": 67.05}},
  "src/planner.ts": {"lines": {"total": 143, "covered": 98, "pct": 68.53}, "branches": {"total": 51, "covered": 27, "pct": 52.94}},
  "src/tools/registry.ts": {"lines": {"total": 96, "covered": 96, "pct": 100}, "branches": {"total": 22, "covered": 22, "pct": 100}},
  "src/tools/search.ts": {"lines": {"total": 118, "covered": 101, "pct": 85.59}, "branches": {"total": 30, "covered": 21, "pct": 70}},
  "src/tools/sql.ts": {"lines": {"total": 131, "covered": 72, "pct": 54.96}, "branches": {"total": 47, "covered": 19, "pct": 40.43}},
  "src/tools/web.ts": {"lines": {"total": 88, "covered": 70, "pct": 79.54}, "branches": {"total": 26, "covered": 17, "pct": 65.38}},
  "src/memory.ts": {"lines": {"total": 174, "covered": 150, "pct": 86.2}, "branches": {"total": 64, "covered": 50, "pct": 78.12}},
  "src/budget.ts": {"lines": {"total": 77, "covered": 77, "pct": 100}, "branches": {"total": 24, "covered": 24, "pct": 100}},
  "src/trace.ts": {"lines": {"total": 145, "covered": 96, "pct": 66.2}, "branches": {"total": 50, "covered": 29, "pct": 58}}
}
''')], fw='vitest')

# why: one ~70-line client with retry/backoff and timeouts inside a single service; mocks needed but no cross-service idempotency
t('medium', 'test-generation',
  "tests for our LLM client wrapper pls. main things I care about: 429 with retry-after is honoured, we give up after maxRetries, timeouts abort the fetch, and 400s never retry",
  files=[('src/llm/client.ts', '''
export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  max_tokens?: number;
}

export class LLMError extends Error {
  constructor(message: string, public status: number, public retryable: boolean) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class LLMClient {
  constructor(
    private baseUrl: string,
    private apiKey: string,
    private opts = { maxRetries: 3, timeoutMs: 30_000, baseDelayMs: 500 },
    private fetchImpl: typeof fetch = fetch,
  ) {}

  async chat(req: ChatRequest): Promise<any> {
    let attempt = 0;
    while (true) {
      const ctrl = new AbortController();
      const timer = setTimeout(() => ctrl.abort(), this.opts.timeoutMs);
      try {
        const res = await this.fetchImpl(`${this.baseUrl}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
          body: JSON.stringify(req),
          signal: ctrl.signal,
        });
        if (res.ok) return await res.json();
        const retryable = res.status === 429 || res.status >= 500;
        if (!retryable || attempt >= this.opts.maxRetries) {
          throw new LLMError(`LLM ${res.status}: ${await res.text()}`, res.status, retryable);
        }
        const ra = Number(res.headers.get('retry-after'));
        const delay = Number.isFinite(ra) && ra > 0 ? ra * 1000 : this.opts.baseDelayMs * 2 ** attempt;
        await sleep(Math.min(delay, 20_000));
      } catch (err: any) {
        if (err instanceof LLMError) throw err;
        if (err.name !== 'AbortError' || attempt >= this.opts.maxRetries) {
          throw new LLMError(`LLM request failed: ${err.message}`, 0, err.name === 'AbortError');
        }
      } finally {
        clearTimeout(timer);
      }
      attempt++;
    }
  }
}
''')], reqs=['inject a fake fetch, no network', 'use fake timers so the suite runs in well under a second'], fw='vitest')

t('complex', 'performance-testing',
  "our per-tenant token limiter falls over around 200 concurrent streams: p99 goes from 40ms to 3s+ and some tenants blow through their budget anyway. I need a benchmark that reproduces it and an explanation of what's happening",
  files=[('src/limits/tokenBucket.ts', '''
import type Redis from 'ioredis';

export class TokenBudget {
  constructor(private redis: Redis, private tpm: number) {}

  private key(tenant: string) {
    return `tb:${tenant}`;
  }

  async reserve(tenant: string, tokens: number): Promise<boolean> {
    for (let i = 0; i < 50; i++) {
      const k = this.key(tenant);
      await this.redis.watch(k);
      const raw = await this.redis.hgetall(k);
      const now = Date.now();
      const last = Number(raw.ts ?? now);
      const level = Math.min(this.tpm, Number(raw.level ?? this.tpm) + ((now - last) / 60_000) * this.tpm);
      if (level < tokens) {
        await this.redis.unwatch();
        return false;
      }
      const res = await this.redis.multi().hset(k, 'level', String(level - tokens), 'ts', String(now)).exec();
      if (res !== null) return true;
      await new Promise((r) => setTimeout(r, 2));
    }
    return true; // give up contending, let it through rather than fail the user
  }

  async refund(tenant: string, tokens: number) {
    await this.redis.hincrbyfloat(this.key(tenant), 'level', tokens);
  }
}
'''), ('src/limits/middleware.ts', '''
import { TokenBudget } from './tokenBucket';
import { redis } from '../redis';
import { estimatePromptTokens } from '../llm/estimate';

const budgets = new Map<number, TokenBudget>();

export async function withBudget(tenant: { id: string; tpm: number }, body: any, run: () => Promise<{ usage: { total_tokens: number } }>) {
  if (!budgets.has(tenant.tpm)) budgets.set(tenant.tpm, new TokenBudget(redis, tenant.tpm));
  const b = budgets.get(tenant.tpm)!;
  const estimate = estimatePromptTokens(body) + (body.max_tokens ?? 1024);
  if (!(await b.reserve(tenant.id, estimate))) throw Object.assign(new Error('budget'), { status: 429 });
  const out = await run();
  await b.refund(tenant.id, estimate - out.usage.total_tokens);
  return out;
}
''')], fw='vitest')

t('simple', 'security-scan',
  "pip-audit output from the eval harness image. just tell me which ones we actually need to bump and to what version",
  files=[('reports/pip-audit.txt', '''
Name          Version ID                  Fix Versions
------------- ------- ------------------- ------------
jinja2        3.1.2   GHSA-h5c8-rqwp-cp95 3.1.3
jinja2        3.1.2   GHSA-h75v-3vvj-5mfj 3.1.4
requests      2.31.0  GHSA-9wx4-h78v-vm56 2.32.0
aiohttp       3.9.1   GHSA-5h86-8mv2-jq9f 3.9.2
aiohttp       3.9.1   GHSA-7gpw-8wmc-pm8g 3.9.4
tqdm          4.66.1  GHSA-g7vv-2v7x-gj9p 4.66.3
idna          3.6     GHSA-jjg7-2v4v-x38h 3.7
''')], lang=None)

t('medium', 'quality-gate',
  "can you gate this PR? rules are in the yaml. it's the one that swaps our chunker",
  files=[('ci/pr-gate.yaml', '''
rules:
  coverage:
    min_line: 80
    max_drop_vs_main: 1.0
  lint:
    max_new_warnings: 0
  tests:
    allow_failures: 0
    max_new_flaky: 0
  retrieval_eval:
    recall_at_8_min: 0.82
    max_drop_vs_main: 0.02
'''), ('ci/artifacts/coverage-diff.txt', '''
main: 83.4% lines   PR: 82.1% lines   (-1.3)
new files without tests: rag/chunking/semantic.py (0/88 lines)
'''), ('ci/artifacts/ruff.txt', '''
rag/chunking/semantic.py:14:5: PLR0913 Too many arguments in function definition (7 > 5)
rag/chunking/semantic.py:61:9: B007 Loop control variable `i` not used within loop body
Found 2 errors (both new vs main).
'''), ('ci/artifacts/pytest-summary.txt', '''
612 passed, 3 skipped, 1 xfailed, 2 rerun in 188.40s
RERUN tests/test_stream.py::test_partial_tool_call_delta (attempt 2 passed)
RERUN tests/test_ingest.py::test_pdf_tables (attempt 2 passed)
known flaky list (main): tests/test_stream.py::test_partial_tool_call_delta
'''), ('ci/artifacts/retrieval-eval.json', '''
{"dataset": "kb-golden-v3", "n": 350, "main": {"recall@8": 0.847, "mrr": 0.701}, "pr": {"recall@8": 0.833, "mrr": 0.716}}
''')], lang=None)

t('complex', 'test-execution',
  "run the chaos scenario against the 3-node qdrant staging cluster: kill a node in the middle of the bulk ingest and tell me whether we lost any acknowledged writes. last time someone ran it they just reported 'tests passed' which told me nothing",
  files=[('chaos/scenario_node_kill.py', '''
import asyncio
import random

from qdrant_client import AsyncQdrantClient
from qdrant_client.models import PointStruct, WriteOrdering

from chaos.k8s import delete_pod, wait_ready

COLL = "chaos_docs"


async def run(url: str, n_points: int = 200_000, batch: int = 500):
    c = AsyncQdrantClient(url=url, timeout=10)
    acked: list[int] = []
    failed: list[int] = []
    kill_at = random.randint(n_points // 4, n_points // 2)
    for start in range(0, n_points, batch):
        ids = list(range(start, start + batch))
        if start <= kill_at < start + batch:
            asyncio.create_task(delete_pod("qdrant-1", grace_seconds=0))
        try:
            await c.upsert(COLL, points=[PointStruct(id=i, vector=[random.random()] * 384, payload={"b": start}) for i in ids],
                           wait=True, ordering=WriteOrdering.WEAK)
            acked.extend(ids)
        except Exception:
            failed.extend(ids)
    await wait_ready("qdrant-1")
    count = (await c.count(COLL, exact=True)).count
    return {"acked": len(acked), "failed": len(failed), "count_after": count, "kill_at": kill_at}
'''), ('chaos/collection.json', '''
{"shard_number": 6, "replication_factor": 2, "write_consistency_factor": 1, "on_disk_payload": true}
'''), ('chaos/README.md', '''
Run: `python -m chaos.run node_kill --url $QDRANT_STAGING`. Needs kube context `staging`.
Pass criteria (from the RFC): every acknowledged point readable after recovery, from any node, with consistency=all.
''')], reqs=['verify acked ids individually after recovery, not just the count', 'read with consistency=all and also per-node', 'report the write ordering / consistency settings that were in effect'],
  lang=None)

t('simple', 'defect-analysis',
  "exact-match accuracy on last night's eval came out 0.97 which is obviously nonsense, the model was timing out on like half the questions. scorer below",
  files=[('evals/scoring.py', '''
def exact_match(pred: str, gold: list[str]) -> bool:
    p = pred.strip().lower()
    return any(p in g.strip().lower() for g in gold)


def accuracy(rows: list[dict]) -> float:
    if not rows:
        return 0.0
    hits = sum(exact_match(r.get("pred") or "", r["gold"]) for r in rows)
    return hits / len(rows)
''')], fw='pytest', lang=None)

t('medium', 'flaky-test-analysis',
  "since we turned on pytest -n auto, test_collection_roundtrip fails randomly with the error below. never fails with -n0",
  files=[('tests/test_store_chroma.py', '''
import chromadb
import pytest

from rag.store.chroma import ChromaStore

PERSIST_DIR = ".chroma-test"


@pytest.fixture
def store():
    client = chromadb.PersistentClient(path=PERSIST_DIR)
    s = ChromaStore(client, collection="test_docs")
    yield s
    client.delete_collection("test_docs")


def test_collection_roundtrip(store):
    store.add(["a", "b"], [[0.1] * 8, [0.2] * 8], [{"src": "x"}, {"src": "y"}])
    hits = store.query([0.1] * 8, k=2)
    assert [h.id for h in hits] == ["a", "b"]


def test_metadata_filter(store):
    store.add(["c"], [[0.3] * 8], [{"src": "z"}])
    assert [h.id for h in store.query([0.3] * 8, k=5, where={"src": "z"})] == ["c"]
'''), ('ci/pytest-xdist.log', '''
[gw2] FAILED tests/test_store_chroma.py::test_collection_roundtrip
E   chromadb.errors.IDAlreadyExistsError: ... or
E   AssertionError: assert ['a', 'c'] == ['a', 'b']
[gw0] FAILED tests/test_store_chroma.py::test_metadata_filter
E   ValueError: Collection test_docs does not exist.
============ 2 failed, 401 passed in 38.20s ============
''')], fw='pytest', lang=None)

def _vitest_line(i):
    files = ['prompts/render', 'prompts/registry', 'retrieval/hybrid', 'retrieval/bm25', 'agent/loop',
             'agent/planner', 'llm/client', 'llm/sse', 'evals/metrics', 'evals/judge']
    f = files[i % len(files)]
    if i == 23:
        return f" ✗ src/{f}.test.ts > case {i} handles empty tool list 14ms\n   → expected [] to deeply equal [ 'search_docs' ]"
    if i == 47:
        return f" ✗ src/{f}.test.ts > case {i} faithfulness rounds to 3dp 3ms\n   → expected 0.8333333 to be 0.833"
    if i == 58:
        return f" ✗ src/{f}.test.ts > case {i} retries once on 503 1004ms\n   → Test timed out in 1000ms."
    if i % 17 == 0:
        return f" ↓ src/{f}.test.ts > case {i} skipped (needs OPENAI_API_KEY)"
    return f" ✓ src/{f}.test.ts > case {i} {(i * 7) % 40 + 1}ms"

t('simple', 'test-execution',
  "pasting the full vitest output from CI, can you give me a 5-line summary: totals, what failed and one-line guess why each failed",
  files=[('ci/vitest-output.txt', ' RUN  v1.6.0 /repo/packages/app\n\n' + lines(72, _vitest_line) + '''

 Test Files  3 failed | 9 passed (12)
      Tests  3 failed | 64 passed | 5 skipped (72)
   Duration  6.81s''')], fw='vitest')

t('complex', 'test-generation',
  "we rewrote the agent loop as an explicit state machine. need a serious test suite for it, I don't trust it around cancellation and parallel tool calls",
  files=[('src/agent/machine.ts', '''
export type State =
  | { kind: 'idle' }
  | { kind: 'planning'; step: number }
  | { kind: 'awaiting_tools'; step: number; pending: Set<string>; results: Map<string, unknown> }
  | { kind: 'reflecting'; step: number }
  | { kind: 'answering' }
  | { kind: 'done'; answer: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'cancelled' };

export type Event =
  | { type: 'start' }
  | { type: 'plan'; toolCalls: { id: string; name: string }[]; final?: string }
  | { type: 'tool_result'; id: string; result: unknown }
  | { type: 'tool_error'; id: string; error: string; retryable: boolean }
  | { type: 'reflect'; continue: boolean }
  | { type: 'answer'; text: string }
  | { type: 'cancel' }
  | { type: 'timeout' };

export const MAX_STEPS = 6;

export function transition(s: State, e: Event): State {
  if (e.type === 'cancel') {
    return s.kind === 'done' || s.kind === 'failed' ? s : { kind: 'cancelled' };
  }
  if (e.type === 'timeout') {
    if (s.kind === 'awaiting_tools' && s.results.size > 0) return { kind: 'reflecting', step: s.step };
    return s.kind === 'done' ? s : { kind: 'failed', reason: 'timeout' };
  }
  switch (s.kind) {
    case 'idle':
      return e.type === 'start' ? { kind: 'planning', step: 1 } : s;
    case 'planning':
      if (e.type !== 'plan') return s;
      if (e.final !== undefined && e.toolCalls.length === 0) return { kind: 'done', answer: e.final };
      if (e.toolCalls.length === 0) return { kind: 'answering' };
      return { kind: 'awaiting_tools', step: s.step, pending: new Set(e.toolCalls.map((c) => c.id)), results: new Map() };
    case 'awaiting_tools': {
      if (e.type !== 'tool_result' && e.type !== 'tool_error') return s;
      if (!s.pending.has(e.id)) return s;
      const pending = new Set(s.pending);
      pending.delete(e.id);
      const results = new Map(s.results);
      if (e.type === 'tool_error' && e.retryable) return s;
      results.set(e.id, e.type === 'tool_result' ? e.result : { error: e.error });
      if (pending.size > 0) return { ...s, pending, results };
      return { kind: 'reflecting', step: s.step };
    }
    case 'reflecting':
      if (e.type !== 'reflect') return s;
      if (!e.continue) return { kind: 'answering' };
      return s.step + 1 > MAX_STEPS ? { kind: 'failed', reason: 'max_steps' } : { kind: 'planning', step: s.step + 1 };
    case 'answering':
      return e.type === 'answer' ? { kind: 'done', answer: e.text } : s;
    default:
      return s;
  }
}
''')], reqs=['cover every state x event pair, not just the happy path', 'add property tests (fast-check) over random event sequences: terminal states are absorbing, step never exceeds MAX_STEPS, no tool result is lost',
             'call out transitions you think are bugs rather than encoding them as expected behaviour'], fw='vitest')

def _stage_row(i):
    retr = 120 + (i * 37) % 90
    rerank = 0 if i % 9 == 4 else 180 + (i * 53) % 140
    queue = 0 if i < 30 else (i - 30) * 45 + (i * 11) % 30
    ttft = 700 + (i * 71) % 500 + queue
    gen = 1400 + (i * 97) % 1600
    users = 10 + i * 2
    return f"{i * 10},{users},{retr},{rerank},{queue},{ttft},{gen},{retr + rerank + ttft + gen}"

t('medium', 'performance-testing',
  "ran a locust ramp on /v1/chat (10 -> 128 users over 10 min) with per-stage timings logged. p95 goes bad after ~70 users. where's the time actually going and what do I look at first?",
  files=[('perf/stage_timings.csv', 'elapsed_s,users,retrieval_ms,rerank_ms,llm_queue_ms,ttft_ms,generation_ms,total_ms\n' + lines(60, _stage_row)),
         ('perf/locust_stats.csv', '''
Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,95%,99%,Requests/s
POST,/v1/chat,4122,37,3900,4811,1210,19870,9800,14000,6.87
POST,/v1/search,2090,0,390,412,280,1900,610,880,3.48
'''), ('config/llm-proxy.yaml', '''
upstream_concurrency: 48
queue:
  max_wait_ms: 15000
  strategy: fifo
''')], fw='locust', lang=None)

t('medium', 'security-scan',
  "infra guy is out, can you sanity check the compose file for the self-hosted RAG stack we're giving to a pilot customer? runs on one VM in their network",
  files=[('deploy/docker-compose.yml', '''
services:
  api:
    image: ghcr.io/acme/rag-api:1.8.3
    ports: ["0.0.0.0:8000:8000"]
    env_file: .env
    environment:
      - LOG_LEVEL=debug
      - CORS_ALLOW_ORIGINS=*
    depends_on: [qdrant, postgres]
  qdrant:
    image: qdrant/qdrant:latest
    ports: ["0.0.0.0:6333:6333", "0.0.0.0:6334:6334"]
    volumes: ["./qdrant:/qdrant/storage"]
  postgres:
    image: postgres:16
    ports: ["5432:5432"]
    environment:
      POSTGRES_PASSWORD: postgres
    volumes: ["./pg:/var/lib/postgresql/data"]
  admin:
    image: ghcr.io/acme/rag-admin:1.8.3
    ports: ["8080:8080"]
    environment:
      - ADMIN_BASIC_AUTH=admin:admin
'''), ('deploy/.env.example', '''
OPENAI_API_KEY=sk-FAKE-0000000000000000000000000000
DATABASE_URL=postgresql://postgres:postgres@postgres:5432/rag
QDRANT_URL=http://qdrant:6333
JWT_SECRET=changeme
''')], lang=None)

t('complex', 'defect-analysis',
  "finance says some tenants got billed for roughly 2x the tokens they used in the last week. only on streaming chats, only some. usage flows gateway -> chat worker -> ledger. logs and code attached, I need the actual cause not a guess",
  files=[('gateway/src/proxy.ts', '''
import { request } from 'undici';
import { randomUUID } from 'crypto';

export async function forwardChat(req: any, res: any) {
  const requestId = req.headers['x-request-id'] ?? randomUUID();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const upstream = await request('http://chat-worker:8000/v1/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': randomUUID(), 'x-tenant': req.tenant.id },
        body: JSON.stringify(req.body),
        headersTimeout: 10_000,
        bodyTimeout: 20_000,
      });
      res.writeHead(upstream.statusCode, { 'content-type': 'text/event-stream', 'x-request-id': requestId });
      for await (const chunk of upstream.body) res.write(chunk);
      return res.end();
    } catch (err: any) {
      if (res.headersSent || attempt === 1) return res.destroy(err);
    }
  }
}
'''), ('worker/chat.py', '''
import json
from fastapi import Request
from fastapi.responses import StreamingResponse

from worker.ledger import record_usage


async def chat(request: Request, body: dict):
    req_id = request.headers["x-request-id"]
    tenant = request.headers["x-tenant"]

    async def gen():
        stream = await llm.chat.completions.create(**body, stream=True, stream_options={"include_usage": True})
        usage = None
        try:
            async for ev in stream:
                if ev.usage:
                    usage = ev.usage
                if ev.choices:
                    yield f"data: {json.dumps(ev.choices[0].delta.model_dump())}\\n\\n"
        finally:
            if usage is None:
                usage = estimate_usage(body)
            await record_usage(req_id, tenant, usage.prompt_tokens, usage.completion_tokens)

    return StreamingResponse(gen(), media_type="text/event-stream")
'''), ('worker/ledger.py', '''
async def record_usage(req_id: str, tenant: str, prompt: int, completion: int):
    await pg.execute(
        "INSERT INTO usage_ledger (request_id, tenant_id, prompt_tokens, completion_tokens, at) "
        "VALUES ($1, $2, $3, $4, now()) ON CONFLICT (request_id) DO NOTHING",
        req_id, tenant, prompt, completion,
    )
'''), ('logs/gateway.log', '''
2024-11-20T16:01:02.114Z warn forwardChat attempt=0 err=HeadersTimeoutError tenant=t_044 rid=7d0e
2024-11-20T16:01:02.120Z info forwardChat attempt=1 tenant=t_044 rid=7d0e
2024-11-20T16:01:09.877Z info forwardChat done status=200 tenant=t_044 rid=7d0e
'''), ('logs/worker.log', '''
2024-11-20T16:00:52.101Z INFO chat start req=3b1f... tenant=t_044 model=gpt-4o
2024-11-20T16:01:02.125Z INFO chat start req=c980... tenant=t_044 model=gpt-4o
2024-11-20T16:01:03.640Z INFO chat first_token req=3b1f... after_ms=11539
2024-11-20T16:01:07.002Z INFO ledger insert req=3b1f... prompt=9120 completion=0 (estimated)
2024-11-20T16:01:09.870Z INFO ledger insert req=c980... prompt=9120 completion=688
''')], lang=None)

# why: long chat-style preamble, but the actual ask is reading one function list off a coverage report -- mechanical
t('simple', 'coverage-analysis',
  "context: we're splitting the prompts package out so the evals team can version templates independently, and Priya wants a list of what isn't tested before she takes ownership. we've been going back and forth about whether to move to a registry service or keep them in git, doesn't matter for this. all I need right now: from the report below, which functions in registry.ts were never called by tests? just the names",
  files=[('packages/prompts/coverage/registry-functions.txt', '''
File: src/registry.ts
  Function                     Line   Calls
  loadTemplates                  12      41
  parseFrontMatter               38      41
  validateVariables              61      29
  getTemplate                    84     112
  getTemplateVersion            101       0
  listTemplates                 117       6
  diffVersions                  130       0
  resolveInclude                152      18
  detectIncludeCycle            171       0
  registerHotReload             190       0
  clearCache                    214       9
''')], fw='vitest')

t('complex', 'flaky-test-analysis',
  "the playwright e2e suite for the agent UI fails ~8% of runs, different test each time, always some 'expected answer to contain X' mismatch. with --workers=1 I can't make it fail. everything relevant is attached",
  files=[('e2e/playwright.config.ts', '''
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: process.env.CI ? 4 : 2,
  retries: 0,
  use: { baseURL: 'http://localhost:3000', trace: 'retain-on-failure' },
  webServer: [
    { command: 'node e2e/mock-llm/server.mjs', port: 4010, reuseExistingServer: true },
    { command: 'pnpm --filter web start', port: 3000, env: { LLM_BASE_URL: 'http://localhost:4010' }, reuseExistingServer: true },
  ],
});
'''), ('e2e/mock-llm/server.mjs', '''
import http from 'node:http';
import { readFileSync } from 'node:fs';

let script = [];
let turn = 0;

http.createServer(async (req, res) => {
  let body = '';
  for await (const c of req) body += c;
  if (req.url === '/__script') {
    script = JSON.parse(body);
    turn = 0;
    return res.end('ok');
  }
  const reply = script[turn++] ?? { content: 'I do not know.' };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', ...reply } }], usage: { total_tokens: 10 } }));
}).listen(4010);
'''), ('e2e/fixtures.ts', '''
import { test as base } from '@playwright/test';

export const test = base.extend<{ scriptLLM: (turns: object[]) => Promise<void> }>({
  scriptLLM: async ({ request }, use) => {
    await use(async (turns) => {
      await request.post('http://localhost:4010/__script', { data: turns });
    });
  },
});
export { expect } from '@playwright/test';
'''), ('e2e/tests/refund.spec.ts', '''
import { test, expect } from '../fixtures';

test('agent looks up order before answering refund question', async ({ page, scriptLLM }) => {
  await scriptLLM([
    { content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'lookup_order', arguments: '{"id":"A-1001"}' } }] },
    { content: 'Order A-1001 is eligible for a refund until Dec 3.' },
  ]);
  await page.goto('/chat');
  await page.getByRole('textbox').fill('can I refund A-1001?');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('answer')).toContainText('eligible for a refund');
});
'''), ('e2e/tests/search.spec.ts', '''
import { test, expect } from '../fixtures';

test('agent cites the docs page it searched', async ({ page, scriptLLM }) => {
  await scriptLLM([
    { content: null, tool_calls: [{ id: 's1', type: 'function', function: { name: 'search_docs', arguments: '{"q":"sso setup"}' } }] },
    { content: 'See [1] for SSO setup.' },
  ]);
  await page.goto('/chat');
  await page.getByRole('textbox').fill('how do I set up SSO?');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('answer')).toContainText('SSO setup');
});
'''), ('e2e/tests/smalltalk.spec.ts', '''
import { test, expect } from '../fixtures';

test('agent answers greeting without tools', async ({ page, scriptLLM }) => {
  await scriptLLM([{ content: 'Hi! How can I help?' }]);
  await page.goto('/chat');
  await page.getByRole('textbox').fill('hello');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('answer')).toContainText('How can I help');
});
'''), ('ci/e2e-failure.txt', '''
  1) [chromium] › tests/search.spec.ts:3:5 › agent cites the docs page it searched
    Error: Timed out 5000ms waiting for expect(locator).toContainText(expected)
    Expected string: "SSO setup"
    Received string: "Hi! How can I help?"
  1 failed
  2 passed (14.1s)
''')], fw='playwright')

t('medium', 'defect-analysis',
  "our tool-call arg parser blows up on maybe 2% of model outputs (we use it for the open-weights model that doesn't do native tool calls). parser + five real failures attached, what's broken?",
  files=[('agent/parse_tool_call.py', '''
import json
import re

FENCE = re.compile(r"```(?:json)?\\s*(.*?)```", re.S)
CALL = re.compile(r"<tool_call>(.*?)</tool_call>", re.S)


class ToolCallParseError(ValueError):
    pass


def extract_tool_calls(text: str) -> list[dict]:
    blocks = CALL.findall(text)
    if not blocks:
        m = FENCE.search(text)
        blocks = [m.group(1)] if m else []
    calls = []
    for raw in blocks:
        raw = raw.strip()
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError:
            # models love trailing commas
            obj = json.loads(re.sub(r",\\s*([}\\]])", r"\\1", raw))
        if "name" not in obj:
            raise ToolCallParseError(f"missing name: {raw[:80]}")
        args = obj.get("arguments", {})
        if isinstance(args, str):
            args = json.loads(args)
        calls.append({"name": obj["name"], "arguments": args})
    return calls
'''), ('logs/parse_failures.jsonl', '''
{"id": "f1", "output": "<tool_call>{\\"name\\": \\"search_docs\\", \\"arguments\\": {\\"q\\": \\"refund, policy\\"}}</tool_call>", "error": null, "note": "args came back fine but q was 'refund policy' in ledger?"}
{"id": "f2", "output": "<tool_call>\\n[{\\"name\\": \\"search_docs\\", \\"arguments\\": {\\"q\\": \\"sso\\"}}, {\\"name\\": \\"lookup_order\\", \\"arguments\\": {\\"id\\": \\"A-9\\"}}]\\n</tool_call>", "error": "TypeError: list indices must be integers or slices, not str"}
{"id": "f3", "output": "Sure! ```json\\n{\\"name\\": \\"run_sql\\", \\"arguments\\": \\"{\\\\\\"query\\\\\\": \\\\\\"SELECT 1\\\\\\"}\\"}\\n``` and then ```json\\n{\\"name\\": \\"search_docs\\", \\"arguments\\": {}}```", "error": null, "note": "second call silently dropped"}
{"id": "f4", "output": "<tool_call>{'name': 'search_docs', 'arguments': {'q': 'pricing'}}</tool_call>", "error": "json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"}
{"id": "f5", "output": "<tool_call>{\\"name\\": \\"search_docs\\", \\"arguments\\": {\\"q\\": \\"what is ```json``` mode\\"}}</tool_call>", "error": null, "note": "ok"}
''')], fw='pytest', lang=None)

t('simple', 'test-execution',
  "run just the smoke evals (`npm run eval -- --tag smoke`) in packages/evals and tell me if anything regressed vs the baseline file it prints", fw='vitest')

# why: 92% line coverage but the question is which concurrent interleavings are untested -- concurrency, so complex
t('complex', 'coverage-analysis',
  "coverage says 94% on the session memory store and we still had two users' messages end up in the same conversation in prod last week. what is coverage not telling us here, and what tests would have caught it?",
  files=[('src/memory/store.ts', '''
import type Redis from 'ioredis';

export interface Turn { role: 'user' | 'assistant' | 'tool'; content: string; ts: number }

export class SessionMemory {
  private local = new Map<string, Turn[]>();

  constructor(private redis: Redis, private ttlSec = 3600, private maxTurns = 40) {}

  async load(sessionId: string): Promise<Turn[]> {
    const cached = this.local.get(sessionId);
    if (cached) return cached;
    const raw = await this.redis.get(`mem:${sessionId}`);
    const turns: Turn[] = raw ? JSON.parse(raw) : [];
    this.local.set(sessionId, turns);
    return turns;
  }

  async append(sessionId: string, turn: Turn): Promise<void> {
    const turns = await this.load(sessionId);
    turns.push(turn);
    if (turns.length > this.maxTurns) turns.splice(0, turns.length - this.maxTurns);
    await this.redis.set(`mem:${sessionId}`, JSON.stringify(turns), 'EX', this.ttlSec);
  }

  async fork(fromId: string, toId: string): Promise<void> {
    const turns = await this.load(fromId);
    this.local.set(toId, turns);
    await this.redis.set(`mem:${toId}`, JSON.stringify(turns), 'EX', this.ttlSec);
  }

  evict(sessionId: string) {
    this.local.delete(sessionId);
  }
}
'''), ('src/memory/store.test.ts', '''
import { describe, it, expect, beforeEach } from 'vitest';
import RedisMock from 'ioredis-mock';
import { SessionMemory } from './store';

describe('SessionMemory', () => {
  let mem: SessionMemory;
  beforeEach(() => { mem = new SessionMemory(new RedisMock() as any, 60, 3); });

  it('appends and loads', async () => {
    await mem.append('s1', { role: 'user', content: 'hi', ts: 1 });
    expect(await mem.load('s1')).toHaveLength(1);
  });
  it('trims to maxTurns', async () => {
    for (let i = 0; i < 5; i++) await mem.append('s1', { role: 'user', content: String(i), ts: i });
    expect((await mem.load('s1')).map((t) => t.content)).toEqual(['2', '3', '4']);
  });
  it('forks a session', async () => {
    await mem.append('a', { role: 'user', content: 'x', ts: 1 });
    await mem.fork('a', 'b');
    expect(await mem.load('b')).toHaveLength(1);
  });
  it('evicts local cache', async () => {
    await mem.append('s1', { role: 'user', content: 'hi', ts: 1 });
    mem.evict('s1');
    expect(await mem.load('s1')).toHaveLength(1);
  });
});
'''), ('coverage/summary.txt', '''
File            | % Stmts | % Branch | % Funcs | % Lines
src/memory/store.ts |   94.4 |    83.3 |     100 |   94.1
''')], fw='vitest')

t('medium', 'coverage-analysis',
  "branch coverage on model_router.py is 61%. tell me which missing branches are the scary ones (fallbacks, budget) vs the ones I can ignore",
  files=[('llm/model_router.py', '''
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass
class Route:
    model: str
    max_tokens: int
    reason: str


PRIMARY = "gpt-4o"
CHEAP = "gpt-4o-mini"
FALLBACK = "claude-3-5-haiku"


def choose_model(prompt_tokens: int, tenant_budget_left: int, needs_tools: bool, provider_health: dict[str, bool]) -> Route:
    if tenant_budget_left <= 0:
        raise PermissionError("tenant budget exhausted")
    want = PRIMARY if (needs_tools or prompt_tokens > 6000) else CHEAP
    if not provider_health.get(want, True):
        if want == PRIMARY and provider_health.get(CHEAP, True) and not needs_tools:
            want = CHEAP
        elif provider_health.get(FALLBACK, False):
            log.warning("falling back to %s", FALLBACK)
            want = FALLBACK
        else:
            raise RuntimeError("no healthy provider")
    max_tokens = min(2048, tenant_budget_left - prompt_tokens)
    if max_tokens < 256:
        if want != CHEAP and prompt_tokens < 6000:
            return Route(CHEAP, max(max_tokens, 0), "budget_downgrade")
        raise PermissionError("not enough budget for a useful answer")
    return Route(want, max_tokens, "default")
'''), ('coverage/model_router.json', '''
{"files": {"llm/model_router.py": {
  "summary": {"num_statements": 24, "covered_lines": 20, "num_branches": 18, "covered_branches": 11, "percent_covered": 72.1},
  "missing_lines": [26, 27, 28, 35],
  "missing_branches": [[24, 25], [25, 26], [25, 29], [29, 32], [33, 34], [34, 35], [34, 36]]
}}}
''')], fw='pytest', lang=None)

t('simple', 'flaky-test-analysis',
  "test_summary_format passes maybe 70% of the time, nobody touched it in weeks. why?",
  files=[('tests/test_summarise.py', '''
from app.summarise import summarise
from app.llm import client


def test_summary_format():
    out = summarise(client, "The Q3 report shows revenue up 12% and churn down to 3.1%.", temperature=0.7)
    assert out == "Revenue grew 12% in Q3 while churn fell to 3.1%."
''')], fw='pytest', lang=None)

# why: a short function, but the answer depends on HMAC, timestamp replay and raw-body handling -- crypto, so complex
t('complex', 'security-scan',
  "is our webhook handler for the batch API callbacks ok? it marks eval jobs complete and kicks off billing",
  files=[('src/webhooks/batch.ts', '''
import crypto from 'crypto';
import express from 'express';
import { markJobComplete } from '../jobs';

const SECRET = process.env.BATCH_WEBHOOK_SECRET ?? 'dev-secret';

export const batchWebhook = express.Router();

batchWebhook.post('/webhooks/batch', express.json(), async (req, res) => {
  const sig = req.header('x-signature') ?? '';
  const ts = req.header('x-timestamp') ?? '';
  const expected = crypto
    .createHmac('sha256', SECRET)
    .update(`${ts}.${JSON.stringify(req.body)}`)
    .digest('hex');
  if (sig !== expected) return res.status(401).send('bad signature');
  const { job_id, status, output_file_id } = req.body;
  if (status === 'completed') await markJobComplete(job_id, output_file_id);
  res.sendStatus(204);
});
''')], fw='vitest')

t('medium', 'test-execution',
  "can you run the tests across the monorepo and give me one table per package? heads up: packages/agent needs OPENAI_BASE_URL pointed at the mock, packages/evals uses a different vitest config and packages/web is jest still",
  files=[('pnpm-workspace.yaml', '''
packages:
  - packages/*
'''), ('package.json', '''
{
  "name": "assistant-monorepo",
  "private": true,
  "scripts": {
    "test": "pnpm -r test",
    "mock:llm": "node e2e/mock-llm/server.mjs"
  }
}
'''), ('packages/agent/package.json', '''
{ "name": "@acme/agent", "scripts": { "test": "vitest run" } }
'''), ('packages/evals/package.json', '''
{ "name": "@acme/evals", "scripts": { "test": "vitest run -c vitest.evals.config.ts" } }
'''), ('packages/web/package.json', '''
{ "name": "@acme/web", "scripts": { "test": "jest --ci" } }
''')], reqs=['start the mock LLM server before agent tests and stop it afterwards', 'do not stop at the first failing package'],
  fw='vitest')

t('medium', 'defect-analysis',
  "after last night's reindex, search keeps returning chunks from the old version of the pricing page for some queries but not others. qdrant has the new vectors (checked). retriever + log below",
  files=[('rag/retrieve/cached.py', '''
import hashlib
import json
import logging

log = logging.getLogger(__name__)


class CachedRetriever:
    def __init__(self, retriever, redis, ttl_s: int = 86_400):
        self.retriever = retriever
        self.redis = redis
        self.ttl_s = ttl_s

    def _key(self, tenant: str, query: str, k: int) -> str:
        norm = " ".join(query.lower().split())
        return "ret:" + hashlib.sha256(f"{tenant}|{norm}|{k}".encode()).hexdigest()

    async def search(self, tenant: str, query: str, k: int = 8) -> list[dict]:
        key = self._key(tenant, query, k)
        hit = await self.redis.get(key)
        if hit:
            log.debug("retrieval cache hit %s", key[:16])
            return json.loads(hit)
        results = await self.retriever.search(tenant, query, k)
        await self.redis.set(key, json.dumps(results), ex=self.ttl_s)
        return results

    async def invalidate_doc(self, tenant: str, doc_id: str) -> int:
        n = 0
        async for key in self.redis.scan_iter(match="ret:*", count=500):
            raw = await self.redis.get(key)
            if raw and any(r["doc_id"] == doc_id for r in json.loads(raw)):
                await self.redis.delete(key)
                n += 1
        log.info("invalidated %d cached queries for %s/%s", n, tenant, doc_id)
        return n
'''), ('logs/reindex-hooks.log', '''
2024-11-21T02:03:10Z INFO reindex doc=pricing-page tenant=t_001 chunks=9 (was 11)
2024-11-21T02:03:10Z INFO invalidated 14 cached queries for t_001/pricing-page
2024-11-21T09:12:44Z INFO search tenant=t_001 q="how much is the team plan" cache=hit doc_ids=[pricing-page, faq-07]
2024-11-21T09:13:02Z INFO search tenant=t_001 q="team plan price per seat" cache=miss doc_ids=[pricing-page]
''')], reqs=['explain why only some queries are stale', 'the fix has to work with 3 api replicas sharing one redis'],
  fw='pytest', lang=None)

t('simple', 'test-generation',
  "bit of background: every tenant gets its own qdrant collection per embedding model, and we hit a bug last month where two tenants with names like 'Acme Inc' and 'acme-inc' collided and someone's docs got mixed... that's fixed upstream now by using the tenant id. anyway the helper below just builds the name from tenant id + model. can you write vitest tests for it, including the length cap and the invalid model case?",
  files=[('src/store/collectionName.ts', '''
const MODELS: Record<string, string> = {
  'text-embedding-3-small': 'te3s',
  'text-embedding-3-large': 'te3l',
  'bge-m3': 'bgem3',
};

export function collectionName(tenantId: string, model: string): string {
  const short = MODELS[model];
  if (!short) throw new Error(`unknown embedding model: ${model}`);
  const id = tenantId.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!id) throw new Error('empty tenant id');
  return `t_${id}__${short}`.slice(0, 63);
}
''')], fw='vitest')

t('medium', 'test-generation',
  "need tests for the /query endpoint. mock the retriever and the llm, I don't want anything hitting the network. the important stuff is the empty-results path and what happens when the llm times out",
  files=[('app/routes/query.py', '''
import asyncio
import logging

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from app.deps import get_llm, get_retriever, get_tenant

log = logging.getLogger(__name__)
router = APIRouter()

NO_CONTEXT_ANSWER = "I couldn't find anything about that in your documents."


class QueryIn(BaseModel):
    question: str = Field(min_length=1, max_length=4000)
    k: int = Field(default=6, ge=1, le=20)
    stream: bool = False


class Source(BaseModel):
    doc_id: str
    title: str
    score: float


class QueryOut(BaseModel):
    answer: str
    sources: list[Source]
    grounded: bool


@router.post("/query", response_model=QueryOut)
async def query(body: QueryIn, tenant=Depends(get_tenant), retriever=Depends(get_retriever), llm=Depends(get_llm)):
    if body.stream:
        raise HTTPException(400, "use /query/stream for streaming")
    try:
        hits = await asyncio.wait_for(retriever.search(tenant.id, body.question, body.k), timeout=2.0)
    except asyncio.TimeoutError:
        log.warning("retrieval timeout tenant=%s", tenant.id)
        hits = []
    hits = [h for h in hits if h.score >= tenant.min_score]
    if not hits:
        return QueryOut(answer=NO_CONTEXT_ANSWER, sources=[], grounded=False)
    context = "\\n\\n".join(f"[{i + 1}] {h.text}" for i, h in enumerate(hits))
    try:
        answer = await asyncio.wait_for(llm.answer(body.question, context), timeout=tenant.llm_timeout_s)
    except asyncio.TimeoutError:
        raise HTTPException(504, "model timed out")
    except llm.RateLimited as e:
        raise HTTPException(429, "rate limited", headers={"Retry-After": str(e.retry_after)})
    return QueryOut(
        answer=answer,
        sources=[Source(doc_id=h.doc_id, title=h.title, score=round(h.score, 3)) for h in hits],
        grounded=True,
    )
''')], reqs=['use FastAPI dependency_overrides, not monkeypatching imports', 'cover the 400, 429, 504 paths and the retrieval-timeout fallback'],
  fw='pytest', lang=None)

def _eval_row(i):
    cats = ['billing', 'sso', 'api', 'onboarding', 'export']
    correct = 0 if i in (4, 19, 33, 51, 66, 70, 77) else 1
    safety = 1 if i == 58 else 0
    return f"q{i:03d},{cats[i % 5]},{correct},{safety},{0.61 + ((i * 37) % 39) / 100:.2f},{900 + (i * 131) % 2400}"

# why: 80 pasted rows look heavy, but the gate is two mechanical checks (a mean and a flag)
t('simple', 'quality-gate',
  "nightly regression eval csv below. our gate is just: correct rate >= 0.90 and zero rows with safety_flag=1. pass/fail + which rows broke it",
  files=[('evals/nightly-2024-11-21.csv', 'qid,category,correct,safety_flag,judge_score,latency_ms\n' + lines(80, _eval_row))],
  lang=None)

t('complex', 'security-scan',
  "PM wants customers to be able to write their own prompt templates in the playground (jinja, since that's what we use internally). this is the renderer we'd expose. thoughts?",
  files=[('app/prompts/custom.py', '''
from jinja2 import Environment, BaseLoader, StrictUndefined

from app.settings import settings

env = Environment(loader=BaseLoader(), undefined=StrictUndefined, autoescape=False)
env.globals.update(settings=settings, company=settings.company_name)


def render_custom(template_src: str, variables: dict) -> str:
    if len(template_src) > 20_000:
        raise ValueError("template too long")
    if "import" in template_src or "__" in template_src:
        raise ValueError("forbidden construct")
    tpl = env.from_string(template_src)
    return tpl.render(**variables)
''')], lang=None)

t('complex', 'performance-testing',
  "weird one: embedding backfill throughput goes UP from 1 to 8 workers and then goes DOWN the more workers I add. 32 workers is slower than 4. pool code + numbers attached. why, and how do I measure it properly?",
  files=[('backfill/pool.py', '''
import asyncio
import time

from backfill.embed import embed_batch
from backfill.db import fetch_unembedded, save_vectors


class Backfill:
    def __init__(self, workers: int, batch: int = 64, rpm_limit: int = 3000):
        self.workers = workers
        self.batch = batch
        self.rpm_limit = rpm_limit
        self.lock = asyncio.Lock()
        self.window: list[float] = []

    async def _acquire(self):
        while True:
            async with self.lock:
                now = time.monotonic()
                self.window = [t for t in self.window if now - t < 60]
                if len(self.window) < self.rpm_limit:
                    self.window.append(now)
                    return
            await asyncio.sleep(0)

    async def _worker(self, wid: int):
        while True:
            rows = await fetch_unembedded(limit=self.batch)  # SELECT ... FOR UPDATE SKIP LOCKED in its own txn
            if not rows:
                return
            await self._acquire()
            vecs = await embed_batch([r.text for r in rows])
            await save_vectors([(r.id, v) for r, v in zip(rows, vecs)])

    async def run(self):
        await asyncio.gather(*(self._worker(i) for i in range(self.workers)))
'''), ('backfill/results.csv', '''
workers,rows_per_s,p50_embed_ms,p95_embed_ms,db_fetch_p95_ms,cpu_pct,http_429s
1,310,190,260,12,22,0
2,590,195,280,14,35,0
4,1080,205,330,19,58,0
8,1720,240,520,41,91,3
16,1410,260,910,180,100,41
32,960,300,1800,640,100,212
''')], lang=None)

t('complex', 'flaky-test-analysis',
  "test_tenant_budget_is_shared_across_replicas is flaky only when the integration job runs in parallel with the other PR jobs on the shared CI redis. sometimes the second replica is allowed through, sometimes both get 429. passes alone every time",
  files=[('limits/budget.py', '''
import time


class DistributedBudget:
    """Sliding-window token budget shared by all api replicas through redis."""

    def __init__(self, redis, tpm: int, prefix: str = "budget"):
        self.redis = redis
        self.tpm = tpm
        self.prefix = prefix

    async def try_spend(self, tenant: str, tokens: int) -> bool:
        key = f"{self.prefix}:{tenant}:{int(time.time() // 60)}"
        used = int(await self.redis.get(key) or 0)
        if used + tokens > self.tpm:
            return False
        await self.redis.incrby(key, tokens)
        await self.redis.expire(key, 120)
        return True
'''), ('tests/integration/test_budget.py', '''
import asyncio
import os

import pytest
import redis.asyncio as aioredis

from limits.budget import DistributedBudget


@pytest.fixture
async def r():
    client = aioredis.from_url(os.environ["CI_REDIS_URL"])
    yield client
    await client.aclose()


async def test_tenant_budget_is_shared_across_replicas(r):
    a = DistributedBudget(r, tpm=1000)
    b = DistributedBudget(r, tpm=1000)
    await r.delete(*[k async for k in r.scan_iter("budget:t1:*")] or ["_"])
    ok_a, ok_b = await asyncio.gather(a.try_spend("t1", 600), b.try_spend("t1", 600))
    assert sorted([ok_a, ok_b]) == [False, True]
'''), ('ci/runs.txt', '''
run 8812  job=integration  parallel_jobs=1  PASS
run 8813  job=integration  parallel_jobs=5  FAIL  assert [True, True] == [False, True]
run 8815  job=integration  parallel_jobs=5  FAIL  assert [False, False] == [False, True]
run 8817  job=integration  parallel_jobs=4  PASS
run 8820  job=integration  parallel_jobs=6  FAIL  assert [True, True] == [False, True]
''')], fw='pytest', lang=None)

t('complex', 'quality-gate',
  "go/no-go for rolling the tool-calling agent out to all enterprise tenants tomorrow. everything the release checklist asks for is attached. be honest, I'd rather slip a week than page at 3am",
  files=[('release/checklist.md', '''
# Agent GA checklist
- [ ] eval: task success >= 0.85 overall and >= 0.80 for every tenant tier
- [ ] safety: no open high/critical security findings; prompt-injection suite pass rate >= 0.98
- [ ] load: 400 concurrent sessions, p95 TTFT < 2.5s, error rate < 1%
- [ ] reliability: no test quarantined in the last 14 days without an owner
- [ ] coverage: agent package >= 80% lines, tools/ >= 75% branches
- [ ] canary: 5% canary for 72h with error budget burn < 1x
'''), ('release/evals.csv', '''
tier,n,task_success,injection_suite_pass
free,300,0.89,0.990
team,300,0.87,0.985
enterprise,180,0.81,0.972
overall,780,0.866,0.984
'''), ('release/security-findings.json', '''
[
  {"id": "SEC-311", "severity": "high", "title": "fetch_url follows redirects to internal hosts (SSRF)", "status": "fix merged, not deployed"},
  {"id": "SEC-314", "severity": "medium", "title": "run_sql allows SELECT on pg_catalog", "status": "open"},
  {"id": "SEC-298", "severity": "critical", "title": "cross-tenant filter override in /v1/search", "status": "closed"}
]
'''), ('release/k6-summary.txt', '''
vus_max: 400   duration: 30m
ttft p95: 2.31s   ttft p99: 6.8s
http_req_failed: 0.7%
note: LLM provider mocked with fixed 600ms latency
'''), ('release/quarantine.txt', '''
tests/e2e/search.spec.ts::agent cites the docs page it searched   quarantined 2024-11-12   owner: -
tests/test_stream.py::test_partial_tool_call_delta                quarantined 2024-11-02   owner: dana
'''), ('release/coverage.txt', '''
packages/agent          lines 82.4%  branches 71.0%
packages/agent/tools    lines 77.9%  branches 68.2%
'''), ('release/canary.txt', '''
canary 5% started 2024-11-20T10:00Z (now 2024-11-22T09:00Z, 47h)
error budget burn: 0.6x  (1.9x during 2024-11-21 14:00-15:00, provider incident)
''')], lang=None)
