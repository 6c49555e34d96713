// Store throughput on a temp file (WAL, synchronous=NORMAL, as the fleet runs it).
// Run `npm run build` first. Prints one JSON object.
import console from 'node:console';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { SqliteMemoryStore } from '../dist/memory/sqlite-store.js';

const BATCHED = Number(process.env.BENCH_BATCHED ?? 200_000);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 1000);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 20_000);
const READS = Number(process.env.BENCH_READS ?? 200_000);
const RESERVATIONS = Number(process.env.BENCH_RESERVATIONS ?? 5_000);

const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-store-'));
const store = new SqliteMemoryStore(join(dir, 'bench.db'), { purgeIntervalMs: 0 });

function entry(partition, i) {
  const now = Date.now();
  return {
    partition,
    key: `key-${i}`,
    value: { i, status: 'ok', tags: ['a', 'b'] },
    owner: 'bench',
    accessLevel: 'private',
    createdAt: now,
    updatedAt: now,
  };
}

function rate(count, fn) {
  const t0 = process.hrtime.bigint();
  fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { count, seconds: +seconds.toFixed(3), perSecond: Math.round(count / seconds) };
}

try {
  const batched = rate(BATCHED, () => {
    for (let i = 0; i < BATCHED; i += BATCH_SIZE) {
      const batch = [];
      for (let j = i; j < Math.min(i + BATCH_SIZE, BATCHED); j++) batch.push(entry('batched', j));
      store.putMany(batch);
    }
  });
  const single = rate(SINGLE, () => {
    for (let i = 0; i < SINGLE; i++) store.put(entry('single', i));
  });
  const reads = rate(READS, () => {
    for (let i = 0; i < READS; i++) {
      if (!store.get('batched', `key-${(i * 7919) % BATCHED}`)) throw new Error('missing entry');
    }
  });
  const day = new Date().toISOString().slice(0, 10);
  const windows = [
    { name: 'daily', period: day, limit: 1e9 },
    { name: 'monthly', period: day.slice(0, 7), limit: 1e9 },
  ];
  const reservations = rate(RESERVATIONS, () => {
    for (let i = 0; i < RESERVATIONS; i++) {
      const r = store.reserveBudget(windows, 0.001, { taskId: `t${i}` });
      if (!r.ok) throw new Error('refused');
      store.settleReservation(r.reservationId, {
        taskId: `t${i}`,
        modelName: 'm',
        agentType: 'a',
        inputTokens: 10,
        outputTokens: 10,
        cost: 0.001,
        estimated: true,
        at: Date.now(),
        day,
        month: day.slice(0, 7),
      });
    }
  });
  console.log(
    JSON.stringify({
      bench: 'store',
      backend: 'sqlite (WAL, synchronous=NORMAL)',
      batchedWrites: { ...batched, batchSize: BATCH_SIZE, target: 20_000, pass: batched.perSecond >= 20_000 },
      singleStatementWrites: { ...single, target: 2_000, pass: single.perSecond >= 2_000 },
      reads,
      reserveAndSettle: { ...reservations, note: 'reserve + settle pairs, each an IMMEDIATE transaction' },
    }),
  );
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
