import { FleetConfigSchema, type FleetConfig, type FleetConfigInput, type ModelConfig } from './schema.js';

/**
 * The seed's three Anthropic tiers (section 2.1), used by `aqe init`, migration and tests. Prices are the
 * list prices per 1,000 tokens (Opus 4 $15/$75, Sonnet 4.5 $3/$15, Haiku $0.80/$4 per million): the seed's
 * text wrote the per-million figures under costPer1kTokens, which overstated every cost 1,000-fold.
 */
export function seedModels(): ModelConfig[] {
  return [
    {
      name: 'claude-opus-4',
      provider: 'anthropic',
      model: 'claude-opus-4-20250514',
      capabilities: { maxTokens: 200000, supportsStreaming: true, costPer1kTokens: { input: 0.015, output: 0.075 } },
      complexityRange: { min: 0.7, max: 1.0 },
      enabled: true,
    },
    {
      name: 'claude-sonnet-4.5',
      provider: 'anthropic',
      model: 'claude-sonnet-4-5-20250929',
      capabilities: { maxTokens: 200000, supportsStreaming: true, costPer1kTokens: { input: 0.003, output: 0.015 } },
      complexityRange: { min: 0.3, max: 0.8 },
      enabled: true,
    },
    {
      name: 'claude-haiku-4',
      provider: 'anthropic',
      model: 'claude-haiku-4-20250110',
      capabilities: { maxTokens: 200000, supportsStreaming: true, costPer1kTokens: { input: 0.0008, output: 0.004 } },
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
