#!/usr/bin/env node
// Streaming pipeline bench. The fake Anthropic server (src/providers/testing, compiled) runs in a child
// process; this process runs the real Anthropic SDK + StreamManager/ModelCaller against it. Prints one JSON
// object:
//  1. overhead of our pipeline on time to first chunk, over the moment the provider yields its first delta
//     (p95, target <= 5 ms), and per-chunk overhead provider-yield -> onChunk (p99, target <= 1 ms);
//  2. 2,000 streamed tasks with 5% of attempts failing at random (429, 529, dropped connection): completion
//     with the correct final text (target >= 99.5%), none lost, none duplicated;
//  3. 1,000 concurrent streams with a slow consumer: peak RSS of this process (target <= 300 MB).
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--server') {
  const { FakeAnthropicServer } = await import('../dist/providers/testing/fake-anthropic-server.js');
  const faultRate = Number(process.argv[3] ?? 0);
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const faults = [
    () => ({ type: 'status', status: 429, retryAfter: 0 }),
    () => ({ type: 'status', status: 529 }),
    () => ({ type: 'drop', afterChunks: 1 + Math.floor(rand() * 6) }),
  ];
  const server = await FakeAnthropicServer.start({
    record: false,
    script: (req) => {
      const text = req.body?.messages?.[0]?.content ?? '';
      const reply = { text: expectedText(text, Number(process.argv[5] ?? 8)), chunkSize: Number(process.argv[4] ?? 16) };
      if (faultRate > 0 && rand() < faultRate) reply.fault = faults[Math.floor(rand() * faults.length)]();
      return reply;
    },
  });
  process.send({ url: server.url });
  process.on('disconnect', () => server.close().then(() => process.exit(0)));
} else {
  await main();
}

function expectedText(prompt, repeat = 8) {
  return `Answer for ${prompt}: ` + 'the quick brown fox jumps over the lazy dog; '.repeat(repeat);
}

function startServer(faultRate, chunkSize, repeat = 8) {
  const child = fork(self, ['--server', String(faultRate), String(chunkSize), String(repeat)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve) => child.once('message', (m) => resolve({ url: m.url, stop: () => child.disconnect() })));
}

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0;
}
function r3(x) {
  return Number(x.toFixed(3));
}

async function main() {
  const { createConfig } = await import('../dist/config/defaults.js');
  const { createProviderRegistry } = await import('../dist/providers/registry.js');
  const { ModelCaller } = await import('../dist/streaming/ModelCaller.js');
  const KEY = 'sk-ant-bench-key-0000000000';

  const setup = (url, streaming) => {
    const config = createConfig({
      routing: {
        models: [
          {
            name: 'bench',
            provider: 'anthropic',
            model: 'claude-bench',
            baseURL: url,
            capabilities: { maxTokens: 4096, supportsStreaming: true, costPer1kTokens: { input: 1, output: 1 } },
            complexityRange: { min: 0, max: 1 },
          },
        ],
      },
      streaming: { enabled: true, ...streaming },
    });
    const registry = createProviderRegistry(config, { ANTHROPIC_API_KEY: KEY });
    return { config, registry };
  };
  const selection = { modelName: 'bench', provider: 'anthropic', model: 'claude-bench', complexity: { score: 0, components: { token: 0, structure: 0, context: 0 }, reasons: [] }, reasons: [], estimatedCost: 0, fallbacks: [] };
  const req = (i) => ({ messages: [{ role: 'user', content: `task-${i}` }], maxTokens: 1024 });

  const only = process.env.BENCH_ONLY;
  // 1. Overhead: timestamps where the provider yields each delta vs where onChunk sees it.
  const out = {};
  if (!only || only === 'overhead') {
    const server = await startServer(0, 16);
    const { config, registry } = setup(server.url, { bufferSize: 1024, backpressureThreshold: 0.8, timeoutMs: 30000 });
    const yields = [];
    let invokedAt = 0;
    const inner = registry.get('bench');
    const timed = {
      name: inner.name,
      kind: inner.kind,
      complete: (r) => inner.complete(r),
      async *stream(r) {
        invokedAt = performance.now();
        for await (const ev of inner.stream(r)) {
          if (ev.type === 'delta') yields.push(performance.now());
          yield ev;
        }
      },
    };
    const providers = { ...registry, get: () => timed };
    const caller = new ModelCaller({ streaming: config.streaming, providers, models: config.routing.models });
    const ttfc = [];
    const perChunk = [];
    const runs = 400;
    for (let i = 0; i < runs + 20; i++) {
      yields.length = 0;
      const local = [];
      const calledAt = performance.now();
      await caller.call({
        taskId: `o${i}`,
        selection,
        request: req(i),
        stream: true,
        callbacks: { onChunk: (c) => void local.push([c.seq, performance.now()]) },
      });
      if (i < 20) continue; // warm-up
      // Before the request (session, policy, provider lookup) + after the provider yields its first delta.
      for (const [seq, t] of local) (seq === 1 ? ttfc : perChunk).push(seq === 1 ? invokedAt - calledAt + (t - yields[0]) : t - yields[seq - 1]);
    }
    server.stop();
    out.ttfcOverheadMs = { p50: r3(pct(ttfc, 50)), p95: r3(pct(ttfc, 95)), max: r3(Math.max(...ttfc)), samples: ttfc.length, target: 5 };
    out.perChunkOverheadMs = { p50: r3(pct(perChunk, 50)), p99: r3(pct(perChunk, 99)), samples: perChunk.length, target: 1 };
  }

  // 2. 2,000 streamed tasks with 5% of attempts failing at random.
  if (!only || only === 'faults') {
    const server = await startServer(0.05, 16);
    const { config, registry } = setup(server.url, {
      bufferSize: 256,
      backpressureThreshold: 0.8,
      timeoutMs: 5000,
      retryConfig: { maxRetries: 3, backoffMs: 20, backoffMultiplier: 2, jitter: 0.2 },
    });
    const caller = new ModelCaller({ streaming: config.streaming, providers: registry, models: config.routing.models });
    const total = 2000;
    const concurrency = 50;
    let next = 0;
    let correct = 0;
    let lost = 0;
    let duplicated = 0;
    let mismatched = 0;
    let gaps = 0;
    let fellBack = 0;
    let retried = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (next < total) {
        const i = next++;
        const chunks = [];
        try {
          const r = await caller.call({ taskId: `f${i}`, selection, request: req(i), stream: true, callbacks: { onChunk: (c) => void chunks.push(c) } });
          const joined = chunks.map((c) => c.text).join('');
          const expected = expectedText(`task-${i}`);
          if (chunks.some((c, k) => c.seq !== k + 1)) gaps++;
          if (joined.length > expected.length) duplicated++;
          else if (joined !== expected) mismatched++;
          if (r.text === expected && joined === expected) correct++;
          if (r.fellBackToSync) fellBack++;
          if (r.attempts.length > 1) retried++;
        } catch {
          lost++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    server.stop();
    out.faults = {
      tasks: total,
      faultRatePerAttempt: 0.05,
      completedCorrect: correct,
      completionRate: r3(correct / total),
      lost,
      duplicated,
      mismatchedChunks: mismatched,
      seqGaps: gaps,
      tasksRetried: retried,
      fellBackToSync: fellBack,
      wallMs: Math.round(performance.now() - t0),
      target: 0.995,
    };
  }

  // 3. 1,000 concurrent streams with a slow consumer (2 ms per chunk).
  if (!only || only === 'concurrent') {
    const server = await startServer(0, 8, 40);
    const { config, registry } = setup(server.url, { bufferSize: 64, backpressureThreshold: 0.8, timeoutMs: 30000 });
    const caller = new ModelCaller({ streaming: config.streaming, providers: registry, models: config.routing.models });
    globalThis.gc?.();
    const baseRss = process.memoryUsage().rss;
    let peak = baseRss;
    let peakHeap = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers);
    }, 25);
    const n = 1000;
    let ok = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        let joined = '';
        const r = await caller.call({
          taskId: `c${i}`,
          selection,
          request: req(i),
          stream: true,
          callbacks: { onChunk: (c) => { joined += c.text; return new Promise((res) => setTimeout(res, 2)); } },
        });
        if (r.text === expectedText(`task-${i}`, 40) && joined === r.text) ok++;
      }),
    );
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    server.stop();
    out.concurrent = {
      streams: n,
      completedCorrect: ok,
      consumerDelayMsPerChunk: 2,
      chunksPerStream: Math.ceil(expectedText('task-0', 40).length / 8),
      bufferSize: 64,
      peakRssMB: Math.round(peak / 1048576),
      rssBeforeMB: Math.round(baseRss / 1048576),
      peakHeapAndBuffersMB: Math.round(peakHeap / 1048576),
      wallMs: Math.round(performance.now() - t0),
      target: 300,
    };
  }

  out.pass = {
    ...(out.ttfcOverheadMs ? { ttfcOverhead: out.ttfcOverheadMs.p95 <= 5, perChunkOverhead: out.perChunkOverheadMs.p99 <= 1 } : {}),
    ...(out.faults ? { faultCompletion: out.faults.completionRate >= 0.995 && out.faults.lost === 0 && out.faults.duplicated === 0 && out.faults.mismatchedChunks === 0 } : {}),
    ...(out.concurrent ? { concurrentRss: out.concurrent.peakRssMB <= 300 && out.concurrent.completedCorrect === out.concurrent.streams } : {}),
  };
  console.log(JSON.stringify(out));
}
