/* global structuredClone */
/**
 * Routing benchmark (build first: `npm run build`). Prints one JSON object:
 * - crossValidation: stratified 5-fold cross-validation (seed 42) of the tier model over every labelled task in
 *   the repository (tasks/routing-dev.jsonl, tasks/routing-corpus.jsonl, test/fixtures/routing/extra.jsonl):
 *   each fold's model is fitted on the other four folds only; mean and worst fold, and the rule stage alone on
 *   the same folds for comparison. This is the accuracy result; the shipped model's accuracy on sets it was
 *   fitted on (devSet, extraSet) is only a regression check;
 * - accuracy on the dev set (default tasks/routing-dev.jsonl; override with ROUTING_DEV_SET or argv[2])
 *   and on test/fixtures/routing/extra.jsonl;
 * - decision time (ModelRouter.select) p50/p99 for a 400-line task, uncached (content changes every call)
 *   and cached (same content);
 * - wall time of `aqe route FILE --json` over 1,000 tasks (dev tasks repeated with perturbed descriptions
 *   and file contents, so no cache helps), start-up included. Targets: p99 <= 2 ms uncached, <= 50 us
 *   cached, < 3 s for 1,000 tasks.
 * ROUTING_BENCH_ONLY=latency prints only the decision times.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { createConfig } = await import(join(root, 'dist/config/defaults.js'));
const { ModelRouter } = await import(join(root, 'dist/routing/ModelRouter.js'));
const { ComplexityAnalyzer } = await import(join(root, 'dist/routing/ComplexityAnalyzer.js'));

const { crossValidate, leaveOneWriterOut, nestedCrossValidate, L2_GRID, stratifiedFolds } = await import(join(root, 'dist/routing/crossValidation.js'));
const { TRAINING_SETS, readLabelledTasks, writerOf } = await import(join(root, 'dist/routing/trainingData.js'));
const { fitTierModel, predictTier } = await import(join(root, 'dist/routing/tierModel.js'));
const { parseSyntaxTree } = await import(join(root, 'dist/routing/analysis/code.js'));
const model = JSON.parse(readFileSync(join(root, 'src/routing/tier-model.json'), 'utf8'));

const readTasks = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const routing = { ...createConfig({}).routing, enabled: true };
const tierModel = { simple: 'claude-haiku-4', medium: 'claude-sonnet-4.5', complex: 'claude-opus-4' };

function accuracy(tasks) {
  const router = new ModelRouter(routing);
  const wrong = [];
  for (const t of tasks) {
    const sel = router.select(t);
    if (sel.modelName !== tierModel[t.expected.tier]) wrong.push({ id: t.id, expected: t.expected.tier, model: sel.modelName, score: sel.complexity.score });
  }
  return { tasks: tasks.length, accuracy: Number(((tasks.length - wrong.length) / tasks.length).toFixed(4)), misrouted: wrong };
}

/** Accuracy on the fresh batches: all, per batch (fresh-<batch>-NNN), and per expected tier (recall). */
function freshSets(tasks) {
  const all = accuracy(tasks);
  const wrong = new Map(all.misrouted.map((m) => [m.id, m]));
  const share = (ts) => Number((ts.filter((t) => !wrong.has(t.id)).length / ts.length).toFixed(4));
  const batches = [...new Set(tasks.map((t) => t.id.split('-')[1]))];
  return {
    path: 'tasks/routing-fresh.jsonl',
    fittedOn: false,
    tasks: all.tasks,
    accuracy: all.accuracy,
    byBatch: Object.fromEntries(batches.map((b) => [b, share(tasks.filter((t) => t.id.split('-')[1] === b))])),
    recallByTier: Object.fromEntries(['simple', 'medium', 'complex'].map((tier) => [tier, share(tasks.filter((t) => t.expected.tier === tier))])),
    tieBreakCeiling: tieBreakCeiling(tasks),
    misroutedByDirection: all.misrouted.reduce((acc, m) => {
      const k = `${m.expected}->${Object.keys(tierModel).find((t) => tierModel[t] === m.model) ?? m.model}`;
      acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {}),
  };
}

/**
 * What routing.llmTieBreak could buy at most on a set: at each margin, the share of tasks whose decision is that
 * close (each would cost one call of the cheapest model) and the accuracy if every such call named the right tier
 * whenever it is one of the two offered. A ceiling, not a measurement: no model is called here.
 */
function tieBreakCeiling(tasks) {
  const an = new ComplexityAnalyzer(routing.complexity);
  const decided = tasks.map((t) => ({ truth: t.expected.tier, d: an.analyze(t).decision }));
  return [0.1, 0.2, 0.3, 0.5, 1].map((margin) => {
    let asked = 0;
    let right = 0;
    for (const { truth, d } of decided) {
      const close = d.model && d.model.margin < margin;
      if (close) asked++;
      if (d.tier === truth || (close && d.model.runnerUp === truth)) right++;
    }
    return { margin, askedShare: Number((asked / tasks.length).toFixed(4)), ceilingAccuracy: Number((right / tasks.length).toFixed(4)) };
  });
}

/** The labelled training tasks and their feature vectors, extracted once for every cross-validation below. */
const rulesOnly = new ComplexityAnalyzer(routing.complexity, { model: null });
let training;
function trainingItems() {
  if (!training) {
    const tasks = TRAINING_SETS.flatMap((p) => readLabelledTasks(join(root, p)));
    training = { tasks, items: tasks.map((t) => ({ id: t.id, features: rulesOnly.features(t), tier: t.expected.tier })) };
  }
  return training;
}

/** Cross-validation with the shipped model's hyperparameters; the rule stage scored on the same folds. */
function crossValidation(k, seed) {
  const { tasks, items } = trainingItems();
  const start = process.hrtime.bigint();
  const cv = crossValidate(items, k, seed, { l2: model.training.l2, iterations: model.training.iterations });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const folds = stratifiedFolds(items.map((x) => x.tier), k, seed);
  const ruleFolds = Array.from({ length: k }, (_, f) => {
    const test = tasks.filter((_, i) => folds[i] === f);
    const ok = test.filter((t) => ComplexityAnalyzer.tierOf(rulesOnly.analyze(t).score) === t.expected.tier).length;
    return ok / test.length;
  });
  const r4 = (x) => Number(x.toFixed(4));
  const counts = Object.fromEntries(['simple', 'medium', 'complex'].map((t) => [t, items.filter((x) => x.tier === t).length]));
  return {
    k,
    seed,
    stratified: true,
    tasks: items.length,
    byTier: counts,
    sources: TRAINING_SETS,
    model: { l2: model.training.l2, iterations: model.training.iterations, features: model.features.length },
    meanAccuracy: cv.meanAccuracy,
    worstFold: { fold: cv.worstFold.fold, accuracy: cv.worstFold.accuracy, correct: cv.worstFold.correct, test: cv.worstFold.test },
    folds: cv.folds.map((f) => f.accuracy),
    misrouted: cv.folds.flatMap((f) => f.misrouted),
    rulesOnlySameFolds: { meanAccuracy: r4(ruleFolds.reduce((a, x) => a + x, 0) / k), worstFold: r4(Math.min(...ruleFolds)) },
    fitMsTotal: Math.round(ms),
    targets: { meanAccuracy: 0.95, worstFold: 0.9 },
  };
}

/** Each writer's tasks scored by a model fitted on all the other writers' (the shipped model's hyperparameters). */
function writerCrossValidation() {
  const { tasks, items } = trainingItems();
  const cv = leaveOneWriterOut(items, tasks.map((t) => writerOf(t.id)), { l2: model.training.l2, iterations: model.training.iterations });
  const worst = cv.writers.reduce((w, x) => (x.accuracy < w.accuracy ? x : w));
  const pooled = cv.folds.reduce((a, f) => a + f.correct, 0) / tasks.length;
  return {
    writers: cv.writers.length,
    tasks: tasks.length,
    meanAccuracy: cv.meanAccuracy,
    pooledAccuracy: Number(pooled.toFixed(4)),
    worstWriter: worst,
    byWriter: Object.fromEntries(cv.writers.map((w) => [w.writer, w.accuracy])),
  };
}

/** Out-of-distribution check: fit on one labelled set only, route another written separately. */
function crossSet(trainPath, testPath) {
  const an = new ComplexityAnalyzer(routing.complexity, { model: null });
  const train = readLabelledTasks(join(root, trainPath));
  const test = readLabelledTasks(join(root, testPath));
  const m = fitTierModel(train.map((t) => an.features(t)), train.map((t) => t.expected.tier), { l2: model.training.l2, iterations: model.training.iterations });
  const wrong = test.filter((t) => predictTier(m, an.features(t), 0).tier !== t.expected.tier).map((t) => t.id);
  return { train: trainPath, test: testPath, trainTasks: train.length, testTasks: test.length, accuracy: Number(((test.length - wrong.length) / test.length).toFixed(4)), misrouted: wrong };
}

/** Nested 5-fold cross-validation: L2 chosen inside each outer training part (inner 5-fold CV). */
function nestedCrossValidation(k, seed) {
  const { items } = trainingItems();
  const cv = nestedCrossValidate(items, L2_GRID, k, seed, { iterations: model.training.iterations });
  return { k, seed, grid: L2_GRID, chosenL2: cv.chosenL2, meanAccuracy: cv.meanAccuracy, worstFold: cv.worstFold.accuracy, folds: cv.folds.map((f) => f.accuracy) };
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** A realistic 400-line module: a class with async methods, branches, I/O and helpers. */
function fourHundredLineTask() {
  const parts = ["import { readFile } from 'node:fs/promises';", "import type { Db } from './db';", ''];
  let i = 0;
  while (parts.length < 392) {
    parts.push(
      `export async function handler${i}(db: Db, id: string, opts: { retries?: number } = {}) {`,
      `  const row = await db.query('SELECT * FROM items WHERE id = $1', [id]);`,
      `  if (!row) throw new Error('missing ' + id);`,
      `  for (let a = 0; a < (opts.retries ?? 2); a++) {`,
      `    if (row.status === 'ok' && a > ${i % 3}) return row.value * ${i + 1};`,
      `    else if (row.status === 'retry') continue;`,
      `  }`,
      `  return row.value > ${i} ? JSON.parse(await readFile('/tmp/x' + id, 'utf8')) : null;`,
      `}`,
      '',
    );
    i++;
  }
  const content = parts.slice(0, 400).join('\n');
  return {
    id: 'bench-400',
    type: 'test-generation',
    description: 'Write unit tests for the item handlers, mocking the database.',
    payload: { language: 'typescript', files: [{ path: 'src/items/handlers.ts', content }] },
  };
}

function timeDecisions(n, makeTask, warmUp = 50) {
  const router = new ModelRouter(routing, { analyzer: new ComplexityAnalyzer(routing.complexity) });
  for (let w = 0; w < warmUp; w++) router.select(makeTask(-1 - w)); // warm-up (JIT)
  const times = [];
  const cpu = [];
  for (let k = 0; k < n; k++) {
    const t = makeTask(k);
    const c0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    router.select(t);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const r4 = (x) => Number(x.toFixed(4));
  // Wall time is what a caller waits; CPU time is less distorted when other processes share the cores.
  return { runs: n, p50Ms: r4(quantile(times, 0.5)), p99Ms: r4(quantile(times, 0.99)), cpuP50Ms: r4(quantile(cpu, 0.5)), cpuP99Ms: r4(quantile(cpu, 0.99)) };
}

/** The router's syntax-tree parse (analysis/code.ts parseSyntaxTree) alone on the same file: what a parse would add. */
function timeParse(n, content) {
  const times = [];
  for (let k = -50; k < n; k++) {
    const text = content + `\n// ${k}`;
    const c0 = process.cpuUsage();
    parseSyntaxTree('a.ts', text);
    const c = process.cpuUsage(c0);
    if (k >= 0) times.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { runs: n, cpuP50Ms: Number(quantile(times, 0.5).toFixed(4)), cpuP99Ms: Number(quantile(times, 0.99).toFixed(4)) };
}

/**
 * The machine's own tail: fixed arithmetic (no allocation, no GC) sized to `medianMs`, timed `n` times. On a VM
 * whose vCPU is sometimes preempted, this shows the p99 any operation of that length gets, whatever it does.
 */
function fixedWorkTail(n, medianMs) {
  const work = (k) => {
    let x = 0;
    for (let i = 0; i < k; i++) x = (x * 31 + i) | 0;
    return x;
  };
  let k = 1e5;
  let sink = 0;
  for (let w = 0; w < 20; w++) sink += work(k);
  const t0 = process.hrtime.bigint();
  sink += work(k * 10);
  k = Math.max(1, Math.round((k * 10 * medianMs) / (Number(process.hrtime.bigint() - t0) / 1e6)));
  const times = [];
  for (let j = 0; j < n; j++) {
    const start = process.hrtime.bigint();
    sink += work(k);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const r4 = (x) => Number(x.toFixed(4));
  return { runs: n, p50Ms: r4(quantile(times, 0.5)), p99Ms: r4(quantile(times, 0.99)), over2Ms: times.filter((t) => t > 2).length, checksum: sink & 1 };
}

/** Each task is parsed from JSON just before its decision (outside the clock), as a server parses each request body. */
function timeDecisionsOnParsed(n, makeTask, warmUp = 50) {
  return timeDecisions(n, (k) => JSON.parse(JSON.stringify(makeTask(k))), warmUp);
}

function timeDecisionsOnCopies(n, task) {
  const copies = Array.from({ length: n + 50 }, () => structuredClone(task));
  let k = 0;
  return timeDecisions(n, () => copies[k++ % copies.length]);
}

function routeThousand(devTasks) {
  const dir = mkdtempSync(join(tmpdir(), 'aqe-bench-route-'));
  try {
    const file = join(dir, 'tasks.jsonl');
    const lines = [];
    for (let i = 0; i < 1000; i++) {
      const t = structuredClone(devTasks[i % devTasks.length]);
      t.id = `${t.id}-r${i}`;
      t.description += ` (run ${i})`;
      for (const f of t.payload.files ?? []) f.content += /\.[cm]?[jt]sx?$/.test(f.path) ? `\n// run ${i}\n` : `\n# run ${i}\n`;
      lines.push(JSON.stringify(t));
    }
    writeFileSync(file, lines.join('\n') + '\n');
    const runs = [];
    const cpuMs = [];
    let routed = 0;
    // /usr/bin/time, where present, adds the child's CPU time (user + system), which contention distorts less.
    const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'AQE_CPU %U %S'] : [];
    for (let k = 0; k < 3; k++) {
      const argv = [...timer, process.execPath, join(root, 'bin/aqe.js'), 'route', file, '--json'];
      const start = process.hrtime.bigint();
      const r = spawnSync(argv[0], argv.slice(1), { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      runs.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.status !== 0) throw new Error(`aqe route failed (${r.status}): ${r.stderr}`);
      routed = r.stdout.trim().split('\n').length;
      const m = /AQE_CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
      if (m) cpuMs.push(Math.round((Number(m[1]) + Number(m[2])) * 1000));
    }
    runs.sort((a, b) => a - b);
    cpuMs.sort((a, b) => a - b);
    return { tasks: routed, wallMsMin: Math.round(runs[0]), wallMsMedian: Math.round(runs[1]), runs: runs.map(Math.round), ...(cpuMs.length ? { cpuMsMedian: cpuMs[1] } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const devPath = resolve(process.argv[2] ?? process.env.ROUTING_DEV_SET ?? join(root, 'tasks/routing-dev.jsonl'));
const extraPath = join(root, 'test/fixtures/routing/extra.jsonl');
const dev = existsSync(devPath) ? readTasks(devPath) : [];
const base = fourHundredLineTask();
const [load1] = (await import('node:os')).loadavg();
const machine = { cpus: (await import('node:os')).cpus().length, loadAverage1m: Number(load1.toFixed(2)), node: process.version };
const uniqueTask = (from) => (k) => ({ ...base, payload: { ...base.payload, files: [{ ...base.payload.files[0], content: base.payload.files[0].content + `\n// ${from + k}` }] } });
const decision400Lines = () => {
  const times = {
  // Each task as a server receives it (JSON.parse: flat strings), built before the clock starts.
  // The first 500 decisions after 50: with ROUTING_BENCH_ONLY=latency, a new process's (the parser and
  // the analysers are still being compiled by V8, and the heap grows to its working size); in the full bench the
  // cross-validation before has warmed them. Then a running server's: 2,000 decisions after 1,000 others. Every
  // task differs (no cache hit).
  uncachedFirst500: timeDecisionsOnParsed(500, uniqueTask(0)),
  uncached: timeDecisionsOnParsed(2000, uniqueTask(1e6), 1000),
  cached: timeDecisions(5000, () => base),
  // A structurally equal copy (as from a new JSON.parse): the cache is found by content hash.
  cachedEqualCopy: timeDecisionsOnCopies(2000, base),
  // Reference: what a syntax-tree parse of the same file costs (files over PARSE_LIMIT_LINES get the lexical scan).
  syntaxTreeParseOnly: timeParse(500, base.payload.files[0].content),
  };
  // Work of the uncached decision's median length with nothing in it to slow down: the floor under its p99 here.
  return { ...times, fixedWorkSameMedian: fixedWorkTail(500, times.uncached.p50Ms) };
};
if (process.env.ROUTING_BENCH_ONLY === 'latency') {
  // Only the decision times (no cross-validation, no 1,000-task run): ROUTING_BENCH_ONLY=latency npm run bench:routing
  const times = decision400Lines();
  const [after1] = (await import('node:os')).loadavg();
  console.log(JSON.stringify({ bench: 'routing', only: 'latency', machine, decision400Lines: times, loadAverage1mAfter: Number(after1.toFixed(2)), targets: { uncachedP99Ms: 2, cachedP99Ms: 0.05 } }));
  process.exit(0);
}
const result = {
  bench: 'routing',
  machine,
  crossValidation: crossValidation(5, 42),
  // The same with other fold assignments: how much the result depends on the split.
  crossValidationOtherSeeds: [7, 99].map((seed) => { const cv = crossValidation(5, seed); return { seed, meanAccuracy: cv.meanAccuracy, worstFold: cv.worstFold.accuracy }; }),
  // Random folds share writers between training and test; this is what a writer the router has never seen gets.
  leaveOneWriterOut: writerCrossValidation(),
  nestedCrossValidation: process.env.ROUTING_BENCH_NESTED === '0' ? 'skipped (ROUTING_BENCH_NESTED=0)' : nestedCrossValidation(5, 42),
  crossSets: [crossSet('tasks/routing-corpus.jsonl', 'tasks/routing-dev.jsonl'), crossSet('tasks/routing-dev.jsonl', 'tasks/routing-corpus.jsonl')],
  // Written to the rubric before any prediction on it and never fitted on: the shipped model's generalisation.
  heldOutSet: (() => {
    const tasks = readTasks(join(root, 'tasks/routing-heldout.jsonl'));
    return { path: 'tasks/routing-heldout.jsonl', fittedOn: false, ...accuracy(tasks), tieBreakCeiling: tieBreakCeiling(tasks) };
  })(),
  // Four batches by four separately briefed authors, written to the rubric without seeing the router or any other
  // set, never fitted on: how the router does on someone else's tasks (tasks/authoring/README.md).
  freshSets: freshSets(readTasks(join(root, 'tasks/routing-fresh.jsonl'))),
  // The shipped model was fitted on these two sets: regression checks, not results.
  devSet: dev.length ? { path: devPath, fittedOn: true, ...accuracy(dev) } : { path: devPath, missing: true },
  extraSet: { fittedOn: true, ...accuracy(readTasks(extraPath)) },
  decision400Lines: decision400Lines(),
  route1000: routeThousand(dev.length ? dev : readTasks(extraPath)),
  targets: { uncachedP99Ms: 2, cachedP99Ms: 0.05, route1000WallMs: 3000 },
};
console.log(JSON.stringify(result));
