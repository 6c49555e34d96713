import { BaseAgent, type AgentContext } from '../../fleet/BaseAgent.js';
import type { ModelSelection, QETask } from '../../fleet/types.js';
import { taskMessages } from './prompt.js';

export interface AnalysisAgentSpec {
  type: string;
  taskTypes: string[];
  /** What the agent is for, told to the model as its system prompt. */
  system: string;
  maxTokens: number;
}

/**
 * An agent whose work is one model answer over the task's files: test execution triage, quality gates, flaky
 * test analysis, security scans, performance test design, defect analysis. On the offline engine the answer
 * is the engine's deterministic analysis of the same files.
 */
export class AnalysisAgent extends BaseAgent {
  constructor(context: AgentContext, private readonly spec: AnalysisAgentSpec) {
    super(context);
  }

  protected async performTaskImpl(task: QETask, _selection?: ModelSelection): Promise<{ text: string; model: string }> {
    const reply = await this.callModel({ system: this.spec.system, messages: taskMessages(task), maxTokens: this.spec.maxTokens, task });
    return { text: reply.text, model: reply.modelName };
  }
}
