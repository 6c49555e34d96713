import { countAt, isWordChar, runBefore, wordBoundaryAt } from './analysis/match-at.js';
import type { Aggregate } from './analysis/aggregate.js';
import type { Intents } from './analysis/intent.js';
import type { ProseFacts } from './analysis/prose.js';
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
  /** Awaited reads followed by awaited writes in the same code (check-then-act across an await). */
  readThenWrite?: number;
  /** In-flight guards: a flag set around an await, or a pending promise kept in a field (single-flight). */
  asyncGuards?: number;
  /** Paths of the task's files (where the code lives says what it is: auth/, logs/, traces/). */
  paths?: readonly string[];
  /** The request read clause by clause (analysis/prose.ts). */
  prose?: ProseFacts;
}

/** Files that are evidence from a running system: logs, traces, dumps (one per service or host, usually). */
export const EVIDENCE_PATH = /(^|\/)(logs?|traces?|dumps?)\/|\.(log|trace)$/i;
/** Code that sits in a security-critical place. */
export const AUTH_PATH = /(^|\/)(auth\w*|security|login|session|sessions|crypto|permissions?|acl|oauth|sso)(\/|\.)/i;

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
  const paths = f.paths ?? [];
  const evidenceFiles = paths.filter((p) => EVIDENCE_PATH.test(p)).length;
  const authPath = paths.some((p) => AUTH_PATH.test(p));
  // One small unit with nothing that needs mocks, timing or care: the rubric's simple unit, whatever its words.
  const tinyPureUnit = a.codeFiles >= 1 && a.codeFiles <= 2 && a.logicLines <= 10 && a.maxFunctionCyclomatic <= 4 && !asyncCode &&
    a.io.length === 0 && a.sharedState.length === 0 && a.locks.length === 0 && a.sqlStatements === 0 && a.crypto.length === 0 && a.sinks.length === 0;
  // Authentication/authorisation code that does real work (async, I/O, a handler, SQL, crypto), not a label or a constant.
  const authCode = (a.authWords.length > 0 || authPath) && a.codeFiles > 0 && (asyncCode || a.io.length > 0 || a.httpHandlers > 0 || a.sqlStatements > 0 || a.crypto.length > 0);
  const securityAsk = f.type === 'security-scan' || i.security.length > 0;
  const diagnosis = f.type === 'defect-analysis' || f.type === 'performance-testing' || r.askDiagnose > 0;
  const sources = Math.max(evidenceFiles, r.namedComponents, a.actors);
  const complexRequest = i.concurrency.length + i.distributed.length + i.security.length + i.propertyBased.length + i.systemScope.length + i.stateMachine.length;
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
    'risk:crossUser': b(r.crossUser > 0),
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
    // Interactions: what the rubric's reasons for a tier combine.
    tinyPureUnit: b(tinyPureUnit),
    'tinyPureUnit&writeTests': b(tinyPureUnit && r.askWriteTests > 0 && !securityAsk),
    // Async code mutating state that outlives one call (re-entrancy guards, single-flight fields, queues): interleavings.
    asyncSharedState: b(asyncCode && a.sharedState.length > 0),
    readThenWrite: cap(f.readThenWrite ?? 0, 3),
    // Check-then-act across an await under an intermittent symptom or parallel callers: a lost update or a race.
    'readThenWrite&intermittent': b((f.readThenWrite ?? 0) > 0 && (i.flaky.length > 0 || r.parallel >= 1 || i.concurrency.length > 0 || r.sharedAcrossInstances > 0)),
    asyncGuards: cap(f.asyncGuards ?? 0, 2),
    'asyncGuards&failure': b((f.asyncGuards ?? 0) > 0 && (a.timers > 0 || r.failureHandling >= 1 || r.time >= 1)),
    // Stateful code (I/O, shared state, timers) that runs as several copies at once: coordination across instances.
    'sharedAcrossInstances&stateful': b(r.sharedAcrossInstances > 0 && (a.io.length > 0 || a.sharedState.length > 0 || a.timers > 0 || a.awaits >= 2 || f.distributed.length > 0)),
    'asyncSharedState&failure': b(asyncCode && a.sharedState.length > 0 && (a.timers > 0 || r.failureHandling >= 1)),
    authCode: b(authCode),
    'securityAsk&authCode': b(securityAsk && authCode),
    'judge&authCode': b(r.askJudge > 0 && authCode),
    evidenceFiles: cap(evidenceFiles, 5),
    // Diagnosis over evidence from several services or hosts: root cause across services.
    'diagnose&sources>=3': b(diagnosis && sources >= 3),
    'diagnose&distributed': b(diagnosis && (f.distributed.length > 0 || i.distributed.length > 0)),
    'design&scale': b(r.askDesign > 0 && (r.scale > 0 || i.systemScope.length > 0 || r.namedComponents >= 4)),
    // Several interacting concerns under hard constraints (retries and time and money, "never", "exactly").
    'concerns>=2&constraints': b(r.concerns >= 2 && r.constraints >= 2),
    'requirements&constraints': cap(Math.min(r.requirements, r.constraints), 4),
    'parallel&constraints': b(r.parallel >= 1 && r.constraints >= 1),
    complexRequest: cap(complexRequest, 3),
    // A mechanical request with no complex evidence: the length or the topic of the input does not matter.
    'mechanicalOnly': b((i.mechanical.length > 0 || r.askLookup > 0) && rules.complexSignals === 0 && r.askDesign === 0 && r.askDiagnose === 0),
  };
  Object.assign(v, proseFeatures(f, asyncCode));
  for (const t of TYPES) v[`type:${t}`] = b(f.type === t);
  return v;
}

/** Features from the request read clause by clause: mechanical asks after context, and stories of hard work. */
function proseFeatures(f: FeatureInputs, asyncCode: boolean): Record<string, number> {
  const p = f.prose;
  if (!p) return {};
  const { risk: r, rules } = f;
  const stateStory = (p.transitions >= 1 && p.longestList >= 5) || (p.transitions >= 2 && p.longestList >= 4) || p.transitions >= 3;
  const hardStory = p.interleaving.length > 0 || stateStory || p.distributed.length > 0;
  const bounded = p.mechanicalClauses.length > 0 || p.minimal > 0 || p.outputFormat > 0;
  return {
    // The job is bounded by the request: a mechanical ask after context, "that's all", "as a CSV".
    'prose:bounded': b(bounded),
    // ... and nothing hard is told (no interleaving, state machine or distribution story, no complex evidence, no design).
    'prose:boundedOnly': b(bounded && !hardStory && rules.complexSignals === 0 && r.askDesign === 0),
    // A report read for a number or a list: the input's kind (k6 output, JUnit) does not make it analysis.
    'prose:bounded&artefactsOnly': b(bounded && f.agg.codeFiles === 0 && f.agg.artefactLines > 0 && !hardStory),
    'prose:interleaving': cap(p.interleaving.length, 3),
    'prose:interleaving&stakes': b(p.interleaving.length > 0 && (r.money >= 1 || r.failureHandling >= 1 || r.constraints >= 1)),
    'prose:stateStory': b(stateStory),
    'prose:distributed': cap(p.distributed.length, 3),
    'prose:hardStoryNoCode': b(hardStory && f.agg.codeFiles === 0 && !asyncCode),
  };
}

const AWAITED_READ = /\bawait\s+[\w.$]*?\b(get\w*|find\w*|read\w*|select\w*|query|load\w*|fetch\w*|balance\w*|count\w*|exists|has\w*|by[A-Z]\w*|last\w*|lookup\w*)\s*\(/g;
const AWAITED_WRITE = /\bawait\s+[\w.$]*?\b(set\w*|update\w*|insert\w*|write\w*|put\w*|save\w*|incr\w*|decr\w*|del|delete\w*|remove\w*|mark\w*|apply\w*|create\w*|upsert\w*)\s*\(/g;

/**
 * Awaited reads that a later awaited write follows in the same text (lexical, any language with await):
 * check-then-act across a suspension point, where another caller can interleave.
 */
export function readThenWriteCount(code: string): number {
  if (!code.includes('await')) return 0;
  // A write counts when any read starts before it, that is when the first read does.
  AWAITED_READ.lastIndex = 0;
  const firstRead = AWAITED_READ.exec(code)?.index;
  if (firstRead === undefined) return 0;
  let n = 0;
  AWAITED_WRITE.lastIndex = 0;
  for (let w = AWAITED_WRITE.exec(code); w !== null; w = AWAITED_WRITE.exec(code)) if (firstRead < w.index) n++;
  return n;
}

/** Exported for the test that asyncGuards counts what `match` would. */
export const GUARD_FLAG = /(\b[\w.]+)\s*=\s*true\b[\s\S]{0,400}?\bawait\b[\s\S]{0,800}?\1\s*=\s*false\b/g;
export const KEPT_PROMISE = /\bthis\.\w+\s*=\s*(?!await\b)(?:this\.)?[\w.]+\([^;]*?\)\s*\.\s*(?:then|finally|catch)\s*\(|\b(?:this\.)?\w+\s*=\s*new Promise\b/g;
const ASSIGN_TRUE = /=\s*true\b/g;
const ASSIGN_NEW_PROMISE = /=\s*new Promise\b/g;
const THIS_DOT = /\bthis\./g;
const WORD_OR_DOT = (c: number) => isWordChar(c) || c === 46;

/**
 * Hand-rolled in-flight guards (lexical): a flag set to true, an await, the same flag set to false
 * (re-entrancy guard), or a promise kept in a field or variable for later callers (single-flight).
 * Each is a place where calls interleave.
 */
export function asyncGuards(code: string): number {
  // Each pattern runs only where a match can start (see countAt): on a long file, trying the unanchored
  // backreference pattern at every position cost ~12% of an uncached decision.
  let flag = 0;
  if (code.includes('true') && code.includes('false') && code.includes('await')) {
    // GUARD_FLAG's group is a `[\w.]+` run right before `= true`, or a suffix of one that starts at a `\b`.
    const starts: number[] = [];
    for (const m of code.matchAll(ASSIGN_TRUE)) {
      const [from, to] = runBefore(code, m.index, WORD_OR_DOT);
      for (let p = from; p < to; p++) if (wordBoundaryAt(code, p)) starts.push(p);
    }
    flag = countAt(GUARD_FLAG, code, starts);
  }
  let kept = 0;
  if (code.includes('new Promise') || (code.includes('this.') && (code.includes('then') || code.includes('finally') || code.includes('catch')))) {
    // The first branch starts at `this.`; the second at the `\w` run right before `= new Promise` (or its `this.`).
    const starts = [...code.matchAll(THIS_DOT)].map((m) => m.index);
    for (const m of code.matchAll(ASSIGN_NEW_PROMISE)) {
      const [from, to] = runBefore(code, m.index, isWordChar);
      if (from < to) starts.push(from);
    }
    kept = countAt(KEPT_PROMISE, code, [...new Set(starts)].sort((a, b) => a - b));
  }
  return flag + kept;
}
