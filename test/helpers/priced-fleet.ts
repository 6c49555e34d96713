import type { FleetConfigInput } from '../../src/config/schema.js';
import { seedModels } from '../../src/config/defaults.js';
import { FakeAnthropicServer } from '../../src/providers/testing/fake-anthropic-server.js';

/** The seed's three models pointing at `baseURL`. */
export function seedModelsAt(baseURL: string) {
  return seedModels().map((m) => ({ ...m, baseURL }));
}

/** The fake Anthropic API billing the seed models' provider ids at their per-1k list prices. */
export async function startBillingAnthropic(opts: { text?: (body: any) => string | undefined; chunkDelayMs?: number } = {}): Promise<FakeAnthropicServer> {
  const prices = Object.fromEntries(seedModelsAt('').map((m) => [m.model, m.capabilities.costPer1kTokens]));
  return FakeAnthropicServer.start({
    record: false,
    prices,
    script: (req) => ({ text: opts.text?.(req.body), chunkDelayMs: opts.chunkDelayMs }),
  });
}

/** Routing config whose three seed models all point at `baseURL`. */
export function pricedRouting(baseURL: string, costTracking: Record<string, unknown>): FleetConfigInput['routing'] {
  return { enabled: true, models: seedModelsAt(baseURL), costTracking: costTracking as never };
}

/** A reply of about `tokens` tokens (one per word). */
export const longReply = (tokens: number) => Array.from({ length: tokens }, (_, i) => `w${i % 10 === 0 ? 'x' : ''}ord`).join(' ');
