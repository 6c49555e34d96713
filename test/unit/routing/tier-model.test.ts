import { describe, expect, it } from 'vitest';
import { crossValidate, stratifiedFolds } from '../../../src/routing/crossValidation.js';
import { fitTierModel, predictTier, validateTierModel, type ModelTier } from '../../../src/routing/tierModel.js';
import { join } from 'node:path';
import { ComplexityAnalyzer, shippedTierModel } from '../../../src/routing/ComplexityAnalyzer.js';
import { TRAINING_SETS, readLabelledTasks } from '../../../src/routing/trainingData.js';

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
});
