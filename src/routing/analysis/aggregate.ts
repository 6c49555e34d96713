import type { ArtefactFacts } from './artefact.js';
import type { CodeFacts } from './code.js';

/** Facts of all files of a task: code facts summed (counts) or merged (lists), plus artefact shape. */
export interface Aggregate
  extends Pick<
    CodeFacts,
    | 'logicLines' | 'cyclomatic' | 'maxFunctionCyclomatic' | 'maxNesting' | 'functions' | 'methods' | 'mutatedFields'
    | 'asyncFunctions' | 'awaits' | 'promiseCombinators' | 'promiseConstructions' | 'parkedResolvers' | 'timers'
    | 'floatingAsyncInLoop' | 'atomics' | 'io' | 'httpHandlers' | 'crypto' | 'weakHashes' | 'authWords'
    | 'switchMaxCases' | 'stateAssignments'
  > {
  files: number;
  codeFiles: number;
  /** Module-level lets and fields mutated in async methods, over all files. */
  sharedState: string[];
  locks: string[];
  sinks: string[];
  sqlStatements: number;
  sqlLocking: boolean;
  sqlInterpolated: boolean;
  relativeImports: number;
  artefactLines: number;
  artefactKinds: string[];
  actors: number;
  failures: number;
  /** Code files that are tests (the unit under test is elsewhere). */
  testFiles: number;
}

export function aggregate(code: CodeFacts[], arts: ArtefactFacts[]): Aggregate {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const sum = (f: (c: CodeFacts) => number) => code.reduce((a, c) => a + f(c), 0);
  const max = (f: (c: CodeFacts) => number) => code.reduce((a, c) => Math.max(a, f(c)), 0);
  return {
    files: code.length + arts.length,
    codeFiles: code.length,
    logicLines: sum((c) => c.logicLines),
    cyclomatic: sum((c) => c.cyclomatic),
    maxFunctionCyclomatic: max((c) => c.maxFunctionCyclomatic),
    maxNesting: max((c) => c.maxNesting),
    functions: sum((c) => c.functions),
    methods: sum((c) => c.methods),
    mutatedFields: uniq(code.flatMap((c) => c.mutatedFields)),
    asyncFunctions: sum((c) => c.asyncFunctions),
    awaits: sum((c) => c.awaits),
    promiseCombinators: uniq(code.flatMap((c) => c.promiseCombinators)),
    promiseConstructions: sum((c) => c.promiseConstructions),
    parkedResolvers: sum((c) => c.parkedResolvers),
    timers: sum((c) => c.timers),
    floatingAsyncInLoop: sum((c) => c.floatingAsyncInLoop),
    sharedState: uniq(code.flatMap((c) => [...c.fieldsMutatedInAsync.map((f) => `this.${f}`), ...c.sharedModuleLets])),
    locks: uniq(code.flatMap((c) => c.lockPrimitives)),
    atomics: code.some((c) => c.atomics),
    io: uniq(code.flatMap((c) => c.io)),
    httpHandlers: sum((c) => c.httpHandlers),
    crypto: uniq(code.flatMap((c) => c.crypto)),
    weakHashes: uniq(code.flatMap((c) => c.weakHashes)),
    authWords: uniq(code.flatMap((c) => c.authWords)),
    sinks: uniq(code.flatMap((c) => c.injectionSinks)),
    sqlStatements: sum((c) => c.sql.statements),
    sqlLocking: code.some((c) => c.sql.locking),
    sqlInterpolated: code.some((c) => c.sql.interpolated),
    relativeImports: sum((c) => c.relativeImports.length),
    switchMaxCases: max((c) => c.switchMaxCases),
    stateAssignments: sum((c) => c.stateAssignments),
    artefactLines: arts.reduce((a, x) => a + x.lines, 0),
    artefactKinds: uniq(arts.map((a) => a.kind)),
    actors: new Set(arts.flatMap((x) => x.actors)).size,
    failures: arts.reduce((a, x) => a + x.failures, 0),
    testFiles: code.filter((c) => /(\.|_)(test|spec)\.[cm]?[jt]sx?$|(^|\/)(__tests__|tests?)\//i.test(c.path)).length,
  };
}

