import { describe, expect, it } from 'vitest';
import { FleetOverloadedError } from '../../../src/errors.js';
import { AdmissionControl } from '../../../src/fleet/admission.js';
import { startFleet } from '../../helpers/fleet.js';

describe('AdmissionControl', () => {
  const limits = { maxConcurrentTasks: 2, maxQueuedTasks: 3 };

  it('admits while a slot or a queue place is free, then refuses naming the limit', () => {
    const a = new AdmissionControl();
    expect(() => a.check({ running: 1, queued: 0 }, limits)).not.toThrow();
    expect(() => a.check({ running: 2, queued: 2 }, limits)).not.toThrow();
    let err: FleetOverloadedError | undefined;
    try {
      a.check({ running: 2, queued: 3 }, limits);
    } catch (e) {
      err = e as FleetOverloadedError;
    }
    expect(err).toBeInstanceOf(FleetOverloadedError);
    expect(err!.code).toBe('AQE_ERR_FLEET_OVERLOADED');
    expect(err!.message).toMatch(/fleet\.maxQueuedTasks 3/);
    expect(err!.details).toMatchObject({ limit: 'fleet.maxQueuedTasks', value: 3 });
    expect(err!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('Retry-After follows the queue and the recent run time, within 1..60 s', () => {
    const a = new AdmissionControl();
    for (let i = 0; i < 30; i++) a.observe(4000);
    expect(a.retryAfterSeconds({ running: 2, queued: 3 }, limits)).toBe(8); // (3+1)/2 waves of ~4 s
    for (let i = 0; i < 30; i++) a.observe(10);
    expect(a.retryAfterSeconds({ running: 2, queued: 3 }, limits)).toBe(1);
    for (let i = 0; i < 30; i++) a.observe(600_000);
    expect(a.retryAfterSeconds({ running: 2, queued: 3 }, limits)).toBe(60);
  });
});

describe('FleetManager.submitTask({ bounded: true })', () => {
  it('refuses the task beyond maxConcurrentTasks + maxQueuedTasks before recording it; unbounded callers still queue', async () => {
    const { fleet, cleanup } = await startFleet({ fleet: { maxConcurrentTasks: 1, maxQueuedTasks: 1 } });
    try {
      const rejected: unknown[] = [];
      fleet.on('task:rejected', (e) => rejected.push(e));
      const task = (id: string) => ({ id, type: 'security-scan', description: 'review', payload: { files: [{ path: 'a.ts', content: 'export const a = 1;\n' }] } });
      const first = fleet.submitTask(task('q-1'), { bounded: true });
      const second = fleet.submitTask(task('q-2'), { bounded: true });
      expect(fleet.runningTasks()).toEqual({ running: 1, queued: 1 });
      expect(() => fleet.submitTask(task('q-3'), { bounded: true })).toThrow(FleetOverloadedError);
      expect(fleet.getTask('q-3')).toBeUndefined();
      expect(rejected).toEqual([{ agentType: 'security-scanner', reason: 'overloaded' }]);
      const library = fleet.submitTask(task('q-4'));
      await Promise.all([first.done, second.done, library.done]);
      expect(fleet.getTask('q-4')?.status).toBe('completed');
    } finally {
      await cleanup();
    }
  });
});
