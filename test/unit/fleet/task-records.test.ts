import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BudgetExceededError, TaskCancelledError, TaskTimeoutError } from '../../../src/errors.js';
import { ownerLiveness } from '../../../src/fleet/owner-liveness.js';
import { ACTIVE_TASKS_PARTITION, TASKS_PARTITION, TaskRecords, outcomeOf } from '../../../src/fleet/task-records.js';
import { silentLogger } from '../../../src/logging.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import type { MemoryEntry, MemoryStore } from '../../../src/memory/types.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const task = (id: string) => ({ id, type: 'security-scan', agentType: 'security-scanner' });

describe('TaskRecords', () => {
  let dir: string;
  let clock: number;
  let store: SqliteMemoryStore;
  const records = (owner: string, extra: Partial<ConstructorParameters<typeof TaskRecords>[1]> = {}) =>
    new TaskRecords(store, { owner: () => owner, retentionDays: 7, logger: silentLogger(), now: () => clock, ...extra });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aqe-records-'));
    clock = T0;
    store = new SqliteMemoryStore(join(dir, 'fleet.db'), { now: () => clock, purgeIntervalMs: 0 });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the queued record and its active marker in the store when queued() settles, and a failed write rejects', async () => {
    const r = records('owner-a');
    await r.queued(task('t1'));
    expect(store.get(TASKS_PARTITION, 't1')?.value).toMatchObject({ id: 't1', status: 'queued', owner: 'owner-a', submittedAt: T0 });
    expect(store.get(ACTIVE_TASKS_PARTITION, 't1')?.value).toEqual({ owner: 'owner-a' });
    store.close();
    await expect(r.queued(task('t2'))).rejects.toThrow(/batch/);
  });

  it('group-commits the queued records of tasks accepted in the same turn in one transaction', async () => {
    const calls: string[] = [];
    const spy = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as MemoryStore;
    const r = new TaskRecords(spy, { owner: () => 'o', retentionDays: 7, logger: silentLogger(), now: () => clock });
    await Promise.all([r.queued(task('a')), r.queued(task('b')), r.queued(task('c'))]);
    expect(calls).toEqual(['applyBatch']);
    expect(store.query({ partition: ACTIVE_TASKS_PARTITION }).map((e) => e.key)).toEqual(['a', 'b', 'c']);
  });

  it('records each state change with one group-committed write and no read, and drops the marker at the end', async () => {
    const calls: string[] = [];
    const spy = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as MemoryStore;
    const r = new TaskRecords(spy, { owner: () => 'o', retentionDays: 7, logger: silentLogger(), now: () => clock, progressIntervalMs: 1000 });
    await r.queued(task('t1'));
    clock += 10;
    await r.running(task('t1'), { modelName: 'm', startedAt: clock, streamed: true });
    r.progress('t1', 1, 5); // within the interval: memory only
    clock += 1000;
    r.progress('t1', 9, 40);
    await r.finish(task('t1'), { status: 'cancelled', reason: 'client', error: { code: 'AQE_ERR_TASK_CANCELLED', message: 'task t1 cancelled' } });
    await r.flush();
    expect(calls).toEqual(['applyBatch', 'applyBatch', 'applyBatch', 'applyBatch']);
    const stored = store.get(TASKS_PARTITION, 't1')!;
    expect(stored.value).toMatchObject({ status: 'cancelled', reason: 'client', modelName: 'm', progress: { chunks: 9, outputTokens: 40 } });
    expect(stored.expiresAt).toBe(clock + 7 * 86_400_000);
    expect(store.get(ACTIVE_TASKS_PARTITION, 't1')).toBeUndefined();
  });

  it('writes the running state only when the task is still running runningDelayMs after it started', async () => {
    const batches: Array<Array<{ key: string; status?: string }>> = [];
    const spy = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop !== 'applyBatch') return v;
        return (puts: MemoryEntry[], deletes: unknown[]) => {
          batches.push(puts.filter((e) => e.partition === TASKS_PARTITION).map((e) => ({ key: e.key, status: (e.value as { status?: string }).status })));
          return (v as (...a: unknown[]) => unknown).apply(target, [puts, deletes]);
        };
      },
    }) as MemoryStore;
    const r = new TaskRecords(spy, { owner: () => 'o', retentionDays: 7, logger: silentLogger(), now: () => clock, runningDelayMs: 40 });
    // fast: ends within the delay, so the store goes from queued straight to completed
    await r.queued(task('fast'));
    void r.running(task('fast'), { modelName: 'm', startedAt: clock, streamed: true });
    await r.finish(task('fast'), { status: 'completed' });
    // slow: still running after the delay, so running is written (and running() settles once it is in the store)
    await r.queued(task('slow'));
    await r.running(task('slow'), { modelName: 'm', startedAt: clock, streamed: true });
    expect(store.get(TASKS_PARTITION, 'slow')?.value).toMatchObject({ status: 'running', modelName: 'm' });
    // before it is written, this process lists a running task as running (its memory), the store says queued
    await r.queued(task('mid'));
    void r.running(task('mid'), { modelName: 'm', startedAt: clock, streamed: true });
    expect(store.get(TASKS_PARTITION, 'mid')?.value).toMatchObject({ status: 'queued' });
    expect((await r.list({ since: 0, limit: 10 })).find((t) => t.id === 'mid')).toMatchObject({ status: 'running' });
    await r.finish(task('mid'), { status: 'completed' });
    await r.finish(task('slow'), { status: 'completed' });
    expect(batches.flat().map((b) => `${b.key}:${b.status}`)).toEqual(['fast:queued', 'fast:completed', 'slow:queued', 'slow:running', 'mid:queued', 'mid:completed', 'slow:completed']);
    // flush() writes a running state still deferred (shutdown)
    await r.queued(task('held'));
    void r.running(task('held'), { modelName: 'm', startedAt: clock, streamed: false });
    await r.flush();
    expect(store.get(TASKS_PARTITION, 'held')?.value).toMatchObject({ status: 'running' });
  });

  it('keeps writes of one task in order on a store whose calls are asynchronous', async () => {
    let calls = 0;
    const slow = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop !== 'put' && prop !== 'putMany' && prop !== 'delete' && prop !== 'applyBatch') return v;
        return async (...args: unknown[]) => {
          await new Promise((res) => setTimeout(res, calls++ === 0 ? 30 : 1)); // the first write (queued) is the slowest
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as MemoryStore;
    const r = new TaskRecords(slow, { owner: () => 'o', retentionDays: 7, logger: silentLogger(), now: () => clock });
    const accepted = r.queued(task('t1'));
    void r.running(task('t1'), { modelName: 'm', startedAt: clock, streamed: false });
    void r.finish(task('t1'), { status: 'completed' });
    await accepted;
    await r.flush();
    expect(store.get(TASKS_PARTITION, 't1')?.value).toMatchObject({ status: 'completed' });
    expect(store.get(ACTIVE_TASKS_PARTITION, 't1')).toBeUndefined();
  });

  it('marks tasks of a gone owner interrupted, keeping model and journaled progress; live owners and finished tasks are left alone', async () => {
    const dead = records('dead-owner', { progressIntervalMs: 0 });
    await dead.queued(task('q1'));
    await dead.queued(task('r1'));
    await dead.running(task('r1'), { modelName: 'fake-model', startedAt: T0, streamed: true });
    dead.progress('r1', 12, 60);
    await dead.queued(task('done1'));
    await dead.finish(task('done1'), { status: 'completed' });
    const live = records('live-owner');
    await live.queued(task('l1'));

    // What the ledger holds for r1 (a settled call before the crash) goes into its interrupted record.
    const held = store.reserveBudget([], 0.5, { taskId: 'r1' });
    if (!held.ok) throw new Error('reserve');
    store.settleReservation(held.reservationId, { taskId: 'r1', modelName: 'fake-model', agentType: 'security-scanner', inputTokens: 10, outputTokens: 20, cost: 0.25, estimated: false, at: T0 + 1, day: '2026-11-25', month: '2026-11' });
    clock += 5000;
    const survivor = records('survivor');
    const lost = await survivor.recoverInterrupted((owner) => owner === 'live-owner');
    expect(lost.map((r) => r.id).sort()).toEqual(['q1', 'r1']);
    expect(await survivor.get('r1')).toMatchObject({
      status: 'interrupted', retryable: true, modelName: 'fake-model', progress: { chunks: 12, outputTokens: 60 }, cost: 0.25,
      error: { code: 'AQE_ERR_TASK_INTERRUPTED' },
    });
    expect(await survivor.get('q1')).toMatchObject({ status: 'interrupted' });
    expect((await survivor.get('q1'))?.cost).toBeUndefined();
    expect(await survivor.get('done1')).toMatchObject({ status: 'completed' });
    expect(await survivor.get('l1')).toMatchObject({ status: 'queued' });
    expect(store.query({ partition: ACTIVE_TASKS_PARTITION }).map((e: MemoryEntry) => e.key)).toEqual(['l1']);
    // A second survivor finds nothing left to do.
    expect(await records('other').recoverInterrupted((owner) => owner === 'live-owner')).toEqual([]);
  });

  it('lists recent records by status, newest first', async () => {
    const r = records('o');
    for (const [i, id] of ['a', 'b', 'c'].entries()) {
      clock = T0 + i * 1000;
      await r.queued(task(id));
      await r.finish(task(id), id === 'b' ? { status: 'completed' } : { status: 'cancelled', reason: 'shutdown' });
    }
    const notDone = await r.list({ since: T0, statuses: new Set(['cancelled', 'interrupted']), limit: 10 });
    expect(notDone.map((x) => x.id)).toEqual(['c', 'a']);
  });

  it('reads records written before task states existed (a TaskResult summary)', async () => {
    store.put({
      partition: TASKS_PARTITION, key: 'old-1', owner: 'system', accessLevel: 'system' as never, createdAt: T0, updatedAt: T0,
      value: { taskId: 'old-1', agentType: 'security-scanner', status: 'completed', startedAt: T0 - 10, endedAt: T0, streamed: false, cost: 0.01 },
    });
    expect(await records('o').get('old-1')).toMatchObject({ id: 'old-1', status: 'completed', agentType: 'security-scanner', cost: 0.01 });
  });

  it('maps what stopped a task to its terminal status and reason', () => {
    expect(outcomeOf(new TaskCancelledError('t', 'client'))).toEqual({ status: 'cancelled', reason: 'client' });
    expect(outcomeOf(new TaskCancelledError('t', 'shutdown'))).toEqual({ status: 'cancelled', reason: 'shutdown' });
    expect(outcomeOf(new TaskTimeoutError('t', 5))).toEqual({ status: 'cancelled', reason: 'timeout' });
    expect(outcomeOf(new BudgetExceededError('daily', 1, 1, 1))).toEqual({ status: 'cancelled', reason: 'budget' });
    expect(outcomeOf(new Error('boom'))).toEqual({ status: 'failed' });
  });
});

describe('ownerLiveness', () => {
  let dir: string;
  let clock: number;
  let store: SqliteMemoryStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aqe-liveness-'));
    clock = T0;
    store = new SqliteMemoryStore(join(dir, 'fleet.db'), { now: () => clock, purgeIntervalMs: 0 });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('alive while heartbeating; gone when stale, stopped, declared dead or unknown', async () => {
    const alive = ownerLiveness(store, 20_000, () => clock);
    const live = store.registerOwner({ role: 'aqe serve', pid: 1, host: 'h' });
    const stopped = store.registerOwner({ role: 'aqe run', pid: 2, host: 'h' });
    store.releaseOwner(stopped);
    const crashed = store.registerOwner({ role: 'aqe serve', pid: 3, host: 'h' });
    store.claimDeadOwners(live, 20_000, [crashed]);
    expect(await Promise.all([alive(live), alive(stopped), alive(crashed), alive('never-registered')])).toEqual([true, false, false, false]);
    clock += 20_001;
    expect(await alive(live)).toBe(false);
  });
});
