import type { ConfigPath } from './env.js';
import type { FleetConfig, ModelConfig } from './schema.js';

/** A problem found by a cross-field rule; validate.ts adds the line and formats it. */
export interface RuleProblem {
  path: ConfigPath;
  expected: string;
  found: string;
}

const WEIGHT_TOLERANCE = 1e-6;
// Ranges are written with one or two decimals; float noise must not open a "gap".
const RANGE_EPSILON = 1e-9;

const fmt = (n: number): string => String(Number(n.toFixed(6)));

function modelPath(i: number, ...rest: string[]): ConfigPath {
  return ['routing', 'models', i, ...rest];
}

function duplicateNames(models: ModelConfig[]): RuleProblem[] {
  const first = new Map<string, number>();
  const out: RuleProblem[] = [];
  models.forEach((m, i) => {
    const seen = first.get(m.name);
    if (seen === undefined) first.set(m.name, i);
    else out.push({ path: modelPath(i, 'name'), expected: 'a unique model name', found: `${JSON.stringify(m.name)} (also routing.models[${seen}])` });
  });
  return out;
}

function rangeBounds(models: ModelConfig[]): RuleProblem[] {
  const out: RuleProblem[] = [];
  models.forEach((m, i) => {
    const { min, max } = m.complexityRange;
    for (const [key, v] of [['min', min], ['max', max]] as const) {
      if (v < 0 || v > 1) out.push({ path: modelPath(i, 'complexityRange', key), expected: 'a number from 0 to 1', found: fmt(v) });
    }
    if (min > max) out.push({ path: modelPath(i, 'complexityRange'), expected: 'min <= max', found: `min ${fmt(min)} > max ${fmt(max)}` });
  });
  return out;
}

/** Enabled models' ranges must together cover 0..1, so every complexity score has a model. */
function rangeCoverage(models: ModelConfig[]): RuleProblem[] {
  const enabled = models
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.enabled && m.complexityRange.min <= m.complexityRange.max)
    .sort((a, b) => a.m.complexityRange.min - b.m.complexityRange.min);
  if (enabled.length === 0) return [];
  const expected = "enabled models' complexity ranges to cover 0..1 with no gap";
  const out: RuleProblem[] = [];
  const lowest = enabled[0]!;
  if (lowest.m.complexityRange.min > RANGE_EPSILON) {
    out.push({
      path: modelPath(lowest.i, 'complexityRange', 'min'),
      expected,
      found: `nothing covering 0..${fmt(lowest.m.complexityRange.min)} (lowest range starts at ${lowest.m.name})`,
    });
  }
  let reach = lowest.m.complexityRange.max;
  let reachName = lowest.m.name;
  let reachIndex = lowest.i;
  for (const { m, i } of enabled.slice(1)) {
    if (m.complexityRange.min > reach + RANGE_EPSILON) {
      out.push({
        path: modelPath(i, 'complexityRange', 'min'),
        expected,
        found: `a gap ${fmt(reach)}..${fmt(m.complexityRange.min)} (${reachName} ends at ${fmt(reach)}, ${m.name} starts at ${fmt(m.complexityRange.min)})`,
      });
    }
    if (m.complexityRange.max > reach) {
      reach = m.complexityRange.max;
      reachName = m.name;
      reachIndex = i;
    }
  }
  if (reach < 1 - RANGE_EPSILON) {
    out.push({
      path: modelPath(reachIndex, 'complexityRange', 'max'),
      expected,
      found: `nothing covering ${fmt(reach)}..1 (highest range ends at ${reachName})`,
    });
  }
  return out;
}

function defaultModel(config: FleetConfig): RuleProblem[] {
  const { defaultModel: name, models } = config.routing;
  const enabled = models.filter((m) => m.enabled).map((m) => m.name);
  const expected = enabled.length
    ? `the name of an enabled model (one of: ${enabled.join(', ')})`
    : 'the name of an enabled model (no model in routing.models is enabled)';
  const model = models.find((m) => m.name === name);
  if (!model) return [{ path: ['routing', 'defaultModel'], expected, found: `${JSON.stringify(name)}, which is not in routing.models` }];
  if (!model.enabled) return [{ path: ['routing', 'defaultModel'], expected, found: `${JSON.stringify(name)}, which is disabled (enabled: false)` }];
  return [];
}

function weights(config: FleetConfig): RuleProblem[] {
  const w = config.routing.complexity;
  const sum = w.tokenWeighting + w.structureWeighting + w.contextWeighting;
  if (Math.abs(sum - 1) <= WEIGHT_TOLERANCE) return [];
  return [
    {
      path: ['routing', 'complexity'],
      expected: 'tokenWeighting + structureWeighting + contextWeighting = 1',
      found: `${fmt(w.tokenWeighting)} + ${fmt(w.structureWeighting)} + ${fmt(w.contextWeighting)} = ${fmt(sum)}`,
    },
  ];
}

function streaming(config: FleetConfig): RuleProblem[] {
  const t = config.streaming.backpressureThreshold;
  return t > 0 && t <= 1 ? [] : [{ path: ['streaming', 'backpressureThreshold'], expected: 'a number > 0 and <= 1', found: fmt(t) }];
}

// The schema already bounds budgets (>= 0) and alert thresholds (0..100); these guard configs built in code.
function costTracking(config: FleetConfig): RuleProblem[] {
  const ct = config.routing.costTracking;
  const out: RuleProblem[] = [];
  for (const k of ['daily', 'monthly'] as const) {
    const v = ct.budgetLimits[k];
    if (!(v >= 0)) out.push({ path: ['routing', 'costTracking', 'budgetLimits', k], expected: 'a number >= 0', found: fmt(v) });
  }
  for (const k of ['dailyPercent', 'monthlyPercent'] as const) {
    const v = ct.alertThresholds[k];
    if (!(v >= 0 && v <= 100)) out.push({ path: ['routing', 'costTracking', 'alertThresholds', k], expected: 'a number from 0 to 100', found: fmt(v) });
  }
  return out;
}

/** Every cross-field rule over a config that already passed the schema. */
export function checkRules(config: FleetConfig): RuleProblem[] {
  const models = config.routing.models;
  return [
    ...duplicateNames(models),
    ...rangeBounds(models),
    ...rangeCoverage(models),
    ...defaultModel(config),
    ...weights(config),
    ...costTracking(config),
    ...streaming(config),
  ];
}
