import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detached } from '../../../src/routing/analysis/detach.js';
import { countAt } from '../../../src/routing/analysis/match-at.js';
import { gatedPatterns, openGates } from '../../../src/routing/analysis/scan.js';
import { WordGates } from '../../../src/routing/analysis/word-gate.js';
import { GUARD_FLAG, KEPT_PROMISE, asyncGuards, readThenWriteCount } from '../../../src/routing/features.js';

/**
 * The scan's shortcuts must not change what it finds: a pattern skipped by its word gate must not have matched,
 * and the guard patterns tried only at their possible starts must count what `match` counts. Checked on every
 * code file of the labelled corpus, this repository's own sources, and snippets that sit on the edges.
 */
const root = join(import.meta.dirname, '../../..');
const corpusFiles = ['tasks/routing-corpus.jsonl', 'tasks/routing-dev.jsonl', 'test/fixtures/routing/extra.jsonl', 'tasks/routing-authors.jsonl'].flatMap((p) =>
  readFileSync(join(root, p), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => (JSON.parse(l).payload?.files ?? []) as Array<{ path: string; content: string }>),
);
const sourceFiles = ['src/routing', 'src/fleet', 'src/server', 'src/memory'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ path: `${dir}/${f}`, content: readFileSync(join(root, dir, f), 'utf8') })),
);
const edges = [
  'const $kafka = 1; x$Mutex.lock(); 9fs.readFile; _redis',
  "app.get('/x', h); @GetMapping public X y() {} [HttpGet] http.HandleFunc(\"/\", f)",
  'this.busy = true; await work(); this.busy = false; obj.a.b = true\n await x(); a.b = false',
  'this.p = fetch(u).then(r => r); q = new Promise((r) => { this.waiters.push(r); }); this.q = new Promise(f)',
  'const x = await db.getUser(id); await db.updateUser(id, x); let y = await cache.find(k); await cache.set(k, 1)',
  'std::atomic<int> n; atomic.AddInt64(&n, 1); Interlocked.Increment(ref n); AtomicInteger c;',
];
const texts = [...corpusFiles.map((f) => f.content), ...sourceFiles.map((f) => f.content), ...edges];

describe('scan shortcuts find what the plain patterns find', () => {
  it(`every gated pattern that matches a text has its gate open (${texts.length} texts)`, () => {
    let matched = 0;
    for (const text of texts) {
      const open = openGates(text);
      for (const { re, gate } of gatedPatterns) {
        re.lastIndex = 0;
        if (!re.test(text)) continue;
        matched++;
        expect(open[gate], `${re} matched but its gate is closed in:\n${text.slice(0, 200)}`).toBe(1);
      }
    }
    expect(matched).toBeGreaterThan(500);
  });

  it('asyncGuards counts what match() counts with both guard patterns', () => {
    let guards = 0;
    for (const text of texts) {
      const plain = (text.match(GUARD_FLAG)?.length ?? 0) + (text.match(KEPT_PROMISE)?.length ?? 0);
      expect(asyncGuards(text)).toBe(plain);
      guards += plain;
    }
    expect(guards).toBeGreaterThan(10);
  });

  it('readThenWriteCount counts writes after the first awaited read', () => {
    expect(readThenWriteCount(edges[4])).toBe(2);
    expect(readThenWriteCount('await db.update(x); await db.get(y);')).toBe(0);
  });

  it('countAt with every position as a start is a global match count, empty matches included', () => {
    const text = 'aXbXXc';
    const every = [...text].map((_, i) => i);
    expect(countAt(/X+/g, text, every)).toBe(text.match(/X+/g)?.length);
    expect(countAt(/X*/g, text, [...every, text.length])).toBe(text.match(/X*/g)?.length);
  });
});

describe('word gates', () => {
  it('open on an exact word, a prefix, a case-insensitive word, and a pair only with both words', () => {
    const gates = new WordGates([{ exact: ['fs'] }, { prefix: ['kafka'] }, { exact: ['redis'], ignoreCase: true }, { exact: ['db'], with: { exact: ['query'] } }]);
    expect([...gates.open(['fs', 'x'])]).toEqual([1, 0, 0, 0]);
    expect([...gates.open(['kafkaConsumer'])]).toEqual([0, 1, 0, 0]);
    expect([...gates.open(['Redis'])]).toEqual([0, 0, 1, 0]);
    expect([...gates.open(['db'])]).toEqual([0, 0, 0, 0]);
    expect([...gates.open(['db', 'query'])]).toEqual([0, 0, 0, 1]);
    // `$` splits an identifier into the word runs \b sees.
    expect([...gates.open(['a$fs'])]).toEqual([1, 0, 0, 0]);
  });

  it('refuse a prefix too short to index', () => {
    expect(() => new WordGates([{ prefix: ['ab'] }])).toThrow(/shorter than 3/);
  });
});

describe('detached copies for caches', () => {
  it('copy strings at any depth and keep other values', () => {
    const big = 'x'.repeat(10_000);
    const facts = { path: big.slice(5, 40), list: [big.slice(1, 30), 'short'], n: 3, nested: { s: big.slice(100, 200), ok: true } };
    const copy = detached(facts);
    expect(copy).toEqual(facts);
    expect(copy).not.toBe(facts);
    expect(copy.list).not.toBe(facts.list);
    const m = new Map([['k', 1]]);
    expect(detached({ m }).m).toBe(m);
  });
});
