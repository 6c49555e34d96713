import { EventEmitter } from 'node:events';
import type { FleetConfig, ModelConfig } from '../config/schema.js';
import { AqeError, BudgetExceededError, ErrorCodes, TaskCancelledError, TaskTimeoutError, errorMessage } from '../errors.js';
import type { FeatureFlags } from '../flags/FeatureFlags.js';
import type { Logger } from '../logging.js';
import type { SwarmMemoryManager } from '../memory/SwarmMemoryManager.js';
import type { Provider, ProviderRequest } from '../providers/types.js';
import type { CostTracker } from '../routing/CostTracker.js';
import { meterProvider } from '../routing/metered-provider.js';
import type { ModelRouter } from '../routing/ModelRouter.js';
import { byPrice } from '../routing/pricing.js';
import { countTokens } from '../routing/tokenizer.js';
import type { ModelCaller } from '../streaming/ModelCaller.js';
import type { StreamCallbacks, StreamChunk } from '../streaming/types.js';
import type { BaseAgent, ModelReply } from './BaseAgent.js';
import { runStorage, type TaskRun } from './run-context.js';
import { outcomeOf, type TaskRecords } from './task-records.js';
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
  /** The task records (running, progress, terminal state) in the store. */
  records: TaskRecords;
}


/**
 * The task lifecycle shared by every agent: flags snapshot, routing (or the default model when the router
 * flag is off), the agent's work inside a run context, events and the task record. With both flags off it
 * does what v1.0.4 did: default model, synchronous, no routing or streaming. Budgets do not depend on the
 * flags: with routing.costTracking.enabled every model call reserves its upper bound before it is made and
 * settles what it used (see meterProvider), whatever the feature flags say.
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
    const ref = { id: task.id, type: task.type, agentType: agent.type };

    const abort = new AbortController();
    // Keep the canceller's reason (client, shutdown): it decides the record's reason and the HTTP answer.
    const onOuterAbort = () => {
      const why: unknown = options.signal?.reason;
      abort.abort(why instanceof TaskCancelledError ? why : new TaskCancelledError(task.id));
    };
    if (options.signal?.aborted) onOuterAbort();
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const timer = setTimeout(() => abort.abort(new TaskTimeoutError(task.id, config.fleet.taskTimeoutMs)), config.fleet.taskTimeoutMs);
    timer.unref();

    let run: TaskRun | undefined;
    let work: Promise<unknown> | undefined;
    let selection: ModelSelection | undefined;
    try {
      // routing.llmTieBreak (off by default) may ask the cheapest model on a close call; its cost is the task's too.
      let routingCost = 0;
      selection = flags.multiModelRouter
        ? await (await this.s.router()).selectAsync(task, { stream, signal: abort.signal, onSettled: (c) => (routingCost += c) })
        : this.defaultSelection(task, config);
      if (flags.multiModelRouter) this.s.events.emit('routing:selected', { ...base, selection });
      run = {
        task, agentType: agent.type, flags, selection, stream, callbacks: options.callbacks, signal: abort.signal,
        attempts: [], usage: { inputTokens: 0, outputTokens: 0 }, chunks: 0, streamed: false, fellBackToSync: false,
        cost: routingCost, metered: config.routing.costTracking.enabled, settling: new Set(), durable: [],
      };
      this.s.events.emit('task:started', { ...base, modelName: selection.modelName, flags, stream });
      void this.s.records.running(ref, { modelName: selection.modelName, startedAt, streamed: stream });
      work = runStorage.run(run, () => agent.runPerformTask(task, flags.multiModelRouter ? selection : undefined));
      const output = await raceAbort(work, abort.signal);
      const cost = await this.taskCost(run);
      const result: TaskResult = {
        taskId: task.id, agentType: agent.type, status: 'completed', output,
        modelName: run.modelName ?? selection.modelName,
        usage: { inputTokens: run.usage.inputTokens, outputTokens: run.usage.outputTokens, estimated: run.attempts.some((a) => a.estimated) },
        cost, costEstimated: run.attempts.some((a) => a.estimated), streamed: run.streamed, fellBackToSync: run.fellBackToSync,
        startedAt, endedAt: Date.now(),
      };
      this.s.events.emit('task:completed', { ...base, result, ttfcMs: run.ttfcMs });
      await this.finish(run, this.s.records.finish(ref, { result, status: 'completed' }));
      return result;
    } catch (err) {
      // A cancelled stream settles as it unwinds: give the work a moment to stop before reading the task's cost.
      if (work) await settledWithin(work, 5_000);
      const spent = run ? await this.taskCost(run, 5_000).catch(() => undefined) : undefined;
      const reason = abort.signal.aborted ? abort.signal.reason : err;
      const outcome = outcomeOf(reason);
      const cancelled = outcome.status === 'cancelled';
      const error = reason instanceof AqeError ? reason : new AqeError(ErrorCodes.PROVIDER, errorMessage(reason), undefined, { cause: reason });
      const result: TaskResult = {
        taskId: task.id, agentType: agent.type, status: outcome.status, output: undefined,
        modelName: run?.modelName ?? selection?.modelName,
        usage: run ? { ...run.usage, estimated: run.attempts.some((a) => a.estimated) } : undefined,
        ...(spent !== undefined && spent > 0 ? { cost: spent } : {}),
        streamed: run?.streamed ?? false, fellBackToSync: run?.fellBackToSync,
        startedAt, endedAt: Date.now(), error: { code: error.code, message: error.message },
        ...(outcome.reason ? { reason: outcome.reason } : {}),
      };
      this.s.logger.info({ taskId: task.id, code: error.code }, `task ${task.id} ${result.status}: ${error.message}`);
      this.s.events.emit(cancelled ? 'task:cancelled' : 'task:failed', { ...base, result, error });
      await this.finish(run, this.s.records.finish(ref, { result, status: result.status }));
      (error as AqeError & { result?: TaskResult }).result = result;
      throw error;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  async callModel(run: TaskRun, request: Omit<ProviderRequest, 'model' | 'signal'>, opts: { tierUp?: boolean }): Promise<ModelReply> {
    let selection = opts.tierUp ? this.escalate(run) : run.selection;
    for (;;) {
      const chunksBefore = run.chunks;
      try {
        return await this.callSelected(run, selection, request);
      } catch (err) {
        // preferCheaperUnderPressure: a call the budget cannot hold moves to the next cheaper model (only
        // before anything was streamed, so the consumer never sees two answers).
        const cheaper = err instanceof BudgetExceededError && run.chunks === chunksBefore ? this.cheaperThan(run, selection.modelName) : undefined;
        if (!cheaper) throw err;
        this.s.logger.info({ taskId: run.task.id, from: selection.modelName, to: cheaper.modelName }, 'budget pressure: moving to a cheaper model');
        selection = cheaper;
      }
    }
  }

  private cheaperThan(run: TaskRun, modelName: string): ModelSelection | undefined {
    const config = this.s.config();
    if (!config.routing.costTracking.preferCheaperUnderPressure) return undefined;
    const ordered = byPrice(config.routing.models.filter((m) => m.enabled));
    const at = ordered.findIndex((m) => m.name === modelName);
    const next = at > 0 ? ordered[at - 1] : undefined;
    if (!next) return undefined;
    run.selection = {
      ...run.selection, modelName: next.name, provider: next.provider, model: next.model,
      reasons: [...run.selection.reasons, `budget pressure: ${modelName} does not fit the budget left; moved to ${next.name}`],
      fallbacks: run.selection.fallbacks.filter((f) => f !== next.name),
    };
    return run.selection;
  }

  private async callSelected(run: TaskRun, selection: ModelSelection, request: Omit<ProviderRequest, 'model' | 'signal'>): Promise<ModelReply> {
    const costs = this.s.costs();
    let tokensSoFar = 0;
    const callbacks: StreamCallbacks = {
      onStart: (info) => run.callbacks?.onStart?.(info),
      onChunk: (chunk: StreamChunk) => {
        run.chunks++;
        tokensSoFar += countTokens(chunk.text);
        this.s.records.progress(run.task.id, run.chunks, run.usage.outputTokens + tokensSoFar);
        // Built only for a listener (the CLI's progress): the service has none, and per chunk it adds up.
        if (this.s.events.listenerCount('task:chunk') > 0) {
          this.s.events.emit('task:chunk', {
            taskId: run.task.id, agentType: run.agentType, modelName: selection.modelName, chunk, tokensSoFar,
            costSoFar: costs.costOf(selection.modelName, 0, tokensSoFar),
          });
        }
        // A consumer may return a promise to slow the stream down (backpressure reaches SSE and MCP clients).
        return run.callbacks?.onChunk?.(chunk);
      },
      onError: (e) => run.callbacks?.onError?.(e),
    };
    const config = this.s.config();
    const meter = run.metered
      ? (provider: Provider, modelName: string) =>
          meterProvider(provider, findModel(config.routing.models, modelName), costs, {
            taskId: run.task.id, agentType: run.agentType, task: run.task, complexityScore: run.selection.complexity.score,
            onSettled: (cost) => (run.cost += cost),
            durable: (p) => run.durable.push(p),
            track: (p) => {
              run.settling.add(p);
              const done = () => run.settling.delete(p);
              p.then(done, done);
            },
          })
      : undefined;
    const reply = await this.s.caller().call({ taskId: run.task.id, selection, request: { ...request, task: request.task ?? run.task }, stream: run.stream, callbacks, signal: run.signal, meter });
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

  /** The terminal record and the ledger writes of the task's calls: written in the same turn, one commit. */
  private async finish(run: TaskRun | undefined, recorded: Promise<void>): Promise<void> {
    await Promise.all([recorded, ...(run?.durable ?? [])]);
  }

  /**
   * The task's cost: what its metered calls settled (after waiting for settlements still in flight, e.g. a
   * stream closed by a cancel; at most waitMs when given), or, with cost tracking off, the attempts priced
   * (nothing recorded).
   */
  private async taskCost(run: TaskRun, waitMs?: number): Promise<number> {
    const costs = this.s.costs();
    if (run.metered) {
      const deadline = waitMs === undefined ? undefined : Date.now() + waitMs;
      while (run.settling.size) {
        const all = Promise.allSettled([...run.settling]);
        if (deadline === undefined) await all;
        else if (Date.now() >= deadline) break;
        else await settledWithin(all, deadline - Date.now());
      }
      return run.cost;
    }
    return run.attempts.reduce((sum, a) => sum + costs.costOf(a.modelName, a.inputTokens, a.outputTokens), 0);
  }
}

export function findModel(models: ModelConfig[], name: string): ModelConfig {
  const m = models.find((x) => x.name === name);
  if (!m) throw new AqeError(ErrorCodes.NO_MODEL, `model "${name}" is not in routing.models (known: ${models.map((x) => x.name).join(', ') || 'none'})`);
  return m;
}

function settledWithin(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.then(() => undefined, () => undefined),
    new Promise<void>((r) => (timer = setTimeout(r, ms))),
  ]).finally(() => clearTimeout(timer));
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
