import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';

const require = createRequire(import.meta.url);

/** Every node_modules directory Node's resolution would search from dir upwards (only those that exist). */
export function dependencyPaths(dir: string): string[] {
  const out: string[] = [];
  let d = resolve(dir);
  for (;;) {
    const nm = join(d, 'node_modules');
    if (existsSync(nm)) out.push(realpathSync(nm));
    const up = dirname(d);
    if (up === d) return out;
    d = up;
  }
}

/** The node_modules directory that holds a package aqe itself depends on (vitest, typescript, chai, ...). */
function nodeModulesOf(pkg: string): string | undefined {
  let p: string;
  try {
    p = realpathSync(require.resolve(`${pkg}/package.json`));
  } catch {
    try {
      p = realpathSync(require.resolve(pkg));
    } catch {
      return undefined;
    }
  }
  const i = p.lastIndexOf(`${sep}node_modules${sep}`);
  return i < 0 ? undefined : p.slice(0, i + `${sep}node_modules`.length);
}

/** Read-only paths the runners and the characterization child need from aqe's own install. */
export function runnerPackagePaths(): string[] {
  return [...new Set(['vitest', 'typescript', 'chai', '@vitest/expect'].map(nodeModulesOf).filter((p): p is string => !!p))];
}
