// Config and feature flags: flag evaluation per task (in memory, no I/O), config load+validate time, and the
// hot-reload latency from a write on disk to the watcher's 'reload' event (issue 2: new tasks see new flags
// within 1 s).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { createConfig } from '../dist/config/defaults.js';
import { loadConfig } from '../dist/config/load.js';
import { ConfigWatcher } from '../dist/config/watch.js';
import { FeatureFlags } from '../dist/flags/FeatureFlags.js';

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

const flags = new FeatureFlags(
  createConfig({
    features: { multiModelRouter: true, streaming: true, rollout: { streaming: 25 } },
    featureOverrides: { agentType: { 'test-generator': { streaming: false } } },
  }),
  { env: {} },
);
const agentTypes = ['test-generator', 'coverage-analyzer', 'security-scanner', undefined];
const N = 1_000_000;
let on = 0;
for (let i = 0; i < 10_000; i++) flags.snapshot({ agentType: agentTypes[i & 3], key: `warm-${i}` });
let t0 = performance.now();
for (let i = 0; i < N; i++) if (flags.isEnabled('streaming', { agentType: agentTypes[i & 3], key: `task-${i}` })) on++;
const isEnabledNs = ((performance.now() - t0) * 1e6) / N;
t0 = performance.now();
for (let i = 0; i < N; i++) flags.snapshot({ agentType: agentTypes[i & 3], key: `task-${i}` });
const snapshotNs = ((performance.now() - t0) * 1e6) / N;

const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-config-'));
const path = join(dir, 'fleet.yaml');
const example = readFileSync(new URL('../config/fleet.example.yaml', import.meta.url), 'utf8');
writeFileSync(path, example);
const loads = [];
for (let i = 0; i < 200; i++) {
  const s = performance.now();
  loadConfig({ path, env: {}, cwd: dir });
  loads.push(performance.now() - s);
}

// The watcher neither keeps the process alive (an `aqe run` must exit when its tasks are done) nor do we here.
const keepAlive = setInterval(() => {}, 1000);
const watcher = new ConfigWatcher({ path, env: {}, cwd: dir, debounceMs: 100, logger: { info() {}, error() {} } }).start();
const reloadMs = [];
for (let i = 0; i < 20; i++) {
  const streamingOn = i % 2 === 0;
  const seen = new Promise((resolve) => watcher.once('reload', resolve));
  const s = performance.now();
  writeFileSync(path, example.replace('  streaming: false', `  streaming: ${streamingOn}`));
  const loaded = await seen;
  reloadMs.push(performance.now() - s);
  if (loaded.config.features.streaming !== streamingOn) throw new Error('reload returned the wrong config');
  await new Promise((r) => setTimeout(r, 150));
}
watcher.stop();
clearInterval(keepAlive);
rmSync(dir, { recursive: true, force: true });

process.stdout.write(
  JSON.stringify({
    flags: { isEnabledNsPerCall: round(isEnabledNs, 1), snapshotNsPerTask: round(snapshotNs, 1), rolloutShareOn: round(on / N, 4) },
    configLoadMs: { p50: round(pct(loads, 50)), p99: round(pct(loads, 99)) },
    hotReloadMs: { debounceMs: 100, p50: round(pct(reloadMs, 50)), max: round(Math.max(...reloadMs)), targetMs: 1000 },
  }) + '\n',
);
