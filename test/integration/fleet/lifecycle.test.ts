import { afterEach, describe, expect, it } from 'vitest';
import { BaseAgent } from '../../../src/fleet/BaseAgent.js';
import { registerAgentType } from '../../../src/fleet/registry.js';
import type { ModelSelection, QETask } from '../../../src/fleet/types.js';
import { reviewTask, startFleet } from '../../helpers/fleet.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function fleetWith(overrides: Parameters<typeof startFleet>[0] = {}) {
  const f = await startFleet(overrides);
  cleanups.push(f.cleanup);
  return f.fleet;
}

// A v1.0.4 agent: overrides performTask(task) and knows nothing of selections.
class LegacyAgent extends BaseAgent {
  protected async performTask(task: QETask): Promise<unknown> {
    return { echoed: task.description };
  }
}

// Blocks until released, to observe concurrency, cancellation and timeouts.
const gates: Array<() => void> = [];
let running = 0;
let peak = 0;
class GateAgent extends BaseAgent {
  protected async performTaskImpl(task: QETask, selection?: ModelSelection): Promise<unknown> {
    running++;
    peak = Math.max(peak, running);
    const signal = this.signal;
    try {
      await new Promise<void>((resolve, reject) => {
        gates.push(resolve);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      return { id: task.id, selection: selection?.modelName ?? null };
    } finally {
      running--;
    }
  }
}
registerAgentType('legacy-agent', (ctx) => new LegacyAgent(ctx));
registerAgentType('gate-agent', (ctx) => new GateAgent(ctx));

const task = (id: string): QETask => ({ id, type: 'defect-analysis', description: `task ${id}`, payload: { files: [] } });
const waitFor = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
};

describe('FleetManager task lifecycle', () => {
  it('runs a v1.0.4 agent that overrides performTask unchanged', async () => {
    const fleet = await fleetWith();
    const result = await fleet.executeTask(task('legacy'), { agentType: 'legacy-agent' });
    expect(result.status).toBe('completed');
    expect(result.output).toEqual({ echoed: 'task legacy' });
  });

  it('emits lifecycle events and records the task in the store', async () => {
    const fleet = await fleetWith();
    const seen: string[] = [];
    for (const e of ['task:queued', 'task:started', 'task:completed']) fleet.on(e, () => seen.push(e));
    await fleet.executeTask(task('evented'), { agentType: 'legacy-agent' });
    expect(seen).toEqual(['task:queued', 'task:started', 'task:completed']);
    const record = await fleet.getMemory().retrieve('evented', { partition: 'fleet/tasks', caller: { id: 'system', isSystem: true } });
    expect(record).toMatchObject({ id: 'evented', status: 'completed', agentType: 'legacy-agent' });
    expect(fleet.getTask('evented')?.status).toBe('completed');
  });

  it('keeps to the fleet-wide concurrency limit', async () => {
    const fleet = await fleetWith({ fleet: { maxConcurrentTasks: 2 } });
    peak = 0;
    const runs = Array.from({ length: 6 }, (_, i) => fleet.executeTask(task(`c${i}`), { agentType: 'gate-agent' }));
    await waitFor(() => gates.length === 2);
    expect(fleet.runningTasks()).toEqual({ running: 2, queued: 4 });
    let finished = false;
    const all = Promise.all(runs).then(() => (finished = true));
    while (!finished) {
      gates.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    await all;
    expect(peak).toBe(2);
  });

  it('cancels a running task', async () => {
    const fleet = await fleetWith();
    const { taskId, done } = fleet.submitTask(task('to-cancel'), { agentType: 'gate-agent' });
    await waitFor(() => fleet.getTask(taskId)?.status === 'running' && gates.length > 0);
    expect(fleet.cancelTask(taskId)).toBe(true);
    await expect(done).rejects.toMatchObject({ code: 'AQE_ERR_TASK_CANCELLED' });
    expect(fleet.getTask(taskId)?.status).toBe('cancelled');
    gates.length = 0;
  });

  it('cancels a task that outlives fleet.taskTimeoutMs (reason timeout)', async () => {
    const fleet = await fleetWith({ fleet: { taskTimeoutMs: 50 } });
    await expect(fleet.executeTask(task('slow'), { agentType: 'gate-agent' })).rejects.toMatchObject({ code: 'AQE_ERR_TASK_TIMEOUT' });
    gates.length = 0;
    expect(fleet.getTask('slow')).toMatchObject({ status: 'cancelled', reason: 'timeout' });
  });

  it('refuses new tasks while draining and lets running ones finish', async () => {
    const fleet = await fleetWith();
    const running1 = fleet.executeTask(task('drain-1'), { agentType: 'gate-agent' });
    await waitFor(() => gates.length === 1);
    const stopping = fleet.shutdown({ graceMs: 5000 });
    expect(fleet.isDraining()).toBe(true);
    expect(() => fleet.submitTask(task('late'), { agentType: 'legacy-agent' })).toThrow(/shutting down/);
    gates.shift()!();
    await expect(running1).resolves.toMatchObject({ status: 'completed' });
    await stopping;
  });

  it('refuses tasks for an agent type disabled in the config', async () => {
    const fleet = await fleetWith({ agents: [{ type: 'quality-gate', enabled: false }] });
    await expect(fleet.spawnAgent('quality-gate')).rejects.toThrow(/"quality-gate" is disabled/);
    expect(() => fleet.submitTask({ id: 'g', type: 'quality-gate', description: 'x', payload: { files: [] } })).toThrow(/disabled/);
  });

  it('rejects a malformed task with the field named', async () => {
    const fleet = await fleetWith();
    expect(() => fleet.submitTask({ id: 'bad', type: 'nonsense', description: 'x', payload: { files: [] } })).toThrow(/type: expected one of/);
  });

  it('runs analysis agents on the offline engine and marks costs as estimates', async () => {
    const fleet = await fleetWith({ features: { multiModelRouter: true, streaming: false } });
    const result = await fleet.executeTask(reviewTask);
    expect(result.status).toBe('completed');
    expect(typeof (result.output as { text: string }).text).toBe('string');
    expect(result.usage?.estimated).toBe(true);
    expect(result.costEstimated).toBe(true);
    const selection = await fleet.getMemory().retrieve(reviewTask.id, { partition: 'routing/selections', caller: { id: 'system', isSystem: true } });
    expect(selection).toMatchObject({ taskId: reviewTask.id, model: result.modelName });
  });
});

describe('a task whose queued record cannot be written', () => {
  it('is stopped and fails with the store error, both for `accepted` and for its result', async () => {
    const fleet = await fleetWith({ features: { multiModelRouter: true, streaming: true } });
    const store = fleet.getMemory().getStore() as unknown as Record<string, (...a: unknown[]) => unknown>;
    const restore: Array<() => void> = [];
    for (const method of ['applyBatch', 'applyGroup'] as const) {
      const original = store[method];
      if (typeof original !== 'function') continue;
      store[method] = () => {
        throw new Error('disk I/O error (injected)');
      };
      restore.push(() => (store[method] = original));
    }
    try {
      const { accepted, done } = fleet.submitTask({ ...reviewTask, id: 'unrecorded-1' });
      const acceptErr = await accepted.then(() => undefined, (e: unknown) => e);
      const doneErr = await done.then(() => undefined, (e: unknown) => e);
      expect(String((acceptErr as Error)?.message)).toMatch(/disk I\/O error \(injected\)/);
      expect(doneErr).toBe(acceptErr);
      expect(fleet.getTask('unrecorded-1')?.status).not.toBe('running');
    } finally {
      for (const r of restore) r();
    }
  });
});
