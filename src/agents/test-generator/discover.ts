import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';

const MODULE = /\.(c|m)?[jt]sx?$/;
const SKIP_FILE = /(\.d\.(c|m)?ts|\.(test|spec)\.(c|m)?[jt]sx?|\.config\.(c|m)?[jt]s)$/;
const SKIP_DIR = new Set(['node_modules', 'dist', 'build', 'coverage', '__tests__', 'test', 'tests', '__mocks__']);

/** JavaScript and TypeScript modules under path (a file or a directory): no tests, declarations, configs or node_modules. */
export function findModules(path: string, opts: { exclude?: string[] } = {}): string[] {
  return discoverModules(path, opts).modules;
}

const FLOW = /^\s*(\/\/|\/\*+)\s*@flow\b/m;

/** Why a module cannot be tested (syntax the TypeScript parser and Node do not accept), or undefined. */
export function unsupportedReason(file: string): string | undefined {
  const head = readFileSync(file, 'utf8').slice(0, 2000);
  if (/\.(c|m)?jsx?$/.test(file) && FLOW.test(head)) return 'Flow-typed source (@flow): Node cannot load it without a Flow transform';
  return undefined;
}

/**
 * findModules plus what it left out and why: under a package.json, its public entries (packageEntries, which may be
 * in dist/) are added; a .js/.cjs twin of a .mjs in the same directory, minified builds beside a readable one, and
 * unsupported syntax are skipped with a reason.
 */
export function discoverModules(path: string, opts: { exclude?: string[] } = {}): { modules: string[]; skipped: Array<{ file: string; reason: string }> } {
  const root = resolve(path);
  if (statSync(root).isFile()) {
    const why = unsupportedReason(root);
    return why ? { modules: [], skipped: [{ file: root, reason: why }] } : { modules: [root], skipped: [] };
  }
  const skipped: Array<{ file: string; reason: string }> = [];
  const found = walkModules(root, opts);
  let pkg: PackageEntries | undefined;
  try {
    pkg = packageEntries(root);
  } catch {
    pkg = undefined;
  }
  const all = [...new Set([...(pkg?.entries.filter((f) => !relative(root, f).startsWith('bin')) ?? []), ...found])];
  const skip = new Map((pkg?.skipped ?? []).map((s) => [s.file, s.reason]));
  const modules: string[] = [];
  for (const f of all) {
    const twin = f.replace(/\.c?js$/, '.mjs');
    let why = skip.get(f);
    if (!why && twin !== f && all.includes(twin)) why = `CommonJS twin of ${relative(root, twin)} (one test file per module)`;
    if (!why && isMinified(f)) {
      const plain = f.replace(/\.min\.(c|m)?js$/, '.$1js');
      if (plain !== f && all.includes(plain)) why = `minified copy of ${relative(root, plain)}`;
    }
    if (!why && /^(dist|build|lib|out)\//.test(relative(root, f).split(sep).join('/')) && !found.includes(f)) {
      // a compiled entry whose source is in the tree is tested through that source
      const stem = basename(f).replace(/\.(c|m)?js$/, '');
      const src = found.find((x) => basename(x).replace(/\.(c|m)?[jt]sx?$/, '') === stem && !/^(dist|build|lib|out)\//.test(relative(root, x)));
      if (src) why = `build output of ${relative(root, src)} (tested there)`;
    }
    why ??= unsupportedReason(f);
    if (why) skipped.push({ file: f, reason: why });
    else modules.push(f);
  }
  return { modules, skipped };
}

function walkModules(root: string, opts: { exclude?: string[] }): string[] {
  const exclude = (opts.exclude ?? []).map((e) => resolve(e));
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

export interface PackageEntries {
  /** Absolute paths of the modules a user of the package imports (main, module, exports targets, bin), counted once. */
  entries: string[];
  /** Build files left out, with why (a CJS twin of an ESM entry, a minified copy, ...). */
  skipped: Array<{ file: string; reason: string }>;
}

const SKIP_CONDITIONS = new Set(['types', 'typings', 'browser', 'react-native', 'deno', 'worker', 'electron', 'development', 'production']);

/** Ordered condition targets of one exports value: ESM ('import', 'module') before 'default' before 'require'. */
function conditionTargets(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(conditionTargets);
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  const order = ['import', 'module', 'node', 'default', 'require'];
  const keys = Object.keys(o).filter((k) => !SKIP_CONDITIONS.has(k)).sort((a, b) => (order.indexOf(a) + 99) % 99 - (order.indexOf(b) + 99) % 99);
  return keys.flatMap((k) => conditionTargets(o[k]));
}

function resolveFile(dir: string, rel: string): string | undefined {
  const base = resolve(dir, rel);
  for (const c of [base, `${base}.js`, `${base}.mjs`, `${base}.cjs`, join(base, 'index.js'), join(base, 'index.mjs')]) {
    try {
      if (statSync(c).isFile() && MODULE.test(c) && !SKIP_FILE.test(c)) return c;
    } catch {}
  }
  return undefined;
}

/** A minified build: a .min. file, or long lines on average (bundlers' one-line output). */
export function isMinified(file: string): boolean {
  if (/\.min\.(c|m)?js$/.test(file)) return true;
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('//# sourceMappingURL'));
  return text.length > 400 && lines.length > 0 && text.length / lines.length > 300;
}

/**
 * The public entries of the package at pkgDir, from its package.json: each "exports" subpath (one target per subpath:
 * the ESM one when both import and require exist), else "module" or "main" (or index.js), plus "bin". A minified
 * entry is kept only when it is the only build of that entry.
 */
export function packageEntries(pkgDir: string): PackageEntries {
  const dir = resolve(pkgDir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { main?: string; module?: string; exports?: unknown; bin?: string | Record<string, string> };
  const entries: string[] = [];
  const skipped: PackageEntries['skipped'] = [];
  const add = (targets: string[], what: string): void => {
    const files = [...new Set(targets.map((t) => resolveFile(dir, t)).filter((f): f is string => !!f))];
    const plain = files.filter((f) => !isMinified(f));
    const pick = plain[0] ?? files[0];
    if (!pick) return;
    for (const f of files) if (f !== pick && !entries.includes(f) && !skipped.some((s) => s.file === f)) skipped.push({ file: f, reason: `${isMinified(f) ? 'minified ' : ''}duplicate build of ${what} (tested: ${relative(dir, pick)})` });
    if (!entries.includes(pick)) entries.push(pick);
  };
  const exp = pkg.exports;
  if (exp !== undefined && exp !== null) {
    const subpaths = typeof exp === 'object' && !Array.isArray(exp) && Object.keys(exp).some((k) => k.startsWith('.')) ? (exp as Record<string, unknown>) : { '.': exp };
    for (const [sub, v] of Object.entries(subpaths)) {
      if (sub.includes('*') || sub.endsWith('package.json') || sub.endsWith('.json')) continue;
      add(conditionTargets(v), `export "${sub}"`);
    }
  } else {
    add([pkg.module, pkg.main, 'index.js'].filter((x): x is string => !!x), 'the main entry');
  }
  if (exp && pkg.main && pkg.module) add([pkg.module, pkg.main], 'the main entry');
  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
  for (const b of bins) add([b], `bin ${b}`);
  return { entries, skipped };
}
