import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands alone: no tracked source, test, bench, script or doc names a path of the machine it was
 * written on or a folder beside the checkout (the team's shared/ folder, a /work/ path, a home directory).
 */
const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const OUTSIDE = [/\/work\/(?:shared|main|wt)\b/, /(?:\.\.\/)+shared\//, /\/root\/(?!\.cache\/aqe-node)/, /\/home\/[a-z]/];
const TEXT = /\.(?:[cm]?[jt]s|json|jsonl|md|ya?ml|sh)$|^\.ci\//;

describe('the repository stands alone', () => {
  it('no tracked file refers to a path outside the checkout', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => TEXT.test(f) && f !== 'package-lock.json');
    expect(files.length).toBeGreaterThan(50);
    const offending: string[] = [];
    for (const file of files) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (OUTSIDE.some((re) => re.test(line))) offending.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(offending).toEqual([]);
  });
});
