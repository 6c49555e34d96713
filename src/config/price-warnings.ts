import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ConfigPath } from './env.js';

/** A per-1k price above this is almost certainly a per-million price written under costPer1kTokens. */
export const PER_1K_PLAUSIBLE_MAX = 1.0;

export interface ConfigWarning {
  path: ConfigPath;
  message: string;
}

const fmt = (n: number): string => String(Number(n.toPrecision(6)));

/**
 * Model ids the installed @anthropic-ai/sdk marks as deprecated, with the end-of-life date it gives. Read from
 * the SDK's own table (internal/data/deprecated-models.js, the one it warns from on every request); the
 * package's exports map hides that path, so it is loaded by file. Empty when the SDK or the table is absent.
 */
export function sdkDeprecatedModels(): { version?: string; models: Record<string, string> } {
  try {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('@anthropic-ai/sdk'));
    const file = join(root, 'internal', 'data', 'deprecated-models.js');
    const table = (require(file) as { DEPRECATED_MODELS?: Record<string, string> }).DEPRECATED_MODELS;
    let version: string | undefined;
    try {
      version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version;
    } catch {}
    return { version, models: table && typeof table === 'object' ? { ...table } : {} };
  } catch {
    return { models: {} };
  }
}

interface RawModel {
  provider?: unknown;
  model?: unknown;
  capabilities?: { costPer1kTokens?: { input?: unknown; output?: unknown } };
}

/**
 * Warnings (not errors: the config is valid) about prices and model ids: a costPer1kTokens above 1.0 (the
 * seed's text wrote per-million list prices under that name), and Anthropic model ids the installed SDK
 * marks as deprecated.
 */
export function priceAndModelWarnings(rawModels: unknown, deprecated = sdkDeprecatedModels()): ConfigWarning[] {
  if (!Array.isArray(rawModels)) return [];
  const out: ConfigWarning[] = [];
  rawModels.forEach((m: RawModel, i) => {
    if (!m || typeof m !== 'object') return;
    const per1k = m.capabilities?.costPer1kTokens;
    for (const side of ['input', 'output'] as const) {
      const v = per1k?.[side];
      if (typeof v === 'number' && v > PER_1K_PLAUSIBLE_MAX) {
        out.push({
          path: ['routing', 'models', i, 'capabilities', 'costPer1kTokens', side],
          message: `$${fmt(v)} per 1,000 tokens looks like a per-million price; the per-1k price is probably ${fmt(v / 1000)} (or write it as costPerMTokens.${side}: ${fmt(v)})`,
        });
      }
    }
    if (m.provider === 'anthropic' && typeof m.model === 'string' && Object.hasOwn(deprecated.models, m.model)) {
      const sdk = deprecated.version ? `@anthropic-ai/sdk ${deprecated.version}` : '@anthropic-ai/sdk';
      out.push({
        path: ['routing', 'models', i, 'model'],
        message: `"${m.model}" is deprecated (per the installed ${sdk}): end-of-life on ${deprecated.models[m.model]}; move to a newer model`,
      });
    }
  });
  return out;
}
