import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MODULE = /\.(c|m)?[jt]sx?$/;
const SKIP_FILE = /(\.d\.(c|m)?ts|\.(test|spec)\.(c|m)?[jt]sx?|\.config\.(c|m)?[jt]s)$/;
const SKIP_DIR = new Set(['node_modules', 'dist', 'build', 'coverage', '__tests__', 'test', 'tests', '__mocks__']);

/** JavaScript and TypeScript modules under path (a file or a directory): no tests, declarations, configs or node_modules. */
export function findModules(path: string, opts: { exclude?: string[] } = {}): string[] {
  const root = resolve(path);
  const exclude = (opts.exclude ?? []).map((e) => resolve(e));
  if (statSync(root).isFile()) return [root];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (exclude.some((x) => p === x || p.startsWith(x + '/'))) continue;
      if (e.isDirectory()) {
        if (!SKIP_DIR.has(e.name) && !e.name.startsWith('.')) walk(p);
      } else if (MODULE.test(e.name) && !SKIP_FILE.test(e.name)) out.push(p);
    }
  };
  walk(root);
  return out;
}
