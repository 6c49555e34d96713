import type * as TS from 'typescript';
import { existsSync, readFileSync } from 'node:fs';
import ts from '../../typescript.js';
import { countBranches, scriptKindFor } from '../test-generator/analysis.js';
import type { FileCoverageData } from './reports.js';

export interface FunctionSpan {
  name: string;
  startLine: number;
  endLine: number;
  /** Cyclomatic-style complexity: 1 + branch points. */
  complexity: number;
}

/** Every function-like node with its line span and complexity (TypeScript compiler API, syntax only). */
export function functionSpans(text: string, fileName: string): FunctionSpan[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindFor(fileName));
  const out: FunctionSpan[] = [];
  const visit = (n: TS.Node): void => {
    if (ts.isFunctionLike(n) && (n as TS.FunctionLikeDeclaration).body) {
      const body = (n as TS.FunctionLikeDeclaration).body!;
      const named = (n as TS.FunctionLikeDeclaration).name;
      let name = named && !ts.isComputedPropertyName(named) ? named.getText(sf) : '(anonymous)';
      if (ts.isConstructorDeclaration(n)) name = 'constructor';
      if (!named && ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name)) name = n.parent.name.text;
      out.push({
        name,
        startLine: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1,
        endLine: sf.getLineAndCharacterOfPosition(n.getEnd()).line + 1,
        complexity: 1 + countBranches(body),
      });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

export interface RankedGap {
  file: string;
  kind: 'function' | 'branch';
  name: string;
  line: number;
  complexity: number;
  detail: string;
}

export interface CoverageAnalysis {
  files: Array<{ file: string; lines: number; branches: number; functions: number; summaryOnly: boolean }>;
  gaps: RankedGap[];
  totals: { files: number; lines: number; branches: number; functions: number; uncoveredFunctions: number; uncoveredBranches: number };
}

const pct = (m: { total: number; covered: number }): number => (m.total === 0 ? 100 : Math.round((m.covered / m.total) * 1000) / 10);

/** Innermost function containing the line. */
function enclosing(spans: FunctionSpan[], line: number): FunctionSpan | undefined {
  return spans.filter((s) => s.startLine <= line && line <= s.endLine).sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine))[0];
}

/**
 * Uncovered functions and branches, most complex first. Complexity comes from the source when it can be read
 * (sources: file path -> text, else the file on disk); without the source every gap counts as complexity 1.
 */
export function rankGaps(files: FileCoverageData[], sources: Map<string, string> = new Map()): CoverageAnalysis {
  const gaps: RankedGap[] = [];
  for (const f of files) {
    const text = sources.get(f.file) ?? (existsSync(f.file) ? readFileSync(f.file, 'utf8') : undefined);
    const spans = text ? functionSpans(text, f.file) : [];
    for (const fn of f.uncoveredFunctions) {
      const span = spans.find((s) => s.startLine === fn.line) ?? enclosing(spans, fn.line);
      gaps.push({ file: f.file, kind: 'function', name: fn.name, line: fn.line, complexity: span?.complexity ?? 1, detail: 'never called' });
    }
    for (const b of f.uncoveredBranches) {
      const span = enclosing(spans, b.line);
      gaps.push({ file: f.file, kind: 'branch', name: span?.name ?? '(top level)', line: b.line, complexity: span?.complexity ?? 1, detail: `${b.type}: ${b.pathsNotTaken} of ${b.paths} paths never taken` });
    }
  }
  gaps.sort((a, b) => b.complexity - a.complexity || (a.kind === b.kind ? 0 : a.kind === 'function' ? -1 : 1) || a.file.localeCompare(b.file) || a.line - b.line);
  const sum = (k: 'lines' | 'branches' | 'functions') => files.reduce((acc, f) => ({ total: acc.total + f[k].total, covered: acc.covered + f[k].covered }), { total: 0, covered: 0 });
  return {
    files: files.map((f) => ({ file: f.file, lines: pct(f.lines), branches: pct(f.branches), functions: pct(f.functions), summaryOnly: f.summaryOnly })),
    gaps,
    totals: {
      files: files.length,
      lines: pct(sum('lines')),
      branches: pct(sum('branches')),
      functions: pct(sum('functions')),
      uncoveredFunctions: gaps.filter((g) => g.kind === 'function').length,
      uncoveredBranches: gaps.filter((g) => g.kind === 'branch').length,
    },
  };
}
