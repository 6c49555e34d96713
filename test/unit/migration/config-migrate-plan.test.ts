import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planConfigMigration } from '../../../src/config/migrate-plan.js';
import { seedModels } from '../../../src/config/defaults.js';
import { validateConfigText } from '../../../src/config/validate.js';
import { AqeError } from '../../../src/errors.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/migration/${name}`, import.meta.url), 'utf8');
const V104 = fixture('fleet.v1.0.4.yaml');
const KEY = 'sk-ant-api03-FIXTUREKEYdoNotUse0123456789';

describe('planConfigMigration (seed 4.1)', () => {
  const plan = planConfigMigration(V104, { fileName: 'fleet.yaml' });
  const out = parse(plan.newText) as Record<string, any>;

  it('keeps every v1.0.4 section with its values and removes ai', () => {
    expect(plan.status).toBe('migrate');
    const old = parse(V104) as Record<string, unknown>;
    for (const k of ['fleet', 'agents', 'database', 'logging', 'api', 'security']) expect(out[k]).toEqual(old[k]);
    expect(out.ai).toBeUndefined();
    expect(plan.removed).toEqual(['ai']);
    expect(plan.added).toEqual(['features', 'routing', 'streaming']);
  });

  it('adds features off, routing from ai.model with the seed models and budgets, streaming defaults', () => {
    expect(out.features).toEqual({ multiModelRouter: false, streaming: false });
    expect(out.routing).toEqual({
      enabled: false,
      defaultModel: 'claude-sonnet-4.5',
      models: seedModels(),
      complexity: { tokenWeighting: 0.4, structureWeighting: 0.3, contextWeighting: 0.3 },
      costTracking: { enabled: false, budgetLimits: { daily: 100, monthly: 2000 }, alertThresholds: { dailyPercent: 80, monthlyPercent: 90 } },
    });
    expect(out.streaming).toEqual({
      enabled: false,
      bufferSize: 1024,
      backpressureThreshold: 0.8,
      timeoutMs: 30000,
      retryConfig: { maxRetries: 3, backoffMs: 1000, backoffMultiplier: 2 },
    });
  });

  it('keeps comments and the order of the old keys', () => {
    for (const c of ['# Agentic QE fleet configuration (v1.0.4)', '# Owned by the QA platform team.', '# stable id, used in metrics', '# Agents spawned at start-up', '# one is enough', '# end of file']) {
      expect(plan.newText).toContain(c);
    }
    expect(Object.keys(out)).toEqual(['fleet', 'agents', 'features', 'routing', 'streaming', 'database', 'logging', 'api', 'security']);
    expect(plan.newText).toContain("id: 'qa-fleet'");
  });

  it('writes the API key nowhere and says to use ANTHROPIC_API_KEY', () => {
    expect(plan.newText).not.toContain(KEY);
    expect(plan.oldTextRedacted).not.toContain(KEY);
    expect(plan.oldTextRedacted).toContain('apiKey: [REDACTED]');
    expect(plan.secrets).toEqual([KEY]);
    expect(plan.notes.join('\n')).toContain('ANTHROPIC_API_KEY');
    expect(plan.notes.join('\n')).not.toContain(KEY);
  });

  it('masks a key of any shape in the redacted old text', () => {
    const p = planConfigMigration('fleet:\n  id: f\nai:\n  model: claude-haiku-4\n  apiKey: "plain-secret-value-42"\n');
    expect(p.oldTextRedacted).toContain('apiKey: [REDACTED]');
    expect(p.oldTextRedacted).not.toContain('plain-secret-value-42');
    expect(p.newText).not.toContain('plain-secret-value-42');
  });

  it('passes the v1.0.5 validation', () => {
    const r = validateConfigText(plan.newText, { env: {} });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('is idempotent: the output is recognised as v1.0.5 and left alone', () => {
    const again = planConfigMigration(plan.newText);
    expect(again.status).toBe('current');
    expect(again.newText).toBe(plan.newText);
    expect(planConfigMigration(fixture('fleet.v1.0.5.yaml')).status).toBe('current');
  });

  it('adds no routing when ai.model was not set, unless a default model is given', () => {
    const p = planConfigMigration(fixture('fleet.v1.0.4-no-ai.yaml'));
    expect(p.added).toEqual(['features', 'streaming']);
    expect(parse(p.newText).routing).toBeUndefined();
    const q = planConfigMigration(fixture('fleet.v1.0.4-no-ai.yaml'), { defaultModel: 'claude-haiku-4' });
    expect(parse(q.newText).routing.defaultModel).toBe('claude-haiku-4');
  });

  it('maps a provider model id in ai.model to the model name: the seed\'s ids and today\'s', () => {
    const p = planConfigMigration('fleet:\n  id: f\nai:\n  model: claude-haiku-4-20250110\n');
    expect(parse(p.newText).routing.defaultModel).toBe('claude-haiku-4');
    const old = planConfigMigration('fleet:\n  id: f\nai:\n  model: claude-sonnet-4-5-20250929\n');
    expect(parse(old.newText).routing.defaultModel).toBe('claude-sonnet-4.5');
    const now = planConfigMigration('fleet:\n  id: f\nai:\n  model: claude-opus-4-8\n');
    expect(parse(now.newText).routing.defaultModel).toBe('claude-opus-4');
    // the migrated models are ones the API serves
    expect(parse(now.newText).routing.models.map((m: { model: string }) => m.model)).toEqual(['claude-opus-4-8', 'claude-sonnet-4-6', 'claude-haiku-4-5-20251001']);
  });

  it('reports top-level sections v1.0.5 does not know, or comments them out on request', () => {
    const p = planConfigMigration(fixture('fleet.v1.0.4-unknown.yaml'));
    expect(p.unknownSections).toEqual(['telemetry', 'plugins']);
    expect(parse(p.newText).telemetry).toEqual({ endpoint: 'http://collector:4318' });
    const c = planConfigMigration(fixture('fleet.v1.0.4-unknown.yaml'), { commentUnknown: true });
    expect(c.unknownSections).toEqual([]);
    const parsed = parse(c.newText);
    expect(parsed.telemetry).toBeUndefined();
    expect(c.newText).toContain('# telemetry:');
    expect(c.newText).toContain('#   endpoint: http://collector:4318');
    expect(validateConfigText(c.newText, { env: {} }).ok).toBe(true);
  });

  it('refuses input that is not YAML or not a fleet config', () => {
    expect(() => planConfigMigration(fixture('not-yaml.yaml'), { fileName: 'x.yaml' })).toThrow(/x.yaml is not valid YAML \(line \d+/);
    expect(() => planConfigMigration(fixture('not-a-fleet.yaml'), { fileName: 'x.yaml' })).toThrow(/not a fleet config/);
    expect(() => planConfigMigration('- a\n- b\n')).toThrow(AqeError);
    expect(() => planConfigMigration('')).toThrow(/not a fleet config/);
    expect(() => planConfigMigration('fleet:\n  id: f\nai:\n  model: 42\n')).toThrow(/ai.model must be a model name/);
  });

  it('refuses when the key also appears outside ai', () => {
    expect(() => planConfigMigration('fleet:\n  name: "sk-live-123456"\nai:\n  apiKey: "sk-live-123456"\n')).toThrow(/appears outside the ai section/);
  });
});
