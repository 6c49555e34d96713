import { describe, expect, it } from 'vitest';
import { analyzeCode } from '../../../src/routing/analysis/code.js';
import { analyzeArtefact } from '../../../src/routing/analysis/artefact.js';

describe('analyzeCode (syntax tree)', () => {
  it('counts cyclomatic complexity per function, nesting and logical operators', () => {
    const f = analyzeCode(
      'a.ts',
      `export function f(x: number, y?: number) {
  if (x > 0) {
    for (const i of [1, 2]) { if (i === x && y) return i; }
  } else if (x < 0) {
    return y ?? 0;
  }
  switch (x) { case 1: return 1; case 2: return 2; default: return x > 10 ? 10 : x; }
}
export const g = (s: string) => s.trim();`,
    );
    expect(f.functions).toBe(2);
    // f: 1 + if + for + if + else-if + case + case + ?: = 8; g: 1
    expect(f.maxFunctionCyclomatic).toBe(8);
    expect(f.cyclomatic).toBe(9);
    expect(f.logicalOperators).toBe(2);
    expect(f.maxNesting).toBeGreaterThanOrEqual(4);
    expect(f.asyncFunctions).toBe(0);
  });

  it('does not count constant lookup tables as logic', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `  ['K${i}', ${i}],`).join('\n');
    const f = analyzeCode('t.ts', `const TABLE = [\n${rows}\n];\nexport const get = (k: string) => TABLE.find((r) => r[0] === k);\n`);
    expect(f.lines).toBeGreaterThan(30);
    expect(f.logicLines).toBeLessThan(6);
  });

  it('sees async, timers, Promise combinators and fields mutated in async methods', () => {
    const f = analyzeCode(
      'w.ts',
      `export class Worker {
  private running = new Set<string>();
  private count = 0;
  async poll(ids: string[]) { for (const id of ids) this.run(id); await Promise.all([]); }
  private async run(id: string) { this.running.add(id); this.count++; await new Promise((r) => setTimeout(r, 10)); this.running.delete(id); }
}`,
    );
    expect(f.asyncFunctions).toBe(2);
    expect(f.timers).toBe(1);
    expect(f.promiseCombinators).toEqual(['Promise.all']);
    expect(f.fieldsMutatedInAsync.sort()).toEqual(['count', 'running']);
    expect(f.floatingAsyncInLoop).toBe(1);
  });

  it('finds locks, atomics and parked promise resolvers', () => {
    const lock = analyzeCode('m.ts', 'export class Semaphore { private waiters: Array<() => void> = []; async acquire() { await new Promise<void>((r) => this.waiters.push(r)); } release() { this.waiters.shift()?.(); } }');
    expect(lock.lockPrimitives).toContain('Semaphore');
    expect(lock.parkedResolvers).toBe(1);
    const atomics = analyzeCode('q.ts', 'const sab = new SharedArrayBuffer(1024); const head = new Int32Array(sab); export const push = () => Atomics.add(head, 0, 1);');
    expect(atomics.atomics).toBe(true);
  });

  it('finds I/O, crypto, injection sinks and SQL', () => {
    const f = analyzeCode(
      'r.ts',
      `import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { exec } from 'node:child_process';
app.get('/f/:name', async (req, reply) => {
  const p = path.join('/srv', decodeURIComponent(req.params.name));
  exec(\`convert \${p}\`);
  const h = createHash('md5').update(p).digest('hex');
  await db.query(\`SELECT * FROM files WHERE name = '\${req.params.name}' FOR UPDATE\`);
  return fs.createReadStream(p);
});`,
    );
    expect(f.io).toEqual(expect.arrayContaining(['filesystem', 'processes', 'http', 'database']));
    expect(f.httpHandlers).toBe(1);
    expect(f.crypto).toEqual(expect.arrayContaining(['imports crypto', 'createHash']));
    expect(f.weakHashes).toEqual(['md5']);
    expect(f.injectionSinks).toEqual(expect.arrayContaining(['exec', 'user-controlled path', 'decoded user input']));
    expect(f.sql).toEqual({ statements: 1, interpolated: true, locking: true });
  });

  it('does not mistake a method named exec on another object for a shell call', () => {
    const f = analyzeCode('x.ts', 'export async function f(redis: any) { return redis.multi().incr("k").exec(); }');
    expect(f.injectionSinks).toEqual([]);
  });

  it('survives syntax errors', () => {
    const f = analyzeCode('bad.ts', 'export function (( {');
    expect(f.parseErrors).toBeGreaterThan(0);
    expect(analyzeCode('bad.js', 'const s = `unterminated ${x}').parseErrors).toBeGreaterThan(0);
  });

  it('reads private fields, optional calls, constructors, import.meta and JSX as the model was fitted on', () => {
    const f = analyzeCode(
      'q.jsx',
      `'use strict';
export class Queue {
  #items = [];
  constructor() { this.#items.length = 0; }
  async #drain() { this.#items.shift()?.(); this.#items.push(1); }
  get size() { return this.#items.length; }
}
const url = import.meta.url;
export const View = ({ q }) => <List title="a&amp;b" onClick={() => q?.flush?.()} />;`,
    );
    expect(f.functions).toBe(5);
    expect(f.methods).toBe(2);
    expect(f.fieldsMutatedInAsync).toEqual(['#items']);
    expect(f.mutatedFields).toEqual(['#items']);
    // Private names, `constructor` and `import` are no identifiers; JSX names are; JSX attribute text is as written.
    expect(f.words).toBe('use strict queue length shift push size url meta view q list title a amp b on click flush');
  });
});

describe('analyzeArtefact', () => {
  it('recognises artefacts by shape', () => {
    expect(analyzeArtefact('x.txt', 'SF:src/a.ts\nLF:10\nLH:5\nend_of_record').kind).toBe('coverage');
    expect(analyzeArtefact('r.xml', '<testsuite name="a"><testcase name="b"/></testsuite>').kind).toBe('junit');
    expect(analyzeArtefact('r.txt', 'PASS a.test.ts\nFAIL b.test.ts\nTests: 1 failed, 3 passed').kind).toBe('test-report');
    expect(analyzeArtefact('k6.txt', 'http_req_duration avg=120ms p(95)=300ms').kind).toBe('load-test');
    expect(analyzeArtefact('app.log', '12:00:01.000 service=api started\nError: boom\n    at f (a.js:1:1)').kind).toBe('log');
    expect(analyzeArtefact('Dockerfile', 'FROM node:20\nUSER node').kind).toBe('config');
  });

  it('counts actors across a log', () => {
    const a = analyzeArtefact('l.log', 'service=gateway 504\nservice=auth slow\nservice=ledger lock wait');
    expect(a.actors.sort()).toEqual(['auth', 'gateway', 'ledger']);
  });
});
