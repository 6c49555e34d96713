import { randomUUID } from 'node:crypto';
import type { FleetConfig } from '../config/schema.js';
import { AqeError, ErrorCodes } from '../errors.js';
import type { Logger } from '../logging.js';
import type { ProviderRequest, ProviderUsage } from '../providers/types.js';
import { runStorage, type TaskRun } from './run-context.js';
import type { ExecuteOptions, TaskRunner } from './task-runner.js';
import type { ModelSelection, QETask, TaskResult } from './types.js';

export interface AgentContext {
  type: string;
  id?: string;
  config: FleetConfig;
  logger: Logger;
  runner: TaskRunner;
}

export interface ModelReply {
  text: string;
  usage: ProviderUsage;
  modelName: string;
}

/**
 * Base of every QE agent. executeTask wraps routing, streaming, cost recording and events and calls
 * performTaskImpl(task, selection?). A v1.0.4 subclass that overrides performTask(task) keeps working:
 * the default performTaskImpl delegates to it.
 */
export abstract class BaseAgent {
  readonly id: string;
  readonly type: string;
  protected readonly logger: Logger;
  protected readonly config: FleetConfig;
  private readonly runner: TaskRunner;

  constructor(context: AgentContext) {
    this.type = context.type;
    this.id = context.id ?? `${context.type}-${randomUUID().slice(0, 8)}`;
    this.config = context.config;
    this.logger = context.logger.child({ agent: this.id });
    this.runner = context.runner;
  }

  executeTask(task: QETask, options: ExecuteOptions = {}): Promise<TaskResult> {
    return this.runner.run(this, task, options);
  }

  protected performTaskImpl(task: QETask, _selection?: ModelSelection): Promise<unknown> {
    const legacy = (this as unknown as { performTask?: (t: QETask) => Promise<unknown> }).performTask;
    if (typeof legacy === 'function') return legacy.call(this, task);
    throw new AqeError(ErrorCodes.TASK_INVALID, `agent type "${this.type}" implements neither performTaskImpl nor performTask`);
  }

  /** @internal Called by the task runner inside the task's run context. */
  runPerformTask(task: QETask, selection?: ModelSelection): Promise<unknown> {
    return this.performTaskImpl(task, selection);
  }

  /** The running task's abort signal (cancellation, timeout, shutdown). */
  protected get signal(): AbortSignal {
    return this.currentRun().signal;
  }

  /**
   * Ask the task's model (routed, streamed and costed per the task's flags). With `tierUp`, use the next more
   * capable enabled model than the one the task started on (escalation after a failed answer).
   */
  protected callModel(request: Omit<ProviderRequest, 'model' | 'signal'>, opts: { tierUp?: boolean } = {}): Promise<ModelReply> {
    return this.runner.callModel(this.currentRun(), request, opts);
  }

  private currentRun(): TaskRun {
    const run = runStorage.getStore();
    if (!run) throw new AqeError(ErrorCodes.TASK_INVALID, `agent ${this.id}: model calls are only possible inside executeTask`);
    return run;
  }
}
