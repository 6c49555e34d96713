import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { ConfigError, ErrorCodes } from '../../../src/errors.js';

const EXAMPLE = readFileSync(new URL('../../../config/fleet.example.yaml', import.meta.url), 'utf8');
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'aqe-load-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
function thrown(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads config/fleet.yaml relative to cwd', () => {
    const cwd = project({ 'config/fleet.yaml': EXAMPLE });
    const loaded = loadConfig({ cwd, env: {} });
    expect(loaded.path).toBe(join(cwd, 'config/fleet.yaml'));
    expect(loaded.config.fleet.id).toBe('aqe-fleet');
    expect(loaded.envApplied).toEqual([]);
  });

  it('uses the embedded defaults when no file is named and config/fleet.yaml does not exist', () => {
    const loaded = loadConfig({ cwd: project(), env: {} });
    expect(loaded.path).toBeUndefined();
    expect(loaded.config.routing.models.map((m) => m.name)).toEqual(['claude-opus-4', 'claude-sonnet-4.5', 'claude-haiku-4']);
    expect(loaded.config.features).toEqual({});
  });

  it('an explicitly named missing file is a ConfigError (not found)', () => {
    const cwd = project();
    const err = thrown(() => loadConfig({ cwd, env: {}, path: 'nope.yaml' }));
    expect(err.code).toBe(ErrorCodes.CONFIG_NOT_FOUND);
    expect(err.message).toContain('nope.yaml');
    expect(thrown(() => loadConfig({ cwd, env: { AQE_CONFIG: 'missing.yaml' } })).message).toContain('missing.yaml');
  });

  it('AQE_CONFIG names the file; opts.path wins over it', () => {
    const cwd = project({ 'a.yaml': "fleet:\n  id: 'from-a'\n", 'b.yaml': "fleet:\n  id: 'from-b'\n" });
    expect(loadConfig({ cwd, env: { AQE_CONFIG: 'a.yaml' } }).config.fleet.id).toBe('from-a');
    expect(loadConfig({ cwd, env: { AQE_CONFIG: 'a.yaml' }, path: 'b.yaml' }).config.fleet.id).toBe('from-b');
  });

  it('applies env vars over the file, and .env under the real environment', () => {
    const cwd = project({ 'config/fleet.yaml': EXAMPLE, '.env': 'BUDGET_LIMIT_DAILY=4\nSTREAMING_BUFFER_SIZE=64\nROUTING_ENABLED=true\n' });
    const loaded = loadConfig({ cwd, env: { STREAMING_BUFFER_SIZE: '128', AQE_API_TOKEN: 'token-abcdef' } });
    expect(loaded.config.routing.costTracking.budgetLimits.daily).toBe(4);
    expect(loaded.config.streaming.bufferSize).toBe(128);
    expect(loaded.config.routing.enabled).toBe(true);
    expect(loaded.config.api.token).toBe('token-abcdef');
    expect(loaded.env.BUDGET_LIMIT_DAILY).toBe('4');
    expect(loaded.envApplied.sort()).toEqual(['AQE_API_TOKEN', 'BUDGET_LIMIT_DAILY', 'ROUTING_ENABLED', 'STREAMING_BUFFER_SIZE']);
  });

  it('envFile: false reads no .env', () => {
    const cwd = project({ '.env': 'BUDGET_LIMIT_DAILY=4\n' });
    expect(loadConfig({ cwd, env: {}, envFile: false }).config.routing.costTracking.budgetLimits.daily).toBe(10);
  });

  it('a bad env value (also from .env) is an error naming the variable', () => {
    const cwd = project({ '.env': 'FEATURE_STREAMING=yes-please\n' });
    const err = thrown(() => loadConfig({ cwd, env: { BUDGET_LIMIT_DAILY: '-3' } }));
    expect(err.code).toBe(ErrorCodes.ENV_INVALID);
    expect(err.problems).toEqual(['FEATURE_STREAMING: expected true|false|1|0, found "yes-please"', 'BUDGET_LIMIT_DAILY: expected a number >= 0, found "-3"']);
  });

  it('an invalid file is a ConfigError with one problem per line', () => {
    const cwd = project({ 'config/fleet.yaml': EXAMPLE.replace('budgetLimits:', 'budgetLimts:').replace('backpressureThreshold: 0.8', 'backpressureThreshold: 0') });
    const err = thrown(() => loadConfig({ cwd, env: {} }));
    expect(err.code).toBe(ErrorCodes.CONFIG_INVALID);
    expect(err.message).toBe('invalid config (config/fleet.yaml): 2 problems');
    expect(err.problems).toHaveLength(2);
    expect(err.problems[0]).toMatch(/^routing\.costTracking\.budgetLimts \(line \d+\): /);
  });

  it('a partial file (the seed\'s fleet.beta.yaml shape) gets the seed models', () => {
    const beta = 'features:\n  multiModelRouter: true\n  streaming: true\nrouting:\n  enabled: true\n  costTracking:\n    budgetLimits:\n      daily: 5.00\n      monthly: 100.00\n';
    const loaded = loadConfig({ cwd: project({ 'config/fleet.yaml': beta }), env: {} });
    expect(loaded.config.routing.models).toHaveLength(3);
    expect(loaded.config.routing.costTracking.budgetLimits).toEqual({ daily: 5, monthly: 100 });
  });
});
