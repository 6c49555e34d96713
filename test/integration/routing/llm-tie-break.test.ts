import { afterEach, describe, expect, it } from 'vitest';
import type { FleetManager } from '../../../src/fleet/FleetManager.js';
import type { ModelSelection, QETask } from '../../../src/fleet/types.js';
import { seedModels } from '../../../src/config/defaults.js';
import { FakeAnthropicServer, type FakeReply } from '../../../src/providers/testing/fake-anthropic-server.js';
import { ComplexityAnalyzer } from '../../../src/routing/ComplexityAnalyzer.js';
import { parseTierAnswer, TIE_BREAK_AGENT, TIE_BREAK_SYSTEM } from '../../../src/routing/llm-tie-break.js';
import { startFleet } from '../../helpers/fleet.js';
import { pricedRouting } from '../../helpers/priced-fleet.js';

// routing.llmTieBreak against the fake Anthropic API (the real wire protocol, billed at the seed's prices):
// the cheapest model is asked only on a close call, once per task content, through the metered provider.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

// Two tasks the generic agent takes as they are; which of them is the closer call depends on the shipped model,
// so the test measures both margins and sets routing.llmTieBreak.margin between them.
const doubleCharge = (id: string): QETask => ({ id, type: 'defect-analysis', description: 'Orders sometimes get charged twice when the user double-clicks pay; figure out why.', payload: { files: [] } });
const gate = (id: string): QETask => ({ id, type: 'quality-gate', description: 'Does this build pass: coverage >= 80%, no failures, p95 under 300 ms? Coverage 82%, 0 failures, p95 310 ms.', payload: { files: [] } });

const analyzer = new ComplexityAnalyzer();
const decisionOf = (t: QETask) => analyzer.analyze(t).decision!;
const [close, clear] = [doubleCharge, gate].sort((a, b) => decisionOf(a('m')).model!.margin - decisionOf(b('m')).model!.margin);
const CLOSE = decisionOf(close('m'));
/** Between the two tasks' margins, so only the closer one is inside it. */
const MARGIN = (CLOSE.model!.margin + decisionOf(clear('m')).model!.margin) / 2;
const MODEL_OF = { simple: 'claude-haiku-4', medium: 'claude-sonnet-4.5', complex: 'claude-opus-4' } as const;
const THIRD = (['simple', 'medium', 'complex'] as const).find((t) => t !== CLOSE.tier && t !== CLOSE.model!.runnerUp)!;

const isTieBreak = (body: any) => body?.system === TIE_BREAK_SYSTEM;

async function fleetWith(answer: (body: any) => FakeReply, llmTieBreak: Record<string, unknown> | undefined) {
  const prices = Object.fromEntries(seedModels().map((m) => [m.model, m.capabilities.costPer1kTokens]));
  const server = await FakeAnthropicServer.start({ prices, script: (req) => (isTieBreak(req.body) ? answer(req.body) : { text: 'done' }) });
  cleanups.push(() => server.close());
  const routing = { ...pricedRouting(server.url, {}), ...(llmTieBreak ? { llmTieBreak } : {}) };
  const started = await startFleet({ features: { multiModelRouter: true, streaming: false }, routing: routing as never }, { ANTHROPIC_API_KEY: 'sk-ant-test-tiebreak' });
  cleanups.push(started.cleanup);
  const selections = new Map<string, ModelSelection>();
  started.fleet.on('routing:selected', (e: { taskId: string; selection: ModelSelection }) => selections.set(e.taskId, e.selection));
  return { server, fleet: started.fleet, selections, asks: () => server.requests.filter((r) => r.path === '/v1/messages' && isTieBreak(r.body)) };
}

const ledger = (fleet: FleetManager) => Promise.resolve(fleet.getMemory().getStore().costRecords(0));

describe('routing.llmTieBreak', () => {
  it('the two tasks have different margins under the shipped model (so MARGIN separates them)', () => {
    expect(CLOSE.model!.margin).toBeLessThan(MARGIN);
    expect(decisionOf(clear('m')).model!.margin).toBeGreaterThan(MARGIN);
  });

  it('off by default: no tie-break call, the fitted model decides', async () => {
    const { fleet, selections, asks } = await fleetWith(() => ({ text: CLOSE.model!.runnerUp }), undefined);
    expect(fleet.getConfig().routing.llmTieBreak).toEqual({ enabled: false, margin: 0.1 });
    await fleet.executeTask(close('off-1'));
    expect(asks()).toHaveLength(0);
    expect(selections.get('off-1')!.complexity.decision!.decidedBy).toBe('model');
  });

  it('asks only within the margin, caches per task content, and books the call in the ledger', async () => {
    const { fleet, selections, asks, server } = await fleetWith(() => ({ text: CLOSE.model!.runnerUp }), { enabled: true, margin: MARGIN });
    await fleet.executeTask(clear('clear-1'));
    expect(asks()).toHaveLength(0);
    expect(selections.get('clear-1')!.complexity.decision!.decidedBy).toBe('model');

    const first = await fleet.executeTask(close('close-1'));
    expect(asks()).toHaveLength(1);
    const ask = asks()[0].body;
    expect(ask.model).toBe('claude-haiku-4-5-20251001');
    const up = CLOSE.model!.runnerUp;
    expect(ask.messages[0].content).toContain(`${CLOSE.tier} or ${up}`);
    const d = selections.get('close-1')!.complexity.decision!;
    expect(d).toMatchObject({ tier: up, decidedBy: 'llm', llm: { outcome: 'answered', answer: up, modelTier: CLOSE.tier, runnerUp: up, margin: CLOSE.model!.margin, cached: false } });
    expect(selections.get('close-1')!.modelName).toBe(MODEL_OF[up]);
    expect(selections.get('close-1')!.complexity.reasons[0]).toContain(`${up}: decided by claude-haiku-4 on a close call: the fitted model said ${CLOSE.tier}`);

    const records = await ledger(fleet);
    const tieBreak = records.filter((r) => r.agentType === TIE_BREAK_AGENT);
    expect(tieBreak).toHaveLength(1);
    expect(tieBreak[0]).toMatchObject({ taskId: 'close-1', modelName: 'claude-haiku-4', status: 'settled', estimated: false });
    expect(tieBreak[0].cost).toBeGreaterThan(0);
    const billedForAsk = server.billing.byModel['claude-haiku-4-5-20251001'].cost;
    expect(tieBreak[0].cost).toBeLessThanOrEqual(billedForAsk + 1e-12);
    // The task's cost includes its routing call.
    expect(first.cost).toBeCloseTo(records.filter((r) => r.taskId === 'close-1').reduce((a, r) => a + r.cost, 0), 10);

    // The same content under another id: the cached answer, no second call, nothing more in the ledger.
    await fleet.executeTask(close('close-2'));
    expect(asks()).toHaveLength(1);
    expect(selections.get('close-2')!.complexity.decision).toMatchObject({ decidedBy: 'llm', tier: CLOSE.model!.runnerUp, llm: { cached: true } });
    expect((await ledger(fleet)).filter((r) => r.agentType === TIE_BREAK_AGENT)).toHaveLength(1);
  });

  it('an answer that is not exactly one of the two tiers keeps the fitted model\'s tier', async () => {
    const { fleet, selections, asks } = await fleetWith(() => ({ text: `I think it is ${CLOSE.model!.runnerUp}.` }), { enabled: true, margin: MARGIN });
    await fleet.executeTask(close('garbage-1'));
    expect(asks()).toHaveLength(1);
    const sel = selections.get('garbage-1')!;
    expect(sel.complexity.decision).toMatchObject({ tier: CLOSE.tier, decidedBy: 'model', llm: { outcome: 'invalid', modelTier: CLOSE.tier } });
    expect(sel.modelName).toBe(MODEL_OF[CLOSE.tier]);
    // Paid for, so booked like any call.
    expect((await ledger(fleet)).filter((r) => r.agentType === TIE_BREAK_AGENT)).toHaveLength(1);
  });

  it('the third tier (not in contention) is not accepted', async () => {
    const { fleet, selections } = await fleetWith(() => ({ text: THIRD }), { enabled: true, margin: MARGIN });
    await fleet.executeTask(close('third-1'));
    expect(selections.get('third-1')!.complexity.decision).toMatchObject({ tier: CLOSE.tier, decidedBy: 'model', llm: { outcome: 'invalid' } });
  });

  it('a provider error falls back to the fitted model\'s tier, releases the reservation, and the task still runs', async () => {
    const { fleet, selections, asks } = await fleetWith(() => ({ fault: { type: 'status', status: 400, message: 'bad request' } }), { enabled: true, margin: MARGIN });
    const result = await fleet.executeTask(close('error-1'));
    expect(result.status).toBe('completed');
    expect(asks()).toHaveLength(1);
    const sel = selections.get('error-1')!;
    expect(sel.complexity.decision).toMatchObject({ tier: CLOSE.tier, decidedBy: 'model', llm: { outcome: 'failed' } });
    expect(sel.modelName).toBe(MODEL_OF[CLOSE.tier]);
    expect((await ledger(fleet)).filter((r) => r.agentType === TIE_BREAK_AGENT)).toHaveLength(0);
    // Failures are not cached: the next identical task asks again.
    await fleet.executeTask(close('error-2'));
    expect(asks()).toHaveLength(2);
  });

  it('no API key: the cheapest model is the offline engine, so nothing is asked', async () => {
    const started = await startFleet({ features: { multiModelRouter: true, streaming: false }, routing: { enabled: true, llmTieBreak: { enabled: true, margin: 1 } } }, {});
    cleanups.push(started.cleanup);
    let decision: ModelSelection['complexity']['decision'];
    started.fleet.on('routing:selected', (e: { selection: ModelSelection }) => (decision = e.selection.complexity.decision));
    await started.fleet.executeTask(close('offline-1'));
    expect(decision).toMatchObject({ decidedBy: 'model' });
    expect(decision!.llm).toBeUndefined();
  });
});

describe('parseTierAnswer', () => {
  it('accepts exactly one tier word', () => {
    expect(parseTierAnswer('simple')).toBe('simple');
    expect(parseTierAnswer(' Medium.\n')).toBe('medium');
    expect(parseTierAnswer('COMPLEX')).toBe('complex');
    for (const bad of ['', 'simple or medium', 'simple!', 'it is complex', 'mediums', 'simple\nmedium']) expect(parseTierAnswer(bad)).toBeUndefined();
  });
});
