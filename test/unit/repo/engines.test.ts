import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
};

/** The lowest version of each major that package.json's engines accepts, e.g. 20.19.0, 22.13.0, 24.0.0. */
function lowestSupported(range: string): string[] {
  return range.split('||').map((part) => semver.minVersion(part.trim())!.version);
}

describe('supported Node versions', () => {
  const supported = lowestSupported(pkg.engines.node);

  it('engines names exactly the majors CI tests (20, 22)', () => {
    expect(supported.map((v) => semver.major(v))).toEqual([20, 22]);
  });

  // Node 24 is not promised until CI runs the suite on it (.ci/test-on-node 24), but nothing installed refuses it
  it('every installed package accepts Node 24.0.0 too', () => {
    const rejecting = Object.entries(lock.packages).filter(([path, p]) => path && !p.optional && p.engines && !Array.isArray(p.engines) && p.engines.node && !semver.satisfies('24.0.0', p.engines.node));
    expect(rejecting.map(([path]) => path)).toEqual([]);
  });

  // npm prints EBADENGINE for any installed package whose engines.node rejects the running Node.
  it.each(supported)('every installed package accepts Node %s (no EBADENGINE warning on install)', (version) => {
    const rejecting = Object.entries(lock.packages)
      .filter(([path, p]) => path && !p.optional && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(version, (p.engines as { node: string }).node))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')} needs node ${(p.engines as { node: string }).node}`);
    expect(rejecting).toEqual([]);
  });
});
