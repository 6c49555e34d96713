import { EventEmitter } from 'node:events';
import { FEATURE_ENV_VARS, parseEnv, SWITCH_ENV_VARS, envBooleanOf } from '../config/env.js';
import { FEATURE_NAMES, type FeatureName, type FleetConfig } from '../config/schema.js';
import { ConfigError, ErrorCodes } from '../errors.js';

export type FlagSource = 'default' | 'config' | 'env' | 'override' | 'agentOverride';

export interface FlagExplanation {
  value: boolean;
  source: FlagSource;
  /** Percent of tasks the flag applies to, when a rollout below 100 % governs the value. */
  rollout?: number;
  /** Why, in words, when the answer is not simply the source's value (subsystem switch, rollout). */
  detail?: string;
}

export interface FlagContext {
  agentType?: string;
  /** Stable per-task key (the task id) for percentage rollout. */
  key?: string;
}

export interface FlagChange {
  flag: FeatureName;
  /** Set when the change is for one agent type's override; absent for the fleet-wide value. */
  agentType?: string;
  old: FlagExplanation;
  new: FlagExplanation;
}

export interface FlagChangeEvent {
  reason: 'config' | 'override';
  caller?: string;
  changes: FlagChange[];
}

export interface FeatureFlagsOptions {
  env?: NodeJS.ProcessEnv;
}

/** A flag's layered value before the subsystem switch and rollout, with where it came from. */
interface Layered {
  value: boolean;
  source: FlagSource;
}

/** Precomputed state for one flag in one scope (fleet-wide or one agent type): evaluation is a lookup. */
interface Resolved {
  layered: Layered;
  /** The subsystem switch is off: the flag is off whatever the layers say (unless an override already said off). */
  switchOff?: { source: FlagSource; detail: string };
  /** Rollout percent applying to this value (only when the value is on and came from the config file). */
  rollout?: number;
}

const SWITCH_FIELD: Record<FeatureName, string> = { multiModelRouter: 'routing.enabled', streaming: 'streaming.enabled' };

/** FNV-1a over the key, then murmur3's finalizer so sequential ids spread evenly over the 100 buckets. */
export function rolloutBucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % 100;
}

/**
 * Feature flags, evaluated in memory from precomputed tables (no I/O per call).
 *
 * Layers, lowest to highest: built-in default (off) < config `features.<flag>` < config
 * `featureOverrides.agentType.<type>.<flag>` (source 'agentOverride') < env FEATURE_* < runtime override
 * (setOverrides, e.g. the admin API). Env and runtime overrides are fleet-wide and beat the per-agent values, so
 * FEATURE_STREAMING=false or an override of false turns a feature off everywhere (the seed's immediate rollback).
 *
 * Then: effective = layered value AND the subsystem switch (routing.enabled for multiModelRouter,
 * streaming.enabled for streaming; ROUTING_ENABLED / STREAMING_ENABLED override those). Then a value that came
 * from the config file (config or agentOverride) and is on applies to `features.rollout.<flag>` percent of
 * tasks, bucketed by a stable hash of ctx.key; env and runtime overrides are not subject to rollout.
 */
export class FeatureFlags extends EventEmitter {
  private config: FleetConfig;
  private env: NodeJS.ProcessEnv;
  private overrides: Partial<Record<FeatureName, boolean>> = {};
  private global!: Record<FeatureName, Resolved>;
  private perAgent!: Map<string, Record<FeatureName, Resolved>>;

  constructor(config: FleetConfig, opts: FeatureFlagsOptions = {}) {
    super();
    this.config = config;
    this.env = opts.env ?? process.env;
    FeatureFlags.checkEnv(this.env);
    this.rebuild();
  }

  /** The variables FeatureFlags reads (FEATURE_* and the subsystem switches) must hold valid booleans. */
  private static checkEnv(env: NodeJS.ProcessEnv): void {
    const names = [...Object.values(FEATURE_ENV_VARS), ...Object.values(SWITCH_ENV_VARS)];
    const { problems } = parseEnv(Object.fromEntries(names.map((n) => [n, env[n]])));
    if (problems.length) throw new ConfigError(`invalid environment: ${problems.join('; ')}`, problems, ErrorCodes.ENV_INVALID);
  }

  isEnabled(flag: FeatureName, ctx: FlagContext = {}): boolean {
    const r = this.resolved(flag, ctx.agentType);
    if (r.switchOff || !r.layered.value) return false;
    if (r.rollout === undefined) return true;
    return ctx.key !== undefined && rolloutBucket(ctx.key) < r.rollout;
  }

  /** Every flag's value for one task, taken once at its start; the task keeps this object. */
  snapshot(ctx: FlagContext = {}): Readonly<Record<FeatureName, boolean>> {
    const out = {} as Record<FeatureName, boolean>;
    for (const f of FEATURE_NAMES) out[f] = this.isEnabled(f, ctx);
    return Object.freeze(out);
  }

  /** Each flag's value and the layer that decided it (for a task with no key: a partial rollout reads as off). */
  explain(agentType?: string): Record<FeatureName, FlagExplanation> {
    const out = {} as Record<FeatureName, FlagExplanation>;
    for (const f of FEATURE_NAMES) out[f] = this.explainOne(f, agentType);
    return out;
  }

  private explainOne(flag: FeatureName, agentType?: string): FlagExplanation {
    const r = this.resolved(flag, agentType);
    if (r.switchOff) return { value: false, source: r.switchOff.source, detail: r.switchOff.detail };
    if (r.rollout !== undefined) {
      return { value: false, source: r.layered.source, rollout: r.rollout, detail: `on for ${r.rollout}% of tasks (by task id)` };
    }
    return { value: r.layered.value, source: r.layered.source };
  }

  /** Runtime overrides (admin API): true/false force a flag fleet-wide, null clears it. */
  setOverrides(values: Partial<Record<FeatureName, boolean | null>>, meta: { caller?: string } = {}): void {
    for (const [flag, v] of Object.entries(values) as Array<[string, boolean | null | undefined]>) {
      if (!(FEATURE_NAMES as readonly string[]).includes(flag)) {
        throw new ConfigError(`unknown feature flag ${JSON.stringify(flag)} (known: ${FEATURE_NAMES.join(', ')})`);
      }
      if (v !== null && v !== undefined && typeof v !== 'boolean') {
        throw new ConfigError(`override for ${flag}: expected true, false or null, found ${JSON.stringify(v)}`);
      }
    }
    this.apply('override', meta.caller, () => {
      const next = { ...this.overrides };
      for (const [flag, v] of Object.entries(values) as Array<[FeatureName, boolean | null | undefined]>) {
        if (v === null) delete next[flag];
        else if (v !== undefined) next[flag] = v;
      }
      this.overrides = next;
    });
  }

  getOverrides(): Partial<Record<FeatureName, boolean>> {
    return { ...this.overrides };
  }

  /** Hot reload: new config (and env). Running tasks keep their snapshots; emits 'change' when something differs. */
  updateConfig(config: FleetConfig, env?: NodeJS.ProcessEnv): void {
    if (env) FeatureFlags.checkEnv(env);
    this.apply('config', undefined, () => {
      this.config = config;
      if (env) this.env = env;
    });
  }

  private apply(reason: FlagChangeEvent['reason'], caller: string | undefined, mutate: () => void): void {
    const scopes = (): Array<string | undefined> => [undefined, ...Object.keys(this.config.featureOverrides.agentType)];
    const before = new Map(scopes().map((a) => [a, this.explain(a)] as const));
    mutate();
    this.rebuild();
    const after = new Map(scopes().map((a) => [a, this.explain(a)] as const));
    const globalBefore = before.get(undefined)!;
    const globalAfter = after.get(undefined)!;
    const changes: FlagChange[] = [];
    for (const a of new Set([...before.keys(), ...after.keys()])) {
      const old = before.get(a) ?? globalBefore;
      const now = after.get(a) ?? globalAfter;
      for (const f of FEATURE_NAMES) {
        if (sameExplanation(old[f], now[f])) continue;
        // An agent type that merely follows the fleet-wide change adds nothing.
        if (a !== undefined && sameExplanation(old[f], globalBefore[f]) && sameExplanation(now[f], globalAfter[f])) continue;
        changes.push({ flag: f, ...(a === undefined ? {} : { agentType: a }), old: old[f], new: now[f] });
      }
    }
    if (changes.length) this.emit('change', { reason, ...(caller ? { caller } : {}), changes } satisfies FlagChangeEvent);
  }

  private resolved(flag: FeatureName, agentType?: string): Resolved {
    if (agentType !== undefined) {
      const a = this.perAgent.get(agentType);
      if (a) return a[flag];
    }
    return this.global[flag];
  }

  private rebuild(): void {
    const envFeatures = parseEnv(this.env).features;
    const build = (agentType?: string): Record<FeatureName, Resolved> => {
      const out = {} as Record<FeatureName, Resolved>;
      for (const f of FEATURE_NAMES) out[f] = this.resolve(f, envFeatures[f], agentType);
      return out;
    };
    this.global = build();
    this.perAgent = new Map(Object.keys(this.config.featureOverrides.agentType).map((a) => [a, build(a)]));
  }

  private resolve(flag: FeatureName, envValue: boolean | undefined, agentType?: string): Resolved {
    const fromConfig = this.config.features[flag];
    let layered: Layered = fromConfig === undefined ? { value: false, source: 'default' } : { value: fromConfig, source: 'config' };
    const agentValue = agentType !== undefined ? this.config.featureOverrides.agentType[agentType]?.[flag] : undefined;
    if (agentValue !== undefined) layered = { value: agentValue, source: 'agentOverride' };
    if (envValue !== undefined) layered = { value: envValue, source: 'env' };
    const override = this.overrides[flag];
    if (override !== undefined) layered = { value: override, source: 'override' };

    const resolved: Resolved = { layered };
    if (!layered.value) return resolved;

    const switchEnv = envBooleanOf(this.env, SWITCH_ENV_VARS[flag]);
    const switchOn = switchEnv ?? (flag === 'multiModelRouter' ? this.config.routing.enabled : this.config.streaming.enabled);
    if (!switchOn) {
      resolved.switchOff =
        switchEnv !== undefined
          ? { source: 'env', detail: `${SWITCH_ENV_VARS[flag]} is false` }
          : { source: 'config', detail: `${SWITCH_FIELD[flag]} is false` };
      return resolved;
    }
    const percent = this.config.features.rollout?.[flag];
    if ((layered.source === 'config' || layered.source === 'agentOverride') && percent !== undefined && percent < 100) {
      resolved.rollout = percent;
    }
    return resolved;
  }

}

function sameExplanation(a: FlagExplanation, b: FlagExplanation): boolean {
  return a.value === b.value && a.source === b.source && a.rollout === b.rollout;
}
