import type { ModelConfig } from '../config/schema.js';
import type { CostRecord } from '../memory/types.js';
import { byPrice, priceOf } from './pricing.js';

export type ReportPeriod = '1d' | '7d' | '30d';
export type ReportGrouping = 'model' | 'agent' | 'day';

export const PERIOD_DAYS: Record<ReportPeriod, number> = { '1d': 1, '7d': 7, '30d': 30 };

export interface CostGroup {
  key: string;
  cost: number;
  inputTokens: number;
  outputTokens: number;
  tasks: number;
  records: number;
}

export interface Savings {
  /** The model every task is priced at for the comparison. */
  baselineModel: string;
  /** What the same token counts would have cost on that model. */
  baselineCost: number;
  saved: number;
  /** saved / baselineCost * 100 (0 when the baseline is 0). */
  percent: number;
}

/** Totals of ledger records and what they would have cost on one model; no I/O. */
export interface LedgerSummary {
  cost: number;
  inputTokens: number;
  outputTokens: number;
  tasks: number;
  records: number;
  /** Records whose tokens were counted by our tokenizer (offline engine, or tokens received), not a provider. */
  estimatedRecords: number;
  /** Records booked at the reserved amount because their process died before settling (included in cost). */
  unsettledRecords: number;
  unsettledCost: number;
  groups?: CostGroup[];
  savingsVsDefault?: Savings;
  savingsVsTop?: Savings;
  /** Records whose model is no longer in the config (their cost is kept as recorded). */
  unpricedModels: string[];
}

function groupKey(r: CostRecord, by: ReportGrouping): string {
  return by === 'model' ? r.modelName : by === 'agent' ? r.agentType : r.day;
}

function savingsAgainst(records: CostRecord[], model: ModelConfig | undefined, actual: number): Savings | undefined {
  if (!model) return undefined;
  const baselineCost = records.reduce((a, r) => a + priceOf(model, r.inputTokens, r.outputTokens), 0);
  const saved = baselineCost - actual;
  return { baselineModel: model.name, baselineCost, saved, percent: baselineCost > 0 ? (saved / baselineCost) * 100 : 0 };
}

export function summariseLedger(
  records: CostRecord[],
  models: readonly ModelConfig[],
  defaultModel: string,
  by?: ReportGrouping,
): LedgerSummary {
  const known = new Set(models.map((m) => m.name));
  const summary: LedgerSummary = {
    cost: 0,
    inputTokens: 0,
    outputTokens: 0,
    tasks: new Set(records.map((r) => r.taskId)).size,
    records: records.length,
    estimatedRecords: records.filter((r) => r.estimated).length,
    unsettledRecords: 0,
    unsettledCost: 0,
    unpricedModels: [...new Set(records.filter((r) => !known.has(r.modelName)).map((r) => r.modelName))],
  };
  for (const r of records) {
    if (r.status === 'unsettled') {
      summary.unsettledRecords++;
      summary.unsettledCost += r.cost;
    }
    summary.cost += r.cost;
    summary.inputTokens += r.inputTokens;
    summary.outputTokens += r.outputTokens;
  }
  if (by) {
    const groups = new Map<string, CostGroup & { taskIds: Set<string> }>();
    for (const r of records) {
      const key = groupKey(r, by);
      const g = groups.get(key) ?? { key, cost: 0, inputTokens: 0, outputTokens: 0, tasks: 0, records: 0, taskIds: new Set<string>() };
      g.cost += r.cost;
      g.inputTokens += r.inputTokens;
      g.outputTokens += r.outputTokens;
      g.records++;
      g.taskIds.add(r.taskId);
      groups.set(key, g);
    }
    summary.groups = [...groups.values()]
      .map(({ taskIds, ...g }) => ({ ...g, tasks: taskIds.size }))
      .sort((a, b) => (by === 'day' ? a.key.localeCompare(b.key) : b.cost - a.cost || a.key.localeCompare(b.key)));
  }
  const enabled = models.filter((m) => m.enabled !== false);
  // Savings compare token mixes: unsettled records have no token counts, so they stay out of both sides.
  const priced = records.filter((r) => r.status !== 'unsettled');
  const pricedCost = summary.cost - summary.unsettledCost;
  summary.savingsVsDefault = savingsAgainst(priced, models.find((m) => m.name === defaultModel), pricedCost);
  const top = byPrice(enabled).at(-1);
  summary.savingsVsTop = savingsAgainst(priced, top, pricedCost);
  return summary;
}
