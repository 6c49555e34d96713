import { afterEach, describe, expect, it } from 'vitest';
import type { QETask } from '../../../src/fleet/types.js';
import type { FakeAnthropicServer } from '../../../src/providers/testing/fake-anthropic-server.js';
import { startFleet } from '../../helpers/fleet.js';
import { longReply, pricedRouting, startBillingAnthropic } from '../../helpers/priced-fleet.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const gate = (i: number): QETask => ({
  id: `gate-${i}`,
  type: 'quality-gate',
  description: `Does build ${i} pass the gate: coverage >= 80%, no failures?`,
  payload: { files: [{ path: 'reports/summary.txt', content: `coverage ${80 + (i % 20)}%\nfailures 0\n` }] },
});

async function fleetOn(server: FakeAnthropicServer, costTracking: Record<string, unknown>, features = { multiModelRouter: true, streaming: false }) {
  const env = { ANTHROPIC_API_KEY: 'sk-ant-test-budget' };
  const started = await startFleet({ features, routing: pricedRouting(server.url, costTracking) }, env);
  cleanups.push(started.cleanup);
  return started.fleet;
}

describe('a budget is a hard cap on what the provider bills', () => {
  it('concurrent tasks against a small budget: billed <= limit, ledger == billed, some refused', async () => {
    const server = await startBillingAnthropic({ text: () => longReply(1500) });
    cleanups.push(() => server.close());
    const limit = 0.03; // 24 tasks of about $0.0033 on haiku want $0.08
    const fleet = await fleetOn(server, { budgetLimits: { daily: limit, monthly: 100 } });
    const results = await Promise.allSettled(Array.from({ length: 24 }, (_, i) => fleet.executeTask(gate(i))));
    const refused = results.filter((r) => r.status === 'rejected' && /budget exceeded/.test(String((r as PromiseRejectedResult).reason?.message)));
    const completed = results.filter((r) => r.status === 'fulfilled');
    expect(refused.length).toBeGreaterThan(0);
    expect(completed.length).toBeGreaterThan(0);
    const billed = server.billing.cost;
    expect(billed).toBeGreaterThan(0);
    expect(billed).toBeLessThanOrEqual(limit + 1e-9);
    const status = await fleet.getCostTracker().budgetStatus();
    expect(status.daily.reserved).toBe(0);
    expect(Math.abs(status.daily.spent - billed) / billed).toBeLessThan(0.01);
    // Every request the provider saw asked for at most what the budget could still pay for.
    const records = await fleet.getMemory().getStore().costRecords(0);
    expect(records.every((r) => r.status === 'settled' && !r.estimated)).toBe(true);
  });

  it('the kill switch (router off) turns routing off, never the limit', async () => {
    const server = await startBillingAnthropic({ text: () => longReply(1500) });
    cleanups.push(() => server.close());
    const fleet = await fleetOn(server, { budgetLimits: { daily: 0.05, monthly: 100 } }, { multiModelRouter: false, streaming: false });
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => fleet.executeTask(gate(i))));
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
    expect(server.billing.cost).toBeLessThanOrEqual(0.05 + 1e-9);
    expect((await fleet.getMemory().getStore().costRecords(0)).length).toBeGreaterThan(0);
  });

  it('a streamed task cancelled midway is billed for what it received', async () => {
    const server = await startBillingAnthropic({ text: () => longReply(400), chunkDelayMs: 5 });
    cleanups.push(() => server.close());
    const fleet = await fleetOn(server, { budgetLimits: { daily: 10, monthly: 100 } }, { multiModelRouter: true, streaming: true });
    let chunks = 0;
    let received = '';
    const submitted = fleet.submitTask(gate(1), {
      callbacks: {
        onChunk: (c) => {
          received += c.text;
          if (++chunks === 20) fleet.cancelTask('gate-1');
        },
      },
    });
    const result = await submitted.done.catch((e) => e.result);
    expect(result.status).toBe('cancelled');
    const records = await fleet.getMemory().getStore().costRecords(0);
    expect(records).toHaveLength(1);
    const [rec] = records;
    expect(rec.status).toBe('settled');
    expect(rec.outputTokens).toBeGreaterThan(0);
    expect(rec.cost).toBeGreaterThan(0);
    // What the provider sent (billed) is at least what we received; we record what we received or more.
    expect(rec.cost).toBeLessThanOrEqual(server.billing.cost + 1e-12);
    expect(rec.cost).toBeGreaterThanOrEqual(fleet.getCostTracker().costOf(rec.modelName, rec.inputTokens, 0) + 1e-12);
    expect(received.length).toBeGreaterThan(0);
    expect(result.cost).toBeCloseTo(rec.cost, 10);
  });
});
