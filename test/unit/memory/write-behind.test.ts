import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { AccessLevel, type MemoryEntry, type MemoryStore, type SliceCommit, type SliceOutcome } from '../../../src/memory/types.js';
import { WriteBehind, type SliceJoin } from '../../../src/memory/write-behind.js';

const entry = (key: string, value: unknown, partition = 'p'): MemoryEntry => ({
  partition, key, value, owner: 'system', accessLevel: AccessLevel.SYSTEM, createdAt: 1, updatedAt: 1,
});

/** The store with every method call counted by name. */
function counted(store: MemoryStore): { store: MemoryStore; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as MemoryStore;
  return { store: proxy, calls };
}

describe('WriteBehind', () => {
  let dir: string;
  let sqlite: SqliteMemoryStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aqe-write-behind-'));
    sqlite = new SqliteMemoryStore(join(dir, 'fleet.db'), { purgeIntervalMs: 0 });
  });
  afterEach(() => {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits the writes of one event-loop turn in one transaction, after the turn', async () => {
    const { store, calls } = counted(sqlite);
    const w = new WriteBehind(store);
    sqlite.put(entry('gone', 'old'));
    const a = w.put(entry('a', 1));
    const b = w.put(entry('b', 2));
    const c = w.delete('p', 'gone');
    expect(sqlite.get('p', 'a')).toBeUndefined(); // not yet: after the turn
    await Promise.all([a, b, c]);
    expect(calls).toEqual(['applyBatch']);
    expect(sqlite.get('p', 'a')?.value).toBe(1);
    expect(sqlite.get('p', 'b')?.value).toBe(2);
    expect(sqlite.get('p', 'gone')).toBeUndefined();
  });

  it('keeps the last unflushed write of a key (a put after a delete, a delete after a put)', async () => {
    const w = new WriteBehind(sqlite);
    sqlite.put(entry('x', 'stored'));
    void w.put(entry('x', 'first'));
    void w.delete('p', 'x');
    void w.put(entry('y', 'first'));
    void w.delete('p', 'y');
    await w.put(entry('y', 'last'));
    expect(sqlite.get('p', 'x')).toBeUndefined();
    expect(sqlite.get('p', 'y')?.value).toBe('last');
  });

  it('applies flushes in order on an asynchronous store, and flush() waits for all of them', async () => {
    const applied: string[] = [];
    let started!: () => void;
    const underWay = new Promise<void>((r) => (started = r));
    const slow = {
      kind: 'sqlite',
      async applyBatch(puts: MemoryEntry[]) {
        started();
        await new Promise((r) => setTimeout(r, puts[0].value === 'first' ? 30 : 1));
        applied.push(...puts.map((p) => `${p.key}=${String(p.value)}`));
      },
    } as unknown as MemoryStore;
    const w = new WriteBehind(slow);
    void w.put(entry('k', 'first'));
    await underWay; // the first flush is writing
    void w.put(entry('k', 'second'));
    await w.flush();
    expect(applied).toEqual(['k=first', 'k=second']);
  });

  it('reports a failed flush with its keys and settles its writes; later writes go on', async () => {
    const failures: string[][] = [];
    const w = new WriteBehind(sqlite, { onError: (_err, keys) => failures.push(keys) });
    await w.put(entry('bad', () => 'a function has no JSON form'));
    expect(failures).toEqual([['p/bad']]);
    await w.put(entry('good', 1));
    expect(sqlite.get('p', 'good')?.value).toBe(1);
  });

  it('writes through putMany and delete on a store without applyBatch', async () => {
    const { store, calls } = counted(sqlite);
    const plain = new Proxy(store, { get: (t, p, r) => (p === 'applyBatch' ? undefined : Reflect.get(t, p, r)) }) as MemoryStore;
    sqlite.put(entry('old', 0));
    const w = new WriteBehind(plain);
    void w.put(entry('a', 1));
    await w.delete('p', 'old');
    expect(calls).toEqual(['putMany', 'delete']);
    expect(sqlite.get('p', 'a')?.value).toBe(1);
    expect(sqlite.get('p', 'old')).toBeUndefined();
  });
  describe('budget slices joining a flush', () => {
    const day = new Date().toISOString().slice(0, 10);
    const commitOf = (owner: string, over: Partial<SliceCommit> = {}): SliceCommit => ({
      sliceId: 'slice-1', ownerId: owner, known: false, countSimulated: false,
      windows: [{ name: 'daily', period: day, limit: 10 }, { name: 'monthly', period: day.slice(0, 7), limit: 100 }],
      settled: [], started: [], ended: [], floor: 0, need: 0.5, extra: 0, extraFraction: 1, exactBelow: 0, ...over,
    });
    /** A join that records when it was prepared and what it was told. */
    const joinOf = (commit: () => SliceCommit | undefined) => {
      const seen: Array<{ outcome?: SliceOutcome; error?: unknown }> = [];
      let prepared = 0;
      const join: SliceJoin = {
        prepare: () => {
          prepared++;
          return commit();
        },
        done: (outcome, error) => void seen.push({ outcome, error }),
      };
      return { join, seen, prepared: () => prepared };
    };

    it('carries a slice commit in the same transaction as the turn\'s writes, prepared when the flush writes', async () => {
      const { store, calls } = counted(sqlite);
      const w = new WriteBehind(store);
      expect(w.joinsSlices).toBe(true);
      const owner = sqlite.registerOwner({ role: 'test', pid: 1, host: 'h' });
      const j = joinOf(() => commitOf(owner));
      const put = w.put(entry('task-1', 'running'));
      w.joinSlice(j.join);
      expect(j.prepared()).toBe(0); // not during the turn
      await put;
      expect(calls.filter((c) => c !== 'registerOwner')).toEqual(['applyGroup']);
      expect(j.prepared()).toBe(1);
      expect(j.seen).toEqual([{ outcome: expect.objectContaining({ amount: 0.5, lost: false }), error: undefined }]);
      expect(sqlite.get('p', 'task-1')?.value).toBe('running');
      expect(sqlite.budgetUsage('daily', day).reserved).toBeCloseTo(0.5, 12);
    });

    it('a join with nothing to commit leaves the flush a plain batch', async () => {
      const { store, calls } = counted(sqlite);
      const w = new WriteBehind(store);
      const j = joinOf(() => undefined);
      w.joinSlice(j.join);
      await w.put(entry('a', 1));
      expect(calls).toEqual(['applyBatch']);
      expect(j.prepared()).toBe(1);
      expect(j.seen).toEqual([]);
    });

    it('when the group transaction fails, the slice is told (nothing of it written) and the writes go again alone', async () => {
      const { store, calls } = counted(sqlite);
      const failures: string[][] = [];
      const w = new WriteBehind(store, { onError: (_err, keys) => failures.push(keys) });
      const owner = sqlite.registerOwner({ role: 'test', pid: 1, host: 'h' });
      // need below floor is checked by the store: the whole group is refused before anything is written
      const j = joinOf(() => commitOf(owner, { need: -1 }));
      const put = w.put(entry('task-1', 'completed'), { strict: true });
      w.joinSlice(j.join);
      await put;
      expect(calls.filter((c) => c !== 'registerOwner')).toEqual(['applyGroup', 'applyBatch']);
      expect(j.seen).toHaveLength(1);
      expect(j.seen[0].outcome).toBeUndefined();
      expect(String(j.seen[0].error)).toMatch(/need/);
      expect(failures).toEqual([]);
      expect(sqlite.get('p', 'task-1')?.value).toBe('completed');
      expect(sqlite.budgetUsage('daily', day).reserved).toBe(0);
    });

    it('offers no joining on a store without applyGroup', () => {
      const plain = new Proxy(sqlite, { get: (t, p, r) => (p === 'applyGroup' ? undefined : Reflect.get(t, p, r)) }) as MemoryStore;
      expect(new WriteBehind(plain).joinsSlices).toBe(false);
    });
  });
});
