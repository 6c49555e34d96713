import { describe, expect, it } from 'vitest';
import { diffLines, unifiedDiff } from '../../../src/migrate/diff.js';

/** Apply a unified diff to `text` (test oracle: the diff must reproduce the new text). */
function applyUnified(text: string, diff: string): string {
  const src = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let pos = 0;
  const lines = diff.replace(/\n$/, '').split('\n').slice(2);
  for (let i = 0; i < lines.length; i++) {
    const h = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[i]);
    if (!h) throw new Error(`bad hunk header: ${lines[i]}`);
    const start = Number(h[2]) === 0 ? Number(h[1]) : Number(h[1]) - 1;
    while (pos < start) out.push(src[pos++]);
    while (i + 1 < lines.length && !lines[i + 1].startsWith('@@')) {
      const l = lines[++i];
      if (l[0] === ' ') {
        expect(src[pos]).toBe(l.slice(1));
        out.push(src[pos++]);
      } else if (l[0] === '-') {
        expect(src[pos]).toBe(l.slice(1));
        pos++;
      } else out.push(l.slice(1));
    }
  }
  while (pos < src.length) out.push(src[pos++]);
  return out.length ? out.join('\n') + '\n' : '';
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'a', 'b')).toBe('');
  });

  it('prints headers, a hunk header and +/- lines with context', () => {
    const d = unifiedDiff('one\ntwo\nthree\n', 'one\n2\nthree\n', 'a/x', 'b/x');
    expect(d).toBe('--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n');
  });

  it('splits distant changes into separate hunks and keeps near ones together', () => {
    const a = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const b = [...a];
    b[2] = 'changed 2';
    b[25] = 'changed 25';
    const d = unifiedDiff(a.join('\n') + '\n', b.join('\n') + '\n', 'a', 'b');
    expect(d.match(/^@@/gm)).toHaveLength(2);
    expect(d).toContain('@@ -1,6 +1,6 @@');
    expect(d).toContain('@@ -23,7 +23,7 @@');
  });

  it('round-trips on random edits (applying the diff gives the new text)', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let t = 0; t < 200; t++) {
      const a = Array.from({ length: rnd(25) }, () => `l${rnd(6)}`);
      const b = a.filter(() => rnd(4) !== 0).flatMap((l) => (rnd(5) === 0 ? [l, `n${rnd(6)}`] : [l]));
      if (rnd(3) === 0) b.unshift('head');
      const at = a.length ? a.join('\n') + '\n' : '';
      const bt = b.length ? b.join('\n') + '\n' : '';
      const d = unifiedDiff(at, bt, 'a', 'b');
      expect(applyUnified(at, d || '--- a\n+++ b\n')).toBe(bt);
    }
  });

  it('finds a shortest edit script', () => {
    const ops = diffLines(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c']);
    expect(ops.filter((o) => o.kind !== ' ')).toHaveLength(5);
  });
});
