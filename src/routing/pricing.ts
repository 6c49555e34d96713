import type { ModelConfig } from '../config/schema.js';
import type { QETask } from '../fleet/types.js';
import { countTokens } from './tokenizer.js';

/** Tokens the fleet adds around a task (system prompt, instructions, formatting). */
export const PROMPT_OVERHEAD_TOKENS = 300;

/**
 * Typical output size per task type at medium complexity, from what each agent produces: test files are
 * long, summaries and gate verdicts short. Scaled by complexity in `estimateOutputTokens`.
 */
const OUTPUT_TOKENS_BY_TYPE: Record<string, number> = {
  'test-generation': 2000,
  'test-execution': 500,
  'coverage-analysis': 800,
  'quality-gate': 500,
  'flaky-test-analysis': 1000,
  'security-scan': 1500,
  'performance-testing': 1500,
  'defect-analysis': 1000,
};

/** Dollars for a number of tokens at a model's per-1k prices. */
export function priceOf(model: Pick<ModelConfig, 'capabilities'>, inputTokens: number, outputTokens: number): number {
  const p = model.capabilities.costPer1kTokens;
  return (inputTokens / 1000) * p.input + (outputTokens / 1000) * p.output;
}

export function estimateInputTokens(task: QETask): number {
  return estimateInputTokensFrom(task, (task.payload?.files ?? []).map((f) => countTokens(f.content)));
}

/** The same estimate when the files' contents are already counted (`contentTokens[i]` for files[i]). */
export function estimateInputTokensFrom(task: QETask, contentTokens: readonly number[]): number {
  let n = PROMPT_OVERHEAD_TOKENS + countTokens(task.description ?? '');
  for (const r of task.payload?.requirements ?? []) n += countTokens(r);
  (task.payload?.files ?? []).forEach((f, i) => (n += countTokens(f.path) + (contentTokens[i] ?? 0) + 4));
  return n;
}

/** Expected output: the type's typical size, from 0.6x (trivial) to 1.4x (hardest). */
export function estimateOutputTokens(task: QETask, complexityScore: number): number {
  const base = OUTPUT_TOKENS_BY_TYPE[String(task.type)] ?? 1000;
  return Math.round(base * (0.6 + 0.8 * Math.min(1, Math.max(0, complexityScore))));
}

/** Models ordered from cheapest to most expensive (price of a typical 1:1 mix, then name for stability). */
export function byPrice<T extends Pick<ModelConfig, 'capabilities' | 'name'>>(models: readonly T[]): T[] {
  const unit = (m: T) => m.capabilities.costPer1kTokens.input + m.capabilities.costPer1kTokens.output;
  return [...models].sort((a, b) => unit(a) - unit(b) || a.name.localeCompare(b.name));
}
