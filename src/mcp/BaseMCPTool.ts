import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AqeError, ErrorCodes } from '../errors.js';
import type { StreamCallbacks } from '../streaming/types.js';

/**
 * Base class of MCP tools (seed section 5.2). A v1.0.4 tool that only implements execute() keeps working:
 * name, description and inputSchema have defaults, supportsStreaming() is false, and executeStreaming()
 * runs execute() and reports onStart / onComplete (or onError).
 */
export abstract class BaseMCPTool<P = any, R = unknown> {
  /** Tool name as exposed over MCP; defaults to the class name in kebab case (MyCustomTool -> my-custom-tool). */
  get name(): string {
    return this.constructor.name
      .replace(/Tool$/, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase();
  }

  get description(): string {
    return `${this.name} tool`;
  }

  /** Zod schema of the parameters; the default accepts anything (v1.0.4 tools had none). */
  get inputSchema(): z.ZodType<P> {
    return z.any() as z.ZodType<P>;
  }

  abstract execute(params: P): Promise<R>;

  supportsStreaming(): boolean {
    return false;
  }

  async executeStreaming(params: P, callbacks: StreamCallbacks<R>): Promise<R> {
    const streamId = randomUUID();
    callbacks.onStart?.({ streamId, startedAt: Date.now() });
    try {
      const data = await this.execute(params);
      callbacks.onComplete?.({ streamId, data, chunks: 0 });
      return data;
    } catch (err) {
      callbacks.onError?.(err instanceof Error ? err : new Error(String(err)));
      throw err;
    }
  }

  /** Validates raw parameters against inputSchema; the error names each offending field. */
  parseParams(raw: unknown): P {
    const r = this.inputSchema.safeParse(raw);
    if (r.success) return r.data;
    const problems = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(params)'}: ${i.message}`);
    throw new AqeError(ErrorCodes.USAGE, `invalid parameters for tool ${this.name}: ${problems.join('; ')}`, { tool: this.name, problems });
  }
}

/**
 * Runs any tool: validates params, streams when callbacks are given and the tool can stream, otherwise
 * runs execute() (reporting onStart/onComplete when callbacks are given). The result is the same either way.
 */
export async function runTool<P, R>(tool: BaseMCPTool<P, R>, rawParams: unknown, callbacks?: StreamCallbacks<R>): Promise<R> {
  const params = tool.parseParams(rawParams);
  if (!callbacks) return tool.execute(params);
  if (tool.supportsStreaming()) return tool.executeStreaming(params, callbacks);
  return BaseMCPTool.prototype.executeStreaming.call(tool, params, callbacks) as Promise<R>;
}
