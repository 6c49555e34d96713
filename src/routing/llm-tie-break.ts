import type { ModelConfig, RoutingConfig } from '../config/schema.js';
import { errorMessage } from '../errors.js';
import type { ComplexityResult, LlmTieBreakOutcome, QETask } from '../fleet/types.js';
import type { Logger } from '../logging.js';
import type { Provider, ProviderRequest } from '../providers/types.js';
import { bandScore, boundaryMargin, ComplexityAnalyzer, type Tier } from './ComplexityAnalyzer.js';
import type { CostTracker } from './CostTracker.js';
import { LruCache } from './lru.js';
import { meterProvider } from './metered-provider.js';
import { byPrice } from './pricing.js';

/** The ledger's agent type for tie-break calls (the task id is the routed task's). */
export const TIE_BREAK_AGENT = 'router:llm-tie-break';
/** The answer is one word; a few tokens of headroom for a trailing period or newline. */
export const TIE_BREAK_MAX_TOKENS = 8;
/** Files are shown up to this many characters in all (the rest is summarised by size): a close call stays cheap. */
export const TIE_BREAK_FILE_CHARS = 12_000;

export const TIE_BREAK_SYSTEM = [
  'You route software quality-engineering tasks to model tiers: the cheapest tier that reliably does the task well.',
  'simple: one small unit (up to about 40 lines), pure logic, few branches, no async, I/O or concurrency, no security or domain subtlety; or mechanical work (summarise a short report, list items, add obvious assertions, convert between frameworks, rerun and report).',
  'medium: a module or class (about 40-250 lines) or 2-5 files, moderate branching, async I/O that needs mocks, HTTP handlers, database repositories, parsers with edge cases, error paths; integration tests for one service; one flaky test from its log; a coverage-gap analysis of one package; a quality gate over several metrics; judgement over small inputs.',
  'complex: concurrency and race conditions, distributed protocols (locks, consensus, idempotency, retries across services, sagas), security-critical code (authentication, authorisation, cryptography, injection), more than 5 files or more than about 250 lines, state machines with many transitions, load-test design for a whole system, property-based tests for deep invariants, root-cause analysis across services.',
  'Decide by what the task really takes, not by keywords: short text may hide a hard problem, long but mechanical input may be simple.',
  'Answer with exactly one word, one of the two tiers offered, and nothing else.',
].join('\n');

export interface LlmTieBreakDeps {
  /** The provider for a model name of routing.models (the fleet's registry). */
  provider: (modelName: string) => Provider;
  /** The current cost tracker: the call is reserved, settled and recorded like any model call. */
  costs: () => CostTracker;
  logger?: Logger;
  /** Answers kept (default 2048), keyed by the analysis content hash. */
  cacheSize?: number;
}

export interface TieBreakContext {
  signal?: AbortSignal;
  /** The settled cost of a call made for this task (not called on a cache hit or a failure). */
  onSettled?: (cost: number) => void;
}

type Answer = { tier: Tier } | { invalid: string };

/** Exactly one tier word (any case, surrounding whitespace and one trailing period allowed), else undefined. */
export function parseTierAnswer(text: string): Tier | undefined {
  const m = /^\s*(simple|medium|complex)\.?\s*$/i.exec(text);
  return m ? (m[1].toLowerCase() as Tier) : undefined;
}

/** The user message: the task as the router saw it, files cut to TIE_BREAK_FILE_CHARS in all, and the two tiers. */
export function tieBreakPrompt(task: QETask, candidates: readonly [Tier, Tier]): string {
  const parts = [`Task type: ${task.type}`, `Request: ${task.description ?? ''}`];
  const reqs = task.payload?.requirements ?? [];
  if (reqs.length) parts.push(`Requirements:\n${reqs.map((r) => `- ${r}`).join('\n')}`);
  let room = TIE_BREAK_FILE_CHARS;
  for (const f of task.payload?.files ?? []) {
    const lines = f.content.split('\n').length;
    const shown = f.content.slice(0, Math.max(0, room));
    room -= shown.length;
    const cut = shown.length < f.content.length ? ` (first ${shown.length} of ${f.content.length} characters shown)` : '';
    parts.push(`File ${f.path}, ${lines} lines${cut}:\n${shown}`);
  }
  parts.push(`Which tier does this task need: ${candidates[0]} or ${candidates[1]}? One word.`);
  return parts.join('\n\n');
}

/**
 * routing.llmTieBreak: when the fitted tier model's decision is a close call (probability margin over the
 * runner-up below the configured margin), the cheapest enabled model is asked to choose between the two
 * tiers. Off by default; never called when the cheapest model runs on the offline engine (no API key).
 * Answers are cached by the analysis content hash (an identical task asks once); the call goes through the
 * metered provider, so it is reserved, settled and recorded in the ledger like any call. Anything but one
 * of the two tier words, and any failure (provider error, refused budget), keeps the fitted model's tier.
 */
export class LlmTieBreaker {
  private readonly cache: LruCache<string, Answer>;
  private readonly inFlight = new Map<string, Promise<Answer>>();

  constructor(private readonly deps: LlmTieBreakDeps) {
    this.cache = new LruCache(deps.cacheSize ?? 2048);
  }

  /** The model the tie-break would ask: the cheapest enabled one, if it is a remote provider (with a key). */
  askable(routing: RoutingConfig): { model: ModelConfig; provider: Provider } | undefined {
    const model = byPrice(routing.models.filter((m) => m.enabled !== false))[0];
    if (!model) return undefined;
    const provider = this.deps.provider(model.name);
    return provider.kind === 'local' ? undefined : { model, provider };
  }

  /** The complexity result, settled by the LLM when it is a close call and the tie-break is on; otherwise unchanged. */
  async settle(task: QETask, complexity: ComplexityResult, routing: RoutingConfig, ctx: TieBreakContext = {}): Promise<ComplexityResult> {
    const settings = routing.llmTieBreak;
    const d = complexity.decision;
    if (!settings?.enabled || !d || d.decidedBy !== 'model' || !d.model || !(d.model.margin < settings.margin)) return complexity;
    const target = this.askable(routing);
    if (!target) return complexity;
    const candidates: [Tier, Tier] = [d.tier, d.model.runnerUp];
    const key = `${ComplexityAnalyzer.fingerprint(task)}|${candidates.join('/')}|${target.model.name}`;
    const base = { model: target.model.name, modelTier: d.tier, runnerUp: d.model.runnerUp, margin: d.model.margin };
    const close = `close call: the fitted model said ${d.tier} by a margin of ${d.model.margin.toFixed(2)} over ${d.model.runnerUp} (routing.llmTieBreak.margin ${settings.margin})`;

    let answer = this.cache.get(key);
    const cached = answer !== undefined;
    if (!answer) {
      try {
        answer = await this.ask(key, task, candidates, target, routing, ctx);
      } catch (err) {
        this.deps.logger?.warn({ taskId: task.id, model: target.model.name }, `llm tie-break failed, keeping the fitted model's tier: ${errorMessage(err)}`);
        return withOutcome(complexity, { ...base, outcome: 'failed', cached: false }, `${close}; asking ${target.model.name} failed (${errorMessage(err)}), kept ${d.tier}`);
      }
    }
    if ('invalid' in answer) {
      return withOutcome(complexity, { ...base, outcome: 'invalid', cached }, `${close}; ${target.model.name} answered ${JSON.stringify(answer.invalid.slice(0, 40))}, not ${candidates.join(' or ')}: kept ${d.tier}`);
    }
    const tier = answer.tier;
    const score = tier === d.tier ? complexity.score : Math.round(Math.min(1, Math.max(0, bandScore(tier, d.weighted))) * 1000) / 1000;
    const outcome: LlmTieBreakOutcome = { ...base, outcome: 'answered', answer: tier, cached };
    const reason = `${tier}: decided by ${target.model.name} on a ${close}${cached ? ' (cached answer)' : ''}`;
    return {
      ...complexity,
      score,
      reasons: [reason, ...complexity.reasons],
      decision: { ...d, tier, decidedBy: 'llm', boundaryMargin: boundaryMargin(score), llm: outcome },
    };
  }

  /** One call per key at a time: concurrent identical tasks share it. Valid and invalid answers are cached; failures are not. */
  private ask(key: string, task: QETask, candidates: [Tier, Tier], target: { model: ModelConfig; provider: Provider }, routing: RoutingConfig, ctx: TieBreakContext): Promise<Answer> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const p = (async (): Promise<Answer> => {
      const provider = routing.costTracking.enabled
        ? meterProvider(target.provider, target.model, this.deps.costs(), { taskId: task.id, agentType: TIE_BREAK_AGENT, onSettled: (cost) => ctx.onSettled?.(cost) })
        : target.provider;
      const request: ProviderRequest = {
        model: target.model.model,
        system: TIE_BREAK_SYSTEM,
        messages: [{ role: 'user', content: tieBreakPrompt(task, candidates) }],
        maxTokens: TIE_BREAK_MAX_TOKENS,
        temperature: 0,
        signal: ctx.signal,
      };
      const res = await provider.complete(request);
      const tier = parseTierAnswer(res.text);
      const answer: Answer = tier && candidates.includes(tier) ? { tier } : { invalid: res.text };
      this.cache.set(key, answer);
      return answer;
    })();
    this.inFlight.set(key, p);
    const done = () => this.inFlight.delete(key);
    p.then(done, done);
    return p;
  }
}

function withOutcome(complexity: ComplexityResult, llm: LlmTieBreakOutcome, reason: string): ComplexityResult {
  const d = complexity.decision!;
  return { ...complexity, reasons: [complexity.reasons[0], reason, ...complexity.reasons.slice(1)], decision: { ...d, llm } };
}
