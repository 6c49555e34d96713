import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import typescript from '../../typescript.js';
import { currentPolicy, dependencyPaths, runnerPackagePaths, runSandboxed, sandboxLayer } from '../../sandbox/index.js';
import { HARNESS_SOURCE, TS_HOOK_SOURCE, transpileForHook } from './harness.js';
import type { ResultRelation } from './shares-object.js';

/** One call the child makes. Arguments are JavaScript source text (see inputs.ts). */
export interface CallSpec {
  kind: 'fn' | 'ctor' | 'method' | 'static' | 'seq';
  /** kind 'seq': statements and observations; ⟪name⟫ stands for the export `name` (see sequences.ts). */
  steps?: SeqStep[];
  /** kind 'seq': the test's title and its describe group. */
  label?: string;
  group?: string;
  /** Export name for kind 'fn' ('module.exports' when the CommonJS module itself is the function). */
  name?: string;
  cls?: string;
  method?: string;
  ctorArgs?: string[];
  args: string[];
}

/** One step of a call sequence: a statement (`do`) or an expression whose awaited value is recorded (`see`). */
export interface SeqStep {
  do?: string;
  see?: string;
}

/** Tagged encoding of a value (see harness.ts `enc`): primitives as JSON, everything else `{ $: tag, ... }`. */
export type Encoded = unknown;

export interface ThrownInfo {
  err: boolean;
  cls?: string;
  ctor?: string;
  msg?: string;
  code?: string;
  v?: Encoded;
}

export interface CallOutcome {
  status: 'returned' | 'threw' | 'timeout' | 'crashed';
  async: boolean;
  value?: Encoded;
  thrown?: ThrownInfo;
  ms: number;
  /** The call wrote, created or deleted files (inside the sandbox): not repeatable in a test. */
  sideEffects?: boolean;
  /** A function call's object result and its first object argument: the same object, or what they share. */
  rel?: ResultRelation;
}

export interface CharacterizeOptions {
  modulePath: string;
  format: 'esm' | 'cjs';
  calls: CallSpec[];
  /** Limit for loading the module (until the child reports anything). */
  childTimeoutMs?: number;
  /** A synchronous call making no progress for this long is killed (the child resumes after it). */
  callTimeoutMs?: number;
  asyncTimeoutMs?: number;
  /** When set (and bubblewrap is in use), V8 coverage of the run is copied into coverageDir. */
  coverageDir?: string;
  /** What the code under test may read (default: its directory and the node_modules above it). */
  readPaths?: string[];
}

/** ThrownInfo.code of a module that never finished loading. */
export const IMPORT_HANG = 'AQE_IMPORT_HANG';

export interface CharacterizeRun {
  loadError?: ThrownInfo;
  outcomes: CallOutcome[];
}

const require = createRequire(import.meta.url);
let typescriptPath: string | undefined;
function typescriptEntry(): string {
  return (typescriptPath ??= require.resolve('typescript'));
}

export function isTypeScriptFile(p: string): boolean {
  return /\.(c|m)?tsx?$/.test(p) && !p.endsWith('.d.ts');
}

function targetOf(c: CallSpec): string {
  // sequences are told apart by their receiver (group): one receiver that hangs does not cancel the others
  return `${c.kind}:${c.name ?? ''}:${c.cls ?? ''}:${c.method ?? ''}:${c.kind === 'seq' ? (c.group ?? c.label ?? '') : ''}`;
}

interface ResultLine {
  i?: number;
  start?: boolean;
  ok?: boolean;
  timeout?: boolean;
  async?: boolean;
  v?: Encoded;
  t?: ThrownInfo;
  ms?: number;
  fx?: boolean;
  rel?: ResultRelation;
  load?: ThrownInfo;
  loaded?: boolean;
}

/** Why the child was killed by the watchdog, if it was. */
type ChildEnd = 'exited' | 'load-timeout' | 'call-timeout';

function runChild(dir: string, planPath: string, resultsPath: string, opts: CharacterizeOptions): Promise<ChildEnd> {
  const policy = currentPolicy();
  // V8 coverage cannot be collected under Node 20's permission model: a coverage run is confined by bubblewrap
  // (and the harness's own hooks) alone, and is not made at all without bubblewrap
  const coverage = !!opts.coverageDir && sandboxLayer(policy) === 'bwrap';
  const v8Dir = join(dir, 'v8');
  const moduleDir = dirname(opts.modulePath);
  const handle = runSandboxed({
    args: ['--no-warnings', join(dir, 'harness.mjs'), planPath, resultsPath],
    runDir: dir,
    readPaths: opts.readPaths ?? [moduleDir, ...dependencyPaths(moduleDir), ...runnerPackagePaths()],
    permission: coverage ? 'none' : 'strict',
    env: coverage ? { NODE_V8_COVERAGE: v8Dir } : {},
  });
  return new Promise((resolve) => {
    // watchdog: the child appends a line before and after every call; no progress for callTimeoutMs means a call
    // is stuck in a synchronous loop (async calls time out inside the child)
    const started = Date.now();
    let lastSize = 0;
    let lastProgress = started;
    const loadLimit = opts.childTimeoutMs ?? policy.limits.importTimeoutMs;
    const callLimit = opts.callTimeoutMs ?? 600;
    let end: ChildEnd = 'exited';
    const timer = setInterval(() => {
      const now = Date.now();
      let size = 0;
      try {
        size = statSync(resultsPath).size;
      } catch {}
      if (size !== lastSize) {
        lastSize = size;
        lastProgress = now;
      }
      if (size === 0 && now - started > loadLimit) end = 'load-timeout';
      else if (size > 0 && now - lastProgress > callLimit) end = 'call-timeout';
      else return;
      clearInterval(timer);
      handle.kill();
    }, 50);
    void handle.done.then(() => {
      clearInterval(timer);
      if (coverage && opts.coverageDir && existsSync(v8Dir)) cpSync(v8Dir, opts.coverageDir, { recursive: true });
      resolve(end);
    });
  });
}

const LOCAL_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"\n]+)['"]/g;
const MAX_PRECOMPILED = 200;

/**
 * The module and the TypeScript files it reaches through relative imports, transpiled here (the parent has the
 * compiler loaded already), so the child rarely needs to load typescript itself: that costs seconds of CPU, which
 * on a busy machine would count against the module's import time.
 */
export function precompileLocalTypeScript(modulePath: string): Record<string, string> {
  const out: Record<string, string> = {};
  const queue = [modulePath];
  const seen = new Set<string>();
  while (queue.length && seen.size < MAX_PRECOMPILED) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    out[pathToFileURL(file).href] = transpileForHook(typescript, text, file);
    for (const m of text.matchAll(LOCAL_SPECIFIER)) {
      const base = join(dirname(file), m[1]!).replace(/\.(c|m)?js$/, '');
      const hit = [m[1]!.match(/\.(c|m)?tsx?$/) ? join(dirname(file), m[1]!) : '', `${base}.ts`, `${base}.tsx`, `${base}.mts`, join(base, 'index.ts')].find((c) => c && isTypeScriptFile(c) && existsSync(c));
      if (hit) queue.push(hit);
    }
  }
  return out;
}

/**
 * Loads the module in a sandboxed child (src/sandbox; the run dir is a fresh temp dir) and makes every call in order.
 * A call that hangs or crashes the child is recorded as timeout/crashed and the child is restarted after it.
 */
export async function characterize(opts: CharacterizeOptions): Promise<CharacterizeRun> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-char-')));
  try {
    writeFileSync(join(dir, 'harness.mjs'), HARNESS_SOURCE);
    const ts = isTypeScriptFile(opts.modulePath);
    if (ts) writeFileSync(join(dir, 'ts-hook.mjs'), TS_HOOK_SOURCE);
    const precompiled = ts ? precompileLocalTypeScript(opts.modulePath) : undefined;
    const outcomes: Array<CallOutcome | undefined> = new Array(opts.calls.length);
    let start = 0;
    let loadError: ThrownInfo | undefined;
    const hangs = new Map<string, number>();
    for (let attempt = 0; start < opts.calls.length || attempt === 0; attempt++) {
      const planPath = join(dir, `plan-${attempt}.json`);
      const resultsPath = join(dir, `results-${attempt}.jsonl`);
      writeFileSync(planPath, JSON.stringify({
        modulePath: opts.modulePath,
        format: ts ? 'esm' : opts.format,
        calls: opts.calls,
        start,
        asyncTimeoutMs: opts.asyncTimeoutMs ?? 2000,
        tsHook: ts ? join(dir, 'ts-hook.mjs') : undefined,
        typescriptPath: ts ? typescriptEntry() : undefined,
        precompiled,
      }));
      writeFileSync(resultsPath, '');
      const end = await runChild(dir, planPath, resultsPath, opts);
      let lastStarted = -1;
      let loaded = false;
      for (const line of readFileSync(resultsPath, 'utf8').split('\n')) {
        if (!line) continue;
        const r = JSON.parse(line) as ResultLine;
        if (r.load) loadError = r.load;
        if (r.loaded) loaded = true;
        if (r.i === undefined) continue;
        if (r.start) {
          lastStarted = r.i;
          continue;
        }
        const outcome: CallOutcome = r.timeout
          ? { status: 'timeout', async: true, ms: r.ms ?? 0 }
          : r.ok
            ? { status: 'returned', async: !!r.async, value: r.v, ms: r.ms ?? 0 }
            : { status: 'threw', async: !!r.async, thrown: r.t, ms: r.ms ?? 0 };
        if (r.fx) outcome.sideEffects = true;
        if (r.rel) outcome.rel = r.rel;
        outcomes[r.i] = outcome;
      }
      if (loadError || !loaded) {
        if (end === 'load-timeout') {
          const ms = opts.childTimeoutMs ?? currentPolicy().limits.importTimeoutMs;
          loadError ??= { err: true, cls: 'Error', code: IMPORT_HANG, msg: `the module hangs at import: it did not finish loading within ${ms} ms (the sandbox was killed)` };
        }
        loadError ??= { err: true, cls: 'Error', msg: 'the module did not load (the child exited early)' };
        break;
      }
      if (lastStarted < 0) break;
      if (outcomes[lastStarted] === undefined) {
        // the child died or was killed inside this call: hung (sync loop) or crashed the process
        outcomes[lastStarted] = { status: 'crashed', async: false, ms: 0 };
        // a target that hangs twice is not called again (each hang costs a watchdog period and a restart)
        const target = targetOf(opts.calls[lastStarted]!);
        hangs.set(target, (hangs.get(target) ?? 0) + 1);
        if (hangs.get(target)! >= 2) {
          opts.calls.forEach((c, i) => {
            if (i > lastStarted && outcomes[i] === undefined && targetOf(c) === target) outcomes[i] = { status: 'crashed', async: false, ms: 0 };
          });
        }
      }
      start = lastStarted + 1;
      while (start < opts.calls.length && outcomes[start] !== undefined) start++;
      if (attempt > opts.calls.length) break;
    }
    return {
      loadError,
      outcomes: outcomes.map((o) => o ?? { status: 'crashed', async: false, ms: 0 }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The outline of an encoded value: tag and keys, without the data. */
export function shapeOf(v: Encoded): string {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  const t = v as { $: string; cls?: string | null; v?: unknown };
  if (t.$ === 'obj') return `obj:${t.cls ?? ''}:${Object.keys(t.v as object).sort().join(',')}`;
  if (t.$ === 'err') return `err:${(t as { cls?: string }).cls}`;
  return t.$;
}

/** One observation of a call sequence, after comparing two runs. */
export interface SeqObservation {
  ok: boolean;
  v?: Encoded;
  t?: ThrownInfo;
  /** 'drop': differed in kind between the runs (evaluated in the test, not asserted). */
  st: 'exact' | 'shape' | 'drop';
  /** The other run's value when st is 'shape' (for property assertions). */
  other?: Encoded;
}

interface SeqValue {
  $: 'seq';
  v: Array<{ ok: boolean; v?: Encoded; t?: ThrownInfo }>;
}

function isSeq(v: Encoded): v is SeqValue {
  return !!v && typeof v === 'object' && (v as { $?: string }).$ === 'seq';
}

function mergeSeq(a: SeqValue, b: SeqValue): { $: 'seq'; v: SeqObservation[] } {
  return {
    $: 'seq',
    v: a.v.map((x, i): SeqObservation => {
      const y = b.v[i];
      if (!y || x.ok !== y.ok) return { ...x, st: 'drop' };
      if (JSON.stringify(x) === JSON.stringify(y)) return { ...x, st: 'exact' };
      if (!x.ok) return x.t?.cls === y.t?.cls && x.t?.err ? { ok: false, t: { err: true, cls: x.t.cls, ctor: x.t.ctor }, st: 'shape' } : { ...x, st: 'drop' };
      return shapeOf(x.v) === shapeOf(y.v) ? { ...x, st: 'shape', other: y.v } : { ...x, st: 'drop' };
    }),
  };
}

export interface StableOutcome extends CallOutcome {
  /** The other run's value when stability is 'shape' (for property assertions on varying output). */
  other?: Encoded;
  /** 'exact': identical in both runs; 'shape': same outline but different data (assert the shape only). */
  stability: 'exact' | 'shape';
}

/** Compares two runs of the same calls: identical results are kept, same-shape ones asserted by shape, others dropped. */
export function mergeRuns(a: CallOutcome[], b: CallOutcome[]): Array<StableOutcome | undefined> {
  return a.map((x, i) => {
    const y = b[i];
    if (!y || x.status !== y.status || x.async !== y.async) return undefined;
    if (x.status === 'timeout' || x.status === 'crashed') return undefined;
    if (x.status === 'threw') {
      const same = JSON.stringify(x.thrown) === JSON.stringify(y.thrown);
      if (same) return { ...x, stability: 'exact' };
      return x.thrown?.cls === y.thrown?.cls && x.thrown?.err ? { ...x, thrown: { err: true, cls: x.thrown?.cls, ctor: x.thrown?.ctor }, stability: 'shape' } : undefined;
    }
    if (isSeq(x.value) && isSeq(y.value)) return { ...x, value: mergeSeq(x.value, y.value), stability: 'exact' };
    if (JSON.stringify(x.value) === JSON.stringify(y.value)) {
      const { rel, ...rest } = x;
      return JSON.stringify(rel) === JSON.stringify(y.rel) ? { ...x, stability: 'exact' } : { ...rest, stability: 'exact' };
    }
    if (typeof x.value === 'string' || typeof x.value === 'number') return typeof x.value === typeof y.value ? { ...x, other: y.value, stability: 'shape' } : undefined;
    return shapeOf(x.value) === shapeOf(y.value) ? { ...x, other: y.value, stability: 'shape' } : undefined;
  });
}
