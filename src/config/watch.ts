import { EventEmitter } from 'node:events';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ConfigError, ErrorCodes, errorMessage } from '../errors.js';
import { redactSecrets } from '../secrets.js';
import { loadConfig, type LoadedConfig } from './load.js';

/** The pino-compatible subset the watcher logs with. */
export interface WatchLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface ConfigWatcherOptions {
  path: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Quiet period after the last file event before reloading (editors write in several steps). Default 100 ms. */
  debounceMs?: number;
  logger?: WatchLogger;
  /** Install a SIGHUP handler in start() (removed in stop()). Default false: the process owner decides. */
  handleSignals?: boolean;
}

const stderrLogger: WatchLogger = {
  info: () => {},
  error: (_obj, msg) => process.stderr.write(redactSecrets(`aqe: ${msg ?? ''}\n`)),
};

/**
 * Watches the config file's directory (so rename-over-write saves are seen) and reloads after a debounce.
 * A valid edit emits 'reload' (LoadedConfig); an invalid one is refused and `current` stays the last good
 * config: 'error' (ConfigError whose message lists the problems) is emitted when someone listens, and the
 * refusal is logged to opts.logger (or, with no logger given, to stderr when nobody listens to 'error').
 */
export class ConfigWatcher extends EventEmitter {
  private readonly path: string;
  private readonly opts: ConfigWatcherOptions;
  private readonly logger: WatchLogger;
  private fsWatcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private lastGood?: LoadedConfig;
  private readonly onSighup = (): void => {
    this.handleSighup();
  };

  constructor(opts: ConfigWatcherOptions) {
    super();
    this.opts = opts;
    this.path = resolve(opts.cwd ?? process.cwd(), opts.path);
    this.logger = opts.logger ?? stderrLogger;
  }

  /** The last config that loaded successfully (undefined until the first successful reload). */
  get current(): LoadedConfig | undefined {
    return this.lastGood;
  }

  start(): this {
    if (this.fsWatcher) return this;
    const name = basename(this.path);
    try {
      this.fsWatcher = watch(dirname(this.path), { persistent: false }, (_event, filename) => {
        if (filename === null || filename.toString() === name) this.schedule();
      });
    } catch (err) {
      throw new ConfigError(`cannot watch ${dirname(this.path)}: ${errorMessage(err)}`, [], ErrorCodes.CONFIG_NOT_FOUND);
    }
    this.fsWatcher.on('error', (err) => this.logger.error({ err: errorMessage(err), path: this.path }, 'config watcher failed'));
    if (this.opts.handleSignals) process.on('SIGHUP', this.onSighup);
    return this;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.fsWatcher?.close();
    this.fsWatcher = undefined;
    process.off('SIGHUP', this.onSighup);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.reload();
    }, this.opts.debounceMs ?? 100);
    this.timer.unref?.();
  }

  /** Re-read the file and .env now. Returns the new config, or undefined when the edit was refused. */
  reload(): LoadedConfig | undefined {
    try {
      const loaded = loadConfig({ path: this.path, env: this.opts.env, cwd: this.opts.cwd });
      this.lastGood = loaded;
      this.logger.info({ path: this.path, envApplied: loaded.envApplied }, 'config reloaded');
      this.emit('reload', loaded);
      return loaded;
    } catch (err) {
      // The emitted error's message carries the problems, so a listener that logs err.message names them.
      const cause = err instanceof ConfigError ? err : new ConfigError(`config reload failed: ${errorMessage(err)}`);
      const detail = cause.problems.length ? `${cause.message}: ${cause.problems.join('; ')}` : cause.message;
      const error = new ConfigError(redactSecrets(detail), cause.problems.map(redactSecrets), cause.code);
      const listened = this.listenerCount('error') > 0;
      if (this.opts.logger || !listened) {
        this.logger.error({ path: this.path, problems: error.problems }, `config reload refused, keeping the last good config: ${error.message}`);
      }
      if (listened) this.emit('error', error);
      return undefined;
    }
  }

  /** SIGHUP: re-read the config file and the .env file. */
  handleSighup(): LoadedConfig | undefined {
    return this.reload();
  }
}
