import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { currentPolicy, dependencyPaths, permissionArgs, runnerPackagePaths, runSandboxed, sandboxLayer, type PermissionMode } from '../../sandbox/index.js';
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
  /** Full names (suite titles and test title joined by spaces) of the tests that failed, when the runner names them. */
  failedTests?: string[];
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

export interface RunnerExecOptions {
  /** Arguments to node: the runner's entry and its arguments. */
  args: string[];
  cwd: string;
  /** The run folder: the only writable place. */
  runDir: string;
  /** What the runner and the code under test may read (the copy lives in runDir). */
  readPaths: string[];
  timeoutMs: number;
  /**
   * 'runner': the process is a runner that starts its own workers (vitest, StrykerJS); its workers must get
   * permissionArgs() themselves (see docs/security.md). 'strict': the code under test runs in this process.
   * 'none': the runner runs code under test in its own process and cannot use the permission model (jest, V8
   * coverage): bubblewrap only.
   */
  permission: PermissionMode;
  env?: Record<string, string>;
}

/**
 * The one place runner processes are spawned (test runs, coverage runs, mutation runs): inside the sandbox, with
 * an allow-listed environment, and killed with everything they started at the time limit.
 */
export async function execSandboxed(o: RunnerExecOptions): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  const r = await runSandboxed({
    args: o.args,
    cwd: o.cwd,
    runDir: o.runDir,
    readPaths: o.readPaths,
    permission: o.permission,
    env: { CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...o.env },
    limits: { wallMs: o.timeoutMs },
    capture: true,
  }).done;
  const note = r.timedOut ? `\naqe: the run was killed at its ${o.timeoutMs} ms time limit` : '';
  return { code: r.code, output: r.output + note, timedOut: r.timedOut };
}

/** Directories never copied into a run folder. */
const SKIP_IN_COPY = new Set(['node_modules', '.git', '.vite', '.hg', '.svn', 'coverage']);
const MAX_COPY_FILES = 5000;
const MAX_COPY_BYTES = 64 * 1024 * 1024;

/**
 * Copies the project (without node_modules, VCS folders and the output folder) into the run folder, so that the
 * test run reads and writes the copy, never the original; node_modules is a symlink to the real, read-only one.
 * A project too big to copy is refused for the run, with a message.
 */
export function copyProject(projectRoot: string, dest: string, exclude: string[]): void {
  let files = 0;
  let bytes = 0;
  cpSync(projectRoot, dest, {
    recursive: true,
    dereference: false,
    filter: (src) => {
      if (src === projectRoot) return true;
      if (exclude.some((x) => src === x || src.startsWith(x + '/'))) return false;
      const name = basename(src);
      let st;
      try {
        st = lstatSync(src);
      } catch {
        return false;
      }
      if (st.isDirectory()) return !SKIP_IN_COPY.has(name);
      if (!st.isFile() && !st.isSymbolicLink()) return false;
      files++;
      bytes += st.size;
      if (files > MAX_COPY_FILES || bytes > MAX_COPY_BYTES) {
        throw new Error(`the project at ${projectRoot} is too big to copy into a run folder (more than ${MAX_COPY_FILES} files or ${MAX_COPY_BYTES / 1024 / 1024} MB outside node_modules)`);
      }
      return true;
    },
  });
  const deps = dependencyPaths(projectRoot)[0];
  if (deps && !existsSync(join(dest, 'node_modules'))) symlinkSync(deps, join(dest, 'node_modules'), 'dir');
}

// from '..', import('..'), import '..', require('..') and createRequire-made requires (requireModule('..'))
const RELATIVE_IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\b[\w$]*[Rr]equire[\w$]*\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"\n]*)\2/g;

/** Re-points the relative imports of a test file that moves from fromDir to toDir (paths in the project map to the copy). */
export function rewriteRelativeImports(text: string, fromDir: string, toDir: string, mapPath: (abs: string) => string): string {
  return text.replace(RELATIVE_IMPORT, (_m, lead: string, q: string, spec: string) => {
    let rel = relative(toDir, mapPath(resolve(fromDir, spec))).split(sep).join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${lead}${q}${rel}${q}`;
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
  const failedTests: string[] = [];
  let brokenFiles = 0;
  for (const f of r.testResults ?? []) {
    for (const a of f.assertionResults ?? []) {
      if (a.status === 'failed') {
        failures.push(`${a.fullName ?? a.title}: ${(a.failureMessages ?? []).join(' ').split('\n')[0]}`);
        if (a.fullName) failedTests.push(a.fullName);
      }
    }
    if (!f.assertionResults?.length && f.message) failures.push(f.message.split('\n').slice(0, 5).join('\n'));
    if (!f.assertionResults?.length && f.status === 'failed') brokenFiles++;
  }
  return { tests: r.numTotalTests + brokenFiles, passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, failures, failedTests };
}

/**
 * Runs a test file's text with its framework against a copy of the project in a temp run folder (inside the
 * sandbox). testFile is where the text will be written afterwards; nothing is written there by this function, and
 * the code under test sees only the copy. Counts come from the framework's own machine-readable report.
 */
export async function runTestFile(testFile: string, framework: Framework, projectRoot: string, opts: { timeoutMs?: number; text?: string } = {}): Promise<TestRunResult> {
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs ?? currentPolicy().limits.wallMs;
  const runner = findRunner(framework, projectRoot);
  const none = (output: string): TestRunResult => ({ ran: false, tests: 0, passed: 0, failed: 0, failures: [], output, durationMs: Date.now() - t0 });
  if (!runner) return none(`${framework} is not installed in ${projectRoot} (and aqe does not ship it): the tests were written but not run`);
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-run-')));
  try {
    const root = realpathSync(projectRoot);
    const copy = join(work, 'project');
    const testAbs = resolve(testFile);
    try {
      copyProject(root, copy, [dirname(testAbs)].filter((d) => d !== root));
    } catch (e) {
      return none(`the tests were not run: ${(e as Error).message}`);
    }
    const inProject = testAbs.startsWith(root + sep);
    const runTest = inProject ? join(copy, relative(root, testAbs)) : join(copy, '.aqe-out', basename(testAbs));
    const toCopy = (abs: string): string => (abs === root || abs.startsWith(root + sep) ? join(copy, relative(root, abs)) : abs);
    const text = opts.text ?? readFileSync(testFile, 'utf8');
    mkdirSync(dirname(runTest), { recursive: true });
    writeFileSync(runTest, rewriteRelativeImports(text, dirname(testAbs), dirname(runTest), toCopy));
    const readPaths = [...dependencyPaths(root), ...runnerPackagePaths(), dirname(runner)];
    if (framework === 'vitest') {
      const cfg = join(work, 'vitest.config.mjs');
      // our own config: the project's may not include the output dir; generated tests need no aliases. The forks
      // run the test file and the code under test: they get the permission model (Node 20 does not pass it on)
      const execArgv = ['--no-warnings', `--max-old-space-size=${Math.max(64, Math.floor(currentPolicy().limits.memoryMb / 2))}`, ...permissionArgs([...readPaths, copy], work), '--allow-worker'];
      writeFileSync(cfg, `export default { cacheDir: ${JSON.stringify(join(work, '.vite'))}, test: { include: ['**/*.{test,spec}.?(c|m)[jt]s?(x)'], exclude: [], watch: false, pool: 'forks', poolOptions: { forks: { execArgv: ${JSON.stringify(execArgv)} } }, passWithNoTests: false } };\n`);
      const out = join(work, 'report.json');
      const dir = dirname(runTest);
      const r = await execSandboxed({ args: [runner, 'run', basename(runTest), '--root', dir, '--config', cfg, '--reporter=json', `--outputFile=${out}`], cwd: dir, runDir: work, readPaths, timeoutMs, permission: 'runner' });
      if (!existsSync(out)) return none(r.output);
      return { ran: true, ...fromJestLikeReport(JSON.parse(readFileSync(out, 'utf8')) as JestLikeReport), output: r.output.slice(-4000), durationMs: Date.now() - t0 };
    }
    if (framework === 'jest') {
      if (sandboxLayer() !== 'bwrap') return none('the tests were written but not run: jest runs the code under test in its own process, which Node 20\'s permission model cannot hold (it needs native addons); jest runs need bubblewrap');
      const out = join(work, 'report.json');
      // ESM test files need Node's VM modules in jest; TypeScript needs the project's own jest transform (ts-jest/babel)
      const r = await execSandboxed({ args: ['--experimental-vm-modules', runner, '--rootDir', copy, '--runTestsByPath', runTest, '--json', `--outputFile=${out}`, '--ci', '--runInBand'], cwd: copy, runDir: work, readPaths, timeoutMs, permission: 'none' });
      if (!existsSync(out)) return none(r.output);
      return { ran: true, ...fromJestLikeReport(JSON.parse(readFileSync(out, 'utf8')) as JestLikeReport), output: r.output.slice(-4000), durationMs: Date.now() - t0 };
    }
    // node:test: the file runs in this one process (no per-file child, so the permission model holds); the TAP
    // reporter's summary; TypeScript through the same transpiling loader hook as characterization
    const args = ['--test-reporter=tap'];
    if (/\.(c|m)?tsx?$/.test(runTest)) {
      writeFileSync(join(work, 'ts-hook.mjs'), TS_HOOK_SOURCE);
      writeFileSync(join(work, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(work, 'ts-hook.mjs')).href)}, { data: { typescript: ${JSON.stringify(require.resolve('typescript'))} } });\n`);
      args.unshift('--import', pathToFileURL(join(work, 'register.mjs')).href);
    }
    const r = await execSandboxed({ args: ['--no-warnings', ...args, runTest], cwd: dirname(runTest), runDir: work, readPaths, timeoutMs, permission: 'strict' });
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
