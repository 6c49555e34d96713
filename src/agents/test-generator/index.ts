export { TestGeneratorAgent, offlineTestGeneration, resolveSource } from './TestGeneratorAgent.js';
export { generateForModule, offlineTestsFor, type ModuleReport } from './pipeline.js';
export { buildOfflineTests, type OfflineTests } from './engine.js';
export { analyzeSource, type ModuleAnalysis } from './analysis.js';
export { FRAMEWORKS, type Framework } from './emit.js';
export { findModules } from './discover.js';

