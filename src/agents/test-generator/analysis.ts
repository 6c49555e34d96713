import type * as TS from 'typescript';
import ts from '../../typescript.js';
import type { RegexSource } from './regex-inputs.js';

/** A parameter's type, reduced to what input generation needs (from a TS annotation or a JSDoc tag). */
export type TypeShape =
  | { kind: 'string' | 'number' | 'boolean' | 'bigint' | 'null' | 'undefined' | 'any' | 'function' | 'date' | 'regexp' }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'array'; element: TypeShape }
  | { kind: 'tuple'; elements: TypeShape[] }
  | { kind: 'object'; props: Array<{ name: string; type: TypeShape; optional: boolean }> }
  | { kind: 'map' | 'set'; element: TypeShape }
  | { kind: 'union'; members: TypeShape[] };

export interface ParamInfo {
  name: string;
  type?: TypeShape;
  /** The default value's source text, e.g. `10` or `'utf8'`. */
  defaultText?: string;
  optional: boolean;
  rest: boolean;
  /** `typeof p === 'x'` checks found in the body: evidence for the parameter's type in untyped code. */
  typeofChecks: string[];
  /** Properties read from the parameter (`p.x`, `const { x } = p`): an options object's keys in untyped code. */
  propsRead: string[];
}

export interface FunctionInfo {
  name: string;
  /** The declared name when the module exports the function under another (`module.exports = repeat`). */
  localName?: string;
  params: ParamInfo[];
  isAsync: boolean;
  isGenerator: boolean;
  /** Branch points: if, ?:, case, &&, ||, ??, loops, catch. */
  branches: number;
  /** String and number literals in the body, and comparison constants with their neighbours. */
  literals: Array<string | number>;
  /** Regular expressions in the body (literals and `new RegExp('…')`): inputs are generated to match them. */
  regexes: RegexSource[];
  line: number;
}

export interface ClassInfo {
  name: string;
  ctorParams: ParamInfo[];
  methods: FunctionInfo[];
  staticMethods: FunctionInfo[];
  ctorBranches: number;
  literals: Array<string | number>;
  line: number;
}

export interface ModuleAnalysis {
  fileName: string;
  language: 'typescript' | 'javascript';
  /** exportName -> info; 'default' for the default export. */
  functions: FunctionInfo[];
  classes: ClassInfo[];
  /** Exported names that are neither functions nor classes (constants). */
  values: string[];
  /** ESM syntax (import/export) present. */
  hasEsmSyntax: boolean;
  /** module.exports / exports.x assignments present. */
  hasCjsExports: boolean;
  /** Source file imports (specifiers), for validation and the prompt. */
  imports: string[];
  /** Literals of the whole module (helpers the exports call compare against these too). */
  moduleLiterals: Array<string | number>;
  /** Regular expressions of the whole module. */
  moduleRegexes: RegexSource[];
  /** Built-in classes the module checks values against (`x instanceof Map`, `ctor === Date`, `ArrayBuffer.isView(x)`). */
  builtinChecks: string[];
  totalBranches: number;
}

const MAX_LITERALS = 24;

export function scriptKindFor(fileName: string): TS.ScriptKind {
  if (/\.tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/** Syntactic analysis only (no Program/type checker): fast enough for one module in a few milliseconds. */
export function analyzeSource(text: string, fileName: string): ModuleAnalysis {
  const kind = scriptKindFor(fileName);
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const typeDecls = collectTypeDeclarations(sf);
  const localFns = new Map<string, TS.FunctionLikeDeclaration>();
  const localClasses = new Map<string, TS.ClassLikeDeclaration>();
  const exported = new Map<string, string>(); // exportName -> localName
  let hasEsmSyntax = false;
  let hasCjsExports = false;
  const imports: string[] = [];
  const values = new Set<string>();
  /** `var a = b`: local names that stand for another local name. */
  const aliases = new Map<string, string>();

  const isExported = (n: TS.Node): boolean =>
    ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (n: TS.Node): boolean =>
    ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      hasEsmSyntax = true;
      imports.push(st.moduleSpecifier.text);
    } else if (ts.isFunctionDeclaration(st) && st.body) {
      const name = st.name?.text ?? 'default';
      localFns.set(name, st);
      if (isExported(st)) {
        hasEsmSyntax = true;
        exported.set(isDefault(st) ? 'default' : name, name);
      }
    } else if (ts.isClassDeclaration(st)) {
      const name = st.name?.text ?? 'default';
      localClasses.set(name, st);
      if (isExported(st)) {
        hasEsmSyntax = true;
        exported.set(isDefault(st) ? 'default' : name, name);
      }
    } else if (ts.isVariableStatement(st)) {
      const exp = isExported(st);
      if (exp) hasEsmSyntax = true;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        const init = d.initializer && skipParens(d.initializer);
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) localFns.set(d.name.text, init);
        else if (init && ts.isClassExpression(init)) localClasses.set(d.name.text, init);
        else if (exp) values.add(d.name.text);
        if (init && ts.isIdentifier(init)) aliases.set(d.name.text, init.text);
        if (exp) exported.set(d.name.text, d.name.text);
        if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require'
          && init.arguments[0] && ts.isStringLiteral(init.arguments[0])) imports.push(init.arguments[0].text);
      }
    } else if (ts.isExportDeclaration(st)) {
      hasEsmSyntax = true;
      if (st.moduleSpecifier) continue; // re-exports from other modules: tested where they are defined
      if (st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) exported.set(el.name.text, (el.propertyName ?? el.name).text);
      }
    } else if (ts.isExportAssignment(st)) {
      hasEsmSyntax = true;
      const e = skipParens(st.expression);
      if (ts.isIdentifier(e)) exported.set('default', e.text);
      else if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) {
        localFns.set('default', e);
        exported.set('default', 'default');
      }
    } else if (ts.isExpressionStatement(st)) {
      collectCjsExports(st.expression, exported, localFns, localClasses, () => (hasCjsExports = true));
    }
  }

  const functions: FunctionInfo[] = [];
  const classes: ClassInfo[] = [];
  // `var deepmerge_1 = deepmerge; module.exports = deepmerge_1` (rollup's CommonJS output): the export is the function
  const resolve = (name: string): string => {
    let cur = name;
    for (let hops = 0; hops < 8 && !localFns.has(cur) && !localClasses.has(cur) && aliases.has(cur); hops++) cur = aliases.get(cur)!;
    return cur;
  };
  for (const [exportName, exportedLocal] of exported) {
    const localName = resolve(exportedLocal);
    const fn = localFns.get(localName);
    const cls = localClasses.get(localName);
    if (fn) {
      const info = describeFunction(exportName, fn, sf, typeDecls);
      const declared = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : localName;
      if (declared !== exportName && /^[A-Za-z_$][\w$]*$/.test(declared) && declared !== 'default') info.localName = declared;
      functions.push(info);
    }
    else if (cls) classes.push(describeClass(exportName, cls, sf, typeDecls));
    else values.add(exportName);
  }
  for (const f of functions) values.delete(f.name);
  for (const c of classes) values.delete(c.name);
  const totalBranches = countBranches(sf);
  return {
    fileName,
    language: kind === ts.ScriptKind.TS || kind === ts.ScriptKind.TSX ? 'typescript' : 'javascript',
    functions,
    classes,
    values: [...values].filter((v) => exported.has(v)),
    hasEsmSyntax,
    hasCjsExports,
    imports,
    moduleLiterals: collectLiterals(sf, 40),
    moduleRegexes: collectRegexes(sf),
    builtinChecks: collectBuiltinChecks(sf),
    totalBranches,
  };
}

function skipParens(e: TS.Expression): TS.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

/** module.exports = fn | { a, b: c } | class; exports.x = ...; module.exports.x = ... */
function collectCjsExports(
  expr: TS.Expression,
  exported: Map<string, string>,
  fns: Map<string, TS.FunctionLikeDeclaration>,
  classes: Map<string, TS.ClassLikeDeclaration>,
  mark: () => void,
): void {
  if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = expr.left.getText();
  const right = skipParens(expr.right);
  const bindValue = (exportName: string, value: TS.Expression): void => {
    const v = skipParens(value);
    if (ts.isIdentifier(v)) exported.set(exportName, v.text);
    else if (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) {
      const local = `${exportName}`;
      fns.set(local, v);
      exported.set(exportName, local);
    } else if (ts.isClassExpression(v)) {
      classes.set(exportName, v);
      exported.set(exportName, exportName);
    } else exported.set(exportName, `\0value:${exportName}`);
  };
  if (target === 'module.exports') {
    mark();
    if (ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (ts.isShorthandPropertyAssignment(p)) exported.set(p.name.text, p.name.text);
        else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) bindValue(p.name.text, p.initializer);
        else if (ts.isMethodDeclaration(p) && ts.isIdentifier(p.name)) {
          fns.set(p.name.text, p);
          exported.set(p.name.text, p.name.text);
        }
      }
    } else {
      // the module itself is the export: it is the namespace's default under ESM interop
      bindValue('module.exports', right);
    }
    return;
  }
  const m = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
  if (m) {
    mark();
    bindValue(m[1]!, right);
  }
}

function collectTypeDeclarations(sf: TS.SourceFile): Map<string, TS.TypeNode | TS.InterfaceDeclaration> {
  const out = new Map<string, TS.TypeNode | TS.InterfaceDeclaration>();
  for (const st of sf.statements) {
    if (ts.isInterfaceDeclaration(st)) out.set(st.name.text, st);
    else if (ts.isTypeAliasDeclaration(st)) out.set(st.name.text, st.type);
  }
  // JSDoc @typedef {Object} Name with @property tags, in plain JS
  sf.forEachChild(function visit(node) {
    for (const tag of ts.getJSDocTags(node)) {
      if (ts.isJSDocTypedefTag(tag) && tag.name && ts.isIdentifier(tag.name) && tag.typeExpression) {
        out.set(tag.name.text, tag.typeExpression as unknown as TS.TypeNode);
      }
    }
  });
  return out;
}

function describeFunction(
  name: string,
  fn: TS.FunctionLikeDeclaration,
  sf: TS.SourceFile,
  types: Map<string, TS.TypeNode | TS.InterfaceDeclaration>,
): FunctionInfo {
  const mods = ts.canHaveModifiers(fn) ? ts.getModifiers(fn) ?? [] : [];
  return {
    name,
    params: fn.parameters.map((p) => describeParam(p, fn, types)),
    isAsync: mods.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword),
    isGenerator: !!fn.asteriskToken,
    branches: fn.body ? countBranches(fn.body) : 0,
    literals: fn.body ? collectLiterals(fn.body) : [],
    regexes: fn.body ? collectRegexes(fn.body) : [],
    line: sf.getLineAndCharacterOfPosition(fn.getStart(sf)).line + 1,
  };
}

function describeClass(
  name: string,
  cls: TS.ClassLikeDeclaration,
  sf: TS.SourceFile,
  types: Map<string, TS.TypeNode | TS.InterfaceDeclaration>,
): ClassInfo {
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  const methods: FunctionInfo[] = [];
  const staticMethods: FunctionInfo[] = [];
  for (const m of cls.members) {
    if (!ts.isMethodDeclaration(m) || !m.body || !ts.isIdentifier(m.name)) continue;
    const mods = ts.getModifiers(m) ?? [];
    if (mods.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword)) continue;
    if (m.name.text.startsWith('_')) continue;
    const info = describeFunction(m.name.text, m, sf, types);
    if (mods.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) staticMethods.push(info);
    else methods.push(info);
  }
  return {
    name,
    ctorParams: ctor ? ctor.parameters.map((p) => describeParam(p, ctor, types)) : [],
    methods,
    staticMethods,
    ctorBranches: ctor?.body ? countBranches(ctor.body) : 0,
    literals: ctor?.body ? collectLiterals(ctor.body) : [],
    line: sf.getLineAndCharacterOfPosition(cls.getStart(sf)).line + 1,
  };
}

function describeParam(
  p: TS.ParameterDeclaration,
  fn: TS.SignatureDeclaration,
  types: Map<string, TS.TypeNode | TS.InterfaceDeclaration>,
): ParamInfo {
  const name = ts.isIdentifier(p.name) ? p.name.text : p.name.getText();
  let typeNode: TS.TypeNode | undefined = p.type;
  if (!typeNode) {
    const tag = ts.getJSDocParameterTags(p)[0];
    typeNode = tag?.typeExpression?.type;
  }
  let type = typeNode ? shapeOf(typeNode, types, 0) : undefined;
  if (!typeNode && ts.isObjectBindingPattern(p.name)) {
    // a destructured options object: its keys, typed by their default values where there are any
    type = {
      kind: 'object',
      props: p.name.elements.filter((e) => ts.isIdentifier(e.name)).map((e) => ({
        name: ((e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName : e.name) as TS.Identifier).text,
        type: (e.initializer && shapeOfValue(e.initializer)) || { kind: 'any' as const },
        optional: !!e.initializer,
      })),
    };
  }
  if (!type && p.initializer) type = shapeOfValue(p.initializer);
  const body = (fn as TS.FunctionLikeDeclaration).body;
  return {
    name,
    type,
    defaultText: p.initializer?.getText(),
    optional: !!p.questionToken || !!p.initializer,
    rest: !!p.dotDotDotToken,
    typeofChecks: body && ts.isIdentifier(p.name) ? typeofChecksFor(p.name.text, body) : [],
    propsRead: body && ts.isIdentifier(p.name) ? propsReadFrom(p.name.text, body) : [],
  };
}

function shapeOfValue(e: TS.Expression): TypeShape | undefined {
  if (ts.isStringLiteralLike(e)) return { kind: 'string' };
  if (ts.isNumericLiteral(e) || (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand))) return { kind: 'number' };
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean' };
  if (ts.isArrayLiteralExpression(e)) return { kind: 'array', element: { kind: 'any' } };
  if (ts.isObjectLiteralExpression(e)) {
    const props = e.properties.filter(ts.isPropertyAssignment).filter((p) => ts.isIdentifier(p.name));
    return { kind: 'object', props: props.map((p) => ({ name: (p.name as TS.Identifier).text, type: shapeOfValue(p.initializer) ?? { kind: 'any' }, optional: true })) };
  }
  return undefined;
}

const KEYWORD_SHAPES: Partial<Record<TS.SyntaxKind, TypeShape>> = {
  [ts.SyntaxKind.StringKeyword]: { kind: 'string' },
  [ts.SyntaxKind.NumberKeyword]: { kind: 'number' },
  [ts.SyntaxKind.BooleanKeyword]: { kind: 'boolean' },
  [ts.SyntaxKind.BigIntKeyword]: { kind: 'bigint' },
  [ts.SyntaxKind.NullKeyword]: { kind: 'null' },
  [ts.SyntaxKind.UndefinedKeyword]: { kind: 'undefined' },
  [ts.SyntaxKind.VoidKeyword]: { kind: 'undefined' },
  [ts.SyntaxKind.AnyKeyword]: { kind: 'any' },
  [ts.SyntaxKind.UnknownKeyword]: { kind: 'any' },
  [ts.SyntaxKind.ObjectKeyword]: { kind: 'object', props: [] },
  [ts.SyntaxKind.JSDocAllType]: { kind: 'any' },
  [ts.SyntaxKind.JSDocUnknownType]: { kind: 'any' },
};

function shapeOf(node: TS.TypeNode, types: Map<string, TS.TypeNode | TS.InterfaceDeclaration>, depth: number): TypeShape {
  if (depth > 4) return { kind: 'any' };
  const kw = KEYWORD_SHAPES[node.kind];
  if (kw) return kw;
  if (ts.isParenthesizedTypeNode(node)) return shapeOf(node.type, types, depth);
  if (ts.isLiteralTypeNode(node)) {
    const l = node.literal;
    if (ts.isStringLiteral(l)) return { kind: 'literal', value: l.text };
    if (ts.isNumericLiteral(l)) return { kind: 'literal', value: Number(l.text) };
    if (ts.isPrefixUnaryExpression(l) && ts.isNumericLiteral(l.operand)) return { kind: 'literal', value: -Number(l.operand.text) };
    if (l.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'literal', value: true };
    if (l.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'literal', value: false };
    if (l.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null' };
  }
  if (ts.isUnionTypeNode(node)) return { kind: 'union', members: node.types.map((t) => shapeOf(t, types, depth + 1)) };
  if (ts.isArrayTypeNode(node)) return { kind: 'array', element: shapeOf(node.elementType, types, depth + 1) };
  if (ts.isTupleTypeNode(node)) return { kind: 'tuple', elements: node.elements.map((t) => shapeOf(ts.isNamedTupleMember(t) ? t.type : t, types, depth + 1)) };
  if (ts.isFunctionTypeNode(node) || ts.isJSDocFunctionType(node)) return { kind: 'function' };
  if (ts.isJSDocNullableType(node) || ts.isJSDocNonNullableType(node) || ts.isJSDocOptionalType(node)) return shapeOf(node.type, types, depth);
  if (ts.isTypeLiteralNode(node)) return objectShape(node.members, types, depth);
  if (ts.isJSDocTypeLiteral(node)) {
    return { kind: 'object', props: (node.jsDocPropertyTags ?? []).map((t) => ({ name: t.name.getText(), type: t.typeExpression ? shapeOf(t.typeExpression.type, types, depth + 1) : { kind: 'any' as const }, optional: t.isBracketed })) };
  }
  if (ts.isTypeReferenceNode(node)) {
    const n = node.typeName.getText();
    const args = node.typeArguments ?? [];
    if (n === 'Array' || n === 'ReadonlyArray') return { kind: 'array', element: args[0] ? shapeOf(args[0], types, depth + 1) : { kind: 'any' } };
    if (n === 'Date') return { kind: 'date' };
    if (n === 'RegExp') return { kind: 'regexp' };
    if (n === 'Function') return { kind: 'function' };
    if (n === 'Map' || n === 'ReadonlyMap') return { kind: 'map', element: args[1] ? shapeOf(args[1], types, depth + 1) : { kind: 'any' } };
    if (n === 'Set' || n === 'ReadonlySet') return { kind: 'set', element: args[0] ? shapeOf(args[0], types, depth + 1) : { kind: 'any' } };
    if (n === 'Record' || n === 'Object') return { kind: 'object', props: [] };
    if (n === 'String') return { kind: 'string' };
    if (n === 'Number') return { kind: 'number' };
    if (n === 'Boolean') return { kind: 'boolean' };
    if (n === 'Promise' && args[0]) return shapeOf(args[0], types, depth + 1);
    const decl = types.get(n);
    if (decl) {
      if (ts.isInterfaceDeclaration(decl)) return objectShape(decl.members, types, depth);
      return shapeOf(decl, types, depth + 1);
    }
  }
  if (ts.isTypeOperatorNode(node)) return shapeOf(node.type, types, depth);
  return { kind: 'any' };
}

function objectShape(members: TS.NodeArray<TS.TypeElement>, types: Map<string, TS.TypeNode | TS.InterfaceDeclaration>, depth: number): TypeShape {
  const props: Array<{ name: string; type: TypeShape; optional: boolean }> = [];
  for (const m of members) {
    if (ts.isPropertySignature(m) && m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) {
      props.push({ name: m.name.text, type: m.type ? shapeOf(m.type, types, depth + 1) : { kind: 'any' }, optional: !!m.questionToken });
    }
  }
  return { kind: 'object', props };
}

const BRANCH_KINDS = new Set([
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ConditionalExpression,
  ts.SyntaxKind.CaseClause,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.CatchClause,
]);

export function countBranches(node: TS.Node): number {
  let n = 0;
  const visit = (x: TS.Node): void => {
    if (BRANCH_KINDS.has(x.kind)) n++;
    else if (ts.isBinaryExpression(x)) {
      const op = x.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) n++;
    }
    ts.forEachChild(x, visit);
  };
  visit(node);
  return n;
}

const COMPARISONS = new Set([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

function numberOf(e: TS.Expression, consts?: ReadonlyMap<string, number>): number | undefined {
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  if (consts && ts.isIdentifier(e)) return consts.get(e.text);
  return undefined;
}

const FOLDABLE = new Map<TS.SyntaxKind, (a: number, b: number) => number>([
  [ts.SyntaxKind.PlusToken, (a, b) => a + b],
  [ts.SyntaxKind.MinusToken, (a, b) => a - b],
  [ts.SyntaxKind.AsteriskToken, (a, b) => a * b],
  [ts.SyntaxKind.SlashToken, (a, b) => a / b],
  [ts.SyntaxKind.AsteriskAsteriskToken, (a, b) => a ** b],
]);

function fold(e: TS.Expression, consts: ReadonlyMap<string, number>): number | undefined {
  if (ts.isParenthesizedExpression(e)) return fold(e.expression, consts);
  if (ts.isBinaryExpression(e)) {
    const op = FOLDABLE.get(e.operatorToken.kind);
    const a = op && fold(e.left, consts);
    const b = op && a !== undefined ? fold(e.right, consts) : undefined;
    return op && a !== undefined && b !== undefined ? op(a, b) : undefined;
  }
  return numberOf(e, consts);
}

const foldedCache = new WeakMap<TS.SourceFile, Map<string, number>>();

/**
 * The module's top-level numeric constants, folded (`var s = 1000; var m = s * 60; var d = m * 60 * 24`): a
 * comparison with one of them (`msAbs >= d`) is a boundary like one with a literal. Only names declared once.
 */
function foldedConstants(sf: TS.SourceFile): Map<string, number> {
  const cached = foldedCache.get(sf);
  if (cached) return cached;
  const out = new Map<string, number>();
  const twice = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name)) continue;
      const name = d.name.text;
      if (out.has(name)) twice.add(name);
      const v = d.initializer ? fold(d.initializer, out) : undefined;
      if (v !== undefined && Number.isFinite(v)) out.set(name, v);
    }
  }
  for (const n of twice) out.delete(n);
  foldedCache.set(sf, out);
  return out;
}

/**
 * Literals that matter for inputs: comparison constants, literal or the module's folded constants (and their
 * neighbours for < / >), case labels, strings.
 */
export function collectLiterals(body: TS.Node, max = MAX_LITERALS): Array<string | number> {
  const out: Array<string | number> = [];
  const add = (v: string | number): void => {
    if (out.length < max * 2 && !out.some((x) => Object.is(x, v))) out.push(v);
  };
  const sf = body.getSourceFile() as TS.SourceFile | undefined;
  const consts = sf ? foldedConstants(sf) : undefined;
  const visit = (x: TS.Node): void => {
    if (ts.isBinaryExpression(x) && COMPARISONS.has(x.operatorToken.kind)) {
      for (const side of [x.left, x.right]) {
        const n = numberOf(side, consts);
        if (n !== undefined) {
          add(n);
          if (x.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && x.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsToken) {
            add(n + 1);
            add(n - 1);
          }
        } else if (ts.isStringLiteralLike(side) && !isTypeofComparison(x)) add(side.text);
      }
    } else if (ts.isCaseClause(x)) {
      const n = numberOf(x.expression, consts);
      if (n !== undefined) add(n);
      else if (ts.isStringLiteralLike(x.expression)) add(x.expression.text);
    } else if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression)
      && ['startsWith', 'endsWith', 'includes', 'indexOf', 'has', 'get'].includes(x.expression.name.text)) {
      const a = x.arguments[0];
      if (a && ts.isStringLiteralLike(a)) add(a.text);
    }
    ts.forEachChild(x, visit);
  };
  visit(body);
  return out.slice(0, max);
}

/** Regex literals and `new RegExp('literal', 'flags')` / `RegExp('literal')`, in source order. */
export function collectRegexes(body: TS.Node, max = 16): RegexSource[] {
  const out: RegexSource[] = [];
  const visit = (x: TS.Node): void => {
    if (out.length >= max) return;
    if (x.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = (x as TS.RegularExpressionLiteral).text;
      const end = text.lastIndexOf('/');
      out.push({ pattern: text.slice(1, end), flags: text.slice(end + 1) });
    } else if ((ts.isNewExpression(x) || ts.isCallExpression(x)) && ts.isIdentifier(x.expression) && x.expression.text === 'RegExp') {
      const [p, f] = x.arguments ?? [];
      if (p && ts.isStringLiteralLike(p)) out.push({ pattern: p.text, flags: f && ts.isStringLiteralLike(f) ? f.text : '' });
    }
    ts.forEachChild(x, visit);
  };
  visit(body);
  return out.filter((r, i) => out.findIndex((o) => o.pattern === r.pattern && o.flags === r.flags) === i);
}

/** In builtinChecks: the module tells plain objects from instances of a class (`x.constructor !== Object`). */
export const CLASS_INSTANCE = 'class instance';

function isConstructorRead(e: TS.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.name.text === 'constructor';
}

/** Built-in classes whose instances get their own code paths. */
export const CHECKABLE_BUILTINS = ['Date', 'RegExp', 'Map', 'Set', 'WeakMap', 'WeakSet', 'ArrayBuffer', 'DataView', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'Uint8ClampedArray', 'Promise', 'Error', 'Buffer', 'Symbol', 'Array'] as const;

/**
 * Built-ins the module compares values with: `x instanceof C`, `x.constructor === C`, `ctor === C`, `C.isView(x)`,
 * `Object.prototype.toString` tags (`'[object Map]'`), Buffer.isBuffer, constructor names switched on; and
 * CLASS_INSTANCE for `x.constructor !== Object`. Inputs then include instances of them.
 */
export function collectBuiltinChecks(sf: TS.Node): string[] {
  const out = new Set<string>();
  const known = new Set<string>(CHECKABLE_BUILTINS);
  const visit = (x: TS.Node): void => {
    if (ts.isBinaryExpression(x)) {
      const op = x.operatorToken.kind;
      if (op === ts.SyntaxKind.InstanceOfKeyword || COMPARISONS.has(op)) {
        for (const side of [x.left, x.right]) if (ts.isIdentifier(side) && known.has(side.text)) out.add(side.text);
        // `x.constructor !== Object`: plain objects and instances of a class take different paths
        if (COMPARISONS.has(op) && isConstructorRead(x.left) !== isConstructorRead(x.right) && [x.left, x.right].some((e) => ts.isIdentifier(e) && e.text === 'Object')) out.add(CLASS_INSTANCE);
      }
    } else if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && ts.isIdentifier(x.expression.expression)) {
      const obj = x.expression.expression.text;
      const m = x.expression.name.text;
      if (obj === 'ArrayBuffer' && m === 'isView') out.add('Uint8Array').add('DataView');
      if (obj === 'Buffer' && m === 'isBuffer') out.add('Buffer');
    } else if (ts.isStringLiteralLike(x)) {
      const m = /^\[object (\w+)\]$/.exec(x.text);
      if (m && known.has(m[1]!)) out.add(m[1]!);
      // a constructor's name compared with or switched on (`case 'Map':`, `name === 'Set'`): kind-of's way
      else if (known.has(x.text) && isComparedName(x)) out.add(x.text);
    }
    ts.forEachChild(x, visit);
  };
  visit(sf);
  out.delete('Array');
  return [...out];
}

function isComparedName(x: TS.Node): boolean {
  const p = x.parent;
  if (!p) return false;
  if (ts.isCaseClause(p)) return p.expression === x;
  return ts.isBinaryExpression(p) && COMPARISONS.has(p.operatorToken.kind);
}

function isTypeofComparison(x: TS.BinaryExpression): boolean {
  return ts.isTypeOfExpression(x.left) || ts.isTypeOfExpression(x.right);
}

/** A nested function that declares its own `name` (a parameter): what it does with `name` is not about ours. */
function shadows(x: TS.Node, name: string): boolean {
  return ts.isFunctionLike(x) && x.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name);
}

function typeofChecksFor(param: string, body: TS.Node): string[] {
  const out = new Set<string>();
  const visit = (x: TS.Node): void => {
    if (shadows(x, param)) return;
    if (ts.isBinaryExpression(x) && isTypeofComparison(x)) {
      const t = ts.isTypeOfExpression(x.left) ? x.left : (x.right as TS.TypeOfExpression);
      const other = t === x.left ? x.right : x.left;
      if (ts.isIdentifier(t.expression) && t.expression.text === param && ts.isStringLiteralLike(other)) out.add(other.text);
    } else if (ts.isCallExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === param) {
      out.add('function'); // the parameter is called: a callback
    } else if (ts.isCallExpression(x) && x.arguments.length === 1 && ts.isIdentifier(x.arguments[0]!) && (x.arguments[0] as TS.Identifier).text === param) {
      const callee = x.expression.getText();
      if (callee === 'Array.isArray') out.add('array');
      else if (callee === 'Number.isFinite' || callee === 'Number.isInteger' || callee === 'isFinite' || callee === 'isNaN') out.add('number');
    } else if (ts.isPropertyAccessExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === param) {
      const n = x.name.text;
      if (['toUpperCase', 'toLowerCase', 'trim', 'charAt', 'charCodeAt', 'replace', 'split', 'padStart', 'startsWith', 'endsWith'].includes(n)) out.add('string');
      else if (['map', 'filter', 'reduce', 'forEach', 'push', 'some', 'every', 'join'].includes(n)) out.add('array');
      else if (['toFixed', 'toPrecision'].includes(n)) out.add('number');
      else if (n === 'length') out.add('length');
    }
    ts.forEachChild(x, visit);
  };
  visit(body);
  return [...out];
}

const METHOD_NAMES = new Set(['length', 'toString', 'valueOf', 'constructor', 'hasOwnProperty', 'map', 'filter', 'reduce', 'forEach', 'join', 'split', 'slice', 'trim', 'replace', 'toUpperCase', 'toLowerCase', 'indexOf', 'includes', 'push', 'charAt', 'charCodeAt', 'startsWith', 'endsWith', 'match', 'test', 'some', 'every', 'keys', 'then']);

function propsReadFrom(param: string, body: TS.Node): string[] {
  const out = new Set<string>();
  const visit = (x: TS.Node): void => {
    if (shadows(x, param)) return;
    if (ts.isPropertyAccessExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === param && !METHOD_NAMES.has(x.name.text)) {
      if (!(ts.isCallExpression(x.parent) && x.parent.expression === x)) out.add(x.name.text);
    } else if (ts.isVariableDeclaration(x) && x.initializer && ts.isIdentifier(x.initializer) && x.initializer.text === param && ts.isObjectBindingPattern(x.name)) {
      for (const el of x.name.elements) if (ts.isIdentifier(el.name)) out.add((el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName : el.name).text);
    }
    ts.forEachChild(x, visit);
  };
  visit(body);
  return [...out].slice(0, 8);
}
