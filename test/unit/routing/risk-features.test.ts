import { describe, expect, it } from 'vitest';
import { asyncGuards, readThenWriteCount } from '../../../src/routing/features.js';
import { L2_GRID, nestedCrossValidate, selectL2 } from '../../../src/routing/crossValidation.js';
import { ComplexityAnalyzer } from '../../../src/routing/ComplexityAnalyzer.js';
import { analyzeRisk } from '../../../src/routing/analysis/risk.js';
import { analyzeIntent } from '../../../src/routing/analysis/intent.js';
import { analyzeProse } from '../../../src/routing/analysis/prose.js';
import type { ModelTier } from '../../../src/routing/tierModel.js';

describe('lexical interleaving facts', () => {
  it('counts awaited writes that follow an awaited read (check-then-act across an await)', () => {
    const racy = "async function next(k) {\n  const last = Number(await redis.get(k));\n  await redis.set(k, String(last + 1));\n}";
    expect(readThenWriteCount(racy)).toBe(1);
    expect(readThenWriteCount('async function w(k) { await redis.set(k, 1); const v = await redis.get(k); return v; }')).toBe(0);
    expect(readThenWriteCount('function pure(a, b) { return a + b; }')).toBe(0);
  });

  it('finds re-entrancy flags around an await and pending promises kept for later callers', () => {
    const flag = 'let busy = false;\nasync function drain() {\n  if (busy) return;\n  busy = true;\n  await work();\n  busy = false;\n}';
    const single = 'class R { async get() { if (!this.p) this.p = this.load().finally(() => { this.p = undefined; }); return this.p; } }';
    expect(asyncGuards(flag)).toBe(1);
    expect(asyncGuards(single)).toBe(1);
    expect(asyncGuards('async function f() { const x = await g(); return x; }')).toBe(0);
  });

  it('routes a terse request over a racy read-modify-write to complex by the rules, and the same code under a plain request to medium', () => {
    const code = "export async function nextNumber(year: number) {\n  const last = Number((await redis.get(`n:${year}`)) ?? 0);\n  await redis.set(`n:${year}`, String(last + 1));\n  return last + 1;\n}";
    const task = (description: string) => ({ id: 'x', type: 'defect-analysis' as const, description, payload: { language: 'typescript' as const, files: [{ path: 'src/n.ts', content: code }] } });
    const rules = new ComplexityAnalyzer(undefined, { model: null });
    expect(ComplexityAnalyzer.tierOf(rules.analyze(task('Sometimes two orders get the same number. Why?')).score)).toBe('complex');
    expect(ComplexityAnalyzer.tierOf(rules.analyze(task('Add a JSDoc comment to this function.')).score)).toBe('medium');
  });
});

describe('regularisation chosen by cross-validation', () => {
  const items: Array<{ id: string; features: Record<string, number>; tier: ModelTier }> = [];
  for (let i = 0; i < 45; i++) {
    const c = i % 3;
    items.push({ id: `t${i}`, features: { size: c + ((i * 7) % 5) * 0.1, noise: ((i * 13) % 7) / 7 }, tier: (['simple', 'medium', 'complex'] as const)[c] });
  }

  it("reads one user's data reaching another as an authorisation story, and instance counts in digits as several instances", () => {
    const risk = (d: string) => analyzeRisk(d, [], '');
    expect(risk("Sometimes a user sees someone else's cart for a second.").crossUser).toBe(1);
    expect(risk('A patient could open another patient\'s records from the portal.').crossUser).toBe(1);
    expect(risk('The export returned the data of another tenant.').crossUser).toBe(1);
    expect(risk('Add a test for the cart total with two items.').crossUser).toBe(0);
    expect(risk('Other users reported the page is slow.').crossUser).toBe(0);
    expect(risk('We run the API on 3 instances behind a load balancer.').sharedAcrossInstances).toBeGreaterThanOrEqual(1);
    expect(risk('The bot is sharded over 4 processes.').sharedAcrossInstances).toBeGreaterThanOrEqual(1);
    expect(risk('Retry 3 times, then give up.').sharedAcrossInstances).toBe(0);
    const analyzer = new ComplexityAnalyzer(undefined, { model: null });
    const leak = analyzer.analyze({ id: 'x', type: 'defect-analysis', description: "very weird: sometimes a user sees someone else's cart for a second. can't reproduce locally", payload: { files: [] } });
    expect(leak.decision?.rules.reasons.join(' ')).toMatch(/one user's data reaching another/);
  });

  it('reads mechanical asks in other frameworks and short forms', () => {
    expect(analyzeIntent('Port ChangeSetTest from JUnit 4 to JUnit 5. Same three cases.').mechanical).toContain('framework conversion');
    expect(analyzeIntent('please migrate these unittest cases to pytest').mechanical).toContain('framework conversion');
    expect(analyzeIntent('Port the rate limiter to Go').mechanical).not.toContain('framework conversion');
    expect(analyzeIntent('Our gate is zero blockers and under 3% duplication. Does this Sonar export pass?').mechanical).toContain('pass question');
    expect(analyzeIntent('Which functions in templates.ts are never called?').mechanical).toContain('look up/count');
    expect(analyzeIntent('what does this panic mean?').mechanical).toContain('explain an error message');
    expect(analyzeProse('Here is the JUnit report. The three slowest test cases and their times, please.').mechanicalClauses).toContain('top n');
    expect(analyzeProse('Leadership wants the gist. Could you boil the postmortem down to five bullet points?').mechanicalClauses).toContain('summarise');
    expect(analyzeProse('Two orders came in. Why did the lock not hold?').mechanicalClauses).toEqual([]);
  });

  it('selects a penalty from the grid with its score, and nested CV reports the penalty each outer fold chose', () => {
    const sel = selectL2(items, L2_GRID, 3, 1, { iterations: 200 });
    expect(L2_GRID).toContain(sel.l2);
    expect(sel.scores.map((s) => s.l2)).toEqual([...L2_GRID]);
    const best = Math.max(...sel.scores.map((s) => s.meanAccuracy));
    expect(sel.scores.find((s) => s.l2 === sel.l2)!.meanAccuracy).toBe(best);
    const nested = nestedCrossValidate(items, L2_GRID, 3, 1, { iterations: 200 });
    expect(nested.chosenL2).toHaveLength(3);
    expect(nested.folds.reduce((a, f) => a + f.test, 0)).toBe(items.length);
    expect(nested.meanAccuracy).toBeGreaterThan(0.9);
  });
});
