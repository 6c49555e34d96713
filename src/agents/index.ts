import { registerAgentType } from '../fleet/registry.js';
import { AnalysisAgent } from './generic/AnalysisAgent.js';
import { ANALYSIS_AGENTS } from './generic/specs.js';
import { registerCoverageAnalyzer } from './coverage-analyzer/index.js';
import { registerTestGenerator } from './test-generator/index.js';

let registered = false;

/** Registers the built-in QE agent types once per process. */
export function registerBuiltinAgents(): void {
  if (registered) return;
  registered = true;
  for (const spec of ANALYSIS_AGENTS) {
    registerAgentType(spec.type, (ctx) => new AnalysisAgent(ctx, spec), spec.taskTypes);
  }
  registerTestGenerator();
  registerCoverageAnalyzer();
}
