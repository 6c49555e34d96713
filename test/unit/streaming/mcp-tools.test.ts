import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BaseMCPTool, runTool } from '../../../src/mcp/BaseMCPTool.js';
import { StreamingMCPTool } from '../../../src/mcp/StreamingMCPTool.js';
import type { StreamCallbacks } from '../../../src/streaming/types.js';

// A v1.0.4 tool: only execute().
class MyCustomTool extends BaseMCPTool {
  async execute(params: any): Promise<any> {
    return { echoed: params.value };
  }
}

class LinesTool extends StreamingMCPTool<{ n: number }, string> {
  get name() {
    return 'lines';
  }
  get inputSchema() {
    return z.object({ n: z.number().int().positive() });
  }
  protected async *produce(params: { n: number }) {
    for (let i = 1; i <= params.n; i++) yield `line ${i}\n`;
  }
}

function recorder<T>() {
  const log: string[] = [];
  const callbacks: StreamCallbacks<T> = {
    onStart: () => log.push('start'),
    onChunk: (c) => log.push(`chunk ${c.seq}: ${c.text.trim()}`),
    onComplete: (i) => log.push(`complete ${JSON.stringify(i.data)}`),
    onError: (e) => log.push(`error ${e.message}`),
  };
  return { log, callbacks };
}

describe('BaseMCPTool / StreamingMCPTool', () => {
  it('an execute()-only tool works through runTool, with and without callbacks', async () => {
    const tool = new MyCustomTool();
    expect(tool.name).toBe('my-custom');
    expect(tool.supportsStreaming()).toBe(false);
    expect(await runTool(tool, { value: 3 })).toEqual({ echoed: 3 });
    const { log, callbacks } = recorder();
    expect(await runTool(tool, { value: 4 }, callbacks)).toEqual({ echoed: 4 });
    expect(log).toEqual(['start', 'complete {"echoed":4}']);
  });

  it('a streaming tool delivers ordered chunks and the same result as execute()', async () => {
    const tool = new LinesTool();
    const { log, callbacks } = recorder<string>();
    const streamed = await runTool(tool, { n: 3 }, callbacks);
    expect(log).toEqual(['start', 'chunk 1: line 1', 'chunk 2: line 2', 'chunk 3: line 3', `complete ${JSON.stringify('line 1\nline 2\nline 3\n')}`]);
    expect(await runTool(tool, { n: 3 })).toBe(streamed);
  });

  it('validates parameters with the zod schema and names the field', async () => {
    await expect(runTool(new LinesTool(), { n: -1 })).rejects.toThrow(/invalid parameters for tool lines: n:/);
  });

  it('reports a failing execute() through onError', async () => {
    class Broken extends BaseMCPTool {
      async execute(): Promise<never> {
        throw new Error('nope');
      }
    }
    const { log, callbacks } = recorder();
    await expect(runTool(new Broken(), {}, callbacks)).rejects.toThrow('nope');
    expect(log).toEqual(['start', 'error nope']);
  });
});
