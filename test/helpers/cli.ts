import { execFile, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** Runs `bin/aqe.js` as a user would: a separate process, no API key, no AQE_CONFIG from the caller's env. */
export const REPO = resolve(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'aqe.js');
const ENV = { ...process.env, ANTHROPIC_API_KEY: '', AQE_CONFIG: '' };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function aqeSync(args: string[], cwd: string): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: ENV, timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** For runs of a minute or more: a long spawnSync would block the vitest worker's RPC. */
export function aqeAsync(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: ENV, timeout: 540_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

/** The JSON report a `--json` command prints as its last line. */
export function lastJson(stdout: string) {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!);
}
