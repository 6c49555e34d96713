import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessDeniedError, AqeError } from '../../../src/errors.js';
import {
  AccessLevel,
  canAccess,
  openMemoryStore,
  SqliteMemoryStore,
  SwarmMemoryManager,
  SYSTEM_CALLER,
  type Caller,
  type MemoryOperation,
} from '../../../src/memory/index.js';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);

const owner: Caller = { id: 'owner', teamId: 'team-a', swarmId: 'swarm-1' };
const teammate: Caller = { id: 'teammate', teamId: 'team-a', swarmId: 'swarm-2' };
const swarmmate: Caller = { id: 'swarmmate', teamId: 'team-b', swarmId: 'swarm-1' };
const stranger: Caller = { id: 'stranger', teamId: 'team-z', swarmId: 'swarm-9' };
const system = SYSTEM_CALLER;

describe('SwarmMemoryManager', () => {
  let clock: number;
  let store: SqliteMemoryStore;
  let memory: SwarmMemoryManager;

  beforeEach(() => {
    clock = T0;
    store = new SqliteMemoryStore(':memory:', { now: () => clock, purgeIntervalMs: 0 });
    memory = new SwarmMemoryManager(store, { now: () => clock });
  });
  afterEach(() => memory.close());

  it('stores with documented defaults: partition default, PRIVATE, owner = caller, system caller by default', async () => {
    const entry = await memory.store('k', { a: 1 });
    expect(entry).toEqual({
      key: 'k',
      partition: 'default',
      value: { a: 1 },
      owner: 'system',
      accessLevel: AccessLevel.PRIVATE,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await memory.retrieve('k')).toEqual({ a: 1 });
    expect(await memory.retrieveEntry('k')).toEqual(entry);
    expect(await memory.retrieve('missing')).toBeUndefined();
    expect(await memory.retrieve('k', { partition: 'elsewhere' })).toBeUndefined();
  });

  it('the seed example (owner system, SYSTEM level, no caller) works', async () => {
    await memory.store('routing/initialized', { version: '1.0.5', timestamp: T0 }, {
      partition: 'coordination',
      owner: 'system',
      accessLevel: AccessLevel.SYSTEM,
    });
    expect(await memory.retrieve('routing/initialized', { partition: 'coordination' })).toEqual({ version: '1.0.5', timestamp: T0 });
    await expect(memory.retrieve('routing/initialized', { partition: 'coordination', caller: owner })).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
  });

  it('updates keep createdAt and bump updatedAt; delete reports whether something went', async () => {
    await memory.store('k', 1, { caller: owner });
    clock = T0 + 50;
    const updated = await memory.store('k', 2, { caller: owner });
    expect(updated).toMatchObject({ value: 2, createdAt: T0, updatedAt: T0 + 50, owner: 'owner' });
    expect(await memory.delete('k', { caller: owner })).toBe(true);
    expect(await memory.delete('k', { caller: owner })).toBe(false);
    expect(await memory.retrieve('k', { caller: owner })).toBeUndefined();
  });

  it('TTL is in seconds and expired entries vanish from retrieve and query', async () => {
    await memory.store('short', 's', { ttl: 2 });
    await memory.store('long', 'l', { ttl: 60 });
    expect((await memory.retrieveEntry('short'))?.expiresAt).toBe(T0 + 2000);
    clock = T0 + 1999;
    expect(await memory.retrieve('short')).toBe('s');
    clock = T0 + 2000;
    expect(await memory.retrieve('short')).toBeUndefined();
    expect((await memory.query()).map((e) => e.key)).toEqual(['long']);
    // writing again after expiry is a new entry
    const again = await memory.store('short', 'new');
    expect(again.createdAt).toBe(T0 + 2000);
    expect(again.expiresAt).toBeUndefined();
  });

  it('rejects a bad ttl, key, partition, access level or value with a clear error', async () => {
    const bad: Array<[() => Promise<unknown>, RegExp]> = [
      [() => memory.store('k', 1, { ttl: 0 }), /ttl for key "k" in partition "default" must be a positive number of seconds/],
      [() => memory.store('k', 1, { ttl: -5 }), /must be a positive number of seconds, got -5/],
      [() => memory.store('', 1), /memory key in partition "default" must be a non-empty string/],
      [() => memory.store('k', 1, { partition: '' }), /memory partition must be a non-empty string/],
      [() => memory.store('k', 1, { accessLevel: 'secret' as AccessLevel }), /accessLevel must be one of private, team, swarm, public, system/],
      [() => memory.store('k', 10n), /value for key "k" in partition "default" is not JSON-serialisable/],
      [() => memory.store('k', undefined), /is not JSON-serialisable: undefined has no JSON form/],
      [() => memory.store('k', 1, { accessLevel: AccessLevel.TEAM }), /access level team needs a teamId/],
    ];
    for (const [run, message] of bad) {
      const err = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AqeError);
      expect((err as AqeError).code).toBe('AQE_ERR_MEMORY_INVALID');
      expect((err as Error).message).toMatch(message);
    }
    expect(await memory.query()).toEqual([]);
  });

  describe('access control matrix', () => {
    const callers = { owner, teammate, swarmmate, stranger, system };
    type Who = keyof typeof callers;
    // expected rights per level: [read, write, delete]
    const matrix: Record<AccessLevel, Record<Who, [boolean, boolean, boolean]>> = {
      [AccessLevel.PRIVATE]: {
        owner: [true, true, true],
        teammate: [false, false, false],
        swarmmate: [false, false, false],
        stranger: [false, false, false],
        system: [true, true, true],
      },
      [AccessLevel.TEAM]: {
        owner: [true, true, true],
        teammate: [true, true, false],
        swarmmate: [false, false, false],
        stranger: [false, false, false],
        system: [true, true, true],
      },
      [AccessLevel.SWARM]: {
        owner: [true, true, true],
        teammate: [false, false, false],
        swarmmate: [true, true, false],
        stranger: [false, false, false],
        system: [true, true, true],
      },
      [AccessLevel.PUBLIC]: {
        owner: [true, true, true],
        teammate: [true, false, false],
        swarmmate: [true, false, false],
        stranger: [true, false, false],
        system: [true, true, true],
      },
      [AccessLevel.SYSTEM]: {
        owner: [false, false, false],
        teammate: [false, false, false],
        swarmmate: [false, false, false],
        stranger: [false, false, false],
        system: [true, true, true],
      },
    };
    const ops: MemoryOperation[] = ['read', 'write', 'delete'];

    for (const level of Object.values(AccessLevel)) {
      for (const who of Object.keys(callers) as Who[]) {
        it(`${level} entry owned by "owner": ${who} -> ${ops.map((op, i) => `${op}=${matrix[level][who][i]}`).join(' ')}`, async () => {
          const key = `${level}-${who}`;
          const secret = { secret: `value-of-${key}` };
          // system-level entries can only be created by the system, naming "owner" as owner
          const creator = level === AccessLevel.SYSTEM ? system : owner;
          await memory.store(key, secret, { partition: 'm', accessLevel: level, owner: 'owner', caller: creator });
          const caller = callers[who];
          const [canRead, canWrite, canDelete] = matrix[level][who];

          const read = memory.retrieve(key, { partition: 'm', caller });
          if (canRead) await expect(read).resolves.toEqual(secret);
          else await expectDenied(read, key, secret.secret);
          expect((await memory.query({ partition: 'm', caller })).map((e) => e.key)).toEqual(canRead ? [key] : []);

          const write = memory.store(key, { secret: 'changed' }, { partition: 'm', caller });
          if (canWrite) {
            await expect(write).resolves.toMatchObject({ owner: 'owner', accessLevel: level });
          } else {
            await expectDenied(write, key, secret.secret);
            expect(await memory.retrieve(key, { partition: 'm' })).toEqual(secret);
          }

          const del = memory.delete(key, { partition: 'm', caller });
          if (canDelete) await expect(del).resolves.toBe(true);
          else {
            await expectDenied(del, key, secret.secret);
            expect(await memory.retrieve(key, { partition: 'm' })).toBeDefined();
          }
          for (const [i, op] of ops.entries()) {
            const entry = (await memory.retrieveEntry(key, { partition: 'm' })) ?? {
              owner: 'owner',
              accessLevel: level,
              teamId: 'team-a',
              swarmId: 'swarm-1',
            };
            expect(canAccess(entry, caller, op)).toBe(matrix[level][who][i]);
          }
        });
      }
    }
  });

  it('a non-system caller cannot create SYSTEM entries, write for someone else, or share with a foreign team', async () => {
    await expectDenied(memory.store('s', 1, { accessLevel: AccessLevel.SYSTEM, caller: owner }), 's');
    await expectDenied(memory.store('o', 1, { owner: 'someone-else', caller: owner }), 'o');
    await expectDenied(memory.store('t', 1, { accessLevel: AccessLevel.TEAM, teamId: 'team-b', caller: owner }), 't');
    await expectDenied(memory.store('w', 1, { accessLevel: AccessLevel.SWARM, swarmId: 'swarm-2', caller: owner }), 'w');
    expect(await memory.query({ caller: SYSTEM_CALLER })).toEqual([]);
  });

  it('TEAM and SWARM entries take the caller’s team / swarm by default', async () => {
    expect(await memory.store('t', 1, { accessLevel: AccessLevel.TEAM, caller: owner })).toMatchObject({ teamId: 'team-a' });
    expect(await memory.store('w', 1, { accessLevel: AccessLevel.SWARM, caller: owner })).toMatchObject({ swarmId: 'swarm-1' });
  });

  it('only the owner changes access metadata; a teammate may update just the value', async () => {
    await memory.store('doc', 'v1', { accessLevel: AccessLevel.TEAM, caller: owner });
    await expectDenied(memory.store('doc', 'v2', { accessLevel: AccessLevel.PUBLIC, caller: teammate }), 'doc');
    await expect(memory.store('doc', 'v2', { caller: teammate })).resolves.toMatchObject({ owner: 'owner', accessLevel: 'team' });
    await expectDenied(memory.store('doc', 'v3', { owner: 'teammate', caller: owner }), 'doc');
    await expectDenied(memory.store('doc', 'v3', { accessLevel: AccessLevel.SYSTEM, caller: owner }), 'doc');
    await expect(memory.store('doc', 'v3', { accessLevel: AccessLevel.PUBLIC, caller: owner })).resolves.toMatchObject({
      accessLevel: 'public',
    });
    expect(await memory.retrieve('doc', { caller: stranger })).toBe('v3');
    // the system may hand an entry to someone else
    await expect(memory.store('doc', 'v4', { owner: 'stranger', caller: SYSTEM_CALLER })).resolves.toMatchObject({
      owner: 'stranger',
    });
  });

  it('query applies prefix, since and limit after filtering out unreadable entries', async () => {
    for (let i = 0; i < 6; i++) {
      clock = T0 + i;
      const level = i % 2 === 0 ? AccessLevel.PUBLIC : AccessLevel.PRIVATE;
      await memory.store(`task-${i}`, i, { partition: 'q', accessLevel: level, caller: owner });
    }
    await memory.store('other', 'x', { partition: 'q', accessLevel: AccessLevel.PUBLIC, caller: owner });
    const keys = async (o: Parameters<SwarmMemoryManager['query']>[0]) => (await memory.query(o)).map((e) => e.key);
    expect(await keys({ partition: 'q', keyPrefix: 'task-', caller: stranger })).toEqual(['task-0', 'task-2', 'task-4']);
    expect(await keys({ partition: 'q', keyPrefix: 'task-', limit: 2, caller: stranger })).toEqual(['task-0', 'task-2']);
    expect(await keys({ partition: 'q', keyPrefix: 'task-', since: T0 + 3, caller: stranger })).toEqual(['task-4']);
    expect(await keys({ partition: 'q', keyPrefix: 'task-', caller: owner })).toHaveLength(6);
    expect(await keys({ partition: 'q', order: 'newest', limit: 1, caller: system })).toEqual(['other']);
  });

  it('clear empties a partition for the system; others only when they may delete everything in it', async () => {
    await memory.store('a', 1, { partition: 'c', caller: owner });
    await memory.store('b', 2, { partition: 'c', accessLevel: AccessLevel.PUBLIC, caller: owner });
    await memory.store('keep', 3, { partition: 'other', caller: owner });
    const err = await memory.clear('c', { caller: teammate }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccessDeniedError);
    expect((err as Error).message).toMatch(/may not clear partition "c": it holds key "a"/);
    expect(await memory.query({ partition: 'c' })).toHaveLength(2);
    expect(await memory.clear('c', { caller: owner })).toBe(2);
    await memory.store('x', 1, { partition: 'c', caller: stranger });
    expect(await memory.clear('c')).toBe(1);
    expect(await memory.retrieve('keep', { partition: 'other' })).toBe(3);
  });

  it('forCaller binds a default identity over the same store', async () => {
    const agent = memory.forCaller(owner);
    await agent.store('mine', 42);
    expect((await memory.retrieveEntry('mine'))?.owner).toBe('owner');
    await expectDenied(memory.forCaller(stranger).retrieve('mine'), 'mine');
    expect(agent.getStore()).toBe(store);
  });
});

describe('openMemoryStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aqe-open-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens sqlite at database.path relative to cwd, creating the directory', async () => {
    const store = openMemoryStore({ type: 'sqlite', path: 'data/fleet.db' }, dir);
    expect(store.kind).toBe('sqlite');
    expect(await store.ping()).toBe(true);
    expect(existsSync(join(dir, 'data', 'fleet.db'))).toBe(true);
    await store.close();
  });

  it('postgres needs database.url, and never shows the password of one it cannot reach', async () => {
    expect(() => openMemoryStore({ type: 'postgres', path: 'data/fleet.db' }, dir)).toThrow(/database\.url \(or the DATABASE_URL env var\)/);
    const store = openMemoryStore({ type: 'postgres', path: 'data/fleet.db', url: 'postgres://aqe:hunter2-secret@127.0.0.1:1/aqe' }, dir);
    expect(store.kind).toBe('postgres');
    const err = await store.init!().then(() => undefined, (e: unknown) => e);
    expect((err as Error).message).toMatch(/memory store postgres:\/\/aqe:\*\*\*@127\.0\.0\.1:1\/aqe: connect failed/);
    expect((err as Error).message).not.toContain('hunter2');
    expect(await store.ping()).toBe(false);
    await store.close();
  });
});

async function expectDenied(p: Promise<unknown>, key: string, secret?: string): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AccessDeniedError);
  expect((err as AccessDeniedError).code).toBe('AQE_ERR_ACCESS_DENIED');
  expect((err as Error).message).toContain(`key "${key}"`);
  expect((err as Error).message).toMatch(/partition "/);
  if (secret) {
    expect((err as Error).message).not.toContain(secret);
    expect(JSON.stringify((err as AccessDeniedError).details)).not.toContain(secret);
  }
}
