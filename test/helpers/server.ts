import type { FleetConfigInput } from '../../src/config/schema.js';
import { FleetManager } from '../../src/fleet/FleetManager.js';
import { silentLogger } from '../../src/logging.js';
import { buildServer, type AqeServer, type ServerOptions } from '../../src/server/app.js';
import { tempDir, testConfig } from './fleet.js';

export interface TestServer extends AqeServer {
  fleet: FleetManager;
  url: string;
  dir: string;
  close: () => Promise<void>;
}

/** A fleet on a temp-dir store behind a listening server on 127.0.0.1 (random port). */
export async function startTestServer(overrides: FleetConfigInput = {}, opts: ServerOptions & { env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  const { dir, cleanup } = tempDir('aqe-server-');
  const fleet = new FleetManager(testConfig(overrides, dir), { env: opts.env ?? {}, logger: silentLogger(), cwd: dir });
  await fleet.initialize();
  const server = buildServer(fleet, { logger: silentLogger(), ...opts });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = server.app.server.address() as { port: number };
  let closed = false;
  return {
    ...server,
    fleet,
    dir,
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      if (closed) return;
      closed = true;
      if (!fleet.isDraining()) await fleet.shutdown({ graceMs: 500 }).catch(() => undefined);
      await server.app.close();
      cleanup();
    },
  };
}

/** Streaming on (flag and subsystem switch). */
export const STREAMING_ON: FleetConfigInput = { features: { streaming: true }, streaming: { enabled: true } };

/** A config whose only model is an OpenAI-compatible fake server (scripted pacing, real SDK). */
export function fakeModelConfig(baseURL: string, extra: FleetConfigInput = {}): FleetConfigInput {
  return {
    ...STREAMING_ON,
    ...extra,
    routing: {
      defaultModel: 'fake-model',
      models: [
        {
          name: 'fake-model',
          provider: 'openai-compatible',
          model: 'fake-model-1',
          baseURL,
          capabilities: { maxTokens: 8192, supportsStreaming: true, costPer1kTokens: { input: 0.001, output: 0.002 } },
          complexityRange: { min: 0, max: 1 },
          enabled: true,
        },
      ],
      ...(extra.routing ?? {}),
    },
  };
}

export interface SseEvent {
  event: string;
  id?: string;
  data: any;
}

/** Reads an SSE response event by event (comments skipped; data parsed as JSON). */
export async function* readSse(res: Response): AsyncGenerator<SseEvent> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const ev: Partial<SseEvent> & { dataLines: string[] } = { dataLines: [] };
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') ev.event = value;
          else if (field === 'id') ev.id = value;
          else if (field === 'data') ev.dataLines.push(value);
        }
        if (ev.dataLines.length) yield { event: ev.event ?? 'message', id: ev.id, data: JSON.parse(ev.dataLines.join('\n')) };
      }
    }
  } finally {
    reader.releaseLock();
  }
}

export async function collectSse(res: Response): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const ev of readSse(res)) out.push(ev);
  return out;
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
