import { AsyncLocalStorage } from 'node:async_hooks';
import type { FeatureName } from '../config/schema.js';
import type { ProviderUsage } from '../providers/types.js';
import type { StreamCallbacks } from '../streaming/types.js';
import type { ModelSelection, QETask } from './types.js';

export interface ModelAttemptUsage {
  modelName: string;
  inputTokens: number;
  outputTokens: number;
  estimated: boolean;
}

/** Everything one task run carries; agents reach it through AsyncLocalStorage so one agent serves many tasks. */
export interface TaskRun {
  task: QETask;
  agentType: string;
  flags: Readonly<Record<FeatureName, boolean>>;
  selection: ModelSelection;
  stream: boolean;
  callbacks?: StreamCallbacks;
  signal: AbortSignal;
  attempts: ModelAttemptUsage[];
  usage: ProviderUsage;
  chunks: number;
  streamed: boolean;
  fellBackToSync: boolean;
  modelName?: string;
  ttfcMs?: number;
  /** Dollars settled by this task's model calls so far. */
  cost: number;
  /** Model calls reserve and settle budget (routing.costTracking.enabled). */
  metered: boolean;
  /** Settlements in flight (a stream closed by a cancel settles a moment later). */
  settling: Set<Promise<unknown>>;
  /** Settled calls' ledger writes not yet in the store (the terminal record rides the same group commit). */
  durable: Promise<void>[];
}

export const runStorage = new AsyncLocalStorage<TaskRun>();
