// Offline test generation judged by mutation score, on examples/calc and on real npm packages.
// Build first (npm run build). Packages are installed from the npm registry by the bench itself into bench/.packages
// (git-ignored, reused by later runs; AQE_BENCH_PKGS=<dir> names another prefix). `--only a,b` (or AQE_BENCH_ONLY=a,b)
// limits the run to those packages ('calc' is examples/calc); `--keep` leaves the generated tests; `--concurrency N` is StrykerJS's (default 1: the machine is shared).
// Per package: the modules tested are its public entries from package.json (packageEntries), plus the file where
// the code lives when the entry only re-exports (semver). Prints one JSON object on stdout, progress on stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { findModules, packageEntries } from '../dist/agents/test-generator/discover.js';
import { runMutation, totalMutation } from '../dist/agents/test-generator/mutation.js';
import { generateForModule } from '../dist/agents/test-generator/pipeline.js';
import { minimizedText } from '../dist/agents/test-generator/select.js';
import { runTestFile } from '../dist/agents/test-generator/runner.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
// kind: what the package exercises; tuned: whether the generator was tuned while looking at it (the others are held out)
const PACKAGES = [
  { spec: 'dequal@2.0.3', kind: 'pure function, ESM/CJS dist pair', tuned: true },
  { spec: 'mitt@3.0.1', kind: 'factory returning an object with methods, minified dist', tuned: true },
  { spec: 'p-limit@6.2.0', kind: 'async, function-valued result with state', tuned: true },
  { spec: 'nanoid@5.1.5', kind: 'nondeterministic output', tuned: true },
  { spec: 'klona@2.0.6', kind: 'deep clone, several subpath exports', tuned: false },
  { spec: 'decamelize@6.0.0', kind: 'string function with options object, ESM', tuned: false },
  { spec: 'semver@7.7.1', kind: 'CommonJS class', tuned: false, extra: ['classes/semver.js'] },
  { spec: 'ms@2.1.3', kind: 'CommonJS function-valued module.exports, options', tuned: false },
  { spec: 'escape-html@1.0.3', kind: 'CommonJS string function', tuned: false },
  { spec: 'leven@4.0.0', kind: 'ESM pure function', tuned: false },
];
const RUNS = 3;
const argValue = (flag) => {
  const i = process.argv.indexOf(flag);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (!v || v.startsWith('--')) {
    process.stderr.write(`bench/generate: ${flag} needs a value\n`);
    process.exit(2);
  }
  return v;
};
const nameOf = (spec) => spec.replace(/@[^@]*$/, '');
const only = (argValue('--only') ?? process.env.AQE_BENCH_ONLY)?.split(',').filter(Boolean);
const unknown = (only ?? []).filter((n) => n !== 'calc' && !PACKAGES.some((p) => nameOf(p.spec) === n));
if (unknown.length) {
  process.stderr.write(`bench/generate: --only: unknown package ${unknown.join(', ')} (known: calc, ${PACKAGES.map((p) => nameOf(p.spec)).join(', ')})\n`);
  process.exit(2);
}
const concurrency = Number(argValue('--concurrency') ?? 1);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  process.stderr.write('bench/generate: --concurrency must be a positive integer\n');
  process.exit(2);
}
const packages = PACKAGES.filter((p) => !only || only.includes(nameOf(p.spec)));

const prefix = process.env.AQE_BENCH_PKGS ?? join(repo, 'bench', '.packages');
mkdirSync(prefix, { recursive: true });
if (!packages.every((p) => existsSync(join(prefix, 'node_modules', nameOf(p.spec), 'package.json')))) {
  const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--silent', ...packages.map((p) => p.spec)], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stdout.write(JSON.stringify({ error: `npm install failed: ${r.stderr.slice(-500)}` }) + '\n');
    process.exit(1);
  }
}

const groups = [];
if (!only || only.includes('calc')) {
  const root = join(repo, 'examples', 'calc');
  groups.push({ name: 'examples/calc', kind: 'the example project', tuned: true, root, files: findModules(join(root, 'src')), skipped: [] });
}
for (const p of packages) {
  if (only && !only.includes(nameOf(p.spec))) continue;
  const root = join(prefix, 'node_modules', nameOf(p.spec));
  const { entries, skipped } = packageEntries(root);
  // bin scripts run their CLI when imported: left to the CLI tests
  const files = entries.filter((f) => !relative(root, f).startsWith('bin')).slice(0, 4);
  for (const x of p.extra ?? []) files.push(join(root, x));
  groups.push({ name: nameOf(p.spec), version: p.spec.replace(/^.*@/, ''), kind: p.kind, tuned: p.tuned, root, files, skipped });
}

const loadStart = loadavg().map((x) => Math.round(x * 100) / 100);
const out = mkdtempSync(join(tmpdir(), 'aqe-bench-out-'));
const results = [];
for (const g of groups) {
  const t0 = performance.now();
  const modules = [];
  for (const file of g.files) {
    const outDir = join(out, g.name.replace(/\W/g, '_'), relative(g.root, dirname(file)).replace(/\W/g, '_'));
    mkdirSync(outDir, { recursive: true });
    // run: the pipeline's own run drops a test that fails under vitest (named in the notes); then 3 runs for flakiness
    const report = await generateForModule(file, { outDir, projectRoot: g.root });
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await runTestFile(report.testFile, 'vitest', g.root);
      runs.push({ tests: r.tests, passed: r.passed, failed: r.failed, failures: r.failures.slice(0, 3) });
    }
    modules.push({
      module: relative(g.root, file),
      testFile: report.testFile,
      tests: runs[0].tests,
      passed: runs[0].passed,
      failed: runs[0].failed,
      flaky: runs.some((r) => r.passed !== runs[0].passed || r.failed !== runs[0].failed),
      lineCoverage: report.lineCoverageAfter,
      branchCoverage: report.branchCoverageAfter,
      ...(runs[0].failures.length ? { failures: runs[0].failures } : {}),
      ...(report.notes?.some((n) => n.startsWith('dropped a test')) ? { droppedFailing: report.notes.filter((n) => n.startsWith('dropped a test')) } : {}),
    });
  }
  const generateMs = performance.now() - t0;
  // mutation testing: only modules whose tests all passed (Stryker refuses a failing initial run)
  const passing = modules.filter((m) => m.tests > 0 && m.failed === 0);
  const mut = await runMutation(passing.map((m) => ({ source: join(g.root, m.module), testFile: m.testFile })), { framework: 'vitest', projectRoot: g.root, concurrency });
  for (const m of modules) {
    const r = mut.modules.get(join(g.root, m.module));
    m.mutationScore = r?.score ?? null;
    m.mutants = r ? { killed: r.killed + r.timeout, survived: r.survived, noCoverage: r.noCoverage } : null;
    if (r?.survivors.length) m.survivors = r.survivors;
    // keep what catches bugs (select.ts): the tests that kill a mutant or reach one no kept test reaches; the
    // smaller file must pass on its own (one run); the score is unchanged by construction
    if (r?.kills) {
      const { text, selection } = minimizedText(readFileSync(m.testFile, 'utf8'), r.kills);
      if (text) {
        const run = await runTestFile(m.testFile, 'vitest', g.root, { text });
        m.testsKept = run.tests;
        m.testsKeptPassed = run.passed;
      } else m.testsKept = selection.keep.length ? m.tests : 0;
    }
    delete m.testFile;
  }
  const total = totalMutation([...mut.modules.values()]);
  const tests = modules.reduce((s, m) => s + m.tests, 0);
  const passed = modules.reduce((s, m) => s + m.passed, 0);
  const kept = modules.some((m) => m.testsKept !== undefined) ? modules.reduce((s, m) => s + (m.testsKept ?? m.tests), 0) : null;
  const mean = (k) => {
    const v = modules.map((m) => m[k]).filter((x) => typeof x === 'number');
    return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null;
  };
  const row = {
    package: g.name,
    ...(g.version ? { version: g.version } : {}),
    kind: g.kind,
    tuned: g.tuned,
    tests,
    passRate: tests ? Math.round((passed / tests) * 10000) / 100 : 0,
    testsKept: kept,
    keptPassRate: kept ? Math.round((modules.reduce((s, m) => s + (m.testsKeptPassed ?? (m.testsKept === undefined ? m.passed : m.testsKept === m.tests ? m.passed : 0)), 0) / kept) * 10000) / 100 : null,
    flakyModules: modules.filter((m) => m.flaky).length,
    lineCoverage: mean('lineCoverage'),
    branchCoverage: mean('branchCoverage'),
    mutationScore: total?.score ?? null,
    mutants: total ? { killed: total.killed + total.timeout, survived: total.survived, noCoverage: total.noCoverage } : null,
    generateMs: Math.round(generateMs),
    mutationMs: mut.durationMs,
    modules,
    ...(g.skipped.length ? { skipped: g.skipped.map((s) => `${relative(g.root, s.file)}: ${s.reason}`) } : {}),
    ...(mut.error ? { mutationError: mut.error } : {}),
  };
  results.push(row);
  process.stderr.write(`${g.name}: ${tests} tests (${kept ?? '-'} kept), pass ${row.passRate}%, flaky ${row.flakyModules}, lines ${row.lineCoverage}%, branches ${row.branchCoverage}%, mutation ${row.mutationScore}% (${Math.round(generateMs)} ms + mutation ${mut.durationMs} ms)${mut.error ? ` ERROR ${mut.error.slice(0, 300)}` : ''}\n`);
}
// --keep: leave the generated test files for reading (their folder is printed on stderr)
if (process.argv.includes('--keep')) process.stderr.write(`generated tests kept in ${out}\n`);
else rmSync(out, { recursive: true, force: true });

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pkgs = results.filter((r) => r.package !== 'examples/calc');
const tests = results.reduce((s, r) => s + r.tests, 0);
process.stdout.write(
  JSON.stringify({
    bench: 'generate',
    machine: { node: process.version, cpus: cpus().length, loadAverageStart: loadStart, loadAverageEnd: loadavg().map((x) => Math.round(x * 100) / 100), strykerConcurrency: concurrency },
    packages: results,
    totals: {
      packages: pkgs.length,
      tests,
      passRate: tests ? Math.round((results.reduce((s, r) => s + (r.passRate * r.tests) / 100, 0) / tests) * 10000) / 100 : 0,
      flakyModules: results.reduce((s, r) => s + r.flakyModules, 0),
      runsPerModule: RUNS,
      medianMutationScore: median(pkgs.map((r) => r.mutationScore)),
      medianMutationScoreTuned: median(pkgs.filter((r) => r.tuned).map((r) => r.mutationScore)),
      medianMutationScoreHeldOut: median(pkgs.filter((r) => !r.tuned).map((r) => r.mutationScore)),
      entriesUntested: results.flatMap((r) => r.modules.filter((m) => m.tests === 0).map((m) => `${r.package}/${m.module}`)),
    },
    targets: { medianMutationScore: '>= 60', passRate: 100, flakyModules: 0, entriesUntested: 0 },
  }) + '\n',
);
