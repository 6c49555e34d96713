/**
 * The fitted stage of the router: multinomial logistic regression over named features (features.ts),
 * trained at build time by `npm run train:routing` and shipped as tier-model.json. Pure arithmetic at run
 * time: no network, no randomness.
 */
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

/*
 * predictTier runs on every uncached routing decision, so it is written as plain loops over the model's arrays
 * (no per-feature closures or intermediate arrays); its arithmetic is in the same order as the array-method
 * form it replaced, so the probabilities are bit-identical (tier-model.test.ts checks every labelled task).
 */
export function predictTier(model: TierModel, vec: Record<string, number>, driverCount = 3): TierPrediction {
  const { features, mean, scale, weights, bias } = model;
  const d = features.length;
  const K = weights.length;
  const x = new Float64Array(d);
  for (let j = 0; j < d; j++) x[j] = ((vec[features[j]] ?? 0) - mean[j]) / scale[j];
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
}

export const RULE_TIER_FEATURE = 'rule:tier:';

/**
 * Fits the model by full-batch gradient descent on the cross-entropy with an L2 penalty (deterministic:
 * zero start, fixed step). Rows are feature records; labels index MODEL_TIERS.
 */
export function fitTierModel(rows: Array<Record<string, number>>, labels: ModelTier[], opts: FitOptions = {}): TierModel {
  const l2 = opts.l2 ?? 0.01;
  const iterations = opts.iterations ?? 1500;
  const lr = opts.learningRate ?? 0.5;
  const features = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort();
  const free = opts.unpenalized ?? ((f: string) => f.startsWith(RULE_TIER_FEATURE));
  const penalty = features.map((f) => (free(f) ? 0 : l2));
  const n = rows.length;
  const d = features.length;
  const K = MODEL_TIERS.length;
  const raw = rows.map((r) => features.map((f) => r[f] ?? 0));
  const mean = features.map((_, j) => raw.reduce((a, x) => a + x[j], 0) / n);
  const scale = features.map((_, j) => {
    const v = raw.reduce((a, x) => a + (x[j] - mean[j]) ** 2, 0) / n;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  const X = raw.map((x) => x.map((v, j) => (v - mean[j]) / scale[j]));
  const y = labels.map((l) => MODEL_TIERS.indexOf(l));
  const W = Array.from({ length: K }, () => new Array<number>(d).fill(0));
  const bias = new Array<number>(K).fill(0);
  const gW = Array.from({ length: K }, () => new Float64Array(d));
  const gB = new Float64Array(K);
  for (let it = 0; it < iterations; it++) {
    for (const g of gW) g.fill(0);
    gB.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = X[i];
      const z = W.map((w, k) => {
        let s = bias[k];
        for (let j = 0; j < d; j++) s += w[j] * xi[j];
        return s;
      });
      const p = softmaxInPlace(z);
      for (let k = 0; k < K; k++) {
        const err = p[k] - (y[i] === k ? 1 : 0);
        gB[k] += err;
        const g = gW[k];
        for (let j = 0; j < d; j++) g[j] += err * xi[j];
      }
    }
    for (let k = 0; k < K; k++) {
      bias[k] -= (lr * gB[k]) / n;
      const w = W[k];
      const g = gW[k];
      for (let j = 0; j < d; j++) w[j] -= lr * (g[j] / n + penalty[j] * w[j]);
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
