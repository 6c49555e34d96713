import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_MIGRATIONS, pgMigrate } from '../../../src/memory/pg-migrations.js';
import { PgMemoryStore } from '../../../src/memory/pg-store.js';
import { createTestDatabase, PG_SKIP, PG_SKIP_NOTE, type TestDatabase } from '../../helpers/pg.js';

// Schema 5 reads routing/costs from the ledger instead of a second row per call: a database upgraded from 4
// keeps the entries its settlements wrote (one per key, never twice) and gets no new ones.

describe.skipIf(PG_SKIP)(`PostgreSQL routing/costs across the schema 5 upgrade${PG_SKIP_NOTE}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('gw_rows_costs');
  });
  afterAll(() => db.drop());

  it('an upgraded database shows each call once, the entry written before the upgrade included; new calls add no entry row', async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await pgMigrate(c as unknown as pg.PoolClient, 'test', PG_MIGRATIONS.filter((m) => m.version <= 4));
      // a settlement by schema 4: the ledger row and its routing/costs copy
      await c.query(
        `SELECT aqe_settle('r-old', 'task-old', 'm', 'a', 10, 5, 0.25, false, 1000, '2026-11-25', '2026-11', 'settled',
          'routing/costs', 'task-old:r-old', $1, 1000)`,
        [JSON.stringify({ taskId: 'task-old', modelName: 'm', agentType: 'a', inputTokens: 10, outputTokens: 5, cost: 0.25, estimated: false, at: 1000, day: '2026-11-25', month: '2026-11', status: 'settled' })],
      );
      const store = new PgMemoryStore({ url: db.url, purgeIntervalMs: 0 });
      try {
        await store.init();
        await store.settleReservation('r-new', { taskId: 'task-new', modelName: 'm', agentType: 'a', inputTokens: 20, outputTokens: 7, cost: 0.5, estimated: true, at: 2000, day: '2026-11-25', month: '2026-11' });
        const entries = await store.query({ partition: 'routing/costs' });
        expect(entries.map((e) => [e.key, (e.value as { cost: number }).cost])).toEqual([['task-new:r-new', 0.5], ['task-old:r-old', 0.25]]);
        expect((await store.get('routing/costs', 'task-new:r-new'))?.value).toEqual({
          taskId: 'task-new', modelName: 'm', agentType: 'a', inputTokens: 20, outputTokens: 7, cost: 0.5, estimated: true, at: 2000,
          day: '2026-11-25', month: '2026-11', status: 'settled',
        });
        const { rows } = await c.query("SELECT key FROM aqe_entries WHERE partition = 'routing/costs'");
        expect(rows.map((r) => r.key)).toEqual(['task-old:r-old']);
      } finally {
        await store.close();
      }
    } finally {
      await c.end();
    }
  });
});
