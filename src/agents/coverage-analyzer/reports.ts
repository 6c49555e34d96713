/** Coverage report readers: istanbul coverage-final.json, coverage-summary.json and lcov.info, to one model. */

export interface FileCoverageData {
  file: string;
  lines: { total: number; covered: number };
  branches: { total: number; covered: number };
  functions: { total: number; covered: number };
  /** Functions never called (empty for summary reports, which do not list them). */
  uncoveredFunctions: Array<{ name: string; line: number }>;
  /** Branch points with at least one path never taken. */
  uncoveredBranches: Array<{ line: number; type: string; pathsNotTaken: number; paths: number }>;
  uncoveredLines: number[];
  /** True when the report only has totals (coverage-summary.json). */
  summaryOnly: boolean;
}

export type ReportFormat = 'istanbul-final' | 'istanbul-summary' | 'lcov' | 'istanbul-text';

const TEXT_TABLE_HEADER = /^\s*File\s*\|\s*% Stmts\s*\|\s*% Branch\s*\|\s*% Funcs\s*\|\s*% Lines/m;

export function detectFormat(text: string, name = ''): ReportFormat {
  if (/\.info$/.test(name) || /^(TN:|SF:)/m.test(text.slice(0, 2000))) return 'lcov';
  if (TEXT_TABLE_HEADER.test(text)) return 'istanbul-text';
  const json = JSON.parse(text) as unknown;
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    if ('total' in json) return 'istanbul-summary';
    const first = Object.values(json)[0] as unknown;
    if (first && typeof first === 'object') {
      if ('statementMap' in first) return 'istanbul-final';
      if ('lines' in first && 'branches' in first) return 'istanbul-summary';
    }
  }
  throw new Error('not a coverage report: expected coverage-final.json, coverage-summary.json or lcov.info content');
}

interface IstanbulFile {
  path?: string;
  statementMap: Record<string, { start: { line: number }; end: { line: number } }>;
  s: Record<string, number>;
  fnMap: Record<string, { name: string; decl?: { start: { line: number } }; loc?: { start: { line: number } }; line?: number }>;
  f: Record<string, number>;
  branchMap: Record<string, { type: string; line?: number; loc?: { start: { line: number } }; locations?: unknown[] }>;
  b: Record<string, number[]>;
}

function fromIstanbulFinal(json: Record<string, IstanbulFile>): FileCoverageData[] {
  return Object.entries(json).map(([key, fc]) => {
    const lineHits = new Map<number, number>();
    for (const [id, loc] of Object.entries(fc.statementMap)) {
      const l = loc.start.line;
      lineHits.set(l, Math.max(lineHits.get(l) ?? 0, fc.s[id] ?? 0));
    }
    const uncoveredLines = [...lineHits].filter(([, n]) => n === 0).map(([l]) => l).sort((a, b) => a - b);
    const fns = Object.entries(fc.fnMap);
    const branches = Object.entries(fc.branchMap);
    let bTotal = 0;
    let bCovered = 0;
    const uncoveredBranches: FileCoverageData['uncoveredBranches'] = [];
    for (const [id, br] of branches) {
      const counts = fc.b[id] ?? [];
      bTotal += counts.length;
      bCovered += counts.filter((c) => c > 0).length;
      const notTaken = counts.filter((c) => c === 0).length;
      if (notTaken) uncoveredBranches.push({ line: br.loc?.start.line ?? br.line ?? 0, type: br.type, pathsNotTaken: notTaken, paths: counts.length });
    }
    return {
      file: fc.path ?? key,
      lines: { total: lineHits.size, covered: lineHits.size - uncoveredLines.length },
      branches: { total: bTotal, covered: bCovered },
      functions: { total: fns.length, covered: fns.filter(([id]) => (fc.f[id] ?? 0) > 0).length },
      uncoveredFunctions: fns.filter(([id]) => (fc.f[id] ?? 0) === 0).map(([, fn]) => ({ name: fn.name, line: fn.decl?.start.line ?? fn.loc?.start.line ?? fn.line ?? 0 })),
      uncoveredBranches,
      uncoveredLines,
      summaryOnly: false,
    };
  });
}

type SummaryMetric = { total: number; covered: number };
function fromIstanbulSummary(json: Record<string, { lines: SummaryMetric; branches: SummaryMetric; functions: SummaryMetric }>): FileCoverageData[] {
  return Object.entries(json)
    .filter(([k]) => k !== 'total')
    .map(([file, m]) => ({
      file,
      lines: { total: m.lines.total, covered: m.lines.covered },
      branches: { total: m.branches.total, covered: m.branches.covered },
      functions: { total: m.functions.total, covered: m.functions.covered },
      uncoveredFunctions: [],
      uncoveredBranches: [],
      uncoveredLines: [],
      summaryOnly: true,
    }));
}

function fromLcov(text: string): FileCoverageData[] {
  const out: FileCoverageData[] = [];
  let cur: (FileCoverageData & { fnLines: Map<string, number>; fnHits: Map<string, number>; brs: Map<string, number[]> }) | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const [tag, rest = ''] = line.split(/:(.*)/s, 2) as [string, string?];
    if (tag === 'SF') {
      cur = { file: rest, lines: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 }, functions: { total: 0, covered: 0 }, uncoveredFunctions: [], uncoveredBranches: [], uncoveredLines: [], summaryOnly: false, fnLines: new Map(), fnHits: new Map(), brs: new Map() };
    } else if (!cur) continue;
    else if (tag === 'FN') {
      const [l, name] = rest.split(/,(.*)/s);
      cur.fnLines.set(name ?? '', Number(l));
    } else if (tag === 'FNDA') {
      const [n, name] = rest.split(/,(.*)/s);
      cur.fnHits.set(name ?? '', Number(n));
    } else if (tag === 'DA') {
      const [l, n] = rest.split(',');
      cur.lines.total++;
      if (Number(n) > 0) cur.lines.covered++;
      else cur.uncoveredLines.push(Number(l));
    } else if (tag === 'BRDA') {
      const [l, block, , taken] = rest.split(',');
      const key = `${l},${block}`;
      if (!cur.brs.has(key)) cur.brs.set(key, []);
      cur.brs.get(key)!.push(taken === '-' ? 0 : Number(taken));
    } else if (line === 'end_of_record') {
      for (const [name, l] of cur.fnLines) {
        cur.functions.total++;
        if ((cur.fnHits.get(name) ?? 0) > 0) cur.functions.covered++;
        else cur.uncoveredFunctions.push({ name, line: l });
      }
      for (const [key, counts] of cur.brs) {
        cur.branches.total += counts.length;
        cur.branches.covered += counts.filter((c) => c > 0).length;
        const notTaken = counts.filter((c) => c === 0).length;
        if (notTaken) cur.uncoveredBranches.push({ line: Number(key.split(',')[0]), type: 'branch', pathsNotTaken: notTaken, paths: counts.length });
      }
      const { fnLines: _a, fnHits: _b, brs: _c, ...data } = cur;
      out.push(data);
      cur = undefined;
    }
  }
  return out;
}

/**
 * The text reporter's table (`File | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s`). It has
 * percentages, not counts, so each metric is expressed out of 100.
 */
function fromIstanbulText(text: string): FileCoverageData[] {
  const out: FileCoverageData[] = [];
  const pct = (v: string | undefined) => {
    const n = Number.parseFloat(v ?? '');
    return { total: 100, covered: Number.isFinite(n) ? n : 0 };
  };
  for (const raw of text.split('\n')) {
    const cells = raw.split('|').map((c) => c.trim());
    if (cells.length < 5 || !cells[0] || cells[0] === 'File' || cells[0] === 'All files' || /^-+$/.test(cells[0])) continue;
    if (!/^[\d.]+$/.test(cells[1])) continue;
    const uncoveredLines = (cells[5] ?? '')
      .split(',')
      .flatMap((r) => {
        const [a, b] = r.trim().split('-').map(Number);
        if (!Number.isInteger(a)) return [];
        return Number.isInteger(b) && b >= a && b - a < 10_000 ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : [a];
      });
    out.push({
      file: cells[0], lines: pct(cells[4]), branches: pct(cells[2]), functions: pct(cells[3]),
      uncoveredFunctions: [], uncoveredBranches: [], uncoveredLines, summaryOnly: true,
    });
  }
  return out;
}

export function parseCoverageReport(text: string, name = ''): { format: ReportFormat; files: FileCoverageData[] } {
  const format = detectFormat(text, name);
  if (format === 'lcov') return { format, files: fromLcov(text) };
  if (format === 'istanbul-text') return { format, files: fromIstanbulText(text) };
  const json = JSON.parse(text);
  return { format, files: format === 'istanbul-final' ? fromIstanbulFinal(json) : fromIstanbulSummary(json) };
}
