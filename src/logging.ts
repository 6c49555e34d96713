import pino, { type Logger } from 'pino';
import type { FleetConfig } from './config/schema.js';
import { redactSecrets } from './secrets.js';

export type { Logger };

const REDACT_PATHS = [
  'apiKey', '*.apiKey', '*.*.apiKey', 'token', '*.token', 'authorization', '*.authorization',
  'headers.authorization', 'req.headers.authorization', 'ANTHROPIC_API_KEY', '*.ANTHROPIC_API_KEY',
];

/**
 * Logs go to stderr (stdout stays clean for --json output). Keys are redacted by path and, for values that
 * leak into messages, by the registered secret values.
 */
export function createLogger(logging: Partial<FleetConfig['logging']> = {}, name = 'aqe'): Logger {
  const level = process.env.AQE_LOG_LEVEL ?? logging.level ?? 'info';
  const destination = logging.file ? pino.destination({ dest: logging.file, mkdir: true, sync: false }) : pino.destination(2);
  return pino(
    {
      name,
      level,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? redactSecrets(a) : a)) as Parameters<typeof method>);
        },
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A logger that discards everything (library use without logging configured, tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
