import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OwnerLease } from '../../../src/memory/owner-lease.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import type { OwnerRecord } from '../../../src/memory/types.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('OwnerLease', () => {
  let dir: string;
  let clock: number;
  let stores: SqliteMemoryStore[];
  const open = () => {
    const s = new SqliteMemoryStore(join(dir, 'fleet.db'), { now: () => clock, purgeIntervalMs: 0 });
    stores.push(s);
    return s;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aqe-lease-'));
    clock = T0;
    stores = [];
  });
  afterEach(() => {
    for (const s of stores) s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a survivor claims a silent owner once its heartbeat is stale, and runs its sweep handlers', async () => {
    const a = open();
    const b = open();
    const dying = await OwnerLease.start(a, { role: 'aqe run', manual: true, staleAfterMs: 20_000 });
    const survivor = await OwnerLease.start(b, { role: 'aqe run', manual: true, staleAfterMs: 20_000 });
    const seen: OwnerRecord[][] = [];
    survivor.onSweep((claimed) => void seen.push(claimed));
    clock = T0 + 10_000;
    await survivor.tick();
    expect(seen).toEqual([[]]);
    clock = T0 + 20_001; // dying never ticked again
    await survivor.tick();
    expect(seen[1]).toMatchObject([{ id: dying.id, state: 'dead', claimedBy: survivor.id }]);
    await survivor.tick();
    expect(seen[2]).toEqual([]);
    await survivor.stop();
    expect(b.getOwner(survivor.id)?.state).toBe('stopped');
  });

  it('two survivors sweeping together: each dead owner goes to exactly one', async () => {
    const dead = await Promise.all([1, 2, 3].map(() => OwnerLease.start(open(), { role: 'aqe run', manual: true })));
    const s1 = await OwnerLease.start(open(), { role: 'aqe run', manual: true });
    const s2 = await OwnerLease.start(open(), { role: 'aqe run', manual: true });
    const got: string[] = [];
    for (const s of [s1, s2]) s.onSweep((claimed) => void got.push(...claimed.map((o) => o.id)));
    clock = T0 + 25_000;
    await Promise.all([s1.tick(), s2.tick()]);
    expect(got.sort()).toEqual(dead.map((d) => d.id).sort());
  });

  it('an owner declared dead while paused registers again under a new id and says so', async () => {
    const store = open();
    const paused = await OwnerLease.start(store, { role: 'aqe serve', manual: true });
    const other = await OwnerLease.start(open(), { role: 'aqe run', manual: true });
    const first = paused.id;
    clock = T0 + 30_000;
    await other.tick();
    const lost: unknown[] = [];
    paused.on('lost', (e) => lost.push(e));
    await paused.tick();
    expect(paused.id).not.toBe(first);
    expect(lost).toEqual([{ previous: first, current: paused.id }]);
    expect(store.getOwner(paused.id)?.state).toBe('alive');
  });

  it('a failing handler does not stop the others and reaches onError', async () => {
    const lease = await OwnerLease.start(open(), { role: 'aqe run', manual: true });
    const errors: unknown[] = [];
    lease.onError = (e) => errors.push(e);
    let ran = false;
    lease.onSweep(() => {
      throw new Error('boom');
    });
    lease.onSweep(() => void (ran = true));
    await lease.tick();
    expect(ran).toBe(true);
    expect(errors).toHaveLength(1);
  });
});
