import type { FleetConfig, RoutingConfig } from '../../config/schema.js';
import type { ModelSelection, QETask } from '../../fleet/types.js';

/** What `aqe route --llm-tie-break` did: how often the cheapest model was asked, what it said, what it cost. */
export interface TieBreakSummary {
  /** The model asked (config name). */
  model: string;
  margin: number;
  /** Tasks whose decision was a close call, so the model was consulted (calls plus cache hits). */
  asked: number;
  /** Of those, answered from the cache (the same task content seen before): no call. */
  cached: number;
  answered: number;
  /** Answers that were not one of the two tiers offered: the fitted model's tier was kept. */
  invalid: number;
  /** Calls that failed (provider error, refused budget): the fitted model's tier was kept. */
  failed: number;
  /** Answers that changed the tier. */
  changed: number;
  /** Dollars the calls cost, settled as the fleet settles them. */
  costUsd: number;
}

export interface TieBreakRouting {
  select(task: QETask): Promise<ModelSelection>;
  summary(selections: readonly ModelSelection[]): TieBreakSummary;
  close(): Promise<void>;
}

/**
 * The router as the fleet runs it with `routing.llmTieBreak` on (ModelRouter.selectAsync): on a close call the
 * cheapest enabled model is asked for the tier, through the metered provider. The ledger is an in-memory store,
 * so nothing is written; the cost is reported. Refuses when that model is not a remote provider with a key (the
 * offline engine is never asked), naming the model.
 */
export async function tieBreakRouting(config: FleetConfig, routing: RoutingConfig, margin: number, env: NodeJS.ProcessEnv = process.env): Promise<TieBreakRouting> {
  const [{ ModelRouter }, { ComplexityAnalyzer }, { LlmTieBreaker }, { CostTracker }, { SqliteMemoryStore }, { createProviderRegistry }, { AqeError, ErrorCodes }, { byPrice }] = await Promise.all([
    import('../../routing/ModelRouter.js'),
    import('../../routing/ComplexityAnalyzer.js'),
    import('../../routing/llm-tie-break.js'),
    import('../../routing/CostTracker.js'),
    import('../../memory/sqlite-store.js'),
    import('../../providers/registry.js'),
    import('../../errors.js'),
    import('../../routing/pricing.js'),
  ]);
  const r: RoutingConfig = { ...routing, llmTieBreak: { enabled: true, margin } };
  const providers = createProviderRegistry({ ...config, routing: r }, env);
  const store = new SqliteMemoryStore(':memory:');
  const costs = new CostTracker(r, store);
  const close = async (): Promise<void> => {
    await costs.close();
    store.close();
  };
  const tieBreaker = new LlmTieBreaker({ provider: (name) => providers.get(name), costs: () => costs });
  const target = tieBreaker.askable(r);
  if (!target) {
    await close();
    const cheapest = byPrice(r.models.filter((m) => m.enabled !== false))[0];
    throw new AqeError(
      ErrorCodes.USAGE,
      `--llm-tie-break: the cheapest enabled model${cheapest ? ` (${cheapest.name})` : ''} runs on the offline engine, which is never asked; set its provider's API key (e.g. ANTHROPIC_API_KEY) or give it a remote provider`,
    );
  }
  const router = new ModelRouter(r, { analyzer: new ComplexityAnalyzer(r.complexity), tieBreaker });
  let costUsd = 0;
  return {
    select: (task) => router.selectAsync(task, { onSettled: (c) => (costUsd += c) }),
    summary: (selections) => {
      const asked = selections.map((s) => s.complexity.decision?.llm).filter((x) => x !== undefined);
      return {
        model: target.model.name,
        margin,
        asked: asked.length,
        cached: asked.filter((a) => a.cached).length,
        answered: asked.filter((a) => a.outcome === 'answered').length,
        invalid: asked.filter((a) => a.outcome === 'invalid').length,
        failed: asked.filter((a) => a.outcome === 'failed').length,
        changed: asked.filter((a) => a.outcome === 'answered' && a.answer !== a.modelTier).length,
        costUsd: Number(costUsd.toFixed(6)),
      };
    },
    close,
  };
}
