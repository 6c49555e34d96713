import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { AccessLevel, type MemoryEntry, type MemoryStore } from '../../../src/memory/types.js';
import { WriteBehind } from '../../../src/memory/write-behind.js';

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
    const slow = {
      kind: 'sqlite',
      async applyBatch(puts: MemoryEntry[]) {
        await new Promise((r) => setTimeout(r, puts[0].value === 'first' ? 30 : 1));
        applied.push(...puts.map((p) => `${p.key}=${String(p.value)}`));
      },
    } as unknown as MemoryStore;
    const w = new WriteBehind(slow);
    void w.put(entry('k', 'first'));
    await new Promise((r) => setImmediate(r)); // the first flush is under way
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
});
