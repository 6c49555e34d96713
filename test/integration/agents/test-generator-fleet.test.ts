import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModuleReport } from '../../../src/agents/test-generator/pipeline.js';
import { FleetManager } from '../../../src/fleet/FleetManager.js';
import { silentLogger } from '../../../src/logging.js';
import { FakeAnthropicServer } from '../../helpers/fake-anthropic.js';
import { startFleet, tempDir, testConfig } from '../../helpers/fleet.js';
import { seedModelsAt } from '../../helpers/priced-fleet.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function sourceProject(): { dir: string; source: string } {
  const { dir, cleanup } = tempDir('aqe-tg-fleet-');
  cleanups.push(cleanup);
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const source = join(dir, 'src', 'add.js');
  writeFileSync(source, '/** @param {number} a @param {number} b */\nexport function add(a, b) {\n  if (a === 0) return b;\n  return a + b;\n}\n');
  return { dir, source };
}

const task = (source: string, dir: string, id = 'tg-1') => ({
  id,
  type: 'test-generation',
  description: 'Unit tests for add.',
  payload: { language: 'javascript' as const, framework: 'vitest', files: [{ path: 'src/add.js', content: readFileSync(source, 'utf8') }], sourcePath: source, outDir: join(dir, 'test'), root: join(dir, 'src') },
});

describe('test-generator through the fleet, offline engine', () => {
  it('routes the task to the test-generator agent, writes, runs and measures the tests', async () => {
    const { fleet, cleanup } = await startFleet();
    cleanups.push(cleanup);
    const { dir, source } = sourceProject();
    const result = await fleet.executeTask(task(source, dir));
    expect(result.status).toBe('completed');
    expect(result.agentType).toBe('test-generator');
    expect(result.costEstimated).toBe(true);
    const out = result.output as ModuleReport;
    expect(out.source).toBe(source);
    expect(out.testFile).toBe(join(dir, 'test', 'add.test.mjs'));
    expect(out.engine).toBe('offline');
    expect(out.tests).toBeGreaterThan(5);
    expect(out.passed).toBe(out.tests);
    expect(out.failed).toBe(0);
    expect(out.lineCoverageBefore).toBe(0);
    expect(out.lineCoverageAfter).toBe(100);
    expect(out.branchCoverageAfter).toBe(100);
    expect(readFileSync(out.testFile!, 'utf8')).toContain('expect(add(0, 1)).toBe(1);');
  });

  it('a module that throws when loaded is reported: a note saying so and the broken test file counted as failed', async () => {
    const { fleet, cleanup } = await startFleet();
    cleanups.push(cleanup);
    const { dir } = sourceProject();
    const source = join(dir, 'src', 'boom.js');
    writeFileSync(source, "throw new Error('module fails on load');\n");
    const result = await fleet.executeTask({ ...task(source, dir, 'tg-boom'), payload: { ...task(source, dir).payload, files: [{ path: 'src/boom.js', content: readFileSync(source, 'utf8') }] } });
    const out = result.output as ModuleReport;
    expect(out.notes).toContain('the module did not load: Error: module fails on load');
    expect(out.failed).toBeGreaterThan(0);
    expect(out.passed).toBe(0);
  });

  it('works from payload.files alone (no path on disk)', async () => {
    const { fleet, cleanup } = await startFleet();
    cleanups.push(cleanup);
    const result = await fleet.executeTask({ id: 'sum', type: 'test-generation', description: 'Unit tests for sum.', payload: { files: [{ path: 'src/sum.js', content: 'export function sum(a, b) {\n  return a + b;\n}\n' }] } });
    const out = result.output as ModuleReport & { testCode?: string };
    expect(out.failed).toBe(0);
    expect(out.passed).toBeGreaterThan(3);
    // the temp copy is removed afterwards; the tests come back as text
    expect(out.source).toBe('src/sum.js');
    expect(out.testFile).toBeNull();
    expect(out.testCode).toContain('expect(sum(1, 0)).toBe(1);');
  });
});

describe('test-generator with a model provider (fake Anthropic server)', () => {
  let server: FakeAnthropicServer;
  beforeAll(async () => {
    server = await FakeAnthropicServer.start();
  });
  afterAll(() => server.close());

  async function modelFleet(): Promise<FleetManager> {
    const { dir, cleanup } = tempDir();
    const config = testConfig({
      features: { multiModelRouter: true, streaming: true },
      routing: { enabled: true, models: seedModelsAt(server.url) } as never,
    }, dir);
    const fleet = new FleetManager(config, { env: { ANTHROPIC_API_KEY: 'sk-ant-test-0123456789abcdef' }, logger: silentLogger(), cwd: dir });
    await fleet.initialize();
    cleanups.push(async () => {
      await fleet.shutdown({ graceMs: 500 });
      cleanup();
    });
    return fleet;
  }

  const good = "```js\nimport { describe, it, expect } from 'vitest';\nimport { add } from '../src/add.js';\n\ndescribe('add', () => {\n  it('adds', () => { expect(add(2, 3)).toBe(5); });\n  it('zero', () => { expect(add(0, 7)).toBe(7); });\n});\n```";
  const broken = "```js\nimport { add, subtract } from '../src/add.js';\nit('x', () => { expect(add(1, 2).toBe(3); });\n```";
  const failing = "```js\nimport { it, expect } from 'vitest';\nimport { add } from '../src/add.js';\nit('wrong', () => { expect(add(2, 2)).toBe(5); });\n```";

  it('a good answer is validated, written with a header and run', async () => {
    const fleet = await modelFleet();
    const { dir, source } = sourceProject();
    server.requests.length = 0;
    server.enqueue({ text: good, chunkSize: 16 });
    const result = await fleet.executeTask(task(source, dir, 'good'), { stream: true });
    const out = result.output as ModuleReport;
    expect(out.engine).toBe('model');
    expect(out.attempts).toBe(1);
    expect(out).toMatchObject({ tests: 2, passed: 2, failed: 0 });
    // the model's file itself ran under V8 coverage: both branches of add are taken
    expect(out.lineCoverageAfter).toBe(100);
    expect(out.branchCoverageAfter).toBe(100);
    const text = readFileSync(out.testFile!, 'utf8');
    expect(text).toMatch(/^\/\/ Generated by aqe/);
    expect(text).toContain('engine: model:');
    expect(result.cost).toBeGreaterThan(0);
    // the prompt carries the analysis and the offline engine's tests as a base
    const prompt = JSON.stringify(server.requests.find((r) => r.path === '/v1/messages')!.body.messages);
    expect(prompt).toContain('function add(a, b)');
    expect(prompt).toContain('expect(add(0, 1)).toBe(1);');
  });

  it('a broken answer is repaired once with the errors, a failing one then escalates to the next tier', async () => {
    const fleet = await modelFleet();
    const { dir, source } = sourceProject();
    server.requests.length = 0;
    server.enqueue({ text: broken }, { text: failing }, { text: good });
    const result = await fleet.executeTask(task(source, dir, 'repair'), { stream: false });
    const out = result.output as ModuleReport;
    expect(out.attempts).toBe(3);
    expect(out).toMatchObject({ passed: 2, failed: 0 });
    // each call's input is counted first (count_tokens) to reserve its upper bound; the calls themselves:
    const calls = server.requests.filter((r) => r.path === '/v1/messages');
    expect(calls).toHaveLength(3);
    expect(server.requests.filter((r) => r.path === '/v1/messages/count_tokens')).toHaveLength(3);
    const repairPrompt = JSON.stringify(calls[1]!.body.messages);
    expect(repairPrompt).toContain('subtract');
    expect(repairPrompt).toContain('syntax error');
    const models = calls.map((r) => r.body.model as string);
    expect(models[1]).toBe(models[0]);
    expect(models[2]).not.toBe(models[0]);
    expect(out.notes?.some((n) => n.includes('was invalid'))).toBe(true);
    expect(out.notes?.some((n) => n.includes('failed'))).toBe(true);
  });

  it('only passing tests are kept: after the repair and the next tier, failing tests are dropped by name and named in the notes', async () => {
    const fleet = await modelFleet();
    const { dir, source } = sourceProject();
    server.requests.length = 0;
    const mixed = "```js\nimport { describe, it, expect } from 'vitest';\nimport { add } from '../src/add.js';\n\ndescribe('add', () => {\n  it('adds', () => { expect(add(2, 3)).toBe(5); });\n  it('wrong', () => { expect(add(2, 2)).toBe(5); });\n});\n```";
    server.enqueue({ text: mixed }, { text: mixed }, { text: mixed });
    const result = await fleet.executeTask(task(source, dir, 'mixed'), { stream: false });
    const out = result.output as ModuleReport;
    expect(out.attempts).toBe(3);
    expect(out).toMatchObject({ tests: 1, passed: 1, failed: 0 });
    const text = readFileSync(out.testFile!, 'utf8');
    expect(text).toContain("it('adds'");
    expect(text).not.toContain("it('wrong'");
    expect(out.notes?.some((n) => n.startsWith('dropped a test that failed on the unchanged code: add wrong'))).toBe(true);
  });
});
