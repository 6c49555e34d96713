import { BudgetExceededError } from '../errors.js';
import { MONEY_EPSILON } from '../memory/slice-size.js';
import type { BudgetWindow, CostRecord, MemoryStore, SliceCall, SliceCommit, SliceOutcome, SliceSettlement, WindowUsage } from '../memory/types.js';
import type { SliceJoin } from '../memory/write-behind.js';
import { timeOrderedId } from '../ids.js';

/** Tuning of a process's budget slice (the defaults suit model calls; tests and benches may change them). */
export interface SliceTuning {
  /** Headroom is at most this fraction of what the tightest window has left (the rest stays for other processes). */
  extraFraction: number;
  /** Headroom is at least this many of the largest call bound seen, and at most maxCalls of them. */
  minCalls: number;
  maxCalls: number;
  /** Below this many call bounds left in the tightest window, no headroom: every call is held exactly. */
  exactCalls: number;
  /** A slice nobody used for this long is returned to the budget. */
  idleMs: number;
  /** Calls in flight this long are journaled by name (a survivor then books them by task). */
  journalMs: number;
}

export const DEFAULT_SLICE_TUNING: SliceTuning = { extraFraction: 1 / 16, minCalls: 4, maxCalls: 256, exactCalls: 64, idleMs: 500, journalMs: 200 };

/** One call admitted against a slice (CallReservation keeps it). */
export interface SliceTicket {
  id: string;
  slice: BudgetSlice;
  /** The bound held in the slice. */
  amount: number;
  /** Written to the slice's journal (by a commit) while in flight. */
  journaled: boolean;
  /** When it was admitted (Date.now()): calls admitted in memory are journaled once in flight journalMs. */
  admittedAt: number;
  ended: boolean;
}

interface CallAsk {
  taskId: string;
  agentType: string;
  modelName: string;
  amount: number;
  minAmount: number;
}

interface Waiter {
  /** The ticket id it gets if admitted (journaled by the commit that admits it). */
  id: string;
  ask: CallAsk;
  resolve: (t: SliceTicket) => void;
  reject: (err: unknown) => void;
}

interface Pending {
  settlement: SliceSettlement;
  done: () => void;
}

export interface SliceHost {
  store: MemoryStore;
  tuning: SliceTuning;
  countSimulated: () => boolean;
  /** The windows now, with the limits the config gives now. */
  windows: (period: { day: string; month: string }) => BudgetWindow[];
  onCommitted: (usage: WindowUsage[], moneySettled: boolean) => void;
  onError: (err: unknown) => void;
  /**
   * Carry the next commit in the fleet's group commit (WriteBehind.joinSlice) instead of a transaction of its
   * own. Only the commits settles and waiting calls ask for go this way; the timer's, drain's and retries don't.
   */
  join?: (join: SliceJoin) => void;
}

/** One commit cycle: what begin() took out of the slice for the store, and what finish() puts back on failure. */
interface Cycle {
  commit: SliceCommit;
  shrink: boolean;
  batch: Pending[];
  waiters: Waiter[];
  started: SliceTicket[];
  ended: string[];
  movedCost: number;
  /** The largest call bound when the commit began (sizes the exact-hold threshold after it). */
  bound: number;
}

/**
 * One process's share of one day's budget, held in the store as a single reservation row (owner = this
 * process) and used in memory: a call is admitted when the slice has room for its bound, with no store round
 * trip. Settlements are group-committed: one store transaction (MemoryStore.commitSlice, or the fleet's group
 * commit, MemoryStore.applyGroup) records every call settled since the last one, moves their cost from the slice
 * to spent, journals by name the calls in flight for journalMs and
 * resizes the slice: grown within the limits when calls wait for room, headroom sized from recent demand,
 * none near the limit (then every call waits for a commit: exact per-call holds), shrunk to the calls in
 * flight when idle or closing. Invariant: amount >= bounds in flight + settled costs not yet committed, so
 * spent + held never passes a limit whatever the number of processes.
 */
export class BudgetSlice {
  readonly id = timeOrderedId();
  private amount = 0;
  private known = false;
  /** Bounds of admitted calls not ended. */
  private held = 0;
  /** Costs of held calls settled since the last commit (not yet moved to spent). */
  private pendingCost = 0;
  private pending: Pending[] = [];
  private started = new Set<SliceTicket>();
  private ended: string[] = [];
  private waiting: Waiter[] = [];
  /** While a commit is in flight: what may still be admitted in memory (the commit keeps it in the slice). */
  private flightRoom = 0;
  private committing = false;
  private scheduled = false;
  private demand = 0;
  private maxBound = 0;
  private exact = true;
  private lastUse = Date.now();
  private timer?: NodeJS.Timeout;
  private timerAt = 0;
  private failures = 0;
  private closing = false;
  lost = false;

  constructor(
    private readonly host: SliceHost,
    readonly ownerId: string,
    readonly day: string,
    readonly month: string,
  ) {}

  private room(): number {
    return this.committing ? this.flightRoom : this.amount - this.held - this.pendingCost;
  }

  /** True when nothing is held, pending or waiting (the slice can be dropped once its row is returned). */
  get empty(): boolean {
    return this.held <= MONEY_EPSILON && this.pending.length === 0 && this.waiting.length === 0 && this.started.size === 0 && this.ended.length === 0;
  }

  get drained(): boolean {
    return this.empty && this.amount <= MONEY_EPSILON && !this.committing;
  }

  /** Admit a call: from the slice in memory when it has room, else after a commit grows it (or refuses). */
  admit(ask: CallAsk): SliceTicket | Promise<SliceTicket> {
    this.lastUse = Date.now();
    this.maxBound = Math.max(this.maxBound, ask.amount);
    if (!this.lost && !this.closing && this.waiting.length === 0 && this.room() + MONEY_EPSILON >= ask.amount && ask.amount > 0) {
      if (this.committing) this.flightRoom -= ask.amount;
      return this.take(ask, ask.amount);
    }
    return new Promise<SliceTicket>((resolve, reject) => {
      this.waiting.push({ id: timeOrderedId(), ask, resolve, reject });
      this.schedule(true);
    });
  }

  private take(ask: CallAsk, amount: number, journaledId?: string): SliceTicket {
    const ticket: SliceTicket = { id: journaledId ?? timeOrderedId(), slice: this, amount, journaled: journaledId !== undefined, admittedAt: Date.now(), ended: false };
    this.held += amount;
    this.demand += amount;
    if (!ticket.journaled) this.started.add(ticket);
    (ticket as SliceTicket & { ask: CallAsk }).ask = ask;
    this.arm();
    return ticket;
  }

  /** Settle a call admitted here: durable once the group commit carrying it lands. */
  settle(ticket: SliceTicket, record: CostRecord, held: boolean): Promise<void> {
    if (ticket.ended) return Promise.resolve();
    this.end(ticket);
    if (held) this.pendingCost += record.cost;
    return this.enqueue({ id: ticket.id, record, held });
  }

  /** Record a cost that held nothing here (an uncounted simulation): rides the next commit. */
  record(id: string, record: CostRecord): Promise<void> {
    return this.enqueue({ id, record, held: false });
  }

  private enqueue(settlement: SliceSettlement): Promise<void> {
    return new Promise<void>((done) => {
      this.pending.push({ settlement, done });
      this.schedule(true);
    });
  }

  /** The call never reached the provider: its bound goes back to the slice. */
  release(ticket: SliceTicket): void {
    if (ticket.ended) return;
    this.end(ticket);
    this.arm();
  }

  private end(ticket: SliceTicket): void {
    ticket.ended = true;
    this.held -= ticket.amount;
    if (this.held < MONEY_EPSILON) this.held = 0;
    if (!this.started.delete(ticket) && ticket.journaled) this.ended.push(ticket.id);
  }

  /**
   * Commit soon: on the next turn of the event loop (every settle of this turn rides one transaction), in the
   * fleet's group commit when the host offers one (then with the task records and journal writes of that turn).
   */
  private schedule(now: boolean): void {
    if (!now) return this.arm();
    if (this.scheduled || this.committing) return;
    this.scheduled = true;
    if (this.host.join) {
      let cycle: Cycle | undefined;
      this.host.join({
        prepare: () => {
          this.scheduled = false;
          // Nothing asked for since (a timer's or drain's commit took it): no commit.
          if (this.pending.length === 0 && this.waiting.length === 0) return undefined;
          cycle = this.tryBegin(false);
          return cycle?.commit;
        },
        done: (outcome, error) => {
          if (cycle) void this.finish(cycle, outcome, error);
        },
      });
      return;
    }
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  /** A timer for the slow duties: journal long calls by name, return an idle slice. */
  private arm(): void {
    if (this.closing) return;
    // Calls in flight not journaled yet: wake when the oldest is due (the Set keeps admission order).
    const oldest = this.started.values().next().value;
    const wait = oldest ? Math.max(0, oldest.admittedAt + this.host.tuning.journalMs - Date.now()) : this.host.tuning.idleMs;
    const at = Date.now() + wait;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const idle = Date.now() - this.lastUse >= this.host.tuning.idleMs;
      if (this.journalDue(Date.now()) || this.ended.length || (idle && this.held <= MONEY_EPSILON && this.amount > MONEY_EPSILON)) void this.run(idle);
      else if (this.amount > MONEY_EPSILON || this.started.size) this.arm();
    }, wait);
    this.timer.unref();
  }

  /** The oldest call admitted in memory and not journaled has been in flight journalMs. */
  private journalDue(now: number): boolean {
    const oldest = this.started.values().next().value;
    return oldest !== undefined && now - oldest.admittedAt >= this.host.tuning.journalMs;
  }

  private async run(shrink = false): Promise<void> {
    const cycle = this.tryBegin(shrink);
    if (!cycle) return;
    let outcome: SliceOutcome | undefined;
    let failure: unknown;
    try {
      outcome = await this.host.store.commitSlice(cycle.commit);
    } catch (err) {
      failure = err;
    }
    await this.finish(cycle, outcome, failure);
  }

  /** begin(), or, when it throws (nothing was taken), the error reported and a retry soon. */
  private tryBegin(shrink: boolean): Cycle | undefined {
    try {
      return this.begin(shrink);
    } catch (err) {
      this.failures++;
      this.host.onError(err);
      setTimeout(() => void this.run(shrink), Math.min(1000, 25 * 2 ** this.failures));
      return undefined;
    }
  }

  /** Starts a commit: takes what is pending out of the slice and builds the store's SliceCommit (undefined: one is in flight). */
  private begin(shrink: boolean): Cycle | undefined {
    if (this.committing) return undefined;
    // First, before anything is taken out of the slice: these read the config and may throw.
    const windows = this.host.windows(this);
    const countSimulated = this.host.countSimulated();
    this.committing = true;
    const batch = this.pending;
    this.pending = [];
    const waiters = this.waiting;
    this.waiting = [];
    // Calls admitted in memory are journaled once in flight journalMs (all of them when returning the slice):
    // most calls end sooner, and journaling each then dropping it would be two row writes per call for a name
    // the slice's own record stands in for (a survivor books unjournaled calls in it, money included).
    const now = Date.now();
    const all = shrink || this.closing;
    const started = all ? [...this.started] : [...this.started].filter((s) => now - s.admittedAt >= this.host.tuning.journalMs);
    const ended = this.ended;
    this.ended = [];
    const movedCost = batch.reduce((n, p) => n + (p.settlement.held ? p.settlement.record.cost : 0), 0);
    // Room kept for admissions while this commit is in flight: none when holding exactly (near the limit),
    // shrinking (idle) or closing; otherwise what the slice has free now.
    const free = Math.max(0, this.amount - this.held - this.pendingCost);
    const keep = this.exact || shrink || this.closing || this.lost ? 0 : free;
    this.flightRoom = keep;
    const floor = this.held + keep;
    const asked = waiters.reduce((n, w) => n + w.ask.amount, 0);
    const t = this.host.tuning;
    const bound = Math.max(this.maxBound, MONEY_EPSILON);
    // Headroom for about four commit cycles of recent demand (the store grows the slice only when less than a
    // quarter of it is left, so growth, the step that serialises processes, is one commit in several).
    const extra = shrink || this.closing || this.exact ? 0 : Math.min(Math.max(4 * this.demand, t.minCalls * bound), t.maxCalls * bound);
    this.demand = 0;
    const commit: SliceCommit = {
      sliceId: this.id,
      ownerId: this.ownerId,
      known: this.known,
      windows,
      countSimulated,
      settled: batch.map((p) => p.settlement),
      // Calls in flight by name: those admitted in memory since the last commit, and those this commit admits.
      started: started
        .filter((s) => !s.ended)
        .map((s) => {
          const a = (s as SliceTicket & { ask: CallAsk }).ask;
          return { id: s.id, taskId: a.taskId, modelName: a.modelName, agentType: a.agentType, amount: s.amount } satisfies SliceCall;
        })
        .concat(waiters.map((w) => ({ id: w.id, taskId: w.ask.taskId, modelName: w.ask.modelName, agentType: w.ask.agentType, amount: w.ask.amount }))),
      ended,
      floor,
      need: floor + asked,
      extra,
      extraFraction: t.extraFraction,
      exactBelow: t.exactCalls * bound,
    };
    return { commit, shrink, batch, waiters, started, ended, movedCost, bound };
  }

  /** Finishes a commit begun by begin(): applies the store's outcome, or puts everything back and retries. */
  private async finish(cycle: Cycle, outcome: SliceOutcome | undefined, failure: unknown): Promise<void> {
    const { shrink, batch, waiters, started, ended, movedCost, bound } = cycle;
    const t = this.host.tuning;
    if (!outcome) {
      // Nothing was written: put everything back and retry (the slice still holds what it held).
      this.pending = batch.concat(this.pending);
      this.waiting = waiters.concat(this.waiting);
      this.ended = ended.concat(this.ended);
      this.committing = false;
      this.failures++;
      this.host.onError(failure);
      // Not unref'd: settles waiting to be durable keep the process alive until they are.
      setTimeout(() => void this.run(shrink), Math.min(1000, 25 * 2 ** this.failures));
      return;
    }
    this.failures = 0;
    this.known = true;
    this.committing = false;
    this.pendingCost -= movedCost;
    if (this.pendingCost < MONEY_EPSILON) this.pendingCost = 0;
    for (const s of started) {
      if (s.ended) {
        // Ended while the commit that journaled it was in flight: drop it from the journal next time.
        if (!this.lost) this.ended.push(s.id);
      } else if (!this.lost) {
        s.journaled = true;
        this.started.delete(s);
      }
    }
    if (outcome.lost) {
      this.lost = true;
      this.amount = 0;
    } else this.amount = outcome.amount;
    const left = Math.min(...outcome.usage.map((u) => (Number.isFinite(u.limit) ? u.limit - u.spent - u.reserved - (this.host.countSimulated() ? u.simulated : 0) : Infinity)));
    this.exact = left < t.exactCalls * bound;
    for (const p of batch) p.done();
    this.host.onCommitted(outcome.usage, batch.some((p) => p.settlement.held));
    const refused = this.serve(waiters);
    if (refused.length) {
      // What the windows had left did not cover these calls: give it back before saying so, so a refusal is
      // never seen while this process still holds money it cannot use.
      if (this.amount > this.held + this.pendingCost + MONEY_EPSILON) await this.run(true);
      for (const w of refused) w.reject(refusal(outcome.usage, w.ask.minAmount, this.host.countSimulated()));
    }
    if (this.pending.length || this.waiting.length) this.schedule(true);
    this.arm();
  }

  /** Admits the waiters the commit made room for; returns those refused. */
  private serve(waiters: Waiter[]): Waiter[] {
    if (this.lost) {
      for (const w of waiters) w.reject(new SliceLostError());
      return [];
    }
    const refused: Waiter[] = [];
    for (const w of waiters) {
      const room = this.amount - this.held - this.pendingCost;
      if (room + MONEY_EPSILON >= w.ask.amount) w.resolve(this.take(w.ask, w.ask.amount, w.id));
      else if (room > 0 && room + MONEY_EPSILON >= w.ask.minAmount) w.resolve(this.take(w.ask, room, w.id));
      else {
        refused.push(w);
        this.ended.push(w.id); // journaled by the commit: dropped by the next one
      }
    }
    return refused;
  }

  /** Commit what is pending and return the slice down to the calls still in flight; resolves when done. */
  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const settled = () =>
      this.pending.length === 0 && this.waiting.length === 0 && this.ended.length === 0 && this.started.size === 0 && this.amount <= this.held + MONEY_EPSILON;
    for (let i = 0; i < 5 && !(settled() && !this.committing); i++) {
      this.closing = true;
      while (this.committing) await new Promise((r) => setImmediate(r));
      await this.run(true);
      this.closing = false;
      if (this.failures) await new Promise((r) => setTimeout(r, 50 * this.failures));
    }
    this.closing = false;
  }
}

/** The slice was booked by a survivor (this process was declared dead): the call retries on a new slice. */
export class SliceLostError extends Error {
  constructor() {
    super('budget slice lost: this process was declared dead');
  }
}

function refusal(usage: WindowUsage[], requested: number, countSimulated: boolean): BudgetExceededError {
  let worst: WindowUsage | undefined;
  let worstLeft = Infinity;
  for (const u of usage) {
    if (!Number.isFinite(u.limit)) continue;
    const left = u.limit - u.spent - u.reserved - (countSimulated ? u.simulated : 0);
    if (left < worstLeft) {
      worstLeft = left;
      worst = u;
    }
  }
  const w = worst ?? usage[0];
  const used = w.spent + w.reserved + (countSimulated ? w.simulated : 0);
  return new BudgetExceededError(w.name, used, w.limit, requested);
}
