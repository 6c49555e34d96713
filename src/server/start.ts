import type { AddressInfo } from 'node:net';
import { errorMessage } from '../errors.js';
import type { FleetManager } from '../fleet/FleetManager.js';
import { buildServer, type AqeServer, type ServerOptions } from './app.js';
import { decideBindHost } from './bind.js';
import { markServiceProcess } from '../sandbox/index.js';
import { decideAuth } from './auth.js';
import { realWorkspaceRoot } from '../fleet/workspace-paths.js';

export interface StartOptions extends ServerOptions {
  /** Default the config's api.host. */
  host?: string;
  /** Default the config's api.port; 0 picks a free port. */
  port?: number;
  /** The host came from the command line: a non-loopback one without a token is refused, not replaced. */
  hostExplicit?: boolean;
  /** How long running tasks get to finish on shutdown (default the config's fleet.shutdownGraceMs). */
  graceMs?: number;
  /** Install SIGTERM/SIGINT (drain, then exit 0) and SIGHUP (reload config) handlers. */
  handleSignals?: boolean;
  /** Called with the exit code after a signal-initiated shutdown (default process.exit). */
  exit?: (code: number) => void;
}

export interface RunningServer extends AqeServer {
  url: string;
  host: string;
  port: number;
  /** Set when auth is off and the server listens on loopback only. */
  notice?: string;
  /** Stop accepting, let running tasks finish within the grace period, close the store, close the server. */
  shutdown(reason?: string): Promise<void>;
}

/** Builds the server, checks where it may listen, listens, and (optionally) handles SIGTERM and SIGHUP. */
export async function startServer(fleet: FleetManager, opts: StartOptions = {}): Promise<RunningServer> {
  markServiceProcess(); // code arrives from callers: security.sandbox 'auto' means bubblewrap or refuse
  const { api, security } = fleet.getConfig();
  const auth = decideAuth(security, opts.token ?? api.token);
  const token = auth.token;
  if (api.workspaceRoot) realWorkspaceRoot(api.workspaceRoot);
  const bind = decideBindHost({ host: opts.host ?? api.host, explicit: !!opts.hostExplicit, tokenConfigured: !!token });
  const server = buildServer(fleet, { ...opts, token });
  const { app, state } = server;
  const logger = state.logger;

  await app.listen({ host: bind.host, port: opts.port ?? api.port });
  const address = app.server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostForUrl}:${address.port}`;
  if (auth.notice) logger.warn(auth.notice);
  if (bind.notice) logger.warn(bind.notice);
  logger.info({ url }, `aqe serve listening on ${url}`);

  let shuttingDown: Promise<void> | undefined;
  const shutdown = (reason = 'shutdown'): Promise<void> => {
    shuttingDown ??= (async () => {
      const graceMs = opts.graceMs ?? fleet.getConfig().fleet.shutdownGraceMs;
      logger.info({ reason, graceMs }, `${reason}: no new requests; letting running tasks finish (grace ${graceMs} ms)`);
      state.draining = true;
      const closing = app.close();
      try {
        await fleet.shutdown({ graceMs });
      } catch (err) {
        logger.error(`fleet shutdown: ${errorMessage(err)}`);
      }
      // Task streams end with their tasks. Their keep-alive connections turn idle once the last bytes are out:
      // close those as they do; cut whatever is still open after a short wait.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 25);
      app.server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const cut = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          app.server.closeAllConnections();
          resolve();
        }, 2000);
      });
      await Promise.race([closing, cut]);
      clearTimeout(timer);
      clearInterval(sweep);
      await closing;
      logger.info('stopped');
      logger.flush?.();
    })();
    return shuttingDown;
  };

  if (opts.handleSignals) {
    const exit = opts.exit ?? ((code: number) => process.exit(code));
    const onStop = (signal: NodeJS.Signals) => {
      shutdown(signal).then(
        () => exit(0),
        (err) => {
          logger.error(`shutdown failed: ${errorMessage(err)}`);
          exit(1);
        },
      );
    };
    process.once('SIGTERM', onStop);
    process.once('SIGINT', onStop);
    process.on('SIGHUP', () => {
      const ok = fleet.reloadConfig();
      logger.info(ok ? 'SIGHUP: reloading the config file and .env' : 'SIGHUP: no config file to reload');
    });
  }

  return { ...server, url, host: bind.host, port: address.port, notice: bind.notice, shutdown };
}
