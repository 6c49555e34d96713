import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAIServer } from '../helpers/fake-openai.js';
import { reviewTask, tempDir } from '../helpers/fleet.js';
import { fakeModelConfig } from '../helpers/server.js';

const BIN = resolve('bin/aqe.js');

/** `aqe run FILE --json ...`; `onEvent` sees each JSON line as it arrives (and may signal the child). */
function run(args: string[], cwd: string, onEvent: (ev: any, kill: (s: NodeJS.Signals) => void) => void = () => undefined) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const events: any[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const ev = JSON.parse(line);
    events.push(ev);
    onEvent(ev, (s) => child.kill(s));
  });
  return new Promise<{ code: number | null; events: any[]; stderr: string }>((r) => child.once('close', (code) => r({ code, events, stderr })));
}

describe('aqe run: SIGTERM says which tasks were not done, --resume runs exactly those', () => {
  let fake: FakeOpenAIServer;
  let dir: string;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('aqe-e2e-resume-'));
    fake = await FakeOpenAIServer.start({ record: false });
  });
  afterAll(async () => {
    await fake.close();
    cleanup();
  });

  it('drains on SIGTERM, lists the cancelled ids, and a --resume run skips the completed ones', { timeout: 90_000 }, async () => {
    const config = join(dir, 'fleet.yaml');
    writeFileSync(config, JSON.stringify({
      ...fakeModelConfig(fake.url),
      fleet: { maxConcurrentTasks: 2, shutdownGraceMs: 300 },
      database: { path: join(dir, 'fleet.db') },
    }));
    const file = join(dir, 'tasks.jsonl');
    const ids = Array.from({ length: 6 }, (_, i) => `run-${i}`);
    writeFileSync(file, ids.map((id) => JSON.stringify({ ...reviewTask, id })).join('\n') + '\n');

    // First two tasks are quick; the rest stream slowly, so SIGTERM finds two running and two queued.
    fake.setScript((req) => {
      const quick = /run-[01]\b/.test(JSON.stringify(req.body));
      return { text: 'word '.repeat(quick ? 4 : 200), chunkSize: 5, chunkDelayMs: quick ? 0 : 20 };
    });
    let signalled = false;
    const first = await run(['-c', config, 'run', file, '--json'], dir, (ev, kill) => {
      if (!signalled && ev.event === 'chunk' && !/run-[01]$/.test(ev.taskId)) {
        signalled = true;
        kill('SIGTERM');
      }
    });
    expect(first.stderr).toMatch(/SIGTERM: no new tasks/);
    expect(first.code).toBe(1);
    const summary = first.events.at(-1);
    expect(summary).toMatchObject({ event: 'summary', tasks: 6 });
    const completed = first.events.filter((e) => e.event === 'complete').map((e) => e.taskId);
    expect(completed).toEqual(expect.arrayContaining(['run-0', 'run-1']));
    expect(summary.notDone.length).toBeGreaterThanOrEqual(2);
    expect(new Set([...completed, ...summary.notDone])).toEqual(new Set(ids));
    for (const id of summary.notDone) {
      expect(first.events.find((e) => e.taskId === id && e.event === 'cancelled')).toMatchObject({ status: 'cancelled' });
    }

    fake.setScript(() => ({ text: 'word '.repeat(4), chunkSize: 5 }));
    const second = await run(['-c', config, 'run', file, '--json', '--resume'], dir);
    expect(second.code).toBe(0);
    expect(second.events[0]).toMatchObject({ event: 'skipped' });
    expect(new Set(second.events[0].taskIds)).toEqual(new Set(completed));
    const rerun = second.events.filter((e) => e.event === 'complete').map((e) => e.taskId);
    expect(rerun.sort()).toEqual([...summary.notDone].sort());
    expect(second.events.at(-1)).toMatchObject({ event: 'summary', tasks: summary.notDone.length, completed: summary.notDone.length, skipped: completed.length, notDone: [] });
  });
});
