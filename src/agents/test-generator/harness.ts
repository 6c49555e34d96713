import { sharesObjectSource } from './shares-object.js';

/**
 * The characterization child. Written into a fresh temp dir as plain .mjs files and run with `node` (cwd = that dir),
 * so it works the same from src (vitest) and from dist.
 *
 * Containment (best effort, documented in the README): before the module under test loads, the child replaces
 * network entry points (net/tls/http/https/http2/dgram connect and request, fetch, WebSocket), process spawning
 * (child_process, worker_threads.Worker, process.dlopen) and process.exit/kill with functions that throw, and makes
 * every fs API that writes, creates, renames or deletes throw unless the target path is inside the temp dir.
 * Limits: code that captured those functions before the sandbox (none, it installs first), native addons already
 * loaded by a dependency, and writes through file descriptors the module did not open via fs are not intercepted.
 */
export const HARNESS_SOURCE = String.raw`
import fs from 'node:fs';
import path from 'node:path';
import module from 'node:module';
import { pathToFileURL } from 'node:url';

const [planPath, resultsPath] = process.argv.slice(2);
const plan = JSON.parse(fs.readFileSync(planPath, 'utf8'));
const resultsFd = fs.openSync(resultsPath, 'a');
const writeSync = fs.writeSync;
const realExit = process.exit.bind(process);
const emit = (obj) => writeSync(resultsFd, JSON.stringify(obj) + '\n');

if (plan.tsHook) module.register(pathToFileURL(plan.tsHook).href, { data: { typescript: plan.typescriptPath, precompiled: plan.precompiled } });

// ---- sandbox --------------------------------------------------------------------------------------------------
const tempRoot = fs.realpathSync(process.cwd());
const blocked = (what) => function () { const e = new Error('aqe sandbox: ' + what + ' is disabled while characterizing'); e.code = 'AQE_SANDBOX'; throw e; };
const { createRequire } = module;
const req = createRequire(import.meta.url);
for (const [mod, names] of [
  ['net', ['connect', 'createConnection', 'createServer']], ['tls', ['connect', 'createServer']],
  ['http', ['request', 'get', 'createServer']], ['https', ['request', 'get', 'createServer']], ['http2', ['connect', 'createServer', 'createSecureServer']],
  ['dgram', ['createSocket']], ['child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']],
]) {
  const m = req(mod);
  for (const n of names) if (typeof m[n] === 'function') m[n] = blocked(mod + '.' + n);
}
req('net').Socket.prototype.connect = blocked('net.Socket.connect');
req('worker_threads').Worker = class { constructor() { blocked('worker_threads.Worker')(); } };
globalThis.fetch = blocked('fetch');
if ('WebSocket' in globalThis) globalThis.WebSocket = class { constructor() { blocked('WebSocket')(); } };
process.dlopen = blocked('process.dlopen');
process.exit = blocked('process.exit');
process.kill = blocked('process.kill');
process.abort = blocked('process.abort');

const inside = (p) => {
  if (typeof p === 'number') return true; // an fd the module opened through the (checked) open calls
  const s = p instanceof URL ? p.pathname : Buffer.isBuffer(p) ? p.toString() : String(p);
  const abs = path.resolve(tempRoot, s);
  return abs === tempRoot || abs.startsWith(tempRoot + path.sep);
};
let wrote = false;
const guard = (fn, name, nPaths) => function (...args) {
  wrote = true;
  for (let i = 0; i < nPaths; i++) {
    if (!inside(args[i])) { const e = new Error('aqe sandbox: ' + name + ' outside the temp dir is disabled: ' + String(args[i])); e.code = 'AQE_SANDBOX'; throw e; }
  }
  return fn.apply(this, args);
};
const WRITE_FLAG = /[wa+]/;
const guardOpen = (fn, name) => function (p, flags, ...rest) {
  if ((typeof flags === 'string' && WRITE_FLAG.test(flags)) || (typeof flags === 'number' && (flags & 3) !== 0)) {
    wrote = true;
    if (!inside(p)) { const e = new Error('aqe sandbox: ' + name + ' for writing outside the temp dir is disabled: ' + String(p)); e.code = 'AQE_SANDBOX'; throw e; }
  }
  return fn.call(this, p, flags, ...rest);
};
const ONE = ['writeFile', 'appendFile', 'createWriteStream', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'truncate', 'chmod', 'chown', 'lchown', 'utimes', 'lutimes'];
const TWO = ['rename', 'copyFile', 'cp', 'symlink', 'link'];
for (const target of [fs, fs.promises]) {
  for (const base of ONE) for (const n of [base, base + 'Sync']) if (typeof target[n] === 'function') target[n] = guard(target[n], 'fs.' + n, 1);
  for (const base of TWO) for (const n of [base, base + 'Sync']) if (typeof target[n] === 'function') target[n] = guard(target[n], 'fs.' + n, 2);
  for (const n of ['open', 'openSync']) if (typeof target[n] === 'function') target[n] = guardOpen(target[n], 'fs.' + n);
}
module.syncBuiltinESMExports();

// ---- encoding ---------------------------------------------------------------------------------------------------
const TYPED = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
function enc(v, seen = new Set(), depth = 0) {
  if (v === undefined) return { $: 'u' };
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { $: 'nan' };
    if (v === Infinity) return { $: 'inf' };
    if (v === -Infinity) return { $: '-inf' };
    if (Object.is(v, -0)) return { $: '-0' };
    return v;
  }
  if (typeof v === 'bigint') return { $: 'big', v: String(v) };
  if (typeof v === 'symbol') return { $: 'sym', v: v.description ?? '' };
  if (typeof v === 'function') return { $: 'fn', name: v.name };
  if (seen.has(v)) return { $: 'cycle' };
  if (depth > 8) return { $: 'deep' };
  seen.add(v);
  try {
    if (v instanceof Date) return { $: 'date', v: Number.isNaN(v.getTime()) ? null : v.toISOString() };
    if (v instanceof RegExp) return { $: 're', src: v.source, flags: v.flags };
    if (v instanceof Error) return { $: 'err', cls: v.name, ctor: v.constructor?.name, msg: v.message };
    if (v instanceof Map) return { $: 'map', v: [...v].slice(0, 200).map(([k, x]) => [enc(k, seen, depth + 1), enc(x, seen, depth + 1)]) };
    if (v instanceof Set) return { $: 'set', v: [...v].slice(0, 200).map((x) => enc(x, seen, depth + 1)) };
    if (Array.isArray(v)) return { $: 'arr', v: Array.from(v.slice(0, 500), (x) => enc(x, seen, depth + 1)), more: v.length > 500 };
    if (Buffer.isBuffer(v)) return { $: 'buf', v: [...v.subarray(0, 500)] };
    for (const T of TYPED) if (v instanceof T) return { $: 'typed', cls: T.name, v: Array.from(v.subarray(0, 500), (x) => enc(x)) };
    if (typeof v.then === 'function') return { $: 'promise' };
    const proto = Object.getPrototypeOf(v);
    if (typeof v.next === 'function' && typeof v[Symbol.iterator] === 'function') {
      const items = [];
      for (const x of v) { items.push(enc(x, seen, depth + 1)); if (items.length >= 200) break; }
      return { $: 'iter', v: items };
    }
    const cls = proto === null || proto === Object.prototype ? null : (proto.constructor?.name ?? '?');
    const out = {};
    // an own __proto__ key (JSON.parse makes one) stays an own key: assigning it would set the prototype
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: enc(v[k], seen, depth + 1), enumerable: true, writable: true, configurable: true });
    return { $: 'obj', cls, v: out };
  } finally {
    seen.delete(v);
  }
}
const encThrown = (e) => (e instanceof Error || (e && typeof e === 'object' && 'message' in e && 'name' in e))
  ? { err: true, cls: e.name, ctor: e.constructor?.name, msg: String(e.message), code: e.code }
  : { err: false, v: enc(e) };

// ---- load and call ----------------------------------------------------------------------------------------------
let mod;
try {
  if (plan.format === 'cjs') mod = createRequire(plan.modulePath)(plan.modulePath);
  else mod = await import(pathToFileURL(plan.modulePath).href);
} catch (e) {
  emit({ load: encThrown(e) });
  realExit(3);
}
emit({ loaded: true, keys: Object.keys(mod ?? {}) });

${sharesObjectSource()}
const pick = (name) => (name === 'module.exports' ? mod : mod?.[name]);
const evalArgs = (src) => new Function('return [' + src.join(', ') + '];')();
const withTimeout = (p, ms) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(Object.assign(new Error('aqe: call did not settle within ' + ms + ' ms'), { aqeTimeout: true })), ms).unref())]);

const SEQ_DONE = Symbol('seq');
const AsyncFunction = (async () => {}).constructor;
const runSequence = (steps, obs) => {
  const sub = (code) => code.replace(/\u27ea([^\u27eb]+)\u27eb/g, (_, n) => '(__pick(' + JSON.stringify(n) + '))'); // parenthesized: 'new ⟪C⟫(…)' must construct C
  const body = steps.map((s) => s.see !== undefined
    ? 'try { __o.push({ ok: true, v: __enc(await (' + sub(s.see) + ')) }); } catch (e) { __o.push({ ok: false, t: __encThrown(e) }); }'
    : sub(s.do) + ';').join('\n');
  return new AsyncFunction('__pick', '__o', '__enc', '__encThrown', body)(pick, obs, enc, encThrown);
};
for (let i = plan.start ?? 0; i < plan.calls.length; i++) {
  const c = plan.calls[i];
  emit({ i, start: true });
  wrote = false;
  const t0 = performance.now();
  let rec;
  let async = false;
  try {
    let value;
    if (c.kind === 'seq') {
      // a call sequence (sequences.ts): statements and observations; the observations are the result
      const obs = [];
      await withTimeout(runSequence(c.steps, obs), plan.asyncTimeoutMs ?? 2000);
      rec = { i, ok: true, async: false, v: { $: 'seq', v: obs } };
      throw SEQ_DONE;
    }
    const fnArgs = c.kind === 'fn' ? evalArgs(c.args) : undefined;
    if (c.kind === 'fn') value = pick(c.name)(...fnArgs);
    else if (c.kind === 'ctor') value = new (pick(c.cls))(...evalArgs(c.args));
    else if (c.kind === 'static') value = pick(c.cls)[c.method](...evalArgs(c.args));
    else { const obj = new (pick(c.cls))(...evalArgs(c.ctorArgs)); value = obj[c.method](...evalArgs(c.args)); }
    if (value && typeof value.then === 'function') { async = true; value = await withTimeout(value, plan.asyncTimeoutMs ?? 2000); }
    rec = { i, ok: true, async, v: enc(value) };
    if (fnArgs && value !== null && typeof value === 'object') {
      // what the result shares with its first object argument (a copy shares nothing; see shares-object.ts)
      const ai = fnArgs.findIndex((a) => a !== null && typeof a === 'object');
      if (ai >= 0) rec.rel = { arg: ai, same: value === fnArgs[ai], shared: value !== fnArgs[ai] && sharesObject(value, fnArgs[ai]) };
    }
  } catch (e) {
    if (e === SEQ_DONE) {}
    else if (e && e.aqeTimeout) rec = { i, timeout: true };
    else rec = { i, ok: false, async, t: encThrown(e) };
  }
  rec.ms = performance.now() - t0;
  if (wrote) rec.fx = true;
  emit(rec);
}
realExit(0);
`;

/** ESM loader hook: transpiles .ts/.mts/.cts on the fly (ts.transpileModule, inline source maps for coverage). */
export const TS_HOOK_SOURCE = String.raw`
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
let ts;
let typescriptPath;
let precompiled = {};
let aliases = {};
export async function initialize(data) { typescriptPath = data.typescript; precompiled = data.precompiled ?? {}; aliases = data.aliases ?? {}; }
const TS_EXT = /\.(c|m)?tsx?$/;
export async function resolve(specifier, context, next) {
  if (aliases[specifier]) return { url: aliases[specifier], shortCircuit: true };
  try { return await next(specifier, context); } catch (err) {
    if (!context.parentURL || !TS_EXT.test(context.parentURL) || !(specifier.startsWith('.') || specifier.startsWith('/'))) throw err;
    const base = specifier.replace(/\.(c|m)?js$/, '');
    for (const ext of ['.ts', '.tsx', '.mts', '/index.ts']) {
      const url = new URL(base + ext, context.parentURL);
      if (fs.existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
    }
    throw err;
  }
}
export async function load(url, context, next) {
  if (!TS_EXT.test(url) || url.endsWith('.d.ts')) return next(url, context);
  if (precompiled[url]) return { format: 'module', source: precompiled[url], shortCircuit: true };
  ts ??= (await import(pathToFileURL(typescriptPath).href)).default;
  const file = fileURLToPath(url);
  const text = fs.readFileSync(file, 'utf8');
  const out = ts.transpileModule(text, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, inlineSourceMap: true, inlineSources: true, esModuleInterop: true, jsx: ts.JsxEmit.React, verbatimModuleSyntax: false },
  });
  return { format: 'module', source: out.outputText, shortCircuit: true };
}
`;

/** The same transpilation the hook does, for the parent to do once per module (the child then skips loading typescript). */
export function transpileForHook(ts: typeof import('typescript'), text: string, file: string): string {
  return ts.transpileModule(text, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, inlineSourceMap: true, inlineSources: true, esModuleInterop: true, jsx: ts.JsxEmit.React, verbatimModuleSyntax: false },
  }).outputText;
}

/**
 * Stands in for 'vitest' / '@jest/globals' when a test file runs under `node --test` for coverage: describe/it
 * from node:test, expect from @vitest/expect on chai (the same matchers vitest uses). No vi/jest mocks.
 */
export function expectShimSource(chaiUrl: string, vitestExpectUrl: string): string {
  return `
import { describe, it, test, before as beforeAll, after as afterAll, beforeEach, afterEach } from 'node:test';
import * as chai from ${JSON.stringify(chaiUrl)};
import { JestExtend, JestChaiExpect, JestAsymmetricMatchers, ASYMMETRIC_MATCHERS_OBJECT, getState, setState } from ${JSON.stringify(vitestExpectUrl)};
chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(JestAsymmetricMatchers);
const expect = (value, message) => chai.expect(value, message);
Object.assign(expect, chai.expect);
Object.assign(expect, globalThis[ASYMMETRIC_MATCHERS_OBJECT]);
setState({ assertionCalls: 0, isExpectingAssertions: false, expectedAssertionsNumber: null }, expect);
expect.getState = () => getState(expect);
expect.setState = (s) => setState(s, expect);
expect.extend = (m) => chai.expect.extend(expect, m);
export { describe, it, test, beforeAll, afterAll, beforeEach, afterEach, expect };
`;
}
