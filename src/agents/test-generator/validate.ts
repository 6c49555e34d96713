import type * as TS from 'typescript';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from '../../typescript.js';
import type { ModuleAnalysis } from './analysis.js';

/** The code inside the first fenced block that looks like a test file, or the whole text. */
export function extractCode(text: string): string {
  const blocks = [...text.matchAll(/```[\w:+-]*\s*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const best = blocks.find((b) => /\b(it|test|describe)\s*\(/.test(b)) ?? blocks[0];
  return (best ?? text).trim() + '\n';
}

const ALLOWED_PACKAGES = new Set(['vitest', '@jest/globals', 'node:test', 'node:assert', 'node:assert/strict', 'assert', 'node:module']);

/**
 * A generated test must parse and import only what exists: named imports from the module under test must be its
 * exports, other relative imports must exist on disk, and packages are limited to the test framework and node builtins.
 */
export function validateTestCode(code: string, testFile: string, sourcePath: string, analysis: ModuleAnalysis): string[] {
  const problems: string[] = [];
  const sf = ts.createSourceFile(testFile, code, ts.ScriptTarget.Latest, true, /\.tsx?$/.test(testFile) ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const diags = (sf as unknown as { parseDiagnostics?: TS.Diagnostic[] }).parseDiagnostics ?? [];
  for (const d of diags.slice(0, 5)) {
    const pos = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start) : undefined;
    problems.push(`syntax error${pos ? ` at line ${pos.line + 1}` : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  const exportsOf = new Set<string>([
    ...analysis.functions.map((f) => f.name),
    ...analysis.classes.map((c) => c.name),
    ...analysis.values,
  ]);
  const target = resolve(sourcePath).replace(/\.(c|m)?[jt]sx?$/, '');
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const spec = st.moduleSpecifier.text;
    if (spec.startsWith('.') || spec.startsWith('/')) {
      const abs = resolve(dirname(testFile), spec);
      const stem = abs.replace(/\.(c|m)?[jt]sx?$/, '');
      if (stem === target) {
        const named = st.importClause?.namedBindings;
        if (named && ts.isNamedImports(named)) {
          for (const el of named.elements) {
            const name = (el.propertyName ?? el.name).text;
            if (!exportsOf.has(name)) problems.push(`imports "${name}", which ${spec} does not export (exports: ${[...exportsOf].sort().join(', ') || 'none found'})`);
          }
        }
        if (st.importClause?.name && !exportsOf.has('default')) problems.push(`imports a default export, which ${spec} does not have`);
      } else if (!['', '.js', '.ts', '.mjs', '.cjs', '.mts', '.cts'].some((ext) => existsSync(stem + ext) || existsSync(abs))) {
        problems.push(`imports ${spec}, which does not exist`);
      }
    } else if (!ALLOWED_PACKAGES.has(spec) && !spec.startsWith('node:')) {
      problems.push(`imports the package "${spec}"; generated tests may import only the test framework and node builtins`);
    }
  }
  if (!/\b(it|test)\s*\(/.test(code)) problems.push('contains no test (no it()/test() call)');
  return problems;
}
