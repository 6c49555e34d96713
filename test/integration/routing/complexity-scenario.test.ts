import { describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import type { QETask } from '../../../src/fleet/types.js';
import { ModelRouter, type SelectionRecord } from '../../../src/routing/ModelRouter.js';

/**
 * The seed's routing scenario (`npm run test:routing:complexity`): tasks of varying complexity, routed with
 * the seed's three models and ranges. Expected: simple -> Haiku, medium -> Sonnet, complex -> Opus.
 */
const file = (path: string, content: string) => ({ path, content });

const tasks: Array<{ tier: 'simple' | 'medium' | 'complex'; task: QETask }> = [
  { tier: 'simple', task: { id: 'simple-pure', type: 'test-generation', description: 'Unit tests for isEven.', payload: { files: [file('src/even.ts', 'export const isEven = (n: number) => n % 2 === 0;')] } } },
  {
    tier: 'simple',
    task: {
      id: 'simple-report',
      type: 'test-execution',
      description: 'Summarise this test output for the PR.',
      payload: { files: [file('reports/out.txt', 'PASS a.test.ts\nPASS b.test.ts\nFAIL c.test.ts\nTests: 1 failed, 30 passed, 31 total')] },
    },
  },
  {
    tier: 'medium',
    task: {
      id: 'medium-handler',
      type: 'test-generation',
      description: 'Integration tests for the order lookup endpoint.',
      payload: {
        files: [
          file(
            'src/routes/orders.ts',
            `export default async function routes(app: any) {
  app.get('/orders/:id', async (req: any, reply: any) => {
    const order = await app.db.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
    if (!order.rows[0]) return reply.code(404).send({ error: 'not_found' });
    if (order.rows[0].deleted) return reply.code(410).send({ error: 'gone' });
    return order.rows[0];
  });
}`,
          ),
        ],
      },
    },
  },
  {
    tier: 'medium',
    task: {
      id: 'medium-flaky',
      type: 'flaky-test-analysis',
      description: 'This test fails intermittently. Here is the log.',
      payload: { files: [file('test/cache.test.ts', "it('expires', async () => { cache.set('k', 1, 10); await sleep(10); expect(cache.get('k')).toBeUndefined(); });"), file('logs/ci.txt', 'AssertionError: expected 1 to be undefined')] },
    },
  },
  {
    tier: 'complex',
    task: {
      id: 'complex-race',
      type: 'test-generation',
      description: 'Tests for the account transfer service, including concurrent transfers between the same accounts.',
      payload: {
        files: [
          file(
            'src/transfer.ts',
            `export async function transfer(db: any, from: string, to: string, cents: number) {
  return db.tx(async (t: any) => {
    const a = await t.one('SELECT balance FROM accounts WHERE id = $1 FOR UPDATE', [from]);
    if (a.balance < cents) throw new Error('insufficient funds');
    await t.none('UPDATE accounts SET balance = balance - $2 WHERE id = $1', [from, cents]);
    await t.none('UPDATE accounts SET balance = balance + $2 WHERE id = $1', [to, cents]);
  });
}`,
          ),
        ],
      },
    },
  },
  {
    tier: 'complex',
    task: {
      id: 'complex-auth',
      type: 'security-scan',
      description: 'Is the API key check safe?',
      payload: { files: [file('src/apikey.ts', "import crypto from 'node:crypto';\nexport const check = (given: string, stored: string) => crypto.createHash('sha1').update(given).digest('hex') === stored;")] },
    },
  },
];

describe('routing scenario: complexity -> model', () => {
  const config = createConfig({ features: { multiModelRouter: true }, routing: { enabled: true } });
  const records: SelectionRecord[] = [];
  const router = new ModelRouter(config.routing, { onSelection: (r) => records.push(r) });
  const expected = { simple: 'claude-haiku-4', medium: 'claude-sonnet-4.5', complex: 'claude-opus-4' };

  for (const { tier, task } of tasks) {
    it(`${tier} task ${task.id} -> ${expected[tier]}`, () => {
      const sel = router.select(task);
      expect(sel.modelName, sel.complexity.reasons.join(' | ')).toBe(expected[tier]);
      expect(sel.estimatedCost).toBeGreaterThan(0);
      expect(sel.fallbacks).not.toContain(sel.modelName);
    });
  }

  it('records every selection with task id, score, components, model and reasons', () => {
    expect(records.map((r) => r.taskId)).toEqual(tasks.map((t) => t.task.id));
    for (const r of records) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(Object.keys(r.components).sort()).toEqual(['context', 'structure', 'token']);
      expect(r.reasons.length).toBeGreaterThan(0);
    }
  });
});
