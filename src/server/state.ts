import type { FleetManager } from '../fleet/FleetManager.js';
import type { Logger } from '../logging.js';
import type { FleetMetrics } from './metrics.js';
import type { StreamHub } from './replay.js';

/** What the routes of one server share. */
export interface ServerState {
  fleet: FleetManager;
  logger: Logger;
  metrics: FleetMetrics;
  hub: StreamHub;
  /** Set when shutdown begins: /ready answers 503 and new tasks are refused. */
  draining: boolean;
  heartbeatMs: number;
}
