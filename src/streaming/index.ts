export type { StreamCallbacks, StreamChunk, StreamCompleteInfo, StreamStartInfo } from './types.js';
export { BufferManager, type BufferOptions, type BufferStats } from './BufferManager.js';
export { StreamManager, type AttemptRecord, type StreamLogger, type StreamManagerOptions, type StreamOutcome } from './StreamManager.js';
export { StreamSessionHandle, type StreamSession, type StreamSessionState, type StreamSessionStatus } from './session.js';
export { ModelCaller, type FallbackInfo, type ModelCallOptions, type ModelCallResult, type ModelCallerOptions } from './ModelCaller.js';
export { backoffDelay, createRetryPolicy } from './retry.js';
