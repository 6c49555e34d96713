import { fitTierModel, predictTier, type FitOptions, type ModelTier } from './tierModel.js';

/** Deterministic PRNG (mulberry32): the same seed gives the same folds on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold index per item: items of each label are shuffled with the seed and dealt round-robin. */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  const rand = prng(seed);
  const fold = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const label of [...new Set(labels)].sort()) {
    const idx = labels.map((l, i) => (l === label ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    // Continue dealing where the previous label stopped, so fold sizes differ by at most one.
    idx.forEach((item, n) => (fold[item] = (n + offset) % k));
    offset = (offset + idx.length) % k;
  }
  return fold;
}

export interface FoldResult {
  fold: number;
  train: number;
  test: number;
  correct: number;
  accuracy: number;
  misrouted: Array<{ id: string; expected: ModelTier; predicted: ModelTier }>;
}

export interface CrossValidation {
  k: number;
  seed: number;
  tasks: number;
  meanAccuracy: number;
  worstFold: FoldResult;
  folds: FoldResult[];
}

type Labelled = ReadonlyArray<{ id: string; features: Record<string, number>; tier: ModelTier }>;

/** k-fold cross-validation of the tier model: each fold's model is fitted on the other folds only. */
export function crossValidate(items: Labelled, k: number, seed: number, fit: FitOptions = {}): CrossValidation {
  return runFolds(items, k, seed, () => fit);
}

/**
 * Leave-one-writer-out cross-validation: each writer's tasks are scored by a model fitted on every other writer's.
 * Random folds put one writer's tasks on both sides, so they measure how well the model learns a writer's habits;
 * this measures what a new writer gets. `writer` names each item's writer; folds come in sorted writer order.
 */
export function leaveOneWriterOut(
  items: Labelled,
  writer: readonly string[],
  fit: FitOptions = {},
): CrossValidation & { writers: Array<{ writer: string; tasks: number; accuracy: number }> } {
  const names = [...new Set(writer)].sort();
  if (names.length < 2) throw new Error('leave-one-writer-out needs tasks by at least two writers');
  const cv = evaluateFolds(items, writer.map((w) => names.indexOf(w)), names.length, 0, () => fit);
  return { ...cv, writers: cv.folds.map((f) => ({ writer: names[f.fold], tasks: f.test, accuracy: f.accuracy })) };
}

/** Fits a model per fold with the options `fitFor` gives for that fold's training part, and scores its test fold. */
function runFolds(items: Labelled, k: number, seed: number, fitFor: (train: Labelled) => FitOptions): CrossValidation {
  return evaluateFolds(items, stratifiedFolds(items.map((x) => x.tier), k, seed), k, seed, fitFor);
}

function evaluateFolds(items: Labelled, folds: readonly number[], k: number, seed: number, fitFor: (train: Labelled) => FitOptions): CrossValidation {
  const results: FoldResult[] = [];
  for (let f = 0; f < k; f++) {
    const train = items.filter((_, i) => folds[i] !== f);
    const test = items.filter((_, i) => folds[i] === f);
    const model = fitTierModel(train.map((x) => x.features), train.map((x) => x.tier), fitFor(train));
    const misrouted: FoldResult['misrouted'] = [];
    for (const x of test) {
      const predicted = predictTier(model, x.features, 0).tier;
      if (predicted !== x.tier) misrouted.push({ id: x.id, expected: x.tier, predicted });
    }
    const correct = test.length - misrouted.length;
    results.push({ fold: f, train: train.length, test: test.length, correct, accuracy: round4(correct / test.length), misrouted });
  }
  const mean = results.reduce((a, r) => a + r.accuracy, 0) / k;
  const worst = results.reduce((w, r) => (r.accuracy < w.accuracy ? r : w));
  return { k, seed, tasks: items.length, meanAccuracy: round4(mean), worstFold: worst, folds: results };
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** The L2 penalties the trainer chooses from (by inner cross-validation). */
export const L2_GRID = [0.003, 0.01, 0.03, 0.1] as const;

/** Picks the L2 penalty with the best mean k-fold accuracy on `items` (ties go to the stronger penalty). */
export function selectL2(
  items: Labelled,
  grid: readonly number[],
  k: number,
  seed: number,
  fit: FitOptions = {},
): { l2: number; scores: Array<{ l2: number; meanAccuracy: number }> } {
  return best(grid.map((l2) => ({ l2, meanAccuracy: crossValidate(items, k, seed, { ...fit, l2 }).meanAccuracy })));
}

/** Picks the L2 penalty with the best leave-one-writer-out mean (what a new writer gets; ties to the stronger penalty). */
export function selectL2ByWriter(
  items: Labelled,
  writer: readonly string[],
  grid: readonly number[],
  fit: FitOptions = {},
): { l2: number; scores: Array<{ l2: number; meanAccuracy: number }> } {
  return best(grid.map((l2) => ({ l2, meanAccuracy: leaveOneWriterOut(items, writer, { ...fit, l2 }).meanAccuracy })));
}

function best(scores: Array<{ l2: number; meanAccuracy: number }>): { l2: number; scores: Array<{ l2: number; meanAccuracy: number }> } {
  const top = scores.reduce((b, s) => (s.meanAccuracy > b.meanAccuracy || (s.meanAccuracy === b.meanAccuracy && s.l2 > b.l2) ? s : b));
  return { l2: top.l2, scores };
}

/**
 * Nested cross-validation: in each outer fold the L2 penalty is chosen by an inner k-fold cross-validation
 * on the outer training part only, so the reported accuracy does not profit from choosing it on the test fold.
 */
export function nestedCrossValidate(
  items: Labelled,
  grid: readonly number[],
  k: number,
  seed: number,
  fit: FitOptions = {},
): CrossValidation & { chosenL2: number[] } {
  const chosenL2: number[] = [];
  const cv = runFolds(items, k, seed, (train) => {
    const { l2 } = selectL2(train, grid, k, seed + 1, fit);
    chosenL2.push(l2);
    return { ...fit, l2 };
  });
  return { ...cv, chosenL2 };
}
