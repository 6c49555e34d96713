import { EventEmitter } from 'node:events';
import type { FleetConfig, ModelConfig } from '../config/schema.js';
import { AqeError, ErrorCodes, TaskCancelledError, TaskTimeoutError, errorMessage } from '../errors.js';
import type { FeatureFlags } from '../flags/FeatureFlags.js';
import type { Logger } from '../logging.js';
import { SYSTEM_CALLER, type SwarmMemoryManager } from '../memory/SwarmMemoryManager.js';
import { AccessLevel } from '../memory/types.js';
import type { ProviderRequest } from '../providers/types.js';
import type { CostTracker } from '../routing/CostTracker.js';
import type { ModelRouter } from '../routing/ModelRouter.js';
import { countTokens } from '../routing/tokenizer.js';
import type { ModelCaller } from '../streaming/ModelCaller.js';
import type { StreamCallbacks, StreamChunk } from '../streaming/types.js';
import type { BaseAgent, ModelReply } from './BaseAgent.js';
import { runStorage, type TaskRun } from './run-context.js';
import { validateTask } from './task-validation.js';
import type { ModelSelection, QETask, TaskResult } from './types.js';

export interface ExecuteOptions {
  /** Ask for streaming; it happens only when the streaming flag is on for this task. Default true. */
  stream?: boolean;
  callbacks?: StreamCallbacks;
  signal?: AbortSignal;
  agentType?: string;
  /** Admission control (the service): refuse with FleetOverloadedError when fleet.maxQueuedTasks already wait. */
  bounded?: boolean;
}

export interface RunnerServices {
  config: () => FleetConfig;
  flags: FeatureFlags;
  router: () => Promise<ModelRouter>;
  costs: () => CostTracker;
  caller: () => ModelCaller;
  memory: SwarmMemoryManager;
  logger: Logger;
  events: EventEmitter;
}


/**
 * The task lifecycle shared by every agent: flags snapshot, routing (or the default model when the router
 * flag is off), budget reservation, the agent's work inside a run context, cost settlement, events and the
 * task record. With both flags off it does what v1.0.4 did: default model, synchronous, nothing under
 * routing/ or streaming/.
 */
export class TaskRunner {
  constructor(private readonly s: RunnerServices) {}

  async run(agent: BaseAgent, input: QETask, options: ExecuteOptions = {}): Promise<TaskResult> {
    const task = validateTask(input);
    const config = this.s.config();
    const startedAt = Date.now();
    const flags = this.s.flags.snapshot({ agentType: agent.type, key: task.id });
    const stream = flags.streaming && options.stream !== false;
    const base = { taskId: task.id, agentType: agent.type };

    const abort = new AbortController();
    const onOuterAbort = () => abort.abort(new TaskCancelledError(task.id));
    if (options.signal?.aborted) onOuterAbort();
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const timer = setTimeout(() => abort.abort(new TaskTimeoutError(task.id, config.fleet.taskTimeoutMs)), config.fleet.taskTimeoutMs);
    timer.unref();

    let reservation: Awaited<ReturnType<CostTracker['reserve']>> | undefined;
    let run: TaskRun | undefined;
    let selection: ModelSelection | undefined;
    try {
      selection = flags.multiModelRouter ? (await this.s.router()).select(task, { stream }) : this.defaultSelection(task, config);
      if (flags.multiModelRouter) this.s.events.emit('routing:selected', { ...base, selection });
      if (flags.multiModelRouter && config.routing.costTracking.enabled) {
        reservation = await this.s.costs().reserve(task, selection, agent.type);
      }
      run = {
        task, agentType: agent.type, flags, selection, stream, callbacks: options.callbacks, signal: abort.signal,
        attempts: [], usage: { inputTokens: 0, outputTokens: 0 }, chunks: 0, streamed: false, fellBackToSync: false,
      };
      this.s.events.emit('task:started', { ...base, modelName: selection.modelName, flags, stream });
      const work = runStorage.run(run, () => agent.runPerformTask(task, flags.multiModelRouter ? selection : undefined));
      const output = await raceAbort(work, abort.signal);
      const cost = await this.settle(reservation, run);
      reservation = undefined;
      const result: TaskResult = {
        taskId: task.id, agentType: agent.type, status: 'completed', output,
        modelName: run.modelName ?? selection.modelName,
        usage: { inputTokens: run.usage.inputTokens, outputTokens: run.usage.outputTokens, estimated: run.attempts.some((a) => a.estimated) },
        cost, costEstimated: run.attempts.some((a) => a.estimated), streamed: run.streamed, fellBackToSync: run.fellBackToSync,
        startedAt, endedAt: Date.now(),
      };
      this.s.events.emit('task:completed', { ...base, result, ttfcMs: run.ttfcMs });
      await this.record(result);
      return result;
    } catch (err) {
      if (reservation) await this.settle(reservation, run).catch(() => undefined);
      const reason = abort.signal.aborted ? abort.signal.reason : err;
      const cancelled = reason instanceof TaskCancelledError;
      const error = reason instanceof AqeError ? reason : new AqeError(ErrorCodes.PROVIDER, errorMessage(reason), undefined, { cause: reason });
      const result: TaskResult = {
        taskId: task.id, agentType: agent.type, status: cancelled ? 'cancelled' : 'failed', output: undefined,
        modelName: run?.modelName ?? selection?.modelName,
        usage: run ? { ...run.usage, estimated: run.attempts.some((a) => a.estimated) } : undefined,
        streamed: run?.streamed ?? false, fellBackToSync: run?.fellBackToSync,
        startedAt, endedAt: Date.now(), error: { code: error.code, message: error.message },
      };
      this.s.logger.info({ taskId: task.id, code: error.code }, `task ${task.id} ${result.status}: ${error.message}`);
      this.s.events.emit(cancelled ? 'task:cancelled' : 'task:failed', { ...base, result, error });
      await this.record(result);
      (error as AqeError & { result?: TaskResult }).result = result;
      throw error;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  async callModel(run: TaskRun, request: Omit<ProviderRequest, 'model' | 'signal'>, opts: { tierUp?: boolean }): Promise<ModelReply> {
    const selection = opts.tierUp ? this.escalate(run) : run.selection;
    const costs = this.s.costs();
    let tokensSoFar = 0;
    const callbacks: StreamCallbacks = {
      onStart: (info) => run.callbacks?.onStart?.(info),
      onChunk: (chunk: StreamChunk) => {
        run.chunks++;
        tokensSoFar += countTokens(chunk.text);
        this.s.events.emit('task:chunk', {
          taskId: run.task.id, agentType: run.agentType, modelName: selection.modelName, chunk, tokensSoFar,
          costSoFar: costs.costOf(selection.modelName, 0, tokensSoFar),
        });
        // A consumer may return a promise to slow the stream down (backpressure reaches SSE and MCP clients).
        return run.callbacks?.onChunk?.(chunk);
      },
      onError: (e) => run.callbacks?.onError?.(e),
    };
    const reply = await this.s.caller().call({ taskId: run.task.id, selection, request: { ...request, task: request.task ?? run.task }, stream: run.stream, callbacks, signal: run.signal });
    for (const a of reply.attempts) {
      if (a.usage) run.attempts.push({ modelName: a.modelName, inputTokens: a.usage.inputTokens, outputTokens: a.usage.outputTokens, estimated: !!a.usage.estimated });
    }
    run.usage = { inputTokens: run.usage.inputTokens + reply.usage.inputTokens, outputTokens: run.usage.outputTokens + reply.usage.outputTokens };
    run.streamed ||= reply.streamed;
    run.fellBackToSync ||= reply.fellBackToSync;
    run.modelName = reply.modelName;
    if (reply.ttfcMs !== undefined && run.ttfcMs === undefined) run.ttfcMs = reply.ttfcMs;
    if (reply.fellBackToSync) this.s.events.emit('stream:fallback', { taskId: run.task.id, modelName: reply.modelName });
    run.callbacks?.onComplete?.({ streamId: reply.sessionId, data: reply.text, usage: reply.usage, chunks: reply.chunks });
    return { text: reply.text, usage: reply.usage, modelName: reply.modelName };
  }

  /** v1.0.4 behaviour: routing.defaultModel for every task, no analysis. */
  defaultSelection(_task: QETask, config: FleetConfig): ModelSelection {
    const model = findModel(config.routing.models, config.routing.defaultModel);
    return {
      modelName: model.name, provider: model.provider, model: model.model,
      complexity: { score: 0, components: { token: 0, structure: 0, context: 0 }, reasons: ['router off: default model'] },
      reasons: [`multi-model router off: routing.defaultModel ${model.name}`],
      estimatedCost: 0, fallbacks: [],
    };
  }

  private escalate(run: TaskRun): ModelSelection {
    const config = this.s.config();
    const current = findModel(config.routing.models, run.selection.modelName);
    const price = (m: ModelConfig) => m.capabilities.costPer1kTokens.input + m.capabilities.costPer1kTokens.output;
    const up = config.routing.models
      .filter((m) => m.enabled && price(m) > price(current))
      .sort((a, b) => price(a) - price(b))[0];
    if (!up || !run.flags.multiModelRouter) return run.selection;
    run.selection = { ...run.selection, modelName: up.name, provider: up.provider, model: up.model, reasons: [...run.selection.reasons, `escalated from ${current.name} after a failed answer`], fallbacks: run.selection.fallbacks.filter((f) => f !== up.name) };
    return run.selection;
  }

  private async settle(reservation: Awaited<ReturnType<CostTracker['reserve']>> | undefined, run: TaskRun | undefined): Promise<number> {
    const costs = this.s.costs();
    const attempts = run?.attempts ?? [];
    if (!reservation) return attempts.reduce((sum, a) => sum + costs.costOf(a.modelName, a.inputTokens, a.outputTokens), 0);
    if (attempts.length === 0) {
      await costs.release(reservation);
      return 0;
    }
    return costs.settle(reservation, attempts);
  }

  private async record(result: TaskResult): Promise<void> {
    const { output: _output, ...summary } = result;
    try {
      await this.s.memory.store(result.taskId, summary, { partition: 'fleet/tasks', owner: 'system', accessLevel: AccessLevel.SYSTEM, caller: SYSTEM_CALLER });
    } catch (err) {
      this.s.logger.error({ taskId: result.taskId }, `could not record task ${result.taskId}: ${errorMessage(err)}`);
    }
  }
}

export function findModel(models: ModelConfig[], name: string): ModelConfig {
  const m = models.find((x) => x.name === name);
  if (!m) throw new AqeError(ErrorCodes.NO_MODEL, `model "${name}" is not in routing.models (known: ${models.map((x) => x.name).join(', ') || 'none'})`);
  return m;
}

function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}
