import { describe, expect, it } from 'vitest';
import { crossValidate, leaveOneWriterOut, stratifiedFolds } from '../../../src/routing/crossValidation.js';
import { MODEL_TIERS, fitTierModel, predictTier, validateTierModel, type ModelTier } from '../../../src/routing/tierModel.js';
import { join } from 'node:path';
import { ComplexityAnalyzer, shippedTierModel } from '../../../src/routing/ComplexityAnalyzer.js';
import { TRAINING_SETS, readLabelledTasks, writerOf } from '../../../src/routing/trainingData.js';

// Three well-separated clusters in two features, plus a constant feature (its scale must not be 0).
const rows: Array<Record<string, number>> = [];
const labels: ModelTier[] = [];
for (let i = 0; i < 30; i++) {
  const tier = (['simple', 'medium', 'complex'] as const)[i % 3];
  const c = i % 3;
  rows.push({ size: c + (i % 5) * 0.05, risk: c === 2 ? 1 : 0, constant: 1 });
  labels.push(tier);
}

describe('tier model (multinomial logistic regression)', () => {
  it('fits separable data, is deterministic, and reports probabilities that sum to 1 with the margin to the runner-up', () => {
    const a = fitTierModel(rows, labels, { l2: 0.01, iterations: 400 });
    const b = fitTierModel(rows, labels, { l2: 0.01, iterations: 400 });
    expect(a).toEqual(b);
    expect(a.training.trainingAccuracy).toBe(1);
    expect(a.scale[a.features.indexOf('constant')]).toBe(1);
    const p = predictTier(a, { size: 2.1, risk: 1, constant: 1 });
    expect(p.tier).toBe('complex');
    const sum = p.probabilities.simple + p.probabilities.medium + p.probabilities.complex;
    expect(sum).toBeCloseTo(1, 6);
    expect(p.margin).toBeCloseTo(p.probabilities.complex - p.probabilities[p.runnerUp], 6);
    expect(p.drivers.length).toBeGreaterThan(0);
    expect(p.drivers.every((d) => d.push > 0)).toBe(true);
  });

  it('ignores features it does not know and treats missing ones as 0', () => {
    const m = fitTierModel(rows, labels, { iterations: 200 });
    const base = predictTier(m, { size: 0, risk: 0, constant: 1 });
    expect(predictTier(m, { size: 0, risk: 0, constant: 1, unknown: 99 }).probabilities).toEqual(base.probabilities);
    expect(predictTier(m, { constant: 1 }).probabilities).toEqual(base.probabilities);
  });

  it('the loop form of predictTier gives exactly what the array-method form gives, on every labelled task', () => {
    // The straightforward form it replaced: standardise, logits, softmax, stable sort, drivers by push.
    const reference = (model: NonNullable<ReturnType<typeof shippedTierModel>>, vec: Record<string, number>) => {
      const x = model.features.map((name, j) => ((vec[name] ?? 0) - model.mean[j]) / model.scale[j]);
      const z = model.weights.map((w, k) => w.reduce((acc, wj, j) => acc + wj * x[j], model.bias[k]));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const sum = e.reduce((a, v) => a + v, 0);
      const p = e.map((v) => v / sum);
      const [top, second] = p.map((_, k) => k).sort((a, c) => p[c] - p[a]);
      const drivers = model.features
        .map((feature, j) => ({ feature, value: vec[feature] ?? 0, push: (model.weights[top][j] - model.weights[second][j]) * x[j] }))
        .filter((d) => d.push > 0)
        .sort((a, c) => c.push - a.push)
        .slice(0, 3)
        .map((d) => ({ ...d, push: Math.round(d.push * 100) / 100 }));
      const probabilities = Object.fromEntries(model.tiers.map((t, k) => [t, p[k]]));
      return { tier: model.tiers[top], probabilities, runnerUp: model.tiers[second], margin: p[top] - p[second], drivers };
    };
    const model = shippedTierModel()!;
    const analyzer = new ComplexityAnalyzer(undefined, { model: null });
    const tasks = TRAINING_SETS.flatMap((p) => readLabelledTasks(join(import.meta.dirname, '../../..', p)));
    expect(tasks.length).toBeGreaterThanOrEqual(300);
    for (const t of tasks) {
      const vec = analyzer.features(t);
      expect(predictTier(model, vec)).toEqual(reference(model, vec));
    }
    // Ties: equal logits keep the earlier tier first, as the stable sort did.
    const flat = { ...model, weights: model.weights.map((w) => w.map(() => 0)), bias: [0, 0, 0] };
    expect(predictTier(flat, {})).toEqual(reference(flat, {}));
  });

  it('rejects a malformed model file naming the field', () => {
    const good = fitTierModel(rows, labels, { iterations: 10 });
    expect(() => validateTierModel({ ...good, scale: good.scale.map(() => 0) })).toThrow(/"scale"/);
    expect(() => validateTierModel({ ...good, weights: [[1]] })).toThrow(/"weights"/);
    expect(() => validateTierModel({ ...good, tiers: ['a', 'b', 'c'] })).toThrow(/"tiers"/);
    expect(() => validateTierModel(null)).toThrow(/version/);
    expect(validateTierModel(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  it('the shipped model file is valid and was fitted on the repository sets', () => {
    const m = shippedTierModel();
    expect(m).not.toBeNull();
    expect(m!.training.sources).toEqual(['tasks/routing-dev.jsonl', 'tasks/routing-corpus.jsonl', 'test/fixtures/routing/extra.jsonl', 'tasks/routing-authors.jsonl']);
    expect(m!.training.tasks).toBeGreaterThanOrEqual(300);
  });
});

/** The dense textbook form of the fit (standardise every column, then gradient descent): what the sparse fit must equal. */
function denseReferenceFit(rs: Array<Record<string, number>>, ls: ModelTier[], features: string[], penalty: number[], iterations: number) {
  const n = rs.length;
  const raw = rs.map((r) => features.map((f) => r[f] ?? 0));
  const mean = features.map((_, j) => raw.reduce((a, x) => a + x[j], 0) / n);
  const scale = features.map((_, j) => {
    const v = raw.reduce((a, x) => a + (x[j] - mean[j]) ** 2, 0) / n;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  const X = raw.map((x) => x.map((v, j) => (v - mean[j]) / scale[j]));
  const W = MODEL_TIERS.map(() => features.map(() => 0));
  const bias = MODEL_TIERS.map(() => 0);
  for (let it = 0; it < iterations; it++) {
    const gW = MODEL_TIERS.map(() => features.map(() => 0));
    const gB = MODEL_TIERS.map(() => 0);
    X.forEach((xi, i) => {
      const z = W.map((w, k) => w.reduce((s, wj, j) => s + wj * xi[j], bias[k]));
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, b) => a + b, 0);
      e.forEach((v, k) => {
        const err = v / sum - (MODEL_TIERS[k] === ls[i] ? 1 : 0);
        gB[k] += err;
        xi.forEach((xij, j) => (gW[k][j] += err * xij));
      });
    });
    W.forEach((w, k) => {
      bias[k] -= (0.5 * gB[k]) / n;
      w.forEach((_, j) => (w[j] -= 0.5 * (gW[k][j] / n + penalty[j] * w[j])));
    });
  }
  return { W, bias };
}

describe('request-word features in the fit', () => {
  // Words as a writer would use them: "race" in every complex task, "list" in every simple one, "zebra" once.
  const wordRows: Array<Record<string, number>> = [];
  const wordLabels: ModelTier[] = [];
  for (let i = 0; i < 30; i++) {
    const tier = MODEL_TIERS[i % 3];
    const r: Record<string, number> = { size: (i % 3) * 0.4 + (i % 7) * 0.03, 'rule:tier:complex': tier === 'complex' && i % 2 ? 1 : 0 };
    if (tier === 'complex') r['word:race'] = 1;
    if (tier === 'simple') r['word:list'] = 1;
    if (i === 4) r['word:zebra'] = 1;
    wordRows.push(r);
    wordLabels.push(tier);
  }

  it('is the dense standardised fit, computed over non-zeros only', () => {
    const m = fitTierModel(wordRows, wordLabels, { l2: 0.02, iterations: 150, wordMinTasks: 1, wordPenaltyFactor: 3 });
    const penalty = m.features.map((f) => (f.startsWith('rule:tier:') ? 0 : f.startsWith('word:') ? 0.06 : 0.02));
    const ref = denseReferenceFit(wordRows, wordLabels, m.features, penalty, 150);
    m.weights.forEach((w, k) => w.forEach((v, j) => expect(v).toBeCloseTo(ref.W[k][j], 5)));
    m.bias.forEach((v, k) => expect(v).toBeCloseTo(ref.bias[k], 5));
  });

  it('keeps a word only when enough training tasks have it, and penalises word weights harder', () => {
    const m = fitTierModel(wordRows, wordLabels, { iterations: 200 });
    expect(m.features).toContain('word:race');
    expect(m.features).not.toContain('word:zebra'); // in one task: below WORD_MIN_TASKS
    const weightOf = (model: typeof m, f: string) => Math.abs(model.weights[2][model.features.indexOf(f)]);
    const light = fitTierModel(wordRows, wordLabels, { iterations: 200, wordPenaltyFactor: 1, l2: 0.1 });
    const heavy = fitTierModel(wordRows, wordLabels, { iterations: 200, wordPenaltyFactor: 10, l2: 0.1 });
    expect(weightOf(heavy, 'word:race')).toBeLessThan(weightOf(light, 'word:race'));
    expect(predictTier(m, { size: 0.8, 'word:race': 1 }).tier).toBe('complex');
  });
});

describe('cross-validation', () => {
  it('stratified folds: fixed by the seed, every fold holds each label in proportion', () => {
    const ls = Array.from({ length: 50 }, (_, i) => (i < 20 ? 'a' : i < 35 ? 'b' : 'c'));
    const f1 = stratifiedFolds(ls, 5, 42);
    expect(stratifiedFolds(ls, 5, 42)).toEqual(f1);
    expect(stratifiedFolds(ls, 5, 7)).not.toEqual(f1);
    for (let k = 0; k < 5; k++) {
      const inFold = ls.filter((_, i) => f1[i] === k);
      expect(inFold.length).toBe(10);
      expect(inFold.filter((l) => l === 'a').length).toBe(4);
    }
  });

  it('tests each fold on a model fitted without it', () => {
    const items = rows.map((features, i) => ({ id: `t${i}`, features, tier: labels[i] }));
    const cv = crossValidate(items, 5, 1, { iterations: 300 });
    expect(cv.folds).toHaveLength(5);
    expect(cv.folds.reduce((a, f) => a + f.test, 0)).toBe(items.length);
    for (const f of cv.folds) expect(f.train + f.test).toBe(items.length);
    expect(cv.meanAccuracy).toBe(1);
    expect(cv.worstFold.accuracy).toBe(1);
  });

  it('leave-one-writer-out: each writer is scored by a model that never saw that writer', () => {
    // Writer "b" labels by the opposite rule: a model fitted on the others gets all of b wrong, which random
    // folds (b's tasks on both sides) would hide.
    const items = [
      ...Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, features: { x: i % 2 }, tier: (i % 2 ? 'complex' : 'simple') as ModelTier })),
      ...Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, features: { x: i % 2 }, tier: (i % 2 ? 'complex' : 'simple') as ModelTier })),
      ...Array.from({ length: 6 }, (_, i) => ({ id: `b${i}`, features: { x: i % 2 }, tier: (i % 2 ? 'simple' : 'complex') as ModelTier })),
    ];
    const writers = items.map((x) => x.id[0]);
    const cv = leaveOneWriterOut(items, writers, { iterations: 300 });
    expect(cv.writers.map((w) => [w.writer, w.tasks])).toEqual([['a', 12], ['b', 6], ['c', 12]]);
    for (const f of cv.folds) expect(f.train + f.test).toBe(items.length);
    const by = Object.fromEntries(cv.writers.map((w) => [w.writer, w.accuracy]));
    expect(by.b).toBe(0);
    expect(by.a).toBe(1);
    expect(cv.worstFold.test).toBe(6);
    expect(() => leaveOneWriterOut(items, items.map(() => 'one'))).toThrow(/at least two writers/);
  });

  it('names the writer of a labelled task from its id', () => {
    expect(writerOf('authors-c-017')).toBe('author-c');
    expect(writerOf('fresh-n-002')).toBe('author-n');
    expect(writerOf('corpus-201')).toBe('corpus');
    expect(writerOf('x-s-01')).toBe('corpus');
    expect(writerOf('dev-012')).toBe('dev');
  });
});
