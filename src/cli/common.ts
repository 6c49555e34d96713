import type { Command } from 'commander';
import { AqeError, ConfigError, ErrorCodes } from '../errors.js';
import { redactSecrets } from '../secrets.js';

/** Exit codes: 0 ok, 1 a check failed / bad input, 2 usage or environment error. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

/** The --config given to the top-level program, if any. */
export function globalConfigPath(cmd: Command): string | undefined {
  let c: Command | null = cmd;
  while (c) {
    const v = c.opts().config as string | undefined;
    if (v) return v;
    c = c.parent;
  }
  return undefined;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

const USAGE_CODES = new Set<string>([ErrorCodes.USAGE, ErrorCodes.ENV_INVALID, ErrorCodes.CONFIG_NOT_FOUND, ErrorCodes.SANDBOX_UNAVAILABLE]);

/** 2 for usage and environment errors (bad arguments, a missing file named on the command line, bad env vars), else 1. */
export function exitCodeFor(err: unknown): number {
  return err instanceof AqeError && USAGE_CODES.has(err.code) ? EXIT.USAGE : EXIT.FAILED;
}

/** Print an error as `aqe: CODE: message` (plus one line per problem), never a bare stack, then exit. */
export function reportAndExit(err: unknown, code: number = exitCodeFor(err)): never {
  if (err instanceof ConfigError) {
    process.stderr.write(redactSecrets(`aqe: ${err.code}: ${err.message}\n`));
    for (const p of err.problems) process.stderr.write(redactSecrets(`  ${p}\n`));
  } else if (err instanceof AqeError) {
    process.stderr.write(redactSecrets(`aqe: ${err.code}: ${err.message}\n`));
  } else if (err instanceof Error) {
    process.stderr.write(redactSecrets(`aqe: ${err.message}\n`));
    if (process.env.AQE_DEBUG) process.stderr.write(redactSecrets(String(err.stack)) + '\n');
  } else {
    process.stderr.write(redactSecrets(`aqe: ${String(err)}\n`));
  }
  process.exit(code);
}
