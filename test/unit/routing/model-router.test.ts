import { describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import type { RoutingConfig } from '../../../src/config/schema.js';
import { AqeError } from '../../../src/errors.js';
import type { QETask } from '../../../src/fleet/types.js';
import { ComplexityAnalyzer } from '../../../src/routing/ComplexityAnalyzer.js';
import { ModelRouter, type SelectionRecord } from '../../../src/routing/ModelRouter.js';

const simple: QETask = {
  id: 's1',
  type: 'test-generation',
  description: 'Unit tests for clamp.',
  payload: { files: [{ path: 'src/clamp.ts', content: 'export const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));' }] },
};
const medium: QETask = {
  id: 'm1',
  type: 'test-generation',
  description: 'Tests for the user lookup; mock the database.',
  payload: { files: [{ path: 'src/users.ts', content: "export async function byId(db: any, id: string) { const r = await db.query('SELECT * FROM users WHERE id = $1', [id]); return r.rows[0] ?? null; }" }] },
};
const complex: QETask = {
  id: 'c1',
  type: 'security-scan',
  description: 'Review the token verifier.',
  payload: { files: [{ path: 'src/verify.ts', content: "import { createHmac, timingSafeEqual } from 'node:crypto';\nexport const verify = (b: string, s: Buffer, k: Buffer) => timingSafeEqual(createHmac('sha256', k).update(b).digest(), s);" }] },
};

function routing(over: Partial<RoutingConfig> = {}): RoutingConfig {
  return { ...createConfig({}).routing, enabled: true, ...over };
}

/** A fixed-score analyzer, to test the router's range logic in isolation. */
function fixed(score: number): ComplexityAnalyzer {
  const a = new ComplexityAnalyzer();
  a.analyze = () => ({ score, components: { token: score, structure: score, context: score }, reasons: [`fixed ${score}`] });
  return a;
}

describe('ModelRouter', () => {
  it('routes the three tiers to haiku, sonnet and opus with the seed ranges', () => {
    const r = new ModelRouter(routing());
    expect(r.select(simple).modelName).toBe('claude-haiku-4');
    expect(r.select(medium).modelName).toBe('claude-sonnet-4.5');
    const c = r.select(complex);
    expect(c.modelName).toBe('claude-opus-4');
    expect(c.provider).toBe('anthropic');
    expect(c.model).toBe('claude-opus-4-8');
  });

  it('breaks ties in overlapping ranges by config: cheapest (default) or capable', () => {
    expect(new ModelRouter(routing(), { analyzer: fixed(0.35) }).select(simple).modelName).toBe('claude-haiku-4');
    expect(new ModelRouter(routing(), { analyzer: fixed(0.75) }).select(simple).modelName).toBe('claude-sonnet-4.5');
    expect(new ModelRouter(routing({ tieBreak: 'capable' }), { analyzer: fixed(0.35) }).select(simple).modelName).toBe('claude-sonnet-4.5');
    const sel = new ModelRouter(routing({ tieBreak: 'capable' }), { analyzer: fixed(0.75) }).select(simple);
    expect(sel.modelName).toBe('claude-opus-4');
    expect(sel.reasons[0]).toMatch(/tie-break 'capable'/);
  });

  it('orders fallbacks: next tier up first, then down', () => {
    const r = new ModelRouter(routing(), { analyzer: fixed(0.6) });
    expect(r.select(simple).fallbacks).toEqual(['claude-opus-4', 'claude-haiku-4']);
    expect(new ModelRouter(routing(), { analyzer: fixed(0.1) }).select(simple).fallbacks).toEqual(['claude-sonnet-4.5', 'claude-opus-4']);
    expect(new ModelRouter(routing(), { analyzer: fixed(0.95) }).select(simple).fallbacks).toEqual(['claude-sonnet-4.5', 'claude-haiku-4']);
  });

  it('skips disabled models, models without streaming for streamed requests, and models too small for the request', () => {
    const base = routing();
    const models = base.models.map((m) =>
      m.name === 'claude-haiku-4' ? { ...m, capabilities: { ...m.capabilities, supportsStreaming: false } } : m.name === 'claude-opus-4' ? { ...m, enabled: false } : m,
    );
    const r = new ModelRouter({ ...base, models }, { analyzer: fixed(0.1) });
    expect(r.select(simple).modelName).toBe('claude-haiku-4');
    const streamed = r.select(simple, { stream: true });
    expect(streamed.modelName).toBe('claude-sonnet-4.5');
    expect(streamed.fallbacks).toEqual([]);
    expect(streamed.reasons.join(' ')).toMatch(/claude-haiku-4 does not support streaming/);
    const small = base.models.map((m) => (m.name === 'claude-haiku-4' ? { ...m, capabilities: { ...m.capabilities, maxTokens: 100 } } : m));
    const s2 = new ModelRouter({ ...base, models: small }, { analyzer: fixed(0.1) }).select(simple, { maxOutputTokens: 500 });
    expect(s2.modelName).not.toBe('claude-haiku-4');
    expect(s2.reasons.join(' ')).toMatch(/claude-haiku-4 allows 100 tokens/);
  });

  it('fails with NO_MODEL naming why when no enabled model fits', () => {
    const base = routing();
    const r = new ModelRouter({ ...base, models: base.models.map((m) => ({ ...m, enabled: false })) });
    try {
      r.select(simple);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AqeError);
      expect((err as AqeError).code).toBe('AQE_ERR_NO_MODEL');
      expect((err as Error).message).toMatch(/claude-opus-4 is disabled/);
    }
  });

  it('estimates cost from the tokenizer and the task type', () => {
    const r = new ModelRouter(routing(), { analyzer: fixed(0.1) });
    const a = r.select(simple);
    const b = r.select(simple, { maxOutputTokens: 4000 });
    expect(a.estimatedCost).toBeGreaterThan(0);
    expect(b.estimatedCost).toBeGreaterThan(a.estimatedCost);
    expect(a.reasons.join(' ')).toMatch(/estimate \d+ input \+ \d+ output tokens/);
  });

  it('goes one tier down under budget pressure only when configured and the score is close', () => {
    let pressure = 0.85;
    const ct = { ...routing().costTracking, preferCheaperUnderPressure: true };
    const on = routing({ costTracking: ct });
    expect(new ModelRouter(on, { analyzer: fixed(0.85), budgetPressure: () => pressure }).select(simple).modelName).toBe('claude-sonnet-4.5');
    // Too far above sonnet's range top (0.8 + 0.1): stays on opus.
    expect(new ModelRouter(on, { analyzer: fixed(0.95), budgetPressure: () => pressure }).select(simple).modelName).toBe('claude-opus-4');
    pressure = 0.5;
    expect(new ModelRouter(on, { analyzer: fixed(0.85), budgetPressure: () => pressure }).select(simple).modelName).toBe('claude-opus-4');
    pressure = 0.85;
    expect(new ModelRouter(routing(), { analyzer: fixed(0.85), budgetPressure: () => pressure }).select(simple).modelName).toBe('claude-opus-4');
  });

  it('reports every selection to onSelection; defaultSelection does not', () => {
    const records: SelectionRecord[] = [];
    const r = new ModelRouter(routing(), { onSelection: (rec) => records.push(rec), now: () => 42 });
    const sel = r.select(medium);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ taskId: 'm1', model: sel.modelName, score: sel.complexity.score, at: 42 });
    expect(records[0].components).toEqual(sel.complexity.components);
    expect(records[0].reasons.length).toBeGreaterThan(0);
    const d = r.defaultSelection(complex);
    expect(d.modelName).toBe('claude-sonnet-4.5');
    expect(d.fallbacks).toEqual([]);
    expect(records).toHaveLength(1);
  });
});
