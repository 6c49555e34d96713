import { isAbsolute, relative, sep } from 'node:path';
import type { Command } from 'commander';
import { AqeError, ErrorCodes } from '../../errors.js';
import type { ModuleReport } from '../../agents/test-generator/pipeline.js';
import type { MutationResult } from '../../agents/test-generator/mutation.js';
import type { Framework } from '../../agents/test-generator/emit.js';
import { EXIT, globalConfigPath, printJson, reportAndExit } from '../common.js';

interface GenerateCliOptions {
  framework: string;
  out?: string;
  json?: boolean;
  sideFile: boolean;
  run: boolean;
  stream: boolean;
  mutation?: boolean;
  minimize: boolean;
}

type ModuleRow = Pick<
  ModuleReport,
  'source' | 'testFile' | 'tests' | 'passed' | 'failed' | 'lineCoverageBefore' | 'lineCoverageAfter' | 'branchCoverageAfter' | 'notes' | 'modelName' | 'failures'
> & { error?: string; mutation?: MutationResult | null; mutationError?: string; generatedTests?: number };

const mean = (xs: Array<number | null>): number | null => {
  const v = xs.filter((x): x is number => typeof x === 'number');
  return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null;
};

export function register(program: Command): void {
  program
    .command('generate')
    .description('generate, run and measure unit tests for every JS/TS module under PATH (the test-generator agent, through the fleet)')
    .argument('<path>', 'a module or a directory of modules (tests, .d.ts and node_modules are skipped)')
    .option('--framework <name>', 'vitest | jest | node:test', 'vitest')
    .option('--out <dir>', 'where test files go (default: <project>/test/generated/...)')
    .option('--json', 'print the per-module report as one JSON object on the last stdout line')
    .option('--no-side-file', 'when a test file was edited by a person, write nothing instead of a .aqe.test file beside it')
    .option('--no-run', 'write the tests but do not run them')
    .option('--no-stream', 'do not stream model output even when the streaming flag is on')
    .option('--mutation', 'run StrykerJS on the modules with their generated tests and report the mutation score')
    .option('--no-minimize', 'with --mutation, keep every generated test (default: keep only tests that kill a mutant or reach one the others do not)')
    .action(async (path: string, opts: GenerateCliOptions, cmd: Command) => {
      try {
        process.exitCode = await generate(path, opts, globalConfigPath(cmd));
      } catch (err) {
        reportAndExit(err);
      }
    });
}

async function generate(path: string, opts: GenerateCliOptions, configPath?: string): Promise<number> {
  const { existsSync, statSync } = await import('node:fs');
  const { basename, dirname, resolve } = await import('node:path');
  const { FRAMEWORKS } = await import('../../agents/test-generator/index.js');
  const { discoverModules } = await import('../../agents/test-generator/discover.js');
  if (!(FRAMEWORKS as readonly string[]).includes(opts.framework)) {
    throw new AqeError(ErrorCodes.USAGE, `--framework must be one of ${FRAMEWORKS.join(', ')}, got "${opts.framework}"`);
  }
  const root = resolve(path);
  if (!existsSync(root)) throw new AqeError(ErrorCodes.USAGE, `PATH ${path} does not exist`);
  const out = opts.out ? resolve(opts.out) : undefined;
  const { modules, skipped } = discoverModules(root, { exclude: out ? [out] : [] });
  for (const s of skipped) process.stderr.write(`  skipped ${relative(process.cwd(), s.file) || s.file}: ${s.reason}\n`);
  if (!modules.length) throw new AqeError(ErrorCodes.USAGE, `no JavaScript or TypeScript modules under ${path} (tests, .d.ts and node_modules are skipped)${skipped.length ? `; skipped: ${skipped.map((s) => `${relative(process.cwd(), s.file)} (${s.reason})`).join(', ')}` : ''}`);
  const baseDir = statSync(root).isFile() ? dirname(root) : root;
  // Paths are printed the way the user typed them: under --out as given, modules under PATH as given.
  const shown = (p: string): string => {
    if (out && opts.out && isWithin(out, p)) return joinTyped(opts.out, relative(out, p));
    if (isWithin(root, p)) return joinTyped(path, relative(root, p));
    return relative(process.cwd(), p) || p;
  };

  const { readFileSync } = await import('node:fs');
  const { openCommandFleet } = await import('../open-fleet.js');
  const fleet = await openCommandFleet(configPath);
  // the sandbox decision once, before any module: a refusal (security.sandbox required, no bubblewrap) is exit 2
  const { sandboxLayer, withSandboxPolicy } = await import('../../sandbox/index.js');
  const security = fleet.getConfig().security;
  try {
    withSandboxPolicy({ setting: security.sandbox, limits: security.sandboxLimits }, () => sandboxLayer());
  } catch (err) {
    await fleet.shutdown();
    throw err;
  }
  // progress goes to stderr in every mode: with --json, stdout carries only the report
  const progress = (s: string): void => {
    process.stderr.write(s);
  };
  progress(`aqe generate: ${modules.length} module(s) under ${path}, framework ${opts.framework}\n`);

  const rows: ModuleRow[] = new Array(modules.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < modules.length; i = next++) {
      const source = modules[i]!;
      const rel = shown(source);
      const t0 = Date.now();
      progress(`  [${i + 1}/${modules.length}] ${rel} ...\n`);
      try {
        const result = await fleet.executeTask({
          id: `generate-${i + 1}-${basename(source).replace(/[^\w.-]/g, '_')}`,
          type: 'test-generation',
          description: `Generate ${opts.framework} unit tests for ${rel}`,
          payload: {
            language: /\.(c|m)?tsx?$/.test(source) ? 'typescript' : 'javascript',
            framework: opts.framework,
            files: [{ path: relative(baseDir, source) || basename(source), content: readFileSync(source, 'utf8') }],
            sourcePath: source,
            root: baseDir,
            ...(out ? { outDir: out } : {}),
            noSideFile: !opts.sideFile,
            run: opts.run,
          },
        }, { stream: opts.stream });
        const r = result.output as ModuleRow;
        rows[i] = { ...r, modelName: result.modelName };
        progress(`  [${i + 1}/${modules.length}] ${rel}: ${r.tests} tests, ${r.passed} passed, ${r.failed} failed, lines ${fmt(r.lineCoverageAfter)} (${((Date.now() - t0) / 1000).toFixed(1)}s)\n`);
        for (const n of r.notes ?? []) if (/edited by a person|did not load|not installed|nothing written/.test(n)) progress(`      ${n}\n`);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        rows[i] = { source, testFile: null, tests: 0, passed: 0, failed: 0, lineCoverageBefore: null, lineCoverageAfter: null, branchCoverageAfter: null, error: message };
        progress(`  [${i + 1}/${modules.length}] ${rel}: failed: ${message}\n`);
      }
    }
  };
  try {
    await Promise.all([worker(), worker()]);
  } finally {
    await fleet.shutdown();
  }
  if (opts.mutation && opts.run) await addMutation(rows, opts.framework as Framework, progress, opts.minimize);
  const mutationTotal = opts.mutation ? (await import('../../agents/test-generator/mutation.js')).totalMutation(rows.map((r) => r.mutation)) : null;

  const report = {
    ...(skipped.length ? { skipped: skipped.map((s) => ({ file: s.file, reason: s.reason })) } : {}),
    modules: rows.map((r) => ({
      source: r.source,
      testFile: r.testFile,
      tests: r.tests,
      ...(r.generatedTests !== undefined ? { generatedTests: r.generatedTests } : {}),
      passed: r.passed,
      failed: r.failed,
      lineCoverageBefore: r.lineCoverageBefore,
      lineCoverageAfter: r.lineCoverageAfter,
      branchCoverageAfter: r.branchCoverageAfter,
      ...(opts.mutation ? { mutation: r.mutation ? mutationJson(r.mutation) : null, ...(r.mutationError ? { mutationError: r.mutationError } : {}) } : {}),
      ...(r.failures?.length ? { failures: r.failures } : {}),
      ...(r.error ? { error: r.error } : {}),
    })),
    totals: {
      modules: rows.length,
      tests: rows.reduce((s, r) => s + r.tests, 0),
      passed: rows.reduce((s, r) => s + r.passed, 0),
      failed: rows.reduce((s, r) => s + r.failed, 0),
      lineCoverageBefore: mean(rows.map((r) => r.lineCoverageBefore)),
      lineCoverageAfter: mean(rows.map((r) => r.lineCoverageAfter)),
      branchCoverageAfter: mean(rows.map((r) => r.branchCoverageAfter)),
      mutationScore: mutationTotal?.score ?? null,
      ...(mutationTotal ? { mutation: mutationJson(mutationTotal) } : {}),
    },
  };
  if (opts.json) printJson(report);
  else {
    const { renderTable } = await import('../format.js');
    const mutHead = opts.mutation ? ['mutation score', 'killed', 'survived', 'no coverage'] : [];
    const mutCells = (r: ModuleRow): Array<string | number> => (opts.mutation ? (r.mutation ? [fmt(r.mutation.score), r.mutation.killed + r.mutation.timeout, r.mutation.survived, r.mutation.noCoverage] : ['-', '-', '-', '-']) : []);
    const table = renderTable(
      ['module', 'tests', 'passed', 'failed', ...mutHead, 'lines before', 'lines after', 'branches after', 'test file'],
      rows.map((r) => [shown(r.source), r.tests, r.passed, r.failed, ...mutCells(r), fmt(r.lineCoverageBefore), fmt(r.lineCoverageAfter), fmt(r.branchCoverageAfter), r.error ? `error: ${r.error}` : r.testFile ? shown(r.testFile) : '(not written)']),
    );
    const t = report.totals;
    const m = mutationTotal;
    const quality = m
      ? `mutation score ${fmt(m.score)} (${m.killed + m.timeout} killed, ${m.survived} survived, ${m.noCoverage} not covered)`
      : `mutation score not measured (add --mutation)`;
    process.stdout.write(`${table}\n\ntotal: ${t.modules} modules, ${t.tests} tests, ${t.passed} passed, ${t.failed} failed; ${quality}; line coverage ${fmt(t.lineCoverageBefore)} -> ${fmt(t.lineCoverageAfter)}, branches ${fmt(t.branchCoverageAfter)} (mean over modules)\n`);
    for (const r of rows) {
      for (const f of r.failures ?? []) process.stdout.write(`failed: ${relative(process.cwd(), r.testFile ?? r.source)}: ${f}\n`);
      if (r.mutationError) process.stdout.write(`mutation testing of ${relative(process.cwd(), r.source)} failed: ${r.mutationError}\n`);
    }
  }
  const bad = rows.some((r) => r.failed > 0 || r.error);
  return bad ? EXIT.FAILED : EXIT.OK;
}

function mutationJson(m: MutationResult): Omit<MutationResult, 'survivors'> & { survivors?: string[] } {
  return { killed: m.killed, survived: m.survived, noCoverage: m.noCoverage, timeout: m.timeout, errors: m.errors, total: m.total, score: m.score, ...(m.survivors.length ? { survivors: m.survivors } : {}) };
}

/** One StrykerJS run per project over the modules whose generated tests all passed. */
async function addMutation(rows: ModuleRow[], framework: Framework, progress: (s: string) => void, minimize: boolean): Promise<void> {
  const { dirname } = await import('node:path');
  const { findProjectRoot } = await import('../../agents/test-generator/engine.js');
  const { runMutation } = await import('../../agents/test-generator/mutation.js');
  const { minimizeRow } = await import('../../agents/test-generator/select.js');
  const byRoot = new Map<string, ModuleRow[]>();
  for (const r of rows) {
    if (!r.testFile || r.error || r.failed > 0 || r.tests === 0) continue;
    const root = findProjectRoot(dirname(r.source));
    byRoot.set(root, [...(byRoot.get(root) ?? []), r]);
  }
  for (const [root, group] of byRoot) {
    progress(`  mutation testing ${group.length} module(s) with StrykerJS ...\n`);
    const run = await runMutation(group.map((r) => ({ source: r.source, testFile: r.testFile! })), { framework, projectRoot: root });
    for (const r of group) {
      r.mutation = run.modules.get(r.source) ?? null;
      if (run.error) r.mutationError = run.error;
      if (minimize && r.mutation?.kills && r.testFile) {
        const m = await minimizeRow(r.testFile, r.mutation.kills, framework, root);
        if (m.note) (r.notes ??= []).push(m.note);
        if (m.kept !== undefined) {
          r.generatedTests = r.tests;
          r.tests = r.passed = m.kept;
        }
      }
    }
    progress(`  mutation testing done in ${(run.durationMs / 1000).toFixed(1)}s${run.error ? `: ${run.error.split('\n')[0]}` : ''}\n`);
  }
}

function isWithin(dir: string, p: string): boolean {
  const rel = relative(dir, p);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/** `typed` exactly as the user wrote it (./out, ../x, /abs), then the rest: out/a/b.test.ts, not a normalised path. */
function joinTyped(typed: string, rest: string): string {
  if (!rest) return typed;
  return `${typed.replace(/[/\\]+$/, '')}/${rest.split(sep).join('/')}`;
}

function fmt(n: number | null | undefined): string {
  return typeof n === 'number' ? `${n}%` : '-';
}
