import { isIP } from 'node:net';
import { AqeError, ErrorCodes } from '../errors.js';

/** 127.0.0.0/8, ::1 (and its IPv4-mapped form) and "localhost". */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

export interface BindDecision {
  host: string;
  /** Set when auth is off; says so in the startup log. */
  notice?: string;
}

/**
 * Without a token the API is open, so it listens on loopback only. A non-loopback host asked for on the
 * command line is refused; one that comes from the config file is replaced by 127.0.0.1, and the notice says so.
 */
export function decideBindHost(opts: { host: string; explicit: boolean; tokenConfigured: boolean }): BindDecision {
  if (opts.tokenConfigured) return { host: opts.host };
  if (isLoopbackHost(opts.host)) {
    return { host: opts.host, notice: `no API token configured (api.token or AQE_API_TOKEN): listening on loopback ${opts.host} only` };
  }
  if (opts.explicit) {
    throw new AqeError(
      ErrorCodes.USAGE,
      `refusing to listen on ${opts.host} without an API token: set api.token in the config or AQE_API_TOKEN, or use a loopback --host such as 127.0.0.1`,
    );
  }
  return {
    host: '127.0.0.1',
    notice: `no API token configured (api.token or AQE_API_TOKEN): listening on loopback 127.0.0.1 only, not on api.host ${opts.host}`,
  };
}
