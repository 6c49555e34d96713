import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedConfig } from '../../../src/config/load.js';
import { ConfigWatcher, type WatchLogger } from '../../../src/config/watch.js';
import { ConfigError } from '../../../src/errors.js';
import { FeatureFlags } from '../../../src/flags/FeatureFlags.js';

const EXAMPLE = readFileSync(new URL('../../../config/fleet.example.yaml', import.meta.url), 'utf8');
const withFeatures = (on: boolean) =>
  EXAMPLE.replace(/features:\n {2}multiModelRouter: false\n {2}streaming: false/, `features:\n  multiModelRouter: ${on}\n  streaming: ${on}`)
    .replace('routing:\n  enabled: false', 'routing:\n  enabled: true')
    .replace('streaming:\n  enabled: false', 'streaming:\n  enabled: true');

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(text: string, env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'aqe-watch-'));
  const path = join(dir, 'fleet.yaml');
  writeFileSync(path, text);
  const logged: Array<{ obj: object; msg?: string }> = [];
  const logger: WatchLogger = { info: () => {}, error: (obj, msg) => logged.push({ obj, msg }) };
  const watcher = new ConfigWatcher({ path, env, cwd: dir, debounceMs: 50, logger });
  cleanups.push(() => {
    watcher.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, path, watcher, logged };
}

function next<T>(emitter: ConfigWatcher, event: 'reload' | 'error'): Promise<T> {
  return new Promise((resolve) => emitter.once(event, resolve));
}

describe('ConfigWatcher', () => {
  it('an edit on disk emits reload with the new flags, and FeatureFlags follows', async () => {
    const { path, watcher } = setup(withFeatures(false));
    const first = watcher.reload()!;
    const flags = new FeatureFlags(first.config, { env: first.env });
    expect(flags.snapshot()).toEqual({ multiModelRouter: false, streaming: false });
    watcher.on('reload', (l: LoadedConfig) => flags.updateConfig(l.config, l.env));
    watcher.start();

    const reloaded = next<LoadedConfig>(watcher, 'reload');
    writeFileSync(path, withFeatures(true));
    const loaded = await reloaded;
    expect(loaded.config.features).toMatchObject({ multiModelRouter: true, streaming: true });
    expect(flags.snapshot()).toEqual({ multiModelRouter: true, streaming: true });
    expect(watcher.current).toBe(loaded);
  });

  it('sees an editor-style save (write a temp file, rename over the config)', async () => {
    const { dir, path, watcher } = setup(withFeatures(false));
    watcher.start();
    const reloaded = next<LoadedConfig>(watcher, 'reload');
    writeFileSync(join(dir, '.fleet.yaml.swp'), withFeatures(true));
    renameSync(join(dir, '.fleet.yaml.swp'), path);
    expect((await reloaded).config.features.streaming).toBe(true);
  });

  it('an invalid edit is refused: error event and log naming the problem, last good config kept', async () => {
    const { path, watcher, logged } = setup(withFeatures(true));
    const good = watcher.reload()!;
    watcher.start();
    const failed = next<ConfigError>(watcher, 'error');
    writeFileSync(path, withFeatures(false).replace('backpressureThreshold: 0.8', 'backpressureThreshold: 0'));
    const err = await failed;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/^invalid config \(.*fleet\.yaml\): 1 problem: streaming\.backpressureThreshold \(line \d+\)/);
    expect(err.problems).toEqual([expect.stringMatching(/^streaming\.backpressureThreshold \(line \d+\): expected a number > 0 and <= 1, found 0$/)]);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.msg).toContain('streaming.backpressureThreshold');
    expect(logged[0]!.msg).toContain('keeping the last good config');
    expect(watcher.current).toBe(good);
    expect(watcher.current!.config.features.streaming).toBe(true);
  });

  it('an invalid edit with no error listener is logged, not thrown', () => {
    const { path, watcher, logged } = setup(withFeatures(true));
    writeFileSync(path, 'fleet:\n  idd: x\n');
    expect(watcher.reload()).toBeUndefined();
    expect(logged[0]!.msg).toContain('fleet.idd');
  });

  it('handleSighup re-reads the config file and the .env file', () => {
    const { dir, path, watcher } = setup(withFeatures(false));
    expect(watcher.handleSighup()!.env.FEATURE_STREAMING).toBeUndefined();
    writeFileSync(join(dir, '.env'), 'FEATURE_STREAMING=true\nBUDGET_LIMIT_DAILY=3\n');
    writeFileSync(path, withFeatures(false).replace('bufferSize: 1024', 'bufferSize: 512'));
    const loaded = watcher.handleSighup()!;
    expect(loaded.config.streaming.bufferSize).toBe(512);
    expect(loaded.config.routing.costTracking.budgetLimits.daily).toBe(3);
    expect(new FeatureFlags(loaded.config, { env: loaded.env }).explain().streaming).toEqual({ value: true, source: 'env' });
  });

  it('a bad value in .env on SIGHUP is refused naming the variable', () => {
    const { dir, watcher, logged } = setup(withFeatures(false));
    const good = watcher.handleSighup();
    writeFileSync(join(dir, '.env'), 'STREAMING_TIMEOUT_MS=soon\n');
    expect(watcher.handleSighup()).toBeUndefined();
    expect(logged[0]!.msg).toContain('STREAMING_TIMEOUT_MS: expected an integer >= 1, found "soon"');
    expect(watcher.current).toBe(good);
  });

  it('debounces a burst of writes into one reload', async () => {
    const { path, watcher } = setup(withFeatures(false));
    let reloads = 0;
    watcher.on('reload', () => reloads++);
    watcher.start();
    const done = next<LoadedConfig>(watcher, 'reload');
    for (let i = 0; i < 5; i++) writeFileSync(path, withFeatures(i % 2 === 0));
    const last = await done;
    await new Promise((r) => setTimeout(r, 200));
    expect(reloads).toBe(1);
    expect(last.config.features.streaming).toBe(true);
  });

  it('start({ handleSignals }) wires SIGHUP and stop() removes it', () => {
    const { watcher } = setup(withFeatures(false));
    const w = new ConfigWatcher({ path: (watcher as unknown as { path: string }).path, env: {}, handleSignals: true, logger: { info: () => {}, error: () => {} } });
    const before = process.listenerCount('SIGHUP');
    w.start();
    expect(process.listenerCount('SIGHUP')).toBe(before + 1);
    w.stop();
    expect(process.listenerCount('SIGHUP')).toBe(before);
  });

  it('start() on a directory that does not exist is a ConfigError', () => {
    const w = new ConfigWatcher({ path: join(tmpdir(), 'aqe-no-such-dir-' + process.pid, 'fleet.yaml'), env: {} });
    expect(() => w.start()).toThrow(/cannot watch/);
  });
});
