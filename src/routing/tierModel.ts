/**
 * The fitted stage of the router: multinomial logistic regression over named features (features.ts),
 * trained at build time by `npm run train:routing` and shipped as tier-model.json. Pure arithmetic at run
 * time: no network, no randomness.
 */
import { WORD_FEATURE } from './analysis/request-words.js';

export const MODEL_TIERS = ['simple', 'medium', 'complex'] as const;
export type ModelTier = (typeof MODEL_TIERS)[number];

export interface TierModel {
  version: 1;
  kind: 'multinomial-logistic-regression';
  tiers: ModelTier[];
  features: string[];
  /** Standardisation: x' = (x - mean) / scale, per feature. */
  mean: number[];
  scale: number[];
  /** weights[tier][feature] on standardised features. */
  weights: number[][];
  bias: number[];
  training: { tasks: number; sources: string[]; l2: number; iterations: number; trainingAccuracy: number };
}

export interface TierPrediction {
  tier: ModelTier;
  probabilities: Record<ModelTier, number>;
  /** The runner-up tier and the probability gap to it (0 = a coin toss, 1 = certain). */
  runnerUp: ModelTier;
  margin: number;
  /** Features that pushed most towards the chosen tier over the runner-up, strongest first. */
  drivers: Array<{ feature: string; value: number; push: number }>;
}

/** Turns logits into probabilities in place (max subtracted first); returns `z`. */
function softmaxInPlace(z: number[]): number[] {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp(z[k] - max);
    sum += z[k];
  }
  for (let k = 0; k < z.length; k++) z[k] /= sum;
  return z;
}

/** Per model (models are not changed after fitting or loading): feature positions, and x' of a feature that is 0. */
const prepared = new WeakMap<TierModel, { index: Map<string, number>; zero: Float64Array }>();

function prepare(model: TierModel): { index: Map<string, number>; zero: Float64Array } {
  const p = {
    index: new Map(model.features.map((f, j) => [f, j])),
    zero: Float64Array.from(model.mean, (m, j) => (0 - m) / model.scale[j]),
  };
  prepared.set(model, p);
  return p;
}

/*
 * predictTier runs on every uncached routing decision, so it is written as plain loops over the model's arrays
 * (no per-feature closures or intermediate arrays). The standardised vector starts from every feature at 0 and
 * only the task's own features are looked up (a model with request words knows well over a thousand features;
 * a task has a few hundred). The arithmetic is in the same order as the array-method form it replaced, so the
 * probabilities are bit-identical (tier-model.test.ts checks every labelled task).
 */
export function predictTier(model: TierModel, vec: Record<string, number>, driverCount = 3): TierPrediction {
  const { mean, scale, weights, bias } = model;
  const { index, zero } = prepared.get(model) ?? prepare(model);
  const d = zero.length;
  const K = weights.length;
  const x = zero.slice();
  for (const f in vec) {
    const j = index.get(f);
    if (j !== undefined) x[j] = ((vec[f] ?? 0) - mean[j]) / scale[j];
  }
  const p = new Array<number>(K);
  for (let k = 0; k < K; k++) {
    const w = weights[k];
    let acc = bias[k];
    for (let j = 0; j < d; j++) acc += w[j] * x[j];
    p[k] = acc;
  }
  softmaxInPlace(p);
  // Highest probability first; ties go to the earlier tier (what a stable sort gives).
  let top = 0;
  for (let k = 1; k < K; k++) if (p[k] > p[top]) top = k;
  let second = top === 0 ? 1 : 0;
  for (let k = 0; k < K; k++) if (k !== top && p[k] > p[second]) second = k;
  const drivers = topDrivers(model, vec, x, top, second, driverCount);
  const probabilities = {} as Record<ModelTier, number>;
  for (let k = 0; k < K; k++) probabilities[model.tiers[k]] = p[k];
  return { tier: model.tiers[top], probabilities, runnerUp: model.tiers[second], margin: p[top] - p[second], drivers };
}

/** The features that pushed most towards `top` over `second`, strongest first, ties in feature order. */
function topDrivers(model: TierModel, vec: Record<string, number>, x: Float64Array, top: number, second: number, count: number): TierPrediction['drivers'] {
  if (count <= 0) return [];
  const wTop = model.weights[top];
  const wSecond = model.weights[second];
  const best: Array<{ j: number; push: number }> = [];
  for (let j = 0; j < x.length; j++) {
    const push = (wTop[j] - wSecond[j]) * x[j];
    if (!(push > 0)) continue;
    if (best.length === count && push <= best[count - 1].push) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].push < push) at--;
    best.splice(at, 0, { j, push });
    if (best.length > count) best.pop();
  }
  return best.map(({ j, push }) => ({ feature: model.features[j], value: vec[model.features[j]] ?? 0, push: Math.round(push * 100) / 100 }));
}

export interface FitOptions {
  l2?: number;
  iterations?: number;
  learningRate?: number;
  sources?: string[];
  /**
   * Features whose weights carry no L2 penalty (default: the rule stage's tier, `rule:tier:*`): the model
   * starts from what the rubric-derived rules say and the penalised features learn the corrections.
   */
  unpenalized?: (feature: string) => boolean;
  /** A request-word feature is kept only if this many training tasks have it (default WORD_MIN_TASKS). */
  wordMinTasks?: number;
  /** Request-word weights are penalised this many times harder than the other features' (default WORD_PENALTY_FACTOR). */
  wordPenaltyFactor?: number;
}

export const RULE_TIER_FEATURE = 'rule:tier:';
/**
 * Request words (analysis/request-words.ts) seen in fewer training tasks than this are dropped: a rarer word
 * is one writer's habit more often than a sign of the work. 5 and the penalty factor 4 were chosen by
 * leave-one-writer-out cross-validation (tasks/authoring/README.md).
 */
export const WORD_MIN_TASKS = 5;
export const WORD_PENALTY_FACTOR = 4;

/**
 * Fits the model by full-batch gradient descent on the cross-entropy with an L2 penalty (deterministic:
 * zero start, fixed step). Rows are feature records; labels index MODEL_TIERS.
 *
 * The arithmetic is that of the dense form on standardised features, x' = (x - mean) / scale, but done over
 * each row's non-zero features only: w . x' = sum over non-zeros of (w / scale) x - sum of w mean / scale,
 * and the gradient's centring term is the mean times the summed errors. Most of the request-word columns of
 * a row are zero, so a fit costs the rows' non-zeros, not rows x features.
 */
export function fitTierModel(rows: Array<Record<string, number>>, labels: ModelTier[], opts: FitOptions = {}): TierModel {
  const l2 = opts.l2 ?? 0.01;
  const iterations = opts.iterations ?? 1500;
  const lr = opts.learningRate ?? 0.5;
  const wordMin = opts.wordMinTasks ?? WORD_MIN_TASKS;
  const wordFactor = opts.wordPenaltyFactor ?? WORD_PENALTY_FACTOR;
  const present = new Map<string, number>();
  for (const r of rows) for (const [f, v] of Object.entries(r)) present.set(f, (present.get(f) ?? 0) + (v !== 0 ? 1 : 0));
  const features = [...present.keys()].filter((f) => !f.startsWith(WORD_FEATURE) || (present.get(f) ?? 0) >= wordMin).sort();
  const free = opts.unpenalized ?? ((f: string) => f.startsWith(RULE_TIER_FEATURE));
  const penalty = features.map((f) => (free(f) ? 0 : f.startsWith(WORD_FEATURE) ? l2 * wordFactor : l2));
  const n = rows.length;
  const d = features.length;
  const K = MODEL_TIERS.length;
  const index = new Map(features.map((f, j) => [f, j]));
  // Each row as its non-zero (feature index, raw value) pairs.
  const cols: Int32Array[] = [];
  const vals: Float64Array[] = [];
  const sum = new Float64Array(d);
  for (const r of rows) {
    const js: number[] = [];
    const vs: number[] = [];
    for (const [f, v] of Object.entries(r)) {
      const j = index.get(f);
      if (j === undefined || v === 0) continue;
      js.push(j);
      vs.push(v);
      sum[j] += v;
    }
    cols.push(Int32Array.from(js));
    vals.push(Float64Array.from(vs));
  }
  const mean = Array.from(sum, (s) => s / n);
  const sq = new Float64Array(d);
  const nonZero = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const c = cols[i];
    const v = vals[i];
    for (let t = 0; t < c.length; t++) {
      sq[c[t]] += (v[t] - mean[c[t]]) ** 2;
      nonZero[c[t]]++;
    }
  }
  const scale = mean.map((m, j) => {
    const v = (sq[j] + (n - nonZero[j]) * m * m) / n; // the zeros' squared deviations, added in one step
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  const y = labels.map((l) => MODEL_TIERS.indexOf(l));
  const W = Array.from({ length: K }, () => new Array<number>(d).fill(0));
  const bias = new Array<number>(K).fill(0);
  const U = Array.from({ length: K }, () => new Float64Array(d)); // W / scale
  const offset = new Float64Array(K); // sum of W mean / scale
  const gRaw = Array.from({ length: K }, () => new Float64Array(d)); // sum of err * raw x, over non-zeros
  const gB = new Float64Array(K);
  const z = new Array<number>(K);
  for (let it = 0; it < iterations; it++) {
    for (let k = 0; k < K; k++) {
      let o = 0;
      for (let j = 0; j < d; j++) {
        U[k][j] = W[k][j] / scale[j];
        o += U[k][j] * mean[j];
      }
      offset[k] = o;
      gRaw[k].fill(0);
    }
    gB.fill(0);
    for (let i = 0; i < n; i++) {
      const c = cols[i];
      const v = vals[i];
      for (let k = 0; k < K; k++) {
        const u = U[k];
        let s = bias[k] - offset[k];
        for (let t = 0; t < c.length; t++) s += u[c[t]] * v[t];
        z[k] = s;
      }
      const p = softmaxInPlace(z);
      for (let k = 0; k < K; k++) {
        const err = p[k] - (y[i] === k ? 1 : 0);
        gB[k] += err;
        const g = gRaw[k];
        for (let t = 0; t < c.length; t++) g[c[t]] += err * v[t];
      }
    }
    for (let k = 0; k < K; k++) {
      bias[k] -= (lr * gB[k]) / n;
      const w = W[k];
      const g = gRaw[k];
      for (let j = 0; j < d; j++) w[j] -= lr * ((g[j] - mean[j] * gB[k]) / scale[j] / n + penalty[j] * w[j]);
    }
  }
  const model: TierModel = {
    version: 1,
    kind: 'multinomial-logistic-regression',
    tiers: [...MODEL_TIERS],
    features,
    mean: mean.map(round6),
    scale: scale.map(round6),
    weights: W.map((w) => w.map(round6)),
    bias: bias.map(round6),
    training: { tasks: n, sources: opts.sources ?? [], l2, iterations, trainingAccuracy: 0 },
  };
  const correct = rows.filter((r, i) => predictTier(model, r, 0).tier === labels[i]).length;
  model.training.trainingAccuracy = round6(correct / n);
  return model;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Checks a parsed model file; returns it typed or throws naming the bad field. */
export function validateTierModel(m: unknown): TierModel {
  const o = m as Partial<TierModel>;
  const fail = (field: string) => {
    throw new Error(`routing tier model: bad or missing "${field}"`);
  };
  if (!o || o.version !== 1 || o.kind !== 'multinomial-logistic-regression') fail('version/kind');
  if (!Array.isArray(o.tiers) || o.tiers.join() !== MODEL_TIERS.join()) fail('tiers');
  const d = Array.isArray(o.features) ? o.features.length : fail('features');
  if (!Array.isArray(o.mean) || o.mean.length !== d) fail('mean');
  if (!Array.isArray(o.scale) || o.scale.length !== d || o.scale.some((s) => !(s > 0))) fail('scale');
  if (!Array.isArray(o.weights) || o.weights.length !== MODEL_TIERS.length || o.weights.some((w) => !Array.isArray(w) || w.length !== d)) fail('weights');
  if (!Array.isArray(o.bias) || o.bias.length !== MODEL_TIERS.length) fail('bias');
  return o as TierModel;
}
