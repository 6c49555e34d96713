import type * as TS from 'typescript';
import ts from '../../typescript.js';
import { AUTH_WORDS, LOCK_METHODS, LOCK_WORDS, identifierPhrase, splitIdentifier } from './words.js';

// The bundle exposes its API through getters; reading them once keeps the tree walk fast.
const SK = ts.SyntaxKind;
const {
  canHaveModifiers,
  forEachChild,
  getModifiers,
  isArrowFunction,
  isCallExpression,
  isClassDeclaration,
  isDoStatement,
  isExpressionStatement,
  isForInStatement,
  isForOfStatement,
  isForStatement,
  isFunctionExpression,
  isIdentifier,
  isMethodDeclaration,
  isPropertyAccessExpression,
  isPropertyAssignment,
  isStringLiteral,
  isVariableStatement,
  isWhileStatement,
} = ts;

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

function calleeParts(expr: TS.Expression): { object?: string; name?: string } {
  if (isIdentifier(expr)) return { name: expr.text };
  if (isPropertyAccessExpression(expr)) {
    const obj = expr.expression;
    const object = isIdentifier(obj)
      ? obj.text
      : isPropertyAccessExpression(obj)
        ? obj.name.text
        : obj.kind === SK.ThisKeyword
          ? 'this'
          : undefined;
    return { object, name: expr.name.text };
  }
  return {};
}

const FUNCTION_KINDS = new Set<TS.SyntaxKind>([
  SK.FunctionDeclaration,
  SK.FunctionExpression,
  SK.ArrowFunction,
  SK.MethodDeclaration,
  SK.Constructor,
  SK.GetAccessor,
  SK.SetAccessor,
]);

function isFunctionLike(n: TS.Node): n is TS.FunctionLikeDeclaration {
  return FUNCTION_KINDS.has(n.kind);
}

function isAsync(n: TS.Node): boolean {
  return canHaveModifiers(n) && (getModifiers(n)?.some((m) => m.kind === SK.AsyncKeyword) ?? false);
}

/** True when a literal tree holds only constants (a lookup table, not logic). */
function isConstantData(n: TS.Node): boolean {
  switch (n.kind) {
    case SK.StringLiteral:
    case SK.NumericLiteral:
    case SK.NoSubstitutionTemplateLiteral:
    case SK.TrueKeyword:
    case SK.FalseKeyword:
    case SK.NullKeyword:
      return true;
    case SK.PrefixUnaryExpression:
      return isConstantData((n as TS.PrefixUnaryExpression).operand);
    case SK.ArrayLiteralExpression:
      return (n as TS.ArrayLiteralExpression).elements.every(isConstantData);
    case SK.ObjectLiteralExpression:
      return (n as TS.ObjectLiteralExpression).properties.every((p) => isPropertyAssignment(p) && isConstantData(p.initializer));
    case SK.AsExpression:
      return isConstantData((n as TS.AsExpression).expression);
    default:
      return false;
  }
}

function scriptKind(path: string): TS.ScriptKind {
  const p = path.toLowerCase();
  if (p.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (p.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(m|c)?js$/.test(p)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

interface FnFrame {
  cc: number;
  async: boolean;
  /** A method or accessor (not a constructor): its writes to `this` change an object's state. */
  method: boolean;
}

/** Parses and walks one file. Never throws on bad syntax: the parser recovers and parse errors are counted. */
export function analyzeCode(path: string, content: string): CodeFacts {
  // JSDoc is irrelevant to complexity; skipping it makes parsing cheaper.
  const sf = ts.createSourceFile(path, content, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKind(path));
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
    parseErrors: (sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0,
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
  for (const st of sf.statements) {
    if (isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.Let) !== 0) {
      for (const d of st.declarationList.declarations) if (isIdentifier(d.name)) moduleLets.add(d.name.text);
    }
    if (isClassDeclaration(st)) {
      for (const m of st.members) if (isMethodDeclaration(m) && isAsync(m) && m.name && isIdentifier(m.name)) asyncMethodNames.add(m.name.text);
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

  const writeTarget = (target: TS.Expression) => {
    if (isIdentifier(target) && moduleLets.has(target.text) && fnStack.length) writtenLets.add(target.text);
    const top = fnStack[fnStack.length - 1];
    if (
      top?.async &&
      isPropertyAccessExpression(target) &&
      target.expression.kind === SK.ThisKeyword
    ) {
      asyncFields.add(target.name.text);
    }
    if (isPropertyAccessExpression(target) && /^(state|status|phase|mode)$/i.test(target.name.text)) facts.stateAssignments++;
    if (isPropertyAccessExpression(target) && target.expression.kind === SK.ThisKeyword && fnStack.some((f) => f.method)) mutated.add(target.name.text);
  };

  const visit = (node: TS.Node, nesting: number): void => {
    let childNesting = nesting;
    switch (node.kind) {
      case SK.ImportDeclaration: {
        const spec = (node as TS.ImportDeclaration).moduleSpecifier;
        if (isStringLiteral(spec)) noteImport(spec.text);
        break;
      }
      case SK.IfStatement:
      case SK.ConditionalExpression:
      case SK.CatchClause:
        bumpCc();
        if (node.kind !== SK.ConditionalExpression) childNesting++;
        if (node.kind === SK.CatchClause) facts.tryCatches++;
        break;
      case SK.CaseClause:
        bumpCc();
        break;
      case SK.SwitchStatement: {
        childNesting++;
        facts.switchMaxCases = Math.max(facts.switchMaxCases, (node as TS.SwitchStatement).caseBlock.clauses.length);
        break;
      }
      case SK.ForStatement:
      case SK.ForInStatement:
      case SK.ForOfStatement:
      case SK.WhileStatement:
      case SK.DoStatement:
        bumpCc();
        childNesting++;
        break;
      case SK.BinaryExpression: {
        const b = node as TS.BinaryExpression;
        const op = b.operatorToken.kind;
        if (op === SK.AmpersandAmpersandToken || op === SK.BarBarToken || op === SK.QuestionQuestionToken) {
          facts.logicalOperators++;
        } else if (op >= SK.FirstAssignment && op <= SK.LastAssignment) {
          writeTarget(b.left);
        }
        break;
      }
      case SK.PrefixUnaryExpression:
      case SK.PostfixUnaryExpression: {
        const u = node as TS.PrefixUnaryExpression | TS.PostfixUnaryExpression;
        if (u.operator === SK.PlusPlusToken || u.operator === SK.MinusMinusToken) writeTarget(u.operand);
        break;
      }
      case SK.AwaitExpression:
        facts.awaits++;
        break;
      case SK.ClassDeclaration:
      case SK.ClassExpression: {
        facts.classes++;
        const name = (node as TS.ClassLikeDeclaration).name?.text;
        if (name) for (const w of splitIdentifier(name)) if (LOCK_WORDS.has(w)) locks.add(name);
        break;
      }
      case SK.StringLiteral:
      case SK.NoSubstitutionTemplateLiteral:
        recordString((node as TS.StringLiteral).text, false);
        break;
      case SK.TemplateExpression: {
        const t = node as TS.TemplateExpression;
        recordString(t.head.text + t.templateSpans.map((s) => ' x ' + s.literal.text).join(''), true);
        break;
      }
      case SK.Identifier:
        addWords((node as TS.Identifier).text);
        break;
      case SK.NewExpression: {
        const ne = node as TS.NewExpression;
        const { name } = calleeParts(ne.expression);
        if (name === 'Promise') {
          facts.promiseConstructions++;
          if (parksResolver(ne)) facts.parkedResolvers++;
        }
        if (name === 'SharedArrayBuffer') facts.atomics = true;
        if (name === 'Worker') io.add('threads');
        if (name === 'Function') sinks.add('new Function');
        if (name === 'WebSocket') io.add('websocket');
        if (name && LOCK_WORDS.has(name.toLowerCase())) locks.add(name);
        break;
      }
      case SK.CallExpression:
        noteCall(node as TS.CallExpression);
        break;
      case SK.ArrayLiteralExpression:
      case SK.ObjectLiteralExpression: {
        // Only literals long enough to span several lines can be tables.
        if (node.end - node.pos < 40) break;
        const start = lineOf(node.getStart(sf));
        const end = lineOf(node.getEnd());
        if (end - start >= 3 && isConstantData(node)) {
          for (let l = start + 1; l < end; l++) dataLines.add(l);
          return; // a constant table: no logic inside
        }
        break;
      }
    }

    if (isFunctionLike(node)) {
      facts.functions++;
      const async = isAsync(node);
      if (async) facts.asyncFunctions++;
      const method = node.kind === SK.MethodDeclaration || node.kind === SK.GetAccessor || node.kind === SK.SetAccessor;
      if (method) facts.methods++;
      const named = isMethodDeclaration(node) || node.kind === SK.FunctionDeclaration ? (node as TS.FunctionDeclaration).name : undefined;
      if (named && isIdentifier(named)) {
        // lock()/unlock()/runExclusive(), or an acquire* and a release* function together (not a lone createRelease()).
        const mname = named.text;
        const words = splitIdentifier(mname);
        if (LOCK_METHODS.has(mname.toLowerCase()) || words.includes('lock') || words.includes('unlock')) locks.add(mname);
        if (words.includes('acquire')) acquireMethods.push(mname);
        if (words.includes('release')) releaseMethods.push(mname);
      }
      // Arrow callbacks inside an async method still run with the method's `this`.
      const parentAsync = fnStack.length > 0 && fnStack[fnStack.length - 1].async && isArrowFunction(node);
      const inheritsThis = isArrowFunction(node) && fnStack.length > 0 && fnStack[fnStack.length - 1].method;
      fnStack.push({ cc: 1, async: async || parentAsync, method: method || inheritsThis });
      forEachChild(node, (c) => visit(c, nesting + 1));
      const frame = fnStack.pop()!;
      facts.cyclomatic += frame.cc;
      facts.maxFunctionCyclomatic = Math.max(facts.maxFunctionCyclomatic, frame.cc);
      facts.maxNesting = Math.max(facts.maxNesting, nesting + 1);
      return;
    }
    facts.maxNesting = Math.max(facts.maxNesting, childNesting);
    forEachChild(node, (c) => visit(c, childNesting));
  };

  // `new Promise((r) => this.waiters.push(r))`: a resolver kept in shared state and called from elsewhere,
  // i.e. a hand-rolled wait queue or signal.
  function parksResolver(ne: TS.NewExpression): boolean {
    const executor = ne.arguments?.[0];
    if (!executor || !(isArrowFunction(executor) || isFunctionExpression(executor))) return false;
    const p = executor.parameters[0]?.name;
    if (!p || !isIdentifier(p)) return false;
    const body = executor.body.getText(sf);
    const r = p.text.replace(/[$]/g, '\\$');
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

  function noteCall(call: TS.CallExpression) {
    const { object, name } = calleeParts(call.expression);
    if (!name) return;
    const lname = name.toLowerCase();
    if (name === 'require' && call.arguments[0] && isStringLiteral(call.arguments[0])) noteImport(call.arguments[0].text);
    if (TIMER_CALLS.has(name) && (!object || object === 'process' || object === 'globalThis' || object === 'timers')) facts.timers++;
    if (object === 'Promise' && COMBINATORS.has(name)) combinators.add(`Promise.${name}`);
    if (object === 'Atomics') facts.atomics = true;
    if (name === 'fetch' && !object) io.add('http');
    if (CRYPTO_CALLS.has(lname) || (object && CRYPTO_OBJECTS.has(object.toLowerCase()) && /^(sign|verify|hash|compare|encrypt|decrypt|digest)/i.test(name))) {
      crypto.add(object ? `${object}.${name}` : name);
    }
    if (lname === 'createhash' && call.arguments[0] && isStringLiteral(call.arguments[0]) && /^(md5|sha1|md4)$/i.test(call.arguments[0].text)) {
      weak.add(call.arguments[0].text);
    }
    const bareOrProcessModule = isIdentifier(call.expression) || object === 'child_process' || object === 'cp';
    if ((name === 'exec' || name === 'execSync' || name === 'spawn' || name === 'execFile') && bareOrProcessModule) {
      sinks.add(name);
    }
    if (name === 'eval' && isIdentifier(call.expression)) sinks.add('eval');
    if (object && HTTP_SERVERS.has(object) && HTTP_VERBS.has(name) && call.arguments.length >= 2 && isStringLiteral(call.arguments[0])) {
      facts.httpHandlers++;
      io.add('http');
    }
    if (object && /^(db|pool|client|knex|prisma|repo|tx|conn|connection|sql)$/i.test(object) && DB_METHODS.has(name)) io.add('database');
    if (object && /^(fs|fsp)$/.test(object)) io.add('filesystem');
    if ((object === 'path' && (name === 'join' || name === 'resolve')) && call.arguments.some((a) => /\breq(uest)?\.(params|query|body)|decodeURIComponent/.test(a.getText(sf)))) {
      sinks.add('user-controlled path');
    }
    if (name === 'decodeURIComponent' && call.arguments.some((a) => /\breq(uest)?\./.test(a.getText(sf)))) sinks.add('decoded user input');
    // Shared state touched from async code: this.field.add(...) inside an async method.
    const top = fnStack[fnStack.length - 1];
    if (isPropertyAccessExpression(call.expression) && MUTATING_METHODS.has(name) && top?.method) {
      const target = call.expression.expression;
      if (isPropertyAccessExpression(target) && target.expression.kind === SK.ThisKeyword) {
        mutated.add(target.name.text);
        if (top.async) asyncFields.add(target.name.text);
      }
    }
  }

  // Floating async calls: expression statements `this.run(x);` / `run(x);` inside loops.
  const findFloating = (node: TS.Node, inLoop: boolean): void => {
    if (isExpressionStatement(node) && inLoop && isCallExpression(node.expression)) {
      const { object, name } = calleeParts(node.expression.expression);
      if (name && asyncMethodNames.has(name) && (object === 'this' || !object)) facts.floatingAsyncInLoop++;
    }
    const loop = isForStatement(node) || isForOfStatement(node) || isForInStatement(node) || isWhileStatement(node) || isDoStatement(node);
    forEachChild(node, (c) => findFloating(c, inLoop || loop));
  };

  visit(sf, 0);
  if (asyncMethodNames.size) findFloating(sf, false);

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
