/** The seed's StreamCallbacks (section 5.2). Callbacks are adapters over the async-iterator core. */
export interface StreamStartInfo {
  streamId: string;
  taskId?: string;
  model?: string;
  startedAt: number;
}

export interface StreamChunk {
  streamId: string;
  /** 1-based, gap-free, in delivery order. */
  seq: number;
  text: string;
  /** Milliseconds since the stream started. */
  elapsedMs: number;
}

export interface StreamCompleteInfo<T = unknown> {
  streamId?: string;
  data: T;
  usage?: { inputTokens: number; outputTokens: number; estimated?: boolean };
  chunks?: number;
}

export interface StreamCallbacks<T = unknown> {
  onStart?(info: StreamStartInfo): void;
  onChunk?(chunk: StreamChunk): void;
  onComplete?(info: StreamCompleteInfo<T>): void;
  onError?(error: Error): void;
}
