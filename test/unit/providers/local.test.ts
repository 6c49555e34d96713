import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../src/providers/chunk.js';
import { findExports } from '../../../src/providers/local/default-handler.js';
import { registerOfflineHandler } from '../../../src/providers/local/handlers.js';
import { LocalProvider } from '../../../src/providers/local/LocalProvider.js';
import type { ProviderEvent, ProviderRequest } from '../../../src/providers/types.js';
import { countTokens } from '../../../src/routing/tokenizer.js';
import type { QETask } from '../../../src/fleet/types.js';

const task: QETask = {
  id: 'task-42',
  type: 'defect-analysis',
  description: 'Find likely defects in the calculator',
  payload: {
    language: 'typescript',
    files: [
      { path: 'src/calc.ts', content: 'export function add(a: number, b: number) {\n  return a + b;\n}\nexport class Calc {}\nexport const PI = 3.14;\nfunction hidden() {}\n' },
      { path: 'lib/old.js', content: 'exports.legacy = () => 1;\n' },
    ],
    requirements: ['division by zero is handled', 'inputs are numbers'],
  },
};
const req = (t: unknown = task): ProviderRequest => ({ model: 'local', system: 'sys', messages: [{ role: 'user', content: 'analyse this' }], maxTokens: 1000, task: t });

async function collect(it: AsyncIterable<ProviderEvent>) {
  const out: ProviderEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

describe('chunkText', () => {
  it('splits into model-like chunks that concatenate back exactly', () => {
    const text = 'word '.repeat(200) + 'x'.repeat(150) + ' tail 😀 emoji';
    const chunks = chunkText(text, 32);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks.slice(0, -1)) {
      expect(c.length).toBeGreaterThanOrEqual(16);
      expect(c.length).toBeLessThanOrEqual(65);
    }
    expect(chunkText('', 32)).toEqual([]);
  });
});

describe('LocalProvider (offline engine)', () => {
  it('writes an honest deterministic report for task types without a handler', async () => {
    const p = new LocalProvider('claude-haiku-4');
    const a = await p.complete(req());
    const b = await p.complete(req());
    expect(a.text).toBe(b.text);
    expect(a.text).toContain('# Offline analysis: defect-analysis task task-42');
    expect(a.text).toContain('not a model answer');
    expect(a.text).toContain('- src/calc.ts: 6 lines');
    expect(a.text).toContain('exports (3): function add, class Calc, const PI');
    expect(a.text).toContain('exports (1): export legacy');
    expect(a.text).toContain('1. division by zero is handled');
    expect(a.text).toContain('2 file(s), 7 line(s), 4 exported symbol(s), 2 requirement(s).');
    expect(a.usage).toEqual({ inputTokens: countTokens('sys') + countTokens('analyse this'), outputTokens: countTokens(a.text), estimated: true });
  });

  it('runs the registered offline handler for the task type', async () => {
    registerOfflineHandler('flaky-test-analysis', (t) => `handled ${t.id} offline`);
    const p = new LocalProvider();
    const r = await p.complete(req({ ...task, type: 'flaky-test-analysis' }));
    expect(r.text).toBe('handled task-42 offline');
  });

  it('streams the same text in chunks with estimated usage', async () => {
    const p = new LocalProvider('m', { chunkChars: 20 });
    const events = await collect(p.stream(req()));
    const deltas = events.filter((e) => e.type === 'delta').map((e: any) => e.text as string);
    const sync = await p.complete(req());
    expect(deltas.join('')).toBe(sync.text);
    expect(deltas.length).toBeGreaterThan(5);
    expect(events[0]).toEqual({ type: 'start', model: 'local' });
    const usage = events.filter((e) => e.type === 'usage').at(-1) as any;
    expect(usage.usage).toEqual(sync.usage);
    expect(events.at(-1)).toEqual({ type: 'stop', stopReason: 'end_turn' });
  });

  it('describes a bare request when there is no task', async () => {
    const r = await new LocalProvider().complete(req(null));
    expect(r.text).toContain('Offline analysis of a request');
    expect(r.text).toContain('messages: 1');
  });

  it('stops streaming when the signal aborts', async () => {
    const ctrl = new AbortController();
    const seen: string[] = [];
    const p = new LocalProvider('m', { chunkChars: 16 });
    await expect(
      (async () => {
        for await (const e of p.stream({ ...req(), signal: ctrl.signal })) {
          if (e.type === 'delta') {
            seen.push(e.text);
            if (seen.length === 2) ctrl.abort();
          }
        }
      })(),
    ).rejects.toMatchObject({ kind: 'aborted' });
    expect(seen).toHaveLength(2);
  });

  it('finds exports with a quick scan', () => {
    expect(findExports('export default async function main() {}\nexport interface A {}\nexport type B = 1;\nexport enum C {}\nexport abstract class D {}')).toEqual([
      { kind: 'function', name: 'main' },
      { kind: 'interface', name: 'A' },
      { kind: 'type', name: 'B' },
      { kind: 'enum', name: 'C' },
      { kind: 'class', name: 'D' },
    ]);
  });
});
