import { AqeError, ErrorCodes } from '../errors.js';
import type { BaseAgent, AgentContext } from './BaseAgent.js';

export type AgentFactory = (ctx: AgentContext) => BaseAgent;

interface AgentTypeEntry {
  type: string;
  factory: AgentFactory;
  taskTypes: string[];
}

const agentTypes = new Map<string, AgentTypeEntry>();
const byTaskType = new Map<string, string>();

/** Register an agent type and the task types it handles. Re-registering a type replaces it. */
export function registerAgentType(type: string, factory: AgentFactory, taskTypes: string[] = []): void {
  agentTypes.set(type, { type, factory, taskTypes });
  for (const t of taskTypes) byTaskType.set(t, type);
}

export function agentTypeFor(taskType: string): string | undefined {
  return byTaskType.get(taskType);
}

export function createAgent(type: string, ctx: AgentContext): BaseAgent {
  const entry = agentTypes.get(type);
  if (!entry) {
    throw new AqeError(ErrorCodes.UNKNOWN_AGENT, `unknown agent type "${type}"; known: ${[...agentTypes.keys()].sort().join(', ')}`, { type });
  }
  return entry.factory(ctx);
}

export function registeredAgentTypes(): Array<{ type: string; taskTypes: string[] }> {
  return [...agentTypes.values()].map(({ type, taskTypes }) => ({ type, taskTypes: [...taskTypes] }));
}
