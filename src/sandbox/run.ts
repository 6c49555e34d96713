import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AqeError, ErrorCodes } from '../errors.js';
import { bwrapStatus, ISOLATION_ARGS, systemMounts } from './bwrap.js';
import { untilNoneMention } from './leftovers.js';
import { currentPolicy, sandboxLayer, type SandboxLayer, type SandboxLimits } from './policy.js';

/**
 * How much of Node's permission model the sandboxed node process itself runs under:
 * - 'strict': reads limited to readPaths and the run dir, writes to the run dir, no child processes, no addons,
 *   no inspector, no process.binding. Worker threads are allowed (ESM loader hooks run on one; a worker shares
 *   the process's permissions).
 * - 'runner': a test runner's own process (vitest, StrykerJS), which loads native addons (rollup, esbuild) and spawns
 *   its workers, neither possible under Node 20's permission model: it runs without it and must not execute code
 *   under test itself. The workers that do must get `permissionArgs()` in their execArgv (Node 20 does not pass the
 *   permission model on to children). Allowed in both layers; inside bubblewrap everything is contained anyway.
 * - 'none': no permission model. Node 20 collects no V8 coverage under it (NODE_V8_COVERAGE and the inspector are
 *   both blocked), so coverage runs use this; it is allowed only inside bubblewrap.
 */
export type PermissionMode = 'strict' | 'runner' | 'none';

export interface SandboxRunOptions {
  /** Arguments to node (process.execPath): flags, then the script and its arguments. */
  args: string[];
  /** The one writable directory (exists; HOME and TMPDIR are made inside it). */
  runDir: string;
  /** Working directory (default runDir); must be inside runDir or readPaths. */
  cwd?: string;
  /** Read-only: the code under test, its dependencies, the runner's packages, the script. */
  readPaths: string[];
  permission?: PermissionMode;
  /** Extra variables on top of the allow-list (never from process.env wholesale). */
  env?: Record<string, string>;
  limits?: Partial<SandboxLimits>;
  /** Keep the last 20,000 characters of stdout+stderr. */
  capture?: boolean;
}

export interface SandboxResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  /** The wall-time limit was hit (or kill() was called) and the sandbox was killed. */
  killed: boolean;
  timedOut: boolean;
  layer: SandboxLayer;
  durationMs: number;
}

export interface SandboxHandle {
  done: Promise<SandboxResult>;
  /** Kills the whole sandbox (its process group; with bubblewrap its pid namespace). */
  kill(): void;
  layer: SandboxLayer;
}

/** Variables a child may see: nothing from the parent but locale and time zone. */
export function allowListedEnv(runDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: [...new Set([dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'])].join(':'),
    HOME: join(runDir, '.home'),
    TMPDIR: join(runDir, '.tmp'),
  };
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && (k === 'LANG' || k === 'LANGUAGE' || k === 'TZ' || k.startsWith('LC_'))) env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) {
    if (k === 'NODE_OPTIONS') continue; // flags come from the sandbox only
    env[k] = v;
  }
  return env;
}

/** Node permission-model flags for a process that may read readPaths and write only runDir. */
export function permissionArgs(readPaths: string[], runDir: string): string[] {
  return ['--experimental-permission', ...[...new Set([...readPaths, runDir])].map((p) => `--allow-fs-read=${p}`), `--allow-fs-write=${runDir}`];
}

let etcDir: string | undefined;
/** A minimal /etc for the sandbox (hosts, so "localhost" resolves; a passwd with nobody). Made once per process. */
function sandboxEtc(): string {
  if (etcDir && existsSync(etcDir)) return etcDir;
  etcDir = realpathSync(mkdtempSync(join(tmpdir(), 'aqe-sandbox-etc-')));
  writeFileSync(join(etcDir, 'hosts'), '127.0.0.1 localhost\n::1 localhost\n');
  writeFileSync(join(etcDir, 'passwd'), 'root:x:0:0:root:/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
  writeFileSync(join(etcDir, 'group'), 'root:x:0:\nnogroup:x:65534:\n');
  const dir = etcDir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return etcDir;
}

const live = new Set<ChildProcess>();
let exitHook = false;
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group is gone already
  }
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** The prlimit wrapper (RLIMIT_CPU, RLIMIT_DATA), when util-linux's prlimit is there. */
function limitPrefix(limits: SandboxLimits): string[] {
  const prlimit = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p));
  if (!prlimit) return [];
  return [prlimit, `--cpu=${limits.cpuSeconds}`, `--data=${limits.memoryMb * 1024 * 1024}`, '--'];
}

/**
 * Runs node on code under test inside the sandbox: bubblewrap (no network, a private pid namespace, read-only
 * binds of the runtime and readPaths, runDir writable, nothing else of the file system) around Node's permission
 * model; or the permission model alone where the policy allows it. The environment is an allow-list. At the
 * wall-time limit, or on kill(), the whole process group (with bubblewrap: the pid namespace) is killed.
 */
export function runSandboxed(opts: SandboxRunOptions): SandboxHandle {
  const policy = currentPolicy();
  const limits: SandboxLimits = { ...policy.limits, ...opts.limits };
  const layer = sandboxLayer(policy);
  const permission = opts.permission ?? 'strict';
  if (permission === 'none' && layer !== 'bwrap') {
    throw new AqeError(ErrorCodes.SANDBOX_UNAVAILABLE, 'this run needs bubblewrap (it cannot use Node\'s permission model) and bubblewrap is not in use');
  }
  const runDir = realpathSync(opts.runDir);
  const all = [...new Set(opts.readPaths.filter((p) => existsSync(p)).map(realOrSelf))];
  // a path inside another one adds nothing (and would be a second mount)
  const readPaths = all.filter((p) => !all.some((q) => q !== p && p.startsWith(q.endsWith('/') ? q : q + '/')));
  const cwd = opts.cwd ?? runDir;
  mkdirSync(join(runDir, '.home'), { recursive: true });
  mkdirSync(join(runDir, '.tmp'), { recursive: true });
  const env = allowListedEnv(runDir, opts.env);

  const nodeArgs = [`--max-old-space-size=${Math.max(64, Math.floor(limits.memoryMb / 2))}`];
  if (permission === 'strict') nodeArgs.push(...permissionArgs(readPaths, runDir), '--allow-worker');
  const inner = [...limitPrefix(limits), process.execPath, ...nodeArgs, ...opts.args];

  let cmd: string;
  let args: string[];
  let spawnEnv: NodeJS.ProcessEnv;
  if (layer === 'bwrap') {
    const etc = sandboxEtc();
    args = [...ISOLATION_ARGS, ...systemMounts(), '--ro-bind', join(etc, 'hosts'), '/etc/hosts', '--ro-bind', join(etc, 'passwd'), '/etc/passwd', '--ro-bind', join(etc, 'group'), '/etc/group'];
    for (const p of readPaths) if (p !== runDir && !p.startsWith(runDir + '/')) args.push('--ro-bind', p, p);
    args.push('--bind', runDir, runDir, '--chdir', cwd);
    for (const [k, v] of Object.entries(env)) args.push('--setenv', k, v);
    args.push('--', ...inner);
    cmd = bwrapStatus().path!;
    spawnEnv = {};
  } else {
    [cmd, ...args] = inner as [string, ...string[]];
    spawnEnv = env;
  }

  const t0 = Date.now();
  const child = spawn(cmd, args, { cwd: layer === 'bwrap' ? runDir : cwd, env: spawnEnv, detached: true, stdio: ['ignore', opts.capture ? 'pipe' : 'ignore', opts.capture ? 'pipe' : 'ignore'] });
  live.add(child);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const c of live) killGroup(c);
    });
  }
  let output = '';
  const keep = (b: Buffer): void => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let killed = false;
  let timedOut = false;
  const kill = (): void => {
    killed = true;
    killGroup(child);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, limits.wallMs);
  policy.signal?.addEventListener('abort', kill, { once: true });
  if (policy.signal?.aborted) kill();
  const done = new Promise<SandboxResult>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null, extra = ''): void => {
      clearTimeout(timer);
      policy.signal?.removeEventListener('abort', kill);
      // a runner's own children (vitest's forks) go with it, whatever way it ended
      killGroup(child);
      live.delete(child);
      const result = { code, signal, output: output + extra, killed, timedOut, layer, durationMs: Date.now() - t0 };
      // killed: the processes bubblewrap started in their own session outlive the outer one by a moment
      if (killed) void untilNoneMention(runDir, 2_000).then(() => resolve(result));
      else resolve(result);
    };
    child.on('close', (code, signal) => finish(code, signal));
    child.on('error', (e) => finish(-1, null, String(e)));
  });
  return { done, kill, layer };
}
