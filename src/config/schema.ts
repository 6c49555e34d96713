import { z } from 'zod';

/**
 * Schema of config/fleet.yaml (v1.0.5). Objects are strict: an unknown key (a typo) is an error.
 * Cross-field rules live in ./rules.ts so each can name the field it is about.
 */
const nonNegMoney = z.number().min(0);
const PriceSchema = z.strictObject({ input: nonNegMoney, output: nonNegMoney });

export const ModelSchema = z.strictObject({
  name: z.string().min(1),
  provider: z.enum(['anthropic', 'openai-compatible', 'local']),
  model: z.string().min(1),
  /** Base URL of the provider's API (fake servers in tests, Ollama/vLLM/llama.cpp locally). */
  baseURL: z.string().url().optional(),
  /** Name of the env var holding this model's key; defaults per provider (ANTHROPIC_API_KEY, OPENAI_API_KEY). */
  apiKeyEnv: z.string().min(1).optional(),
  capabilities: z
    .strictObject({
      maxTokens: z.number().int().positive(),
      supportsStreaming: z.boolean().default(true),
      /** Dollars per 1,000 tokens. */
      costPer1kTokens: PriceSchema.optional(),
      /** Dollars per million tokens (how price lists state them); give this or costPer1kTokens, not both. */
      costPerMTokens: PriceSchema.optional(),
    })
    .superRefine((c, ctx) => {
      if (c.costPer1kTokens && c.costPerMTokens) {
        ctx.addIssue({ code: 'custom', path: ['costPerMTokens'], message: 'exactly one of costPer1kTokens or costPerMTokens (both are given)' });
      } else if (!c.costPer1kTokens && !c.costPerMTokens) {
        ctx.addIssue({ code: 'custom', path: ['costPer1kTokens'], message: 'a price: costPer1kTokens { input, output } (or costPerMTokens)' });
      }
    })
    .transform(({ costPerMTokens, costPer1kTokens, ...rest }) => ({
      ...rest,
      costPer1kTokens: costPer1kTokens ?? { input: costPerMTokens!.input / 1000, output: costPerMTokens!.output / 1000 },
    })),
  complexityRange: z.strictObject({ min: z.number(), max: z.number() }),
  enabled: z.boolean().default(true),
});

export const ComplexityWeightsSchema = z.strictObject({
  tokenWeighting: z.number().min(0).max(1).default(0.4),
  structureWeighting: z.number().min(0).max(1).default(0.3),
  contextWeighting: z.number().min(0).max(1).default(0.3),
});

export const CostTrackingSchema = z.strictObject({
  enabled: z.boolean().default(true),
  budgetLimits: z
    .strictObject({ daily: nonNegMoney.default(10), monthly: nonNegMoney.default(200) })
    .default({ daily: 10, monthly: 200 }),
  alertThresholds: z
    .strictObject({
      dailyPercent: z.number().min(0).max(100).default(80),
      monthlyPercent: z.number().min(0).max(100).default(90),
    })
    .default({ dailyPercent: 80, monthlyPercent: 90 }),
  /** Refuse a task that would exceed a budget (seed: "enforcement at 100%"). */
  enforce: z.boolean().default(true),
  /** Above an alert threshold, route one tier down where the score allows. */
  preferCheaperUnderPressure: z.boolean().default(false),
  /** Count the offline engine's simulated spend toward the budgets (default: recorded and shown apart only). */
  countSimulated: z.boolean().default(false),
});

/**
 * Optional second opinion on close calls: when the fitted tier model's probability margin over the runner-up
 * is below `margin`, the cheapest enabled model (remote, with a key) is asked to pick between the two tiers.
 */
export const LlmTieBreakSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Probability gap (0..1) between the chosen tier and the runner-up below which the LLM is asked. */
  margin: z.number().min(0).max(1).default(0.1),
});

export const RoutingSchema = z.strictObject({
  /** Subsystem switch; the router runs only when this AND features.multiModelRouter are on. */
  enabled: z.boolean().default(true),
  defaultModel: z.string().min(1).default('claude-sonnet-4.5'),
  models: z.array(ModelSchema).default([]),
  complexity: ComplexityWeightsSchema.default({ tokenWeighting: 0.4, structureWeighting: 0.3, contextWeighting: 0.3 }),
  costTracking: CostTrackingSchema.default({
    enabled: true,
    budgetLimits: { daily: 10, monthly: 200 },
    alertThresholds: { dailyPercent: 80, monthlyPercent: 90 },
    enforce: true,
    preferCheaperUnderPressure: false,
    countSimulated: false,
  }),
  /** Where complexity ranges overlap: 'cheapest' (default) or 'capable' (most expensive). */
  tieBreak: z.enum(['cheapest', 'capable']).default('cheapest'),
  /** Off by default: ask the cheapest model to settle a close tier decision (see LlmTieBreakSchema). */
  llmTieBreak: LlmTieBreakSchema.default({ enabled: false, margin: 0.1 }),
});

export const RetryConfigSchema = z.strictObject({
  maxRetries: z.number().int().min(0).default(3),
  backoffMs: z.number().int().min(0).default(1000),
  backoffMultiplier: z.number().min(1).default(2),
  /** Fraction of each backoff drawn at random (0 = none), so retries from many tasks do not align. */
  jitter: z.number().min(0).max(1).default(0.2),
});

export const StreamingSchema = z.strictObject({
  /** Subsystem switch; streaming happens only when this AND features.streaming are on. */
  enabled: z.boolean().default(true),
  bufferSize: z.number().int().positive().default(1024),
  backpressureThreshold: z.number().default(0.8),
  timeoutMs: z.number().int().positive().default(30000),
  retryConfig: RetryConfigSchema.default({ maxRetries: 3, backoffMs: 1000, backoffMultiplier: 2, jitter: 0.2 }),
});

const FeatureValuesSchema = z.strictObject({
  multiModelRouter: z.boolean().optional(),
  streaming: z.boolean().optional(),
});

export const FeaturesSchema = z.strictObject({
  // No defaults: a flag the file leaves out stays undefined, so `aqe flags` can tell "default" from "config".
  multiModelRouter: z.boolean().optional(),
  streaming: z.boolean().optional(),
  /** Percentage rollout: a flag that is on applies to this % of tasks, bucketed by a stable hash of the task id. */
  rollout: z
    .strictObject({
      multiModelRouter: z.number().min(0).max(100).optional(),
      streaming: z.number().min(0).max(100).optional(),
    })
    .optional(),
});

/** A browser origin as the Origin header carries it: scheme://host[:port], no path; or "*". */
const OriginSchema = z.string().regex(/^(\*|[a-z][a-z0-9+.-]*:\/\/[^/\s?#]+)$/i, 'expected an origin such as https://app.example.com (scheme://host[:port], no path or trailing slash) or "*"');

export const FleetConfigSchema = z.strictObject({
  fleet: z
    .strictObject({
      id: z.string().min(1).default('aqe-fleet'),
      /** This process's name in /metrics and the owner registry; default the HOSTNAME env var (the pod name). */
      replica: z.string().min(1).optional(),
      name: z.string().min(1).default('Agentic QE Fleet'),
      maxConcurrentTasks: z.number().int().positive().default(16),
      taskTimeoutMs: z.number().int().positive().default(300_000),
      shutdownGraceMs: z.number().int().min(0).default(10_000),
      /** How long task records (GET /v1/tasks/:id) are kept after their last change; pruned in the background. */
      taskRetentionDays: z.number().positive().default(7),
      /** Service admission: tasks waiting behind maxConcurrentTasks; one more is refused with 503 + Retry-After. */
      maxQueuedTasks: z.number().int().min(0).default(64),
    })
    .default({ id: 'aqe-fleet', name: 'Agentic QE Fleet', maxConcurrentTasks: 16, taskTimeoutMs: 300_000, shutdownGraceMs: 10_000, taskRetentionDays: 7, maxQueuedTasks: 64 }),
  agents: z
    .array(
      z.strictObject({
        type: z.string().min(1),
        count: z.number().int().min(0).default(1),
        enabled: z.boolean().default(true),
        config: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .default([]),
  database: z
    .strictObject({
      type: z.enum(['sqlite', 'postgres']).default('sqlite'),
      path: z.string().min(1).default('data/fleet.db'),
      url: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL').optional(),
      /** PostgreSQL pool size per replica (default 10). */
      poolMax: z.number().int().positive().optional(),
      /** PostgreSQL: false trades the last ~0.6 s of commits on a database crash for throughput (default true). */
      synchronousCommit: z.boolean().optional(),
      ssl: z
        .strictObject({
          mode: z.enum(['disable', 'require', 'verify-full']).default('disable'),
          caFile: z.string().min(1).optional(),
          certFile: z.string().min(1).optional(),
          keyFile: z.string().min(1).optional(),
        })
        .optional(),
    })
    .default({ type: 'sqlite', path: 'data/fleet.db' }),
  logging: z
    .strictObject({
      level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
      format: z.enum(['json', 'pretty']).default('json'),
      file: z.string().optional(),
    })
    .default({ level: 'info', format: 'json' }),
  api: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(3000),
      token: z.string().optional(),
      metricsRequireAuth: z.boolean().default(false),
      bodyLimitBytes: z.number().int().positive().default(1_048_576),
      /** Folder that server-side payload paths (sourcePath, outDir, ...) must stay inside; unset = such fields refused. */
      workspaceRoot: z.string().min(1).optional(),
      /** An MCP session (Streamable HTTP at /mcp) with no request for this long is closed. */
      mcpSessionIdleMs: z.number().int().positive().default(300_000),
      /** At most this many MCP sessions; at the cap the longest-idle one is closed, or a new one refused. */
      mcpMaxSessions: z.number().int().positive().default(100),
    })
    .default({ host: '127.0.0.1', port: 3000, metricsRequireAuth: false, bodyLimitBytes: 1_048_576, mcpSessionIdleMs: 300_000, mcpMaxSessions: 100 }),
  security: z
    .strictObject({
      redactSecrets: z.boolean().default(true),
      /** Generated tests run in a child process that may write only to a temp dir and open no sockets. */
      sandboxGeneratedCode: z.boolean().default(true),
      /** How code under test is contained (src/sandbox, docs/security.md): auto | required | permission-only. */
      sandbox: z.enum(['auto', 'required', 'permission-only']).default('auto'),
      /** Limits of one sandboxed process: wall time, CPU seconds, memory, time for a module to load. */
      sandboxLimits: z
        .strictObject({
          wallMs: z.number().int().positive().default(60_000),
          cpuSeconds: z.number().int().positive().default(60),
          memoryMb: z.number().int().min(128).default(1024),
          importTimeoutMs: z.number().int().positive().default(10_000),
        })
        .default({ wallMs: 60_000, cpuSeconds: 60, memoryMb: 1024, importTimeoutMs: 10_000 }),
      /** v1.0.4: browser origins allowed by CORS and at /mcp ("*" = any); empty = none. A single string is one origin. */
      allowedOrigins: z.union([OriginSchema, z.array(OriginSchema)]).transform((v) => (typeof v === 'string' ? [v] : v)).default([]),
      /** v1.0.4: true = the HTTP API requires a token (start-up refuses without one); false = auth off; unset = on when a token is set. */
      enableAuth: z.boolean().optional(),
    })
    .default({ redactSecrets: true, sandboxGeneratedCode: true, sandbox: 'auto', sandboxLimits: { wallMs: 60_000, cpuSeconds: 60, memoryMb: 1024, importTimeoutMs: 10_000 }, allowedOrigins: [] }),
  features: FeaturesSchema.default({}),
  featureOverrides: z
    .strictObject({ agentType: z.record(z.string(), FeatureValuesSchema).default({}) })
    .default({ agentType: {} }),
  routing: RoutingSchema.default(() => RoutingSchema.parse({})),
  streaming: StreamingSchema.default(() => StreamingSchema.parse({})),
});

export type FleetConfig = z.infer<typeof FleetConfigSchema>;
export type FleetConfigInput = z.input<typeof FleetConfigSchema>;
export type ModelConfig = z.infer<typeof ModelSchema>;
export type RoutingConfig = z.infer<typeof RoutingSchema>;
export type StreamingConfig = z.infer<typeof StreamingSchema>;
export type CostTrackingConfig = z.infer<typeof CostTrackingSchema>;
export type RetryConfig = z.infer<typeof RetryConfigSchema>;
export type FeatureName = 'multiModelRouter' | 'streaming';
export const FEATURE_NAMES: readonly FeatureName[] = ['multiModelRouter', 'streaming'];
