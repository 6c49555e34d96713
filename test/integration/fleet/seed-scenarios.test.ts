// The seed's section 7.2 tests, as written there apart from the test runner's syntax.
import { afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config/defaults.js';
import { FleetManager } from '../../../src/fleet/FleetManager.js';
import { silentLogger } from '../../../src/logging.js';
import { sumTask, tempDir } from '../../helpers/fleet.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

// Each fleet gets its own store in a temp dir; no API key, so models run on the offline engine.
function isolated(config: ReturnType<typeof createConfig>) {
  const { dir, cleanup } = tempDir();
  config.database.path = `${dir}/fleet.db`;
  cleanups.push(cleanup);
  return config;
}
const task = { ...sumTask };

describe('Backward Compatibility', () => {
  it('should work with features disabled', async () => {
    const config = isolated(createConfig({ features: { multiModelRouter: false, streaming: false } }));
    const fleet = new FleetManager(config, { env: {}, logger: silentLogger() });
    cleanups.push(() => fleet.shutdown());
    await fleet.initialize();

    // Should work exactly as v1.0.4
    const agent = await fleet.spawnAgent('test-generator');
    const result = await agent.executeTask(task);

    expect(result).toBeDefined();
    expect(result.status).toBe('completed');
    expect(result.modelName).toBe(config.routing.defaultModel);
    expect(result.streamed).toBe(false);
  });
});

describe('Feature Flags', () => {
  it('should enable routing when flag is true', async () => {
    const config = isolated(createConfig({ features: { multiModelRouter: true } }));
    const fleet = new FleetManager(config, { env: {}, logger: silentLogger() });
    cleanups.push(() => fleet.shutdown());
    await fleet.initialize();

    expect(fleet.getModelRouter()).toBeDefined();
  });

  it('has no router while the flag is off', async () => {
    const config = isolated(createConfig({ features: { multiModelRouter: false } }));
    const fleet = new FleetManager(config, { env: {}, logger: silentLogger() });
    cleanups.push(() => fleet.shutdown());
    await fleet.initialize();

    expect(fleet.getModelRouter()).toBeUndefined();
  });
});
