import { FleetConfigSchema, type FleetConfig, type FleetConfigInput, type ModelConfig } from './schema.js';

/**
 * The seed's three Anthropic tiers (section 2.1), used by `aqe init`, migration and tests. The names are the
 * seed's (configs, rules and reports refer to them); the provider ids are models the API serves today: the
 * seed's Opus 4 id was retired on 2026-06-15, its Haiku id was never an Anthropic model, and its Sonnet 4.5 id
 * reaches end of life on 2026-11-30 (RETIRED_MODEL_IDS in price-warnings.ts). Each is replaced by the upgrade
 * Anthropic names for it (Opus 4.8, Sonnet 4.6, Haiku 4.5), the same kind of model without thinking on by
 * default. Prices are the list prices per 1,000 tokens (Opus 4.8 $5/$25, Sonnet 4.6 $3/$15, Haiku 4.5 $1/$5
 * per million): the seed's text wrote per-million figures under costPer1kTokens, 1,000-fold too high.
 */
export function seedModels(): ModelConfig[] {
  return [
    {
      name: 'claude-opus-4',
      provider: 'anthropic',
      model: 'claude-opus-4-8',
      capabilities: { maxTokens: 200000, supportsStreaming: true, costPer1kTokens: { input: 0.005, output: 0.025 } },
      complexityRange: { min: 0.7, max: 1.0 },
      enabled: true,
    },
    {
      name: 'claude-sonnet-4.5',
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      capabilities: { maxTokens: 200000, supportsStreaming: true, costPer1kTokens: { input: 0.003, output: 0.015 } },
      complexityRange: { min: 0.3, max: 0.8 },
      enabled: true,
    },
    {
      name: 'claude-haiku-4',
      provider: 'anthropic',
      model: 'claude-haiku-4-5-20251001',
      capabilities: { maxTokens: 200000, supportsStreaming: true, costPer1kTokens: { input: 0.001, output: 0.005 } },
      complexityRange: { min: 0.0, max: 0.4 },
      enabled: true,
    },
  ];
}

/**
 * A complete config from a partial one (tests and the seed's createConfig helper). Routing gets the seed's
 * models when none are given. Deep-merges `overrides` over the defaults.
 */
export function createConfig(overrides: FleetConfigInput = {}): FleetConfig {
  const input: FleetConfigInput = { ...overrides };
  input.routing = { models: seedModels(), ...(overrides.routing ?? {}) };
  return FleetConfigSchema.parse(input);
}
