import type { CancelReason } from '../errors.js';

/** QETask: the task file format (docs/tasks.md) maps onto it one to one. */
export const TASK_TYPES = [
  'test-generation',
  'test-execution',
  'coverage-analysis',
  'quality-gate',
  'flaky-test-analysis',
  'security-scan',
  'performance-testing',
  'defect-analysis',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export interface TaskFile {
  path: string;
  content: string;
}

export interface TaskPayload {
  /** The code's language, e.g. typescript, javascript, python, go (task-schema.ts LANGUAGE_PATTERN). */
  language?: string;
  framework?: string;
  files: TaskFile[];
  requirements?: string[];
  [extra: string]: unknown;
}

export interface QETask {
  id: string;
  type: TaskType | string;
  description: string;
  payload: TaskPayload;
  priority?: number;
  context?: Record<string, unknown>;
  expected?: { tier: 'simple' | 'medium' | 'complex' };
}

export interface ComplexityComponents {
  token: number;
  structure: number;
  context: number;
}

export interface ComplexityResult {
  score: number;
  components: ComplexityComponents;
  reasons: string[];
  /** How the tier was decided (absent when the router is off). */
  decision?: RoutingDecision;
}

/** The stages of a routing decision: weighted score (stage 1), evidence rules (stage 2), fitted model (stage 3). */
export interface RoutingDecision {
  tier: 'simple' | 'medium' | 'complex';
  /**
   * 'model': the fitted tier model; 'rules': the evidence rules (no model); 'weighted': neither had a say;
   * 'llm': the cheapest model's answer on a close call (routing.llmTieBreak).
   */
  decidedBy: 'model' | 'rules' | 'weighted' | 'llm';
  /** The seed's weighted score (token/structure/context), which places the score inside the tier's band. */
  weighted: number;
  rules: { tier: 'simple' | 'medium' | 'complex' | null; reasons: string[] };
  model?: {
    probabilities: Record<'simple' | 'medium' | 'complex', number>;
    runnerUp: 'simple' | 'medium' | 'complex';
    /** Probability gap between the chosen tier and the runner-up. */
    margin: number;
    drivers: Array<{ feature: string; value: number; push: number }>;
  };
  /** Distance from the score to the nearest tier boundary (0.4 / 0.8). */
  boundaryMargin: number;
  /** The LLM tie-break on a close call (routing.llmTieBreak), when it was asked. */
  llm?: LlmTieBreakOutcome;
}

/** What the tie-break model said on a close call; the fitted model's tier and margin are kept. */
export interface LlmTieBreakOutcome {
  /** The model asked (config name). */
  model: string;
  /** 'answered': a valid tier, now the decision; 'invalid': anything else (the model's tier kept); 'failed': the call failed (kept). */
  outcome: 'answered' | 'invalid' | 'failed';
  answer?: 'simple' | 'medium' | 'complex';
  /** The fitted model's tier, runner-up and probability margin that made it a close call. */
  modelTier: 'simple' | 'medium' | 'complex';
  runnerUp: 'simple' | 'medium' | 'complex';
  margin: number;
  /** True when the answer came from the cache (same analysis content hash): no call, no cost. */
  cached: boolean;
}

export interface ModelSelection {
  /** The model's name as in the config, e.g. "claude-haiku-4". */
  modelName: string;
  provider: 'anthropic' | 'openai-compatible' | 'local';
  /** The provider's model id, e.g. "claude-haiku-4-5-20251001". */
  model: string;
  complexity: ComplexityResult;
  reasons: string[];
  /** Estimated cost in dollars before the call. */
  estimatedCost: number;
  /** Ordered model names to try on provider failure. */
  fallbacks: string[];
}

/** `interrupted`: the process running the task died before it ended (set by recovery in a surviving or restarted process). */
export type TaskStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'interrupted';

export interface TaskUsage {
  inputTokens: number;
  outputTokens: number;
  /** True when counted by our tokenizer (local engine), not by a provider. */
  estimated: boolean;
}

export interface TaskResult {
  taskId: string;
  agentType: string;
  status: TaskStatus;
  /** The agent's output (text or structured). Identical whether streamed or synchronous. */
  output: unknown;
  modelName?: string;
  usage?: TaskUsage;
  cost?: number;
  costEstimated?: boolean;
  streamed: boolean;
  fellBackToSync?: boolean;
  startedAt: number;
  endedAt: number;
  error?: { code: string; message: string };
  /** Why a cancelled task was cancelled (client, timeout, shutdown, budget). */
  reason?: CancelReason;
}
