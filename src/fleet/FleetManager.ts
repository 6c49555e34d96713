import { hostname } from 'node:os';
import { EventEmitter } from 'node:events';
import type { FeatureName, FleetConfig } from '../config/schema.js';
import { ConfigWatcher } from '../config/watch.js';
import { AqeError, ErrorCodes, TaskCancelledError, errorMessage } from '../errors.js';
import { FeatureFlags } from '../flags/FeatureFlags.js';
import { FlagSync, type FlagAuditRecord } from '../flags/flag-sync.js';
import { createLogger, type Logger } from '../logging.js';
import { openMemoryStore } from '../memory/index.js';
import { OwnerLease, type OwnerLeaseOptions } from '../memory/owner-lease.js';
import { SwarmMemoryManager } from '../memory/SwarmMemoryManager.js';
import { AccessLevel, type MemoryStore } from '../memory/types.js';
import { WriteBehind } from '../memory/write-behind.js';
import { createProviderRegistry, type ProviderRegistry } from '../providers/index.js';
import { CostTracker } from '../routing/CostTracker.js';
import type { ModelRouter } from '../routing/ModelRouter.js';
import { registerEnvSecrets } from '../secrets.js';
import { ModelCaller } from '../streaming/ModelCaller.js';
import { registerBuiltinAgents } from '../agents/index.js';
import type { BaseAgent } from './BaseAgent.js';
import { AdmissionControl } from './admission.js';
import { ConcurrencyLimiter } from './limiter.js';
import { agentTypeFor, createAgent } from './registry.js';
import { ownerLiveness } from './owner-liveness.js';
import { TaskRecords, outcomeOf, type TaskRecord } from './task-records.js';
import { TaskRunner, findModel, type ExecuteOptions } from './task-runner.js';
import { validateTask } from './task-validation.js';
import type { QETask, TaskResult } from './types.js';
import { timeOrderedId } from '../ids.js';

export type { TaskRecord } from './task-records.js';

export const VERSION = '1.0.5';

export interface FleetManagerOptions {
  /** The config file, for hot reload (watched when watchConfig is true) and SIGHUP. */
  configPath?: string;
  watchConfig?: boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  store?: MemoryStore;
  logger?: Logger;
  /** This process's entry in the store's owner registry (role, e.g. "aqe run"; heartbeat and staleness for tests). */
  owner?: Partial<Pick<OwnerLeaseOptions, 'role' | 'heartbeatMs' | 'staleAfterMs' | 'manual'>>;
}

export interface HealthReport {
  status: 'healthy' | 'unhealthy';
  version: string;
  features: { multiModelRouter: boolean; streaming: boolean };
  uptimeSeconds: number;
  /** kind and reachability, plus what the store says about itself (PostgreSQL: database without password, pool). */
  store: { kind: string; status: 'ok' | 'unreachable'; [detail: string]: unknown };
  /** This process's replica name (fleet.replica, else HOSTNAME). */
  replica: string;
  tasks: { running: number; queued: number };
  draining: boolean;
}

/**
 * Owns the store, flags, router, cost tracker, providers and agents; runs tasks with a fleet-wide concurrency
 * limit, a per-task timeout and cancellation. Library first: the CLI, HTTP service and MCP server call this.
 */
export class FleetManager extends EventEmitter {
  private config: FleetConfig;
  private readonly options: FleetManagerOptions;
  private readonly env: NodeJS.ProcessEnv;
  private readonly startedAt = Date.now();
  private logger: Logger;
  private flags!: FeatureFlags;
  private memory!: SwarmMemoryManager;
  private providers!: ProviderRegistry;
  private router?: ModelRouter;
  private routerLoading?: Promise<ModelRouter>;
  private costs!: CostTracker;
  private readonly retiredCosts = new Set<CostTracker>();
  private lease!: OwnerLease;
  private flagSync!: FlagSync;
  private caller!: ModelCaller;
  private runner!: TaskRunner;
  private watcher?: ConfigWatcher;
  private limiter: ConcurrencyLimiter;
  private readonly admission = new AdmissionControl();
  private readonly agents = new Map<string, BaseAgent>();
  private records!: TaskRecords;
  /** Group commit of the per-task bookkeeping: task records, routing selections, stream sessions. */
  private writes!: WriteBehind;
  private readonly controllers = new Map<string, AbortController>();
  private readonly beforeCloseSteps: Array<() => Promise<void>> = [];
  private readonly inflight = new Set<Promise<unknown>>();
  private initialized = false;
  private draining = false;

  constructor(config: FleetConfig, options: FleetManagerOptions = {}) {
    super();
    this.config = config;
    this.options = options;
    this.env = options.env ?? process.env;
    this.logger = options.logger ?? createLogger(config.logging);
    this.limiter = new ConcurrencyLimiter(config.fleet.maxConcurrentTasks);
    this.setMaxListeners(0);
  }

  async initialize(): Promise<void> {
    if (this.initialized) return;
    registerEnvSecrets(this.env);
    registerBuiltinAgents();
    findModel(this.config.routing.models, this.config.routing.defaultModel);
    const store = this.options.store ?? openMemoryStore(this.config.database, this.options.cwd, { replica: this.config.fleet.replica });
    await store.init?.();
    this.memory = new SwarmMemoryManager(store);
    this.lease = await OwnerLease.start(store, { role: 'aqe', ...this.options.owner });
    this.lease.onError = (err) => this.logger.warn({ err: errorMessage(err) }, 'owner heartbeat or sweep failed; retrying on the next tick');
    this.flags = new FeatureFlags(this.config, { env: this.env });
    this.flagSync = new FlagSync(store, this.flags, {
      replica: this.replica(),
      onError: (err) => this.logger.warn(`could not re-read flag overrides from the store: ${errorMessage(err)}`),
    });
    await this.flagSync.start();
    this.flags.on('change', (change) => {
      this.emit('flags:changed', change);
      if (this.routerMayRun()) void this.loadRouter().catch(() => undefined);
    });
    this.writes = new WriteBehind(store, {
      onError: (err, keys) => this.logger.error(`could not record ${keys.length > 3 ? `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more` : keys.join(', ')}: ${errorMessage(err)}`),
    });
    this.records = new TaskRecords(store, { owner: () => this.lease.id, retentionDays: this.config.fleet.taskRetentionDays, logger: this.logger, writes: this.writes });
    this.buildRoutingAndProviders();
    // Reservations of processes that died are booked as unsettled, by a survivor or at the next start.
    this.lease.onSweep(async () => void (await this.costs.sweepOrphans()));
    // Then their queued and running tasks become interrupted, with what the ledger booked for them.
    const alive = ownerLiveness(store, this.lease.staleAfterMs);
    this.lease.onSweep(async () => void (await this.records.recoverInterrupted(alive)));
    await this.lease.tick();
    if (this.routerMayRun()) await this.loadRouter();
    this.runner = new TaskRunner({
      config: () => this.config,
      flags: this.flags,
      router: () => this.loadRouter(),
      costs: () => this.costs,
      caller: () => this.caller,
      memory: this.memory,
      logger: this.logger,
      events: this,
      records: this.records,
    });
    if (this.options.configPath && this.options.watchConfig) this.startWatching(this.options.configPath);
    this.initialized = true;
  }

  /** True when the router flag is on for the fleet or for some agent type (so the router should be ready). */
  private routerMayRun(): boolean {
    if (this.flags.isEnabled('multiModelRouter')) return true;
    return Object.keys(this.config.featureOverrides.agentType).some((t) => this.flags.isEnabled('multiModelRouter', { agentType: t }));
  }

  /**
   * The router (and the TypeScript compiler its analyzer uses, ~70 MB) loads when the router flag is first on,
   * so a fleet running as v1.0.4 never pays for it.
   */
  private loadRouter(): Promise<ModelRouter> {
    if (this.router) return Promise.resolve(this.router);
    if (this.routerLoading) return this.routerLoading;
    const loading: Promise<ModelRouter> = this.buildRouter(this.config.routing).then((router) => {
      // A hot reload while this one loaded started a newer router; keep only the one built from the current config.
      if (this.routerLoading === loading) this.router = router;
      return router;
    });
    this.routerLoading = loading;
    return loading;
  }

  private async buildRouter(routing: FleetConfig['routing']): Promise<ModelRouter> {
    const [{ ModelRouter }, { ComplexityAnalyzer }, { LlmTieBreaker }] = await Promise.all([
      import('../routing/ModelRouter.js'),
      import('../routing/ComplexityAnalyzer.js'),
      import('../routing/llm-tie-break.js'),
    ]);
    const providers = this.providers;
    return new ModelRouter(routing, {
      analyzer: new ComplexityAnalyzer(routing.complexity),
      tieBreaker: new LlmTieBreaker({ provider: (name) => providers.get(name), costs: () => this.costs, logger: this.logger }),
      onSelection: (rec) => this.recordSystem('routing/selections', rec.taskId, rec),
      budgetPressure: () => this.costs?.pressure() ?? 0,
    });
  }

  /** Routing, costs and providers follow the config; rebuilt on hot reload (running tasks keep theirs). */
  private buildRoutingAndProviders(): void {
    const routing = this.config.routing;
    this.providers = createProviderRegistry(this.config, this.env);
    this.router = undefined;
    this.routerLoading = undefined;
    this.costs?.removeAllListeners('alert');
    if (this.costs) {
      // Running tasks keep the old tracker; the unused part of its budget slice goes back now (its calls in
      // flight stay held), and whatever it holds at shutdown is flushed with the current one.
      const previous = this.costs;
      this.retiredCosts.add(previous);
      void previous.flush().catch(() => undefined);
    }
    this.costs = new CostTracker(routing, this.memory.getStore(), { logger: this.logger, ownerId: () => this.lease.id, writes: this.writes });
    this.costs.on('alert', (alert) => this.emit('budget:alert', alert));
    this.caller = new ModelCaller({
      streaming: this.config.streaming,
      providers: this.providers,
      models: routing.models,
      logger: this.logger,
      onSession: (session) => this.recordSystem('streaming/sessions', session.id, session),
    });
  }

  /** A system record the fleet keeps for later reading (no read first; in the next group commit). */
  private recordSystem(partition: string, key: string, value: unknown): void {
    const now = Date.now();
    void this.writes.put({ partition, key, value, owner: 'system', accessLevel: AccessLevel.SYSTEM, createdAt: now, updatedAt: now });
  }

  private startWatching(path: string): void {
    this.watcher = new ConfigWatcher({ path, env: this.env, cwd: this.options.cwd });
    this.watcher.on('reload', (loaded: { config: FleetConfig; env: NodeJS.ProcessEnv }) => this.applyConfig(loaded.config, loaded.env));
    this.watcher.on('error', (err: Error) => this.logger.error(`config reload refused, keeping the last good config: ${err.message}`));
    this.watcher.start();
  }

  /** Hot reload: new tasks see the new config and flags; running tasks keep the snapshot they started with. */
  applyConfig(config: FleetConfig, env: NodeJS.ProcessEnv = this.env): void {
    this.config = config;
    this.flags.updateConfig(config, env);
    this.limiter.setLimit(config.fleet.maxConcurrentTasks);
    this.buildRoutingAndProviders();
    if (this.routerMayRun()) void this.loadRouter().catch((err) => this.logger.error(`router failed to load: ${errorMessage(err)}`));
    this.logger.info('config reloaded');
    this.emit('config:reloaded', { at: Date.now() });
  }

  /** SIGHUP: re-read the config file and .env. */
  reloadConfig(): boolean {
    if (!this.watcher) return false;
    this.watcher.handleSighup();
    return true;
  }

  getConfig(): FleetConfig {
    return this.config;
  }

  /**
   * Runtime flag overrides for the whole fleet: applied here, kept in the store (they survive restarts) with an
   * audit record, and pushed to every replica on the same PostgreSQL database.
   */
  setFlagOverrides(values: Partial<Record<FeatureName, boolean | null>>, caller: string): Promise<FlagAuditRecord> {
    this.assertInitialized();
    return this.flagSync.setOverrides(values, caller);
  }

  /** Flag override changes, newest first (shared by every replica on the store). */
  flagAudit(limit = 100): Promise<FlagAuditRecord[]> {
    this.assertInitialized();
    return this.flagSync.audit(limit);
  }

  getFeatureFlags(): FeatureFlags {
    this.assertInitialized();
    return this.flags;
  }

  /** The router while the multi-model router flag is on (seed 7.2); undefined otherwise. */
  getModelRouter(): ModelRouter | undefined {
    this.assertInitialized();
    return this.flags.isEnabled('multiModelRouter') ? this.router : undefined;
  }

  getCostTracker(): CostTracker {
    this.assertInitialized();
    return this.costs;
  }

  getMemory(): SwarmMemoryManager {
    this.assertInitialized();
    return this.memory;
  }

  /** The group commit of the fleet's bookkeeping writes (task records, system records); others may share it. */
  getBookkeepingWrites(): WriteBehind {
    this.assertInitialized();
    return this.writes;
  }

  getProviders(): ProviderRegistry {
    this.assertInitialized();
    return this.providers;
  }

  async spawnAgent(type: string): Promise<BaseAgent> {
    this.assertInitialized();
    this.assertAgentEnabled(type);
    return createAgent(type, { type, config: this.config, logger: this.logger, runner: this.runner });
  }

  /** An agent type listed in `agents:` with `enabled: false` takes no tasks. */
  private assertAgentEnabled(type: string): void {
    if (this.config.agents.some((a) => a.type === type && !a.enabled)) {
      throw new AqeError(ErrorCodes.UNKNOWN_AGENT, `agent type "${type}" is disabled in the config (agents[].enabled: false)`, { type });
    }
  }

  private agentFor(type: string): BaseAgent {
    this.assertAgentEnabled(type);
    let agent = this.agents.get(type);
    if (!agent) {
      agent = createAgent(type, { type, config: this.config, logger: this.logger, runner: this.runner });
      this.agents.set(type, agent);
    }
    return agent;
  }

  /** Run one task to its end (queued behind the concurrency limit). Rejects with the task's error. */
  executeTask(task: QETask, options: ExecuteOptions = {}): Promise<TaskResult> {
    return this.submitTask(task, options).done;
  }

  /**
   * Start a task and return at once. `accepted` settles when its queued record is in the store (the next group
   * commit) and rejects when that write failed; `done` settles with its result, after its terminal record is
   * in the store. Every later state change is recorded too.
   */
  submitTask(input: QETask, options: ExecuteOptions = {}): { taskId: string; done: Promise<TaskResult>; accepted: Promise<void> } {
    this.assertInitialized();
    if (this.draining) throw new AqeError(ErrorCodes.FLEET_SHUTTING_DOWN, 'the fleet is shutting down and accepts no new tasks');
    const task = validateTask(input.id ? input : { ...input, id: timeOrderedId() });
    if (this.controllers.has(task.id)) throw new AqeError(ErrorCodes.TASK_INVALID, `task ${task.id} is already running`);
    const agentType = options.agentType ?? agentTypeFor(task.type);
    if (!agentType) throw new AqeError(ErrorCodes.UNKNOWN_AGENT, `no agent type handles task type "${task.type}"`);
    const agent = this.agentFor(agentType);
    if (options.bounded) {
      try {
        this.admission.check(this.runningTasks(), this.config.fleet);
      } catch (err) {
        this.emit('task:rejected', { agentType, reason: 'overloaded' });
        throw err;
      }
    }
    const ref = { id: task.id, type: task.type, agentType };
    const accepted = this.records.queued(ref);
    const controller = new AbortController();
    options.signal?.addEventListener('abort', () => controller.abort(new TaskCancelledError(task.id, 'client')), { once: true });
    this.controllers.set(task.id, controller);
    this.emit('task:queued', { taskId: task.id, agentType });

    // Take the place in the queue now, so runningTasks() (admission control) counts this task at once.
    const slot = this.limiter.acquire(controller.signal);
    slot.catch(() => undefined); // awaited below; an abort before that is not an unhandled rejection
    const done = (async () => {
      let release: (() => void) | undefined;
      let runStart: number | undefined;
      try {
        await accepted.catch((err: unknown) => {
          controller.abort(err);
          throw err;
        });
        release = await slot;
        runStart = Date.now();
        return await agent.executeTask(task, { ...options, signal: controller.signal });
      } catch (err) {
        // The runner records every task it ran; one that never ran (cancelled while queued) is recorded here.
        if (!(err as { result?: TaskResult }).result && this.records.isActive(task.id)) {
          const outcome = controller.signal.aborted ? outcomeOf(controller.signal.reason) : outcomeOf(err);
          await this.records.finish(ref, { ...outcome, error: { code: (err as AqeError).code ?? ErrorCodes.PROVIDER, message: errorMessage(err) } });
          if (outcome.status === 'cancelled') this.emit('task:cancelled', { taskId: task.id, agentType });
        }
        throw err;
      } finally {
        if (release) release();
        else void slot.then((r) => r(), () => undefined);
        if (runStart !== undefined) this.admission.observe(Date.now() - runStart);
        this.controllers.delete(task.id);
      }
    })();
    this.inflight.add(done);
    done.then(() => this.inflight.delete(done), () => this.inflight.delete(done));
    return { taskId: task.id, done, accepted };
  }

  /** This process's record of a task (active or recent); no I/O. See findTask for every task on the store. */
  getTask(id: string): TaskRecord | undefined {
    return this.records?.peek(id);
  }

  /** Any task accepted on this store while records are kept (fleet.taskRetentionDays). */
  findTask(id: string): Promise<TaskRecord | undefined> {
    this.assertInitialized();
    return this.records.get(id);
  }

  getTaskRecords(): TaskRecords {
    this.assertInitialized();
    return this.records;
  }

  cancelTask(id: string): boolean {
    const c = this.controllers.get(id);
    if (!c) return false;
    c.abort(new TaskCancelledError(id, 'client'));
    return true;
  }

  /** This replica's name as configured: fleet.replica (AQE_REPLICA), else HOSTNAME (the pod name); else undefined. */
  replicaLabel(): string | undefined {
    return this.config.fleet.replica ?? (this.env.HOSTNAME || undefined);
  }

  /** replicaLabel(), else the host name. */
  replica(): string {
    return this.replicaLabel() ?? hostname();
  }

  isDraining(): boolean {
    return this.draining;
  }

  runningTasks(): { running: number; queued: number } {
    return { running: this.limiter.running, queued: this.limiter.queued };
  }

  async health(): Promise<HealthReport> {
    this.assertInitialized();
    let storeOk = false;
    try {
      storeOk = await this.memory.getStore().ping();
    } catch {
      storeOk = false;
    }
    return {
      status: storeOk ? 'healthy' : 'unhealthy',
      version: VERSION,
      features: { multiModelRouter: this.flags.isEnabled('multiModelRouter'), streaming: this.flags.isEnabled('streaming') },
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      store: { ...this.memory.getStore().describe?.(), kind: this.memory.getStore().kind, status: storeOk ? 'ok' : 'unreachable' },
      replica: this.replica(),
      tasks: this.runningTasks(),
      draining: this.draining,
    };
  }

  /** Stop accepting tasks, let running ones finish within the grace period (then cancel them), close the store. */
  async shutdown(opts: { graceMs?: number } = {}): Promise<void> {
    if (!this.initialized) return;
    this.draining = true;
    this.watcher?.stop();
    const graceMs = opts.graceMs ?? this.config.fleet.shutdownGraceMs;
    const all = Promise.allSettled([...this.inflight]);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(true), graceMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      // One synchronous pass: a slot freed by a cancelled running task cannot go to a queued one meanwhile.
      for (const [id, c] of this.controllers) c.abort(new TaskCancelledError(id, 'shutdown'));
      await Promise.allSettled([...this.inflight]);
    }
    // Settles are group-committed: commit every pending one and return the unused budget slices before the
    // owner stops (a slice left behind would be booked as unsettled by the sweep below).
    await Promise.all([this.costs, ...this.retiredCosts].map((c) => c.flush().catch(() => undefined)));
    await this.records.flush();
    for (const step of this.beforeCloseSteps) await step().catch((err: unknown) => this.logger.warn(`shutdown step failed: ${errorMessage(err)}`));
    await this.lease.stop().catch(() => undefined);
    // Anything this process still held (nothing, after the flush) is booked now rather than by a survivor.
    await this.costs.sweepOrphans().catch(() => undefined);
    await this.flagSync.close().catch(() => undefined);
    await this.memory.close();
    this.initialized = false;
  }

  /** Work that must reach the store before it closes on shutdown (e.g. journaled stream events). */
  beforeStoreClose(step: () => Promise<void>): void {
    this.beforeCloseSteps.push(step);
  }

  /**
   * This process's owner lease: records it holds (reservations, running tasks) carry `getOwnerLease().id`;
   * register leftovers handlers with `onSweep` (they run every heartbeat, default 5 s).
   */
  getOwnerLease(): OwnerLease {
    this.assertInitialized();
    return this.lease;
  }

  private assertInitialized(): void {
    if (!this.initialized) throw new AqeError(ErrorCodes.USAGE, 'FleetManager is not initialized: call initialize() first');
  }
}
