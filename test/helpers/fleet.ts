import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig } from '../../src/config/defaults.js';
import type { FleetConfig, FleetConfigInput } from '../../src/config/schema.js';
import { FleetManager } from '../../src/fleet/FleetManager.js';
import { silentLogger } from '../../src/logging.js';

export function tempDir(prefix = 'aqe-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The seed's createConfig helper, with the store in a temp dir so tests never touch the repo. */
export function testConfig(overrides: FleetConfigInput = {}, dir = tempDir().dir): FleetConfig {
  return createConfig({ ...overrides, database: { type: 'sqlite', path: join(dir, 'fleet.db'), ...(overrides.database ?? {}) } });
}

/** A fleet on the offline engine with no API key in its environment. */
export async function startFleet(overrides: FleetConfigInput = {}, env: NodeJS.ProcessEnv = {}): Promise<{ fleet: FleetManager; dir: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = tempDir();
  const fleet = new FleetManager(testConfig(overrides, dir), { env, logger: silentLogger(), cwd: dir });
  await fleet.initialize();
  return { fleet, dir, cleanup: async () => { await fleet.shutdown({ graceMs: 1000 }); cleanup(); } };
}

export const sumTask = {
  id: 'sum-1',
  type: 'test-generation',
  description: 'Unit tests for sum.',
  payload: { language: 'javascript' as const, files: [{ path: 'src/sum.js', content: 'export function sum(a, b) {\n  return a + b;\n}\n' }] },
};

export const reviewTask = {
  id: 'review-1',
  type: 'security-scan',
  description: 'Review the token check for timing attacks.',
  payload: {
    language: 'typescript' as const,
    files: [{ path: 'src/auth/check.ts', content: "export function check(a: string, b: string): boolean {\n  return a === b;\n}\n" }],
  },
};
