import type * as TS from 'typescript';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from '../../typescript.js';

/**
 * Usage mined from the package's documentation and its own tests: the README's fenced code blocks, JSDoc @example
 * blocks in the source, and the project's test files. Only inputs are taken (call arguments and literals), never
 * the assertions, so the generated tests still record what the code does.
 */
export interface MinedUsage {
  /** Argument lists (JavaScript source) per called name, e.g. valid -> [["'1.2.3'"]]. */
  calls: Map<string, string[][]>;
  /** String and number literals seen in the examples. */
  literals: Array<string | number>;
}

/** The key under which calls of whatever an example bound the package itself to are reported (`const r = require('pkg')`). */
export const PACKAGE_BINDING = '\0package';

const MAX_TEXT = 200_000;
const MAX_ARG_LISTS = 12;
const MAX_LITERALS = 30;

function codeBlocks(markdown: string): string[] {
  // JavaScript/TypeScript blocks and unlabelled ones; shell, HTML and JSON blocks are not usage
  const js = new Set(['', 'js', 'javascript', 'ts', 'typescript', 'mjs', 'cjs', 'jsx', 'tsx']);
  return [...markdown.matchAll(/```([^\n]*)\n([\s\S]*?)```/g)].filter((m) => js.has(m[1]!.trim().split(/[\s{]/)[0]!.toLowerCase())).map((m) => m[2]!);
}

function jsdocExamples(source: string): string[] {
  const out: string[] = [];
  for (const c of source.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = c[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n');
    for (const e of body.matchAll(/@example\b([\s\S]*?)(?=\n@\w|$)/g)) out.push(e[1]!.replace(/```\w*/g, ''));
  }
  return out;
}

/** Argument text when it is self-contained: literals, arrays and objects of literals, regular expressions, functions. */
function portable(node: TS.Expression, sf: TS.SourceFile): string | undefined {
  let ok = true;
  const visit = (n: TS.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(n)) {
      const parent = n.parent;
      const isKey = parent && (ts.isPropertyAssignment(parent) && parent.name === n);
      if (!isKey && !['undefined', 'NaN', 'Infinity'].includes(n.text)) ok = false;
      return;
    }
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isTemplateExpression(n)) {
      ok = false;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  const text = node.getText(sf);
  return ok && text.length <= 300 ? text : undefined;
}

/** Names an example binds the package itself to: `const x = require('pkg')`, `import x from 'pkg'`. */
function packageBindings(sf: TS.SourceFile, packageName: string): Set<string> {
  const out = new Set<string>();
  const isPkg = (e: TS.Node | undefined): boolean => !!e && ts.isStringLiteral(e) && e.text === packageName;
  const visit = (n: TS.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isCallExpression(n.initializer)) {
      const c = n.initializer;
      if (ts.isIdentifier(c.expression) && c.expression.text === 'require' && isPkg(c.arguments[0])) out.add(n.name.text);
    } else if (ts.isImportDeclaration(n) && isPkg(n.moduleSpecifier) && n.importClause?.name) {
      out.add(n.importClause.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function mineCode(code: string, names: Set<string>, usage: MinedUsage, packageName?: string): void {
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const bound = packageName && names.has(PACKAGE_BINDING) ? packageBindings(sf, packageName) : new Set<string>();
  const visit = (n: TS.Node): void => {
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      const callee = n.expression;
      const called = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const name = called && !names.has(called) && ts.isIdentifier(callee) && bound.has(called) ? PACKAGE_BINDING : called;
      if (name && names.has(name)) {
        const args = (n.arguments ?? []).map((a) => portable(a, sf));
        if (args.every((a): a is string => a !== undefined)) {
          const list = usage.calls.get(name) ?? [];
          if (list.length < MAX_ARG_LISTS && !list.some((l) => l.join('\u0000') === args.join('\u0000'))) list.push(args);
          usage.calls.set(name, list);
        }
      }
    }
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && n.text.length <= 60 && !ts.isImportDeclaration(n.parent) && !(ts.isCallExpression(n.parent) && ts.isIdentifier(n.parent.expression) && n.parent.expression.text === 'require')) {
      if (usage.literals.length < MAX_LITERALS && !usage.literals.includes(n.text)) usage.literals.push(n.text);
    } else if (ts.isNumericLiteral(n)) {
      const v = Number(n.text);
      if (usage.literals.length < MAX_LITERALS && !usage.literals.includes(v)) usage.literals.push(v);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}

const TEST_FILE = /\.(test|spec)\.(c|m)?[jt]sx?$|^test\.(c|m)?js$/;

/** The project's own test files (a few, small): test/, tests/, __tests__/ and *.test.* beside the sources. */
function ownTestFiles(projectRoot: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number, inTests: boolean): void => {
    if (depth > 4 || out.length >= 10) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'generated') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, depth + 1, inTests || ['test', 'tests', '__tests__', 'spec'].includes(e.name));
      else if ((TEST_FILE.test(e.name) || (inTests && /\.(c|m)?[jt]s$/.test(e.name))) && statSync(p).size < MAX_TEXT) {
        const text = readFileSync(p, 'utf8');
        if (!text.startsWith('// Generated by aqe')) out.push(p);
      }
    }
  };
  walk(projectRoot, 0, false);
  return out;
}

/** Mines usage of `names` (exported functions, classes and their methods) from README, JSDoc and the project's tests. */
/** `packageName`: calls of what an example binds the package to are reported under PACKAGE_BINDING (when wanted). */
export function mineUsage(projectRoot: string, sourceText: string, names: Iterable<string>, packageName?: string): MinedUsage {
  const usage: MinedUsage = { calls: new Map(), literals: [] };
  const wanted = new Set(names);
  const sources: string[] = [];
  for (const f of ['README.md', 'readme.md', 'Readme.md', 'README.markdown']) {
    const p = join(projectRoot, f);
    if (existsSync(p)) {
      sources.push(...codeBlocks(readFileSync(p, 'utf8').slice(0, MAX_TEXT)));
      break;
    }
  }
  sources.push(...jsdocExamples(sourceText));
  for (const t of ownTestFiles(projectRoot)) sources.push(readFileSync(t, 'utf8'));
  for (const code of sources) {
    try {
      mineCode(code, wanted, usage, packageName);
    } catch {
      // an example that does not parse adds nothing
    }
  }
  return usage;
}
