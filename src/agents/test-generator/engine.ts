import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { dependencyPaths, runnerPackagePaths } from '../../sandbox/index.js';
import { analyzeSource, type ClassInfo, type FunctionInfo, type ModuleAnalysis } from './analysis.js';
import { characterize, IMPORT_HANG, isTypeScriptFile, mergeRuns, type CallSpec, type CharacterizeRun, type StableOutcome, type ThrownInfo } from './characterize.js';
import { coverageFromV8Dir, type ModuleCoverage } from './coverage.js';
import { emitTests, type CharacterizedCase, type Framework } from './emit.js';
import { sha256, withHeader } from './header.js';
import { mineUsage, PACKAGE_BINDING, type MinedUsage } from './examples.js';
import { argumentListsAround, buildArgumentLists, DEFAULT_MAX_CASES, type InputContext } from './inputs.js';
import { stringsMatching } from './regex-inputs.js';
import { buildSequences, findReceivers, parseProbe, prng, probeCall, seedOf } from './sequences.js';

export const ENGINE_NAME = 'aqe-offline-characterization/1';

export interface OfflineOptions {
  framework?: Framework;
  /** Directory the test file will live in (for the relative import). Default: <projectRoot>/test/generated/<relative dir>. */
  outDir?: string;
  projectRoot?: string;
  maxCasesPerFunction?: number;
  now?: () => Date;
}

export interface OfflineTests {
  sourcePath: string;
  projectRoot: string;
  testFile: string;
  /** Full file text including the aqe header. */
  text: string;
  tests: number;
  analysis: ModuleAnalysis;
  format: 'esm' | 'cjs';
  /** The calls the test file makes (for coverage replay). */
  calls: CallSpec[];
  dropped: { unstable: number; sideEffects: number; hungOrCrashed: number; slow: number };
  loadError?: ThrownInfo;
  /** Coverage of the module by exactly these calls, when measured during characterization. */
  coverage?: ModuleCoverage;
  /** Calls mined from the README, JSDoc @example blocks and the project's tests, e.g. `add(2, 3)` (for the model's prompt). */
  usage?: string[];
}

/** Nearest directory at or above `from` with a package.json (the project root), else `from`. */
export function findProjectRoot(from: string): string {
  let d = resolve(from);
  for (;;) {
    if (existsSync(join(d, 'package.json'))) return d;
    const up = dirname(d);
    if (up === d) return resolve(from);
    d = up;
  }
}

function packageType(dir: string): 'module' | 'commonjs' {
  let d = dir;
  for (;;) {
    const p = join(d, 'package.json');
    if (existsSync(p)) {
      try {
        return (JSON.parse(readFileSync(p, 'utf8')) as { type?: string }).type === 'module' ? 'module' : 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    const up = dirname(d);
    if (up === d) return 'commonjs';
    d = up;
  }
}

/** ESM or CommonJS, by extension, then package.json "type", then syntax. TypeScript is always loaded as ESM. */
export function detectFormat(sourcePath: string, analysis: ModuleAnalysis): 'esm' | 'cjs' {
  const ext = extname(sourcePath);
  if (ext === '.mjs' || ext === '.mts') return 'esm';
  if (ext === '.cjs' || ext === '.cts') return 'cjs';
  if (isTypeScriptFile(sourcePath)) return 'esm';
  if (analysis.hasCjsExports && !analysis.hasEsmSyntax) return 'cjs';
  if (analysis.hasEsmSyntax) return 'esm';
  return packageType(dirname(sourcePath)) === 'module' ? 'esm' : 'cjs';
}

export function testFileName(sourcePath: string): string {
  const base = basename(sourcePath).replace(/\.(c|m)?[jt]sx?$/, '');
  return isTypeScriptFile(sourcePath) ? `${base}.test.ts` : `${base}.test.mjs`;
}

export function defaultOutDir(sourcePath: string, projectRoot: string): string {
  const rel = relative(projectRoot, dirname(sourcePath));
  return join(projectRoot, 'test', 'generated', rel.startsWith('..') ? '' : rel);
}

/** Relative specifier from the test file's directory to the source ('.ts' becomes '.js', NodeNext style). */
export function importSpecifier(fromDir: string, sourcePath: string): string {
  let rel = relative(fromDir, sourcePath).split(sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel.replace(/\.ts$/, '.js').replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs').replace(/\.tsx$/, '.js');
}

interface PlannedCall {
  call: CallSpec;
}

const MAX_CALLS_PER_MODULE = 240;

/** More cases for functions with more branches (their own plus a share of the module's helpers). */
function casesFor(branches: number, max: number): number {
  return Math.min(max * 3, max + 2 * branches);
}

const MAX_MINED_PER_TARGET = 16;

/** Mined argument lists first (usage from docs and tests), then the generated ones, without repeats. */
function withMined(mined: string[][] | undefined, generated: string[][]): string[][] {
  const out = [...(mined ?? []).slice(0, MAX_MINED_PER_TARGET)];
  const seen = new Set(out.map((a) => a.join('\u0000')));
  for (const a of generated) if (!seen.has(a.join('\u0000'))) out.push(a);
  return out;
}

function functionCalls(f: FunctionInfo, max: number, moduleLiterals: Array<string | number>, helperBranches: number, mined: MinedUsage, ctx: InputContext): PlannedCall[] {
  if (f.isGenerator && f.isAsync) return [];
  const literals = [...f.literals, ...moduleLiterals.filter((l) => !f.literals.some((x) => Object.is(x, l)))];
  const cases = casesFor(f.branches + helperBranches, max);
  const gen = buildArgumentLists(f.params, literals, cases, ctx);
  const usage = mined.calls.get(f.name);
  const around = usage?.[0]?.length ? argumentListsAround(usage[0], f.params, literals, Math.ceil(cases / 2), ctx) : [];
  return withMined(usage, [...gen, ...around]).map((args) => ({ call: { kind: 'fn', name: f.name, args } }));
}

function ctorCalls(c: ClassInfo, max: number, mined: MinedUsage, ctx: InputContext = {}): CallSpec[] {
  const literals = [...c.literals, ...(ctx.moduleLiterals ?? []).filter((l) => !c.literals.includes(l))];
  return withMined(mined.calls.get(c.name), buildArgumentLists(c.ctorParams, literals, Math.min(max, 8), ctx)).map((args) => ({ kind: 'ctor', cls: c.name, args }));
}

/** Method calls go to an instance built with constructor arguments that are known to construct (baseCtor). */
function classCalls(c: ClassInfo, max: number, baseCtor: string[], mined: MinedUsage, ctx: InputContext): PlannedCall[] {
  const out: PlannedCall[] = ctorCalls(c, max, mined, ctx).map((call) => ({ call }));
  for (const m of c.methods) {
    const literals = [...m.literals, ...c.literals, ...(ctx.moduleLiterals ?? [])].filter((l, i, all) => all.indexOf(l) === i);
    for (const args of withMined(mined.calls.get(m.name), buildArgumentLists(m.params, literals, max, ctx))) {
      out.push({ call: { kind: 'method', cls: c.name, ctorArgs: baseCtor, method: m.name, args } });
    }
  }
  for (const m of c.staticMethods) {
    for (const args of withMined(mined.calls.get(m.name), buildArgumentLists(m.params, m.literals, max, ctx))) out.push({ call: { kind: 'static', cls: c.name, method: m.name, args } });
  }
  return out;
}

/**
 * Names a README would call an export by: its own name, and for a default/module.exports function the package's
 * name in camelCase, the function's declared name and PACKAGE_BINDING (what an example binds the package to).
 */
function usageNames(analysis: ModuleAnalysis, projectRoot: string): { names: string[]; alias: Map<string, string>; packageName: string } {
  const names = new Set<string>();
  const alias = new Map<string, string>();
  for (const f of analysis.functions) names.add(f.name);
  for (const c of analysis.classes) {
    names.add(c.name);
    for (const m of [...c.methods, ...c.staticMethods]) names.add(m.name);
  }
  let pkgName = '';
  try {
    pkgName = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name?: string }).name ?? '';
  } catch {}
  const camel = pkgName.replace(/^@[^/]+\//, '').replace(/[-_.]+(\w)/g, (_, ch: string) => ch.toUpperCase());
  for (const f of analysis.functions) {
    if (f.name !== 'default' && f.name !== 'module.exports') continue;
    // the docs call the module's own export by the package's name, the function's declared name, or whatever
    // they bound `require('<package>')` to (mineUsage reports calls of those under PACKAGE_BINDING)
    for (const n of [camel, f.localName, PACKAGE_BINDING]) {
      if (!n || alias.has(n)) continue;
      names.add(n);
      alias.set(n, f.name);
    }
  }
  return { names: [...names], alias, packageName: pkgName };
}

const MAX_SEQUENCES_PER_MODULE = 40;

/** Rendered string and number literals of the module, as argument sources for sequences. */
function literalSources(analysis: ModuleAnalysis): string[] {
  return analysis.moduleLiterals
    .filter((l) => (typeof l === 'string' ? l.length <= 40 : Number.isFinite(l)))
    .map((l) => (typeof l === 'string' ? JSON.stringify(l) : String(l)));
}

type SeqObs = { ok: boolean; v?: unknown; st: string; other?: unknown };

/**
 * A callee whose result differed between the two runs in any sequence (a random id generator) may agree by chance
 * elsewhere (one letter out of three): all its results, in every sequence on the same receiver, are asserted by
 * their properties, never exactly.
 */
export function assertVaryingCalleesByProperties(seqs: CallSpec[], merged: Array<StableOutcome | undefined>): void {
  const calleeOf = (c: CallSpec, name: string): string | undefined => {
    const step = c.steps?.find((s) => s.do?.startsWith(`const ${name} = attempt(() => `));
    const m = step && /attempt\(\(\) => ([^(]+)\(/.exec(step.do!);
    return m ? `${c.group ?? ''}|${m[1]}` : undefined;
  };
  const observed = (c: CallSpec, o: StableOutcome | undefined): Array<{ obs: SeqObs; callee?: string }> => {
    const obs = (o?.value as { v?: SeqObs[] } | undefined)?.v;
    if (!obs) return [];
    const sees = (c.steps ?? []).filter((s) => s.see !== undefined);
    return obs.map((ob, j) => ({ obs: ob, callee: /^r\d+$/.test(sees[j]?.see ?? '') ? calleeOf(c, sees[j]!.see!) : undefined }));
  };
  const varying = new Set<string>();
  seqs.forEach((c, i) => {
    for (const { obs, callee } of observed(c, merged[i])) if (callee && obs.st !== 'exact') varying.add(callee);
  });
  if (!varying.size) return;
  seqs.forEach((c, i) => {
    for (const { obs, callee } of observed(c, merged[i])) {
      if (!callee || !varying.has(callee) || obs.st !== 'exact' || !obs.ok) continue;
      obs.st = 'shape';
      obs.other = obs.v;
    }
  });
}

/**
 * Round two (sequences.ts): receivers from round one's results are probed, random call sequences on them run twice,
 * and the reproducible ones with observations not seen before are kept.
 */
async function sequenceCases(abs: string, format: 'esm' | 'cjs', text: string, analysis: ModuleAnalysis, cases: CharacterizedCase[], ctors: Array<{ cls: string; args: string[] }>, dropped: OfflineTests['dropped'], readPaths: string[]): Promise<CharacterizedCase[]> {
  const receivers = findReceivers(cases, ctors);
  if (!receivers.length) return [];
  const probes = await characterize({ modulePath: abs, format, calls: receivers.map(probeCall), readPaths });
  const rand = prng(seedOf(text));
  const lits = literalSources(analysis);
  const seqs = receivers.flatMap((r, i) => {
    const o = probes.outcomes[i];
    const shape = o?.status === 'returned' ? parseProbe(o.value) : undefined;
    return shape ? buildSequences(r, shape, lits, rand) : [];
  });
  if (!seqs.length) return [];
  const [sa, sb] = await Promise.all([characterize({ modulePath: abs, format, calls: seqs, readPaths }), characterize({ modulePath: abs, format, calls: seqs, readPaths })]);
  if (sa.loadError || sb.loadError) return [];
  const out: CharacterizedCase[] = [];
  const seen = new Set<string>();
  const merged = mergeRuns(sa.outcomes, sb.outcomes);
  assertVaryingCalleesByProperties(seqs, merged);
  merged.forEach((o, i) => {
    const x = sa.outcomes[i]!;
    if (x.status === 'timeout' || x.status === 'crashed') dropped.hungOrCrashed++;
    else if (!o || o.status !== 'returned') dropped.unstable++;
    else if (x.sideEffects || sb.outcomes[i]?.sideEffects) dropped.sideEffects++;
    else if (Math.max(x.ms, sb.outcomes[i]?.ms ?? 0) > 500) dropped.slow++;
    else {
      const obs = (o.value as { v: Array<{ st: string }> }).v;
      const key = JSON.stringify(o.value);
      if (seen.has(key) || !obs.some((ob) => ob.st !== 'drop') || out.length >= MAX_SEQUENCES_PER_MODULE) return;
      seen.add(key);
      out.push({ call: seqs[i]!, outcome: o });
    }
  });
  return out;
}

/**
 * The offline engine: analyse, generate inputs, run every call twice in sandboxed children, keep what is
 * reproducible, and emit characterization tests. Does not write anything.
 */
export async function buildOfflineTests(sourcePath: string, opts: OfflineOptions = {}): Promise<OfflineTests> {
  const abs = resolve(sourcePath);
  const text = readFileSync(abs, 'utf8');
  const analysis = analyzeSource(text, abs);
  const format = detectFormat(abs, analysis);
  const projectRoot = opts.projectRoot ?? findProjectRoot(dirname(abs));
  const outDir = opts.outDir ?? defaultOutDir(abs, projectRoot);
  const framework = opts.framework ?? 'vitest';
  const max = opts.maxCasesPerFunction ?? DEFAULT_MAX_CASES;
  // the code under test may read its project and the dependencies Node would resolve from it, nothing else
  const readPaths = [projectRoot, dirname(abs), ...dependencyPaths(dirname(abs)), ...runnerPackagePaths()];

  const { names, alias, packageName } = usageNames(analysis, projectRoot);
  const mined = mineUsage(projectRoot, text, names, packageName);
  for (const [a, target] of alias) if (mined.calls.has(a)) mined.calls.set(target, [...(mined.calls.get(target) ?? []), ...mined.calls.get(a)!]);
  // strings matching the module's regular expressions: a function's own first, then the module's
  const regexRand = prng(seedOf(text));
  for (const f of [...analysis.functions, ...analysis.classes.flatMap((c) => [...c.methods, ...c.staticMethods])]) {
    const own = stringsMatching(f.regexes, regexRand);
    f.literals = [...own, ...f.literals.filter((l) => !own.includes(l as string))];
  }
  const moduleRegexStrings = stringsMatching(analysis.moduleRegexes, regexRand);
  // usage from the docs and the module's own constants alternate: either may give a parameter its base value
  const own = analysis.moduleLiterals;
  const interleaved = Array.from({ length: Math.max(own.length, mined.literals.length) }, (_, i) => [mined.literals[i], own[i]]).flat().filter((l) => l !== undefined);
  const moduleLiterals = [...interleaved, ...moduleRegexStrings].filter((l, i, all) => all.indexOf(l) === i);
  analysis.moduleLiterals = moduleLiterals;
  const ctx: InputContext = { builtins: analysis.builtinChecks, moduleLiterals };
  const planned: PlannedCall[] = [];
  const receiverCtors: Array<{ cls: string; args: string[] }> = [];
  const exportedBranches = analysis.functions.reduce((n, f) => n + f.branches, 0) + analysis.classes.reduce((n, c) => n + c.ctorBranches + [...c.methods, ...c.staticMethods].reduce((m, x) => m + x.branches, 0), 0);
  const helperShare = Math.max(0, analysis.totalBranches - exportedBranches) / Math.max(1, analysis.functions.length);
  for (const f of analysis.functions) planned.push(...functionCalls(f, max, analysis.moduleLiterals, Math.round(helperShare), mined, ctx));
  let hung: CharacterizeRun | undefined;
  if (analysis.classes.length) {
    // a first pass over the constructors finds arguments that construct, for the instances the methods run on
    const ctors = analysis.classes.flatMap((c) => ctorCalls(c, max, mined, ctx));
    const probe = await characterize({ modulePath: abs, format, calls: ctors, readPaths });
    if (probe.loadError?.code === IMPORT_HANG) hung = probe; // no second wait for a module that never loads
    for (const c of analysis.classes) {
      const ok = ctors.findIndex((call, i) => call.cls === c.name && probe.outcomes[i]?.status === 'returned');
      planned.push(...classCalls(c, max, ok >= 0 ? ctors[ok]!.args : ctorCalls(c, max, mined, ctx)[0]?.args ?? [], mined, ctx));
      if (ok >= 0) receiverCtors.push({ cls: c.name, args: ctors[ok]!.args });
    }
  }
  const calls = planned.slice(0, MAX_CALLS_PER_MODULE).map((p) => p.call);

  // run A also records V8 coverage: when every call ends up in the test file, that is the test's coverage
  const v8Dir = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-v8cov-')));
  const [a, b] = hung ? [hung, hung] : await Promise.all([
    characterize({ modulePath: abs, format, calls, coverageDir: v8Dir, readPaths }),
    characterize({ modulePath: abs, format, calls, readPaths }),
  ]).catch((e: unknown) => {
    rmSync(v8Dir, { recursive: true, force: true });
    throw e;
  });
  const dropped = { unstable: 0, sideEffects: 0, hungOrCrashed: 0, slow: 0 };
  const cases: CharacterizedCase[] = [];
  if (!a.loadError && !b.loadError) {
    const merged = mergeRuns(a.outcomes, b.outcomes);
    merged.forEach((o, i) => {
      const x = a.outcomes[i]!;
      if (x.status === 'timeout' || x.status === 'crashed') dropped.hungOrCrashed++;
      else if (!o) dropped.unstable++;
      else if (x.sideEffects || b.outcomes[i]?.sideEffects || x.thrown?.code === 'AQE_SANDBOX') dropped.sideEffects++;
      else if (Math.max(x.ms, b.outcomes[i]?.ms ?? 0) > 500) dropped.slow++;
      else cases.push({ call: calls[i]!, outcome: o });
    });
  }
  const allKept = cases.length === calls.length;
  if (!a.loadError && !b.loadError) cases.push(...(await sequenceCases(abs, format, text, analysis, cases, receiverCtors, dropped, readPaths)));
  let coverage: ModuleCoverage | undefined;
  try {
    // with call sequences added, coverage is replayed from the kept calls (pipeline.ts)
    if (allKept && cases.length === calls.length && calls.length > 0) coverage = await coverageFromV8Dir(v8Dir, abs);
  } finally {
    rmSync(v8Dir, { recursive: true, force: true });
  }
  const testFile = join(outDir, testFileName(abs));
  const exportedClasses = analysis.classes.map((c) => c.name);
  const { body, tests } = emitTests({
    framework,
    importPath: importSpecifier(outDir, abs),
    format,
    exportedClasses,
    cases,
    title: relative(projectRoot, abs).split(sep).join('/') || basename(abs),
    exportNames: a.loadError || b.loadError ? [] : [...analysis.functions.map((f) => f.name), ...exportedClasses, ...analysis.values],
    typescript: isTypeScriptFile(abs),
  });
  const fileText = withHeader(body, {
    generatedAt: (opts.now?.() ?? new Date()).toISOString(),
    engine: ENGINE_NAME,
    source: relative(projectRoot, abs).split(sep).join('/'),
    sourceSha256: sha256(text),
  });
  return {
    sourcePath: abs,
    projectRoot,
    testFile,
    text: fileText,
    tests,
    analysis,
    format,
    calls: cases.map((c) => c.call),
    dropped,
    loadError: a.loadError ?? b.loadError,
    coverage,
    usage: [...mined.calls].flatMap(([name, lists]) => lists.map((args) => `${name}(${args.join(', ')})`)).slice(0, 30),
  };
}
