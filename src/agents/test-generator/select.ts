import type * as TS from 'typescript';
import ts from '../../typescript.js';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Framework } from './emit.js';
import { parseHeader, sha256, withHeader } from './header.js';
import { runTestFile } from './runner.js';

/**
 * Keep what catches bugs: after a StrykerJS run, a module's generated tests are reduced to those that kill a mutant
 * no kept test kills, then those that reach a mutant (a statement or branch) no kept test reaches. Every killed
 * mutant keeps a killer, so the mutation score is unchanged; every covered mutant stays covered.
 */

export interface MutantKills {
  status: string;
  /** Stryker test ids (`<file>#<suite names and title joined by spaces>`). */
  killedBy?: string[];
  coveredBy?: string[];
}

export interface TestSelection {
  /** Test ids kept, in the order they were chosen. */
  keep: string[];
  /** Kept because they kill mutants / because they reach mutants the killers do not. */
  killers: number;
  coverers: number;
  dropped: number;
}

/** Greedy set cover: the test killing most not-yet-killed mutants first, then the same for covered mutants. */
export function selectTests(testIds: string[], mutants: MutantKills[]): TestSelection {
  const known = new Set(testIds);
  const keep: string[] = [];
  const cover = (sets: Map<string, Set<number>>): number => {
    const done = new Set<number>();
    for (const id of keep) for (const m of sets.get(id) ?? []) done.add(m);
    let added = 0;
    for (;;) {
      let best: string | undefined;
      let gain = 0;
      for (const id of testIds) {
        if (keep.includes(id)) continue;
        let g = 0;
        for (const m of sets.get(id) ?? []) if (!done.has(m)) g++;
        if (g > gain) [best, gain] = [id, g];
      }
      if (!best) return added;
      keep.push(best);
      added++;
      for (const m of sets.get(best)!) done.add(m);
    }
  };
  const index = (pick: (m: MutantKills) => string[] | undefined): Map<string, Set<number>> => {
    const sets = new Map<string, Set<number>>();
    mutants.forEach((m, i) => {
      for (const id of pick(m) ?? []) {
        if (!known.has(id)) continue;
        if (!sets.has(id)) sets.set(id, new Set());
        sets.get(id)!.add(i);
      }
    });
    return sets;
  };
  const killers = cover(index((m) => (m.status === 'Killed' || m.status === 'Timeout' ? m.killedBy : undefined)));
  const coverers = cover(index((m) => m.coveredBy));
  return { keep, killers, coverers, dropped: testIds.length - keep.length };
}

const TEST_CALLS = new Set(['it', 'test']);
const SUITE_CALLS = new Set(['describe', 'suite']);

function calleeName(call: TS.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  return undefined;
}

function title(call: TS.CallExpression): string | undefined {
  const a = call.arguments[0];
  return a && ts.isStringLiteralLike(a) ? a.text : undefined;
}

/**
 * The test file text with only the tests whose full names (suite titles and the test title joined by spaces, as
 * Stryker's vitest and jest runners name them) are in `keep`; suites left empty are removed too. Tests whose title is
 * not a plain string are kept.
 */
export function keepOnlyTests(text: string, keep: Set<string> | ((fullName: string) => boolean), fileName = 'generated.test.ts'): { text: string; kept: number; removed: number } {
  const keeps = typeof keep === 'function' ? keep : (n: string): boolean => keep.has(n);
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const cuts: Array<[number, number]> = [];
  let kept = 0;
  let removed = 0;
  // returns how many tests stay under the node
  const visit = (statements: TS.NodeArray<TS.Statement>, suites: string[]): number => {
    let stay = 0;
    for (const st of statements) {
      if (!ts.isExpressionStatement(st) || !ts.isCallExpression(st.expression)) continue;
      const call = st.expression;
      const name = calleeName(call);
      const t = title(call);
      if (name && TEST_CALLS.has(name)) {
        if (t === undefined || keeps([...suites, t].join(' ').trim())) {
          kept++;
          stay++;
        } else {
          removed++;
          cuts.push([st.getFullStart(), st.getEnd()]);
        }
      } else if (name && SUITE_CALLS.has(name) && t !== undefined) {
        const fn = call.arguments[1];
        if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !ts.isBlock(fn.body)) {
          stay++;
          continue;
        }
        const before = cuts.length;
        const inner = visit(fn.body.statements, [...suites, t]);
        if (inner === 0) {
          cuts.splice(before); // the whole suite goes
          cuts.push([st.getFullStart(), st.getEnd()]);
        } else stay += inner;
      }
    }
    return stay;
  };
  visit(sf.statements, []);
  let out = text;
  for (const [a, b] of cuts.sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + out.slice(b);
  return { text: out, kept, removed };
}

export interface Minimized {
  /** The file's new text (header kept, content hash renewed), or undefined when nothing is dropped or it is not an untouched aqe file. */
  text?: string;
  selection: TestSelection;
}

/**
 * The minimized text of a generated test file from its StrykerJS kills: only the tests selectTests keeps. A file a
 * person edited (its content hash differs) is never rewritten; a file where no test kills or reaches a mutant is
 * left whole (there is nothing to choose by).
 */
export function minimizedText(fileText: string, kills: { tests: Array<{ id: string; name: string }>; mutants: MutantKills[] }): Minimized {
  const selection = selectTests(kills.tests.map((t) => t.id), kills.mutants);
  const header = parseHeader(fileText);
  if (!header || sha256(header.body) !== header.info.contentSha256 || !selection.keep.length || !selection.dropped) return { selection };
  const names = new Set(kills.tests.filter((t) => selection.keep.includes(t.id)).map((t) => t.name));
  const { text: body, kept } = keepOnlyTests(header.body, names);
  if (!kept) return { selection };
  const { contentSha256: _old, ...info } = header.info;
  return { text: withHeader(body, info), selection };
}

/**
 * Rewrites a generated test file to the tests that kill or reach mutants, after checking that the smaller file passes
 * on the unchanged code (in the sandbox, like every run); otherwise the file stays as it was, with a note.
 */
export async function minimizeRow(testFile: string, kills: { tests: Array<{ id: string; name: string }>; mutants: MutantKills[] }, framework: Framework, projectRoot: string): Promise<{ kept?: number; note?: string }> {
  const before = readFileSync(testFile, 'utf8');
  const { text, selection } = minimizedText(before, kills);
  if (!text) return {};
  const run = await runTestFile(testFile, framework, projectRoot, { text });
  if (!run.ran || run.failed > 0 || run.tests !== selection.keep.length) {
    return { note: `kept all ${kills.tests.length} tests: the minimized file did not pass alone (${run.failures[0] ?? run.output.split('\n').slice(-2).join(' ')})` };
  }
  writeFileSync(testFile, text);
  return { kept: run.tests, note: `kept ${run.tests} of ${kills.tests.length} tests: ${selection.killers} kill mutants no other kept test kills, ${selection.coverers} reach mutants the killers do not; ${selection.dropped} dropped` };
}

/** The file text without the named tests (full names); an aqe header's content hash is renewed. */
export function withoutTests(fileText: string, names: string[]): { text: string; removed: number } {
  const drop = new Set(names);
  const header = parseHeader(fileText);
  const body = header ? header.body : fileText;
  const { text, removed } = keepOnlyTests(body, (n) => !drop.has(n));
  if (!header) return { text, removed };
  const { contentSha256: _old, ...info } = header.info;
  return { text: withHeader(text, info), removed };
}
