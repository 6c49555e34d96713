import { registerAgentType } from '../fleet/registry.js';
import { lazyAgentFactory } from '../fleet/LazyAgent.js';
import { registerOfflineHandler } from '../providers/local/handlers.js';
import { AnalysisAgent } from './generic/AnalysisAgent.js';
import { ANALYSIS_AGENTS } from './generic/specs.js';

let registered = false;

/**
 * Registers the built-in QE agent types once per process. The test generator and the coverage analyzer load
 * on first use: they pull in the TypeScript compiler (about 70 MB), which a fleet serving other work never needs.
 */
export function registerBuiltinAgents(): void {
  if (registered) return;
  registered = true;
  for (const spec of ANALYSIS_AGENTS) {
    registerAgentType(spec.type, (ctx) => new AnalysisAgent(ctx, spec), spec.taskTypes);
  }
  const testGenerator = () => import('./test-generator/TestGeneratorAgent.js');
  registerOfflineHandler('test-generation', async (task) => (await testGenerator()).offlineTestGeneration(task));
  registerAgentType('test-generator', lazyAgentFactory(async () => {
    const { TestGeneratorAgent } = await testGenerator();
    return (ctx) => new TestGeneratorAgent(ctx);
  }), ['test-generation']);

  const coverageAnalyzer = () => import('./coverage-analyzer/CoverageAnalyzerAgent.js');
  registerOfflineHandler('coverage-analysis', async (task) => (await coverageAnalyzer()).offlineCoverageAnalysis(task));
  registerAgentType('coverage-analyzer', lazyAgentFactory(async () => {
    const { CoverageAnalyzerAgent } = await coverageAnalyzer();
    return (ctx) => new CoverageAnalyzerAgent(ctx);
  }), ['coverage-analysis']);
}
