import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/helpers/sequencer.js';

// Most of the suite's wall time is spent waiting on child processes (the CLI, servers, sandboxes) and sockets, so
// two forks per core overlap that waiting; vitest's default (cores - 1) leaves a 2-core machine half idle. On this
// 2-core VM, quiet: 3 forks 197 s, 4 forks 169 s. AQE_TEST_FORKS overrides it.
// minForks = maxForks: with isolation off, vitest 3 fails the run ("Terminating worker thread") when it retires an
// idle fork.
const FORKS = Number(process.env.AQE_TEST_FORKS) || 2 * availableParallelism();

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**', 'node_modules/**'],
    pool: 'forks',
    // isolate: false lets a fork keep the modules it already loaded from one test file to the next, which halves the
    // CPU the suite spends importing. No test relies on fresh module state: none uses vi.mock or stubs globals, and
    // every file closes the servers, stores and child processes it starts.
    poolOptions: { forks: { maxForks: FORKS, minForks: FORKS, isolate: false } },
    // a hang detector, not a speed check (speed belongs in bench/): generous, so a loaded machine does not fail tests
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['test/helpers/global-setup.ts'],
    setupFiles: ['test/helpers/yield-between-tests.ts'],
    sequence: { sequencer: SlowFirstSequencer },
  },
});
