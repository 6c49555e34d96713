import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// End-to-end tests run the real `aqe` binary, which loads dist/. Rebuild when any source file is newer.
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const stamp = 'dist/.buildstamp';
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestMtime('src')) return;
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  } catch {
    // tsc still emits on type errors (noEmitOnError: false); typecheck reports them separately
  }
  execFileSync(process.execPath, ['-e', "require('fs').writeFileSync('dist/.buildstamp', String(Date.now()))"]);
}
