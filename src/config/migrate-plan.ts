import { Document, isMap, isScalar, parseDocument, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { AqeError, ErrorCodes } from '../errors.js';
import { seedModels } from './defaults.js';
import { FleetConfigSchema } from './schema.js';

/** Sections of a v1.0.4 config (seed 4.1) and the ones v1.0.5 adds. */
const V104_SECTIONS = ['fleet', 'agents', 'database', 'logging', 'api', 'security', 'ai'] as const;
const V105_MARKERS = ['features', 'featureOverrides', 'routing', 'streaming'] as const;
const V105_SECTIONS = new Set(Object.keys(FleetConfigSchema.shape));

export interface ConfigMigrationPlan {
  /** 'current': the input already is a v1.0.5 config and is left alone. */
  status: 'migrate' | 'current';
  newText: string;
  /** OLD with ai.apiKey's value masked, for showing diffs. */
  oldTextRedacted: string;
  added: string[];
  removed: string[];
  kept: string[];
  /** Top-level sections v1.0.5 does not know (kept as they are, or commented out with commentUnknown). */
  unknownSections: string[];
  /** Messages for the user (never containing secret values). */
  notes: string[];
  /** Secret values found in OLD; callers register them for redaction and make sure NEW does not contain them. */
  secrets: string[];
}

export interface PlanOptions {
  /** routing.defaultModel to use instead of the model derived from ai.model. */
  defaultModel?: string;
  /** Turn top-level sections v1.0.5 does not know into comments at the end of NEW instead of keeping them. */
  commentUnknown?: boolean;
  /** Name of the input for messages. */
  fileName?: string;
}

function fail(message: string, details?: Record<string, unknown>): never {
  throw new AqeError(ErrorCodes.MIGRATION, message, details);
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** The seed's streaming defaults (seed 2.1 / 4.1). */
function seedStreaming() {
  return {
    enabled: false,
    bufferSize: 1024,
    backpressureThreshold: 0.8,
    timeoutMs: 30000,
    retryConfig: { maxRetries: 3, backoffMs: 1000, backoffMultiplier: 2 },
  };
}

/** Why the migrated prices are not the seed's figures (a comment above routing). */
const PRICE_NOTE = [
  'Prices are dollars per 1,000 tokens (costPer1kTokens): Anthropic list prices, Opus 4.8 $5/$25, Sonnet 4.6 $3/$15,',
  'Haiku 4.5 $1/$5 per million. The seed wrote per-million figures under costPer1kTokens (1,000x too high), and',
  'ids Anthropic no longer serves (Opus 4 retired 2026-06-15, no Haiku 4, Sonnet 4.5 ends 2026-11-30).',
].join('\n');

/** The seed's routing section for a migrated config: disabled, cost tracking off with budgets 100/2000. */
function seedRouting(defaultModel: string) {
  return {
    enabled: false,
    defaultModel,
    models: seedModels(),
    complexity: { tokenWeighting: 0.4, structureWeighting: 0.3, contextWeighting: 0.3 },
    costTracking: {
      enabled: false,
      budgetLimits: { daily: 100, monthly: 2000 },
      alertThresholds: { dailyPercent: 80, monthlyPercent: 90 },
    },
  };
}

/** The seed's own provider ids, which v1.0.4 configs may name as ai.model, by the tier name that replaces them. */
const SEED_PROVIDER_IDS: Readonly<Record<string, string>> = {
  'claude-opus-4-20250514': 'claude-opus-4',
  'claude-sonnet-4-5-20250929': 'claude-sonnet-4.5',
  'claude-haiku-4-20250110': 'claude-haiku-4',
};

/** ai.model may name a seed model by config name or by provider id (today's or the seed's); map it to the config name. */
function modelNameFor(aiModel: string): { name: string; known: boolean } {
  if (Object.hasOwn(SEED_PROVIDER_IDS, aiModel)) return { name: SEED_PROVIDER_IDS[aiModel], known: true };
  const m = seedModels().find((x) => x.name === aiModel || x.model === aiModel);
  return m ? { name: m.name, known: true } : { name: aiModel, known: false };
}

function parseOld(text: string, fileName: string): Document.Parsed {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const where = e.linePos?.[0] ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : '';
    fail(`${fileName} is not valid YAML${where}: ${e.message.split('\n')[0]}`, { file: fileName });
  }
  if (!isMap(doc.contents)) {
    fail(`${fileName} is not a fleet config: expected a mapping of sections (fleet, agents, database, ...) at the top level`, {
      file: fileName,
    });
  }
  const keys = (doc.contents as YAMLMap).items.map((p) => keyName(p as Pair));
  const known = keys.filter((k) => (V104_SECTIONS as readonly string[]).includes(k) || V105_SECTIONS.has(k));
  if (known.length === 0) {
    fail(
      `${fileName} is not a fleet config: none of its top-level keys (${keys.join(', ') || 'none'}) is a fleet section (${[...V104_SECTIONS].join(', ')})`,
      { file: fileName },
    );
  }
  return doc;
}

/** Replace a scalar's source text with [REDACTED] (keeps line structure, so diffs stay readable). */
function maskRange(text: string, node: Scalar | undefined): string {
  if (!node?.range) return text;
  const [start, valueEnd] = node.range;
  return text.slice(0, start) + '[REDACTED]' + text.slice(valueEnd);
}

/**
 * Turn a v1.0.4 config text into v1.0.5 (seed 4.1) with yaml's Document API, so comments, key order and
 * formatting of everything kept survive. Pure: reads nothing, writes nothing.
 */
export function planConfigMigration(oldText: string, opts: PlanOptions = {}): ConfigMigrationPlan {
  const fileName = opts.fileName ?? 'config';
  const doc = parseOld(oldText, fileName);
  const root = doc.contents as YAMLMap;
  const keys = root.items.map((p) => keyName(p as Pair));
  const hasAi = keys.includes('ai');
  const unknownSections = keys.filter((k) => !V105_SECTIONS.has(k) && k !== 'ai');

  const aiNode = doc.get('ai', true);
  const apiKeyNode = isMap(aiNode) ? (aiNode.get('apiKey', true) as Scalar | undefined) : undefined;
  const secrets: string[] = [];
  if (isScalar(apiKeyNode) && apiKeyNode.value != null && String(apiKeyNode.value) !== '') secrets.push(String(apiKeyNode.value));
  const oldTextRedacted = maskRange(oldText, isScalar(apiKeyNode) ? apiKeyNode : undefined);

  if (!hasAi && V105_MARKERS.some((k) => keys.includes(k))) {
    return {
      status: 'current',
      newText: oldText,
      oldTextRedacted,
      added: [],
      removed: [],
      kept: keys,
      unknownSections,
      notes: [`${fileName} is already a v1.0.5 config (it has ${V105_MARKERS.filter((k) => keys.includes(k)).join(', ')} and no ai section); nothing to migrate`],
      secrets,
    };
  }

  if (aiNode !== undefined && aiNode !== null && !isMap(aiNode) && !(isScalar(aiNode) && aiNode.value == null)) {
    fail(`${fileName}: ai must be a mapping (model, apiKey), found ${isScalar(aiNode) ? typeof aiNode.value : 'a list'}`, { file: fileName });
  }
  const ai = (hasAi ? (doc.toJS() as { ai?: Record<string, unknown> | null }).ai : undefined) ?? undefined;
  if (ai?.model !== undefined && (typeof ai.model !== 'string' || ai.model === '')) {
    fail(`${fileName}: ai.model must be a model name such as claude-sonnet-4.5, found ${JSON.stringify(ai.model)}`, { file: fileName });
  }

  const notes: string[] = [];
  const added: string[] = [];
  const newPairs: Pair[] = [];
  const addSection = (name: string, value: unknown, comment: string) => {
    if (keys.includes(name)) {
      notes.push(`${name} was already present and is kept as it is`);
      return;
    }
    const pair = doc.createPair(name, value);
    const key = pair.key as Scalar;
    key.commentBefore = comment.split('\n').map((l) => ` ${l}`).join('\n');
    key.spaceBefore = true;
    newPairs.push(pair);
    added.push(name);
  };

  addSection('features', { multiModelRouter: false, streaming: false }, 'v1.0.5 feature flags (added by aqe config migrate): both off, so the fleet behaves as v1.0.4 until you enable them');
  if (typeof ai?.model === 'string') {
    const derived = modelNameFor(ai.model);
    const defaultModel = opts.defaultModel ?? derived.name;
    if (!opts.defaultModel && !derived.known) {
      notes.push(
        `ai.model "${ai.model}" is not one of the seed models (${seedModels().map((m) => m.name).join(', ')}); routing.defaultModel is set to it as is; pass --default-model NAME to choose a configured model`,
      );
    } else if (derived.name !== ai.model && !opts.defaultModel) {
      notes.push(`ai.model "${ai.model}" is the provider id of ${derived.name}; routing.defaultModel is ${derived.name}`);
    }
    addSection('routing', seedRouting(defaultModel), `Multi-model routing (added by aqe config migrate from ai.model); disabled until you enable it.\n${PRICE_NOTE}`);
  } else if (opts.defaultModel) {
    addSection('routing', seedRouting(opts.defaultModel), `Multi-model routing (added by aqe config migrate); disabled until you enable it.\n${PRICE_NOTE}`);
  }
  addSection('streaming', seedStreaming(), 'Streaming (added by aqe config migrate) with the seed defaults; disabled until you enable it');

  // New sections go where `ai` was (so related settings stay together), else at the end.
  const aiIndex = keys.indexOf('ai');
  const removed: string[] = [];
  if (aiIndex >= 0) {
    root.items.splice(aiIndex, 1, ...newPairs);
    removed.push('ai');
    if (secrets.length) {
      notes.push('ai.apiKey was not copied: v1.0.5 reads API keys from the environment only; set ANTHROPIC_API_KEY (in the environment or in .env)');
    }
    const dropped = Object.keys(ai ?? {}).filter((k) => k !== 'model' && k !== 'apiKey');
    if (dropped.length) notes.push(`ai.${dropped.join(', ai.')} had no v1.0.5 equivalent and was dropped`);
  } else {
    root.items.push(...newPairs);
  }

  let kept = keys.filter((k) => k !== 'ai');
  if (opts.commentUnknown && unknownSections.length) {
    const block: string[] = [' Sections unknown to v1.0.5, kept here as comments by aqe config migrate:'];
    for (const name of unknownSections) {
      const idx = root.items.findIndex((p) => keyName(p as Pair) === name);
      const [pair] = root.items.splice(idx, 1);
      const text = new Document({ [name]: (pair as Pair).value }).toString({ lineWidth: 0 });
      for (const line of text.replace(/\n$/, '').split('\n')) block.push(` ${line}`);
    }
    doc.comment = doc.comment ? `${doc.comment}\n\n${block.join('\n')}` : block.join('\n');
    kept = kept.filter((k) => !unknownSections.includes(k));
    notes.push(`top-level sections unknown to v1.0.5 were turned into comments at the end: ${unknownSections.join(', ')}`);
  }

  let newText: string;
  try {
    newText = doc.toString({ lineWidth: 0 });
  } catch (err) {
    fail(`${fileName}: cannot write the migrated config: ${(err as Error).message}`, { file: fileName });
  }
  for (const s of secrets) {
    if (s.length >= 4 && newText.includes(s)) {
      fail(`${fileName}: the value of ai.apiKey also appears outside the ai section; remove it from the file before migrating (keys belong in ANTHROPIC_API_KEY)`, {
        file: fileName,
      });
    }
  }
  return { status: 'migrate', newText, oldTextRedacted, added, removed, kept, unknownSections: opts.commentUnknown ? [] : unknownSections, notes, secrets };
}
