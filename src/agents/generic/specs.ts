import type { AnalysisAgentSpec } from './AnalysisAgent.js';

const QE = 'You are a senior quality engineer. Be concrete: name files, functions and lines. Answer in Markdown.';

export const ANALYSIS_AGENTS: AnalysisAgentSpec[] = [
  { type: 'test-executor', taskTypes: ['test-execution'], maxTokens: 4096, system: `${QE} Plan and interpret test runs: which suites to run, in what order, and what the results mean.` },
  { type: 'quality-gate', taskTypes: ['quality-gate'], maxTokens: 2048, system: `${QE} Evaluate the quality gate: for each metric give value, threshold and pass/fail, then the overall verdict.` },
  { type: 'flaky-test-hunter', taskTypes: ['flaky-test-analysis'], maxTokens: 4096, system: `${QE} Find the cause of flakiness from the logs and code, and propose a deterministic fix.` },
  { type: 'security-scanner', taskTypes: ['security-scan'], maxTokens: 4096, system: `${QE} Review the code for vulnerabilities (injection, authn/authz, crypto misuse, secrets); rank findings by severity.` },
  { type: 'performance-tester', taskTypes: ['performance-testing'], maxTokens: 4096, system: `${QE} Design or interpret performance and load tests: workload model, metrics, thresholds, bottlenecks.` },
  { type: 'defect-analyzer', taskTypes: ['defect-analysis'], maxTokens: 4096, system: `${QE} Find the root cause of the defect from the evidence; give the failing path and a regression test.` },
];
