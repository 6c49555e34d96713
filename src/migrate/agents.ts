import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  Node,
  Project,
  SyntaxKind,
  ts,
  type ClassDeclaration,
  type ImportDeclaration,
  type MethodDeclaration,
  type SourceFile,
} from 'ts-morph';
import { AqeError, ErrorCodes } from '../errors.js';
import { requireInputPath } from '../input-file.js';
import { unifiedDiff } from './diff.js';

/**
 * `aqe migrate-agents`: the seed's scripts/migrate-agents.sh as a ts-morph codemod (seed 5.1).
 * Classes that extend BaseAgent (directly or through intermediate classes, under any local name) get
 * performTask renamed to performTaskImpl, an optional `selection?: ModelSelection` parameter and a type-only
 * import of ModelSelection from the module BaseAgent came from. All edits are computed from the analysis and
 * applied as text edits, so formatting and comments elsewhere are untouched.
 */

const BASE_NAME = 'BaseAgent';
const OLD_METHOD = 'performTask';
const NEW_METHOD = 'performTaskImpl';

export type AgentClassStatus = 'migrated' | 'already-migrated' | 'inherits' | 'skipped';

export interface AgentClassReport {
  file: string;
  className: string;
  status: AgentClassStatus;
  reason?: string;
}

export interface AgentFileChange {
  file: string;
  diff: string;
}

export interface AgentMigrationResult {
  dir: string;
  dryRun: boolean;
  filesScanned: number;
  classes: AgentClassReport[];
  changed: AgentFileChange[];
  /** Files that do not parse; reported and left untouched. */
  unparsable: Array<{ file: string; error: string }>;
}

export interface AgentMigrationOptions {
  dryRun?: boolean;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Where BaseAgent came from, as seen from `fromFile`. */
interface Origin {
  specifier: string;
  fromFile: string;
  quote: string;
  semicolon: boolean;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

function originOfImport(decl: ImportDeclaration): Origin {
  const specNode = decl.getModuleSpecifier();
  return {
    specifier: decl.getModuleSpecifierValue(),
    fromFile: decl.getSourceFile().getFilePath(),
    quote: specNode.getText().startsWith('"') ? '"' : "'",
    semicolon: decl.getText().trimEnd().endsWith(';'),
  };
}

/** `require('x')` initialising the variable declaration `decl` belongs to (directly or by destructuring). */
function originOfRequire(decl: Node): Origin | undefined {
  const variable = Node.isVariableDeclaration(decl) ? decl : decl.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  const init = variable?.getInitializer();
  if (!init || !Node.isCallExpression(init)) return undefined;
  const callee = init.getExpression();
  const [arg] = init.getArguments();
  if (!Node.isIdentifier(callee) || callee.getText() !== 'require' || !arg || !Node.isStringLiteral(arg)) return undefined;
  return { specifier: arg.getLiteralValue(), fromFile: decl.getSourceFile().getFilePath(), quote: "'", semicolon: true };
}

/** The specifier that names the same module from `file`. */
function specifierFrom(origin: Origin, file: string): string {
  if (!origin.specifier.startsWith('.')) return origin.specifier;
  const target = resolve(dirname(origin.fromFile), origin.specifier);
  const rel = toPosix(relative(dirname(file), target));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** BaseAgent declared in a project file or an ambient `declare module 'x'`: the import a subclass would use. */
function originOfDeclaration(cls: ClassDeclaration): Origin {
  const ambient = cls.getFirstAncestorByKind(SyntaxKind.ModuleDeclaration);
  const sf = cls.getSourceFile();
  if (ambient && Node.isStringLiteral(ambient.getNameNode())) {
    return { specifier: ambient.getName().replace(/^['"]|['"]$/g, ''), fromFile: sf.getFilePath(), quote: "'", semicolon: true };
  }
  const path = sf.getFilePath().replace(/\.d\.ts$/, '.js').replace(/\.(m|c)?tsx?$/, (_m, k: string | undefined) => `.${k ?? ''}js`);
  return { specifier: `./${path.split('/').pop()}`, fromFile: path, quote: "'", semicolon: true };
}

/**
 * ModelSelection comes from the module BaseAgent came from. When that module resolves to a file that does not
 * export it (BaseAgent imported from its own file, not the package index), use the module BaseAgent's file
 * itself imports ModelSelection from.
 */
function modelSelectionOrigin(importDecl: ImportDeclaration | undefined, base: ClassDeclaration): Origin | undefined {
  const target = importDecl?.getModuleSpecifierSourceFile();
  if (!target || target.getExportedDeclarations().has('ModelSelection')) return undefined;
  const viaBase = base
    .getSourceFile()
    .getImportDeclarations()
    .find((i) => i.getNamedImports().some((n) => n.getName() === 'ModelSelection'));
  if (!viaBase || !importDecl) return undefined;
  // Keep the quoting and semicolon style of the file being migrated.
  return { ...originOfImport(viaBase), quote: originOfImport(importDecl).quote, semicolon: originOfImport(importDecl).semicolon };
}

/**
 * Follow `cls`'s extends chain through the type checker. Returns where BaseAgent came from when the chain
 * reaches a class named BaseAgent (or an import of `BaseAgent` under any local name, even if unresolved).
 */
function baseAgentOrigin(cls: ClassDeclaration, seen: Set<ClassDeclaration>): Origin | undefined {
  const ext = cls.getExtends();
  if (!ext) return undefined;
  const expr = ext.getExpression();
  let importDecl: ImportDeclaration | undefined;
  let requireOrigin: Origin | undefined;
  let symbol = expr.getSymbol();
  if (Node.isIdentifier(expr) && symbol) {
    for (const d of symbol.getDeclarations()) {
      if (Node.isImportSpecifier(d) && d.getName() === BASE_NAME) importDecl = d.getImportDeclaration();
      // const { BaseAgent } = require('x') in a CommonJS file
      if (Node.isBindingElement(d) && (d.getPropertyNameNode()?.getText() ?? d.getName()) === BASE_NAME) requireOrigin ??= originOfRequire(d);
    }
  } else if (Node.isPropertyAccessExpression(expr) && expr.getName() === BASE_NAME) {
    // import * as aqe from 'x' (or const aqe = require('x')); class A extends aqe.BaseAgent
    const left = expr.getExpression();
    for (const d of left.getSymbol()?.getDeclarations() ?? []) {
      if (Node.isNamespaceImport(d)) importDecl = d.getFirstAncestorByKindOrThrow(SyntaxKind.ImportDeclaration);
      if (Node.isVariableDeclaration(d)) requireOrigin ??= originOfRequire(d);
    }
  }
  const importOrigin = (importDecl ? originOfImport(importDecl) : undefined) ?? requireOrigin;
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
  for (const d of symbol?.getDeclarations() ?? []) {
    if (!Node.isClassDeclaration(d)) continue;
    if (d.getName() === BASE_NAME) return modelSelectionOrigin(importDecl, d) ?? importOrigin ?? originOfDeclaration(d);
    if (seen.has(d)) continue;
    seen.add(d);
    const viaParent = baseAgentOrigin(d, seen);
    if (viaParent) return viaParent;
  }
  return importOrigin;
}

function ownMethods(cls: ClassDeclaration, name: string): MethodDeclaration[] {
  return cls.getInstanceMethods().filter((m) => m.getName() === name);
}

/** The local name under which ModelSelection is (or will be) visible in the file, and the edit adding it. */
function ensureModelSelectionImport(sf: SourceFile, origin: Origin): { typeName: string; edit?: Edit } {
  const spec = specifierFrom(origin, sf.getFilePath());
  const imports = sf.getImportDeclarations();
  for (const imp of imports) {
    if (imp.getModuleSpecifierValue() !== spec) continue;
    const named = imp.getNamedImports().find((n) => n.getName() === 'ModelSelection');
    if (named) return { typeName: named.getAliasNode()?.getText() ?? 'ModelSelection' };
  }
  const taken = new Set<string>();
  for (const imp of imports) {
    const def = imp.getDefaultImport();
    if (def) taken.add(def.getText());
    const ns = imp.getNamespaceImport();
    if (ns) taken.add(ns.getText());
    for (const n of imp.getNamedImports()) taken.add(n.getAliasNode()?.getText() ?? n.getName());
  }
  for (const s of sf.getStatements()) {
    if (Node.hasName(s)) taken.add(s.getName());
  }
  const typeName = taken.has('ModelSelection') ? 'AqeModelSelection' : 'ModelSelection';
  const specifierText = typeName === 'ModelSelection' ? 'ModelSelection' : 'ModelSelection as AqeModelSelection';

  const typeOnly = imports.find((i) => i.isTypeOnly() && i.getModuleSpecifierValue() === spec && i.getNamedImports().length > 0);
  if (typeOnly) {
    const last = typeOnly.getNamedImports().at(-1)!;
    return { typeName, edit: { start: last.getEnd(), end: last.getEnd(), text: `, ${specifierText}` } };
  }
  const line = `import type { ${specifierText} } from ${origin.quote}${spec}${origin.quote}${origin.semicolon ? ';' : ''}`;
  const lastImport = imports.at(-1);
  if (lastImport) return { typeName, edit: { start: lastImport.getEnd(), end: lastImport.getEnd(), text: `\n${line}` } };
  // No imports: before the first statement, after any leading comments (a license header stays on top).
  const first = sf.getStatements()[0];
  const at = first ? first.getStart() : sf.getEnd();
  return { typeName, edit: { start: at, end: at, text: `${line}\n\n` } };
}

/** Does the method override BaseAgent's own performTaskImpl (not an intermediate class's method)? */
function overridesBaseAgentDirectly(cls: ClassDeclaration): boolean {
  const base = cls.getBaseTypes()[0];
  if (!base) return false;
  const declaredIn = (name: string) =>
    base
      .getProperty(name)
      ?.getDeclarations()
      .map((d) => d.getFirstAncestorByKind(SyntaxKind.ClassDeclaration)?.getName());
  const impl = declaredIn(NEW_METHOD);
  if (!impl?.includes(BASE_NAME)) return false;
  const legacy = declaredIn(OLD_METHOD);
  return !legacy || legacy.every((n) => n === BASE_NAME);
}

function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let lastStart = Infinity;
  for (const e of sorted) {
    if (e.end > lastStart) continue; // overlapping edit (same identifier found twice): already applied
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}

function isMigratableFile(path: string, root: string): boolean {
  const rel = relative(root, path);
  if (rel.startsWith('..') || isAbsolute(rel)) return false;
  const parts = toPosix(rel).split('/');
  if (parts.includes('node_modules') || parts[0] === 'dist') return false;
  return /\.(m|c)?[tj]sx?$/.test(path) && !/\.d\.(m|c)?ts$/.test(path);
}

/** JavaScript agents get the same rename and parameter, without type annotations, `override` or a type import. */
function isJavaScript(path: string): boolean {
  return /\.(m|c)?jsx?$/.test(path);
}

function createProject(root: string): Project {
  const tsconfig = join(root, 'tsconfig.json');
  // allowJs: JavaScript agents (.js, .mjs, .cjs, .jsx) are parsed and migrated too
  const project = existsSync(tsconfig)
    ? new Project({ tsConfigFilePath: tsconfig, compilerOptions: { allowJs: true } })
    : new Project({ compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, allowJs: true } });
  project.addSourceFilesAtPaths([`${toPosix(root)}/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}`, `!${toPosix(root)}/**/node_modules/**`, `!${toPosix(root)}/dist/**`]);
  return project;
}

/** Migrate (or with dryRun, show) every BaseAgent subclass under `dir`. */
export function migrateAgents(dir: string, opts: AgentMigrationOptions = {}): AgentMigrationResult {
  const root = resolve(dir);
  requireInputPath(root, 'project directory', 'directory', dir);
  const project = createProject(root);
  const program = project.getProgram();
  const rel = (p: string) => toPosix(relative(root, p)) || p;

  const files = project.getSourceFiles().filter((sf) => isMigratableFile(sf.getFilePath(), root));
  const unparsable: AgentMigrationResult['unparsable'] = [];
  const parsed: SourceFile[] = [];
  for (const sf of files) {
    const diags = program.getSyntacticDiagnostics(sf);
    if (diags.length === 0) {
      parsed.push(sf);
      continue;
    }
    const d = diags[0];
    const line = d.getLineNumber();
    const msg = d.getMessageText();
    unparsable.push({ file: rel(sf.getFilePath()), error: `${line ? `line ${line}: ` : ''}${typeof msg === 'string' ? msg : msg.getMessageText()}` });
  }
  const parsedPaths = new Set(parsed.map((sf) => sf.getFilePath()));

  const edits = new Map<string, Edit[]>();
  const addEdit = (file: string, e: Edit) => {
    const list = edits.get(file) ?? [];
    list.push(e);
    edits.set(file, list);
  };
  const classes: AgentClassReport[] = [];

  for (const sf of parsed) {
    for (const cls of sf.getDescendantsOfKind(SyntaxKind.ClassDeclaration)) {
      const origin = baseAgentOrigin(cls, new Set([cls]));
      if (!origin) continue;
      const className = cls.getName() ?? '(anonymous class)';
      const report = (status: AgentClassStatus, reason?: string) =>
        classes.push({ file: rel(sf.getFilePath()), className, status, ...(reason ? { reason } : {}) });

      const legacy = ownMethods(cls, OLD_METHOD);
      const current = ownMethods(cls, NEW_METHOD);
      if (legacy.length === 0) {
        if (cls.getProperty(OLD_METHOD)) report('skipped', `${OLD_METHOD} is a property, not a method; migrate it by hand`);
        else report(current.length ? 'already-migrated' : 'inherits');
        continue;
      }
      if (current.length) {
        report('skipped', `has both ${OLD_METHOD} and ${NEW_METHOD}; merge them by hand`);
        continue;
      }
      const method = legacy[0];
      if (legacy.length > 1 || method.getOverloads().length) {
        report('skipped', `${OLD_METHOD} has overloads; migrate it by hand`);
        continue;
      }
      const params = method.getParameters();
      if (params.length > 1 || params.some((p) => p.isRestParameter())) {
        report('skipped', `${OLD_METHOD} takes ${params.length} parameters; v1.0.5 calls ${NEW_METHOD}(task, selection?); migrate it by hand`);
        continue;
      }

      const file = sf.getFilePath();
      // Rename the declaration and every reference inside the project (this.performTask, super.performTask, ...).
      addEdit(file, { start: method.getNameNode().getStart(), end: method.getNameNode().getEnd(), text: NEW_METHOD });
      const nameNode = method.getNameNode();
      const references = Node.isIdentifier(nameNode) ? nameNode.findReferencesAsNodes() : [];
      for (const ref of references) {
        const refFile = ref.getSourceFile().getFilePath();
        if (!parsedPaths.has(refFile) || !Node.isIdentifier(ref) || ref.getText() !== OLD_METHOD) continue;
        addEdit(refFile, { start: ref.getStart(), end: ref.getEnd(), text: NEW_METHOD });
      }

      const js = isJavaScript(file);
      if (!js && !method.hasOverrideKeyword() && overridesBaseAgentDirectly(cls)) {
        const at = method.getNameNode().getStart();
        const asyncKw = method.getModifiers().find((m) => m.getKind() === SyntaxKind.AsyncKeyword);
        const pos = asyncKw ? asyncKw.getStart() : at;
        addEdit(file, { start: pos, end: pos, text: 'override ' });
      }

      const { typeName, edit } = js ? { typeName: '', edit: undefined } : ensureModelSelectionImport(sf, origin);
      if (edit) addEdit(file, edit);
      const bodyNames = new Set(method.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()));
      const paramName = bodyNames.has('selection') ? 'modelSelection' : 'selection';
      const selectionParam = js ? paramName : `${paramName}?: ${typeName}`;
      if (params.length === 1) {
        addEdit(file, { start: params[0].getEnd(), end: params[0].getEnd(), text: `, ${selectionParam}` });
      } else {
        const open = method.getFirstChildByKindOrThrow(SyntaxKind.OpenParenToken);
        addEdit(file, { start: open.getEnd(), end: open.getEnd(), text: `${js ? '_task' : '_task: unknown'}, ${selectionParam}` });
      }
      // super.performTask(task) inside the override passes the selection on.
      for (const call of method.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        const callee = call.getExpression();
        const args = call.getArguments();
        if (Node.isPropertyAccessExpression(callee) && callee.getName() === OLD_METHOD && Node.isSuperExpression(callee.getExpression()) && args.length === 1) {
          addEdit(file, { start: args[0].getEnd(), end: args[0].getEnd(), text: `, ${paramName}` });
        }
      }
      report('migrated');
    }
  }

  const changed: AgentFileChange[] = [];
  for (const [file, fileEdits] of edits) {
    const sf = project.getSourceFileOrThrow(file);
    const before = readFileSync(file, 'utf8');
    // Positions come from the parsed text; make sure nobody changed the file since.
    if (before !== sf.getFullText()) {
      throw new AqeError(ErrorCodes.MIGRATION, `${rel(file)} changed while migrating; run again`, { file: rel(file) });
    }
    const after = applyEdits(before, dedupeImportEdits(fileEdits));
    if (after === before) continue;
    changed.push({ file: rel(file), diff: unifiedDiff(before, after, `a/${rel(file)}`, `b/${rel(file)}`) });
    if (!opts.dryRun) writeFileSync(file, after, 'utf8');
  }
  changed.sort((a, b) => a.file.localeCompare(b.file));
  return { dir: root, dryRun: Boolean(opts.dryRun), filesScanned: files.length, classes, changed, unparsable };
}

/** Several classes in one file each ask for the ModelSelection import: keep one. */
function dedupeImportEdits(list: Edit[]): Edit[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.start}:${e.end}:${e.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
