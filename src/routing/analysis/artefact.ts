import { wordsOf } from './words.js';

export type ArtefactKind =
  | 'coverage'
  | 'junit'
  | 'test-report'
  | 'mutation-report'
  | 'load-test'
  | 'log'
  | 'config'
  | 'doc'
  | 'sql'
  | 'data';

/** Shape and size of a non-code file (logs, reports, coverage, configs), recognised by content first. */
export interface ArtefactFacts {
  path: string;
  kind: ArtefactKind;
  lines: number;
  /** Numbers in the file: metrics to compare, timings to aggregate. */
  numbers: number;
  /** Leaf values of a JSON document (0 when not JSON). */
  jsonLeaves: number;
  failures: number;
  stackFrames: number;
  /** Named actors (services, consumers, hosts, regions) the text talks about. */
  actors: string[];
  words: string;
}

const PATTERNS: Array<[ArtefactKind, RegExp]> = [
  ['junit', /<testsuites?\b|<testcase\b/],
  ['coverage', /^(SF:|LF:|LH:|BRF:)|% ?(stmts|branch|lines|funcs)|"(lines|branches|statements)"\s*:\s*\{?\s*"?(pct|total)|\blines\s+\d+(\.\d+)?%/im],
  ['mutation-report', /\b(survived|killed|mutation score|mutants?)\b/i],
  ['load-test', /\bhttp_req_duration\b|\b(rps|req\/s|requests\/sec)\b|\bp9[059]\b|\blatency\b|\bvus?\b/i],
  ['test-report', /^\s*(PASS|FAIL|✓|✗|×|ok \d+|not ok \d+)\b|\b\d+ (passing|failing|passed|failed)\b|Test Suites:|Tests:\s+\d+/m],
  ['log', /^\s*(\d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:)|\b(Error|Exception):|^\s+at \S+ \(/m],
  ['sql', /^\s*(create|alter)\s+table\b/im],
];

function jsonLeaves(text: string): number {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return 0;
  try {
    let n = 0;
    const walk = (v: unknown) => {
      if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
      else n++;
    };
    walk(JSON.parse(t));
    return n;
  } catch {
    return 0;
  }
}

export function analyzeArtefact(path: string, content: string): ArtefactFacts {
  const lower = path.toLowerCase();
  let kind: ArtefactKind | undefined;
  for (const [k, re] of PATTERNS) {
    if (re.test(content)) {
      kind = k;
      break;
    }
  }
  if (!kind) {
    if (/\.(ya?ml|toml|ini|json)$|dockerfile|\.env|package\.json$/.test(lower)) kind = 'config';
    else if (/\.(md|txt|rst|adoc)$/.test(lower)) kind = 'doc';
    else kind = 'data';
  }
  const lines = content.split('\n').filter((l) => l.trim()).length;
  const numbers = content.match(/\b\d+(\.\d+)?\b/g)?.length ?? 0;
  const failures = content.match(/\b(FAIL(ED)?|failed|failing|✗|×|AssertionError|Error:)/g)?.length ?? 0;
  const stackFrames = content.match(/^\s+at \S+/gm)?.length ?? 0;
  const actors = new Set<string>();
  for (const m of content.matchAll(/\b(?:consumer|service|host|node|region|worker|pod)[=:\s]+([A-Za-z][\w-]*)/gi)) actors.add(m[1].toLowerCase());
  // A table whose rows start with names and carry several measures: one actor per row (services, hosts).
  const rows = content.split('\n').filter((l) => /^\s*[A-Za-z][\w-]*\s{2,}\S+\s+\S+/.test(l) && /\d/.test(l));
  if (rows.length >= 3 && kind !== 'coverage' && kind !== 'mutation-report') for (const r of rows) actors.add(r.trim().split(/\s+/)[0].toLowerCase());
  return {
    path,
    kind,
    lines,
    numbers,
    jsonLeaves: jsonLeaves(content),
    failures,
    stackFrames,
    actors: [...actors],
    words: wordsOf(content.length > 20_000 ? content.slice(0, 20_000) : content),
  };
}
