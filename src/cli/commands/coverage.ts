import type { Command } from 'commander';
import { AqeError, ErrorCodes } from '../../errors.js';
import { EXIT, globalConfigPath, printJson, reportAndExit } from '../common.js';

const DEFAULT_REPORTS = ['coverage/coverage-final.json', 'coverage/lcov.info', 'coverage/coverage-summary.json'];

export function register(program: Command): void {
  program
    .command('coverage')
    .description('list uncovered functions and branches, most complex first (the coverage-analyzer agent)')
    .argument('[report]', `coverage-final.json, coverage-summary.json or lcov.info (default: the first of ${DEFAULT_REPORTS.join(', ')})`)
    .option('--json', 'print the analysis as one JSON object')
    .option('--limit <n>', 'gaps to list', '25')
    .action(async (report: string | undefined, opts: { json?: boolean; limit: string }, cmd: Command) => {
      try {
        process.exitCode = await coverage(report, opts, globalConfigPath(cmd));
      } catch (err) {
        reportAndExit(err);
      }
    });
}

async function coverage(report: string | undefined, opts: { json?: boolean; limit: string }, configPath?: string): Promise<number> {
  const { existsSync, statSync } = await import('node:fs');
  const { readInputFile } = await import('../../input-file.js');
  const { basename, dirname, join, relative, resolve } = await import('node:path');
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 0) throw new AqeError(ErrorCodes.USAGE, `--limit must be a non-negative integer, got "${opts.limit}"`);
  let file = report ? resolve(report) : DEFAULT_REPORTS.map((p) => resolve(p)).find((p) => existsSync(p));
  if (!file) throw new AqeError(ErrorCodes.USAGE, `no coverage report given and none found at ${DEFAULT_REPORTS.join(', ')}`);
  if (!existsSync(file)) throw new AqeError(ErrorCodes.USAGE, `coverage report ${report} does not exist`);
  if (statSync(file).isDirectory()) {
    // a coverage folder (what reporters write): take the first report found in it, or inside its coverage/
    const names = DEFAULT_REPORTS.map((p) => basename(p));
    const dir = file;
    file = [...names.map((n) => join(dir, n)), ...DEFAULT_REPORTS.map((p) => join(dir, p))].find((p) => existsSync(p) && statSync(p).isFile());
    if (!file) throw new AqeError(ErrorCodes.USAGE, `${report} is a directory with no coverage report in it (looked for ${names.join(', ')} there and in its coverage/)`);
  }
  const shown = relative(process.cwd(), file) || file;
  const content = readInputFile(file, 'coverage report', shown);
  const { parseCoverageReport } = await import('../../agents/coverage-analyzer/index.js');
  let parsed: ReturnType<typeof parseCoverageReport>;
  try {
    parsed = parseCoverageReport(content, basename(file));
  } catch (err) {
    throw new AqeError(ErrorCodes.TASK_INVALID, `${shown} is not a coverage report: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!parsed.files.length) {
    throw new AqeError(ErrorCodes.TASK_INVALID, `${shown} is not a coverage report: it holds no per-file coverage (expected coverage-final.json, coverage-summary.json, lcov.info or the text reporter's table)`);
  }

  const { openCommandFleet } = await import('../open-fleet.js');
  const fleet = await openCommandFleet(configPath);
  let output: import('../../agents/coverage-analyzer/index.js').CoverageAnalysis & { advice?: string };
  try {
    const result = await fleet.executeTask({
      id: `coverage-${Date.now()}`,
      type: 'coverage-analysis',
      description: `Rank the coverage gaps in ${basename(file)} by complexity`,
      payload: { files: [{ path: basename(file), content }], reportDir: dirname(file) },
    });
    output = result.output as typeof output;
  } finally {
    await fleet.shutdown();
  }
  if (opts.json) {
    printJson(output);
    return EXIT.OK;
  }
  const { renderTable } = await import('../format.js');
  const rel = (p: string): string => (p.startsWith('/') ? relative(process.cwd(), p) : p);
  const pc = (n: number): string => `${n}%`;
  process.stdout.write(renderTable(['file', 'lines', 'branches', 'functions'], output.files.map((f) => [rel(f.file), pc(f.lines), pc(f.branches), pc(f.functions)])) + '\n\n');
  const t = output.totals;
  process.stdout.write(`total: ${t.files} files; lines ${pc(t.lines)}, branches ${pc(t.branches)}, functions ${pc(t.functions)}; ${t.uncoveredFunctions} uncovered functions, ${t.uncoveredBranches} partly uncovered branches\n`);
  if (output.gaps.length) {
    process.stdout.write(`\nmost complex gaps first${output.gaps.length > limit ? ` (top ${limit} of ${output.gaps.length})` : ''}:\n`);
    process.stdout.write(renderTable(['where', 'kind', 'name', 'complexity', 'detail'], output.gaps.slice(0, limit).map((g) => [`${rel(g.file)}:${g.line}`, g.kind, g.name, g.complexity, g.detail])) + '\n');
  }
  if (output.files.some((f) => f.summaryOnly)) process.stdout.write('\n(a summary report lists totals only: use coverage-final.json or lcov.info for functions and branches)\n');
  if (output.advice) process.stdout.write(`\n${output.advice}\n`);
  return EXIT.OK;
}
