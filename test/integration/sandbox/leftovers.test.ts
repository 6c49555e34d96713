import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { processesMentioning, untilNoneMention } from '../../../src/sandbox/leftovers.js';

describe.skipIf(process.platform !== 'linux')('processes a sandbox run leaves behind', () => {
  it('finds a live process by a string in its arguments, and waits until it is gone', async () => {
    const needle = `/tmp/aqe-leftover-${randomUUID()}`;
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', needle], { stdio: 'ignore' });
    await new Promise((r) => child.once('spawn', r));
    expect(processesMentioning(needle)).toEqual([child.pid]);
    // still running: the wait gives up at its limit and says so
    expect(await untilNoneMention(needle, 50)).toBe(false);
    child.kill('SIGKILL');
    expect(await untilNoneMention(needle, 5_000)).toBe(true);
    expect(processesMentioning(needle)).toEqual([]);
  });
});
