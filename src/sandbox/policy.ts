import { AsyncLocalStorage } from 'node:async_hooks';
import { AqeError, ErrorCodes } from '../errors.js';
import { bwrapStatus } from './bwrap.js';

/**
 * security.sandbox:
 * - 'auto' (default): bubblewrap around Node's permission model when bubblewrap works; otherwise the CLI says so
 *   once and uses the permission model alone, and `aqe serve` / `aqe mcp` refuse tasks that run code.
 * - 'required': bubblewrap or nothing, in every command.
 * - 'permission-only': the permission model alone, never bubblewrap, accepted by the service too (an operator's
 *   explicit choice, e.g. in a container that cannot create namespaces).
 */
export const SANDBOX_SETTINGS = ['auto', 'required', 'permission-only'] as const;
export type SandboxSetting = (typeof SANDBOX_SETTINGS)[number];

export interface SandboxLimits {
  /** Wall time of one sandboxed process (a test runner, a characterization child); the whole sandbox dies at it. */
  wallMs: number;
  /** CPU seconds per process (RLIMIT_CPU). */
  cpuSeconds: number;
  /** Memory per process: RLIMIT_DATA, and V8's old space gets half of it. */
  memoryMb: number;
  /** How long a module may take to load (import) before it is reported as hanging. */
  importTimeoutMs: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { wallMs: 60_000, cpuSeconds: 60, memoryMb: 1024, importTimeoutMs: 10_000 };

export interface SandboxPolicy {
  setting: SandboxSetting;
  limits: SandboxLimits;
  /** The task's signal: a cancelled or timed-out task kills its running sandboxes. */
  signal?: AbortSignal;
}

export type SandboxLayer = 'bwrap' | 'permission';

const current = new AsyncLocalStorage<SandboxPolicy>();
let serviceProcess = false;
let warned = false;

/** `aqe serve` / `aqe mcp` (and startServer): code arrives from callers, so 'auto' means bubblewrap or refuse. */
export function markServiceProcess(on = true): void {
  serviceProcess = on;
}

export function isServiceProcess(): boolean {
  return serviceProcess;
}

/** Runs fn with this policy for every sandboxed run it starts (the test-generator sets it from its config). */
export function withSandboxPolicy<T>(policy: Partial<SandboxPolicy> | undefined, fn: () => T): T {
  const p: SandboxPolicy = { setting: policy?.setting ?? 'auto', limits: { ...DEFAULT_LIMITS, ...policy?.limits }, signal: policy?.signal };
  return current.run(p, fn);
}

export function currentPolicy(): SandboxPolicy {
  return current.getStore() ?? { setting: 'auto', limits: DEFAULT_LIMITS };
}

/**
 * Which layer runs code now, or an AqeError (SANDBOX_UNAVAILABLE) when the policy forbids running code without
 * bubblewrap. Called before anything of a task's code runs, so a refused task has had no effect.
 */
export function sandboxLayer(policy: SandboxPolicy = currentPolicy()): SandboxLayer {
  if (policy.setting === 'permission-only') return 'permission';
  const bw = bwrapStatus();
  if (bw.usable) return 'bwrap';
  if (policy.setting === 'required' || serviceProcess) {
    throw new AqeError(
      ErrorCodes.SANDBOX_UNAVAILABLE,
      `refusing to run code under test: security.sandbox is "${policy.setting}"${policy.setting === 'auto' ? ' (which the service treats as required)' : ''} and bubblewrap is not usable here (${bw.reason}). Install bubblewrap (Debian: apt-get install bubblewrap) or, accepting the weaker guarantee, set security.sandbox: permission-only (see docs/security.md)`,
    );
  }
  if (!warned) {
    warned = true;
    process.stderr.write(`aqe: bubblewrap is not usable (${bw.reason}); code under test runs under Node's permission model only (see docs/security.md)\n`);
  }
  return 'permission';
}
