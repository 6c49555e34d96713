import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateConfigText } from '../../../src/config/validate.js';

const EXAMPLE = readFileSync(new URL('../../../config/fleet.example.yaml', import.meta.url), 'utf8');
const NO_ENV = { env: {} };

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`not in text: ${needle}`);
  return text.slice(0, at).split('\n').length;
}

function replaceOnce(text: string, from: string, to: string, after = 0): string {
  const at = text.indexOf(from, after);
  if (at < 0) throw new Error(`not in text: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('validateConfigText: the example config', () => {
  it('is valid and keeps the seed values, features off', () => {
    const r = validateConfigText(EXAMPLE, NO_ENV);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.config!.features).toMatchObject({ multiModelRouter: false, streaming: false });
    expect(r.config!.routing.models.map((m) => m.name)).toEqual(['claude-opus-4', 'claude-sonnet-4.5', 'claude-haiku-4']);
    expect(r.config!.routing.enabled).toBe(false);
    expect(r.config!.streaming).toMatchObject({ enabled: false, bufferSize: 1024, backpressureThreshold: 0.8, timeoutMs: 30000 });
    expect(r.config!.routing.costTracking.budgetLimits).toEqual({ daily: 10, monthly: 200 });
    expect(r.seedModelsUsed).toBe(false);
  });

  it('an empty file is valid: defaults with the seed models', () => {
    const r = validateConfigText('', NO_ENV);
    expect(r.ok).toBe(true);
    expect(r.seedModelsUsed).toBe(true);
    expect(r.config!.routing.models).toHaveLength(3);
  });
});

describe('validateConfigText: problems name the field, the line, what was expected and what was found', () => {
  it('reports a misspelt key with its line and a suggestion', () => {
    const text = replaceOnce(EXAMPLE, 'budgetLimits:', 'budgetLimts:');
    const r = validateConfigText(text, NO_ENV);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      `routing.costTracking.budgetLimts (line ${lineOf(text, 'budgetLimts:')}): expected a known key (one of: enabled, budgetLimits, alertThresholds, enforce, preferCheaperUnderPressure, countSimulated), found unknown key "budgetLimts" (did you mean "budgetLimits"?)`,
    ]);
  });

  it('reports an unknown key inside a model with its line', () => {
    const text = replaceOnce(EXAMPLE, 'supportsStreaming: true', 'supportStreaming: true', EXAMPLE.indexOf('claude-haiku-4'));
    const r = validateConfigText(text, NO_ENV);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(new RegExp(`^routing\\.models\\[2\\]\\.capabilities\\.supportStreaming \\(line ${lineOf(text, 'supportStreaming')}\\): expected a known key`));
    expect(r.problems[0]).toContain('did you mean "supportsStreaming"?');
  });

  it('reports a gap between enabled models\' complexity ranges', () => {
    const sonnet = EXAMPLE.indexOf("name: 'claude-sonnet-4.5'");
    const text = replaceOnce(EXAMPLE, 'min: 0.3', 'min: 0.5', sonnet);
    const r = validateConfigText(text, NO_ENV);
    expect(r.problems).toEqual([
      `routing.models[1].complexityRange.min (line ${lineOf(text, 'min: 0.5')}): expected enabled models' complexity ranges to cover 0..1 with no gap, found a gap 0.4..0.5 (claude-haiku-4 ends at 0.4, claude-sonnet-4.5 starts at 0.5)`,
    ]);
  });

  it('reports uncovered ends of 0..1 and ignores disabled models for coverage', () => {
    const haiku = EXAMPLE.indexOf("name: 'claude-haiku-4'");
    const noHaiku = replaceOnce(EXAMPLE, 'enabled: true', 'enabled: false', haiku);
    const r = validateConfigText(noHaiku, NO_ENV);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^routing\.models\[1\]\.complexityRange\.min \(line \d+\): expected enabled models' complexity ranges to cover 0\.\.1 with no gap, found nothing covering 0\.\.0\.3/);

    const opus = EXAMPLE.indexOf("name: 'claude-opus-4'");
    const noTop = replaceOnce(EXAMPLE, 'max: 1.0', 'max: 0.9', opus);
    expect(validateConfigText(noTop, NO_ENV).problems[0]).toMatch(/^routing\.models\[0\]\.complexityRange\.max \(line \d+\): .*found nothing covering 0\.9\.\.1/);
  });

  it('reports min > max and bounds outside [0, 1]', () => {
    const opus = EXAMPLE.indexOf("name: 'claude-opus-4'");
    const text = replaceOnce(replaceOnce(EXAMPLE, 'min: 0.7', 'min: 1.2', opus), 'max: 1.0', 'max: 1.1', opus);
    const r = validateConfigText(text, NO_ENV);
    expect(r.problems).toContain(`routing.models[0].complexityRange.min (line ${lineOf(text, 'min: 1.2')}): expected a number from 0 to 1, found 1.2`);
    expect(r.problems).toContain(`routing.models[0].complexityRange.max (line ${lineOf(text, 'max: 1.1')}): expected a number from 0 to 1, found 1.1`);
    expect(r.problems.some((p) => p.startsWith('routing.models[0].complexityRange (line') && p.includes('expected min <= max, found min 1.2 > max 1.1'))).toBe(true);
  });

  it('reports complexity weights that do not sum to 1', () => {
    const text = EXAMPLE.replace('  # complexity:\n  #   tokenWeighting: 0.4', '  complexity:\n    tokenWeighting: 0.5');
    expect(text).not.toBe(EXAMPLE);
    const r = validateConfigText(text, NO_ENV);
    expect(r.problems).toEqual([
      `routing.complexity (line ${lineOf(text, '  complexity:')}): expected tokenWeighting + structureWeighting + contextWeighting = 1, found 0.5 + 0.3 + 0.3 = 1.1`,
    ]);
  });

  it('accepts weights that sum to 1 within 1e-6', () => {
    const text = 'routing:\n  complexity:\n    tokenWeighting: 0.3333333\n    structureWeighting: 0.3333333\n    contextWeighting: 0.3333334\n';
    expect(validateConfigText(text, NO_ENV).problems).toEqual([]);
  });

  it('reports a defaultModel that is disabled or unknown', () => {
    const text = replaceOnce(EXAMPLE, 'enabled: true', 'enabled: false', EXAMPLE.indexOf("name: 'claude-sonnet-4.5'"));
    const r = validateConfigText(text.replace("min: 0.0\n        max: 0.4", 'min: 0.0\n        max: 0.7'), NO_ENV);
    expect(r.problems).toEqual([
      `routing.defaultModel (line ${lineOf(text, 'defaultModel:')}): expected the name of an enabled model (one of: claude-opus-4, claude-haiku-4), found "claude-sonnet-4.5", which is disabled (enabled: false)`,
    ]);
    const unknown = validateConfigText(EXAMPLE.replace("defaultModel: 'claude-sonnet-4.5'", "defaultModel: 'gpt-9'"), NO_ENV);
    expect(unknown.problems[0]).toMatch(/^routing\.defaultModel \(line \d+\): expected the name of an enabled model .*found "gpt-9", which is not in routing\.models$/);
  });

  it('reports backpressureThreshold 0 and above 1', () => {
    for (const v of ['0', '1.5', '-0.2']) {
      const text = EXAMPLE.replace('backpressureThreshold: 0.8', `backpressureThreshold: ${v}`);
      expect(validateConfigText(text, NO_ENV).problems).toEqual([
        `streaming.backpressureThreshold (line ${lineOf(text, 'backpressureThreshold:')}): expected a number > 0 and <= 1, found ${Number(v)}`,
      ]);
    }
    expect(validateConfigText(EXAMPLE.replace('backpressureThreshold: 0.8', 'backpressureThreshold: 1'), NO_ENV).ok).toBe(true);
  });

  it('reports negative budgets and alert thresholds above 100', () => {
    const text = EXAMPLE.replace('daily: 10.00', 'daily: -1').replace('monthlyPercent: 90', 'monthlyPercent: 120');
    const r = validateConfigText(text, NO_ENV);
    expect(r.problems).toEqual([
      `routing.costTracking.budgetLimits.daily (line ${lineOf(text, 'daily: -1')}): expected a number >= 0, found -1`,
      `routing.costTracking.alertThresholds.monthlyPercent (line ${lineOf(text, 'monthlyPercent: 120')}): expected a number <= 100, found 120`,
    ]);
  });

  it('reports duplicate model names', () => {
    const text = replaceOnce(EXAMPLE, "name: 'claude-haiku-4'", "name: 'claude-opus-4'");
    const r = validateConfigText(text, NO_ENV);
    expect(r.problems).toEqual([
      `routing.models[2].name (line ${lineOf(text, "name: 'claude-opus-4'", text.indexOf("name: 'claude-sonnet-4.5'"))}): expected a unique model name, found "claude-opus-4" (also routing.models[0])`,
    ]);
  });

  it('reports wrong types and enum values with what was found', () => {
    const text = EXAMPLE.replace('bufferSize: 1024', 'bufferSize: lots').replace("provider: 'anthropic'", "provider: 'antropic'");
    const r = validateConfigText(text, NO_ENV);
    expect(r.problems).toEqual([
      `routing.models[0].provider (line ${lineOf(text, "provider: 'antropic'")}): expected one of: "anthropic" | "openai-compatible" | "local", found "antropic"`,
      `streaming.bufferSize (line ${lineOf(text, 'bufferSize: lots')}): expected a number, found "lots"`,
    ]);
  });

  it('reports a missing required field at the line of its parent', () => {
    const text = 'routing:\n  models:\n    - name: m\n      provider: local\n      capabilities: { maxTokens: 10, costPer1kTokens: { input: 0, output: 0 } }\n      complexityRange: { min: 0, max: 1 }\n  defaultModel: m\n';
    expect(validateConfigText(text, NO_ENV).problems).toEqual(['routing.models[0].model (line 3): expected a string, found nothing (missing)']);
  });

  it('points a v1.0.4 ai: section at `aqe config migrate`', () => {
    const text = EXAMPLE + '\nai:\n  model: claude-sonnet-4.5\n  apiKey: x\n';
    expect(validateConfigText(text, NO_ENV).problems).toEqual([`ai (line ${lineOf(text, 'ai:')}): expected a v1.0.5 config, found a v1.0.4 section; run \`aqe config migrate\``]);
  });

  it('reports cross-field rules in the same run as unknown keys', () => {
    const text = EXAMPLE.replace('budgetLimits:', 'budgetLimts:').replace('backpressureThreshold: 0.8', 'backpressureThreshold: 0');
    const r = validateConfigText(text, NO_ENV);
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/^routing\.costTracking\.budgetLimts \(line \d+\)/);
    expect(r.problems[1]).toMatch(/^streaming\.backpressureThreshold \(line \d+\)/);
  });

  it('reports YAML syntax errors with their line', () => {
    const r = validateConfigText('fleet:\n  id: [unclosed\n', NO_ENV);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/^yaml \(line \d+\): expected valid YAML, found /);
    expect(validateConfigText('- just\n- a list\n', NO_ENV).problems).toEqual(['(root) (line 1): expected a mapping of sections (fleet, routing, ...), found a list']);
  });
});

describe('validateConfigText: environment variables', () => {
  it('applies env values to their fields and lists them', () => {
    const r = validateConfigText(EXAMPLE, { env: { ROUTING_ENABLED: 'true', BUDGET_LIMIT_DAILY: '3.5', STREAMING_TIMEOUT_MS: '5000', FEATURE_STREAMING: 'true' } });
    expect(r.ok).toBe(true);
    expect(r.config!.routing.enabled).toBe(true);
    expect(r.config!.routing.costTracking.budgetLimits.daily).toBe(3.5);
    expect(r.config!.streaming.timeoutMs).toBe(5000);
    expect(r.config!.features.streaming).toBe(false); // FEATURE_* is FeatureFlags' env layer
    expect(r.envApplied).toEqual(['ROUTING_ENABLED', 'BUDGET_LIMIT_DAILY', 'STREAMING_TIMEOUT_MS']);
  });

  it('refuses bad env values naming the variable', () => {
    const r = validateConfigText(EXAMPLE, { env: { FEATURE_STREAMING: 'yes-please', BUDGET_LIMIT_DAILY: '-3' } });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(['FEATURE_STREAMING: expected true|false|1|0, found "yes-please"', 'BUDGET_LIMIT_DAILY: expected a number >= 0, found "-3"']);
    expect(r.envProblems).toEqual(r.problems);
  });

  it('a rule broken by an env value names the variable instead of a line', () => {
    const r = validateConfigText(EXAMPLE, { env: { ROUTING_DEFAULT_MODEL: 'nope' } });
    expect(r.problems).toEqual([
      'routing.defaultModel (env ROUTING_DEFAULT_MODEL): expected the name of an enabled model (one of: claude-opus-4, claude-sonnet-4.5, claude-haiku-4), found "nope", which is not in routing.models',
    ]);
  });

  it('never prints a secret value', () => {
    const r = validateConfigText('api:\n  port: 99999\n', { env: { AQE_API_TOKEN: 'super-secret-token' } });
    expect(r.problems.join('\n')).not.toContain('super-secret-token');
  });
});
