import { randomUUID } from 'node:crypto';
import type { StreamCallbacks } from '../streaming/types.js';
import { BaseMCPTool } from './BaseMCPTool.js';

export interface ToolStreamContext {
  signal?: AbortSignal;
}

/**
 * A tool that produces its result in chunks (seed section 5.2). Subclasses implement `produce()`, an async
 * iterable of text chunks; `finalize()` turns the collected text into the result (default: the text).
 * execute() and executeStreaming() run the same producer, so the streamed and synchronous results are
 * identical. onChunk may return a promise to slow the producer down (it is awaited before the next chunk).
 */
export abstract class StreamingMCPTool<P = any, R = string> extends BaseMCPTool<P, R> {
  protected abstract produce(params: P, ctx: ToolStreamContext): AsyncIterable<string>;

  protected finalize(text: string, _params: P): R | Promise<R> {
    return text as unknown as R;
  }

  supportsStreaming(): boolean {
    return true;
  }

  async execute(params: P, ctx: ToolStreamContext = {}): Promise<R> {
    let text = '';
    for await (const piece of this.produce(params, ctx)) text += piece;
    return this.finalize(text, params);
  }

  async executeStreaming(params: P, callbacks: StreamCallbacks<R>, ctx: ToolStreamContext = {}): Promise<R> {
    const streamId = randomUUID();
    const startedAt = Date.now();
    callbacks.onStart?.({ streamId, startedAt });
    let seq = 0;
    let text = '';
    try {
      for await (const piece of this.produce(params, ctx)) {
        if (!piece) continue;
        text += piece;
        const r = callbacks.onChunk?.({ streamId, seq: ++seq, text: piece, elapsedMs: Date.now() - startedAt }) as unknown;
        if (r && typeof (r as Promise<void>).then === 'function') await r;
      }
      const data = await this.finalize(text, params);
      callbacks.onComplete?.({ streamId, data, chunks: seq });
      return data;
    } catch (err) {
      callbacks.onError?.(err instanceof Error ? err : new Error(String(err)));
      throw err;
    }
  }
}
