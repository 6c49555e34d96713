import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/aqe.js');
const EXAMPLE = readFileSync(join(ROOT, 'config/fleet.example.yaml'), 'utf8');

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'aqe-cli-config-'));
  dirs.push(d);
  return d;
}

/** Run the CLI with a clean environment (none of the developer's FEATURE_* or keys leak in). */
function aqe(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...opts.env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('aqe init', () => {
  it('writes config/fleet.yaml and .env.example, and never overwrites without --force', () => {
    const dir = tmp();
    const first = aqe(['init'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('wrote config/fleet.yaml');
    expect(first.stdout).toContain('wrote .env.example');
    expect(readFileSync(join(dir, 'config/fleet.yaml'), 'utf8')).toBe(EXAMPLE);
    const envExample = readFileSync(join(dir, '.env.example'), 'utf8');
    for (const name of [
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
      'AQE_CONFIG',
      'AQE_API_TOKEN',
    ]) {
      expect(envExample).toMatch(new RegExp(`^# ${name}=`, 'm'));
    }
    // sets nothing by default: every non-blank line is a comment, and init says so
    expect(envExample.split('\n').filter((l) => l.trim() && !l.startsWith('#'))).toEqual([]);
    expect(first.stdout).toContain('.env.example sets nothing: every line is commented out');

    writeFileSync(join(dir, 'config/fleet.yaml'), '# mine\n');
    const second = aqe(['init'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('skipped config/fleet.yaml (exists; use --force to overwrite)');
    expect(second.stdout).toContain('skipped .env.example');
    expect(readFileSync(join(dir, 'config/fleet.yaml'), 'utf8')).toBe('# mine\n');

    const forced = aqe(['init', '--force', '--json'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ written: ['config/fleet.yaml', '.env.example'], skipped: [] });
    expect(readFileSync(join(dir, 'config/fleet.yaml'), 'utf8')).toBe(EXAMPLE);
  });

  it('a .env copied from .env.example leaves the config file in charge', () => {
    const dir = tmp();
    expect(aqe(['init'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'config/fleet.yaml'), EXAMPLE.replace(/^features:\n(\s+)multiModelRouter: false/m, 'features:\n$1multiModelRouter: true'));
    const before = aqe(['flags', '--json'], { cwd: dir });
    copyFileSync(join(dir, '.env.example'), join(dir, '.env'));
    const after = aqe(['flags', '--json'], { cwd: dir });
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
    expect(JSON.parse(after.stdout).multiModelRouter.source).toBe('config');
  });

  it('--dir writes into another directory', () => {
    const cwd = tmp();
    const target = join(tmp(), 'project');
    expect(aqe(['init', '--dir', target], { cwd }).code).toBe(0);
    expect(existsSync(join(target, 'config/fleet.yaml'))).toBe(true);
    expect(existsSync(join(cwd, 'config'))).toBe(false);
  });

  it('a file named config where the folder goes is refused in words (path named, no stack)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'config'), 'not a folder');
    const r = aqe(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aqe: AQE_ERR_USAGE: cannot write config\/fleet\.yaml: a file is in the way of the folder config/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('aqe config validate on a directory', () => {
  it('exit 2 (missing input) with one problem naming the path, not a bare EISDIR', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'dir.yaml'));
    const r = aqe(['config', 'validate', 'dir.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dir.yaml: expected a config file, found a directory');
    expect(r.stderr).not.toContain('EISDIR');
  });
});

describe('aqe config validate', () => {
  it('the example is valid: exit 0 and a one-line summary', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config/fleet.yaml'), EXAMPLE);
    const r = aqe(['config', 'validate'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('config/fleet.yaml: valid (3 models, 3 enabled, default claude-sonnet-4.5; router off, streaming off)\n');
  });

  it('warns (exit 0) about a per-million price under costPer1kTokens, a retired model id and one the installed SDK deprecates', () => {
    const dir = tmp();
    const file = join(dir, 'seed-prices.yaml');
    // The seed's prices and ids, as configs written by earlier releases carry them.
    const seedText = EXAMPLE.replace('input: 0.003', 'input: 3.00').replace('output: 0.015', 'output: 15.00')
      .replace("'claude-opus-4-8'", "'claude-opus-4-20250514'").replace("'claude-sonnet-4-6'", "'claude-sonnet-4-5-20250929'").replace("'claude-haiku-4-5-20251001'", "'claude-haiku-4-20250110'");
    writeFileSync(file, seedText);
    const r = aqe(['config', 'validate', file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: valid \(/);
    const warnings = r.stderr.trim().split('\n');
    expect(warnings).toContainEqual(expect.stringMatching(/^warning: routing\.models\[1\]\.capabilities\.costPer1kTokens\.input \(line \d+\): \$3 per 1,000 tokens looks like a per-million price; the per-1k price is probably 0\.003/));
    expect(warnings).toContainEqual(expect.stringMatching(/^warning: routing\.models\[1\]\.capabilities\.costPer1kTokens\.output \(line \d+\): .*probably 0\.015/));
    expect(warnings).toContainEqual(expect.stringMatching(/^warning: routing\.models\[0\]\.model \(line \d+\): "claude-opus-4-20250514" is retired on 2026-06-15 \(requests to it fail\); use "claude-opus-4-8"/));
    expect(warnings).toContainEqual(expect.stringMatching(/^warning: routing\.models\[2\]\.model \(line \d+\): "claude-haiku-4-20250110" is not an Anthropic model id/));
    // The date comes from the SDK's own table (node_modules/@anthropic-ai/sdk/internal/data/deprecated-models.js).
    const sdkRoot = dirname(createRequire(import.meta.url).resolve('@anthropic-ai/sdk'));
    const { DEPRECATED_MODELS } = createRequire(import.meta.url)(join(sdkRoot, 'internal/data/deprecated-models.js'));
    const sonnet = (DEPRECATED_MODELS as Record<string, string>)['claude-sonnet-4-5-20250929'];
    const sdkVersion = JSON.parse(readFileSync(join(sdkRoot, 'package.json'), 'utf8')).version;
    if (sonnet) expect(warnings).toContainEqual(expect.stringContaining(`"claude-sonnet-4-5-20250929" is deprecated (per the installed @anthropic-ai/sdk ${sdkVersion}): end-of-life on ${sonnet}; move to "claude-sonnet-4-6"`));
    else expect(warnings.some((w) => w.includes('claude-sonnet-4-5-20250929'))).toBe(false);
    // The example config itself draws no warning.
    writeFileSync(join(dir, 'example.yaml'), EXAMPLE);
    expect(aqe(['config', 'validate', join(dir, 'example.yaml')], { cwd: dir }).stderr).toBe('');
  });

  it('costPerMTokens is accepted instead of costPer1kTokens, not both', () => {
    const dir = tmp();
    const ok = join(dir, 'per-m.yaml');
    writeFileSync(ok, EXAMPLE.replace(/costPer1kTokens:\n(\s+)input: 0\.003\n\s+output: 0\.015/, 'costPerMTokens:\n$1input: 3\n$1output: 15'));
    expect(aqe(['config', 'validate', ok], { cwd: dir }).code).toBe(0);
    const both = join(dir, 'both.yaml');
    writeFileSync(both, EXAMPLE.replace(/(costPer1kTokens:\n(\s+)input: 0\.003\n\s+output: 0\.015)/, '$1\n        costPerMTokens: { input: 3, output: 15 }'));
    const r = aqe(['config', 'validate', both], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/routing\.models\[1\]\.capabilities\.costPerMTokens \(line \d+\): expected exactly one of costPer1kTokens or costPerMTokens/);
  });

  it('a typo: exit 1 and one line with the field path, line, expected and found', () => {
    const dir = tmp();
    const file = join(dir, 'typo.yaml');
    const text = EXAMPLE.replace('alertThresholds:', 'alertThreshold:');
    writeFileSync(file, text);
    const line = text.slice(0, text.indexOf('alertThreshold:')).split('\n').length;
    const r = aqe(['config', 'validate', 'typo.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'typo.yaml: invalid (1 problem)',
      `routing.costTracking.alertThreshold (line ${line}): expected a known key (one of: enabled, budgetLimits, alertThresholds, enforce, preferCheaperUnderPressure, countSimulated), found unknown key "alertThreshold" (did you mean "alertThresholds"?)`,
    ]);
  });

  it('several problems, one line each; --json gives the same problems', () => {
    const dir = tmp();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, EXAMPLE.replace('min: 0.3', 'min: 0.5').replace('backpressureThreshold: 0.8', 'backpressureThreshold: 0'));
    const r = aqe(['config', 'validate', file], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').slice(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^routing\.models\[1\]\.complexityRange\.min \(line \d+\): expected enabled models' complexity ranges to cover 0\.\.1 with no gap, found a gap 0\.4\.\.0\.5/);
    expect(lines[1]).toMatch(/^streaming\.backpressureThreshold \(line \d+\): expected a number > 0 and <= 1, found 0$/);
    const j = aqe(['config', 'validate', file, '--json'], { cwd: dir });
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toEqual({ file: 'bad.yaml', valid: false, problems: lines, warnings: expect.any(Array) });
  });

  it('bad env values (also from .env) are errors naming the variable', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'fleet.yaml'), EXAMPLE);
    const r = aqe(['config', 'validate', 'fleet.yaml'], { cwd: dir, env: { FEATURE_STREAMING: 'yes-please', BUDGET_LIMIT_DAILY: '-3' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FEATURE_STREAMING: expected true|false|1|0, found "yes-please"\n');
    expect(r.stdout).toContain('BUDGET_LIMIT_DAILY: expected a number >= 0, found "-3"\n');
    writeFileSync(join(dir, '.env'), 'STREAMING_BACKPRESSURE_THRESHOLD=0\n');
    const viaDotEnv = aqe(['config', 'validate', 'fleet.yaml'], { cwd: dir });
    expect(viaDotEnv.code).toBe(1);
    expect(viaDotEnv.stdout).toContain('STREAMING_BACKPRESSURE_THRESHOLD: expected a number > 0 and <= 1, found "0"');
  });

  it('--config and AQE_CONFIG name the file; a missing file is reported', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'other.yaml'), EXAMPLE);
    expect(aqe(['--config', 'other.yaml', 'config', 'validate'], { cwd: dir }).stdout).toMatch(/^other\.yaml: valid/);
    expect(aqe(['config', 'validate'], { cwd: dir, env: { AQE_CONFIG: 'other.yaml' } }).stdout).toMatch(/^other\.yaml: valid/);
    const missing = aqe(['config', 'validate', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: expected a config file, found nothing');
  });

  it('npm run validate-config -- FILE works', () => {
    const dir = tmp();
    const file = join(dir, 'fleet.yaml');
    writeFileSync(file, EXAMPLE.replace("defaultModel: 'claude-sonnet-4.5'", "defaultModel: 'claude-haiku-3'"));
    const r = spawnSync('npm', ['run', '--silent', 'validate-config', '--', file], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/routing\.defaultModel \(line \d+\): expected the name of an enabled model .* found "claude-haiku-3", which is not in routing\.models/);
  });
});

describe('aqe flags', () => {
  it('--json: one object keyed by flag with value and source', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'fleet.yaml'), 'features:\n  multiModelRouter: true\n');
    const r = aqe(['--config', 'fleet.yaml', 'flags', '--json'], { cwd: dir, env: { FEATURE_STREAMING: 'true' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ multiModelRouter: { value: true, source: 'config' }, streaming: { value: true, source: 'env' } });
  });

  it('--agent applies featureOverrides.agentType; the table names the source', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'fleet.yaml'),
      'features:\n  multiModelRouter: true\n  streaming: true\nfeatureOverrides:\n  agentType:\n    test-generator:\n      streaming: false\nrouting:\n  enabled: false\n',
    );
    const j = aqe(['--config', 'fleet.yaml', 'flags', '--agent', 'test-generator', '--json'], { cwd: dir });
    expect(JSON.parse(j.stdout)).toEqual({
      multiModelRouter: { value: false, source: 'config', detail: 'routing.enabled is false' },
      streaming: { value: false, source: 'agentOverride' },
    });
    const t = aqe(['--config', 'fleet.yaml', 'flags', '--agent', 'test-generator'], { cwd: dir });
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^streaming\s+off\s+agentOverride$/m);
    expect(t.stdout).toMatch(/^multiModelRouter\s+off\s+config\s+routing\.enabled is false$/m);
  });

  it('with no config file: the embedded defaults, everything off', () => {
    const r = aqe(['flags', '--json'], { cwd: tmp() });
    expect(JSON.parse(r.stdout)).toEqual({ multiModelRouter: { value: false, source: 'default' }, streaming: { value: false, source: 'default' } });
  });

  it('a bad env value: exit 2 (environment error) naming the variable, no stack trace', () => {
    const r = aqe(['flags'], { cwd: tmp(), env: { FEATURE_MULTI_MODEL_ROUTER: 'yes-please' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FEATURE_MULTI_MODEL_ROUTER: expected true|false|1|0, found "yes-please"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
