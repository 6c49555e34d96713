import { describe, expect, it } from 'vitest';
import { seedModels } from '../../../src/config/defaults.js';
import { priceAndModelWarnings, RETIRED_MODEL_IDS } from '../../../src/config/price-warnings.js';

const anthropic = (model: string, input = 0.003, output = 0.015) => ({ name: 'm', provider: 'anthropic', model, capabilities: { costPer1kTokens: { input, output } } });
const noneDeprecated = { models: {} };

describe('priceAndModelWarnings', () => {
  it('says nothing about the shipped models: their ids answer and their prices are per 1k', () => {
    expect(priceAndModelWarnings(seedModels())).toEqual([]);
  });

  it('names a retired id, the field, and the id to use instead', () => {
    const w = priceAndModelWarnings([anthropic('claude-sonnet-4-6'), anthropic('claude-opus-4-20250514')], noneDeprecated);
    expect(w).toEqual([
      {
        path: ['routing', 'models', 1, 'model'],
        message: '"claude-opus-4-20250514" is retired on 2026-06-15 (requests to it fail); use "claude-opus-4-8" (and its price)',
      },
    ]);
  });

  it('flags the seed\'s made-up Haiku id as not a model at all', () => {
    const [w] = priceAndModelWarnings([anthropic('claude-haiku-4-20250110')], noneDeprecated);
    expect(w.message).toMatch(/^"claude-haiku-4-20250110" is not an Anthropic model id .*; use "claude-haiku-4-5-20251001"/);
  });

  it('names the upgrade for a deprecated id where there is one, and the SDK\'s end-of-life date', () => {
    const deprecated = { version: '9.9.9', models: { 'claude-sonnet-4-5-20250929': 'November 30th, 2026', 'claude-x': 'someday' } };
    const w = priceAndModelWarnings([anthropic('claude-sonnet-4-5-20250929'), anthropic('claude-x')], deprecated).map((x) => x.message);
    expect(w).toEqual([
      '"claude-sonnet-4-5-20250929" is deprecated (per the installed @anthropic-ai/sdk 9.9.9): end-of-life on November 30th, 2026; move to "claude-sonnet-4-6"',
      '"claude-x" is deprecated (per the installed @anthropic-ai/sdk 9.9.9): end-of-life on someday; move to a newer model',
    ]);
  });

  it('leaves other providers\' ids alone (an OpenAI-compatible server may call its model anything)', () => {
    expect(priceAndModelWarnings([{ ...anthropic('claude-opus-4-20250514'), provider: 'openai-compatible' }], noneDeprecated)).toEqual([]);
  });

  it('every retired id points at an id that is not itself retired', () => {
    for (const { use } of Object.values(RETIRED_MODEL_IDS)) expect(Object.hasOwn(RETIRED_MODEL_IDS, use)).toBe(false);
  });
});
