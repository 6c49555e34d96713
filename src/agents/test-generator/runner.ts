import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Framework } from './emit.js';
import { TS_HOOK_SOURCE } from './harness.js';

export interface TestRunResult {
  /** False when the framework's runner could not be found or did not report. */
  ran: boolean;
  tests: number;
  passed: number;
  failed: number;
  /** Failure messages (first lines), for the repair prompt and the report. */
  failures: string[];
  /** Runner output tail when it did not report. */
  output: string;
  durationMs: number;
}

const require = createRequire(import.meta.url);

/** The framework's CLI entry: the project's own install first, then the one aqe ships with (vitest only). */
export function findRunner(framework: Framework, projectRoot: string): string | undefined {
  const fromProject = createRequire(join(projectRoot, 'package.json'));
  const attempt = (req: NodeRequire, spec: string): string | undefined => {
    try {
      return req.resolve(spec);
    } catch {
      return undefined;
    }
  };
  if (framework === 'vitest') {
    const pkg = attempt(fromProject, 'vitest/package.json') ?? attempt(require, 'vitest/package.json');
    return pkg ? join(dirname(pkg), 'vitest.mjs') : undefined;
  }
  if (framework === 'jest') {
    const pkg = attempt(fromProject, 'jest/package.json');
    return pkg ? join(dirname(pkg), 'bin', 'jest.js') : undefined;
  }
  return process.execPath;
}

export function exec(cmd: string, args: string[], cwd: string, timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const childEnv = { ...(env ?? process.env) };
    delete childEnv.NODE_OPTIONS;
    delete childEnv.NODE_V8_COVERAGE;
    // vitest run from inside a vitest worker must not think it is nested
    for (const k of Object.keys(childEnv)) if (k.startsWith('VITEST') || k === 'TEST') delete childEnv[k];
    const child = spawn(cmd, args, { cwd, env: { ...childEnv, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (b: Buffer): void => {
      output = (output + b.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, output: String(e) });
    });
  });
}

export interface JestLikeReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults?: Array<{ status?: string; assertionResults?: Array<{ status: string; fullName?: string; title?: string; failureMessages?: string[] }>; message?: string }>;
}

/**
 * Counts from a jest/vitest JSON report. A test file that fails before any test runs (its import throws, it does
 * not compile) reports zero tests; it counts as one failed test here, so a broken file never reads as "0 failed".
 */
export function fromJestLikeReport(r: JestLikeReport): Omit<TestRunResult, 'output' | 'durationMs' | 'ran'> {
  const failures: string[] = [];
  let brokenFiles = 0;
  for (const f of r.testResults ?? []) {
    for (const a of f.assertionResults ?? []) {
      if (a.status === 'failed') failures.push(`${a.fullName ?? a.title}: ${(a.failureMessages ?? []).join(' ').split('\n')[0]}`);
    }
    if (!f.assertionResults?.length && f.message) failures.push(f.message.split('\n').slice(0, 5).join('\n'));
    if (!f.assertionResults?.length && f.status === 'failed') brokenFiles++;
  }
  return { tests: r.numTotalTests + brokenFiles, passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, failures };
}

/** Runs one test file with its framework and counts results from the framework's own machine-readable report. */
export async function runTestFile(testFile: string, framework: Framework, projectRoot: string, opts: { timeoutMs?: number } = {}): Promise<TestRunResult> {
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const runner = findRunner(framework, projectRoot);
  const none = (output: string): TestRunResult => ({ ran: false, tests: 0, passed: 0, failed: 0, failures: [], output, durationMs: Date.now() - t0 });
  if (!runner) return none(`${framework} is not installed in ${projectRoot} (and aqe does not ship it): the tests were written but not run`);
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-run-')));
  try {
    if (framework === 'vitest') {
      const cfg = join(work, 'vitest.config.mjs');
      // our own config: the project's may not include the output dir; generated tests need no aliases
      writeFileSync(cfg, `export default { test: { include: ['**/*.{test,spec}.?(c|m)[jt]s?(x)'], exclude: [], watch: false, pool: 'forks', passWithNoTests: false } };\n`);
      const out = join(work, 'report.json');
      const dir = dirname(testFile);
      const r = await exec(process.execPath, [runner, 'run', basename(testFile), '--root', dir, '--config', cfg, '--reporter=json', `--outputFile=${out}`], dir, timeoutMs);
      if (!existsSync(out)) return none(r.output);
      return { ran: true, ...fromJestLikeReport(JSON.parse(readFileSync(out, 'utf8')) as JestLikeReport), output: r.output.slice(-4000), durationMs: Date.now() - t0 };
    }
    if (framework === 'jest') {
      const out = join(work, 'report.json');
      // ESM test files need Node's VM modules in jest; TypeScript needs the project's own jest transform (ts-jest/babel)
      const r = await exec(process.execPath, ['--experimental-vm-modules', runner, '--rootDir', projectRoot, '--runTestsByPath', testFile, '--json', `--outputFile=${out}`, '--ci'], projectRoot, timeoutMs);
      if (!existsSync(out)) return none(r.output);
      return { ran: true, ...fromJestLikeReport(JSON.parse(readFileSync(out, 'utf8')) as JestLikeReport), output: r.output.slice(-4000), durationMs: Date.now() - t0 };
    }
    // node:test: the TAP reporter's summary; TypeScript through the same transpiling loader hook as characterization
    const args = ['--test', '--test-reporter=tap'];
    if (/\.(c|m)?tsx?$/.test(testFile)) {
      writeFileSync(join(work, 'ts-hook.mjs'), TS_HOOK_SOURCE);
      writeFileSync(join(work, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(work, 'ts-hook.mjs')).href)}, { data: { typescript: ${JSON.stringify(require.resolve('typescript'))} } });\n`);
      args.unshift('--import', pathToFileURL(join(work, 'register.mjs')).href);
    }
    const r = await exec(process.execPath, ['--no-warnings', ...args, testFile], dirname(testFile), timeoutMs);
    const num = (k: string): number | undefined => {
      const m = new RegExp(`^# ${k} (\\d+)`, 'm').exec(r.output);
      return m ? Number(m[1]) : undefined;
    };
    const tests = num('tests');
    if (tests === undefined) return none(r.output);
    const failures = [...r.output.matchAll(/^\s*not ok \d+ - (.*)$/gm)].map((m) => m[1]!);
    return { ran: true, tests, passed: num('pass') ?? 0, failed: num('fail') ?? 0, failures, output: r.output.slice(-4000), durationMs: Date.now() - t0 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
