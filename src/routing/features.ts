import type { Aggregate } from './analysis/aggregate.js';
import type { Intents } from './analysis/intent.js';
import type { RiskFacts } from './analysis/risk.js';

/** The rule stage's evidence (ComplexityAnalyzer.signals), summarised for the model. */
export interface RuleStage {
  /** Kind of the signal group that decides under the precedence rules, or 'none'. */
  deciding: 'complex' | 'intent' | 'mechanical' | 'code' | 'unit' | 'judgement' | 'none';
  /** The tier the rules alone would route to (their band, or the weighted score's tier without evidence). */
  tier: 'simple' | 'medium' | 'complex';
  complexSignals: number;
  intentSignals: number;
  codeSignals: number;
}

export interface FeatureInputs {
  type: string;
  agg: Aggregate;
  intents: Intents;
  risk: RiskFacts;
  distributed: string[];
  rules: RuleStage;
  components: { token: number; structure: number; context: number };
  /** The seed's weighted score (first stage). */
  weighted: number;
  tokens: number;
}

const TYPES = [
  'test-generation', 'test-execution', 'coverage-analysis', 'quality-gate',
  'flaky-test-analysis', 'security-scan', 'performance-testing', 'defect-analysis',
] as const;

const log1 = (x: number, scale: number) => Math.log1p(Math.max(0, x)) / Math.log1p(scale);
const cap = (x: number, c: number) => Math.min(x, c) / c;
const b = (x: boolean | number) => (x ? 1 : 0);

/**
 * Named numeric features of a task, each roughly in [0, 1]. Names are the contract with the trained model
 * (tier-model.json stores them); a feature the model does not know is ignored, one it knows but the vector
 * lacks counts as 0, so adding features never breaks an older model file.
 */
export function featureVector(f: FeatureInputs): Record<string, number> {
  const { agg: a, intents: i, risk: r, rules } = f;
  const asyncCode = a.asyncFunctions > 0 || a.awaits > 0 || a.promiseConstructions > 0 || a.timers > 0;
  const v: Record<string, number> = {
    // Stage 1: the seed's components and weighted score.
    token: f.components.token,
    structure: f.components.structure,
    context: f.components.context,
    weighted: f.weighted,
    // Stage 2: what the evidence rules concluded.
    'rule:complex': b(rules.deciding === 'complex'),
    'rule:intent': b(rules.deciding === 'intent'),
    'rule:mechanical': b(rules.deciding === 'mechanical'),
    'rule:code': b(rules.deciding === 'code'),
    'rule:unit': b(rules.deciding === 'unit'),
    'rule:judgement': b(rules.deciding === 'judgement'),
    'rule:none': b(rules.deciding === 'none'),
    'rule:tier:simple': b(rules.tier === 'simple'),
    'rule:tier:medium': b(rules.tier === 'medium'),
    'rule:tier:complex': b(rules.tier === 'complex'),
    'rule:complexSignals': cap(rules.complexSignals, 4),
    'rule:intentSignals': cap(rules.intentSignals, 3),
    'rule:codeSignals': cap(rules.codeSignals, 6),
    // Size and shape of the input.
    tokens: log1(f.tokens, 8000),
    files: cap(a.files, 8),
    codeFiles: cap(a.codeFiles, 8),
    'codeFiles>5': b(a.codeFiles > 5),
    onlyTests: b(a.codeFiles > 0 && a.testFiles === a.codeFiles),
    logicLines: log1(a.logicLines, 400),
    'logicLines>40': b(a.logicLines > 40),
    'logicLines>250': b(a.logicLines > 250),
    cyclomatic: log1(a.cyclomatic, 60),
    maxFunctionCyclomatic: cap(a.maxFunctionCyclomatic, 12),
    maxNesting: cap(a.maxNesting, 8),
    functions: log1(a.functions, 40),
    relativeImports: cap(a.relativeImports, 6),
    artefactLines: log1(a.artefactLines, 400),
    artefactKinds: cap(a.artefactKinds.length, 4),
    actors: cap(a.actors, 5),
    failures: cap(a.failures, 5),
    // Code risk.
    asyncCode: b(asyncCode),
    awaits: cap(a.awaits, 8),
    timers: b(a.timers),
    promiseCombinators: b(a.promiseCombinators.length),
    sharedState: cap(a.sharedState.length, 3),
    locks: b(a.locks.length),
    atomics: b(a.atomics),
    parkedResolvers: b(a.parkedResolvers),
    floatingAsyncInLoop: b(a.floatingAsyncInLoop),
    io: cap(a.io.length, 3),
    httpHandlers: b(a.httpHandlers),
    sql: b(a.sqlStatements),
    sqlLocking: b(a.sqlLocking),
    sqlInterpolated: b(a.sqlInterpolated),
    crypto: b(a.crypto.length),
    weakHashes: b(a.weakHashes.length),
    sinks: b(a.sinks.length),
    authWords: cap(a.authWords.length, 4),
    timedAsyncState: b(asyncCode && a.timers > 0 && a.sharedState.length > 0),
    switchCases: cap(a.switchMaxCases, 10),
    stateMachine: b((a.switchMaxCases >= 6 && a.stateAssignments >= 3) || a.stateAssignments >= 4),
    distributedVocabulary: cap(f.distributed.length, 4),
    // What the request asks for (intent families).
    'intent:concurrency': cap(i.concurrency.length, 2),
    'intent:distributed': cap(i.distributed.length, 2),
    'intent:security': cap(i.security.length, 2),
    'intent:propertyBased': cap(i.propertyBased.length, 2),
    'intent:systemScope': cap(i.systemScope.length, 2),
    'intent:stateMachine': b(i.stateMachine.length),
    'intent:flaky': cap(i.flaky.length, 2),
    'intent:prioritise': b(i.prioritise.length),
    'intent:testInfrastructure': cap(i.testInfrastructure.length, 2),
    'intent:judgement': cap(i.judgement.length, 3),
    'intent:metrics': cap(i.metrics.length, 4),
    'intent:mechanical': b(i.mechanical.length),
    // Domain risk, asks, requirements.
    // Money and time are risky in combination (money moved concurrently or on retry; time across machines).
    'risk:moneyAndFailure': b(r.money >= 1 && r.failureHandling >= 1),
    'risk:timeAndDistributed': b(r.time >= 1 && (f.distributed.length > 0 || i.distributed.length > 0 || r.sharedAcrossInstances > 0)),
    'risk:parallel': cap(r.parallel, 3),
    'risk:sharedAcrossInstances': cap(r.sharedAcrossInstances, 2),
    'risk:failureHandling': cap(r.failureHandling, 4),
    'risk:scale': cap(r.scale, 2),
    'risk:concerns': cap(r.concerns, 3),
    'risk:moneyAndParallel': b(r.money >= 1 && (r.parallel >= 1 || i.concurrency.length > 0)),
    'risk:failureAndAsync': b(r.failureHandling >= 1 && (asyncCode || a.io.length > 0)),
    'ask:design': cap(r.askDesign, 2),
    'ask:diagnose': cap(r.askDiagnose, 2),
    'ask:judge': cap(r.askJudge, 3),
    'ask:writeTests': b(r.askWriteTests),
    'ask:run': r.askRun,
    'ask:lookup': r.askLookup,
    'ask:question': b(r.askQuestion),
    constraints: cap(r.constraints, 6),
    requirements: cap(r.requirements, 5),
    namedComponents: cap(r.namedComponents, 6),
    descriptionWords: log1(r.descriptionWords, 60),
    'noFiles': b(a.files === 0),
    'crossFile': b(a.codeFiles >= 2 && a.relativeImports > 0),
    'codeAndEvidence': b(a.codeFiles > 0 && a.artefactLines > 0),
  };
  for (const t of TYPES) v[`type:${t}`] = b(f.type === t);
  return v;
}
