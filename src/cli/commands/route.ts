import type { Command } from 'commander';
import type { ModelSelection, QETask } from '../../fleet/types.js';
import type { EvalReport } from '../../routing/evaluate.js';
import { EXIT, globalConfigPath, printJson, reportAndExit } from '../common.js';

interface RouteOptions {
  json?: boolean;
  eval?: boolean;
  map?: string;
  minAccuracy?: string;
  llmTieBreak?: string | boolean;
}

/**
 * `aqe route FILE.jsonl [--json] [--eval] [--map simple=NAME,medium=NAME,complex=NAME] [--llm-tie-break [MARGIN]]`:
 * which model the router picks for each task, and why. Needs only a config and writes nothing; calls no provider
 * unless --llm-tie-break asks the cheapest model on close calls (route-tie-break.ts).
 */
export function register(program: Command): void {
  program
    .command('route')
    .description('show the model the router picks for each task of a task file, with score and reasons (writes nothing)')
    .argument('<file>', 'task file, one JSON task per line (format: docs/tasks.md)')
    .option('--json', 'one JSON object per task: id, model, score, components, reasons (with --eval: one report object)')
    .option('--eval', 'score against expected.tier: accuracy, confusion matrix, misrouted tasks, cost of the routed mix')
    .option('--map <tiers>', 'tier -> model for --eval, e.g. simple=claude-haiku-4,medium=claude-sonnet-4.5,complex=claude-opus-4')
    .option('--min-accuracy <fraction>', 'with --eval: exit 1 when accuracy is below this fraction, e.g. 0.95 (no default: the gate is opt-in)')
    .option('--llm-tie-break [margin]', "route as the fleet does with routing.llmTieBreak on: on a close call (the fitted model's probability margin below MARGIN, default routing.llmTieBreak.margin; 1 asks on nearly every task) ask the cheapest model, which needs its API key; the calls are billed, their cost is reported, nothing is written")
    .action(async (file: string, opts: RouteOptions, cmd: Command) => {
      let bad: boolean;
      try {
        bad = await routeFile(file, opts, globalConfigPath(cmd));
      } catch (err) {
        reportAndExit(err);
      }
      process.exitCode = bad ? EXIT.FAILED : EXIT.OK;
    });
}

/** Returns true when any line was bad (invalid task or no model could take it). */
async function routeFile(file: string, opts: RouteOptions, configPath: string | undefined): Promise<boolean> {
  if ((opts.map !== undefined || opts.minAccuracy !== undefined) && !opts.eval) {
    const { AqeError, ErrorCodes } = await import('../../errors.js');
    throw new AqeError(ErrorCodes.USAGE, `${opts.map !== undefined ? '--map' : '--min-accuracy'} only applies with --eval`);
  }
  const minAccuracy = opts.minAccuracy === undefined ? undefined : await parseFraction(opts.minAccuracy, '--min-accuracy', '0.95');
  const tieBreakMargin = typeof opts.llmTieBreak === 'string' ? await parseFraction(opts.llmTieBreak, '--llm-tie-break', '0.3') : undefined;
  const [{ loadConfig, displayPath }, { readTaskFile }, { ModelRouter }, evaluate] = await Promise.all([
    import('../../config/load.js'),
    import('../../fleet/task-file.js'),
    import('../../routing/ModelRouter.js'),
    import('../../routing/evaluate.js'),
  ]);
  const { config, path } = loadConfig({ path: configPath });
  const routing = { ...config.routing, enabled: true };
  const flagOn = config.features.multiModelRouter && config.routing.enabled;
  process.stderr.write(
    `aqe route: router on for this command${flagOn ? '' : ' (it is off in the config: features.multiModelRouter/routing.enabled)'}; ` +
      `config ${path ? displayPath(path) : 'embedded defaults'}; nothing is written\n`,
  );
  const tierMap = opts.eval ? evaluate.parseTierMap(opts.map ?? '', evaluate.defaultTierMap(routing), routing.models) : undefined;

  const { tasks, problems } = readTaskFile(file);
  const withLlm = opts.llmTieBreak === undefined ? undefined
    : await (await import('./route-tie-break.js')).tieBreakRouting(config, routing, tieBreakMargin ?? routing.llmTieBreak?.margin ?? 0.1);
  const router = withLlm ? undefined : new ModelRouter(routing);
  const routed: Array<{ task: QETask; selection: ModelSelection }> = [];
  try {
    for (const { line, task } of tasks) {
      try {
        routed.push({ task, selection: router ? router.select(task) : await withLlm!.select(task) });
      } catch (err) {
        problems.push({ line, message: (err as Error).message });
      }
    }
  } finally {
    await withLlm?.close();
  }
  const tieBreak = withLlm?.summary(routed.map((r) => r.selection));
  if (tieBreak) {
    process.stderr.write(
      `aqe route: --llm-tie-break asked ${tieBreak.model} on ${tieBreak.asked} of ${routed.length} tasks (margin ${tieBreak.margin}; ${tieBreak.cached} from the cache): ` +
        `${tieBreak.answered} answered, ${tieBreak.changed} changed the tier, ${tieBreak.invalid} invalid, ${tieBreak.failed} failed; $${tieBreak.costUsd.toFixed(6)}\n`,
    );
  }
  problems.sort((a, b) => a.line - b.line);
  for (const p of problems) process.stderr.write(`${file}:${p.line}: ${p.message}\n`);

  if (tierMap) {
    const report = evaluate.evaluateRouting(routed, routing, tierMap);
    const gate = minAccuracy === undefined ? undefined : { minAccuracy, passed: report.labelled > 0 && report.accuracy >= minAccuracy };
    if (opts.json) printJson({ tasks: routed.map(toJson), eval: report, ...(gate ? { gate } : {}), ...(tieBreak ? { llmTieBreak: tieBreak } : {}), problems });
    else process.stdout.write(renderEval(report));
    if (gate && !gate.passed) {
      process.stderr.write(
        report.labelled
          ? `aqe route: accuracy ${(report.accuracy * 100).toFixed(1)}% is below --min-accuracy ${(gate.minAccuracy * 100).toFixed(1)}%\n`
          : 'aqe route: no task has expected.tier, so --min-accuracy cannot pass\n',
      );
      return true;
    }
  } else if (opts.json) {
    // One write for the whole batch: a thousand small writes to a pipe cost more than the routing itself.
    process.stdout.write(routed.map((r) => JSON.stringify(toJson(r))).join('\n') + (routed.length ? '\n' : ''));
  } else {
    process.stdout.write(routed.map(renderLine).join(''));
  }
  if (problems.length) process.stderr.write(`${problems.length} bad line(s) skipped\n`);
  return problems.length > 0;
}

function toJson({ task, selection }: { task: QETask; selection: ModelSelection }) {
  return {
    id: task.id,
    model: selection.modelName,
    score: selection.complexity.score,
    components: selection.complexity.components,
    estimatedCost: Number(selection.estimatedCost.toFixed(6)),
    fallbacks: selection.fallbacks,
    reasons: selection.complexity.reasons,
    ...(selection.complexity.decision ? { decision: selection.complexity.decision } : {}),
    ...(task.expected ? { expected: task.expected.tier } : {}),
  };
}

/** --min-accuracy, --llm-tie-break: a number in [0, 1]; anything else is a usage error naming the option and the value. */
async function parseFraction(raw: string, option: string, example: string): Promise<number> {
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) {
    const { AqeError, ErrorCodes } = await import('../../errors.js');
    throw new AqeError(ErrorCodes.USAGE, `${option}: expected a fraction between 0 and 1 (e.g. ${example}), got "${raw}"`);
  }
  return x;
}

function renderLine({ task, selection }: { task: QETask; selection: ModelSelection }): string {
  const c = selection.complexity.components;
  const d = selection.complexity.decision;
  const how = d ? `  [${d.tier} by ${d.decidedBy}${d.model ? `, margin ${d.model.margin.toFixed(2)} over ${d.model.runnerUp}` : ''}; ${d.boundaryMargin.toFixed(3)} from a tier boundary]` : '';
  return (
    `${task.id}  ${selection.modelName}  ${selection.complexity.score.toFixed(3)}${how}  ` +
    `(token ${c.token.toFixed(2)}, structure ${c.structure.toFixed(2)}, context ${c.context.toFixed(2)})  ` +
    `${selection.complexity.reasons[0] ?? ''}\n`
  );
}

function renderEval(r: EvalReport): string {
  const tiers = ['simple', 'medium', 'complex'] as const;
  const cols = [...new Set([...tiers, ...tiers.flatMap((t) => Object.keys(r.confusion[t]))])];
  const lines: string[] = [];
  lines.push(`accuracy: ${(r.accuracy * 100).toFixed(1)}% (${r.correct}/${r.labelled} labelled tasks; ${r.tasks} routed)`);
  lines.push(`tiers: simple -> ${r.tierMap.simple}, medium -> ${r.tierMap.medium}, complex -> ${r.tierMap.complex}`);
  lines.push('');
  lines.push('confusion (rows expected, columns routed):');
  const width = Math.max(9, ...cols.map((c) => c.length));
  lines.push(['expected'.padEnd(10), ...cols.map((c) => c.padStart(width))].join(' '));
  for (const t of tiers) lines.push([t.padEnd(10), ...cols.map((c) => String(r.confusion[t][c] ?? 0).padStart(width))].join(' '));
  lines.push('');
  if (r.misrouted.length) {
    lines.push(`misrouted (${r.misrouted.length}):`);
    for (const m of r.misrouted) {
      lines.push(`  ${m.id}: expected ${m.expected} (${m.expectedModel}), routed ${m.model}, score ${m.score.toFixed(3)}`);
      for (const reason of m.reasons) lines.push(`    - ${reason}`);
    }
  } else lines.push('misrouted: none');
  lines.push('');
  const c = r.cost;
  lines.push('estimated cost of the routed mix:');
  const savings = (pct: number) => (pct >= 0 ? `routing saves ${pct.toFixed(1)}%` : `routing costs ${(-pct).toFixed(1)}% more`);
  const rows: Array<[string, number, string]> = [
    ['routed', c.routed, ''],
    [`all ${c.defaultModel}`, c.allDefault, savings(c.savingsVsDefaultPercent)],
    [`all ${c.topModel}`, c.allTop, savings(c.savingsVsTopPercent)],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const money = Math.max(...rows.map(([, v]) => v.toFixed(4).length));
  for (const [label, value, note] of rows) lines.push(`  ${label.padEnd(labelWidth)}  $${value.toFixed(4).padStart(money)}${note ? `  (${note})` : ''}`);
  return lines.join('\n') + '\n';
}
