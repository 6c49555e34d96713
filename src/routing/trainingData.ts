import { readFileSync } from 'node:fs';
import type { QETask } from '../fleet/types.js';

/** The labelled task files the tier model is fitted on and cross-validated over (paths from the repository root). */
export const TRAINING_SETS = ['tasks/routing-dev.jsonl', 'tasks/routing-corpus.jsonl', 'test/fixtures/routing/extra.jsonl', 'tasks/routing-authors.jsonl'] as const;

type Labelled = QETask & { expected: { tier: 'simple' | 'medium' | 'complex' } };

/** Reads a JSON Lines file of labelled tasks; a line without a valid expected.tier is an error naming the line. */
export function readLabelledTasks(path: string): Labelled[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, n) => ({ line: line.trim(), n: n + 1 }))
    .filter(({ line }) => line)
    .map(({ line, n }) => {
      const t = JSON.parse(line) as QETask;
      const tier = t.expected?.tier;
      if (tier !== 'simple' && tier !== 'medium' && tier !== 'complex') throw new Error(`${path}:${n}: expected.tier must be simple, medium or complex`);
      return t as Labelled;
    });
}

/**
 * Who wrote a labelled task, from its id: `authors-<batch>-NNN` and `fresh-<batch>-NNN` are one writer per batch;
 * `corpus-*` and the extra fixtures (`x-*`) are the corpus's single writer; other ids name their set by prefix.
 */
export function writerOf(id: string): string {
  const [set, batch] = id.split('-');
  if ((set === 'authors' || set === 'fresh') && batch) return `author-${batch}`;
  if (set === 'corpus' || set === 'x') return 'corpus';
  return set;
}
