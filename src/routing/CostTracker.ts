import { EventEmitter } from 'node:events';
import type { RoutingConfig } from '../config/schema.js';
import { AqeError, BudgetExceededError, ErrorCodes } from '../errors.js';
import type { ModelSelection, QETask } from '../fleet/types.js';
import { AccessLevel, type CostRecord, type MemoryStore } from '../memory/types.js';
import { alertThresholdPercent, budgetWindows, limitOf, startOfUtcDay, utcDayKey, utcMonthKey, type BudgetName } from './budget.js';
import { PERIOD_DAYS, summariseLedger, type LedgerSummary, type ReportGrouping, type ReportPeriod } from './costReport.js';
import { priceOf } from './pricing.js';

export const ALERTS_PARTITION = 'routing/alerts';

/** Minimal logger (pino-compatible): `warn(obj, msg)`. */
export interface CostLogger {
  warn(obj: object, msg?: string): void;
}

export interface CostTrackerOptions {
  now?: () => number;
  logger?: CostLogger;
}

export interface Reservation {
  /** The store's reservation id; null when cost tracking is disabled (nothing is held or recorded). */
  id: string | null;
  taskId: string;
  agentType: string;
  modelName: string;
  estimatedCost: number;
  /** Epoch ms when reserved; the ledger's day and month come from it. */
  at: number;
  tracked: boolean;
  state: 'held' | 'settled' | 'released';
}

export interface ActualUsage {
  modelName: string;
  inputTokens: number;
  outputTokens: number;
  estimated: boolean;
}

export interface BudgetAlert {
  budget: BudgetName;
  period: string;
  /** The threshold crossed, in percent (100 = the budget is spent). */
  thresholdPercent: number;
  spent: number;
  limit: number;
  percent: number;
  at: number;
}

export interface BudgetWindowStatus {
  period: string;
  limit: number;
  spent: number;
  reserved: number;
  left: number;
  /** Spent as a percentage of the limit (reservations excluded). */
  percent: number;
  alertThresholdPercent: number;
}

export interface BudgetStatus {
  enabled: boolean;
  enforce: boolean;
  daily: BudgetWindowStatus;
  monthly: BudgetWindowStatus;
  /** Fraction of the tightest budget used, spent plus held (what the router's budgetPressure reads). */
  pressure: number;
}

export interface CostReport extends LedgerSummary {
  period: ReportPeriod;
  by?: ReportGrouping;
  /** Epoch ms of the first day included (UTC midnight). */
  since: number;
  until: number;
  budget: BudgetStatus;
  alerts: BudgetAlert[];
}

function defaultLogger(): CostLogger {
  return {
    warn(obj, msg) {
      process.stderr.write(JSON.stringify({ level: 'warn', time: Date.now(), ...obj, msg }) + '\n');
    },
  };
}

/**
 * Prices, reserves, settles and reports model spend against the daily and monthly budgets.
 * The estimate is reserved atomically in the store before a model is called (so concurrent tasks cannot
 * overspend together) and replaced by the real cost afterwards. Alerts fire once per window period and
 * threshold; the marker lives in the store (partition routing/alerts) so restarts do not repeat them.
 */
export class CostTracker extends EventEmitter {
  private routing: RoutingConfig;
  private readonly store: MemoryStore;
  private readonly now: () => number;
  private readonly logger: CostLogger;
  private alertChain: Promise<void> = Promise.resolve();
  private lastPressure = 0;

  constructor(routing: RoutingConfig, store: MemoryStore, opts: CostTrackerOptions = {}) {
    super();
    this.routing = routing;
    this.store = store;
    this.now = opts.now ?? Date.now;
    this.logger = opts.logger ?? defaultLogger();
  }

  updateConfig(routing: RoutingConfig): void {
    this.routing = routing;
  }

  /** Dollars for tokens on a configured model. */
  costOf(modelName: string, inputTokens: number, outputTokens: number): number {
    const m = this.routing.models.find((x) => x.name === modelName);
    if (!m) throw new AqeError(ErrorCodes.NO_MODEL, `cannot price model "${modelName}": not in routing.models`, { modelName });
    return priceOf(m, inputTokens, outputTokens);
  }

  /** Last known budget pressure (spent + held over limit, tightest window); sync for the router. */
  pressure(): number {
    return this.lastPressure;
  }

  async reserve(task: QETask, selection: ModelSelection, agentType: string): Promise<Reservation> {
    const at = this.now();
    const base = { taskId: task.id, agentType, modelName: selection.modelName, estimatedCost: selection.estimatedCost, at };
    const ct = this.routing.costTracking;
    if (!ct.enabled) return { ...base, id: null, tracked: false, state: 'held' };
    const amount = Math.max(0, selection.estimatedCost);
    const outcome = await this.store.reserveBudget(budgetWindows(ct, at), amount, { taskId: task.id });
    if (!outcome.ok) {
      this.lastPressure = Math.max(this.lastPressure, outcome.limit > 0 ? outcome.spent / outcome.limit : 1);
      throw new BudgetExceededError(outcome.budget, outcome.spent, outcome.limit, amount);
    }
    void this.budgetStatus().catch(() => undefined);
    return { ...base, id: outcome.reservationId, tracked: true, state: 'held' };
  }

  /**
   * Replaces the reservation with the real cost. One ledger record per model actually used (a fallback
   * after a failed attempt is billed to its own model). Returns the total cost.
   */
  async settle(reservation: Reservation, actual: ActualUsage[]): Promise<number> {
    if (reservation.state !== 'held') throw new AqeError(ErrorCodes.STORE, `reservation for task ${reservation.taskId} is already ${reservation.state}`);
    const records = actual.map((u): CostRecord => ({
      taskId: reservation.taskId,
      modelName: u.modelName,
      agentType: reservation.agentType,
      inputTokens: u.inputTokens,
      outputTokens: u.outputTokens,
      cost: this.costOf(u.modelName, u.inputTokens, u.outputTokens),
      estimated: u.estimated,
      at: reservation.at,
      day: utcDayKey(reservation.at),
      month: utcMonthKey(reservation.at),
    }));
    const total = records.reduce((a, r) => a + r.cost, 0);
    reservation.state = 'settled';
    if (!reservation.tracked || reservation.id === null) return total;
    if (!records.length) {
      await this.store.releaseReservation(reservation.id);
      return 0;
    }
    const [first, ...rest] = records;
    await this.store.settleReservation(reservation.id, first);
    for (const r of rest) {
      // The money is already spent: hold nothing (infinite limits) and settle straight away.
      const windows = budgetWindows({ ...this.routing.costTracking, enforce: false }, reservation.at);
      const extra = await this.store.reserveBudget(windows, 0, { taskId: reservation.taskId });
      if (extra.ok) await this.store.settleReservation(extra.reservationId, r);
    }
    await this.checkAlerts();
    return total;
  }

  async release(reservation: Reservation): Promise<void> {
    if (reservation.state !== 'held') return;
    reservation.state = 'released';
    if (reservation.tracked && reservation.id !== null) await this.store.releaseReservation(reservation.id);
  }

  async budgetStatus(): Promise<BudgetStatus> {
    const ct = this.routing.costTracking;
    const now = this.now();
    const window = async (name: BudgetName, period: string): Promise<BudgetWindowStatus> => {
      const limit = limitOf(ct, name);
      const { spent, reserved } = await this.store.budgetUsage(name, period);
      return {
        period,
        limit,
        spent,
        reserved,
        left: Math.max(0, limit - spent - reserved),
        percent: limit > 0 ? (spent / limit) * 100 : spent > 0 ? 100 : 0,
        alertThresholdPercent: alertThresholdPercent(ct, name),
      };
    };
    const daily = await window('daily', utcDayKey(now));
    const monthly = await window('monthly', utcMonthKey(now));
    const used = (w: BudgetWindowStatus) => (w.limit > 0 ? (w.spent + w.reserved) / w.limit : w.spent + w.reserved > 0 ? 1 : 0);
    this.lastPressure = Math.max(used(daily), used(monthly));
    return { enabled: ct.enabled, enforce: ct.enforce, daily, monthly, pressure: this.lastPressure };
  }

  /** Fires each alert (threshold and 100%) whose window crossed it and that has not fired this period. */
  checkAlerts(): Promise<BudgetAlert[]> {
    const run = this.alertChain.then(() => this.fireDueAlerts());
    // Serialised in-process so two settles finishing together do not both fire the same alert.
    this.alertChain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async alerts(sinceMs: number): Promise<BudgetAlert[]> {
    const entries = await this.store.query({ partition: ALERTS_PARTITION, since: sinceMs });
    return entries.map((e) => e.value as BudgetAlert).sort((a, b) => a.at - b.at);
  }

  async report(opts: { period: ReportPeriod; by?: ReportGrouping }): Promise<CostReport> {
    const days = PERIOD_DAYS[opts.period];
    if (!days) throw new AqeError(ErrorCodes.USAGE, `period must be one of ${Object.keys(PERIOD_DAYS).join(', ')}, got ${JSON.stringify(opts.period)}`);
    const now = this.now();
    const since = startOfUtcDay(now) - (days - 1) * 86_400_000;
    const records = await this.store.costRecords(since);
    const summary = summariseLedger(records, this.routing.models, this.routing.defaultModel, opts.by);
    const budget = await this.budgetStatus();
    await this.checkAlerts();
    const alerts = await this.alerts(since);
    return { period: opts.period, by: opts.by, since, until: now, ...summary, budget, alerts };
  }

  private async fireDueAlerts(): Promise<BudgetAlert[]> {
    const ct = this.routing.costTracking;
    if (!ct.enabled) return [];
    const status = await this.budgetStatus();
    const fired: BudgetAlert[] = [];
    for (const name of ['daily', 'monthly'] as const) {
      const w = status[name];
      if (!(w.limit > 0)) continue;
      for (const threshold of [...new Set([w.alertThresholdPercent, 100])].sort((a, b) => a - b)) {
        if (w.percent < threshold) continue;
        const key = `${name}:${w.period}:${threshold}`;
        if (await this.store.get(ALERTS_PARTITION, key)) continue;
        const at = this.now();
        const alert: BudgetAlert = { budget: name, period: w.period, thresholdPercent: threshold, spent: w.spent, limit: w.limit, percent: w.percent, at };
        await this.store.put({
          key,
          partition: ALERTS_PARTITION,
          value: alert,
          owner: 'system',
          accessLevel: AccessLevel.SYSTEM,
          createdAt: at,
          updatedAt: at,
        });
        this.logger.warn(
          { event: 'budget.alert', budget: name, period: w.period, thresholdPercent: threshold, spent: w.spent, limit: w.limit },
          `${name} budget ${w.period}: $${w.spent.toFixed(4)} spent of $${w.limit.toFixed(2)} (${w.percent.toFixed(1)}%, threshold ${threshold}%)`,
        );
        this.emit('alert', alert);
        fired.push(alert);
      }
    }
    return fired;
  }
}
