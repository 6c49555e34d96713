import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FleetManager } from '../fleet/FleetManager.js';
import type { TaskResult } from '../fleet/types.js';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

interface TaskEndEvent {
  taskId: string;
  agentType: string;
  result?: TaskResult;
  ttfcMs?: number;
  error?: { code?: string };
}

/** Budget windows as the cost tracker reports them; read defensively (spent/limit per window). */
export interface BudgetWindowSnapshot {
  window: 'daily' | 'monthly';
  spent: number;
  limit: number;
}

/** Picks { spent, limit } for the daily and monthly windows out of CostTracker.budgetStatus()'s answer. */
export function budgetWindows(status: unknown): BudgetWindowSnapshot[] {
  const out: BudgetWindowSnapshot[] = [];
  const s = status as Record<string, unknown> | undefined;
  for (const window of ['daily', 'monthly'] as const) {
    const w = s?.[window] as Record<string, unknown> | undefined;
    if (!w || typeof w !== 'object') continue;
    const spent = Number(w.spent ?? 0);
    const limit = Number(w.limit ?? 0);
    if (Number.isFinite(spent) && Number.isFinite(limit)) out.push({ window, spent, limit });
  }
  return out;
}

/** "AQE_ERR_TASK_TIMEOUT" -> "task_timeout". */
export function errorKind(code: string | undefined): string {
  if (!code) return 'unknown';
  return code.replace(/^AQE_ERR_/, '').toLowerCase();
}

/**
 * The fleet's Prometheus metrics: one registry per server, fed by the fleet's events (no polling on the task
 * path); budget and in-flight gauges are read when scraped.
 */
export class FleetMetrics {
  readonly registry = new Registry();
  private readonly tasks: Counter<'task_type' | 'agent_type' | 'model' | 'outcome'>;
  private readonly duration: Histogram<'task_type' | 'outcome'>;
  private readonly ttfc: Histogram<'model'>;
  private readonly streams: Counter<'outcome'>;
  private readonly fallbacks: Counter<'model'>;
  private readonly selections: Counter<'model'>;
  private readonly cost: Counter<'model'>;
  private readonly errors: Counter<'kind'>;
  private readonly alerts: Counter<'window'>;
  private readonly sseOpen: Gauge;
  private readonly rejected: Counter<'reason'>;
  private readonly mcpClosed: Counter<'reason'>;
  private mcpSessions: () => number = () => 0;
  private readonly streaming = new Set<string>();
  private readonly listeners: Array<[string, (...args: any[]) => void]> = [];

  constructor(private readonly fleet: FleetManager, opts: { defaultMetrics?: boolean; replica?: string } = {}) {
    const registers = [this.registry];
    // every series carries the replica, so one dashboard can tell (and sum) the replicas behind a Service
    if (opts.replica) this.registry.setDefaultLabels({ replica: opts.replica });
    if (opts.defaultMetrics !== false) {
      collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
      // Gauges with a _total suffix fail `promtool check metrics`; the per-type gauges without it stay.
      for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) {
        this.registry.removeSingleMetric(name);
      }
    }
    this.tasks = new Counter({ name: 'aqe_tasks_total', help: 'Tasks finished, by task type, agent type, model and outcome.', labelNames: ['task_type', 'agent_type', 'model', 'outcome'], registers });
    this.duration = new Histogram({
      name: 'aqe_task_duration_seconds', help: 'Task duration from start to end.', labelNames: ['task_type', 'outcome'], registers,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    });
    this.ttfc = new Histogram({
      name: 'aqe_stream_first_chunk_seconds', help: 'Time to first streamed chunk.', labelNames: ['model'], registers,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    this.streams = new Counter({ name: 'aqe_streams_total', help: 'Streamed tasks by outcome (completed, fallback_to_sync, failed, cancelled).', labelNames: ['outcome'], registers });
    this.fallbacks = new Counter({ name: 'aqe_stream_fallbacks_total', help: 'Streams that fell back to a synchronous call.', labelNames: ['model'], registers });
    this.selections = new Counter({ name: 'aqe_routing_selections_total', help: 'Router selections by model.', labelNames: ['model'], registers });
    this.cost = new Counter({ name: 'aqe_cost_dollars_total', help: 'Cost of finished tasks in US dollars, by model (estimates included).', labelNames: ['model'], registers });
    this.errors = new Counter({ name: 'aqe_errors_total', help: 'Failed tasks by error kind.', labelNames: ['kind'], registers });
    this.alerts = new Counter({ name: 'aqe_budget_alerts_total', help: 'Budget threshold alerts fired.', labelNames: ['window'], registers });
    this.sseOpen = new Gauge({ name: 'aqe_sse_streams_open', help: 'Open SSE task streams.', registers });

    this.rejected = new Counter({ name: 'aqe_tasks_rejected_total', help: 'Tasks refused by admission control (503 + Retry-After), by reason.', labelNames: ['reason'], registers });
    this.mcpClosed = new Counter({ name: 'aqe_mcp_sessions_closed_total', help: 'MCP sessions closed by the server: idle expiry, the session cap, shutdown.', labelNames: ['reason'], registers });
    const sessionsOf = () => this.mcpSessions();
    new Gauge({
      name: 'aqe_mcp_sessions', help: 'Open MCP sessions (Streamable HTTP at /mcp).', registers,
      collect() {
        this.set(sessionsOf());
      },
    });

    const fleetRef = this.fleet;
    new Gauge({
      name: 'aqe_tasks_limit', help: 'Admission limits: fleet.maxConcurrentTasks (running) and fleet.maxQueuedTasks (queued).', labelNames: ['state'], registers,
      collect() {
        const f = fleetRef.getConfig().fleet;
        this.set({ state: 'running' }, f.maxConcurrentTasks);
        this.set({ state: 'queued' }, f.maxQueuedTasks);
      },
    });
    new Gauge({
      name: 'aqe_tasks_in_flight', help: 'Tasks running or queued behind the concurrency limit.', labelNames: ['state'], registers,
      collect() {
        const t = fleetRef.runningTasks();
        this.set({ state: 'running' }, t.running);
        this.set({ state: 'queued' }, t.queued);
      },
    });
    // Both budget gauges are filled from one store read per scrape.
    let pending: { at: number; value: Promise<BudgetWindowSnapshot[]> } | undefined;
    const budgets = (): Promise<BudgetWindowSnapshot[]> => {
      const now = Date.now();
      if (!pending || now - pending.at > 250) {
        pending = { at: now, value: Promise.resolve().then(() => fleetRef.getCostTracker().budgetStatus()).then(budgetWindows, () => []) };
      }
      return pending.value;
    };
    new Gauge({
      name: 'aqe_budget_spent_dollars', help: 'Spent in the current budget window, US dollars.', labelNames: ['window'], registers,
      async collect() {
        for (const b of await budgets()) this.set({ window: b.window }, b.spent);
      },
    });
    new Gauge({
      name: 'aqe_budget_limit_dollars', help: 'Limit of the budget window, US dollars.', labelNames: ['window'], registers,
      async collect() {
        for (const b of await budgets()) this.set({ window: b.window }, b.limit);
      },
    });
    this.attach();
  }

  private on(event: string, fn: (...args: any[]) => void): void {
    this.fleet.on(event, fn);
    this.listeners.push([event, fn]);
  }

  private attach(): void {
    this.on('task:started', (e: { taskId: string; stream?: boolean }) => {
      if (e.stream) this.streaming.add(e.taskId);
    });
    this.on('task:completed', (e: TaskEndEvent) => this.taskEnded(e, 'completed'));
    this.on('task:failed', (e: TaskEndEvent) => this.taskEnded(e, 'failed'));
    this.on('task:cancelled', (e: TaskEndEvent) => this.taskEnded(e, 'cancelled'));
    this.on('routing:selected', (e: { selection?: { modelName?: string } }) => this.selections.inc({ model: e.selection?.modelName ?? 'unknown' }));
    this.on('stream:fallback', (e: { modelName?: string }) => this.fallbacks.inc({ model: e.modelName ?? 'unknown' }));
    this.on('task:rejected', (e: { reason?: string }) => this.rejected.inc({ reason: e.reason ?? 'unknown' }));
    this.on('budget:alert', (e: Record<string, unknown>) => this.alerts.inc({ window: String(e.budget ?? e.window ?? 'unknown') }));
  }

  private taskEnded(e: TaskEndEvent, outcome: 'completed' | 'failed' | 'cancelled'): void {
    const r = e.result;
    const taskType = this.fleet.getTask(e.taskId)?.type ?? 'unknown';
    const model = r?.modelName ?? 'none';
    this.tasks.inc({ task_type: taskType, agent_type: e.agentType ?? 'unknown', model, outcome });
    if (r) this.duration.observe({ task_type: taskType, outcome }, Math.max(0, r.endedAt - r.startedAt) / 1000);
    if (r?.cost) this.cost.inc({ model }, r.cost);
    if (e.ttfcMs !== undefined) this.ttfc.observe({ model }, e.ttfcMs / 1000);
    if (outcome === 'failed') this.errors.inc({ kind: errorKind(e.error?.code ?? r?.error?.code) });
    if (this.streaming.delete(e.taskId)) {
      this.streams.inc({ outcome: outcome === 'completed' ? (r?.fellBackToSync ? 'fallback_to_sync' : 'completed') : outcome });
    }
  }

  /** Where the open MCP session count comes from (the /mcp endpoint, once loaded). */
  setMcpSessionCount(count: () => number): void {
    this.mcpSessions = count;
  }

  mcpSessionClosed(reason: string): void {
    this.mcpClosed.inc({ reason });
  }

  sseOpened(): void {
    this.sseOpen.inc();
  }

  sseClosed(): void {
    this.sseOpen.dec();
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  close(): void {
    for (const [event, fn] of this.listeners) this.fleet.off(event, fn);
    this.listeners.length = 0;
    this.registry.clear();
  }
}
