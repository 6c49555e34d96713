import type { FleetManager } from '../fleet/FleetManager.js';
import type { Logger } from '../logging.js';
import type { FleetMetrics } from './metrics.js';
import type { StreamHub } from './replay.js';
import type { StreamJournal } from './stream-journal.js';

/** What the routes of one server share. */
export interface ServerState {
  fleet: FleetManager;
  logger: Logger;
  metrics: FleetMetrics;
  hub: StreamHub;
  /** Streamed tasks' events in the store, so any replica can resume a stream. */
  journal: StreamJournal;
  /** Set when shutdown begins: /ready answers 503 and new tasks are refused. */
  draining: boolean;
  heartbeatMs: number;
}
