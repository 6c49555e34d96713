import { createHash } from 'node:crypto';
import type { RoutingConfig } from '../config/schema.js';
import type { ComplexityResult, QETask, RoutingDecision } from '../fleet/types.js';
import { aggregate, type Aggregate } from './analysis/aggregate.js';
import { analyzeArtefact, type ArtefactFacts } from './analysis/artefact.js';
import { detached } from './analysis/detach.js';
import { analyzeCode, isCodeFile as isJsOrTs, type CodeFacts } from './analysis/code.js';
import { languageOf, scanCode } from './analysis/scan.js';
import { analyzeIntent, type Intents } from './analysis/intent.js';
import { analyzeProse, type ProseFacts } from './analysis/prose.js';
import { analyzeRisk, type RiskFacts } from './analysis/risk.js';
import { addWordFeatures } from './analysis/request-words.js';
import { DISTRIBUTED_VOCABULARY, matchGroups } from './analysis/words.js';
import { AUTH_PATH, EVIDENCE_PATH, asyncGuards, featureVector, readThenWriteCount } from './features.js';
import { LruCache } from './lru.js';
import shippedModel from './tier-model.json' with { type: 'json' };
import { predictTier, validateTierModel, type TierModel } from './tierModel.js';
import { estimateInputTokensFrom } from './pricing.js';
import { countTokens } from './tokenizer.js';

/**
 * Complexity score of a QE task in [0, 1].
 *
 * Design (see also README "routing"):
 * 1. Three components in [0, 1], each from real analysis:
 *    - token: how much the model must read (tokenizer over description, requirements and files), log-scaled;
 *    - structure: the code's syntax tree (@babel/parser): cyclomatic complexity, nesting, async,
 *      shared mutable state, timers, locks/atomics, I/O, crypto, injection sinks, SQL; artefacts by shape and size;
 *    - context: files and cross-file imports, task type, requirements, and what the request asks for.
 *    `raw` = their weighted mean with routing.complexity weights (default 0.4 / 0.3 / 0.3).
 * 2. A weighted sum alone mislabels the tasks that matter most (a 20-line mutex is short; a 40-line lookup
 *    table is long), so evidence decides the band and `raw` only places the task inside it:
 *    - complex evidence (real concurrency or locking in code, distributed-coordination vocabulary in code and
 *      artefacts, security-critical APIs or injection sinks, property-based design over invariants,
 *      system-wide performance or cross-service root cause, >5 code files or >250 logic lines, state
 *      machines): score in [0.82, 1.0];
 *    - medium evidence (async or I/O code, branching beyond a small unit, a module's worth of logic, several
 *      modules, flaky or intermittent failures, test doubles/benchmarks, prioritising by risk): [0.45, 0.78];
 *    - simple evidence (mechanical requests: summarise, convert, look up; or one small pure unit): [0.04, 0.36];
 *    - no evidence: `raw` itself.
 *    Mechanical requests outrank medium *code* signals (converting an async test is still mechanical) but
 *    never complex ones. Judgement requests (evaluate, review, explain) over non-trivial input are medium
 *    only when nothing else placed the task.
 * The bands sit inside the seed's model ranges with the 'cheapest' tie-break: <=0.4 haiku, <=0.8 sonnet,
 * above opus. Results are cached by a content hash in an LRU.
 */
export type ComplexityWeights = RoutingConfig['complexity'];

export type Tier = 'simple' | 'medium' | 'complex';

export const TIER_BANDS: Readonly<Record<Tier, readonly [number, number]>> = {
  simple: [0.04, 0.36],
  medium: [0.45, 0.78],
  complex: [0.82, 1.0],
};

/**
 * JS/TS files up to this size go through the syntax tree (exact facts); larger ones and other languages
 * through the lexical scan, which keeps an uncached decision on a 400-line file within the latency budget.
 * Past this size a file is a module's worth of logic whatever the parse would add.
 */
export const PARSE_LIMIT_LINES = 200;
/**
 * ...and up to this many characters (200 lines of 80): a caller's file of a few long lines must not buy a long
 * parse on the server's event loop. A 1 MB one-line file took 1.3 s to parse (0.9 s with the TypeScript
 * compiler before) and takes ~40 ms to scan. The labelled tasks' parsed files are all under 6 KB.
 */
export const PARSE_LIMIT_CHARS = 16_000;

export function parseable(path: string, content: string): boolean {
  if (!isJsOrTs(path) || content.length > PARSE_LIMIT_CHARS) return false;
  let lines = 1;
  for (let at = content.indexOf('\n'); at !== -1 && lines <= PARSE_LIMIT_LINES; at = content.indexOf('\n', at + 1)) lines++;
  return lines <= PARSE_LIMIT_LINES;
}

/** The score inside a tier's band: the band's floor plus the weighted score's share of its width. */
export function bandScore(tier: Tier, weighted: number): number {
  const [lo, hi] = TIER_BANDS[tier];
  return lo + (hi - lo) * weighted;
}

/** Distance from the score to the nearest tier boundary of the default model ranges (0.4 and 0.8). */
export function boundaryMargin(score: number): number {
  return round3(Math.min(Math.abs(score - 0.4), Math.abs(score - 0.8)));
}

const mapValues = <K extends string>(o: Record<K, number>, f: (x: number) => number) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as number)])) as Record<K, number>;

interface Evidence {
  agg: Aggregate;
  intents: Intents;
  risk: RiskFacts;
  distributed: string[];
  signals: Signal[];
  deciding: Signal[];
  components: { token: number; structure: number; context: number };
  weighted: number;
  tokens: number;
  contentTokens: number[];
  lexical: { readThenWrite: number; asyncGuards: number };
  prose: ProseFacts;
}

interface Signal {
  tier: Tier;
  /** complex > intent (medium from the request) > mechanical > code (medium from code) > unit > judgement */
  kind: 'complex' | 'intent' | 'mechanical' | 'code' | 'unit' | 'judgement';
  reason: string;
}

const TYPE_CONTEXT: Record<string, number> = {
  'test-generation': 0.15,
  'test-execution': 0.05,
  'coverage-analysis': 0.1,
  'quality-gate': 0.1,
  'flaky-test-analysis': 0.2,
  'security-scan': 0.25,
  'performance-testing': 0.2,
  'defect-analysis': 0.2,
};

const PRECEDENCE: Signal['kind'][] = ['complex', 'intent', 'mechanical', 'code', 'unit', 'judgement'];

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export interface ComplexityAnalyzerOptions {
  /** Entries in the result cache (default 2048). */
  cacheSize?: number;
  /** The fitted tier model; default: the shipped src/routing/tier-model.json; null: rules only (the seed's behaviour). */
  model?: TierModel | null;
}

let shipped: TierModel | null | undefined;
/** The model shipped with the package, validated once (an empty model file means rules only). */
export function shippedTierModel(): TierModel | null {
  if (shipped === undefined) shipped = (shippedModel as { features?: unknown[] }).features?.length ? validateTierModel(shippedModel) : null;
  return shipped;
}

/** The strings the analysis reads, kept to check a task object was not changed since it was hashed. */
interface TaskInputs {
  type: string;
  description: string;
  requirements: readonly string[];
  files: ReadonlyArray<{ path: string; content: string }>;
}

function inputsOf(task: QETask): TaskInputs {
  return {
    type: String(task.type),
    description: task.description ?? '',
    requirements: [...(task.payload?.requirements ?? [])],
    files: (task.payload?.files ?? []).map((f) => ({ path: f.path, content: f.content })),
  };
}

function sameInputs(a: TaskInputs, task: QETask): boolean {
  const reqs = task.payload?.requirements ?? [];
  const files = task.payload?.files ?? [];
  if (a.type !== String(task.type) || a.description !== (task.description ?? '')) return false;
  if (a.requirements.length !== reqs.length || a.files.length !== files.length) return false;
  for (let i = 0; i < reqs.length; i++) if (a.requirements[i] !== reqs[i]) return false;
  for (let i = 0; i < files.length; i++) if (a.files[i].path !== files[i].path || a.files[i].content !== files[i].content) return false;
  return true;
}

/**
 * Digests, not the texts, key the caches: V8 hashes strings longer than 16383 characters by length only,
 * so long file contents as Map keys collide and every lookup compares whole files.
 */
function fileDigest(f: { path: string; content: string }): string {
  return createHash('sha1').update(f.path).update('\0').update(f.content).digest('base64');
}

function fingerprintOf(task: QETask, digests: string[]): string {
  const h = createHash('sha1');
  h.update(String(task.type)).update('\0').update(task.description ?? '').update('\0');
  for (const r of task.payload?.requirements ?? []) h.update(r).update('\0');
  for (const d of digests) h.update(d).update('\0');
  return h.digest('base64');
}

const RECENT_TASKS = 4;

export class ComplexityAnalyzer {
  private readonly weights: { token: number; structure: number; context: number };
  private readonly cache: LruCache<string, ComplexityResult>;
  /** Per-file facts keyed by path and content: the same file under a different request is not re-parsed. */
  private readonly fileCache: LruCache<string, CodeFacts | ArtefactFacts>;
  /**
   * The last few task objects analysed, with their cache key: the same object analysed again (select, then the
   * cost estimate) skips hashing its files. A short list of strong references rather than a WeakMap: V8's young
   * generation collector keeps a WeakMap's values alive, and each of them holds a whole task's files.
   */
  private readonly recent: Array<{ task: QETask; key: string; inputs: TaskInputs }> = [];
  private readonly inputTokens = new WeakMap<ComplexityResult, number>();
  private readonly model: TierModel | null;

  constructor(weights?: Partial<ComplexityWeights>, opts: ComplexityAnalyzerOptions = {}) {
    const t = weights?.tokenWeighting ?? 0.4;
    const s = weights?.structureWeighting ?? 0.3;
    const c = weights?.contextWeighting ?? 0.3;
    const total = t + s + c;
    // Weights are normalised so a config that does not sum to 1 still yields a score in [0, 1].
    this.weights = total > 0 ? { token: t / total, structure: s / total, context: c / total } : { token: 1 / 3, structure: 1 / 3, context: 1 / 3 };
    this.model = opts.model === undefined ? shippedTierModel() : opts.model;
    this.cache = new LruCache(opts.cacheSize ?? 2048);
    this.fileCache = new LruCache(opts.cacheSize ?? 2048);
  }

  /** Content hash of everything the analysis reads. */
  static fingerprint(task: QETask): string {
    return fingerprintOf(task, (task.payload?.files ?? []).map(fileDigest));
  }

  analyze(task: QETask): ComplexityResult {
    // Fast path: the same task object with the same strings as last time (=== on strings compares content,
    // and is O(1) when they are the very same strings).
    const seen = this.recent.find((r) => r.task === task);
    if (seen && sameInputs(seen.inputs, task)) {
      const hit = this.cache.get(seen.key);
      if (hit) return hit;
    }
    const files = task.payload?.files ?? [];
    const digests = files.map(fileDigest);
    const key = fingerprintOf(task, digests);
    this.recent.unshift({ task, key, inputs: inputsOf(task) });
    if (this.recent.length > RECENT_TASKS) this.recent.pop();
    const hit = this.cache.get(key);
    if (hit) return hit;
    const result = this.compute(task, digests);
    this.cache.set(key, result);
    return result;
  }

  /** Tier the score falls in with the default bands (for reports and evaluation). */
  static tierOf(score: number): Tier {
    return score > 0.8 ? 'complex' : score > 0.4 ? 'medium' : 'simple';
  }

  /** Stage 1 and 2 inputs: file facts, request intents, domain risk, components and the weighted score. */
  private evidence(task: QETask, digests: string[]): Evidence {
    const files = task.payload?.files ?? [];
    const requirements = task.payload?.requirements ?? [];
    const code: CodeFacts[] = [];
    const arts: ArtefactFacts[] = [];
    for (const [n, f] of files.entries()) {
      const key = digests[n];
      const isCode = languageOf(f.path) !== undefined;
      let facts = this.fileCache.get(key);
      if (!facts) {
        facts = detached(!isCode ? analyzeArtefact(f.path, f.content) : parseable(f.path, f.content) ? analyzeCode(f.path, f.content) : scanCode(f.path, f.content));
        this.fileCache.set(key, facts);
      }
      if (isCode) code.push(facts as CodeFacts);
      else arts.push(facts as ArtefactFacts);
    }
    const baseIntents = analyzeIntent(task.description ?? '', requirements);
    const prose = analyzeProse(task.description ?? '', requirements);
    // A mechanical ask after context counts like one at the start, unless the request tells a hard story.
    const hardStory = prose.interleaving.length > 0 || prose.distributed.length > 0 || prose.transitions >= 3;
    const intents = prose.mechanicalClauses.length && !hardStory
      ? { ...baseIntents, mechanical: [...baseIntents.mechanical, ...prose.mechanicalClauses.map((l) => `${l} (after context)`)] }
      : baseIntents;
    const agg = aggregate(code, arts);
    const contentTokens = files.map((f) => countTokens(f.content));
    const fileTokens = contentTokens.reduce((a, n) => a + n, 0);
    const tokens = countTokens(task.description ?? '') + requirements.reduce((a, r) => a + countTokens(r), 0) + fileTokens;

    const fileWords = [...code.map((c) => c.words), ...arts.map((a) => a.words)].join(' \n ');
    const distributed = matchGroups(`${intents.words} \n ${fileWords}`, DISTRIBUTED_VOCABULARY);
    if (agg.sqlLocking) distributed.push('row locking in SQL');
    const risk = analyzeRisk(task.description ?? '', requirements, fileWords);

    const codeText = files.filter((f) => languageOf(f.path) !== undefined);
    const lexical = {
      readThenWrite: codeText.reduce((n, f) => n + readThenWriteCount(f.content), 0),
      asyncGuards: codeText.reduce((n, f) => n + asyncGuards(f.content), 0),
    };
    const signals = this.signals(task, agg, intents, distributed, fileTokens, risk, lexical);
    const components = {
      token: round3(clamp01(Math.log1p(tokens / 60) / Math.log1p(6000 / 60))),
      structure: round3(this.structure(agg, distributed)),
      context: round3(this.context(task, agg, intents, requirements.length, distributed)),
    };
    const weighted = clamp01(this.weights.token * components.token + this.weights.structure * components.structure + this.weights.context * components.context);
    const deciding = PRECEDENCE.map((k) => signals.filter((s) => s.kind === k)).find((group) => group.length > 0) ?? [];
    return { agg, intents, risk, distributed, signals, deciding, components, weighted, tokens, contentTokens, lexical, prose };
  }

  private featuresOf(task: QETask, ev: Evidence): Record<string, number> {
    const n = (kind: Signal['kind']) => ev.signals.filter((s) => s.kind === kind).length;
    const vec = featureVector({
      type: String(task.type),
      agg: ev.agg,
      intents: ev.intents,
      risk: ev.risk,
      distributed: ev.distributed,
      rules: { deciding: ev.deciding[0]?.kind ?? 'none', tier: ev.deciding[0]?.tier ?? ComplexityAnalyzer.tierOf(ev.weighted), complexSignals: n('complex'), intentSignals: n('intent'), codeSignals: n('code') },
      components: ev.components,
      weighted: ev.weighted,
      tokens: ev.tokens,
      paths: (task.payload?.files ?? []).map((f) => f.path),
      readThenWrite: ev.lexical.readThenWrite,
      asyncGuards: ev.lexical.asyncGuards,
      prose: ev.prose,
    });
    return addWordFeatures(vec, task.description ?? '', task.payload?.requirements ?? []);
  }

  /** The named features the model reads (for training and evaluation; not cached). */
  features(task: QETask): Record<string, number> {
    const digests = (task.payload?.files ?? []).map(fileDigest);
    return this.featuresOf(task, this.evidence(task, digests));
  }

  private compute(task: QETask, digests: string[]): ComplexityResult {
    const ev = this.evidence(task, digests);
    const { components, weighted, deciding, signals } = ev;
    const ruleTier: Tier | null = deciding.length ? deciding[0].tier : null;
    const ruleReasons = deciding.length ? [`${ruleTier}: ${deciding.map((s) => s.reason).join('; ')}`] : ['no decisive signal'];
    const others = signals.filter((s) => !deciding.includes(s));

    const reasons: string[] = [];
    let decision: RoutingDecision;
    let score: number;
    if (this.model) {
      const p = predictTier(this.model, this.featuresOf(task, ev));
      score = bandScore(p.tier, weighted);
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      const agreement = ruleTier === null ? 'rules had no decisive signal' : ruleTier === p.tier ? `rules agree (${ruleTier})` : `overrides the rules (${ruleTier})`;
      reasons.push(
        `${p.tier}: decided by the fitted model (p ${pct(p.probabilities[p.tier])}, margin ${p.margin.toFixed(2)} over ${p.runnerUp}); ${agreement}; ` +
          `pushed by ${p.drivers.map((d) => `${d.feature}=${round3(d.value)}`).join(', ') || 'the intercepts'}`,
      );
      reasons.push(`rules: ${ruleReasons[0]}`);
      decision = {
        tier: p.tier,
        decidedBy: 'model',
        weighted: round3(weighted),
        rules: { tier: ruleTier, reasons: ruleReasons },
        model: { probabilities: mapValues(p.probabilities, round3), runnerUp: p.runnerUp, margin: round3(p.margin), drivers: p.drivers },
        boundaryMargin: 0,
      };
    } else if (ruleTier) {
      score = bandScore(ruleTier, weighted);
      reasons.push(`${ruleTier}: decided by the rules: ${ruleReasons[0].slice(ruleTier.length + 2)}`);
      decision = { tier: ruleTier, decidedBy: 'rules', weighted: round3(weighted), rules: { tier: ruleTier, reasons: ruleReasons }, boundaryMargin: 0 };
    } else {
      score = weighted;
      reasons.push('no decisive signal and no model: the score is the weighted sum of the components');
      decision = { tier: ComplexityAnalyzer.tierOf(weighted), decidedBy: 'weighted', weighted: round3(weighted), rules: { tier: null, reasons: ruleReasons }, boundaryMargin: 0 };
    }
    if (others.length) reasons.push(`also seen: ${others.map((s) => s.reason).join('; ')}`);
    score = round3(clamp01(score));
    decision.boundaryMargin = boundaryMargin(score);
    reasons.push(
      `components: token ${components.token.toFixed(2)} (${ev.tokens} tokens), structure ${components.structure.toFixed(2)}, context ${components.context.toFixed(2)}; ` +
        `weighted ${weighted.toFixed(3)} (stage 1, ${this.weightsText()}) places the score ${score.toFixed(3)} inside the ${decision.tier} band; ` +
        `${decision.boundaryMargin.toFixed(3)} from the nearest tier boundary`,
    );
    // Cached: its strings must not keep the task's texts alive (see detach.ts).
    const result: ComplexityResult = detached({ score, components, reasons, decision });
    this.inputTokens.set(result, estimateInputTokensFrom(task, ev.contentTokens));
    return result;
  }

  private weightsText(): string {
    const w = this.weights;
    return `weights ${w.token.toFixed(2)}/${w.structure.toFixed(2)}/${w.context.toFixed(2)}`;
  }

  /** The cost estimate's input tokens for a result this analyzer produced (counted once, during analysis). */
  inputTokensOf(result: ComplexityResult): number | undefined {
    return this.inputTokens.get(result);
  }

  private signals(
    task: QETask, a: Aggregate, i: Intents, distributed: string[], fileTokens: number, risk: RiskFacts,
    lexical: { readThenWrite: number; asyncGuards: number },
  ): Signal[] {
    const out: Signal[] = [];
    const complex = (reason: string) => out.push({ tier: 'complex', kind: 'complex', reason });
    // Mechanical work on tests (convert a mutex test between frameworks) does not inherit the hardness of
    // the code under test: what the code shows then counts as medium, which the mechanical request outranks.
    const mechanicalOverTests = i.mechanical.length > 0 && a.codeFiles > 0 && a.testFiles === a.codeFiles;
    const fromCode = (reason: string) =>
      mechanicalOverTests ? out.push({ tier: 'medium', kind: 'code', reason: `in the tests: ${reason}` }) : complex(reason);
    const type = String(task.type);
    const asyncCode = a.asyncFunctions > 0 || a.awaits > 0 || a.promiseConstructions > 0 || a.timers > 0;
    const authPath = (task.payload?.files ?? []).some((f) => languageOf(f.path) !== undefined && AUTH_PATH.test(f.path));

    // Complex: real concurrency in the code.
    if (a.atomics) fromCode('shared memory with Atomics/SharedArrayBuffer');
    if (a.locks.length && (asyncCode || a.atomics)) fromCode(`lock primitive over async code (${a.locks.slice(0, 3).join(', ')})`);
    if (a.parkedResolvers > 0) fromCode(`hand-rolled synchronisation: ${a.parkedResolvers} promise resolver(s) parked in shared state`);
    if (a.floatingAsyncInLoop > 0 && a.sharedState.length) {
      fromCode(`async work started in a loop without awaiting it, mutating shared state (${a.sharedState.slice(0, 3).join(', ')})`);
    }
    if (i.concurrency.length && !i.mechanical.length) complex(`asks about ${i.concurrency.join(', ')}`);
    // Complex: distributed coordination, from code identifiers, SQL, artefacts and the request together.
    if (distributed.length >= 2) fromCode(`distributed coordination: ${distributed.join(', ')}`);
    else if (distributed.length === 1 && (i.distributed.length || i.concurrency.length || (asyncCode && a.timers > 0 && a.sharedState.length > 0))) {
      fromCode(`distributed coordination: ${distributed[0]} with ${i.distributed[0] ?? i.concurrency[0] ?? 'timed async state'}`);
    }
    if (i.distributed.length >= 2 && !i.mechanical.length) complex(`asks for ${i.distributed.join(', ')}`);
    // Complex: interleavings the code invites, in little code.
    if (asyncCode && lexical.asyncGuards > 0) fromCode('in-flight guard over async calls (a flag around an await or a pending promise kept for later callers): calls interleave');
    if (lexical.readThenWrite > 0 && (i.flaky.length || risk.parallel >= 1 || risk.sharedAcrossInstances > 0) && !i.mechanical.length) {
      complex('check-then-act across an await with intermittent symptoms or parallel callers: a race');
    }
    // Stateful code that runs as several copies at once (every node, all replicas): coordination across instances.
    if (risk.sharedAcrossInstances > 0 && a.codeFiles > 0 && (a.io.length || a.sharedState.length || a.timers || a.awaits >= 2 || distributed.length) && !i.mechanical.length) {
      complex('stateful code shared by several instances');
    }
    // Complex: security-critical code. Performance and execution tasks only exercise it.
    // SQL assembled by interpolation is an injection risk only when security is the question.
    const sqlInjection = a.sqlInterpolated && (type === 'security-scan' || i.security.length > 0);
    const securityCode = [...a.crypto, ...a.weakHashes.map((h) => `weak hash ${h}`), ...a.sinks, ...(sqlInjection ? ['SQL built by interpolation'] : [])];
    if (securityCode.length && type !== 'performance-testing' && type !== 'test-execution') fromCode(`security-critical code: ${securityCode.slice(0, 4).join(', ')}`);
    else if ((i.security.length || type === 'security-scan') && (a.authWords.length >= 2 || a.crypto.length || (authPath && (asyncCode || a.io.length > 0 || a.httpHandlers > 0)))) {
      complex(`security review of auth code (${[...i.security, ...a.authWords.slice(0, 3)].join(', ')})`);
    }
    // Complex: what the request demands.
    // One user's data reaching another is an authorisation failure, however plainly it is told.
    if (risk.crossUser > 0 && !i.mechanical.length) complex("one user's data reaching another (authorisation)");
    if (i.propertyBased.length && (a.functions >= 2 || i.propertyBased.length >= 2)) complex(`property-based design over invariants (${i.propertyBased.join(', ')})`);
    if (i.systemScope.length && (type === 'performance-testing' || type === 'defect-analysis' || !i.mechanical.length)) complex(`system-wide scope: ${i.systemScope.join(', ')}`);
    // One log or trace file per service is evidence from that many services too.
    const sources = Math.max(a.actors, (task.payload?.files ?? []).filter((f) => EVIDENCE_PATH.test(f.path)).length);
    if (sources >= 3 && (type === 'performance-testing' || type === 'defect-analysis') && i.judgement.length) {
      complex(`${sources} services/hosts in the evidence; cross-service diagnosis`);
    }
    if (a.codeFiles > 5) fromCode(`${a.codeFiles} code files`);
    if (a.logicLines > 250) fromCode(`${a.logicLines} lines of logic`);
    if ((a.switchMaxCases >= 6 && a.stateAssignments >= 3) || (i.stateMachine.length && (a.stateAssignments >= 2 || a.switchMaxCases >= 4))) fromCode('state machine with many transitions');
    // An injection question over code (does this sanitiser stop XSS?) is security-critical judgement.
    if (i.security.includes('injection') && a.codeFiles > 0 && !i.mechanical.length) complex(`injection question over code (${i.security.join(', ')})`);

    // Medium from the request.
    const intent = (reason: string) => out.push({ tier: 'medium', kind: 'intent', reason });
    // Running a test N times, or listing flaky tests, is mechanical however often "flaky" appears.
    if (i.flaky.length && !i.mechanical.length) intent(`diagnose ${i.flaky.join(', ')}`);
    else if (type === 'flaky-test-analysis' && !i.mechanical.length) intent('diagnose a flaky test');
    if (i.prioritise.length) intent('prioritise by risk');
    if (i.testInfrastructure.length) intent(i.testInfrastructure.join(', '));
    if (i.metrics.length >= 3) intent(`several quality metrics (${i.metrics.join(', ')})`);
    // A security word next to plain code ("used on the login page") is context, not a security task.
    if (i.security.length && (type === 'security-scan' || a.authWords.length > 0 || a.codeFiles === 0)) intent(`security question (${i.security.join(', ')})`);
    if (i.concurrency.length && i.mechanical.length) intent(`mentions ${i.concurrency.join(', ')}`);
    if (i.distributed.length >= 2 && i.mechanical.length) intent(`mentions ${i.distributed.join(', ')}`);
    if (i.systemScope.length && i.mechanical.length) intent(`mentions ${i.systemScope.join(', ')}`);

    // Simple: mechanical requests.
    if (i.mechanical.length) out.push({ tier: 'simple', kind: 'mechanical', reason: `mechanical request (${i.mechanical.join(', ')})` });

    // Medium from the code.
    const codeSig = (reason: string) => out.push({ tier: 'medium', kind: 'code', reason });
    if (asyncCode) codeSig(`async code (${a.asyncFunctions} async functions, ${a.awaits} awaits${a.timers ? `, ${a.timers} timers` : ''})`);
    if (a.io.length) codeSig(`I/O: ${a.io.join(', ')}`);
    if (a.httpHandlers) codeSig(`${a.httpHandlers} HTTP handler(s)`);
    if (a.sqlStatements) codeSig(`${a.sqlStatements} SQL statement(s)${a.sqlInterpolated ? ' (some built by interpolation)' : ''}`);
    if (a.promiseCombinators.length) codeSig(a.promiseCombinators.join(', '));
    if (a.maxFunctionCyclomatic > 5 || a.cyclomatic > 10) codeSig(`branching: cyclomatic ${a.cyclomatic} (max ${a.maxFunctionCyclomatic} in one function)`);
    if (a.logicLines > 40) codeSig(`${a.logicLines} lines of logic`);
    if (a.methods >= 3 && a.mutatedFields.length) codeSig(`stateful object: ${a.methods} methods writing ${a.mutatedFields.slice(0, 3).join(', ')}`);
    if (a.codeFiles >= 2) codeSig(`${a.codeFiles} code files${a.relativeImports ? `, ${a.relativeImports} cross-file imports` : ''}`);
    if (a.authWords.length) codeSig(`handles ${a.authWords.slice(0, 3).join(', ')}`);
    if (securityCode.length && (type === 'performance-testing' || type === 'test-execution')) codeSig(`exercises ${securityCode[0]}`);
    if (distributed.length === 1) codeSig(`touches ${distributed[0]}`);
    if (a.maxNesting > 4) codeSig(`nesting depth ${a.maxNesting}`);

    // Simple: one small pure unit.
    if (a.codeFiles === 1 && a.testFiles === 0 && a.logicLines <= 40 && a.maxFunctionCyclomatic <= 5 && !asyncCode && !a.io.length) {
      out.push({ tier: 'simple', kind: 'unit', reason: `one small pure unit (${a.logicLines} lines, cyclomatic ${a.maxFunctionCyclomatic})` });
    }
    // Medium from judgement over non-trivial input.
    if (i.judgement.length && fileTokens >= 60) out.push({ tier: 'medium', kind: 'judgement', reason: `judgement over ${a.files} file(s): ${i.judgement.join(', ')}` });
    if (!a.files && !i.judgement.length && !out.length) out.push({ tier: 'simple', kind: 'unit', reason: 'no input files; a short request' });
    return out;
  }

  private structure(a: Aggregate, distributed: string[]): number {
    let p = 0;
    p += Math.min(0.3, Math.max(0, a.cyclomatic - 1) * 0.012);
    p += Math.min(0.1, a.maxNesting * 0.02);
    if (a.asyncFunctions || a.awaits) p += 0.08;
    if (a.promiseCombinators.length || a.promiseConstructions) p += 0.04;
    if (a.timers) p += 0.04;
    p += Math.min(0.12, a.io.length * 0.04);
    if (a.sharedState.length) p += 0.08;
    if (a.locks.length || a.atomics) p += 0.15;
    if (a.floatingAsyncInLoop) p += 0.08;
    if (a.crypto.length || a.sinks.length || a.weakHashes.length) p += 0.15;
    if (a.sqlStatements) p += a.sqlLocking ? 0.1 : 0.04;
    p += Math.min(0.15, distributed.length * 0.05);
    p += Math.min(0.2, a.artefactLines / 400);
    if (a.actors >= 3) p += 0.08;
    return clamp01(p);
  }

  private context(task: QETask, a: Aggregate, i: Intents, requirements: number, distributed: string[]): number {
    let p = TYPE_CONTEXT[String(task.type)] ?? 0.1;
    p += Math.min(0.2, a.files * 0.04);
    p += Math.min(0.1, a.relativeImports * 0.03);
    p += Math.min(0.1, requirements * 0.04);
    const complexIntents = i.concurrency.length + i.distributed.length + i.security.length + i.propertyBased.length + i.systemScope.length + i.stateMachine.length;
    p += Math.min(0.3, complexIntents * 0.1);
    p += Math.min(0.15, (i.flaky.length + i.prioritise.length + i.testInfrastructure.length + i.judgement.length) * 0.05);
    p += Math.min(0.1, distributed.length * 0.03);
    if (i.mechanical.length) p -= 0.15;
    return clamp01(p);
  }
}
