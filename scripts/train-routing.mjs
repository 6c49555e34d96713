/**
 * Fits the router's tier model (multinomial logistic regression over the features in src/routing/features.ts)
 * on every labelled task in the repository and writes src/routing/tier-model.json. Run through
 * `npm run train:routing`, which builds first (features come from dist/) and rebuilds after (to ship the model).
 * Deterministic: the same tasks give the same file. The L2 penalty is chosen from L2_GRID by leave-one-writer-out
 * cross-validation (each writer scored by a model fitted on the others: what a new writer gets) unless --l2 X is
 * given; --iterations N (default 1500).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { ComplexityAnalyzer } = await import(join(root, 'dist/routing/ComplexityAnalyzer.js'));
const { fitTierModel } = await import(join(root, 'dist/routing/tierModel.js'));
const { L2_GRID, selectL2ByWriter } = await import(join(root, 'dist/routing/crossValidation.js'));
const { TRAINING_SETS, readLabelledTasks, writerOf } = await import(join(root, 'dist/routing/trainingData.js'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) {
    console.error(`train-routing: --${name} needs a non-negative number, got "${process.argv[i + 1] ?? ''}"`);
    process.exit(2);
  }
  return v;
};
const fixedL2 = arg('l2', undefined);
const iterations = arg('iterations', 1500);

const tasks = TRAINING_SETS.flatMap((p) => readLabelledTasks(join(root, p)));
const analyzer = new ComplexityAnalyzer(undefined, { model: null });
const rows = tasks.map((t) => analyzer.features(t));
const items = tasks.map((t, i) => ({ id: t.id, features: rows[i], tier: t.expected.tier }));
const selection = fixedL2 === undefined ? selectL2ByWriter(items, tasks.map((t) => writerOf(t.id)), L2_GRID, { iterations }) : undefined;
const l2 = fixedL2 ?? selection.l2;
const model = fitTierModel(rows, tasks.map((t) => t.expected.tier), { l2, iterations, sources: TRAINING_SETS });
const out = join(root, 'src/routing/tier-model.json');
writeFileSync(out, JSON.stringify(model) + '\n');
console.log(JSON.stringify({ wrote: 'src/routing/tier-model.json', tasks: tasks.length, features: model.features.length, l2, l2Selection: selection?.scores ?? 'fixed by --l2', iterations, trainingAccuracy: model.training.trainingAccuracy, l2SelectedBy: 'leave-one-writer-out mean', note: 'training accuracy is not a result: see npm run bench:routing for cross-validation' }));
