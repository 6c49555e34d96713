import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENV_VARS, loadDotEnv, parseEnv } from '../../../src/config/env.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'aqe-env-'));
  dirs.push(d);
  return d;
}

describe('parseEnv: booleans', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['1', true],
    ['false', false],
    ['FALSE', false],
    ['0', false],
    [' false ', false],
  ])('FEATURE_STREAMING=%j is %s', (raw, value) => {
    const r = parseEnv({ FEATURE_STREAMING: raw });
    expect(r.problems).toEqual([]);
    expect(r.features.streaming).toBe(value);
  });

  it.each(['yes-please', 'yes', 'on', 'off', '2', 'no', 't'])('refuses FEATURE_STREAMING=%j naming the variable', (raw) => {
    const r = parseEnv({ FEATURE_STREAMING: raw });
    expect(r.problems).toEqual([`FEATURE_STREAMING: expected true|false|1|0, found ${JSON.stringify(raw)}`]);
    expect(r.features.streaming).toBeUndefined();
  });

  it('FEATURE_* go to the flag layer, not to config fields; switches go to config fields', () => {
    const r = parseEnv({ FEATURE_MULTI_MODEL_ROUTER: '1', ROUTING_ENABLED: '0', STREAMING_ENABLED: 'true', COST_TRACKING_ENABLED: 'false' });
    expect(r.features).toEqual({ multiModelRouter: true });
    expect(r.overrides).toEqual([
      { name: 'ROUTING_ENABLED', path: ['routing', 'enabled'], value: false },
      { name: 'COST_TRACKING_ENABLED', path: ['routing', 'costTracking', 'enabled'], value: false },
      { name: 'STREAMING_ENABLED', path: ['streaming', 'enabled'], value: true },
    ]);
  });
});

describe('parseEnv: numbers and strings', () => {
  it('parses every numeric variable of the seed', () => {
    const r = parseEnv({
      BUDGET_LIMIT_DAILY: '10.00',
      BUDGET_LIMIT_MONTHLY: '200',
      STREAMING_BUFFER_SIZE: '1024',
      STREAMING_BACKPRESSURE_THRESHOLD: '0.8',
      STREAMING_TIMEOUT_MS: '30000',
      ROUTING_DEFAULT_MODEL: 'claude-haiku-4',
      AQE_API_TOKEN: 'tok-123456',
    });
    expect(r.problems).toEqual([]);
    expect(Object.fromEntries(r.overrides.map((o) => [o.name, o.value]))).toEqual({
      BUDGET_LIMIT_DAILY: 10,
      BUDGET_LIMIT_MONTHLY: 200,
      STREAMING_BUFFER_SIZE: 1024,
      STREAMING_BACKPRESSURE_THRESHOLD: 0.8,
      STREAMING_TIMEOUT_MS: 30000,
      ROUTING_DEFAULT_MODEL: 'claude-haiku-4',
      AQE_API_TOKEN: 'tok-123456',
    });
  });

  it.each([
    ['BUDGET_LIMIT_DAILY', '-3', 'expected a number >= 0, found "-3"'],
    ['BUDGET_LIMIT_MONTHLY', 'lots', 'expected a number >= 0, found "lots"'],
    ['BUDGET_LIMIT_DAILY', '0x10', 'expected a number >= 0, found "0x10"'],
    ['STREAMING_BACKPRESSURE_THRESHOLD', '0', 'expected a number > 0 and <= 1, found "0"'],
    ['STREAMING_BACKPRESSURE_THRESHOLD', '1.5', 'expected a number > 0 and <= 1, found "1.5"'],
    ['STREAMING_BUFFER_SIZE', '1.5', 'expected an integer >= 1, found "1.5"'],
    ['STREAMING_BUFFER_SIZE', '0', 'expected an integer >= 1, found "0"'],
    ['STREAMING_TIMEOUT_MS', '30s', 'expected an integer >= 1, found "30s"'],
    ['ROUTING_ENABLED', 'enabled', 'expected true|false|1|0, found "enabled"'],
  ])('%s=%s is refused naming the variable', (name, raw, msg) => {
    expect(parseEnv({ [name]: raw }).problems).toEqual([`${name}: ${msg}`]);
  });

  it('accepts the bounds themselves', () => {
    expect(parseEnv({ BUDGET_LIMIT_DAILY: '0', STREAMING_BACKPRESSURE_THRESHOLD: '1' }).problems).toEqual([]);
  });

  it('treats a blank value as unset', () => {
    const r = parseEnv({ FEATURE_STREAMING: '', BUDGET_LIMIT_DAILY: '  ', ANTHROPIC_API_KEY: '' });
    expect(r).toEqual({ overrides: [], features: {}, problems: [] });
  });

  it('lists every variable of the seed section 2.1', () => {
    const names = ENV_VARS.map((v) => v.name);
    for (const n of [
      'FEATURE_MULTI_MODEL_ROUTER',
      'FEATURE_STREAMING',
      'ROUTING_ENABLED',
      'ROUTING_DEFAULT_MODEL',
      'ANTHROPIC_API_KEY',
      'COST_TRACKING_ENABLED',
      'BUDGET_LIMIT_DAILY',
      'BUDGET_LIMIT_MONTHLY',
      'STREAMING_ENABLED',
      'STREAMING_BUFFER_SIZE',
      'STREAMING_BACKPRESSURE_THRESHOLD',
      'STREAMING_TIMEOUT_MS',
    ]) {
      expect(names).toContain(n);
    }
  });
});

describe('loadDotEnv', () => {
  it('fills in variables from .env without overriding the given environment', () => {
    const dir = tmp();
    writeFileSync(join(dir, '.env'), 'FEATURE_STREAMING=true\nBUDGET_LIMIT_DAILY=5\n# comment\n');
    const base = { BUDGET_LIMIT_DAILY: '7' };
    const r = loadDotEnv({ cwd: dir, env: base });
    expect(r.env.FEATURE_STREAMING).toBe('true');
    expect(r.env.BUDGET_LIMIT_DAILY).toBe('7');
    expect(r.fromFile).toEqual(['FEATURE_STREAMING']);
    expect(base).toEqual({ BUDGET_LIMIT_DAILY: '7' });
  });

  it('with no .env returns the environment unchanged', () => {
    const r = loadDotEnv({ cwd: tmp(), env: { A: '1' } });
    expect(r.env).toEqual({ A: '1' });
    expect(r.file).toBeUndefined();
  });

  it('on process.env, a re-read replaces and removes what an earlier read put there, never real variables', () => {
    const dir = tmp();
    const own = 'AQE_TEST_DOTENV_OWN_' + process.pid;
    const real = 'AQE_TEST_DOTENV_REAL_' + process.pid;
    process.env[real] = 'from-shell';
    try {
      writeFileSync(join(dir, '.env'), `${own}=one\n${real}=from-file\n`);
      loadDotEnv({ cwd: dir });
      expect(process.env[own]).toBe('one');
      expect(process.env[real]).toBe('from-shell');
      writeFileSync(join(dir, '.env'), `${own}=two\n`);
      loadDotEnv({ cwd: dir });
      expect(process.env[own]).toBe('two');
      writeFileSync(join(dir, '.env'), '');
      loadDotEnv({ cwd: dir });
      expect(process.env[own]).toBeUndefined();
      expect(process.env[real]).toBe('from-shell');
    } finally {
      delete process.env[own];
      delete process.env[real];
    }
  });
});
