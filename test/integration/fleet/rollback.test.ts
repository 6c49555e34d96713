import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { FleetManager } from '../../../src/fleet/FleetManager.js';
import type { QETask } from '../../../src/fleet/types.js';
import { silentLogger } from '../../../src/logging.js';
import { startFleet as startFleetWithBudget, tempDir } from '../../helpers/fleet.js';

// The seed's prices are per 1k tokens; a big budget keeps enforcement out of these flag tests.
const startFleet: typeof startFleetWithBudget = (overrides = {}, env) =>
  startFleetWithBudget({ ...overrides, routing: { costTracking: { budgetLimits: { daily: 1e6, monthly: 1e6 } } } }, env);

const SYSTEM = { id: 'system', isSystem: true };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const simple: QETask = { id: 'simple-1', type: 'quality-gate', description: 'Does the build pass the gate?', payload: { files: [{ path: 'reports/summary.txt', content: 'coverage 91%\nfailures 0\n' }] } };
const complex: QETask = {
  id: 'complex-1',
  type: 'security-scan',
  description: 'Find race conditions and authentication bypasses in the distributed lock service.',
  payload: {
    language: 'typescript',
    files: [{
      path: 'src/lock.ts',
      content: `import { createHmac, timingSafeEqual } from 'node:crypto';
let holders = new Map<string, number>();
export async function acquire(key: string, token: string, secret: string): Promise<boolean> {
  const sig = createHmac('sha256', secret).update(key).digest();
  if (!timingSafeEqual(sig, Buffer.from(token, 'hex'))) throw new Error('unauthorised');
  await new Promise((r) => setTimeout(r, 1));
  if (holders.has(key)) return false;
  holders.set(key, Date.now());
  await Promise.all([fetch('http://replica-a/lock/' + key), fetch('http://replica-b/lock/' + key)]);
  return true;
}
`,
    }],
    requirements: ['no two holders of one lock across replicas under concurrent acquire'],
  },
};

async function partitionSize(fleet: FleetManager, partition: string): Promise<number> {
  return (await fleet.getMemory().query({ partition, caller: SYSTEM })).length;
}

describe('rollback: both flags off behaves as v1.0.4', () => {
  it('uses the default model for every task, runs synchronously, routes and streams nothing, but still records every model call', async () => {
    const { fleet, cleanup } = await startFleet({ features: { multiModelRouter: false, streaming: false } });
    cleanups.push(cleanup);
    const results = [await fleet.executeTask(simple), await fleet.executeTask(complex)];
    for (const r of results) {
      expect(r.modelName).toBe(fleet.getConfig().routing.defaultModel);
      expect(r.streamed).toBe(false);
    }
    expect(await partitionSize(fleet, 'routing/selections')).toBe(0);
    expect(await partitionSize(fleet, 'streaming/sessions')).toBe(0);
    // Budgets do not depend on the router flag: the ledger has both calls (offline engine: simulated spend).
    const records = await fleet.getMemory().getStore().costRecords(0);
    expect(records.map((r) => [r.taskId, r.modelName, r.status])).toEqual([
      [simple.id, 'claude-sonnet-4.5', 'simulated'],
      [complex.id, 'claude-sonnet-4.5', 'simulated'],
    ]);
  });

  it('with routing.costTracking.enabled false nothing is recorded (exactly v1.0.4)', async () => {
    const { fleet, cleanup } = await startFleetWithBudget({ features: { multiModelRouter: false, streaming: false }, routing: { costTracking: { enabled: false } } });
    cleanups.push(cleanup);
    await fleet.executeTask(simple);
    expect(await partitionSize(fleet, 'routing/costs')).toBe(0);
    expect((await fleet.getMemory().getStore().costRecords(0)).length).toBe(0);
  });

  it('routes and streams with the flags on, and a runtime override turns both off for the next task', async () => {
    const { fleet, cleanup } = await startFleet({ features: { multiModelRouter: true, streaming: true } });
    cleanups.push(cleanup);
    const routed = await fleet.executeTask(complex);
    expect(routed.streamed).toBe(true);
    expect(await partitionSize(fleet, 'routing/selections')).toBe(1);
    const [ledger] = await fleet.getMemory().query({ partition: 'routing/costs', caller: SYSTEM });
    expect(ledger.value).toMatchObject({ taskId: complex.id, modelName: routed.modelName, estimated: true });
    expect((ledger.value as { cost: number }).cost).toBeCloseTo(routed.cost!, 6);
    expect(await partitionSize(fleet, 'streaming/sessions')).toBe(1);

    fleet.getFeatureFlags().setOverrides({ multiModelRouter: false, streaming: false }, { caller: 'test' });
    const after = await fleet.executeTask({ ...complex, id: 'complex-2' });
    expect(after.modelName).toBe(fleet.getConfig().routing.defaultModel);
    expect(after.streamed).toBe(false);
    expect(await partitionSize(fleet, 'routing/selections')).toBe(1);
    expect(await partitionSize(fleet, 'streaming/sessions')).toBe(1);
  });

  it('a per-agent-type override switches one agent type back alone (seed 8.3)', async () => {
    const { fleet, cleanup } = await startFleet({
      features: { multiModelRouter: true, streaming: true },
      featureOverrides: { agentType: { 'security-scanner': { multiModelRouter: false, streaming: false } } },
    });
    cleanups.push(cleanup);
    const scan = await fleet.executeTask(complex);
    const gate = await fleet.executeTask(simple);
    expect(scan.modelName).toBe(fleet.getConfig().routing.defaultModel);
    expect(scan.streamed).toBe(false);
    expect(gate.streamed).toBe(true);
    expect(await partitionSize(fleet, 'routing/selections')).toBe(1);
  });

  it('the streamed and the synchronous path give the same final result', async () => {
    const on = await startFleet({ features: { multiModelRouter: true, streaming: true } });
    const off = await startFleet({ features: { multiModelRouter: true, streaming: false } });
    cleanups.push(on.cleanup, off.cleanup);
    const streamed = await on.fleet.executeTask(complex);
    const sync = await off.fleet.executeTask(complex);
    expect(streamed.streamed).toBe(true);
    expect(sync.streamed).toBe(false);
    expect(streamed.output).toEqual(sync.output);
    expect(streamed.modelName).toBe(sync.modelName);
  });

  it('switching the flags off in the config file takes effect without a restart', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'fleet.yaml');
    const write = (on: boolean) =>
      writeFileSync(path, stringify({ database: { path: join(dir, 'fleet.db') }, features: { multiModelRouter: on, streaming: on } }));
    write(true);
    const fleet = new FleetManager(loadConfig({ path, env: {} }).config, { configPath: path, watchConfig: true, env: {}, logger: silentLogger() });
    await fleet.initialize();
    cleanups.push(() => fleet.shutdown());
    expect((await fleet.executeTask(simple)).streamed).toBe(true);

    const reloaded = new Promise((r) => fleet.once('config:reloaded', r));
    write(false);
    await reloaded;
    const after = await fleet.executeTask({ ...simple, id: 'simple-2' });
    expect(after.streamed).toBe(false);
    expect(after.modelName).toBe(fleet.getConfig().routing.defaultModel);
  });
});
