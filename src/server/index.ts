export { buildServer, type AqeServer, type ServerOptions } from './app.js';
export { startServer, type RunningServer, type StartOptions } from './start.js';
export { FleetMetrics, METRICS_CONTENT_TYPE } from './metrics.js';
export { StreamHub, TaskEventLog, formatSseEvent } from './replay.js';
export { decideBindHost, isLoopbackHost } from './bind.js';
export { tokensEqual } from './auth.js';
