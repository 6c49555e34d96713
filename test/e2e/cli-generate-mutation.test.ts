import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aqeAsync, lastJson } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'aqe-e2e-generate-mutation-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('aqe generate --mutation', { timeout: 600_000 }, () => {
  it('runs StrykerJS on a tiny module and reports killed, survived and the score per module and in total', async () => {
    const dir = join(work, 'tiny');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'tiny', type: 'module' }));
    writeFileSync(join(dir, 'src', 'clamp.js'), 'export function clamp(x, lo, hi) {\n  if (x < lo) return lo;\n  if (x > hi) return hi;\n  return x;\n}\n');
    // async: a minute-long spawnSync would block the vitest worker's RPC
    const r = await aqeAsync(['generate', join(dir, 'src'), '--mutation', '--json'], work);
    expect(r.code).toBe(0);
    const report = lastJson(r.stdout);
    const m = report.modules[0];
    expect(m.failed).toBe(0);
    expect(m.mutation.total).toBeGreaterThan(5);
    expect(m.mutation.killed + m.mutation.timeout + m.mutation.survived + m.mutation.noCoverage + m.mutation.errors).toBe(m.mutation.total);
    expect(m.mutation.score).toBeGreaterThanOrEqual(60);
    expect(report.totals.mutationScore).toBe(m.mutation.score);
    // kept tests are those that kill or reach mutants: never more than were generated, and the file holds exactly them
    expect(m.tests).toBeGreaterThan(0);
    expect(m.tests).toBeLessThanOrEqual(m.generatedTests ?? m.tests);
    expect(readFileSync(m.testFile, 'utf8').match(/^\s*it\(/gm)?.length).toBe(m.tests);
    // the project is mutated in a temp copy: the source is untouched
    expect(readFileSync(join(dir, 'src', 'clamp.js'), 'utf8')).not.toContain('Stryker');
  });
});
