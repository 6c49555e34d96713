import { describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import type { FleetConfigInput } from '../../../src/config/schema.js';
import { ConfigError } from '../../../src/errors.js';
import { FeatureFlags, rolloutBucket, type FlagChangeEvent } from '../../../src/flags/FeatureFlags.js';

function flags(input: FleetConfigInput = {}, env: NodeJS.ProcessEnv = {}): FeatureFlags {
  return new FeatureFlags(createConfig(input), { env });
}

describe('FeatureFlags: precedence default < config < env < runtime override', () => {
  // [config value, env value, override value] -> expected value and source
  const table: Array<[boolean | undefined, string | undefined, boolean | undefined, boolean, string]> = [
    [undefined, undefined, undefined, false, 'default'],
    [true, undefined, undefined, true, 'config'],
    [false, undefined, undefined, false, 'config'],
    [true, 'false', undefined, false, 'env'],
    [false, 'true', undefined, true, 'env'],
    [undefined, '1', undefined, true, 'env'],
    [true, 'true', false, false, 'override'],
    [false, 'false', true, true, 'override'],
    [undefined, undefined, true, true, 'override'],
    [true, undefined, false, false, 'override'],
  ];
  it.each(table)('config=%s env=%s override=%s -> %s from %s', (config, env, override, value, source) => {
    const f = flags(config === undefined ? {} : { features: { streaming: config } }, env === undefined ? {} : { FEATURE_STREAMING: env });
    if (override !== undefined) f.setOverrides({ streaming: override });
    expect(f.isEnabled('streaming')).toBe(value);
    expect(f.explain().streaming).toEqual({ value, source });
    expect(f.snapshot().streaming).toBe(value);
  });

  it('null clears a runtime override', () => {
    const f = flags({ features: { multiModelRouter: true } });
    f.setOverrides({ multiModelRouter: false }, { caller: 'admin' });
    expect(f.getOverrides()).toEqual({ multiModelRouter: false });
    expect(f.isEnabled('multiModelRouter')).toBe(false);
    f.setOverrides({ multiModelRouter: null });
    expect(f.getOverrides()).toEqual({});
    expect(f.explain().multiModelRouter).toEqual({ value: true, source: 'config' });
  });

  it('refuses unknown flags and non-boolean overrides, and bad FEATURE_* values naming the variable', () => {
    const f = flags();
    expect(() => f.setOverrides({ turbo: true } as never)).toThrow(/unknown feature flag "turbo"/);
    expect(() => f.setOverrides({ streaming: 'yes' as never })).toThrow(ConfigError);
    expect(() => flags({}, { FEATURE_STREAMING: 'yes-please' })).toThrow(ConfigError);
    try {
      flags({}, { FEATURE_STREAMING: 'yes-please' });
    } catch (err) {
      expect((err as ConfigError).problems).toEqual(['FEATURE_STREAMING: expected true|false|1|0, found "yes-please"']);
    }
  });

  it('seed 7.2: a config with only features.multiModelRouter true turns the router on', () => {
    expect(flags({ features: { multiModelRouter: true } }).isEnabled('multiModelRouter')).toBe(true);
    expect(flags({ features: { multiModelRouter: false, streaming: false } }).snapshot()).toEqual({ multiModelRouter: false, streaming: false });
  });
});

describe('FeatureFlags: per-agent-type overrides (seed 8.3)', () => {
  const seed83: FleetConfigInput = {
    features: { multiModelRouter: true, streaming: true },
    featureOverrides: { agentType: { 'test-generator': { multiModelRouter: false, streaming: false }, 'coverage-analyzer': { streaming: false } } },
  };

  it('switches one agent type off while the others keep the features', () => {
    const f = flags(seed83);
    expect(f.snapshot({ agentType: 'test-generator' })).toEqual({ multiModelRouter: false, streaming: false });
    expect(f.snapshot({ agentType: 'coverage-analyzer' })).toEqual({ multiModelRouter: true, streaming: false });
    expect(f.snapshot({ agentType: 'security-scanner' })).toEqual({ multiModelRouter: true, streaming: true });
    expect(f.snapshot()).toEqual({ multiModelRouter: true, streaming: true });
    expect(f.explain('test-generator')).toEqual({ multiModelRouter: { value: false, source: 'agentOverride' }, streaming: { value: false, source: 'agentOverride' } });
    expect(f.explain('coverage-analyzer').multiModelRouter).toEqual({ value: true, source: 'config' });
  });

  it('an agent override can turn a feature on for one agent type only', () => {
    const f = flags({ featureOverrides: { agentType: { 'test-generator': { streaming: true } } } });
    expect(f.isEnabled('streaming', { agentType: 'test-generator' })).toBe(true);
    expect(f.isEnabled('streaming', { agentType: 'quality-gate' })).toBe(false);
  });

  it('env and runtime overrides are fleet-wide and beat agent overrides (immediate rollback turns everything off)', () => {
    const on = flags({ featureOverrides: { agentType: { 'test-generator': { streaming: true, multiModelRouter: true } } } }, { FEATURE_STREAMING: 'false' });
    expect(on.explain('test-generator').streaming).toEqual({ value: false, source: 'env' });
    expect(on.explain('test-generator').multiModelRouter).toEqual({ value: true, source: 'agentOverride' });
    on.setOverrides({ multiModelRouter: false, streaming: false });
    expect(on.snapshot({ agentType: 'test-generator' })).toEqual({ multiModelRouter: false, streaming: false });
    expect(on.explain('test-generator').multiModelRouter).toEqual({ value: false, source: 'override' });
  });
});

describe('FeatureFlags: subsystem switches (effective = flag AND routing.enabled / streaming.enabled)', () => {
  it('a switch that is off in config turns the flag off and explain names it', () => {
    const f = flags({ features: { multiModelRouter: true, streaming: true }, routing: { enabled: false }, streaming: { enabled: false } });
    expect(f.snapshot()).toEqual({ multiModelRouter: false, streaming: false });
    expect(f.explain().multiModelRouter).toEqual({ value: false, source: 'config', detail: 'routing.enabled is false' });
    expect(f.explain().streaming).toEqual({ value: false, source: 'config', detail: 'streaming.enabled is false' });
  });

  it('ROUTING_ENABLED / STREAMING_ENABLED in env are reported as the env source', () => {
    const f = flags({ features: { multiModelRouter: true, streaming: true } }, { ROUTING_ENABLED: 'false', STREAMING_ENABLED: '0' });
    expect(f.explain().multiModelRouter).toMatchObject({ value: false, source: 'env', detail: 'ROUTING_ENABLED is false' });
    expect(f.explain().streaming).toMatchObject({ value: false, source: 'env', detail: 'STREAMING_ENABLED is false' });
    const back = flags({ features: { streaming: true }, streaming: { enabled: false } }, { STREAMING_ENABLED: 'true' });
    expect(back.explain().streaming).toEqual({ value: true, source: 'config' });
  });

  it('a runtime override cannot turn on a subsystem that is switched off; an off flag reports its own source', () => {
    const f = flags({ routing: { enabled: false } });
    f.setOverrides({ multiModelRouter: true });
    expect(f.isEnabled('multiModelRouter')).toBe(false);
    expect(f.explain().multiModelRouter.source).toBe('config');
    expect(flags({ routing: { enabled: false } }).explain().multiModelRouter).toEqual({ value: false, source: 'default' });
  });

  it('the switches default to on, so the flag alone decides', () => {
    expect(flags({ features: { streaming: true } }).isEnabled('streaming')).toBe(true);
  });
});

describe('FeatureFlags: percentage rollout', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `task-${i}`);

  it('bucket is stable per key and spread over 0..99', () => {
    expect(rolloutBucket('task-42')).toBe(rolloutBucket('task-42'));
    const counts = new Array(100).fill(0);
    for (const id of ids) counts[rolloutBucket(id)]++;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
  });

  it.each([10, 25, 50])('a flag at %i%% is on for about that share of tasks, and always the same tasks', (percent) => {
    const f = flags({ features: { streaming: true, rollout: { streaming: percent } } });
    const on = ids.filter((id) => f.isEnabled('streaming', { key: id }));
    expect(on.length / ids.length).toBeGreaterThan(percent / 100 - 0.02);
    expect(on.length / ids.length).toBeLessThan(percent / 100 + 0.02);
    const again = flags({ features: { streaming: true, rollout: { streaming: percent } } });
    expect(ids.filter((id) => again.isEnabled('streaming', { key: id }))).toEqual(on);
  });

  it('raising the percentage keeps the tasks already on (10% -> 25% -> 50%)', () => {
    const at = (p: number) => new Set(ids.filter((id) => flags({ features: { streaming: true, rollout: { streaming: p } } }).isEnabled('streaming', { key: id })));
    const ten = at(10);
    const quarter = at(25);
    for (const id of ten) expect(quarter.has(id)).toBe(true);
  });

  it('0% is off for all, 100% on for all; a task with no key is not in a partial rollout', () => {
    expect(ids.some((id) => flags({ features: { streaming: true, rollout: { streaming: 0 } } }).isEnabled('streaming', { key: id }))).toBe(false);
    const full = flags({ features: { streaming: true, rollout: { streaming: 100 } } });
    expect(ids.every((id) => full.isEnabled('streaming', { key: id }))).toBe(true);
    const part = flags({ features: { streaming: true, rollout: { streaming: 30 } } });
    expect(part.isEnabled('streaming')).toBe(false);
    expect(part.explain().streaming).toMatchObject({ value: false, source: 'config', rollout: 30 });
  });

  it('env and runtime overrides are not subject to the rollout', () => {
    const env = flags({ features: { rollout: { streaming: 10 } } }, { FEATURE_STREAMING: 'true' });
    expect(ids.every((id) => env.isEnabled('streaming', { key: id }))).toBe(true);
    const off = flags({ features: { streaming: true, rollout: { streaming: 50 } } });
    off.setOverrides({ streaming: false });
    expect(ids.some((id) => off.isEnabled('streaming', { key: id }))).toBe(false);
  });
});

describe('FeatureFlags: changes', () => {
  it('updateConfig emits change with old and new values; snapshots taken before keep theirs', () => {
    const f = flags({ features: { streaming: true } });
    const before = f.snapshot({ key: 't1' });
    const events: FlagChangeEvent[] = [];
    f.on('change', (e: FlagChangeEvent) => events.push(e));
    f.updateConfig(createConfig({ features: { streaming: false } }));
    expect(events).toEqual([{ reason: 'config', changes: [{ flag: 'streaming', old: { value: true, source: 'config' }, new: { value: false, source: 'config' } }] }]);
    expect(before.streaming).toBe(true);
    expect(Object.isFrozen(before)).toBe(true);
    expect(f.snapshot().streaming).toBe(false);
  });

  it('setOverrides emits change with the caller; no event when nothing changes', () => {
    const f = flags();
    const events: FlagChangeEvent[] = [];
    f.on('change', (e: FlagChangeEvent) => events.push(e));
    f.setOverrides({ streaming: false });
    expect(events).toHaveLength(1); // source default -> override
    f.setOverrides({ streaming: false });
    expect(events).toHaveLength(1);
    f.setOverrides({ multiModelRouter: true }, { caller: 'ops@example' });
    expect(events[1]).toEqual({
      reason: 'override',
      caller: 'ops@example',
      changes: [{ flag: 'multiModelRouter', old: { value: false, source: 'default' }, new: { value: true, source: 'override' } }],
    });
  });

  it('reports per-agent changes that differ from the fleet-wide one', () => {
    const f = flags({ features: { streaming: true } });
    const events: FlagChangeEvent[] = [];
    f.on('change', (e: FlagChangeEvent) => events.push(e));
    f.updateConfig(createConfig({ features: { streaming: true }, featureOverrides: { agentType: { 'test-generator': { streaming: false } } } }));
    expect(events[0]!.changes).toEqual([
      { flag: 'streaming', agentType: 'test-generator', old: { value: true, source: 'config' }, new: { value: false, source: 'agentOverride' } },
    ]);
  });

  it('updateConfig takes a new env (e.g. after SIGHUP re-read .env)', () => {
    const f = flags({}, {});
    f.updateConfig(createConfig({}), { FEATURE_MULTI_MODEL_ROUTER: 'true' });
    expect(f.explain().multiModelRouter).toEqual({ value: true, source: 'env' });
    expect(() => f.updateConfig(createConfig({}), { FEATURE_STREAMING: 'maybe' })).toThrow(/FEATURE_STREAMING/);
  });
});
