import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const BIN = resolve('bin/aqe.js');

export interface ServeChild {
  child: ChildProcess;
  url: string;
  exit: Promise<number | null>;
  stderr: () => string;
}

/** `aqe -c CONFIG serve --port 0 --json ...` as a child process; resolves once it listens. */
export function serveChild(configPath: string, cwd: string, extraArgs: string[] = []): Promise<ServeChild> {
  const child = spawn(process.execPath, [BIN, '-c', configPath, 'serve', '--port', '0', '--json', ...extraArgs], {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolvePromise, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => {
      try {
        resolvePromise({ child, url: JSON.parse(line).url, exit, stderr: () => err });
      } catch (e) {
        reject(new Error(`unexpected first line ${line}: ${String(e)}; stderr: ${err}`));
      }
    });
    void exit.then((code) => reject(new Error(`aqe serve exited with ${code} before listening: ${err}`)));
  });
}

/** Polls `check` every 25 ms until it returns a value other than undefined (or the time is up). */
export async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** SIGKILLs every child still running in `children` (emptying it) and waits for each to exit. */
export async function killChildren(children: ServeChild[]): Promise<void> {
  for (const s of children.splice(0)) {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      s.child.kill('SIGKILL');
      await s.exit;
    }
  }
}
