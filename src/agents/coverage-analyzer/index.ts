import { registerAgentType } from '../../fleet/registry.js';
import { registerOfflineHandler } from '../../providers/local/handlers.js';
import { CoverageAnalyzerAgent, offlineCoverageAnalysis } from './CoverageAnalyzerAgent.js';

export { CoverageAnalyzerAgent, analyzeCoverageTask, offlineCoverageAnalysis } from './CoverageAnalyzerAgent.js';
export { parseCoverageReport, detectFormat, type FileCoverageData, type ReportFormat } from './reports.js';
export { rankGaps, functionSpans, type CoverageAnalysis, type RankedGap } from './rank.js';

/** Registers the 'coverage-analyzer' agent type (task type 'coverage-analysis') and its offline handler. */
export function registerCoverageAnalyzer(): void {
  registerOfflineHandler('coverage-analysis', (task) => offlineCoverageAnalysis(task));
  registerAgentType('coverage-analyzer', (ctx) => new CoverageAnalyzerAgent(ctx), ['coverage-analysis']);
}
