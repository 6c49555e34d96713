import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { currentPolicy, dependencyPaths, runnerPackagePaths, sandboxLayer } from '../../sandbox/index.js';
import { characterize, type CallSpec } from './characterize.js';
import { expectShimSource, TS_HOOK_SOURCE } from './harness.js';
import { execSandboxed } from './runner.js';

export interface ModuleCoverage {
  /** Percentages 0..100, one decimal. */
  lines: number;
  branches: number;
  functions: number;
  uncoveredLines: number[];
}

const require = createRequire(import.meta.url);

interface FileCoverageLike {
  toSummary(): { lines: { pct: number | string }; branches: { pct: number | string; total: number }; functions: { pct: number | string } };
  getUncoveredLines(): Array<number | string>;
}
interface CoverageMapLike {
  files(): string[];
  fileCoverageFor(f: string): FileCoverageLike;
}
interface C8Report {
  getCoverageMapFromAllCoverageFiles(): Promise<CoverageMapLike>;
  _getSourceMap(cov: { url: string }): Record<string, unknown> | undefined;
}

/** The text with its sourceMappingURL comment blanked out (same length, so V8's offsets still fit). */
function withoutSourceMapComment(text: string): string {
  return text.replace(/\/\/[#@] sourceMappingURL=[^\n]*/g, (m) => ' '.repeat(m.length));
}

const pct = (v: number | string, total?: number): number => (typeof v === 'number' ? Math.round(v * 10) / 10 : total === 0 ? 100 : 0);

/** Converts the V8 coverage files in dir (NODE_V8_COVERAGE output) to istanbul data with c8 and picks one file. */
export async function coverageFromV8Dir(v8Dir: string, sourcePath: string): Promise<ModuleCoverage | undefined> {
  const { Report } = require('c8') as { Report: new (opts: Record<string, unknown>) => C8Report };
  const report = new Report({
    tempDirectory: v8Dir,
    reporter: [],
    reportsDirectory: v8Dir,
    include: [],
    exclude: [],
    excludeNodeModules: false,
    allowExternal: true,
    resolve: '',
    src: [],
  });
  const want = realpathSync(resolve(sourcePath));
  if (!/\.(c|m)?tsx?$/.test(want)) {
    // a built JavaScript file is measured as itself, not remapped through its source map to sources that are not
    // the file under test (often not even shipped); c8 has no option for that, so its source lookup is wrapped
    const lookup = report._getSourceMap.bind(report);
    const url = pathToFileURL(want).href;
    const text = readFileSync(want, 'utf8');
    report._getSourceMap = (cov) => (cov.url === url || cov.url === want ? { source: withoutSourceMapComment(text) } : lookup(cov));
  }
  const map = await report.getCoverageMapFromAllCoverageFiles();
  const file = map.files().find((f) => f === want || f === resolve(sourcePath));
  if (!file) return undefined;
  const fc = map.fileCoverageFor(file);
  const s = fc.toSummary();
  return {
    lines: pct(s.lines.pct),
    branches: pct(s.branches.pct, s.branches.total),
    functions: pct(s.functions.pct),
    uncoveredLines: fc.getUncoveredLines().map(Number),
  };
}

/**
 * Line and branch coverage (V8, converted by c8) of a module while the given calls run against it: the calls the
 * generated test file makes, replayed in a plain Node child with NODE_V8_COVERAGE set. Framework-independent; used
 * because vitest's own V8 coverage needs @vitest/coverage-v8, which is not a dependency.
 */
export async function measureCallCoverage(sourcePath: string, format: 'esm' | 'cjs', calls: CallSpec[]): Promise<ModuleCoverage | undefined> {
  const v8Dir = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-v8cov-')));
  try {
    await characterize({ modulePath: sourcePath, format, calls, coverageDir: v8Dir });
    return await coverageFromV8Dir(v8Dir, sourcePath);
  } finally {
    rmSync(v8Dir, { recursive: true, force: true });
  }
}

/**
 * Line and branch coverage of a module while test files run: the files run under `node --test` with V8 coverage
 * (TypeScript through the transpiling hook; 'vitest' and '@jest/globals' imports served by a shim with node:test's
 * describe/it and @vitest/expect's matchers). Used for tests aqe did not write itself (a model's, the project's
 * existing ones). Tests that need vi/jest mocks fail there and add no coverage; pass/fail is not taken from this run.
 * Runs read-only inside bubblewrap (V8 coverage does not work under Node 20's permission model); without
 * bubblewrap there is no such measurement (undefined).
 */
export async function measureTestFileCoverage(testFiles: string[], sourcePath: string, opts: { timeoutMs?: number; readPaths?: string[] } = {}): Promise<ModuleCoverage | undefined> {
  const readPaths = opts.readPaths ?? [];
  if (!testFiles.length) return undefined;
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-tcov-')));
  try {
    const v8Dir = join(work, 'v8');
    const url = (p: string): string => pathToFileURL(p).href;
    const shim = join(work, 'expect-shim.mjs');
    writeFileSync(shim, expectShimSource(url(require.resolve('chai')), url(require.resolve('@vitest/expect'))));
    writeFileSync(join(work, 'ts-hook.mjs'), TS_HOOK_SOURCE);
    const data = { typescript: require.resolve('typescript'), aliases: { vitest: url(shim), '@jest/globals': url(shim) } };
    writeFileSync(join(work, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(url(join(work, 'ts-hook.mjs')))}, { data: ${JSON.stringify(data)} });\n`);
    // V8 coverage needs a run without Node's permission model: bubblewrap only (execSandboxed refuses otherwise)
    if (sandboxLayer() !== 'bwrap') return undefined;
    const projectRoot = dirname(testFiles[0]!);
    await execSandboxed({
      args: ['--no-warnings', '--import', url(join(work, 'register.mjs')), '--test', '--test-reporter=tap', ...testFiles],
      cwd: projectRoot,
      runDir: work,
      readPaths: [...testFiles.map((f) => dirname(f)), dirname(sourcePath), ...readPaths, ...dependencyPaths(dirname(sourcePath)), ...runnerPackagePaths()],
      timeoutMs: opts.timeoutMs ?? currentPolicy().limits.wallMs,
      permission: 'none',
      env: { NODE_V8_COVERAGE: v8Dir },
    });
    return await coverageFromV8Dir(v8Dir, sourcePath);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
