import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { defaultNewConfigPath, migrateConfigFile } from '../../../src/config/migrate.js';
import { ConfigError } from '../../../src/errors.js';

const FIXTURES = new URL('../../fixtures/migration/', import.meta.url).pathname;
const KEY = 'sk-ant-api03-FIXTUREKEYdoNotUse0123456789';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp project with config/fleet.yaml copied from a fixture. */
function project(fixture = 'fleet.v1.0.4.yaml'): string {
  const d = mkdtempSync(join(tmpdir(), 'aqe-migrate-'));
  dirs.push(d);
  mkdirSync(join(d, 'config'));
  cpSync(join(FIXTURES, fixture), join(d, 'config', 'fleet.yaml'));
  return d;
}

describe('migrateConfigFile', () => {
  it('writes config/fleet.v1.0.5.yaml next to the old file by default, and never modifies OLD', () => {
    const cwd = project();
    const before = readFileSync(join(cwd, 'config/fleet.yaml'), 'utf8');
    const r = migrateConfigFile({ cwd });
    expect(r).toMatchObject({ status: 'migrated', written: true, oldPath: 'config/fleet.yaml', newPath: 'config/fleet.v1.0.5.yaml' });
    expect(readFileSync(join(cwd, 'config/fleet.yaml'), 'utf8')).toBe(before);
    const text = readFileSync(join(cwd, 'config/fleet.v1.0.5.yaml'), 'utf8');
    expect(text).not.toContain(KEY);
    expect(JSON.stringify(r)).not.toContain(KEY);
    // The fleet's own loader accepts it, with features off and routing disabled.
    const { config } = loadConfig({ path: 'config/fleet.v1.0.5.yaml', cwd, env: {} });
    expect(config.features).toMatchObject({ multiModelRouter: false, streaming: false });
    expect(config.routing).toMatchObject({ enabled: false, defaultModel: 'claude-sonnet-4.5' });
    expect(config.routing.costTracking).toMatchObject({ enabled: false, budgetLimits: { daily: 100, monthly: 2000 } });
    expect(config.fleet.id).toBe('qa-fleet');
  });

  it('does not overwrite an existing NEW without force; an identical NEW is reported as up to date', () => {
    const cwd = project();
    writeFileSync(join(cwd, 'config/fleet.v1.0.5.yaml'), 'something else\n');
    expect(() => migrateConfigFile({ cwd })).toThrow(/already exists; pass --force/);
    expect(readFileSync(join(cwd, 'config/fleet.v1.0.5.yaml'), 'utf8')).toBe('something else\n');
    expect(migrateConfigFile({ cwd, force: true }).written).toBe(true);
    const again = migrateConfigFile({ cwd });
    expect(again).toMatchObject({ status: 'current', written: false });
  });

  it('leaves an already-v1.0.5 file alone', () => {
    const cwd = project('fleet.v1.0.5.yaml');
    const r = migrateConfigFile({ cwd });
    expect(r).toMatchObject({ status: 'current', written: false });
    expect(r.notes[0]).toMatch(/already a v1.0.5 config/);
    expect(existsSync(join(cwd, 'config/fleet.v1.0.5.yaml'))).toBe(false);
  });

  it('dry run returns a redacted diff and writes nothing', () => {
    const cwd = project();
    const r = migrateConfigFile({ cwd, dryRun: true });
    expect(r.status).toBe('dry-run');
    expect(r.diff).toContain('--- a/config/fleet.yaml');
    expect(r.diff).toContain('+++ b/config/fleet.v1.0.5.yaml');
    expect(r.diff).toContain('-  apiKey: [REDACTED]');
    expect(r.diff).toContain('+features:');
    expect(r.diff).not.toContain(KEY);
    expect(existsSync(join(cwd, 'config/fleet.v1.0.5.yaml'))).toBe(false);
  });

  it('refuses unknown top-level sections by name (nothing written) unless asked to comment them out', () => {
    const cwd = project('fleet.v1.0.4-unknown.yaml');
    expect(() => migrateConfigFile({ cwd })).toThrow(/sections that v1.0.5 does not know: telemetry, plugins.*nothing written/);
    expect(existsSync(join(cwd, 'config/fleet.v1.0.5.yaml'))).toBe(false);
    const dry = migrateConfigFile({ cwd, dryRun: true });
    expect(dry.problems[0]).toMatch(/telemetry, plugins/);
    expect(migrateConfigFile({ cwd, commentUnknown: true }).written).toBe(true);
  });

  it('refuses a migrated config that fails validation, naming the field', () => {
    const cwd = project();
    let err: unknown;
    try {
      migrateConfigFile({ cwd, defaultModel: 'gpt-17' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.join('\n')).toContain('routing.defaultModel');
    expect(existsSync(join(cwd, 'config/fleet.v1.0.5.yaml'))).toBe(false);
  });

  it('refuses OLD == NEW, a missing OLD, non-YAML and non-fleet files', () => {
    const cwd = project();
    expect(() => migrateConfigFile({ cwd, newPath: 'config/fleet.yaml' })).toThrow(/same file/);
    expect(() => migrateConfigFile({ cwd, oldPath: 'nope.yaml' })).toThrow(/nope.yaml not found/);
    cpSync(join(FIXTURES, 'not-yaml.yaml'), join(cwd, 'bad.yaml'));
    expect(() => migrateConfigFile({ cwd, oldPath: 'bad.yaml' })).toThrow(/bad.yaml is not valid YAML/);
    cpSync(join(FIXTURES, 'not-a-fleet.yaml'), join(cwd, 'pkg.yaml'));
    expect(() => migrateConfigFile({ cwd, oldPath: 'pkg.yaml' })).toThrow(/pkg.yaml is not a fleet config/);
    expect(existsSync(join(cwd, 'bad.v1.0.5.yaml')) || existsSync(join(cwd, 'pkg.v1.0.5.yaml'))).toBe(false);
  });

  it('derives NEW from OLD', () => {
    expect(defaultNewConfigPath('config/fleet.yaml')).toBe('config/fleet.v1.0.5.yaml');
    expect(defaultNewConfigPath('ops/prod.yml')).toBe('ops/prod.v1.0.5.yml');
  });
});
