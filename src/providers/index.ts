export type { CompletionResult, Provider, ProviderErrorKind, ProviderEvent, ProviderMessage, ProviderRequest, ProviderUsage } from './types.js';
export { ProviderError, isProviderError, isRetryableError, parseRetryAfter, toProviderError, MAX_RETRY_AFTER_MS } from './errors.js';
export { AnthropicProvider, type AnthropicProviderOptions } from './anthropic.js';
export { OpenAICompatibleProvider, type OpenAICompatibleProviderOptions } from './openai.js';
export { LocalProvider, type LocalProviderOptions } from './local/LocalProvider.js';
export { defaultOfflineReport, findExports } from './local/default-handler.js';
export { registerOfflineHandler, offlineHandlerFor, type OfflineHandler } from './local/handlers.js';
export { createProviderRegistry, type ProviderRegistry, type ProviderRegistryOptions } from './registry.js';
export { chunkText } from './chunk.js';
