import { describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import { AnthropicProvider } from '../../../src/providers/anthropic.js';
import { LocalProvider } from '../../../src/providers/local/LocalProvider.js';
import { OpenAICompatibleProvider } from '../../../src/providers/openai.js';
import { createProviderRegistry } from '../../../src/providers/registry.js';

const ollama = {
  name: 'llama',
  provider: 'openai-compatible' as const,
  model: 'llama3.1:8b',
  baseURL: 'http://127.0.0.1:11434/v1',
  capabilities: { maxTokens: 8192, supportsStreaming: true, costPer1kTokens: { input: 0, output: 0 } },
  complexityRange: { min: 0, max: 0.3 },
};

describe('createProviderRegistry', () => {
  it('resolves anthropic models to the offline engine when no key is set', () => {
    const reg = createProviderRegistry(createConfig({}), {});
    expect(reg.get('claude-haiku-4')).toBeInstanceOf(LocalProvider);
    expect(reg.isOffline('claude-opus-4')).toBe(true);
    expect(reg.names()).toEqual(['claude-opus-4', 'claude-sonnet-4.5', 'claude-haiku-4']);
  });

  it('uses the Anthropic SDK when a key is set (also via apiKeyEnv) and caches providers', () => {
    const reg = createProviderRegistry(createConfig({}), { ANTHROPIC_API_KEY: 'sk-ant-registry-test-123' });
    const p = reg.get('claude-haiku-4');
    expect(p).toBeInstanceOf(AnthropicProvider);
    expect(reg.get('claude-haiku-4')).toBe(p);
    expect(reg.isOffline('claude-haiku-4')).toBe(false);
    const models = createConfig({}).routing.models.map((m) => ({ ...m, apiKeyEnv: 'TEAM_KEY' }));
    const reg2 = createProviderRegistry(createConfig({ routing: { models } }), { ANTHROPIC_API_KEY: 'sk-ant-other-123456' });
    expect(reg2.isOffline('claude-haiku-4')).toBe(true);
    const reg3 = createProviderRegistry(createConfig({ routing: { models } }), { TEAM_KEY: 'sk-ant-team-1234567' });
    expect(reg3.isOffline('claude-haiku-4')).toBe(false);
  });

  it('builds openai-compatible and local providers, and requires a baseURL for openai-compatible', () => {
    const local = { ...ollama, name: 'offline', provider: 'local' as const, baseURL: undefined };
    const reg = createProviderRegistry(createConfig({ routing: { models: [ollama, local] } }), {});
    expect(reg.get('llama')).toBeInstanceOf(OpenAICompatibleProvider);
    expect(reg.get('offline')).toBeInstanceOf(LocalProvider);
    const noUrl = createProviderRegistry(createConfig({ routing: { models: [{ ...ollama, baseURL: undefined }] } }), {});
    expect(() => noUrl.get('llama')).toThrow(/routing\.models\[0\]\.baseURL is required/);
  });

  it('names the known models for an unknown one', () => {
    const reg = createProviderRegistry(createConfig({}), {});
    expect(() => reg.get('gpt-9')).toThrow(/unknown model "gpt-9" \(routing.models has: claude-opus-4, claude-sonnet-4.5, claude-haiku-4\)/);
  });
});
