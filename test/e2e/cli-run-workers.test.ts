import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAIServer } from '../helpers/fake-openai.js';
import { reviewTask, tempDir } from '../helpers/fleet.js';
import { createTestDatabase, PG_SKIP, PG_SKIP_NOTE, type TestDatabase } from '../helpers/pg.js';
import { fakeModelConfig } from '../helpers/server.js';

const BIN = resolve('bin/aqe.js');

function aqe(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const events: any[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      events.push(JSON.parse(line));
    } catch {
      events.push({ text: line });
    }
  });
  const closed = new Promise<{ code: number | null; events: any[]; stderr: string }>((r) => child.once('close', (code) => r({ code, events, stderr })));
  return { child, events, closed };
}

describe('aqe run --workers / aqe worker on SQLite', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir('aqe-e2e-workers-sqlite-'));
    writeFileSync(join(dir, 'fleet.yaml'), JSON.stringify({ database: { path: join(dir, 'fleet.db') } }));
    writeFileSync(join(dir, 'tasks.jsonl'), JSON.stringify(reviewTask) + '\n');
  });
  afterAll(() => cleanup());

  it('say they need PostgreSQL and exit 2 before running anything', async () => {
    const run = await aqe(['-c', 'fleet.yaml', 'run', 'tasks.jsonl', '--workers', '2'], dir).closed;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--workers needs a store shared by processes: set database\.type postgres/);
    const worker = await aqe(['-c', 'fleet.yaml', 'worker', '--queue', 'q1'], dir).closed;
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/aqe worker needs a store shared by processes/);
    const bad = await aqe(['-c', 'fleet.yaml', 'run', 'tasks.jsonl', '--workers', '0'], dir).closed;
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--workers: expected an integer 1-64/);
  });
});

describe.skipIf(PG_SKIP)(`aqe run FILE --workers N on PostgreSQL${PG_SKIP_NOTE}`, () => {
  let fake: FakeOpenAIServer;
  let db: TestDatabase;
  let dir: string;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('aqe-e2e-workers-'));
    fake = await FakeOpenAIServer.start({ record: false });
    db = await createTestDatabase('aqe_workers');
  });
  afterAll(async () => {
    await fake?.close();
    await db?.drop();
    cleanup?.();
  });

  it('a worker killed with SIGKILL mid-task: another takes its task over and every task is done exactly once', { timeout: 120_000 }, async () => {
    // every model call takes 1.5 s, so the kill finds a task in flight
    fake.setScript(() => ({ firstByteDelayMs: 1500 }));
    writeFileSync(join(dir, 'fleet.yaml'), JSON.stringify({
      ...fakeModelConfig(fake.url, { features: { multiModelRouter: true, streaming: false } }),
      fleet: { maxConcurrentTasks: 1, shutdownGraceMs: 500 },
      database: { type: 'postgres', url: db.url },
      logging: { level: 'error' },
    }));
    const ids = Array.from({ length: 6 }, (_, i) => `job-${i}`);
    writeFileSync(join(dir, 'tasks.jsonl'), ids.map((id) => JSON.stringify({ ...reviewTask, id })).join('\n') + '\n');

    const run = aqe(['-c', 'fleet.yaml', 'run', 'tasks.jsonl', '--workers', '2', '--queue', 'kill-test', '--json'], dir);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    let victim: { id: string; pid: number; owner: string } | undefined;
    try {
      for (let i = 0; i < 600 && !victim; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const rows = await client
          .query<{ id: string; pid: number; owner: string }>(
            `SELECT j.id, o.pid, o.id AS owner FROM aqe_jobs j JOIN aqe_process_owners o ON o.id = j.owner_id
             WHERE j.queue = 'kill-test' AND j.state = 'running' ORDER BY j.seq LIMIT 1`,
          )
          .catch(() => ({ rows: [] as Array<{ id: string; pid: number; owner: string }> }));
        victim = rows.rows[0];
      }
      expect(victim).toBeDefined();
      process.kill(victim!.pid, 'SIGKILL');

      const { code, events, stderr } = await run.closed;
      expect(code, stderr).toBe(0);
      const summary = events.find((e) => e.event === 'summary');
      expect(summary).toMatchObject({ tasks: 6, completed: 6, failed: 0, notDone: [], takenOver: [victim!.id] });
      expect(events.filter((e) => e.event === 'complete').map((e) => e.taskId).sort()).toEqual(ids);
      expect(events).toContainEqual(expect.objectContaining({ event: 'worker-exit', pid: victim!.pid, signal: 'SIGKILL' }));

      const jobs = await client.query<{ id: string; state: string; attempts: number; owner_id: string; outcome: string }>(
        "SELECT id, state, attempts, owner_id, outcome FROM aqe_jobs WHERE queue = 'kill-test' ORDER BY seq",
      );
      expect(jobs.rows.every((j) => j.state === 'done' && j.outcome === 'completed')).toBe(true);
      const taken = jobs.rows.find((j) => j.id === victim!.id)!;
      expect(taken.attempts).toBe(2);
      expect(taken.owner_id).not.toBe(victim!.owner);
      // each task marked done by exactly one worker, and recorded completed once
      const done = events.filter((e) => e.event === 'done');
      expect(done.map((e) => e.taskId).sort()).toEqual(ids);
      const records = await client.query<{ key: string; value: string }>("SELECT key, value FROM aqe_entries WHERE partition = 'fleet/tasks' ORDER BY key");
      expect(records.rows.map((r) => [r.key, JSON.parse(r.value).status])).toEqual(ids.map((id) => [id, 'completed']));
    } finally {
      await client.end();
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  });
});
