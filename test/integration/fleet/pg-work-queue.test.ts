import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskResult } from '../../../src/fleet/types.js';
import { WorkQueue, workQueueFor } from '../../../src/fleet/work-queue.js';
import { PgMemoryStore } from '../../../src/memory/pg-store.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { createTestDatabase, PG_SKIP, PG_SKIP_NOTE, type TestDatabase } from '../../helpers/pg.js';

const task = (id: string) => ({ id, type: 'security-scan', description: `task ${id}`, payload: { files: [] } });
const result = (id: string): TaskResult => ({ taskId: id, agentType: 'security-scanner', status: 'completed', output: { id }, streamed: false, startedAt: 1, endedAt: 2 });

describe('workQueueFor', () => {
  it('refuses SQLite with an exit-2 error naming database.type', () => {
    const store = new SqliteMemoryStore(':memory:', { purgeIntervalMs: 0 });
    try {
      expect(() => workQueueFor(store, '--workers')).toThrow(expect.objectContaining({ code: 'AQE_ERR_USAGE', message: expect.stringMatching(/--workers needs .*database\.type postgres/) }));
    } finally {
      store.close();
    }
  });
});

describe.skipIf(PG_SKIP)(`WorkQueue on PostgreSQL${PG_SKIP_NOTE}`, () => {
  let db: TestDatabase;
  let stores: PgMemoryStore[];
  beforeAll(async () => {
    db = await createTestDatabase('aqe_queue');
    stores = [0, 1, 2].map(() => new PgMemoryStore({ url: db.url, purgeIntervalMs: 0 }));
  });
  afterAll(async () => {
    for (const s of stores ?? []) await s.close();
    await db?.drop();
  });

  it('concurrent claimers never get the same job, and every job is claimed once', async () => {
    const queues = stores.map((s) => new WorkQueue(s));
    const ids = Array.from({ length: 30 }, (_, i) => `c-${i}`);
    expect(await queues[0].enqueue('q-concurrent', ids.map(task))).toBe(30);
    expect(await queues[1].enqueue('q-concurrent', ids.slice(0, 5).map(task))).toBe(0);
    const owners = await Promise.all(stores.map((s, i) => s.registerOwner({ role: `w${i}`, pid: process.pid, host: 'test' })));
    const claimed: string[] = [];
    await Promise.all(
      queues.map(async (q, i) => {
        for (let job = await q.claim('q-concurrent', owners[i]); job; job = await q.claim('q-concurrent', owners[i])) {
          claimed.push(job.id);
          expect(await q.complete(job, result(job.id))).toBe(true);
        }
      }),
    );
    expect(claimed.sort()).toEqual([...ids].sort());
    expect(await queues[0].counts('q-concurrent')).toEqual({ queued: 0, running: 0, done: 30 });
  });

  it("a dead owner's job is claimable again; the dead owner can no longer complete it (done exactly once)", async () => {
    const q = new WorkQueue(stores[0]);
    await q.enqueue('q-dead', [task('d-1')]);
    const a = await stores[0].registerOwner({ role: 'a', pid: process.pid, host: 'test' });
    const b = await stores[1].registerOwner({ role: 'b', pid: process.pid, host: 'test' });
    const first = (await q.claim('q-dead', a))!;
    expect(first).toMatchObject({ id: 'd-1', attempts: 1 });
    // held by a live owner: nobody else gets it
    expect(await q.claim('q-dead', b)).toBeUndefined();
    expect(await stores[1].claimDeadOwners(b, 0, [a])).toHaveLength(1);
    const second = (await q.claim('q-dead', b))!;
    expect(second).toMatchObject({ id: 'd-1', attempts: 2, ownerId: b });
    expect(await q.complete(first, result('d-1'))).toBe(false);
    expect(await q.complete(second, result('d-1'))).toBe(true);
    expect(await q.complete(second, result('d-1'))).toBe(false);
    const [row] = await q.jobs('q-dead');
    expect(row).toMatchObject({ state: 'done', attempts: 2, outcome: 'completed', ownerId: b });
  });

  it('a released job goes back to the queue', async () => {
    const q = new WorkQueue(stores[2]);
    await q.enqueue('q-release', [task('r-1'), task('r-2')]);
    const owner = await stores[2].registerOwner({ role: 'r', pid: process.pid, host: 'test' });
    const job = (await q.claim('q-release', owner))!;
    expect(job.id).toBe('r-1');
    await q.release(job);
    expect((await q.claim('q-release', owner))!.id).toBe('r-1');
  });

  it('prune drops done jobs that ended before the cut-off, and nothing open', async () => {
    const q = new WorkQueue(stores[0]);
    await q.enqueue('q-prune', [task('p-1'), task('p-2')]);
    const owner = await stores[0].registerOwner({ role: 'p', pid: process.pid, host: 'test' });
    await q.complete((await q.claim('q-prune', owner))!, result('p-1'), 1000);
    expect(await q.prune(2000)).toBeGreaterThanOrEqual(1);
    expect((await q.jobs('q-prune')).map((j) => j.id)).toEqual(['p-2']);
  });
});
