import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBuiltinAgents } from '../../../src/agents/index.js';
import { acceptEdgeTask } from '../../../src/fleet/edge-task.js';
import { parseTaskFile } from '../../../src/fleet/task-file.js';
import { edgeTaskProblems, isValidTaskId, taskIdProblem } from '../../../src/fleet/task-schema.js';
import { resolveWorkspacePath } from '../../../src/fleet/workspace-paths.js';

registerBuiltinAgents();

const base = { id: 't-1', type: 'test-generation', description: 'tests for sum', payload: { files: [{ path: 'sum.js', content: 'export const a = 1;\n' }] } };

/** The error a call throws (or a failure when it does not throw). */
function thrown(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error('expected an error');
}

describe('task ids at the edge', () => {
  it('accepts 1-128 characters of A-Za-z0-9._:-', () => {
    for (const id of ['a', 'sum-1', 'generate-1-sum.js', 'ns:task_2.b', 'x'.repeat(128)]) expect(isValidTaskId(id)).toBe(true);
  });

  it('refuses CR/LF, non-Latin-1, emoji, spaces, slashes, empty and 129 characters, without echoing the id', () => {
    for (const id of ['a\r\nSet-Cookie: x=1', 'tâche', '任务', 'task-🚀', 'a b', '../x', 'a/b', '', 'x'.repeat(129), 'a\0b', 'a%0d%0a']) {
      expect(isValidTaskId(id), JSON.stringify(id)).toBe(false);
      const problem = taskIdProblem(id)!;
      expect(problem).toMatch(/^id: expected 1-128 characters/);
      if (id.length > 1) expect(problem).not.toContain(id);
    }
    expect(taskIdProblem(42)).toMatch(/expected a string/);
  });
});

describe('strict task schema', () => {
  it('names unknown top-level and payload fields; payload fields depend on the agent type', () => {
    expect(edgeTaskProblems(base)).toEqual([]);
    expect(edgeTaskProblems({ ...base, idd: 'x', prio: 1 })).toEqual([expect.stringMatching(/^unknown fields "idd", "prio" \(allowed: id, type/)]);
    expect(edgeTaskProblems({ ...base, payload: { ...base.payload, sourcePath: 'a.js', evil: true } })).toEqual([
      expect.stringMatching(/^payload: unknown field "evil" for test-generator/),
    ]);
    // reportDir belongs to the coverage analyzer, not to a security scan
    expect(edgeTaskProblems({ ...base, type: 'security-scan', payload: { files: [], reportDir: 'x' } })[0]).toMatch(/payload: unknown field "reportDir" for security-scanner/);
    expect(edgeTaskProblems({ ...base, type: 'coverage-analysis', payload: { files: [], reportDir: 'x' } })).toEqual([]);
    // ?agentType= decides which agent reads the payload
    expect(edgeTaskProblems({ ...base, type: 'security-scan', payload: { files: [], sourcePath: 'a.js' } }, 'test-generator')).toEqual([]);
    expect(edgeTaskProblems({ ...base, payload: { files: [{ path: 'a\0.js', content: '', mode: 0o777 }] } })).toEqual([
      expect.stringMatching(/^payload\.files\[0\]: unknown field "mode"/),
      expect.stringMatching(/^payload\.files\[0\]\.path: contains a control character/),
    ]);
  });

  it('a hostile key is shown bounded and escaped', () => {
    const [p] = edgeTaskProblems({ ...base, ['k\r\n'.repeat(40)]: 1 });
    expect(p).not.toMatch(/[\r\n]/);
    expect(p.length).toBeLessThan(400);
  });

  it('task files: an unknown field makes the line a problem (the CLI reports it and exits 1)', () => {
    const withPaths = { ...base, id: 't-3', payload: { ...base.payload, sourcePath: 'src/sum.js', outDir: 'out' } };
    const text = [JSON.stringify(base), JSON.stringify({ ...base, id: 't-2', payload: { ...base.payload, outdir: 'x' } }), JSON.stringify({ ...base, id: 'bad id' }), JSON.stringify(withPaths)].join('\n');
    const { tasks, problems } = parseTaskFile(text);
    // the CLI user's own file: path fields of the test generator are fine there
    expect(tasks.map((t) => t.task.id)).toEqual(['t-1', 't-3']);
    expect(problems).toEqual([
      { line: 2, message: expect.stringMatching(/payload: unknown field "outdir"/) },
      { line: 3, message: expect.stringMatching(/id: expected 1-128 characters/) },
    ]);
  });
});

describe('server-side paths inside api.workspaceRoot', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-ws-')));
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-outside-')));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'sum.js'), 'export const sum = (a, b) => a + b;\n');
    writeFileSync(join(outside, 'secret.js'), 'export const k = 1;\n');
    symlinkSync(outside, join(root, 'link-out'));
    symlinkSync(join(outside, 'secret.js'), join(root, 'src', 'file-link.js'));
    symlinkSync('/etc', join(root, 'etc-link'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('resolves a relative path inside the workspace to its real path', () => {
    expect(resolveWorkspacePath('sourcePath', 'src/sum.js', root)).toBe(join(root, 'src', 'sum.js'));
    expect(resolveWorkspacePath('sourcePath', './src/../src/sum.js', root)).toBe(join(root, 'src', 'sum.js'));
    // an output folder that does not exist yet
    expect(resolveWorkspacePath('outDir', 'out/generated', root)).toBe(join(root, 'out', 'generated'));
  });

  it('refuses every field when no workspace is configured', () => {
    for (const field of ['sourcePath', 'outDir', 'projectRoot', 'root', 'reportDir']) {
      expect(thrown(() => resolveWorkspacePath(field, 'src/sum.js', undefined)).message).toMatch(new RegExp(`^payload\\.${field}: server-side paths are refused: .*api\\.workspaceRoot is not configured`));
    }
  });

  it('refuses the exploits: /etc/passwd, ../../etc, symlinks out, NUL, absolute, a percent-encoded escape', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['sourcePath', '/etc/passwd', /absolute paths are refused/],
      ['sourcePath', join(root, 'src', 'sum.js'), /absolute paths are refused/],
      ['sourcePath', '../../etc/passwd', /escapes the workspace/],
      ['outDir', '../../etc', /escapes the workspace/],
      ['outDir', 'src/../../x', /escapes the workspace/],
      ['sourcePath', 'link-out/secret.js', /escapes the workspace \(api\.workspaceRoot\) through a symlink/],
      ['sourcePath', 'src/file-link.js', /through a symlink/],
      ['outDir', 'link-out/new-folder', /through a symlink/],
      ['projectRoot', 'etc-link', /through a symlink/],
      ['sourcePath', 'src/sum.js\0/etc/passwd', /control character/],
      ['outDir', 'out\r\nx', /control character/],
      ['sourcePath', '%2e%2e/%2e%2e/etc/passwd', /does not exist in the workspace/],
      ['sourcePath', '..%2f..%2fetc%2fpasswd', /does not exist in the workspace/],
      ['sourcePath', 'src', /is not a file/],
      ['root', '', /expected a non-empty relative path/],
      ['reportDir', 42 as unknown as string, /expected a non-empty relative path/],
    ];
    for (const [field, value, why] of cases) {
      const err = thrown(() => resolveWorkspacePath(field, value, root));
      expect(err.code, `${field}=${JSON.stringify(value)}`).toBe('AQE_ERR_TASK_INVALID');
      expect(err.message, `${field}=${JSON.stringify(value)}`).toMatch(new RegExp(`^payload\\.${field}: `));
      expect(err.message, `${field}=${JSON.stringify(value)}`).toMatch(why);
    }
  });

  it('acceptEdgeTask: strict fields, id and paths in one 400; the accepted task carries real paths', () => {
    const ok = acceptEdgeTask({ ...base, payload: { ...base.payload, sourcePath: 'src/sum.js', outDir: 'out' } }, 'body', { workspaceRoot: root });
    expect(ok.payload.sourcePath).toBe(join(root, 'src', 'sum.js'));
    expect(ok.payload.outDir).toBe(join(root, 'out'));
    const { id: _id, ...noId } = base;
    expect(acceptEdgeTask(noId, 'body').id).toMatch(/^[0-9a-f-]{36}$/);
    expect(thrown(() => acceptEdgeTask({ ...base, payload: { ...base.payload, sourcePath: '/etc/passwd' } }, 'body')).message).toMatch(/payload\.sourcePath: server-side paths are refused/);
    expect(thrown(() => acceptEdgeTask([base], 'body')).message).toMatch(/body: expected a task object/);
    expect(thrown(() => acceptEdgeTask({ ...base, extra: 1 }, 'body')).code).toBe('AQE_ERR_TASK_INVALID');
  });
});
