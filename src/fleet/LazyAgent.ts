import { BaseAgent, type AgentContext } from './BaseAgent.js';
import type { AgentFactory } from './registry.js';
import type { ModelSelection, QETask } from './types.js';

/**
 * An agent whose implementation (and its heavy imports, e.g. the TypeScript compiler) loads on its first task,
 * so a fleet that never runs that agent type does not pay for it in start-up time or memory. Model calls made
 * by the loaded agent reach the task through the run context, so delegation is transparent.
 */
export class LazyAgent extends BaseAgent {
  private real?: Promise<BaseAgent>;

  constructor(private readonly context: AgentContext, private readonly load: () => Promise<AgentFactory>) {
    super(context);
  }

  protected async performTaskImpl(task: QETask, selection?: ModelSelection): Promise<unknown> {
    this.real ??= this.load().then((factory) => factory({ ...this.context, id: this.id }));
    return (await this.real).runPerformTask(task, selection);
  }
}

export function lazyAgentFactory(load: () => Promise<AgentFactory>): AgentFactory {
  return (ctx) => new LazyAgent(ctx, load);
}
