import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedModels } from '../../../src/config/defaults.js';
import { SqliteMemoryStore } from '../../../src/memory/sqlite-store.js';
import { FakeOpenAIServer } from '../../helpers/fake-openai.js';
import { tempDir } from '../../helpers/fleet.js';
import { SECURITY_ARGS, callWithProgress, cancelAfterProgress, expectFleetTools, expectIncreasing, expectProgressTracksText } from '../../helpers/mcp.js';
import { fakeModelConfig } from '../../helpers/server.js';

const BIN = resolve('bin/aqe.js');

describe('`aqe mcp` on stdio (SDK Client, spawned process)', () => {
  let fake: FakeOpenAIServer;
  let client: Client;
  let dir: string;
  let cleanup: () => void;
  let stderr = '';

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('aqe-mcp-stdio-'));
    fake = await FakeOpenAIServer.start({ record: false });
    fake.setScript((req) => {
      const slow = JSON.stringify(req.body?.messages ?? '').includes('SLOW');
      // 25 ms apart: chunks read together (2 ms apart on a loaded machine) rightly go out as one progress notification
      return slow ? { text: 'word '.repeat(400), chunkSize: 10, chunkDelayMs: 15 } : { text: 'Stdio finding. '.repeat(6), chunkSize: 10, chunkDelayMs: 25 };
    });
    const config = { ...fakeModelConfig(fake.url), database: { path: join(dir, 'fleet.db') }, logging: { level: 'warn' } };
    // A disabled model left over from the seed's config, on an id Anthropic retired: a warning at start, nothing else.
    config.routing!.models!.push({ ...seedModels()[0], model: 'claude-opus-4-20250514', enabled: false });
    writeFileSync(join(dir, 'fleet.yaml'), JSON.stringify(config, null, 2));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, '-c', join(dir, 'fleet.yaml'), 'mcp'],
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    client = new Client({ name: 'aqe-stdio-test', version: '1.0.0' });
    await client.connect(transport);
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await fake?.close();
    cleanup?.();
  });

  it('warns on stderr about a retired model id in its config, naming the field (stdout is the protocol)', async () => {
    // pino writes stderr asynchronously: wait for the line rather than assume it came before the handshake.
    await vi.waitFor(() => expect(stderr).toMatch(/config: routing\.models\[1\]\.model \(line \d+\): \\"claude-opus-4-20250514\\" is retired on 2026-06-15/), { timeout: 10_000 });
  });

  it('lists the fleet tools', async () => {
    await expectFleetTools(client);
  });

  it('runs an agent tool with progress notifications', async () => {
    const { text, summary, progress } = await callWithProgress(client, 'security-scanner', { ...SECURITY_ARGS, id: 'stdio-1' });
    expect(text).toBe('Stdio finding. '.repeat(6));
    expect(summary).toMatchObject({ taskId: 'stdio-1', status: 'completed', streamed: true });
    expect(progress.length).toBeGreaterThan(3);
    expectIncreasing(progress);
    expectProgressTracksText(progress, text);
  });

  it('cancellation stops the task (recorded as cancelled in the store)', async () => {
    const { error } = await cancelAfterProgress(client, 'security-scanner', { ...SECURITY_ARGS, description: 'SLOW review', id: 'stdio-cancel' });
    expect(String(error)).toMatch(/cancel/i);
    let status: string | undefined;
    for (let i = 0; i < 100 && status !== 'cancelled'; i++) {
      await new Promise((r) => setTimeout(r, 30));
      const store = new SqliteMemoryStore(join(dir, 'fleet.db'));
      try {
        status = ((await store.get('fleet/tasks', 'stdio-cancel'))?.value as { status?: string } | undefined)?.status;
      } finally {
        await store.close();
      }
    }
    expect(status, stderr).toBe('cancelled');
  });

  it('get_flags answers over stdio too', async () => {
    const res = await client.callTool({ name: 'get_flags', arguments: {} });
    const body = JSON.parse((res.content as Array<{ text: string }>)[0].text);
    expect(body.flags.streaming.value).toBe(true);
  });
});
