import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { seedModels } from '../../src/config/defaults.js';
import { reviewTask, tempDir } from '../helpers/fleet.js';

const { dir, cleanup } = tempDir('aqe-run-');
afterAll(cleanup);

function aqe(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/aqe.js', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: dir, AQE_LOG_LEVEL: 'error', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function config(features: { multiModelRouter: boolean; streaming: boolean }): string {
  const path = join(dir, `fleet-${features.multiModelRouter}-${features.streaming}.yaml`);
  writeFileSync(path, stringify({
    database: { path: join(dir, `fleet-${features.multiModelRouter}-${features.streaming}.db`) },
    features,
    routing: { costTracking: { budgetLimits: { daily: 100000, monthly: 1000000 } } },
  }));
  return path;
}

const gate = { id: 'gate-1', type: 'quality-gate', description: 'Does the build pass: coverage >= 80%, no failures?', payload: { files: [{ path: 'reports/summary.txt', content: 'coverage 91%\nfailures 0\n' }] } };
const tasksFile = join(dir, 'tasks.jsonl');
writeFileSync(tasksFile, [JSON.stringify(gate), JSON.stringify(reviewTask)].join('\n') + '\n');

describe('aqe run', () => {
  it('streams JSON events per task with routing and streaming on, then a summary', () => {
    const r = aqe(['--config', config({ multiModelRouter: true, streaming: true }), 'run', tasksFile, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    for (const id of ['gate-1', 'review-1']) {
      const mine = events.filter((e) => e.taskId === id);
      expect(mine[0]).toMatchObject({ event: 'start', stream: true });
      const chunks = mine.filter((e) => e.event === 'chunk');
      expect(chunks.length).toBeGreaterThan(0);
      expect(chunks.map((c) => c.seq)).toEqual(chunks.map((_, i) => i + 1));
      expect(mine.at(-1)).toMatchObject({ event: 'complete', status: 'completed', streamed: true, costEstimated: true });
    }
    expect(events.at(-1)).toMatchObject({ event: 'summary', tasks: 2, completed: 2, failed: 0 });
  });

  it('prints a table and totals, synchronously on the default model with the flags off', () => {
    const r = aqe(['--config', config({ multiModelRouter: false, streaming: false }), 'run', tasksFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/task\s+model\s+tokens in\/out\s+cost\s+duration\s+outcome/);
    expect(r.stdout.match(/claude-sonnet-4\.5/g)?.length).toBe(2);
    expect(r.stdout).toMatch(/total: 2 completed, 0 failed/);
    expect(r.stderr).toMatch(/router off, streaming off/);
  });

  it('warns on stderr, naming the field, about a model id the API no longer serves, and still runs', () => {
    const path = join(dir, 'fleet-retired.yaml');
    const models = seedModels().map((m) => (m.name === 'claude-opus-4' ? { ...m, model: 'claude-opus-4-20250514' } : m));
    writeFileSync(path, stringify({ database: { path: join(dir, 'fleet-retired.db') }, routing: { models } }));
    const r = aqe(['--config', path, 'run', tasksFile, '--json'], { AQE_LOG_LEVEL: 'warn' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/config: routing\.models\[0\]\.model \(line \d+\): \\?"claude-opus-4-20250514\\?" is retired on 2026-06-15 \(requests to it fail\); use \\?"claude-opus-4-8\\?"/);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ event: 'summary', completed: 2 });
  });

  it('reports bad lines with their number, runs the rest and exits 1', () => {
    const bad = join(dir, 'bad.jsonl');
    const typo = { ...gate, id: 'typo-1', payload: { ...gate.payload, requirments: ['x'] } };
    writeFileSync(bad, [JSON.stringify(gate), '{not json', JSON.stringify({ ...gate, id: 'x', type: 'nope' }), JSON.stringify(typo)].join('\n'));
    const r = aqe(['--config', config({ multiModelRouter: false, streaming: false }), 'run', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.jsonl:2: not valid JSON/);
    expect(r.stderr).toMatch(/bad\.jsonl:3: .*type: expected one of/);
    expect(r.stderr).toMatch(/bad\.jsonl:4: task: payload: unknown field "requirments" for quality-gate/);
    expect(r.stdout).toMatch(/total: 1 completed, 0 failed, 3 invalid line/);
  });

  it('an --out that cannot be a directory is refused before any task runs, naming it', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const r = aqe(['--config', config({ multiModelRouter: false, streaming: false }), 'run', tasksFile, '--out', join(blocker, 'sub')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aqe: AQE_ERR_USAGE: --out .*a-file\/sub: cannot create the output directory: a file is in the way/m);
    expect(r.stderr).not.toMatch(/running \d+ task/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing task file is a clear error, not a stack trace', () => {
    const r = aqe(['run', join(dir, 'nope.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aqe: AQE_ERR_USAGE: cannot read task file .*nope\.jsonl: no such file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
