import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';

export interface BwrapStatus {
  usable: boolean;
  path?: string;
  /** Why it is not usable (for the one-time message and the service's refusal). */
  reason: string;
}

let status: BwrapStatus | undefined;

/** AQE_BWRAP names the binary (an operator's override; tests point it at a missing file). */
function bwrapPath(): string | undefined {
  const fromEnv = process.env.AQE_BWRAP;
  if (fromEnv !== undefined) return fromEnv;
  for (const p of ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap']) if (existsSync(p)) return p;
  return undefined;
}

/**
 * The top-level system paths the runtime needs (libc, libstdc++, the node binary), read-only. On merged-/usr
 * systems /bin, /lib, /lib64 and /sbin are symlinks and are recreated as symlinks.
 */
export function systemMounts(): string[] {
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const top of ['/bin', '/sbin', '/lib', '/lib64', '/lib32']) {
    let st;
    try {
      st = lstatSync(top);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(top), top);
    else args.push('--ro-bind', top, top);
  }
  // node installed outside /usr (nvm, /opt): its prefix, read-only
  const node = realpathSync(process.execPath);
  if (!node.startsWith('/usr/') && !/^\/(s?bin|lib)/.test(node)) args.push('--ro-bind', dirname(dirname(node)), dirname(dirname(node)));
  return args;
}

/** The namespace and hardening flags every sandbox gets (network, pid, ipc, uts, user, cgroup namespaces). */
export const ISOLATION_ARGS = ['--unshare-all', '--die-with-parent', '--new-session', '--clearenv', '--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp'];

/**
 * Tries bubblewrap once per process: a sandbox like the real ones running `node -e 0`. Namespaces can be
 * unavailable even where the binary exists (containers without user namespaces, seccomp), so presence is not enough.
 */
export function bwrapStatus(): BwrapStatus {
  if (status) return status;
  const path = bwrapPath();
  if (!path || !existsSync(path)) {
    status = { usable: false, reason: path ? `${path} does not exist` : 'bwrap is not installed' };
    return status;
  }
  const r = spawnSync(path, [...ISOLATION_ARGS, ...systemMounts(), '--', process.execPath, '-e', 'process.exit(0)'], { encoding: 'utf8', timeout: 10_000, env: {} });
  status = r.status === 0
    ? { usable: true, path, reason: 'ok' }
    : { usable: false, path, reason: `${path} failed to start a sandbox: ${(r.error?.message ?? r.stderr ?? '').trim().split('\n')[0] || `exit ${r.status}`}` };
  return status;
}

/** For tests: forget the probe result. */
export function resetBwrapStatus(): void {
  status = undefined;
}
