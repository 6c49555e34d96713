import type { Command } from 'commander';
import type { CostReport } from '../../routing/CostTracker.js';
import { globalConfigPath, printJson, reportAndExit } from '../common.js';

const PERIODS = ['1d', '7d', '30d'] as const;
const GROUPINGS = ['model', 'agent', 'day'] as const;

interface CostsOptions {
  period: string;
  by?: string;
  json?: boolean;
}

/**
 * `aqe costs [--period 1d|7d|30d] [--by model|agent|day] [--json]` (the seed's analyze-costs): spend from
 * the ledger, budget left, alerts, and savings against all-default-model and all-top-model.
 */
export function register(program: Command): void {
  program
    .command('costs')
    .description('model spend from the cost ledger: spent, budget left, alerts, savings vs a single model')
    .option('--period <period>', `reporting period: ${PERIODS.join(' | ')} (UTC days, today included)`, '7d')
    .option('--by <grouping>', `break down by ${GROUPINGS.join(' | ')}`)
    .option('--json', 'print the report as one JSON object')
    .action(async (opts: CostsOptions, cmd: Command) => {
      try {
        const { AqeError, ErrorCodes } = await import('../../errors.js');
        if (!(PERIODS as readonly string[]).includes(opts.period)) {
          throw new AqeError(ErrorCodes.USAGE, `--period must be one of ${PERIODS.join(', ')}, got "${opts.period}"`);
        }
        if (opts.by !== undefined && !(GROUPINGS as readonly string[]).includes(opts.by)) {
          throw new AqeError(ErrorCodes.USAGE, `--by must be one of ${GROUPINGS.join(', ')}, got "${opts.by}"`);
        }
        const report = await buildReport(opts, globalConfigPath(cmd));
        if (opts.json) printJson(report);
        else process.stdout.write(render(report));
      } catch (err) {
        reportAndExit(err);
      }
    });
}

async function buildReport(opts: CostsOptions, configPath: string | undefined): Promise<CostReport & { ledger: string }> {
  const [{ existsSync }, { resolve, isAbsolute }, { loadConfig }, memory, { CostTracker }] = await Promise.all([
    import('node:fs'),
    import('node:path'),
    import('../../config/load.js'),
    import('../../memory/index.js'),
    import('../../routing/CostTracker.js'),
  ]);
  const { config } = loadConfig({ path: configPath });
  const db = config.database;
  const file = db.path === ':memory:' || isAbsolute(db.path) ? db.path : resolve(process.cwd(), db.path);
  // No ledger yet: report zeros from an empty in-memory store rather than creating a database file.
  const missing = db.type === 'sqlite' && file !== ':memory:' && !existsSync(file);
  const store = missing ? new memory.SqliteMemoryStore(':memory:', { purgeIntervalMs: 0 }) : memory.openMemoryStore(db, process.cwd(), { purgeIntervalMs: 0, readonly: true });
  try {
    const tracker = new CostTracker(config.routing, store);
    const report = await tracker.report({ period: opts.period as CostReport['period'], by: opts.by as CostReport['by'] });
    const ledger = db.type === 'postgres' ? memory.redactUrl(db.url ?? '') : missing ? `${db.path} (not created yet)` : db.path;
    return { ...report, ledger };
  } finally {
    await store.close();
  }
}

const usd = (n: number) => `$${n.toFixed(n !== 0 && Math.abs(n) < 0.01 ? 6 : 4)}`;
const pct = (n: number) => `${n.toFixed(1)}%`;

const b0 = (r: CostReport) => r.budget.countSimulated;

function render(r: CostReport & { ledger: string }): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const out: string[] = [];
  out.push(`costs, last ${r.period} (${day(r.since)} .. ${day(r.until)} UTC); ledger ${r.ledger}`);
  out.push(`spent: ${usd(r.cost)} on ${r.tasks} task(s), ${r.records} record(s)${r.estimatedRecords ? `, ${r.estimatedRecords} with tokens estimated by the offline engine` : ''}`);
  out.push(`tokens: ${r.inputTokens} input, ${r.outputTokens} output`);
  if (r.unsettledRecords) {
    out.push(`unsettled: ${usd(r.unsettledCost)} in ${r.unsettledRecords} record(s) booked at the reserved amount (their process ended before settling)`);
  }
  const sim = r.simulated;
  if (sim.records) {
    out.push(`simulated (offline engine, no money spent${b0(r) ? '; counted toward budgets' : '; not counted toward budgets'}): ${usd(sim.cost)} on ${sim.tasks} task(s), ${sim.records} record(s)`);
    for (const s of [sim.savingsVsDefault, sim.savingsVsTop]) {
      if (s) out.push(`  simulated savings vs all on ${s.baselineModel}: ${usd(s.saved)} (${pct(s.percent)}; that model would have cost ${usd(s.baselineCost)})`);
    }
  }
  const b = r.budget;
  if (!b.enabled) out.push('budgets: cost tracking is disabled (routing.costTracking.enabled: false)');
  for (const [label, w] of [['today', b.daily], ['this month', b.monthly]] as const) {
    out.push(
      `budget ${label} (${w.period}): ${usd(w.spent)} of ${usd(w.limit)} spent (${pct(w.percent)}), ${usd(w.reserved)} held, ${usd(w.left)} left; alert at ${w.alertThresholdPercent}%${b.enforce ? '' : '; enforcement off'}`,
    );
  }
  if (r.alerts.length) {
    out.push(`alerts (${r.alerts.length}):`);
    for (const a of r.alerts) {
      out.push(`  ${new Date(a.at).toISOString()} ${a.budget} ${a.period}: ${a.thresholdPercent}% reached (${usd(a.spent)} of ${usd(a.limit)})`);
    }
  } else out.push('alerts: none');
  for (const s of [r.savingsVsDefault, r.savingsVsTop]) {
    if (s) out.push(`savings vs all on ${s.baselineModel}: ${usd(s.saved)} (${pct(s.percent)}; that model would have cost ${usd(s.baselineCost)})`);
  }
  if (r.unpricedModels.length) out.push(`note: models no longer configured (kept at recorded cost): ${r.unpricedModels.join(', ')}`);
  if (r.groups?.length) {
    out.push('');
    const head = [r.by ?? 'key', 'cost', 'tasks', 'input', 'output'];
    const rows = r.groups.map((g) => [g.key, usd(g.cost), String(g.tasks), String(g.inputTokens), String(g.outputTokens)]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    out.push(line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line));
  } else if (r.by) out.push(`(no records to break down by ${r.by})`);
  return out.join('\n') + '\n';
}
