import type { FleetConfig, ModelConfig } from '../config/schema.js';
import { AqeError, ConfigError, ErrorCodes } from '../errors.js';
import { AnthropicProvider } from './anthropic.js';
import { LocalProvider } from './local/LocalProvider.js';
import { OpenAICompatibleProvider } from './openai.js';
import type { Provider } from './types.js';

export interface ProviderRegistry {
  /** The provider for a model name of routing.models (cached). Throws AqeError NO_MODEL for unknown names. */
  get(modelName: string): Provider;
  /** True when the model runs on the offline engine (provider local, or an anthropic model with no key). */
  isOffline(modelName: string): boolean;
  /** The model's config entry. */
  model(modelName: string): ModelConfig | undefined;
  /** Model names known to the registry, in config order. */
  names(): string[];
}

export interface ProviderRegistryOptions {
  /** Chunk size / pacing of the offline engine's streams. */
  local?: { chunkChars?: number; chunkDelayMs?: number };
  /** SDK request timeout for remote providers. */
  requestTimeoutMs?: number;
}

/**
 * A provider per routing.models entry. Anthropic models with no key in the environment resolve to the
 * offline engine (LocalProvider), so a fresh install works without credentials; isOffline tells.
 */
export function createProviderRegistry(
  config: FleetConfig,
  env: NodeJS.ProcessEnv = process.env,
  opts: ProviderRegistryOptions = {},
): ProviderRegistry {
  const models = new Map(config.routing.models.map((m) => [m.name, m] as const));
  const cache = new Map<string, Provider>();

  const keyFor = (m: ModelConfig, fallbackEnv: string): { key?: string; envName: string } => {
    const envName = m.apiKeyEnv ?? fallbackEnv;
    const key = env[envName]?.trim();
    return { key: key ? key : undefined, envName };
  };

  const build = (m: ModelConfig): Provider => {
    switch (m.provider) {
      case 'anthropic': {
        const { key, envName } = keyFor(m, 'ANTHROPIC_API_KEY');
        if (!key) return new LocalProvider(m.name, opts.local);
        return new AnthropicProvider({ name: m.name, apiKey: key, apiKeyEnv: envName, baseURL: m.baseURL, timeoutMs: opts.requestTimeoutMs });
      }
      case 'openai-compatible': {
        if (!m.baseURL) {
          const index = config.routing.models.indexOf(m);
          throw new ConfigError(`routing.models[${index}].baseURL is required for openai-compatible model "${m.name}"`, [
            `routing.models[${index}].baseURL: required when provider is openai-compatible`,
          ]);
        }
        const { key, envName } = keyFor(m, 'OPENAI_API_KEY');
        return new OpenAICompatibleProvider({ name: m.name, baseURL: m.baseURL, apiKey: key, apiKeyEnv: envName, timeoutMs: opts.requestTimeoutMs });
      }
      case 'local':
        return new LocalProvider(m.name, opts.local);
    }
  };

  const lookup = (modelName: string): ModelConfig => {
    const m = models.get(modelName);
    if (!m) {
      const known = [...models.keys()].join(', ') || 'none';
      throw new AqeError(ErrorCodes.NO_MODEL, `unknown model "${modelName}" (routing.models has: ${known})`, { modelName });
    }
    return m;
  };

  return {
    get(modelName) {
      let p = cache.get(modelName);
      if (!p) {
        p = build(lookup(modelName));
        cache.set(modelName, p);
      }
      return p;
    },
    isOffline(modelName) {
      return this.get(modelName).kind === 'local';
    },
    model(modelName) {
      return models.get(modelName);
    },
    names() {
      return [...models.keys()];
    },
  };
}
