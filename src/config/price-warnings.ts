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

/**
 * Anthropic ids that no longer answer, which configs written by earlier releases (the seed's example, `aqe
 * init`, `aqe config migrate`) still carry: a request to one fails. The SDK's table lists only deprecated ids,
 * not retired ones. Sources: Anthropic's release notes and model deprecations page (Sonnet 4 and Opus 4 retired
 * on 2026-06-15, Opus 4.8 and Sonnet 4.6 the recommended upgrades).
 */
export const RETIRED_MODEL_IDS: Readonly<Record<string, { why: string; use: string }>> = {
  'claude-opus-4-20250514': { why: 'retired on 2026-06-15 (requests to it fail)', use: 'claude-opus-4-8' },
  'claude-opus-4-0': { why: 'retired on 2026-06-15 (requests to it fail)', use: 'claude-opus-4-8' },
  'claude-sonnet-4-20250514': { why: 'retired on 2026-06-15 (requests to it fail)', use: 'claude-sonnet-4-6' },
  'claude-sonnet-4-0': { why: 'retired on 2026-06-15 (requests to it fail)', use: 'claude-sonnet-4-6' },
  'claude-haiku-4-20250110': { why: 'not an Anthropic model id (the seed made it up; requests to it fail)', use: 'claude-haiku-4-5-20251001' },
};

/** The upgrade for a deprecated id, where Anthropic names one. */
const DEPRECATED_UPGRADES: Readonly<Record<string, string>> = {
  'claude-sonnet-4-5-20250929': 'claude-sonnet-4-6',
  'claude-sonnet-4-5': 'claude-sonnet-4-6',
};

interface RawModel {
  provider?: unknown;
  model?: unknown;
  capabilities?: { costPer1kTokens?: { input?: unknown; output?: unknown } };
}

/**
 * Warnings (not errors: the config is valid) about prices and model ids: a costPer1kTokens above 1.0 (the
 * seed's text wrote per-million list prices under that name), Anthropic model ids that no longer answer
 * (RETIRED_MODEL_IDS), and ids the installed SDK marks as deprecated.
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
    if (m.provider !== 'anthropic' || typeof m.model !== 'string') return;
    const retired = Object.hasOwn(RETIRED_MODEL_IDS, m.model) ? RETIRED_MODEL_IDS[m.model] : undefined;
    if (retired) {
      out.push({ path: ['routing', 'models', i, 'model'], message: `"${m.model}" is ${retired.why}; use "${retired.use}" (and its price)` });
    } else if (Object.hasOwn(deprecated.models, m.model)) {
      const sdk = deprecated.version ? `@anthropic-ai/sdk ${deprecated.version}` : '@anthropic-ai/sdk';
      const upgrade = Object.hasOwn(DEPRECATED_UPGRADES, m.model) ? `"${DEPRECATED_UPGRADES[m.model]}"` : 'a newer model';
      out.push({
        path: ['routing', 'models', i, 'model'],
        message: `"${m.model}" is deprecated (per the installed ${sdk}): end-of-life on ${deprecated.models[m.model]}; move to ${upgrade}`,
      });
    }
  });
  return out;
}
