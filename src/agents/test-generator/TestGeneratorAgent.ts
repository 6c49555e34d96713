import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AqeError, ErrorCodes } from '../../errors.js';
import { BaseAgent } from '../../fleet/BaseAgent.js';
import type { ModelSelection, QETask } from '../../fleet/types.js';
import { sandboxLayer, withSandboxPolicy } from '../../sandbox/index.js';
import { IMPORT_HANG } from './characterize.js';
import { measureCallCoverage, measureTestFileCoverage } from './coverage.js';
import { FRAMEWORKS, type Framework } from './emit.js';
import { ENGINE_NAME, type OfflineTests } from './engine.js';
import { parseHeader, sha256, withHeader, writeGeneratedFile } from './header.js';
import { coverageBefore, offlineTestsFor, type ModuleReport } from './pipeline.js';
import { runTestFile, type TestRunResult } from './runner.js';
import { withoutTests } from './select.js';
import { buildPrompt, buildRepairPrompt, SYSTEM_PROMPT } from './prompt.js';
import { extractCode, validateTestCode } from './validate.js';

/** Where the module under test is: payload.sourcePath, else payload.files[0] written to a temp dir (temp: true). */
export function locateSource(task: QETask): { path: string; temp: boolean } {
  const p = task.payload.sourcePath;
  if (typeof p === 'string' && p) return { path: isAbsolute(p) ? p : resolve(p), temp: false };
  return { path: resolveSource(task), temp: true };
}

export function resolveSource(task: QETask): string {
  const p = task.payload.sourcePath;
  if (typeof p === 'string' && p) return isAbsolute(p) ? p : resolve(p);
  const f = task.payload.files?.[0];
  if (!f) throw new AqeError(ErrorCodes.TASK_INVALID, `task ${task.id}: test-generation needs payload.sourcePath or payload.files[0]`);
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-src-')));
  const file = join(dir, basename(f.path) || 'module.js');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(file, f.content);
  return file;
}

export function frameworkOf(task: QETask): Framework {
  const f = (task.payload.framework ?? 'vitest') as Framework;
  if (!FRAMEWORKS.includes(f)) throw new AqeError(ErrorCodes.TASK_INVALID, `task ${task.id}: payload.framework must be one of ${FRAMEWORKS.join(', ')}, got "${f}"`);
  return f;
}

function offlineOptions(task: QETask, sourcePath: string): { framework: Framework; outDir?: string; projectRoot?: string } {
  return {
    framework: frameworkOf(task),
    outDir: typeof task.payload.outDir === 'string' ? resolve(task.payload.outDir, relativeDirFor(task, sourcePath)) : undefined,
    projectRoot: typeof task.payload.projectRoot === 'string' ? task.payload.projectRoot : undefined,
  };
}

/** With --out DIR, a module keeps its directory relative to the generate root (payload.root), so names cannot clash. */
function relativeDirFor(task: QETask, sourcePath: string): string {
  const root = typeof task.payload.root === 'string' ? task.payload.root : dirname(sourcePath);
  const rel = relative(root, dirname(sourcePath));
  return rel.startsWith('..') ? '' : rel;
}

/** The offline handler's answer for a test-generation task: the generated test file's text. */
export async function offlineTestGeneration(task: QETask): Promise<string> {
  const located = locateSource(task);
  try {
    const gen = await offlineTestsFor(located.path, offlineOptions(task, located.path));
    return gen.text;
  } finally {
    if (located.temp) rmSync(dirname(located.path), { recursive: true, force: true });
  }
}

/**
 * test-generator: asks the task's model for a test file (the offline engine by default), validates it (parses,
 * imports only what exists), writes it without overwriting a person's edits, runs it and measures coverage.
 * A model answer that is invalid or fails is repaired once with the errors, then escalated to the next tier.
 */
export class TestGeneratorAgent extends BaseAgent {
  protected override async performTaskImpl(task: QETask, _selection?: ModelSelection): Promise<ModuleReport & { testCode?: string }> {
    const security = this.config.security;
    return withSandboxPolicy({ setting: security.sandbox, limits: security.sandboxLimits, signal: this.signal }, async () => {
      // refused here, before the source is written anywhere or any of it runs
      sandboxLayer();
      const located = locateSource(task);
      try {
        return await this.generate(task, located.path, located.temp && typeof task.payload.outDir !== 'string');
      } finally {
        // the submitted source's temp folder goes whatever way the task ends
        if (located.temp) rmSync(dirname(located.path), { recursive: true, force: true });
      }
    });
  }

  /** ephemeral: the source came from payload.files into a temp dir; the test text is returned as testCode. */
  private async generate(task: QETask, source: string, ephemeral: boolean): Promise<ModuleReport & { testCode?: string }> {
    const t0 = Date.now();
    const opts = offlineOptions(task, source);
    const framework = opts.framework;
    const base: OfflineTests = await offlineTestsFor(source, opts);
    const projectRoot = base.projectRoot;
    const notes: string[] = [];
    if (base.loadError?.code === IMPORT_HANG) {
      // nothing to test and nothing worth another wait under the runner: the module fails, nothing is written
      throw new AqeError(ErrorCodes.TASK_INVALID, `${ephemeral ? String(task.payload.files?.[0]?.path ?? 'the module') : source}: ${base.loadError.msg}`);
    }
    if (base.loadError) notes.push(`the module did not load: ${base.loadError.cls ?? 'Error'}: ${base.loadError.msg ?? ''}`);
    const maxTokens = 8192;
    const messages = [{ role: 'user' as const, content: buildPrompt(base, framework) }];
    let reply = await this.callModel({ system: SYSTEM_PROMPT, messages, maxTokens, task });
    let attempts = 1;
    let final: { text: string; offline: boolean; problems: string[] } | undefined;
    let run: TestRunResult | undefined;
    const runIt = task.payload.run !== false;
    for (let stage = 0; ; stage++) {
      const code = extractCode(reply.text);
      const offline = parseHeader(code)?.info.engine === ENGINE_NAME;
      const text = parseHeader(code) ? code : withHeader(code, {
        generatedAt: new Date().toISOString(),
        engine: `model:${reply.modelName}`,
        source: relative(projectRoot, source).split(sep).join('/'),
        sourceSha256: base.text.match(/source-sha256: (\w+)/)?.[1] ?? sha256(''),
      });
      const problems = validateTestCode(code, base.testFile, source, base.analysis);
      final = { text, offline, problems };
      run = undefined;
      if (!problems.length) {
        // every attempt runs against a copy in a run folder; only the final text is written
        run = runIt ? await runTestFile(base.testFile, framework, projectRoot, { text }) : undefined;
        if (offline || !run || (run.ran && run.failed === 0)) break;
      }
      if (offline || stage >= 2) break;
      // stage 0: repair with the errors on the same model; stage 1: escalate to the next tier with the same request
      const errors = problems.length ? problems.join('\n') : (run?.failures.join('\n') || run?.output || 'the tests did not run');
      notes.push(`attempt ${attempts} (${reply.modelName}) ${problems.length ? 'was invalid' : 'failed'}: ${errors.split('\n')[0]}`);
      const repair = [...messages, { role: 'assistant' as const, content: reply.text }, { role: 'user' as const, content: buildRepairPrompt(errors) }];
      reply = await this.callModel({ system: SYSTEM_PROMPT, messages: repair, maxTokens, task }, { tierUp: stage === 1 });
      attempts++;
    }
    if (final.problems.length) {
      throw new AqeError(ErrorCodes.TASK_INVALID, `the generated tests for ${source} are invalid after ${attempts} attempts: ${final.problems.join('; ')}`);
    }
    if (run?.ran && run.failed > 0 && run.passed > 0 && run.failedTests?.length === run.failed) {
      // only passing tests are kept: the failing ones are removed by name and the rest runs again
      const smaller = withoutTests(final.text, run.failedTests);
      const again = smaller.removed === run.failed ? await runTestFile(base.testFile, framework, projectRoot, { text: smaller.text }) : undefined;
      if (again?.ran && again.failed === 0 && again.tests > 0) {
        for (const f of run.failures) notes.push(`dropped a test that failed on the unchanged code: ${f}`);
        final = { ...final, text: smaller.text };
        run = again;
      }
    }
    const write = writeGeneratedFile(base.testFile, final.text, { noSideFile: task.payload.noSideFile === true });
    if (!write.path) run = undefined;
    notes.push(write.message);
    if (run && !run.ran) notes.push(run.output.split('\n').slice(-5).join('\n'));
    // coverage: the offline tests' calls (measured while characterizing, or replayed); a model's test file runs
    // under node --test with V8 coverage
    const cov = final.offline
      ? base.coverage ?? (base.calls.length ? await measureCallCoverage(source, base.format, base.calls) : undefined)
      : write.path ? await measureTestFileCoverage([write.path], source) : undefined;
    const before = await coverageBefore(source, projectRoot, [dirname(base.testFile)]);
    if (before.note) notes.push(before.note);
    return {
      source: ephemeral ? String(task.payload.files?.[0]?.path ?? source) : source,
      testFile: ephemeral ? null : write.path ?? null,
      ...(ephemeral && write.path ? { testCode: final.text } : {}),
      tests: run?.ran ? run.tests : base.tests,
      passed: run?.passed ?? 0,
      failed: run?.failed ?? 0,
      lineCoverageBefore: before.value,
      lineCoverageAfter: cov?.lines ?? (final.offline && !base.calls.length ? 0 : null),
      branchCoverageAfter: cov?.branches ?? (final.offline && !base.calls.length ? 0 : null),
      write,
      engine: final.offline ? 'offline' : 'model',
      modelName: reply.modelName,
      attempts,
      notes,
      failures: run?.failures.slice(0, 10),
      durationMs: Date.now() - t0,
    };
  }
}
