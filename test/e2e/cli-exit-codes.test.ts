import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * One exit-code rule for every command: usage or missing input (a path that does not exist, is a directory
 * where a file goes or cannot be read) exits 2; a check that failed or bad content exits 1. Errors are worded
 * (the path and the reason), never a raw errno or a stack.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/aqe.js');
let dir: string;

function aqe(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME }, encoding: 'utf8' }, (_err, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aqe-exit-codes-'));
  mkdirSync(join(dir, 'a-dir'));
  writeFileSync(join(dir, 'a-file'), 'text\n');
  writeFileSync(join(dir, 'bad.jsonl'), '{"id": "t1", "type": "test-generation"}\nnot json\n');
  writeFileSync(join(dir, 'bad.yaml'), 'fleet:\n  maxConcurrentTaskz: 4\n');
  writeFileSync(join(dir, 'coverage-final.json'), '{"not": "coverage"}\n');
  mkdirSync(join(dir, 'not-a-backup'));
  writeFileSync(join(dir, 'not-a-backup', 'notes.txt'), 'hello\n');
  writeFileSync(join(dir, 'v104.yaml'), readFileSync(join(ROOT, 'test/fixtures/migration/fleet.v1.0.4.yaml'), 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noRawErrno = (s: string) => expect(s).not.toMatch(/\bE(ISDIR|NOENT|NOTDIR|ACCES)\b|\n\s+at /);

describe('usage or missing input: exit 2, worded', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['config validate, missing file', ['config', 'validate', 'nope.yaml'], /nope\.yaml: expected a config file, found nothing/],
    ['config validate, a directory', ['config', 'validate', 'a-dir'], /a-dir: expected a config file, found a directory/],
    ['config migrate, missing OLD', ['config', 'migrate', 'nope.yaml'], /config file nope\.yaml not found/],
    ['config migrate, OLD is a directory', ['config', 'migrate', 'a-dir', 'out.yaml'], /cannot read config file a-dir: it is a directory, not a file/],
    ['config migrate, NEW is a directory', ['config', 'migrate', 'v104.yaml', 'a-dir'], /NEW a-dir is a directory; name the file to write/],
    ['config migrate, OLD under a file', ['config', 'migrate', 'a-file/fleet.yaml', 'out.yaml'], /a-file\/fleet\.yaml/],
    ['restore, missing folder', ['restore', 'nope'], /cannot read backup folder nope: no such file or directory/],
    ['restore, a file', ['restore', 'a-file'], /cannot read backup folder a-file: it is a file, not a directory/],
    ['migrate-agents, missing folder', ['migrate-agents', 'nope'], /cannot read project directory nope: no such file or directory/],
    ['migrate-agents, a file', ['migrate-agents', 'a-file'], /cannot read project directory a-file: it is a file, not a directory/],
    ['run, missing file', ['run', 'nope.jsonl'], /cannot read task file nope\.jsonl: no such file/],
    ['run, a directory', ['run', 'a-dir'], /cannot read task file a-dir: it is a directory/],
    ['route, missing file', ['route', 'nope.jsonl'], /cannot read task file nope\.jsonl: no such file/],
    ['route, a directory', ['route', 'a-dir'], /cannot read task file a-dir: it is a directory/],
    ['generate, missing path', ['generate', 'nope'], /PATH nope does not exist/],
    ['coverage, missing report', ['coverage', 'nope.json'], /coverage report nope\.json does not exist/],
    ['coverage, report under a file', ['coverage', 'a-file/lcov.info'], /a-file\/lcov\.info/],
    ['flags, unknown agent type', ['flags', '--agent', 'nonsense'], /unknown agent type "nonsense"; known: .*coverage-analyzer.*test-generator/],
    ['an unknown option', ['route', '--nope', 'x.jsonl'], /unknown option '--nope'/],
  ];
  it.concurrent.each(cases)('%s', async (_name, args, message) => {
    const r = await aqe(...args);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    noRawErrno(r.stderr);
  });
});

describe('a failed check or bad content: exit 1', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['config validate, a typo', ['config', 'validate', 'bad.yaml'], /maxConcurrentTaskz/],
    ['config migrate, the result would not validate', ['config', 'migrate', 'bad.yaml', 'out2.yaml'], /does not pass validation; nothing written to out2\.yaml/],
    ['restore, a folder that is not a backup', ['restore', 'not-a-backup'], /not an aqe backup: manifest\.json is missing/],
    ['route, a bad line', ['route', 'bad.jsonl'], /bad\.jsonl:2:/],
    ['coverage, not a coverage report', ['coverage', 'coverage-final.json'], /is not a coverage report/],
  ];
  it.concurrent.each(cases)('%s', async (_name, args, message) => {
    const r = await aqe(...args);
    expect(`${r.stdout}${r.stderr}`).toMatch(message);
    expect(r.code).toBe(1);
    noRawErrno(r.stderr);
  });
});

describe('aqe flags --agent', () => {
  it('accepts a built-in agent type', async () => {
    const r = await aqe('flags', '--agent', 'test-generator', '--json');
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['multiModelRouter', 'streaming']);
  });
});

describe('aqe migrate-agents on a JavaScript project', () => {
  it('scans and migrates .mjs agents', async () => {
    mkdirSync(join(dir, 'js-agents'));
    writeFileSync(join(dir, 'js-agents/agent.mjs'), "import { BaseAgent } from 'agentic-qe-fleet';\nexport class A extends BaseAgent {\n  async performTask(task) {\n    return task.id;\n  }\n}\n");
    const r = await aqe('migrate-agents', 'js-agents');
    expect(r.stdout).toContain('migrated         A (agent.mjs)');
    expect(r.stdout).toContain('changed 1 file(s); 1 BaseAgent subclass(es) in 1 file(s) scanned');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'js-agents/agent.mjs'), 'utf8')).toContain('async performTaskImpl(task, selection) {');
  });
});
