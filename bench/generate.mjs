// Offline test generation on the example project and on real npm packages of pure functions.
// Build first (npm run build). Packages are installed from the registry into a temp dir outside the repo
// (or AQE_BENCH_PKGS=<dir> reuses a prefix that has them). Prints one JSON object.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { findModules } from '../dist/agents/test-generator/discover.js';
import { generateForModule } from '../dist/agents/test-generator/pipeline.js';
import { runTestFile } from '../dist/agents/test-generator/runner.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['ms@2', 'escape-html@1', 'camelcase@8', 'is-number@7', 'decamelize@6', 'leven@4'];
const RUNS = 3;

const prefix = process.env.AQE_BENCH_PKGS ?? mkdtempSync(join(tmpdir(), 'aqe-bench-pkgs-'));
const names = PACKAGES.map((p) => p.replace(/@[^@]*$/, ''));
if (!names.every((n) => existsSync(join(prefix, 'node_modules', n, 'package.json')))) {
  const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--silent', ...PACKAGES], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stdout.write(JSON.stringify({ error: `npm install failed: ${r.stderr.slice(-500)}` }) + '\n');
    process.exit(1);
  }
}

const targets = [
  ...findModules(join(repo, 'examples', 'calc', 'src')).map((f) => ({ group: 'examples/calc', file: f })),
  ...names.map((n) => ({ group: n, file: join(prefix, 'node_modules', n, 'index.js') })),
];

const out = mkdtempSync(join(tmpdir(), 'aqe-bench-out-'));
const modules = [];
for (const t of targets) {
  const outDir = join(out, t.group.replace(/\W/g, '_'));
  mkdirSync(outDir, { recursive: true });
  const t0 = performance.now();
  const report = await generateForModule(t.file, { outDir, run: false });
  const generateMs = performance.now() - t0;
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await runTestFile(report.testFile, 'vitest', outDir);
    runs.push({ tests: r.tests, passed: r.passed, failed: r.failed, ms: Math.round(r.durationMs), failures: r.failures.slice(0, 3) });
  }
  const first = runs[0];
  modules.push({
    group: t.group,
    module: relative(t.group === 'examples/calc' ? repo : join(prefix, 'node_modules'), t.file),
    tests: first.tests,
    passedFirstRun: first.passed,
    failedFirstRun: first.failed,
    flaky: runs.some((r) => r.passed !== first.passed || r.failed !== first.failed),
    lineCoverage: report.lineCoverageAfter,
    branchCoverage: report.branchCoverageAfter,
    generateMs: Math.round(generateMs),
    runMs: first.ms,
    totalMs: Math.round(generateMs + first.ms),
    ...(first.failures.length ? { failures: first.failures } : {}),
  });
  process.stderr.write(`${t.group} ${relative(repo, t.file)}: ${first.passed}/${first.tests} passed, lines ${report.lineCoverageAfter}%, ${Math.round(generateMs)} ms + run ${first.ms} ms\n`);
}
rmSync(out, { recursive: true, force: true });
if (!process.env.AQE_BENCH_PKGS) rmSync(prefix, { recursive: true, force: true });

const sum = (k) => modules.reduce((s, m) => s + (m[k] ?? 0), 0);
const tests = sum('tests');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};
process.stdout.write(
  JSON.stringify({
    bench: 'generate',
    modules,
    totals: {
      modules: modules.length,
      tests,
      passedFirstRun: sum('passedFirstRun'),
      passRateFirstRun: tests ? Math.round((sum('passedFirstRun') / tests) * 10000) / 100 : 0,
      flakyModules: modules.filter((m) => m.flaky).length,
      runsPerModule: RUNS,
      meanLineCoverage: Math.round((sum('lineCoverage') / modules.length) * 10) / 10,
      minLineCoverage: Math.min(...modules.map((m) => m.lineCoverage ?? 0)),
      medianGenerateMs: median(modules.map((m) => m.generateMs)),
      medianTotalMs: median(modules.map((m) => m.totalMs)),
      maxGenerateMs: Math.max(...modules.map((m) => m.generateMs)),
    },
    targets: { passRateFirstRun: '>= 95', flakyModules: 0, lineCoverage: '>= 80 on pure-function modules', perModuleMs: '< 2000' },
  }) + '\n',
);
