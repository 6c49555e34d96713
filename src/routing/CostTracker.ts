import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { RoutingConfig } from '../config/schema.js';
import { AqeError, BudgetExceededError, ErrorCodes } from '../errors.js';
import type { ModelSelection, QETask } from '../fleet/types.js';
import { OwnerLease } from '../memory/owner-lease.js';
import type { WriteBehind } from '../memory/write-behind.js';
import { AccessLevel, type CostRecord, type CostStatus, type MemoryStore } from '../memory/types.js';
import { alertThresholdPercent, budgetWindows, limitOf, startOfUtcDay, utcDayKey, utcMonthKey, type BudgetName } from './budget.js';
import { PERIOD_DAYS, summariseLedger, type LedgerSummary, type ReportGrouping, type ReportPeriod } from './costReport.js';
import { BudgetSlice, DEFAULT_SLICE_TUNING, SliceLostError, type SliceHost, type SliceTicket, type SliceTuning } from './budget-slice.js';
import { priceOf } from './pricing.js';

export const ALERTS_PARTITION = 'routing/alerts';

/** Minimal logger (pino-compatible): `warn(obj, msg)`. */
export interface CostLogger {
  warn(obj: object, msg?: string): void;
}

export interface CostTrackerOptions {
  now?: () => number;
  logger?: CostLogger;
  /**
   * The owner (process) id reservations carry (FleetManager passes its OwnerLease's). Without one the tracker
   * registers its own lease on first use; call close() to stop it.
   */
  ownerId?: () => string;
  /** Budget slice tuning (tests, benches). */
  slices?: Partial<SliceTuning>;
  /**
   * The fleet's group commit (FleetManager passes its bookkeeping WriteBehind on the same store): settlements
   * then land in the transaction that carries that turn's task records and journal writes, not one of their
   * own. Without it (or on a store without applyGroup) each slice commits in its own transaction.
   */
  writes?: WriteBehind;
}

/** An upper bound for one model call, reserved before the call (first attempt, retry, fallback, escalation). */
export interface CallBound {
  modelName: string;
  /** Input tokens counted by the provider, or by our tokenizer with its margin. */
  inputTokens: number;
  /** The max_tokens asked for. */
  maxTokens: number;
  /** The least max_tokens worth calling with; the reservation may lower max_tokens down to this, not below. */
  minTokens: number;
  /** The offline engine: its cost is simulated (no money), held against budgets only with countSimulated. */
  simulated: boolean;
}

export interface CallReservation {
  /** The store's reservation id (also the cost record's). */
  id: string;
  taskId: string;
  agentType: string;
  modelName: string;
  inputTokens: number;
  /** max_tokens the call may use: the asked one, or lower to fit the budget. */
  maxTokens: number;
  /** Dollars held: the cap on what this call is recorded at. */
  amount: number;
  simulated: boolean;
  /** false when cost tracking is off (nothing held or recorded). */
  tracked: boolean;
  /** true when budget is held in the store (tracked and not an uncounted simulation). */
  held: boolean;
  at: number;
  state: 'held' | 'settled' | 'released';
  /** The cost recorded by settleCall (known at once; durable when its promise resolves). */
  cost?: number;
  /** The process slice holding it (internal). */
  ticket?: SliceTicket;
}

export interface CallUsage {
  inputTokens: number;
  outputTokens: number;
  /** Counted by our tokenizer (tokens received) rather than reported by the provider. */
  estimated: boolean;
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
  /** Money: settled plus unsettled (booked at the reserved amount for a process that died). */
  spent: number;
  reserved: number;
  /** Offline-engine estimates; counted in `left` only with costTracking.countSimulated. */
  simulated: number;
  left: number;
  /** Spent as a percentage of the limit (reservations excluded). */
  percent: number;
  alertThresholdPercent: number;
}

export interface BudgetStatus {
  enabled: boolean;
  enforce: boolean;
  /** Simulated (offline engine) spend counts toward the limits. */
  countSimulated: boolean;
  daily: BudgetWindowStatus;
  monthly: BudgetWindowStatus;
  /** Fraction of the tightest budget used, spent plus held (what the router's budgetPressure reads). */
  pressure: number;
}

export interface CostReport extends LedgerSummary {
  /** The offline engine's estimates over the same period, apart from money spent. */
  simulated: LedgerSummary;
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
 *
 * Every model call (first attempt, retry, fallback, escalation) reserves an upper bound first (reserveCall:
 * input tokens x input price + max_tokens x output price, atomically in the store, so any number of processes
 * on one store cannot overspend together) and settles the provider's usage after (settleCall), capped at what
 * was held. Reservations carry this process's owner id; a survivor books a dead owner's reservations as
 * unsettled at the reserved amount (sweepOrphans). Alerts are raised by the process that settles, once per
 * window period and threshold across processes (a putIfAbsent marker in routing/alerts). Reports only read.
 */
export class CostTracker extends EventEmitter {
  private routing: RoutingConfig;
  private readonly store: MemoryStore;
  private readonly now: () => number;
  private readonly logger: CostLogger;
  private alertChain: Promise<void> = Promise.resolve();
  private lastPressure = 0;
  private ownerId?: () => string;
  private ownLease?: Promise<OwnerLease>;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly sliceHost: SliceHost;
  private slices: BudgetSlice[] = [];
  private active?: BudgetSlice;
  /** Alert markers known to exist (fired here or elsewhere): commits skip the store check for them. */
  private readonly alertsKnown = new Set<string>();

  constructor(routing: RoutingConfig, store: MemoryStore, opts: CostTrackerOptions = {}) {
    super();
    this.routing = routing;
    this.store = store;
    this.now = opts.now ?? Date.now;
    this.logger = opts.logger ?? defaultLogger();
    this.ownerId = opts.ownerId;
    const writes = opts.writes?.joinsSlices ? opts.writes : undefined;
    this.sliceHost = {
      store,
      tuning: { ...DEFAULT_SLICE_TUNING, ...opts.slices },
      countSimulated: () => this.routing.costTracking.countSimulated,
      windows: (s) => budgetWindows(this.routing.costTracking, Date.parse(`${s.day}T12:00:00Z`)),
      onCommitted: (usage, money) => {
        if (money) this.alertsAfterCommit(usage);
      },
      onError: (err) => this.logger.warn({ event: 'cost.commit_failed', err: err instanceof Error ? err.message : String(err) }, 'budget slice commit failed; retrying'),
      ...(writes ? { join: (j) => writes.joinSlice(j) } : {}),
    };
  }

  updateConfig(routing: RoutingConfig): void {
    this.routing = routing;
  }

  /** Dollars for tokens on a configured model. */
  costOf(modelName: string, inputTokens: number, outputTokens: number): number {
    return priceOf(this.modelConfig(modelName), inputTokens, outputTokens);
  }

  private modelConfig(modelName: string) {
    const m = this.routing.models.find((x) => x.name === modelName);
    if (!m) throw new AqeError(ErrorCodes.NO_MODEL, `cannot price model "${modelName}": not in routing.models`, { modelName });
    return m;
  }

  /** Last known budget pressure (spent + held over limit, tightest window); sync for the router. */
  pressure(): number {
    return this.lastPressure;
  }

  private async owner(): Promise<string> {
    if (this.ownerId) return this.ownerId();
    this.ownLease ??= OwnerLease.start(this.store, { role: 'cost-tracker' });
    return (await this.ownLease).id;
  }

  /**
   * Holds the upper bound of one model call. When the whole bound does not fit, holds what is left if that
   * covers `minTokens` of output (and lowers maxTokens to match); otherwise throws BudgetExceededError.
   */
  async reserveCall(ctx: { taskId: string; agentType: string }, bound: CallBound): Promise<CallReservation> {
    const at = this.now();
    const model = this.modelConfig(bound.modelName);
    const price = model.capabilities.costPer1kTokens;
    const inputCost = (bound.inputTokens / 1000) * price.input;
    const perOutput = price.output / 1000;
    const maxTokens = Math.max(0, Math.floor(bound.maxTokens));
    const minTokens = Math.min(maxTokens, Math.max(0, Math.ceil(bound.minTokens)));
    const amount = inputCost + maxTokens * perOutput;
    const base = {
      taskId: ctx.taskId, agentType: ctx.agentType, modelName: bound.modelName, inputTokens: bound.inputTokens,
      maxTokens, amount, simulated: bound.simulated, at, state: 'held' as const,
    };
    const ct = this.routing.costTracking;
    if (!ct.enabled) return { ...base, id: randomUUID(), tracked: false, held: false };
    if (bound.simulated && !ct.countSimulated) return { ...base, id: randomUUID(), tracked: true, held: false };
    const minAmount = inputCost + minTokens * perOutput;
    let ticket: SliceTicket;
    try {
      ticket = await this.admit(at, { taskId: ctx.taskId, agentType: ctx.agentType, modelName: bound.modelName, amount, minAmount });
    } catch (err) {
      if (err instanceof BudgetExceededError) this.lastPressure = Math.max(this.lastPressure, err.limit > 0 ? err.spent / err.limit : 1);
      throw err;
    }
    const granted = ticket.amount;
    const fits = perOutput > 0 ? Math.floor((granted - inputCost) / perOutput + 1e-9) : maxTokens;
    return { ...base, id: ticket.id, amount: granted, maxTokens: Math.max(minTokens, Math.min(maxTokens, fits)), tracked: true, held: true, ticket };
  }

  /** The slice for this process and day (a new one after a day change or when this owner was declared dead). */
  private async slice(at: number): Promise<BudgetSlice> {
    const owner = await this.owner();
    const day = utcDayKey(at);
    let s = this.active;
    if (!s || s.lost || s.ownerId !== owner || s.day !== day) {
      s = new BudgetSlice(this.sliceHost, owner, day, utcMonthKey(at));
      this.active = s;
      this.slices = this.slices.filter((x) => !x.drained);
      this.slices.push(s);
    }
    return s;
  }

  private async admit(at: number, ask: { taskId: string; agentType: string; modelName: string; amount: number; minAmount: number }): Promise<SliceTicket> {
    for (;;) {
      try {
        return await (await this.slice(at)).admit(ask);
      } catch (err) {
        if (!(err instanceof SliceLostError)) throw err;
      }
    }
  }

  /**
   * Records what one call used (the provider's report, or the tokens received when it ended early), capped
   * at the reservation, and raises any alert it crosses. Returns the cost recorded.
   */
  async settleCall(r: CallReservation, usage: CallUsage): Promise<number> {
    const { cost, durable } = this.settleCallNow(r, usage);
    await durable;
    return cost;
  }

  /**
   * settleCall in two steps: the cost is decided at once (the caller may report it), and `durable` settles when
   * the group commit carrying the ledger row lands. A task's terminal record written in the same turn rides
   * the same transaction, so its reply waits for one commit instead of two.
   */
  settleCallNow(r: CallReservation, usage: CallUsage): { cost: number; durable: Promise<void> } {
    if (r.state !== 'held') return { cost: 0, durable: Promise.resolve() };
    r.state = 'settled';
    const full = this.costOf(r.modelName, usage.inputTokens, usage.outputTokens);
    // Output cannot pass max_tokens, and input was counted before the call: the bound holds; the cap only
    // absorbs a tokenizer margin that was too small.
    const cost = r.held ? Math.min(full, r.amount) : full;
    r.cost = cost;
    if (!r.tracked) return { cost, durable: Promise.resolve() };
    const status: CostStatus = r.simulated ? 'simulated' : 'settled';
    const record: CostRecord = {
      taskId: r.taskId, modelName: r.modelName, agentType: r.agentType, inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens, cost, estimated: usage.estimated, at: r.at, day: utcDayKey(r.at),
      month: utcMonthKey(r.at), status,
    };
    // Durable when the group commit carrying it lands.
    const durable = r.ticket ? r.ticket.slice.settle(r.ticket, record, true) : this.slice(r.at).then((slice) => slice.record(r.id, record));
    return { cost, durable: this.track(durable) };
  }

  /** The call never reached the provider (or it refused before doing any work): nothing to bill. */
  releaseCall(r: CallReservation): Promise<void> {
    if (r.state !== 'held') return Promise.resolve();
    r.state = 'released';
    if (r.ticket) r.ticket.slice.release(r.ticket);
    return Promise.resolve();
  }

  /** After a commit that moved money to spent: alerts whose threshold was crossed and not yet known to be raised. */
  private alertsAfterCommit(usage: Array<{ name: BudgetName; period: string; spent: number; simulated: number }>): void {
    const ct = this.routing.costTracking;
    let due = false;
    for (const u of usage) {
      const limit = limitOf(ct, u.name);
      if (!(limit > 0)) continue;
      const percent = ((u.spent + (ct.countSimulated ? u.simulated : 0)) / limit) * 100;
      for (const threshold of [alertThresholdPercent(ct, u.name), 100]) {
        if (percent >= threshold && !this.alertsKnown.has(`${u.name}:${u.period}:${threshold}`)) due = true;
      }
    }
    if (due) void this.track(this.checkAlerts()).catch(() => undefined);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    const done = () => this.pending.delete(p);
    p.then(done, done);
    return p;
  }

  /**
   * Waits for settlements in flight, commits every pending one and returns the unused part of this process's
   * slices to the budget (shutdown calls this before closing the store; calls still in flight stay held).
   */
  async flush(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
    await Promise.all(this.slices.map((s) => s.drain()));
    this.slices = this.slices.filter((x) => x === this.active || !x.drained);
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  /**
   * Books the reservations of processes that died (or stopped) without settling as unsettled cost at the
   * reserved amount. Safe to call from every process at once: each reservation is booked exactly once.
   */
  async sweepOrphans(): Promise<CostRecord[]> {
    const booked = await this.store.bookOrphanedReservations();
    for (const r of booked) {
      this.logger.warn(
        { event: 'cost.unsettled', taskId: r.taskId, modelName: r.modelName, cost: r.cost },
        `task ${r.taskId}: its process ended before settling a ${r.modelName} call; booked the reserved $${r.cost.toFixed(4)} as unsettled`,
      );
      this.emit('unsettled', r);
    }
    if (booked.length) await this.checkAlerts();
    return booked;
  }

  /** Stops the tracker's own owner lease, if it started one. */
  async close(): Promise<void> {
    await this.flush();
    if (this.ownLease) await (await this.ownLease).stop();
  }

  /**
   * Task-level reservation of a fixed amount (the seed's API). The fleet reserves per model call
   * (reserveCall); this remains for callers that hold a budget for a whole piece of work.
   */
  async reserve(task: QETask, selection: ModelSelection, agentType: string): Promise<Reservation> {
    const at = this.now();
    const base = { taskId: task.id, agentType, modelName: selection.modelName, estimatedCost: selection.estimatedCost, at };
    const ct = this.routing.costTracking;
    if (!ct.enabled) return { ...base, id: null, tracked: false, state: 'held' };
    const amount = Math.max(0, selection.estimatedCost);
    const outcome = await this.store.reserveBudget(budgetWindows(ct, at), amount, {
      taskId: task.id, ownerId: await this.owner(), modelName: selection.modelName, agentType, countSimulated: ct.countSimulated,
    });
    if (!outcome.ok) {
      this.lastPressure = Math.max(this.lastPressure, outcome.limit > 0 ? outcome.spent / outcome.limit : 1);
      throw new BudgetExceededError(outcome.budget, outcome.spent, outcome.limit, amount);
    }
    return { ...base, id: outcome.reservationId, tracked: true, state: 'held' };
  }

  /**
   * Replaces a task-level reservation with the real cost. One ledger record per model actually used.
   * Returns the total cost.
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
    // The money is already spent: record the other models' usage under fresh ids (nothing held).
    for (const r of rest) await this.store.settleReservation(randomUUID(), r);
    await this.checkAlerts();
    return total;
  }

  async release(reservation: Reservation): Promise<void> {
    if (reservation.state !== 'held') return;
    reservation.state = 'released';
    if (reservation.tracked && reservation.id !== null) await this.store.releaseReservation(reservation.id);
  }

  /** Read-only. */
  async budgetStatus(): Promise<BudgetStatus> {
    const ct = this.routing.costTracking;
    const now = this.now();
    const window = async (name: BudgetName, period: string): Promise<BudgetWindowStatus> => {
      const limit = limitOf(ct, name);
      const { spent, reserved, simulated } = await this.store.budgetUsage(name, period);
      const counted = spent + (ct.countSimulated ? simulated : 0);
      return {
        period,
        limit,
        spent,
        reserved,
        simulated,
        left: Math.max(0, limit - counted - reserved),
        percent: limit > 0 ? (counted / limit) * 100 : counted > 0 ? 100 : 0,
        alertThresholdPercent: alertThresholdPercent(ct, name),
      };
    };
    const daily = await window('daily', utcDayKey(now));
    const monthly = await window('monthly', utcMonthKey(now));
    const used = (w: BudgetWindowStatus) => (w.limit > 0 ? (w.limit - w.left) / w.limit : w.limit - w.left > 0 ? 1 : 0);
    this.lastPressure = Math.max(used(daily), used(monthly));
    return { enabled: ct.enabled, enforce: ct.enforce, countSimulated: ct.countSimulated, daily, monthly, pressure: this.lastPressure };
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

  /** Read-only: the ledger (money and simulated apart), budget status and the alerts already raised. */
  async report(opts: { period: ReportPeriod; by?: ReportGrouping }): Promise<CostReport> {
    const days = PERIOD_DAYS[opts.period];
    if (!days) throw new AqeError(ErrorCodes.USAGE, `period must be one of ${Object.keys(PERIOD_DAYS).join(', ')}, got ${JSON.stringify(opts.period)}`);
    const now = this.now();
    const since = startOfUtcDay(now) - (days - 1) * 86_400_000;
    const records = await this.store.costRecords(since);
    const money = records.filter((r) => r.status !== 'simulated');
    const simulated = records.filter((r) => r.status === 'simulated');
    const summary = summariseLedger(money, this.routing.models, this.routing.defaultModel, opts.by);
    const simulatedSummary = summariseLedger(simulated, this.routing.models, this.routing.defaultModel, opts.by);
    const budget = await this.budgetStatus();
    const alerts = await this.alerts(since);
    return { period: opts.period, by: opts.by, since, until: now, ...summary, simulated: simulatedSummary, budget, alerts };
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
        if (this.alertsKnown.has(key)) continue;
        if (await this.store.get(ALERTS_PARTITION, key)) {
          this.alertsKnown.add(key);
          continue;
        }
        const at = this.now();
        const alert: BudgetAlert = { budget: name, period: w.period, thresholdPercent: threshold, spent: w.spent, limit: w.limit, percent: w.percent, at };
        // Across processes: only the one whose marker lands raises the alert.
        const mine = await this.store.putIfAbsent({
          key,
          partition: ALERTS_PARTITION,
          value: alert,
          owner: 'system',
          accessLevel: AccessLevel.SYSTEM,
          createdAt: at,
          updatedAt: at,
        });
        this.alertsKnown.add(key);
        if (!mine) continue;
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
