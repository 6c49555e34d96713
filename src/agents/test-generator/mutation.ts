import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Framework } from './emit.js';
import { dependencyPaths, runnerPackagePaths } from '../../sandbox/index.js';
import { copyProject, execSandboxed, rewriteRelativeImports } from './runner.js';
import type { MutantKills } from './select.js';

/** Stryker's verdicts for one module's mutants. score = (killed + timeout) / (killed + timeout + survived + noCoverage). */
export interface MutationResult {
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  /** Mutants that did not compile or crashed the runner: not counted in the score (Stryker's own rule). */
  errors: number;
  total: number;
  /** Percent, one decimal; null when no mutant was valid. */
  score: number | null;
  /** A few survivors, `line:column mutator -> replacement`, for the report and the repair prompt. */
  survivors: string[];
  /** Which tests killed and reached which mutants (from the JSON report), for selectTests; ids as Stryker names them. */
  kills?: { tests: Array<{ id: string; name: string }>; mutants: MutantKills[] };
}

export interface MutationTarget {
  source: string;
  testFile: string;
}

export interface MutationRun {
  /** Keyed by the absolute source path. */
  modules: Map<string, MutationResult>;
  /** Set when Stryker did not produce a report (its output's tail). */
  error?: string;
  durationMs: number;
}

export interface MutationOptions {
  framework: Framework;
  projectRoot: string;
  timeoutMs?: number;
  concurrency?: number;
  /** Test file text to use instead of reading testFile (e.g. a candidate not yet written). */
  texts?: Map<string, string>;
}

const require = createRequire(import.meta.url);

interface StrykerMutant {
  status: string;
  killedBy?: string[];
  coveredBy?: string[];
  mutatorName?: string;
  replacement?: string;
  location?: { start: { line: number; column: number } };
}

/** Counts from one file's mutants in a mutation-testing-report-schema JSON report. */
export function summarizeMutants(mutants: StrykerMutant[]): MutationResult {
  const n = (s: string): number => mutants.filter((m) => m.status === s).length;
  const killed = n('Killed');
  const survived = n('Survived');
  const noCoverage = n('NoCoverage');
  const timeout = n('Timeout');
  const errors = n('RuntimeError') + n('CompileError');
  const valid = killed + timeout + survived + noCoverage;
  const survivors = mutants
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .slice(0, 10)
    .map((m) => `${m.location?.start.line ?? '?'}:${m.location?.start.column ?? '?'} ${m.mutatorName ?? '?'} -> ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60)}${m.status === 'NoCoverage' ? ' (not covered)' : ''}`);
  return { killed, survived, noCoverage, timeout, errors, total: mutants.length, score: valid ? Math.round(((killed + timeout) / valid) * 1000) / 10 : null, survivors };
}

/**
 * Why a StrykerJS run gave no report, from its output: its ERROR lines with the lines indented under them (the
 * tests that failed in the initial run and why), colours removed. Only without any ERROR line its last lines,
 * which are then the most telling; with one, they are the stack of the exception it threw after logging it.
 */
export function strykerFailure(output: string): string {
  const lines = stripVTControlCharacters(output).split('\n');
  const picked: string[] = [];
  lines.forEach((line, i) => {
    if (!/\bERROR\b/.test(line)) return;
    picked.push(line.trim());
    for (let j = i + 1; j < lines.length && /^\s/.test(lines[j]!) && lines[j]!.trim() && picked.length < 20; j++) picked.push(lines[j]!.trim());
  });
  return (picked.length ? picked : lines.map((l) => l.trim()).filter(Boolean).slice(-8)).join('\n');
}

function strykerConfig(framework: Framework, runDir: string, mutate: string[], tests: string[], concurrency: number): Record<string, unknown> {
  const base: Record<string, unknown> = {
    mutate,
    inPlace: true, // the project is already a throw-away copy
    reporters: ['json'],
    jsonReporter: { fileName: join(runDir, 'report.json') },
    concurrency,
    timeoutMS: 10_000, // above the test timeout below: a mutant that hangs a test fails that test (killed) without a worker restart
    logLevel: 'error',
    fileLogLevel: 'off',
    disableTypeChecks: true,
    tempDirName: join(runDir, '.stryker-tmp'),
    cleanTempDir: 'always',
    checkers: [],
  };
  if (framework === 'vitest') {
    writeFileSync(join(runDir, 'vitest.config.mjs'), `export default { test: { include: ${JSON.stringify(tests)}, exclude: [], watch: false, testTimeout: 2000, hookTimeout: 2000 } };\n`);
    return { ...base, testRunner: 'vitest', plugins: ['@stryker-mutator/vitest-runner'], coverageAnalysis: 'perTest', vitest: { configFile: join(runDir, 'vitest.config.mjs'), related: false } };
  }
  if (framework === 'jest') {
    return {
      ...base,
      testRunner: 'jest',
      plugins: ['@stryker-mutator/jest-runner'],
      coverageAnalysis: 'perTest',
      testRunnerNodeArgs: ['--experimental-vm-modules'],
      jest: { projectType: 'custom', enableFindRelatedTests: false, config: { testMatch: tests.map((t) => `<rootDir>/${t}`), transform: {} } },
    };
  }
  const cmd = [process.execPath, '--test', ...tests].map((a) => JSON.stringify(a)).join(' ');
  return { ...base, testRunner: 'command', commandRunner: { command: cmd }, coverageAnalysis: 'off' };
}

/**
 * Runs StrykerJS (a child process, through the same exec as the test runs) on the sources with their generated test
 * files, in a copy of the project inside a temp run folder, and returns killed / survived / no-coverage per source.
 */
export async function runMutation(targets: MutationTarget[], opts: MutationOptions): Promise<MutationRun> {
  const t0 = Date.now();
  const modules = new Map<string, MutationResult>();
  if (!targets.length) return { modules, durationMs: 0 };
  const runDir = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-mutation-')));
  try {
    const root = realpathSync(opts.projectRoot);
    const project = join(runDir, 'project');
    copyProject(root, project, []);
    const toCopy = (abs: string): string => (abs === root || abs.startsWith(root + sep) ? join(project, relative(root, abs)) : abs);
    const mutate: string[] = [];
    const tests: string[] = [];
    targets.forEach((t, i) => {
      const src = realpathSync(t.source);
      const relSrc = relative(root, src);
      if (relSrc.startsWith('..') || isAbsolute(relSrc)) throw new Error(`${t.source} is outside the project ${root}`);
      mutate.push(relSrc.split(sep).join('/'));
      const testAbs = resolve(t.testFile);
      const text = opts.texts?.get(t.testFile) ?? readFileSync(testAbs, 'utf8');
      const relTest = relative(root, testAbs);
      const inside = !relTest.startsWith('..') && !isAbsolute(relTest);
      // test files outside the project go into it, with their relative imports re-pointed at the copy
      const dest = inside ? join(project, relTest) : join(project, '.aqe-mutation', `${i}-${basename(testAbs)}`);
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, rewriteRelativeImports(text, dirname(testAbs), dirname(dest), toCopy));
      tests.push(relative(project, dest).split(sep).join('/'));
    });
    const config = strykerConfig(opts.framework, runDir, [...new Set(mutate)], tests, opts.concurrency ?? 2);
    const configPath = join(runDir, 'stryker.config.json');
    writeFileSync(configPath, JSON.stringify(config, null, 2));
    const bin = join(dirname(require.resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');
    // StrykerJS starts its own workers: the 'runner' mode of the sandbox (bubblewrap holds it and its workers)
    const readPaths = [...dependencyPaths(root), ...runnerPackagePaths(), dirname(dirname(dirname(bin)))];
    const r = await execSandboxed({ args: [bin, 'run', configPath], cwd: project, runDir, readPaths, timeoutMs: opts.timeoutMs ?? 15 * 60_000, permission: 'runner' });
    const reportPath = join(runDir, 'report.json');
    if (!existsSync(reportPath)) {
      return { modules, error: `StrykerJS did not report (exit ${r.code}): ${strykerFailure(r.output)}`, durationMs: Date.now() - t0 };
    }
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { files: Record<string, { mutants: StrykerMutant[] }>; testFiles?: Record<string, { tests?: Array<{ id: string; name: string }> }> };
    targets.forEach((t, i) => {
      const rel = relative(root, realpathSync(t.source)).split(sep).join('/');
      const file = report.files[rel] ?? Object.entries(report.files).find(([k]) => k.split(sep).join('/') === rel)?.[1];
      const mutants = file?.mutants ?? [];
      const testEntry = report.testFiles?.[tests[i]!] ?? Object.entries(report.testFiles ?? {}).find(([k]) => k.split(sep).join('/') === tests[i])?.[1];
      modules.set(t.source, {
        ...summarizeMutants(mutants),
        kills: { tests: testEntry?.tests ?? [], mutants: mutants.map((m) => ({ status: m.status, killedBy: m.killedBy, coveredBy: m.coveredBy })) },
      });
    });
    return { modules, durationMs: Date.now() - t0 };
  } catch (e) {
    return { modules, error: e instanceof Error ? e.message : String(e), durationMs: Date.now() - t0 };
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** Totals over modules, score computed from the summed counts (not a mean of percentages). */
export function totalMutation(results: Array<MutationResult | undefined | null>): MutationResult | null {
  const rs = results.filter((r): r is MutationResult => !!r);
  if (!rs.length) return null;
  const sum = (k: 'killed' | 'survived' | 'noCoverage' | 'timeout' | 'errors' | 'total'): number => rs.reduce((s, r) => s + r[k], 0);
  const killed = sum('killed');
  const timeout = sum('timeout');
  const valid = killed + timeout + sum('survived') + sum('noCoverage');
  return { killed, survived: sum('survived'), noCoverage: sum('noCoverage'), timeout, errors: sum('errors'), total: sum('total'), score: valid ? Math.round(((killed + timeout) / valid) * 1000) / 10 : null, survivors: [] };
}
