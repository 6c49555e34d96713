import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**', 'node_modules/**'],
    pool: 'forks',
    // vitest's default is one fork per core minus one: a single fork on a 2-core machine, where most of the
    // suite's time is spent waiting on child processes and sockets. One fork per core (at least 2) overlaps that.
    poolOptions: { forks: { maxForks: Math.max(2, availableParallelism()), minForks: 1 } },
    // a hang detector, not a speed check (speed belongs in bench/): generous, so a loaded machine does not fail tests
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
