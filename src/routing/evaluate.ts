import type { ModelConfig, RoutingConfig } from '../config/schema.js';
import { AqeError, ErrorCodes } from '../errors.js';
import type { ModelSelection, QETask } from '../fleet/types.js';
import { byPrice, estimateInputTokens, estimateOutputTokens, priceOf } from './pricing.js';

export const TIERS = ['simple', 'medium', 'complex'] as const;
export type TierName = (typeof TIERS)[number];
export type TierMap = Record<TierName, string>;

/** simple -> cheapest enabled model, medium -> routing.defaultModel, complex -> most expensive enabled model. */
export function defaultTierMap(routing: RoutingConfig): TierMap {
  const enabled = byPrice(routing.models.filter((m) => m.enabled !== false));
  if (!enabled.length) throw new AqeError(ErrorCodes.NO_MODEL, 'routing.models has no enabled model');
  return { simple: enabled[0].name, medium: routing.defaultModel, complex: enabled[enabled.length - 1].name };
}

/** Parses "simple=NAME,medium=NAME,complex=NAME" (any subset) over a base map; names must be configured. */
export function parseTierMap(spec: string, base: TierMap, models: readonly ModelConfig[]): TierMap {
  const out = { ...base };
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [tier, name] = part.split('=').map((x) => x?.trim());
    if (!(TIERS as readonly string[]).includes(tier ?? '')) {
      throw new AqeError(ErrorCodes.USAGE, `--map: unknown tier "${tier}" in "${part}"; use simple=NAME,medium=NAME,complex=NAME`);
    }
    if (!name || !models.some((m) => m.name === name)) {
      throw new AqeError(ErrorCodes.USAGE, `--map: model "${name ?? ''}" for ${tier} is not in routing.models (${models.map((m) => m.name).join(', ')})`);
    }
    out[tier as TierName] = name;
  }
  return out;
}

export interface EvalItem {
  task: QETask;
  selection: ModelSelection;
}

export interface Misrouted {
  id: string;
  expected: TierName;
  expectedModel: string;
  model: string;
  score: number;
  reasons: string[];
}

export interface EvalReport {
  tasks: number;
  /** Tasks with expected.tier (the ones scored). */
  labelled: number;
  correct: number;
  accuracy: number;
  tierMap: TierMap;
  /** confusion[expected][routed], routed being a tier of the map or the model name when it maps to none. */
  confusion: Record<TierName, Record<string, number>>;
  misrouted: Misrouted[];
  cost: { routed: number; allDefault: number; allTop: number; defaultModel: string; topModel: string; savingsVsDefaultPercent: number; savingsVsTopPercent: number };
}

export function evaluateRouting(items: EvalItem[], routing: RoutingConfig, tierMap: TierMap): EvalReport {
  const modelToTier = new Map<string, TierName>();
  for (const t of TIERS) if (!modelToTier.has(tierMap[t])) modelToTier.set(tierMap[t], t);
  const confusion = Object.fromEntries(TIERS.map((t) => [t, Object.fromEntries(TIERS.map((u) => [u, 0]))])) as EvalReport['confusion'];
  const misrouted: Misrouted[] = [];
  let labelled = 0;
  let correct = 0;
  const defaultModel = routing.models.find((m) => m.name === routing.defaultModel);
  const top = byPrice(routing.models.filter((m) => m.enabled !== false)).at(-1);
  let routed = 0;
  let allDefault = 0;
  let allTop = 0;
  for (const { task, selection } of items) {
    const input = estimateInputTokens(task);
    const output = estimateOutputTokens(task, selection.complexity.score);
    routed += selection.estimatedCost;
    if (defaultModel) allDefault += priceOf(defaultModel, input, output);
    if (top) allTop += priceOf(top, input, output);
    const expected = task.expected?.tier;
    if (!expected || !(TIERS as readonly string[]).includes(expected)) continue;
    labelled++;
    const got = modelToTier.get(selection.modelName) ?? selection.modelName;
    confusion[expected][got] = (confusion[expected][got] ?? 0) + 1;
    if (selection.modelName === tierMap[expected]) correct++;
    else {
      misrouted.push({
        id: task.id,
        expected,
        expectedModel: tierMap[expected],
        model: selection.modelName,
        score: selection.complexity.score,
        reasons: selection.complexity.reasons,
      });
    }
  }
  const pct = (saved: number, base: number) => (base > 0 ? (saved / base) * 100 : 0);
  return {
    tasks: items.length,
    labelled,
    correct,
    accuracy: labelled ? correct / labelled : 0,
    tierMap,
    confusion,
    misrouted,
    cost: {
      routed,
      allDefault,
      allTop,
      defaultModel: routing.defaultModel,
      topModel: top?.name ?? '',
      savingsVsDefaultPercent: pct(allDefault - routed, allDefault),
      savingsVsTopPercent: pct(allTop - routed, allTop),
    },
  };
}
