export { ComplexityAnalyzer, TIER_BANDS, type ComplexityWeights, type Tier, type ComplexityAnalyzerOptions } from './ComplexityAnalyzer.js';
export { ModelRouter, PRESSURE_MARGIN, fallbackOrder, type SelectionRecord, type ModelRouterOptions, type SelectOptions } from './ModelRouter.js';
export {
  CostTracker,
  ALERTS_PARTITION,
  type Reservation,
  type ActualUsage,
  type BudgetAlert,
  type BudgetStatus,
  type BudgetWindowStatus,
  type CostReport,
  type CostLogger,
  type CostTrackerOptions,
} from './CostTracker.js';
export { summariseLedger, PERIOD_DAYS, type ReportPeriod, type ReportGrouping, type CostGroup, type Savings, type LedgerSummary } from './costReport.js';
export { priceOf, estimateInputTokens, estimateOutputTokens, byPrice, PROMPT_OVERHEAD_TOKENS } from './pricing.js';
export { budgetWindows, utcDayKey, utcMonthKey, startOfUtcDay } from './budget.js';
export { countTokens } from './tokenizer.js';
export { evaluateRouting, defaultTierMap, parseTierMap, TIERS, type EvalReport, type TierMap, type TierName, type Misrouted } from './evaluate.js';
