import type { ModelConfig, RoutingConfig } from '../config/schema.js';
import { AqeError, ErrorCodes } from '../errors.js';
import type { ComplexityComponents, ComplexityResult, ModelSelection, QETask } from '../fleet/types.js';
import { ComplexityAnalyzer } from './ComplexityAnalyzer.js';
import type { LlmTieBreaker, TieBreakContext } from './llm-tie-break.js';
import { byPrice, estimateInputTokens, estimateOutputTokens, priceOf } from './pricing.js';

/** What the fleet writes to routing/selections for every routed task. */
export interface SelectionRecord {
  taskId: string;
  score: number;
  components: ComplexityComponents;
  /** The chosen model's name as in the config. */
  model: string;
  reasons: string[];
  /** Epoch ms. */
  at: number;
}

export interface ModelRouterOptions {
  analyzer?: ComplexityAnalyzer;
  onSelection?: (rec: SelectionRecord) => void;
  /** Fraction (0..1+) of the tightest budget already used; read on every selection. */
  budgetPressure?: () => number;
  now?: () => number;
  /** routing.llmTieBreak: consulted by selectAsync only (select never calls a model). */
  tieBreaker?: LlmTieBreaker;
}

export interface SelectOptions {
  stream?: boolean;
  /** Output budget of the request; defaults to an estimate from the task type and complexity. */
  maxOutputTokens?: number;
}

/**
 * Under budget pressure a task moves one tier down when its score is inside the cheaper model's range or
 * at most this far above its top.
 */
export const PRESSURE_MARGIN = 0.1;

/**
 * Picks a model per task. Among enabled models that can serve the request (context window, streaming),
 * the ones whose complexityRange contains the score compete; where ranges overlap `routing.tieBreak`
 * decides: 'cheapest' (default) takes the cheapest, 'capable' the most expensive. With the seed's ranges
 * and 'cheapest' that is haiku up to 0.4, sonnet up to 0.8, opus above.
 */
export class ModelRouter {
  private routing: RoutingConfig;
  private readonly analyzer: ComplexityAnalyzer;
  private readonly opts: ModelRouterOptions;

  constructor(routing: RoutingConfig, opts: ModelRouterOptions = {}) {
    this.routing = routing;
    this.opts = opts;
    this.analyzer = opts.analyzer ?? new ComplexityAnalyzer(routing.complexity);
  }

  /** Hot reload: new models, ranges, tie-break and pressure settings apply to the next selection. */
  updateConfig(routing: RoutingConfig): void {
    this.routing = routing;
  }

  getAnalyzer(): ComplexityAnalyzer {
    return this.analyzer;
  }

  /** The synchronous decision: analysis, fitted model, ranges. Never calls a model. */
  select(task: QETask, opts: SelectOptions = {}): ModelSelection {
    const complexity = this.analyzer.analyze(task);
    return this.selectFor(task, complexity, this.analyzer.inputTokensOf(complexity) ?? estimateInputTokens(task), opts);
  }

  /**
   * select, plus routing.llmTieBreak: with it on, a tie-breaker given and the fitted model's decision a close
   * call, the cheapest model is asked to settle the tier (a metered call; cached per task content). With it
   * off this is select.
   */
  async selectAsync(task: QETask, opts: SelectOptions & TieBreakContext = {}): Promise<ModelSelection> {
    const analysed = this.analyzer.analyze(task);
    const inputTokens = this.analyzer.inputTokensOf(analysed) ?? estimateInputTokens(task);
    const tb = this.opts.tieBreaker;
    const complexity = tb && this.routing.llmTieBreak?.enabled ? await tb.settle(task, analysed, this.routing, opts) : analysed;
    return this.selectFor(task, complexity, inputTokens, opts);
  }

  private selectFor(task: QETask, complexity: ComplexityResult, inputTokens: number, opts: SelectOptions): ModelSelection {
    const score = complexity.score;
    const outputTokens = opts.maxOutputTokens ?? estimateOutputTokens(task, score);
    const { capable, rejected } = this.capableModels(inputTokens + outputTokens, !!opts.stream);
    if (!capable.length) {
      throw new AqeError(
        ErrorCodes.NO_MODEL,
        `no enabled model can take task ${task.id}: ${rejected.length ? rejected.join('; ') : 'routing.models has no models'}`,
        { taskId: task.id, rejected },
      );
    }
    const reasons: string[] = [];
    const inRange = capable.filter((m) => score >= m.complexityRange.min && score <= m.complexityRange.max);
    let chosen: ModelConfig;
    if (inRange.length) {
      const ordered = byPrice(inRange);
      chosen = this.routing.tieBreak === 'capable' ? ordered[ordered.length - 1] : ordered[0];
      reasons.push(
        inRange.length > 1
          ? `score ${score.toFixed(3)} is in the ranges of ${ordered.map((m) => m.name).join(', ')}; tie-break '${this.routing.tieBreak}' -> ${chosen.name}`
          : `score ${score.toFixed(3)} is in ${chosen.name}'s range [${chosen.complexityRange.min}, ${chosen.complexityRange.max}]`,
      );
    } else {
      chosen = nearestRange(capable, score);
      reasons.push(`no capable model's range holds score ${score.toFixed(3)}; nearest range: ${chosen.name} [${chosen.complexityRange.min}, ${chosen.complexityRange.max}]`);
    }
    if (rejected.length) reasons.push(`skipped: ${rejected.join('; ')}`);

    const downgraded = this.underPressure(chosen, capable, score);
    if (downgraded) {
      reasons.push(downgraded.reason);
      chosen = downgraded.model;
    }

    const fallbacks = fallbackOrder(chosen, capable).map((m) => m.name);
    const estimatedCost = priceOf(chosen, inputTokens, outputTokens);
    reasons.push(`estimate ${inputTokens} input + ${outputTokens} output tokens = $${estimatedCost.toFixed(4)}`);
    if (complexity.reasons[0]) reasons.push(complexity.reasons[0]);

    const selection: ModelSelection = {
      modelName: chosen.name,
      provider: chosen.provider,
      model: chosen.model,
      complexity,
      reasons,
      estimatedCost,
      fallbacks,
    };
    this.opts.onSelection?.({
      taskId: task.id,
      score,
      components: complexity.components,
      model: chosen.name,
      reasons: [...reasons, ...complexity.reasons.slice(1)],
      at: (this.opts.now ?? Date.now)(),
    });
    return selection;
  }

  /** v1.0.4 behaviour: routing.defaultModel, no analysis, no record, no fallbacks. */
  defaultSelection(task: QETask): ModelSelection {
    const m = this.routing.models.find((x) => x.name === this.routing.defaultModel);
    if (!m) {
      throw new AqeError(ErrorCodes.NO_MODEL, `routing.defaultModel "${this.routing.defaultModel}" is not in routing.models`, {
        defaultModel: this.routing.defaultModel,
      });
    }
    if (m.enabled === false) {
      throw new AqeError(ErrorCodes.NO_MODEL, `routing.defaultModel "${m.name}" is disabled`, { defaultModel: m.name });
    }
    const complexity: ComplexityResult = {
      score: 0.5,
      components: { token: 0, structure: 0, context: 0 },
      reasons: ['not analysed (router off); 0.5 assumed for the output estimate'],
    };
    const inputTokens = estimateInputTokens(task);
    const outputTokens = estimateOutputTokens(task, complexity.score);
    return {
      modelName: m.name,
      provider: m.provider,
      model: m.model,
      complexity,
      reasons: [`router off: routing.defaultModel ${m.name}`],
      estimatedCost: priceOf(m, inputTokens, outputTokens),
      fallbacks: [],
    };
  }

  private capableModels(tokensNeeded: number, stream: boolean): { capable: ModelConfig[]; rejected: string[] } {
    const capable: ModelConfig[] = [];
    const rejected: string[] = [];
    for (const m of this.routing.models) {
      if (m.enabled === false) rejected.push(`${m.name} is disabled`);
      else if (m.capabilities.maxTokens < tokensNeeded) rejected.push(`${m.name} allows ${m.capabilities.maxTokens} tokens, the request needs about ${tokensNeeded}`);
      else if (stream && m.capabilities.supportsStreaming === false) rejected.push(`${m.name} does not support streaming`);
      else capable.push(m);
    }
    return { capable, rejected };
  }

  private underPressure(chosen: ModelConfig, capable: ModelConfig[], score: number): { model: ModelConfig; reason: string } | undefined {
    const ct = this.routing.costTracking;
    if (!ct.enabled || !ct.preferCheaperUnderPressure || !this.opts.budgetPressure) return undefined;
    const pressure = this.opts.budgetPressure();
    const threshold = Math.min(ct.alertThresholds.dailyPercent, ct.alertThresholds.monthlyPercent) / 100;
    if (!(pressure >= threshold)) return undefined;
    const ordered = byPrice(capable);
    const idx = ordered.findIndex((m) => m.name === chosen.name);
    const lower = idx > 0 ? ordered[idx - 1] : undefined;
    if (!lower) return undefined;
    if (score > lower.complexityRange.max + PRESSURE_MARGIN) return undefined;
    return {
      model: lower,
      reason: `budget pressure ${(pressure * 100).toFixed(0)}% >= ${(threshold * 100).toFixed(0)}%: one tier down to ${lower.name} (score ${score.toFixed(3)} within ${PRESSURE_MARGIN} of its range top ${lower.complexityRange.max})`,
    };
  }
}

function nearestRange(models: ModelConfig[], score: number): ModelConfig {
  const distance = (m: ModelConfig) => (score < m.complexityRange.min ? m.complexityRange.min - score : score - m.complexityRange.max);
  const ordered = byPrice(models);
  // Equal distance: the more capable (expensive) one, so a task is never under-served by a gap in the ranges.
  return ordered.reduce((best, m) => (distance(m) <= distance(best) ? m : best), ordered[0]);
}

/** Other capable models: more expensive ones first (cheapest of those first), then cheaper ones, nearest first. */
export function fallbackOrder(chosen: ModelConfig, capable: ModelConfig[]): ModelConfig[] {
  const ordered = byPrice(capable);
  const idx = ordered.findIndex((m) => m.name === chosen.name);
  return [...ordered.slice(idx + 1), ...ordered.slice(0, Math.max(0, idx)).reverse()];
}
