import { describe, expect, it } from 'vitest';
import { boundHeapGrowth } from '../../../src/server/heap-growth.js';

describe('boundHeapGrowth', () => {
  it('leaves the heap sizing alone when node was started with its own', () => {
    expect(boundHeapGrowth(['--heap-growing-percent=20'])).toBe(false);
    expect(boundHeapGrowth(['--max-old-space-size=512'])).toBe(false);
    expect(boundHeapGrowth(['--max_old_space_size=512'])).toBe(false);
  });

  it('sets the growing factor otherwise', () => {
    expect(boundHeapGrowth(['--enable-source-maps'])).toBe(true);
  });
});
