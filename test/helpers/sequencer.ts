import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Rough cost of a test file by layer: end-to-end files drive child processes and run longest. */
const LAYER_WEIGHT: Array<[string, number]> = [['test/e2e/', 2], ['test/integration/', 1]];

function layerWeight(file: string): number {
  return LAYER_WEIGHT.find(([dir]) => file.startsWith(dir))?.[1] ?? 0;
}

/**
 * Longest files first, so that no long file starts last and runs alone at the end. Vitest does this from the
 * durations of an earlier run (its cache in node_modules/.vite); on a fresh clone it has none and orders by file
 * size only, which started two of the slowest files last and cost about 20 s of the suite's wall time. Without
 * a cache: end-to-end files, then integration, then unit, larger files first within each.
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const key = (f: TestSpecification) => `${f.project.name}:${relative(root, f.moduleId)}`;
    if (files.some((f) => this.ctx.cache.getFileTestResults(key(f)))) return super.sort(files);
    const cost = new Map(files.map((f) => {
      const rel = relative(root, f.moduleId);
      return [f, layerWeight(rel) * 1e9 + statSync(f.moduleId).size] as const;
    }));
    return [...files].sort((a, b) => cost.get(b)! - cost.get(a)!);
  }
}
