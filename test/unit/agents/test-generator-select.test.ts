import { describe, expect, it } from 'vitest';
import { isUntouchedGenerated, withHeader } from '../../../src/agents/test-generator/header.js';
import { keepOnlyTests, minimizedText, selectTests, withoutTests } from '../../../src/agents/test-generator/select.js';

const BODY = `import { describe, it, expect } from 'vitest';
import { add, sub } from '../src/math.js';

describe("src/math.js", () => {
  describe("add", () => {
    it("add(1, 2) returns 3", () => {
      expect(add(1, 2)).toBe(3);
    });
    it("add(0, 0) returns 0", () => {
      expect(add(0, 0)).toBe(0);
    });
  });
  describe("sub", () => {
    it("sub(0, 0) returns 0", () => {
      expect(sub(0, 0)).toBe(0);
    });
  });
});
`;
const id = (name: string): string => `.aqe-mutation/0-math.test.mjs#${name}`;
const T = {
  add12: 'src/math.js add add(1, 2) returns 3',
  add00: 'src/math.js add add(0, 0) returns 0',
  sub00: 'src/math.js sub sub(0, 0) returns 0',
};

describe('selecting tests by the mutants they kill', () => {
  it('keeps one killer per killed mutant (most kills first), then tests reaching mutants nobody else reaches', () => {
    const tests = [id(T.add00), id(T.add12), id(T.sub00)];
    const s = selectTests(tests, [
      { status: 'Killed', killedBy: [id(T.add12)], coveredBy: [id(T.add12), id(T.add00)] },
      { status: 'Killed', killedBy: [id(T.add12)], coveredBy: [id(T.add12), id(T.add00)] },
      { status: 'Killed', killedBy: [id(T.add00)], coveredBy: [id(T.add12), id(T.add00)] },
      { status: 'Survived', coveredBy: [id(T.sub00)] },
      { status: 'NoCoverage', coveredBy: [] },
    ]);
    expect(s.keep).toEqual([id(T.add12), id(T.add00), id(T.sub00)]);
    expect(s).toMatchObject({ killers: 2, coverers: 1, dropped: 0 });
  });

  it('drops tests that neither kill nor reach anything new', () => {
    const s = selectTests([id(T.add00), id(T.add12)], [{ status: 'Killed', killedBy: [id(T.add12)], coveredBy: [id(T.add12), id(T.add00)] }]);
    expect(s.keep).toEqual([id(T.add12)]);
    expect(s.dropped).toBe(1);
  });
});

describe('rewriting the test file to the kept tests', () => {
  it('removes the other tests and suites left empty, by full name (suites and title joined by spaces)', () => {
    const { text, kept, removed } = keepOnlyTests(BODY, new Set([T.add12]));
    expect({ kept, removed }).toEqual({ kept: 1, removed: 2 });
    expect(text).toContain('add(1, 2) returns 3');
    expect(text).not.toContain('add(0, 0)');
    expect(text).not.toContain('describe("sub"');
    expect(text).toContain(`import { add, sub } from '../src/math.js';`);
  });

  it('renews the aqe header so the minimized file still reads as untouched; edited files are never rewritten', () => {
    const file = withHeader(BODY, { generatedAt: '2026-01-01T00:00:00.000Z', engine: 'e', source: 'src/math.js', sourceSha256: 'x' });
    const kills = {
      tests: Object.values(T).map((name) => ({ id: id(name), name })),
      mutants: [{ status: 'Killed', killedBy: [id(T.sub00)], coveredBy: [id(T.sub00)] }],
    };
    const m = minimizedText(file, kills);
    expect(m.text).toBeDefined();
    expect(isUntouchedGenerated(m.text!)).toBe(true);
    expect(m.text).toContain('sub(0, 0) returns 0');
    expect(m.text).not.toContain('add(1, 2)');
    expect(minimizedText(file.replace('toBe(3)', 'toBe(3) // mine'), kills).text).toBeUndefined();
  });

  it('leaves the file whole when no test kills or reaches a mutant', () => {
    const file = withHeader(BODY, { generatedAt: 't', engine: 'e', source: 's', sourceSha256: 'x' });
    expect(minimizedText(file, { tests: [{ id: id(T.add12), name: T.add12 }], mutants: [{ status: 'NoCoverage' }] }).text).toBeUndefined();
  });

  it('removes tests that failed under the runner by name, keeping the header valid', () => {
    const file = withHeader(BODY, { generatedAt: 't', engine: 'e', source: 's', sourceSha256: 'x' });
    const { text, removed } = withoutTests(file, [T.add00]);
    expect(removed).toBe(1);
    expect(text).not.toContain('add(0, 0)');
    expect(text).toContain('add(1, 2) returns 3');
    expect(isUntouchedGenerated(text)).toBe(true);
  });
});
