export { CoverageAnalyzerAgent, analyzeCoverageTask, offlineCoverageAnalysis } from './CoverageAnalyzerAgent.js';
export { parseCoverageReport, detectFormat, type FileCoverageData, type ReportFormat } from './reports.js';
export { rankGaps, functionSpans, type CoverageAnalysis, type RankedGap } from './rank.js';

