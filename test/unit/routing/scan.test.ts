import { describe, expect, it } from 'vitest';
import { analyzeCode } from '../../../src/routing/analysis/code.js';
import { languageOf, scanCode } from '../../../src/routing/analysis/scan.js';

describe('lexical scan (other languages and large JS/TS files)', () => {
  it('knows the languages it reads', () => {
    expect(languageOf('a/b.py')).toBe('python');
    expect(languageOf('x.go')).toBe('go');
    expect(languageOf('X.java')).toBe('jvm');
    expect(languageOf('x.tsx')).toBe('js');
    expect(languageOf('notes.md')).toBeUndefined();
    expect(languageOf('coverage/lcov.info')).toBeUndefined();
  });

  it('Python: threads and a lock are concurrency; branches and functions are counted', () => {
    const py = `import threading\n\nclass Bucket:\n    def __init__(self):\n        self.lock = threading.Lock()\n        self.n = 0\n\n    def take(self):\n        with self.lock:\n            if self.n > 0:\n                self.n -= 1\n                return True\n            return False\n`;
    const f = scanCode('app/bucket.py', py);
    expect(f.functions).toBe(2);
    expect(f.lockPrimitives.length).toBeGreaterThan(0);
    expect(f.asyncFunctions).toBeGreaterThan(0);
    expect(f.cyclomatic).toBeGreaterThanOrEqual(3);
    expect(f.mutatedFields).toContain('n');
  });

  it('Go: goroutines and channels are async; SQL strings and unsafe sinks are found', () => {
    const go = 'package x\n\nfunc Run(db *sql.DB, name string) {\n\tgo func() { ch <- 1 }()\n\trows, _ := db.Query("SELECT * FROM users WHERE name = \'" + name + "\'")\n\t_ = exec.Command("sh", "-c", name)\n}\n';
    const f = scanCode('x/run.go', go);
    expect(f.asyncFunctions).toBeGreaterThan(0);
    expect(f.sql.statements).toBe(1);
    expect(f.injectionSinks).toContain('exec');
  });

  it('Python: pickle and user-controlled paths are sinks; a constant table is not logic', () => {
    const py = `import os, pickle\nTABLE = {\n    "a": 1,\n    "b": 2,\n    "c": 3,\n}\n\ndef load(request):\n    p = os.path.join("/srv", request.form["folder"])\n    return pickle.load(open(p, "rb"))\n`;
    const f = scanCode('v.py', py);
    expect(f.injectionSinks).toEqual(expect.arrayContaining(['unsafe deserialisation', 'user-controlled path']));
    expect(f.logicLines).toBeLessThan(7);
  });

  it('blanks strings and comments the same way whether or not the file has characters beyond latin-1', () => {
    // Only a comment differs between the two forms (same length, removed either way), so the facts must be equal:
    // one goes through the byte buffer, the other through string pieces.
    const js = [
      "import { q } from './db'; // the \\ db",
      'const s = `SELECT * FROM t WHERE id = ${id} /* not a comment */`; /* a block',
      "   comment */ const u = 'it\\'s // not a comment' + \"x\\\" y\";",
      'export async function f(db) { if (await db.lock()) { this.n += 1; } } // tail',
      '/* unclosed block comment',
    ].join('\n');
    const py = 'import threading # the lock\nclass A:\n    def f(self):\n        s = "# not a comment"\n        self.n += 1\n';
    for (const [path, text, marker] of [['a/f.ts', js, '//'], ['a/f.py', py, '#']] as const) {
      const wide = scanCode(path, `${text}\n${marker} caf\u00e9 \u2192 ok`);
      const narrow = scanCode(path, `${text}\n${marker} caf\u00e9 - ok`);
      expect(wide).toEqual(narrow);
      expect(wide.sql.statements).toBe(path.endsWith('.ts') ? 1 : 0);
    }
  });

  it('on JS/TS it agrees with the syntax tree on the facts routing relies on', () => {
    const lines = ["import { readFile } from 'node:fs/promises';", "import type { Db } from './db';"];
    for (let i = 0; i < 30; i++) {
      lines.push(
        `export async function h${i}(db: Db, id: string) {`,
        `  const row = await db.query('SELECT * FROM t WHERE id = $1', [id]);`,
        `  if (!row) throw new Error('missing ' + id);`,
        `  return row.v > ${i} ? JSON.parse(await readFile('/tmp/' + id, 'utf8')) : null;`,
        '}',
      );
    }
    const src = lines.join('\n');
    const tree = analyzeCode('a.ts', src);
    const scan = scanCode('a.ts', src);
    for (const k of ['logicLines', 'functions', 'asyncFunctions', 'awaits', 'logicalOperators'] as const) expect(scan[k], k).toBe(tree[k]);
    expect(scan.sql).toEqual(tree.sql);
    expect(new Set(scan.io)).toEqual(new Set(tree.io));
    expect(scan.relativeImports).toEqual(tree.relativeImports);
    expect(Math.abs(scan.cyclomatic - tree.cyclomatic) / tree.cyclomatic).toBeLessThan(0.1);
  });
});
