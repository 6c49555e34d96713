import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands alone: no source, test, bench, script or doc names a path of the machine it was
 * written on or a folder beside the checkout (the team's shared/ folder, a /work/ path, a home directory).
 */
const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const OUTSIDE = [/\/work\/(?:shared|main|wt)\b/, /(?:\.\.\/)+shared\//, /\/root\/(?!\.cache\/aqe-node)/, /\/home\/[a-z]/];
const TEXT = /\.(?:[cm]?[jt]s|json|jsonl|md|ya?ml|sh)$|^\.ci\//;
// What the repository holds, without asking git (the suite also runs in a copy with no .git, .ci/test-on-node):
// build output, installed packages, run data and dot folders (bench/.packages) are not the repository's text.
const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', 'coverage', 'backups']);

function repositoryFiles(dir = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && (!entry.name.startsWith('.') || entry.name === '.ci')) out.push(...repositoryFiles(rel));
    } else if (entry.isFile()) out.push(rel);
  }
  return out;
}

describe('the repository stands alone', () => {
  it('no file of the repository refers to a path outside the checkout', () => {
    // Labelled task sets (tasks/*.jsonl) are data: their pasted CI logs name a CI runner's home folder.
    const files = repositoryFiles().filter((f) => TEXT.test(f) && f !== 'package-lock.json' && !f.startsWith('.ci/results') && !/^tasks\/[^/]+\.jsonl$/.test(f));
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
