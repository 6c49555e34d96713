// What the sandbox costs. (1) `aqe generate examples/calc` wall time with this build, interleaved with a
// baseline build when AQE_BASELINE_BIN names one (e.g. the bin/aqe.js of a checkout from before the sandbox);
// target: at most 1.3x. (2) Start-up of one sandboxed `node -e 0` (bubblewrap + permission model) against a plain
// spawn. Build first (npm run build). Prints one JSON object.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bwrapStatus, runSandboxed } from '../dist/sandbox/index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.AQE_BENCH_RUNS ?? 3);
const baseline = process.env.AQE_BASELINE_BIN;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function generate(bin) {
  const out = mkdtempSync(join(tmpdir(), 'aqe-bench-sbx-'));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'generate', join(repo, 'examples', 'calc'), '--out', out, '--json'], {
    cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp' },
  });
  const ms = performance.now() - t0;
  rmSync(out, { recursive: true, force: true });
  const totals = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}').totals;
  return { ms, status: r.status, passed: totals?.passed, failed: totals?.failed };
}

const current = [];
const before = [];
for (let i = 0; i < RUNS; i++) {
  if (baseline) before.push(generate(baseline));
  current.push(generate(join(repo, 'bin', 'aqe.js')));
}

async function startup(n) {
  const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-sbx-run-'));
  const sandboxed = [];
  const plain = [];
  try {
    for (let i = 0; i < n; i++) {
      let t0 = performance.now();
      await runSandboxed({ args: ['-e', '0'], runDir: dir, readPaths: [] }).done;
      sandboxed.push(performance.now() - t0);
      t0 = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      plain.push(performance.now() - t0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { sandboxedMs: +median(sandboxed).toFixed(1), plainMs: +median(plain).toFixed(1) };
}

const ms = (xs) => +median(xs.map((x) => x.ms)).toFixed(0);
const result = {
  command: `aqe generate examples/calc --out <tmp> --json (median of ${RUNS}${baseline ? ', interleaved with the baseline' : ''})`,
  layer: bwrapStatus().usable ? 'bwrap+permission' : 'permission',
  generateMs: ms(current),
  generateRuns: current,
  ...(baseline ? { baselineBin: baseline, baselineMs: ms(before), baselineRuns: before, ratio: +(ms(current) / ms(before)).toFixed(2), target: '<= 1.3' } : {}),
  startup: await startup(10),
};
process.stdout.write(JSON.stringify(result) + '\n');
