import { createRequire } from 'node:module';
import type * as BabelParser from '@babel/parser';
import type { ParseResult, ParserPlugin } from '@babel/parser';
import type * as B from '@babel/types';
import { scanCode } from './scan.js';
import { AUTH_WORDS, LOCK_METHODS, LOCK_WORDS, identifierPhrase, splitIdentifier } from './words.js';

/**
 * The parser, loaded with require() like the TypeScript compiler was (src/typescript.ts): an ESM import of its
 * CommonJS bundle makes Node scan it for named exports first, ~35 ms and ~10 MB of RSS at start.
 */
const { parse, parseExpression }: typeof BabelParser = createRequire(import.meta.url)('@babel/parser');

/** What one JS/TS file contains, measured on its syntax tree (no type checking, no I/O). */
export interface CodeFacts {
  path: string;
  lines: number;
  /** Lines that are not blank, comments, or inside constant data tables. */
  logicLines: number;
  functions: number;
  classes: number;
  /** Methods and accessors of classes and object literals. */
  methods: number;
  /** Fields written by methods (outside constructors): the object carries state between calls. */
  mutatedFields: string[];
  /** McCabe: 1 + branches (if, ?:, case, loops, catch) per function; `&&`/`||`/`??` counted separately. */
  cyclomatic: number;
  maxFunctionCyclomatic: number;
  logicalOperators: number;
  maxNesting: number;
  asyncFunctions: number;
  awaits: number;
  promiseCombinators: string[];
  promiseConstructions: number;
  /** Promise resolvers stored in fields (wait queues, signals) to be called by other methods. */
  parkedResolvers: number;
  timers: number;
  tryCatches: number;
  /** Calls of async methods whose promise is neither awaited nor returned nor voided, inside a loop. */
  floatingAsyncInLoop: number;
  /** Module-level `let` bindings written inside functions. */
  sharedModuleLets: string[];
  /** Class fields written (assigned or mutated through add/set/push/delete) inside async methods. */
  fieldsMutatedInAsync: string[];
  lockPrimitives: string[];
  atomics: boolean;
  io: string[];
  httpHandlers: number;
  crypto: string[];
  weakHashes: string[];
  authWords: string[];
  injectionSinks: string[];
  sql: { statements: number; interpolated: boolean; locking: boolean };
  switchMaxCases: number;
  stateAssignments: number;
  /** Relative import specifiers (cross-file dependencies). */
  relativeImports: string[];
  imports: string[];
  /** Identifiers and string text, split into words, for vocabulary matching. */
  words: string;
  parseErrors: number;
}

const CODE_EXT = /\.(m|c)?[jt]sx?$/i;
export function isCodeFile(path: string): boolean {
  return CODE_EXT.test(path);
}

const IO_MODULES: Record<string, string> = {
  fs: 'filesystem', 'fs/promises': 'filesystem', net: 'network sockets', dgram: 'network sockets', tls: 'network sockets',
  http: 'http', https: 'http', http2: 'http', axios: 'http', 'node-fetch': 'http', undici: 'http', got: 'http',
  ws: 'websocket', 'socket.io': 'websocket', pg: 'database', mysql: 'database', mysql2: 'database', mongodb: 'database',
  mongoose: 'database', 'better-sqlite3': 'database', sqlite3: 'database', knex: 'database', '@prisma/client': 'database',
  typeorm: 'database', sequelize: 'database', redis: 'cache', ioredis: 'cache', kafkajs: 'message broker',
  amqplib: 'message broker', child_process: 'processes', worker_threads: 'threads', cluster: 'processes',
};
const CRYPTO_MODULES = new Set(['crypto', 'jsonwebtoken', 'jose', 'bcrypt', 'bcryptjs', 'argon2', 'scrypt-js', 'tweetnacl', 'node-forge']);
const CRYPTO_CALLS = new Set([
  'createhash', 'createhmac', 'createcipheriv', 'createdecipheriv', 'createsign', 'createverify', 'randombytes',
  'timingsafeequal', 'pbkdf2', 'pbkdf2sync', 'scrypt', 'scryptsync', 'generatekeypair', 'publicencrypt', 'privatedecrypt',
]);
const CRYPTO_OBJECTS = new Set(['jwt', 'bcrypt', 'argon2', 'jose', 'crypto', 'subtle']);
const TIMER_CALLS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'nextTick']);
const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);
const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'route', 'all', 'head', 'options']);
const HTTP_SERVERS = new Set(['app', 'router', 'server', 'fastify', 'api', 'r']);
const DB_METHODS = new Set(['query', 'execute', 'findOne', 'findMany', 'insert', 'update', 'upsert', 'transaction', 'commit', 'rollback']);
const MUTATING_METHODS = new Set(['add', 'set', 'delete', 'push', 'pop', 'shift', 'unshift', 'splice', 'clear']);
const SQL = /\b(select\s[\s\S]*?\bfrom|insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+table)\b/i;
const SQL_LOCKING = /\bfor\s+update\b|\bskip\s+locked\b|\bon\s+conflict\b|\bfor\s+share\b|pg_advisory|\bserializable\b/i;

function moduleName(spec: string): string {
  const s = spec.replace(/^node:/, '');
  if (s.startsWith('@')) return s.split('/').slice(0, 2).join('/');
  return s === 'fs/promises' ? s : s.split('/')[0];
}

type Member = B.MemberExpression | B.OptionalMemberExpression;
type Call = B.CallExpression | B.OptionalCallExpression;

/** `a.b`, `a?.b` or `this.#b`, not `a[b]`: a property access by name. */
function isPropertyAccess(n: B.Node | null | undefined): n is Member {
  return !!n && (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && !n.computed;
}

/** The accessed name: `b` in `a.b`, `#b` in `this.#b` (as the TypeScript compiler spells a private name). */
function propertyName(m: Member): string {
  const p = m.property;
  return p.type === 'Identifier' ? p.name : p.type === 'PrivateName' ? `#${p.id.name}` : '';
}

function isCall(n: B.Node | null | undefined): n is Call {
  return !!n && (n.type === 'CallExpression' || n.type === 'OptionalCallExpression');
}

function calleeParts(expr: B.Node): { object?: string; name?: string } {
  if (expr.type === 'Identifier') return { name: expr.name };
  if (isPropertyAccess(expr)) {
    const obj = expr.object;
    const object = obj.type === 'Identifier'
      ? obj.name
      : isPropertyAccess(obj)
        ? propertyName(obj)
        : obj.type === 'ThisExpression'
          ? 'this'
          : undefined;
    return { object, name: propertyName(expr) };
  }
  return {};
}

/**
 * Functions, methods, constructors and accessors, with or without a body (overloads, abstract and declared
 * methods count). Accessor signatures of interfaces and type literals count too, method signatures do not.
 */
type FunctionLike =
  | B.FunctionDeclaration
  | B.TSDeclareFunction
  | B.FunctionExpression
  | B.ArrowFunctionExpression
  | B.ClassMethod
  | B.ClassPrivateMethod
  | B.ObjectMethod
  | B.TSDeclareMethod
  | B.TSMethodSignature;

function asFunctionLike(n: B.Node): FunctionLike | undefined {
  switch (n.type) {
    case 'FunctionDeclaration':
    case 'TSDeclareFunction':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ClassMethod':
    case 'ClassPrivateMethod':
    case 'ObjectMethod':
    case 'TSDeclareMethod':
      return n;
    case 'TSMethodSignature':
      return n.kind === 'method' ? undefined : n;
    default:
      return undefined;
  }
}

/** A method or accessor, not a constructor and not a plain function. */
function isMethod(n: FunctionLike): boolean {
  switch (n.type) {
    case 'ClassMethod':
    case 'ClassPrivateMethod':
    case 'ObjectMethod':
    case 'TSDeclareMethod':
    case 'TSMethodSignature':
      return n.kind !== 'constructor';
    default:
      return false;
  }
}

function isAsync(n: FunctionLike): boolean {
  return n.type !== 'TSMethodSignature' && n.async === true;
}

/** The plain name of a function declaration or a method (not an accessor, constructor, computed or private name). */
function declaredName(n: FunctionLike): string | undefined {
  switch (n.type) {
    case 'FunctionDeclaration':
    case 'TSDeclareFunction':
      return n.id?.name;
    case 'ClassMethod':
    case 'ObjectMethod':
    case 'TSDeclareMethod':
      return n.kind === 'method' && !n.computed && n.key.type === 'Identifier' ? n.key.name : undefined;
    default:
      return undefined;
  }
}

/** Prefix operators that keep a literal constant (`-1`, `!0`); `typeof`, `void` and `delete` do not. */
const CONSTANT_PREFIX = new Set(['-', '+', '!', '~']);

/** True when a literal tree holds only constants (a lookup table, not logic). */
function isConstantData(n: B.Node | null): boolean {
  if (!n) return false; // an array hole
  switch (n.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return true;
    case 'TemplateLiteral':
      return n.expressions.length === 0;
    case 'UnaryExpression':
      return CONSTANT_PREFIX.has(n.operator) && isConstantData(n.argument);
    case 'ArrayExpression':
      return n.elements.every(isConstantData);
    case 'ObjectExpression':
      return n.properties.every((p) => p.type === 'ObjectProperty' && !p.shorthand && isConstantData(p.value));
    // An assignment pattern written as a literal (`[a, b] = pair`) holds targets, never constants.
    case 'ArrayPattern':
      return n.elements.length === 0;
    case 'ObjectPattern':
      return n.properties.length === 0;
    case 'TSAsExpression':
      return isConstantData(n.expression);
    default:
      return false;
  }
}

/** Syntax the TypeScript compiler reads in every file: decorators, `accessor` fields, `import ... assert {}`. */
const COMMON_PLUGINS: ParserPlugin[] = ['decorators', 'decoratorAutoAccessors', 'deprecatedImportAssert'];

const JS_EXT = /\.(m|c)?jsx?$/i;

function parserPlugins(path: string): ParserPlugin[] {
  const p = path.toLowerCase();
  if (p.endsWith('.tsx')) return ['typescript', 'jsx', ...COMMON_PLUGINS];
  if (JS_EXT.test(p)) return ['jsx', ...COMMON_PLUGINS];
  return [['typescript', { dts: p.endsWith('.d.ts') }], ...COMMON_PLUGINS];
}

function tryParse(content: string, plugins: ParserPlugin[]): ParseResult<B.File> | undefined {
  try {
    return parse(content, {
      sourceType: 'module',
      plugins,
      errorRecovery: true,
      // The walk below reproduces the TypeScript compiler's syntax tree, which keeps parentheses.
      createParenthesizedExpressions: true,
      attachComment: false,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      allowUndeclaredExports: true,
      allowNewTargetOutsideFunction: true,
      allowSuperOutsideMethod: true,
    });
  } catch {
    return undefined;
  }
}

/**
 * The file's syntax tree as analyzeCode reads it, or undefined when the parser cannot recover from its errors.
 * A JavaScript file the parser gives up on is read again with TypeScript syntax, as the TypeScript compiler
 * also reads type annotations in JavaScript files.
 */
export function parseSyntaxTree(path: string, content: string): ParseResult<B.File> | undefined {
  const plugins = parserPlugins(path);
  return tryParse(content, plugins) ?? (JS_EXT.test(path) ? tryParse(content, ['typescript', ...plugins]) : undefined);
}

function isNode(v: unknown): v is B.Node {
  return typeof (v as { type?: unknown } | null)?.type === 'string';
}

/**
 * A node's child nodes in source order (the order of the TypeScript compiler's forEachChild): every field
 * holding a node or an array of nodes. `loc` and `extra` hold objects without a `type`; comments are not
 * attached (attachComment: false) and skipped anyway.
 */
function childNodes(node: B.Node): B.Node[] {
  const out: B.Node[] = [];
  const fields = node as unknown as Record<string, unknown>;
  let sorted = true;
  let last = -1;
  for (const key of Object.keys(fields)) {
    const v = fields[key];
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      if (key.endsWith('Comments')) continue;
      for (const e of v) {
        if (!isNode(e)) continue;
        const at = e.start ?? 0;
        if (at < last) sorted = false;
        last = at;
        out.push(e);
      }
    } else if (isNode(v)) {
      const at = v.start ?? 0;
      if (at < last) sorted = false;
      last = at;
      out.push(v);
    }
  }
  if (!sorted) out.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return out;
}

/** Whitespace the TypeScript scanner skips as trivia. */
function isTriviaSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

interface FnFrame {
  cc: number;
  async: boolean;
  /** A method or accessor (not a constructor): its writes to `this` change an object's state. */
  method: boolean;
}

/** Parses and walks one file. Never throws on bad syntax: the parser recovers and parse errors are counted. */
export function analyzeCode(path: string, content: string): CodeFacts {
  const ast = parseSyntaxTree(path, content);
  // Syntax the parser cannot recover from: the lexical scan still measures the file.
  if (!ast) return { ...scanCode(path, content), parseErrors: 1 };
  const program = ast.program;
  const facts: CodeFacts = {
    path,
    lines: 0,
    logicLines: 0,
    functions: 0,
    classes: 0,
    methods: 0,
    mutatedFields: [],
    cyclomatic: 0,
    maxFunctionCyclomatic: 0,
    logicalOperators: 0,
    maxNesting: 0,
    asyncFunctions: 0,
    awaits: 0,
    promiseCombinators: [],
    promiseConstructions: 0,
    parkedResolvers: 0,
    timers: 0,
    tryCatches: 0,
    floatingAsyncInLoop: 0,
    sharedModuleLets: [],
    fieldsMutatedInAsync: [],
    lockPrimitives: [],
    atomics: false,
    io: [],
    httpHandlers: 0,
    crypto: [],
    weakHashes: [],
    authWords: [],
    injectionSinks: [],
    sql: { statements: 0, interpolated: false, locking: false },
    switchMaxCases: 0,
    stateAssignments: 0,
    relativeImports: [],
    imports: [],
    words: '',
    parseErrors: ast.errors?.length ?? 0,
  };
  // Comments by where they end, to find where the trivia before a node starts (see fullStart).
  const commentStarts = new Map<number, number>();
  for (const c of ast.comments ?? []) commentStarts.set(c.end ?? 0, c.start ?? 0);
  if (program.interpreter) commentStarts.set(program.interpreter.end ?? 0, 0);
  /** Where a node starts with the whitespace and comments before it: the end of the previous token. */
  const fullStart = (start: number) => {
    let p = start;
    for (;;) {
      while (p > 0 && isTriviaSpace(content.charCodeAt(p - 1))) p--;
      const c = commentStarts.get(p);
      if (c === undefined || c >= p) return p;
      p = c;
    }
  };
  const io = new Set<string>();
  const crypto = new Set<string>();
  const weak = new Set<string>();
  const auth = new Set<string>();
  const sinks = new Set<string>();
  const locks = new Set<string>();
  const combinators = new Set<string>();
  const moduleLets = new Set<string>();
  const writtenLets = new Set<string>();
  const asyncFields = new Set<string>();
  const mutated = new Set<string>();
  const acquireMethods: string[] = [];
  const releaseMethods: string[] = [];
  const asyncMethodNames = new Set<string>();
  // Distinct identifier and string phrases (words inside one phrase stay adjacent for phrase matching).
  const phrases = new Set<string>();
  const dataLines = new Set<number>();
  // Nodes whose meaning depends on their parent, marked when the parent is visited.
  /** Patterns on the left of an assignment expression: literals whose `x = 1` elements are assignments. */
  const assignedPatterns = new Set<B.Node>();
  /** Template literal types with substitutions: not strings. */
  const templateTypes = new Set<B.Node>();
  /** JSX attribute values: their text is taken as written (no escapes, no entities). */
  const jsxStrings = new Set<B.Node>();
  /** `this` as a JSX tag name (a keyword, not an identifier). */
  const jsxThis = new Set<B.Node>();
  let lineStarts: number[] | undefined;
  const lineOf = (pos: number) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let at = content.indexOf('\n'); at !== -1; at = content.indexOf('\n', at + 1)) lineStarts.push(at + 1);
    }
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // Names of async methods and module-level lets first, so later checks can refer to them.
  for (const statement of program.body) {
    const st = (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && statement.declaration
      ? statement.declaration
      : statement;
    if (st.type === 'VariableDeclaration' && st.kind === 'let') {
      for (const d of st.declarations) if (d.id.type === 'Identifier') moduleLets.add(d.id.name);
    }
    if (st.type === 'ClassDeclaration') {
      for (const m of st.body.body) {
        if ((m.type === 'ClassMethod' || m.type === 'TSDeclareMethod') && m.kind === 'method' && m.async && !m.computed && m.key.type === 'Identifier') {
          asyncMethodNames.add(m.key.name);
        }
      }
    }
  }

  const fnStack: FnFrame[] = [];
  const addWords = (text: string) => {
    if (phrases.size < 4000) phrases.add(identifierPhrase(text));
  };
  const bumpCc = (n = 1) => {
    if (fnStack.length) fnStack[fnStack.length - 1].cc += n;
    else facts.cyclomatic += n;
  };

  const recordString = (text: string, interpolated: boolean) => {
    if (text.length > 2) addWords(text.slice(0, 200));
    if (SQL.test(text)) {
      facts.sql.statements++;
      if (interpolated) facts.sql.interpolated = true;
      if (SQL_LOCKING.test(text)) facts.sql.locking = true;
    }
  };

  const writeTarget = (target: B.Node) => {
    if (target.type === 'Identifier' && moduleLets.has(target.name) && fnStack.length) writtenLets.add(target.name);
    if (!isPropertyAccess(target)) return;
    const name = propertyName(target);
    const onThis = target.object.type === 'ThisExpression';
    const top = fnStack[fnStack.length - 1];
    if (top?.async && onThis) asyncFields.add(name);
    if (/^(state|status|phase|mode)$/i.test(name)) facts.stateAssignments++;
    if (onThis && fnStack.some((f) => f.method)) mutated.add(name);
  };

  /** Marks a pattern that is an assignment target, so its defaults (`[a = 1] = xs`) count as assignments. */
  const markAssigned = (n: B.Node | null | undefined) => {
    if (n && (n.type === 'ArrayPattern' || n.type === 'ObjectPattern' || n.type === 'AssignmentPattern')) assignedPatterns.add(n);
  };

  const cookedText = (q: B.TemplateElement) => q.value.cooked ?? q.value.raw;
  const textOf = (n: B.Node) => content.slice(n.start ?? 0, n.end ?? 0);

  const visitChildren = (node: B.Node, nesting: number, skip?: B.Node) => {
    for (const c of childNodes(node)) if (c !== skip) visit(c, nesting);
  };

  const visit = (node: B.Node, nesting: number): void => {
    let childNesting = nesting;
    switch (node.type) {
      case 'ImportDeclaration':
        noteImport(node.source.value);
        break;
      case 'IfStatement':
      case 'CatchClause':
        bumpCc();
        childNesting++;
        if (node.type === 'CatchClause') facts.tryCatches++;
        break;
      case 'ConditionalExpression':
        bumpCc();
        break;
      case 'SwitchCase':
        if (node.test) bumpCc(); // not `default:`
        break;
      case 'SwitchStatement':
        childNesting++;
        facts.switchMaxCases = Math.max(facts.switchMaxCases, node.cases.length);
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        markAssigned(node.left);
        bumpCc();
        childNesting++;
        break;
      case 'ForStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        bumpCc();
        childNesting++;
        break;
      case 'LogicalExpression':
        facts.logicalOperators++;
        break;
      case 'AssignmentExpression':
        markAssigned(node.left);
        writeTarget(node.left);
        break;
      case 'AssignmentPattern':
        if (assignedPatterns.has(node)) {
          markAssigned(node.left);
          writeTarget(node.left);
        }
        break;
      case 'ArrayPattern':
      case 'ObjectPattern':
        if (!assignedPatterns.has(node)) break;
        if (node.type === 'ArrayPattern') {
          for (const e of node.elements) markAssigned(e?.type === 'RestElement' ? e.argument : e);
        } else {
          for (const p of node.properties) {
            if (p.type === 'RestElement') markAssigned(p.argument);
            // `{ a = 1 } = o` is a shorthand with a default, not an assignment; `{ a: b = 1 } = o` assigns b.
            else if (!(p.shorthand && p.value.type === 'AssignmentPattern')) markAssigned(p.value);
          }
        }
        if (isTable(node)) return;
        break;
      case 'UpdateExpression':
        writeTarget(node.argument);
        break;
      case 'AwaitExpression':
        facts.awaits++;
        break;
      case 'ClassDeclaration':
      case 'ClassExpression': {
        facts.classes++;
        const name = node.id?.name;
        if (name) for (const w of splitIdentifier(name)) if (LOCK_WORDS.has(w)) locks.add(name);
        break;
      }
      case 'StringLiteral':
        recordString(jsxStrings.has(node) ? content.slice((node.start ?? 0) + 1, (node.end ?? 0) - 1) : node.value, false);
        break;
      case 'DirectiveLiteral':
        recordString(directiveText(node), false);
        break;
      case 'TSLiteralType':
        if (node.literal.type === 'TemplateLiteral' && node.literal.expressions.length) templateTypes.add(node.literal);
        break;
      case 'TemplateLiteral':
        if (templateTypes.has(node)) break;
        if (node.expressions.length === 0) recordString(cookedText(node.quasis[0]), false);
        else recordString(cookedText(node.quasis[0]) + node.quasis.slice(1).map((q) => ' x ' + cookedText(q)).join(''), true);
        break;
      case 'Identifier':
        if (node.decorators?.length) {
          // Decorators of a parameter come before its name.
          for (const d of node.decorators) visit(d, childNesting);
          addWords(node.name);
          facts.maxNesting = Math.max(facts.maxNesting, childNesting);
          for (const c of childNodes(node)) if (!node.decorators.includes(c as B.Decorator)) visit(c, childNesting);
          return;
        }
        addWords(node.name);
        break;
      case 'JSXIdentifier':
        if (!jsxThis.has(node)) addWords(node.name);
        break;
      case 'JSXOpeningElement':
      case 'JSXClosingElement':
      case 'JSXMemberExpression': {
        const tag = node.type === 'JSXMemberExpression' ? node.object : node.name;
        if (tag.type === 'JSXIdentifier' && tag.name === 'this') jsxThis.add(tag);
        break;
      }
      case 'JSXAttribute':
        if (node.value?.type === 'StringLiteral') jsxStrings.add(node.value);
        break;
      case 'TSTypeParameter':
        addWords(node.name);
        break;
      case 'MetaProperty':
        // `import.meta`, `new.target`: the keyword is no identifier.
        facts.maxNesting = Math.max(facts.maxNesting, childNesting);
        visit(node.property, childNesting);
        return;
      case 'PrivateName':
        // `#x` is no identifier.
        facts.maxNesting = Math.max(facts.maxNesting, childNesting);
        return;
      case 'NewExpression': {
        const { name } = calleeParts(node.callee);
        if (name === 'Promise') {
          facts.promiseConstructions++;
          if (parksResolver(node)) facts.parkedResolvers++;
        }
        if (name === 'SharedArrayBuffer') facts.atomics = true;
        if (name === 'Worker') io.add('threads');
        if (name === 'Function') sinks.add('new Function');
        if (name === 'WebSocket') io.add('websocket');
        if (name && LOCK_WORDS.has(name.toLowerCase())) locks.add(name);
        break;
      }
      case 'CallExpression':
      case 'OptionalCallExpression':
        noteCall(node);
        break;
      case 'ArrayExpression':
      case 'ObjectExpression':
        if (isTable(node)) return; // a constant table: no logic inside
        break;
    }

    const fn = asFunctionLike(node);
    if (fn) {
      facts.functions++;
      const async = isAsync(fn);
      if (async) facts.asyncFunctions++;
      const method = isMethod(fn);
      if (method) facts.methods++;
      const mname = declaredName(fn);
      if (mname) {
        // lock()/unlock()/runExclusive(), or an acquire* and a release* function together (not a lone createRelease()).
        const words = splitIdentifier(mname);
        if (LOCK_METHODS.has(mname.toLowerCase()) || words.includes('lock') || words.includes('unlock')) locks.add(mname);
        if (words.includes('acquire')) acquireMethods.push(mname);
        if (words.includes('release')) releaseMethods.push(mname);
      }
      // Arrow callbacks inside an async method still run with the method's `this`.
      const arrow = fn.type === 'ArrowFunctionExpression';
      const parentAsync = fnStack.length > 0 && fnStack[fnStack.length - 1].async && arrow;
      const inheritsThis = arrow && fnStack.length > 0 && fnStack[fnStack.length - 1].method;
      fnStack.push({ cc: 1, async: async || parentAsync, method: method || inheritsThis });
      // A constructor's name is a keyword, not an identifier.
      const constructorKey = (fn.type === 'ClassMethod' || fn.type === 'TSDeclareMethod') && fn.kind === 'constructor' ? fn.key : undefined;
      visitChildren(node, nesting + 1, constructorKey);
      const frame = fnStack.pop()!;
      facts.cyclomatic += frame.cc;
      facts.maxFunctionCyclomatic = Math.max(facts.maxFunctionCyclomatic, frame.cc);
      facts.maxNesting = Math.max(facts.maxNesting, nesting + 1);
      return;
    }
    facts.maxNesting = Math.max(facts.maxNesting, childNesting);
    visitChildren(node, childNesting);
  };

  /** A literal of at least 40 characters (with the trivia before it) over 4+ lines, holding only constants. */
  function isTable(node: B.Node): boolean {
    const start = node.start ?? 0;
    const end = node.end ?? 0;
    // Only literals long enough to span several lines can be tables.
    if (end - fullStart(start) < 40) return false;
    const first = lineOf(start);
    const last = lineOf(end);
    if (last - first >= 3 && isConstantData(node)) {
      for (let l = first + 1; l < last; l++) dataLines.add(l);
      return true;
    }
    return false;
  }

  /** A directive's text with its escapes resolved, like any other string literal. */
  function directiveText(node: B.DirectiveLiteral): string {
    if (!node.value.includes('\\')) return node.value;
    try {
      const e = parseExpression(textOf(node), { errorRecovery: true });
      return e.type === 'StringLiteral' ? e.value : node.value;
    } catch {
      return node.value;
    }
  }

  // `new Promise((r) => this.waiters.push(r))`: a resolver kept in shared state and called from elsewhere,
  // i.e. a hand-rolled wait queue or signal.
  function parksResolver(ne: B.NewExpression): boolean {
    const executor = ne.arguments[0];
    if (!executor || !(executor.type === 'ArrowFunctionExpression' || executor.type === 'FunctionExpression')) return false;
    let p: B.Node | undefined = executor.params[0];
    if (p?.type === 'AssignmentPattern') p = p.left;
    else if (p?.type === 'RestElement') p = p.argument;
    if (!p || p.type !== 'Identifier') return false;
    const body = textOf(executor.body);
    const r = p.name.replace(/[$]/g, '\\$');
    return new RegExp(`this\\.\\w+\\.(push|unshift|set|add)\\(\\s*${r}\\b|this\\.\\w+\\s*=\\s*${r}\\b`).test(body);
  }

  function noteImport(spec: string) {
    facts.imports.push(spec);
    if (spec.startsWith('.')) {
      facts.relativeImports.push(spec);
      return;
    }
    const mod = moduleName(spec);
    if (IO_MODULES[mod]) io.add(IO_MODULES[mod]);
    if (CRYPTO_MODULES.has(mod)) crypto.add(`imports ${mod}`);
    if (mod === 'child_process') sinks.add('child_process');
    if (mod === 'vm') sinks.add('vm');
  }


  function noteCall(call: Call) {
    const { object, name } = calleeParts(call.callee);
    if (!name) return;
    const lname = name.toLowerCase();
    const first = call.arguments[0];
    const firstString = first?.type === 'StringLiteral' ? first.value : undefined;
    if (name === 'require' && firstString !== undefined) noteImport(firstString);
    if (TIMER_CALLS.has(name) && (!object || object === 'process' || object === 'globalThis' || object === 'timers')) facts.timers++;
    if (object === 'Promise' && COMBINATORS.has(name)) combinators.add(`Promise.${name}`);
    if (object === 'Atomics') facts.atomics = true;
    if (name === 'fetch' && !object) io.add('http');
    if (CRYPTO_CALLS.has(lname) || (object && CRYPTO_OBJECTS.has(object.toLowerCase()) && /^(sign|verify|hash|compare|encrypt|decrypt|digest)/i.test(name))) {
      crypto.add(object ? `${object}.${name}` : name);
    }
    if (lname === 'createhash' && firstString !== undefined && /^(md5|sha1|md4)$/i.test(firstString)) {
      weak.add(firstString);
    }
    const bare = call.callee.type === 'Identifier';
    const bareOrProcessModule = bare || object === 'child_process' || object === 'cp';
    if ((name === 'exec' || name === 'execSync' || name === 'spawn' || name === 'execFile') && bareOrProcessModule) {
      sinks.add(name);
    }
    if (name === 'eval' && bare) sinks.add('eval');
    if (object && HTTP_SERVERS.has(object) && HTTP_VERBS.has(name) && call.arguments.length >= 2 && firstString !== undefined) {
      facts.httpHandlers++;
      io.add('http');
    }
    if (object && /^(db|pool|client|knex|prisma|repo|tx|conn|connection|sql)$/i.test(object) && DB_METHODS.has(name)) io.add('database');
    if (object && /^(fs|fsp)$/.test(object)) io.add('filesystem');
    if ((object === 'path' && (name === 'join' || name === 'resolve')) && call.arguments.some((a) => /\breq(uest)?\.(params|query|body)|decodeURIComponent/.test(textOf(a)))) {
      sinks.add('user-controlled path');
    }
    if (name === 'decodeURIComponent' && call.arguments.some((a) => /\breq(uest)?\./.test(textOf(a)))) sinks.add('decoded user input');
    // Shared state touched from async code: this.field.add(...) inside an async method.
    const top = fnStack[fnStack.length - 1];
    if (isPropertyAccess(call.callee) && MUTATING_METHODS.has(name) && top?.method) {
      const target = call.callee.object;
      if (isPropertyAccess(target) && target.object.type === 'ThisExpression') {
        const field = propertyName(target);
        mutated.add(field);
        if (top.async) asyncFields.add(field);
      }
    }
  }

  // Floating async calls: expression statements `this.run(x);` / `run(x);` inside loops.
  const findFloating = (node: B.Node, inLoop: boolean): void => {
    if (node.type === 'ExpressionStatement' && inLoop && isCall(node.expression)) {
      const { object, name } = calleeParts(node.expression.callee);
      if (name && asyncMethodNames.has(name) && (object === 'this' || !object)) facts.floatingAsyncInLoop++;
    }
    const loop = node.type === 'ForStatement' || node.type === 'ForOfStatement' || node.type === 'ForInStatement'
      || node.type === 'WhileStatement' || node.type === 'DoWhileStatement';
    for (const c of childNodes(node)) findFloating(c, inLoop || loop);
  };

  visit(program, 0);
  if (asyncMethodNames.size) findFloating(program, false);

  for (const ph of phrases) for (const w of ph.split(' ')) if (AUTH_WORDS.has(w)) auth.add(w);
  const textLines = content.split('\n');
  facts.lines = textLines.length;
  let logic = 0;
  let inBlockComment = false;
  textLines.forEach((raw, i) => {
    const l = raw.trim();
    if (inBlockComment) {
      if (l.includes('*/')) inBlockComment = false;
      return;
    }
    if (!l || l.startsWith('//')) return;
    if (l.startsWith('/*')) {
      if (!l.includes('*/')) inBlockComment = true;
      return;
    }
    if (dataLines.has(i)) return;
    logic++;
  });
  facts.logicLines = logic;
  facts.promiseCombinators = [...combinators];
  facts.sharedModuleLets = [...writtenLets];
  facts.fieldsMutatedInAsync = [...asyncFields];
  facts.mutatedFields = [...mutated];
  if (acquireMethods.length && releaseMethods.length) for (const m of [...acquireMethods, ...releaseMethods]) locks.add(m);
  facts.lockPrimitives = [...locks];
  facts.io = [...io];
  facts.crypto = [...crypto];
  facts.weakHashes = [...weak];
  facts.authWords = [...auth];
  facts.injectionSinks = [...sinks];
  facts.words = [...phrases].join(' ');
  return facts;
}
