import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect } from 'vitest';

export interface ProgressSeen {
  progress: number;
  total?: number;
  message?: string;
}

export const SECURITY_ARGS = {
  description: 'Review the token check for timing attacks.',
  language: 'typescript',
  files: [{ path: 'src/auth/check.ts', content: 'export function check(a: string, b: string): boolean {\n  return a === b;\n}\n' }],
};

/** tools/list has a tool per agent type plus route_task, get_costs and get_flags, each with an input schema. */
export async function expectFleetTools(client: Client): Promise<void> {
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name);
  for (const n of ['route_task', 'get_costs', 'get_flags', 'security-scanner', 'coverage-analyzer', 'quality-gate', 'defect-analyzer']) {
    expect(names).toContain(n);
  }
  const scanner = tools.find((t) => t.name === 'security-scanner')!;
  expect(scanner.inputSchema.type).toBe('object');
  expect(scanner.inputSchema.required).toContain('description');
  expect(Object.keys(scanner.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['description', 'files', 'language', 'type', 'id']));
}

/** Calls a long tool with a progressToken: progress notifications arrive as chunks do, strictly increasing. */
export async function callWithProgress(client: Client, name: string, args: Record<string, unknown>): Promise<{ text: string; summary: any; progress: ProgressSeen[] }> {
  const progress: ProgressSeen[] = [];
  const result = await client.callTool({ name, arguments: args }, undefined, {
    onprogress: (p) => progress.push(p),
    resetTimeoutOnProgress: true,
    timeout: 20_000,
  });
  expect(result.isError).toBeFalsy();
  const content = result.content as Array<{ type: string; text: string }>;
  return { text: content[0].text, summary: JSON.parse(content[1].text), progress };
}

/**
 * The progress messages are the streamed text in order. The server sends every chunk's notification before
 * the result, but the SDK's Client runs notification handlers a microtask after parsing while it settles the
 * response at once, and drops the request's progress handler then: a last notification read in the same
 * chunk as the response can be lost on the client side. So: a prefix of the text, and all but at most one chunk.
 */
export function expectProgressTracksText(progress: ProgressSeen[], text: string): void {
  const streamed = progress.map((p) => p.message ?? '').join('');
  expect(text.startsWith(streamed)).toBe(true);
  expect(text.length - streamed.length).toBeLessThanOrEqual(Math.max(...progress.map((p) => (p.message ?? '').length)));
}

export function expectIncreasing(progress: ProgressSeen[]): void {
  for (let i = 1; i < progress.length; i++) expect(progress[i].progress).toBeGreaterThan(progress[i - 1].progress);
}

/** Starts a long call and cancels it (notifications/cancelled) after `afterProgress` notifications. */
export async function cancelAfterProgress(client: Client, name: string, args: Record<string, unknown>, afterProgress = 3): Promise<{ error: unknown; progress: number }> {
  const ctrl = new AbortController();
  let seen = 0;
  try {
    await client.callTool({ name, arguments: args }, undefined, {
      signal: ctrl.signal,
      onprogress: () => {
        seen++;
        if (seen === afterProgress) ctrl.abort('user cancelled');
      },
      resetTimeoutOnProgress: true,
      timeout: 20_000,
    });
  } catch (error) {
    return { error, progress: seen };
  }
  throw new Error('the cancelled call resolved instead of rejecting');
}
