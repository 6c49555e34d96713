import { registerAgentType } from '../../fleet/registry.js';
import { registerOfflineHandler } from '../../providers/local/handlers.js';
import { offlineTestGeneration, TestGeneratorAgent } from './TestGeneratorAgent.js';

export { TestGeneratorAgent, offlineTestGeneration, resolveSource } from './TestGeneratorAgent.js';
export { generateForModule, offlineTestsFor, type ModuleReport } from './pipeline.js';
export { buildOfflineTests, type OfflineTests } from './engine.js';
export { analyzeSource, type ModuleAnalysis } from './analysis.js';
export { FRAMEWORKS, type Framework } from './emit.js';
export { findModules } from './discover.js';

/** Registers the 'test-generator' agent type (task type 'test-generation') and its offline handler. */
export function registerTestGenerator(): void {
  registerOfflineHandler('test-generation', (task) => offlineTestGeneration(task));
  registerAgentType('test-generator', (ctx) => new TestGeneratorAgent(ctx), ['test-generation']);
}
