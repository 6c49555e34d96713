import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeAnthropicServer } from '../../src/providers/testing/fake-anthropic-server.js';
import { TIE_BREAK_SYSTEM } from '../../src/routing/llm-tie-break.js';
import { seedModelsAt } from '../helpers/priced-fleet.js';

const BIN = resolve('bin/aqe.js');
const dir = mkdtempSync(join(tmpdir(), 'aqe-route-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function aqe(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, AQE_CONFIG: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI without blocking this process (a fake API answering in it must keep running). */
function aqeAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, AQE_CONFIG: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const extra = readFileSync(resolve('test/fixtures/routing/extra.jsonl'), 'utf8');

describe('aqe route', () => {
  const tasks = join(dir, 'tasks.jsonl');
  writeFileSync(tasks, extra);

  it('prints one line per task with model, score, components and reasons, and says the router is on', () => {
    const r = aqe(['route', tasks]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/router on for this command/);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(extra.trim().split('\n').length);
    expect(lines[0]).toMatch(/^x-s-01 {2}claude-haiku-4 {2}0\.\d{3} {2}\[simple by model, margin \d\.\d\d over \w+; 0\.\d{3} from a tier boundary\] {2}\(token 0\.\d\d, structure 0\.\d\d, context 0\.\d\d\) {2}simple: decided by the fitted model/);
  });

  it('--json: one object per line with id, model (config name) and score', () => {
    const r = aqe(['route', tasks, '--json']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    for (const row of rows) {
      expect(typeof row.id).toBe('string');
      expect(['claude-haiku-4', 'claude-sonnet-4.5', 'claude-opus-4']).toContain(row.model);
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThanOrEqual(1);
      expect(Array.isArray(row.reasons)).toBe(true);
    }
    expect(rows.find((x) => x.id === 'x-c-09').model).toBe('claude-opus-4');
    // Every decision explains itself: the stage that decided, the model's margin, the rule stage, the weighted score.
    for (const row of rows) {
      expect(row.decision.decidedBy).toBe('model');
      expect(row.decision.rules).toHaveProperty('tier');
      expect(row.decision.weighted).toBeGreaterThanOrEqual(0);
      expect(row.decision.model.margin).toBeGreaterThanOrEqual(0);
      expect(row.decision.boundaryMargin).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports bad lines with their line number, routes the rest, exits 1 and writes nothing', () => {
    const bad = join(dir, 'bad.jsonl');
    const good = extra.trim().split('\n').slice(0, 2);
    writeFileSync(bad, [good[0], '{not json', JSON.stringify({ id: 'x', type: 'nope', description: 'd', payload: { files: [] } }), good[1]].join('\n') + '\n');
    const before = readdirSync(dir).sort();
    const r = aqe(['route', bad, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.jsonl:2: not valid JSON/);
    expect(r.stderr).toMatch(/bad\.jsonl:3: .*type/);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['x-s-01', 'x-s-02']);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('--eval prints accuracy, a confusion matrix, misrouted tasks and the cost of the routed mix', () => {
    const r = aqe(['route', tasks, '--eval']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^accuracy: \d+\.\d% \(\d+\/\d+ labelled tasks/m);
    expect(r.stdout).toMatch(/confusion \(rows expected, columns routed\):\nexpected +simple +medium +complex\nsimple +\d+/);
    expect(r.stdout).toMatch(/misrouted/);
    expect(r.stdout).toMatch(/all claude-sonnet-4\.5 +\$ *\d+\.\d{4} +\(routing (saves \d+\.\d%|costs \d+\.\d% more)\)/);
    expect(r.stdout).toMatch(/all claude-opus-4 +\$\d+\.\d{4}/);
  });

  it('--eval --map overrides the tier mapping; --json gives one report object', () => {
    const r = aqe(['route', tasks, '--eval', '--json', '--map', 'medium=claude-opus-4']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.eval.tierMap).toEqual({ simple: 'claude-haiku-4', medium: 'claude-opus-4', complex: 'claude-opus-4' });
    expect(report.eval.misrouted.length).toBeGreaterThan(0);
    expect(report.eval.misrouted.every((m: { expected: string }) => m.expected !== 'simple')).toBe(true);
    const badMap = aqe(['route', tasks, '--eval', '--map', 'medium=gpt-9']);
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toMatch(/AQE_ERR_USAGE: --map: model "gpt-9" for medium is not in routing.models/);
  });

  it('--eval --min-accuracy exits 1 below the gate and 0 at or above it; a bad value is a usage error', () => {
    // A file whose labels are all wrong for the router: every simple task relabelled complex.
    const wrong = join(dir, 'wrong.jsonl');
    const rows = extra.trim().split('\n').map((l) => JSON.parse(l));
    writeFileSync(wrong, rows.filter((t) => t.expected.tier === 'simple').map((t) => JSON.stringify({ ...t, expected: { tier: 'complex' } })).join('\n') + '\n');
    const low = aqe(['route', wrong, '--eval', '--min-accuracy', '0.95']);
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/accuracy \d+\.\d% is below --min-accuracy 95\.0%/);
    const json = aqe(['route', wrong, '--eval', '--json', '--min-accuracy', '0.95']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).gate).toEqual({ minAccuracy: 0.95, passed: false });
    const ok = aqe(['route', tasks, '--eval', '--min-accuracy', '0.5']);
    expect(ok.code).toBe(0);
    for (const bad of ['1.5', 'abc']) {
      const r = aqe(['route', tasks, '--eval', '--min-accuracy', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/--min-accuracy: expected a fraction between 0 and 1/);
    }
    const noEval = aqe(['route', tasks, '--min-accuracy', '0.9']);
    expect(noEval.code).toBe(2);
    expect(noEval.stderr).toMatch(/--min-accuracy only applies with --eval/);
  });

  it('--llm-tie-break asks the cheapest model on close calls, bills it, reports it, and writes nothing', async () => {
    // The fake API answers each tie-break with the task's label, as a model that reads the rubric right would
    // (an answer outside the two tiers offered is not taken); other requests never come.
    const rows = extra.trim().split('\n').map((l) => JSON.parse(l) as { description: string; expected: { tier: string } });
    const labelOf = (body: { messages?: unknown }) => rows.find((t) => JSON.stringify(body.messages ?? '').includes(JSON.stringify(t.description).slice(1, -1)))?.expected.tier;
    const prices = Object.fromEntries(seedModelsAt('').map((m) => [m.model, m.capabilities.costPer1kTokens]));
    const server = await FakeAnthropicServer.start({ record: true, prices, script: (req) => ({ text: (req.body as { system?: string }).system === TIE_BREAK_SYSTEM ? labelOf(req.body as never) ?? 'unsure' : 'not a tie-break' }) });
    try {
      const config = join(dir, 'tie-break.yaml');
      writeFileSync(config, JSON.stringify({ routing: { models: seedModelsAt(server.url) } }));
      const before = readdirSync(dir).sort();
      const plain = aqe(['--config', config, 'route', tasks, '--eval', '--json']);
      expect(plain.code).toBe(0);
      const r = await aqeAsync(['--config', config, 'route', tasks, '--eval', '--json', '--llm-tie-break', '1'], { ANTHROPIC_API_KEY: 'sk-ant-route-test' });
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      const tb = out.llmTieBreak;
      expect(tb.model).toBe('claude-haiku-4');
      expect(tb.margin).toBe(1);
      expect(tb.asked).toBeGreaterThan(0);
      expect(tb.answered + tb.invalid + tb.failed).toBe(tb.asked);
      expect(tb.failed).toBe(0);
      const calls = server.requests.filter((q) => q.path === '/v1/messages');
      expect(calls).toHaveLength(tb.asked - tb.cached);
      expect(tb.costUsd).toBeGreaterThan(0);
      // every answered close call now holds the label, so accuracy cannot drop
      expect(out.eval.accuracy).toBeGreaterThanOrEqual(JSON.parse(plain.stdout).eval.accuracy);
      for (const t of out.tasks) if (t.decision?.llm?.outcome === 'answered') expect(t.decision.tier).toBe(t.expected);
      expect(r.stderr).toMatch(/--llm-tie-break asked claude-haiku-4 on \d+ of \d+ tasks \(margin 1; \d+ from the cache\): \d+ answered, \d+ changed the tier, \d+ invalid, 0 failed; \$\d+\.\d{6}/);
      expect(r.stderr).not.toContain('sk-ant-route-test');
      expect(readdirSync(dir).sort()).toEqual(before);
    } finally {
      await server.close();
    }
  });

  it('--llm-tie-break without a key for the cheapest model, or with a bad margin, is a usage error naming it', async () => {
    const noKey = aqe(['route', tasks, '--llm-tie-break'], { ANTHROPIC_API_KEY: '' });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/--llm-tie-break: the cheapest enabled model \(claude-haiku-4\) runs on the offline engine/);
    const bad = aqe(['route', tasks, '--llm-tie-break', '2'], { ANTHROPIC_API_KEY: 'sk-ant-x' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--llm-tie-break: expected a fraction between 0 and 1 \(e\.g\. 0\.3\), got "2"/);
  });

  it('a missing file is a usage error (exit 2)', () => {
    const r = aqe(['route', join(dir, 'missing.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read task file/);
  });
});
