import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, PG_SKIP, PG_SKIP_NOTE, type TestDatabase } from '../../helpers/pg.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

// Several replicas (in-process servers, each with its own pool and LISTEN connection) on one PostgreSQL database.

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const put = (url: string, body: unknown, caller: string) =>
  fetch(`${url}/v1/flags`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-aqe-caller': caller }, body: JSON.stringify(body) });
const overridesOf = async (s: TestServer) => (await (await fetch(`${s.url}/v1/flags`)).json()).overrides as Record<string, boolean>;

describe.skipIf(PG_SKIP)(`replicas on one PostgreSQL database${PG_SKIP_NOTE}`, () => {
  let db: TestDatabase;
  const servers: TestServer[] = [];
  const start = async (replica: string) => {
    const s = await startTestServer(
      { fleet: { replica }, database: { type: 'postgres', url: db.url }, features: { streaming: true, multiModelRouter: true } },
      { env: {} },
    );
    servers.push(s);
    return s;
  };
  beforeAll(async () => {
    db = await createTestDatabase('aqe_replicas');
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(() => db.drop());

  it('/health and /ready report the postgres store without its password', async () => {
    const a = await start('a');
    const health = await (await fetch(`${a.url}/health`)).json();
    expect(health.store).toMatchObject({ kind: 'postgres', status: 'ok', database: expect.stringContaining(db.name) });
    expect(health.replica).toBe('a');
    expect(await (await fetch(`${a.url}/ready`)).json()).toEqual({ ready: true, draining: false, store: { kind: 'postgres', status: 'ok' } });
  });

  it('a kill switch set on one replica is in force on the others, with a shared audit trail, and survives restarts', async () => {
    const [a, b, c] = [await start('a'), await start('b'), await start('c')];
    const res = await put(a.url, { multiModelRouter: false, streaming: false }, 'oncall-alice');
    expect(res.status).toBe(200);
    for (const s of [b, c]) {
      await eventually(() => overridesOf(s), (o) => o.streaming === false && o.multiModelRouter === false, 'the override to reach a replica');
      expect(s.fleet.getFeatureFlags().isEnabled('streaming')).toBe(false);
    }
    const audit = (await (await fetch(`${c.url}/v1/flags`)).json()).changes;
    expect(audit.at(-1)).toMatchObject({ caller: 'oncall-alice@127.0.0.1', replica: 'a', values: { multiModelRouter: false, streaming: false } });

    // clearing on another replica clears everywhere
    expect((await put(b.url, { streaming: null }, 'oncall-bob')).status).toBe(200);
    await eventually(() => overridesOf(a), (o) => !('streaming' in o) && o.multiModelRouter === false, 'the clear to reach a');
    expect(a.fleet.getFeatureFlags().isEnabled('streaming')).toBe(true);

    await Promise.all(servers.splice(0).map((s) => s.close()));
    const restarted = await start('d');
    expect(await overridesOf(restarted)).toEqual({ multiModelRouter: false });
    expect(restarted.fleet.getFeatureFlags().explain().multiModelRouter).toEqual({ value: false, source: 'override' });
    expect((await (await fetch(`${restarted.url}/v1/flags`)).json()).changes.map((c: { caller: string }) => c.caller)).toEqual([
      'oncall-alice@127.0.0.1',
      'oncall-bob@127.0.0.1',
    ]);
    await put(restarted.url, { multiModelRouter: null }, 'cleanup');
  });

  it('a replica whose notification connection was cut re-synchronises once it reconnects', async () => {
    const [a, b] = [await start('a'), await start('b')];
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const cut = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'aqe b listener'",
      );
      expect(cut.rowCount).toBe(1);
      // changed while b is not listening: b must pick it up after reconnecting, not on its 30 s timer
      expect((await put(a.url, { streaming: false }, 'oncall')).status).toBe(200);
      await eventually(() => overridesOf(b), (o) => o.streaming === false, 'b to re-synchronise', 5_000);
      const listeners = await admin.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'aqe b listener'",
      );
      expect(listeners.rows[0].n).toBe(1);
    } finally {
      await admin.end();
      await put(a.url, { streaming: null }, 'cleanup');
    }
  });
});
