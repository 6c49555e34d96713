import type { Command } from 'commander';
import { AqeError, ErrorCodes } from '../../errors.js';
import { EXIT, globalConfigPath, reportAndExit } from '../common.js';

interface ServeOptions {
  port?: string;
  host?: string;
  graceMs?: string;
  mcp: boolean;
  json?: boolean;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new AqeError(ErrorCodes.USAGE, `--port: expected an integer 0-65535, found ${JSON.stringify(value)}`);
  return n;
}

/** A port in use or an address we may not bind is an environment problem (exit 2), said in words. */
function listenError(err: unknown, host: string, port: number): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why: Record<string, string> = {
    EADDRINUSE: 'the port is already in use (another aqe serve or another program?); pick another --port',
    EACCES: 'permission denied (ports below 1024 need privileges); pick another --port',
    EADDRNOTAVAIL: 'the address is not available on this machine; check --host',
  };
  if (!code || !why[code]) return err;
  return new AqeError(ErrorCodes.USAGE, `cannot listen on ${host}:${port}: ${why[code]}`, { code });
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('run the fleet as an HTTP service: /health, /ready, /metrics, /v1/tasks (JSON or SSE), /v1/flags, /v1/costs, MCP at /mcp')
    .option('--port <port>', 'port to listen on (default api.port, 3000; 0 picks a free port)')
    .option('--host <host>', 'address to listen on (default api.host, 127.0.0.1); a non-loopback host needs an API token')
    .option('--grace-ms <ms>', 'on SIGTERM, how long running tasks get to finish (default fleet.shutdownGraceMs)')
    .option('--no-mcp', 'do not offer MCP over Streamable HTTP at /mcp')
    .option('--json', 'print the listening address as a JSON line')
    .action(async (opts: ServeOptions, cmd: Command) => {
      let port: number | undefined;
      let graceMs: number | undefined;
      try {
        port = opts.port === undefined ? undefined : parsePort(opts.port);
        if (opts.graceMs !== undefined) {
          graceMs = Number(opts.graceMs);
          if (!Number.isInteger(graceMs) || graceMs < 0) throw new AqeError(ErrorCodes.USAGE, `--grace-ms: expected a non-negative integer, found ${JSON.stringify(opts.graceMs)}`);
        }
      } catch (err) {
        reportAndExit(err, EXIT.USAGE);
      }
      try {
        const [{ loadConfig }, { FleetManager }, { startServer }, { decideBindHost }, { decideAuth }, { boundHeapGrowth }, { configLogger }] = await Promise.all([
          import('../../config/load.js'),
          import('../../fleet/FleetManager.js'),
          import('../../server/start.js'),
          import('../../server/bind.js'),
          import('../../server/auth.js'),
          import('../../server/heap-growth.js'),
          import('../open-fleet.js'),
        ]);
        boundHeapGrowth();
        const loaded = loadConfig({ path: globalConfigPath(cmd) });
        // Refuse a bad --host, or enableAuth without a token, before opening the store.
        const auth = decideAuth(loaded.config.security, loaded.config.api.token);
        try {
          decideBindHost({ host: opts.host ?? loaded.config.api.host, explicit: opts.host !== undefined, tokenConfigured: !!auth.token });
        } catch (err) {
          reportAndExit(err, EXIT.USAGE);
        }
        const logger = configLogger(loaded);
        const fleet = new FleetManager(loaded.config, { configPath: loaded.path, watchConfig: loaded.path !== undefined, env: loaded.env, logger, owner: { role: 'aqe serve' } });
        await fleet.initialize();
        const server = await startServer(fleet, {
          host: opts.host, hostExplicit: opts.host !== undefined, port, graceMs, handleSignals: true, mcp: opts.mcp,
        }).catch(async (err: unknown) => {
          await fleet.shutdown();
          throw listenError(err, opts.host ?? loaded.config.api.host, port ?? loaded.config.api.port);
        });
        if (opts.json) {
          process.stdout.write(JSON.stringify({ event: 'listening', url: server.url, auth: !!auth.token, mcp: opts.mcp ? `${server.url}/mcp` : null }) + '\n');
        } else {
          process.stdout.write(`aqe serve: listening on ${server.url}${opts.mcp ? ` (MCP at ${server.url}/mcp)` : ''}\n`);
        }
      } catch (err) {
        reportAndExit(err);
      }
    });
}
