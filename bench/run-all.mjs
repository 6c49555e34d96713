#!/usr/bin/env node
// Runs every other bench/*.mjs in sequence (each prints one JSON object on its last stdout line) and prints
// one JSON object keyed by bench name. Rebuilds dist/ first when a source file is newer than the last build.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// tsc writes every output file on each build, so dist/ is current when its newest file is at least as new as
// the newest source file.
const dist = join(root, 'dist');
if (!existsSync(dist) || newestMtime(dist) < newestMtime(join(root, 'src'))) {
  process.stderr.write('bench: building dist/ ...\n');
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'ignore' });
  } catch {
    // tsc emits even with type errors elsewhere (noEmitOnError: false); `npm run typecheck` reports them
  }
}

const only = process.argv.slice(2);
const benches = readdirSync(benchDir)
  .filter((f) => f.endsWith('.mjs') && f !== basename(fileURLToPath(import.meta.url)))
  .filter((f) => only.length === 0 || only.includes(basename(f, '.mjs')))
  .sort();

const results = {};
let failed = 0;
for (const file of benches) {
  const name = basename(file, '.mjs');
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(benchDir, file)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = (r.stdout ?? '').split('\n').filter((l) => l.trim() !== '');
  let value;
  try {
    value = JSON.parse(lines.at(-1) ?? '');
  } catch {
    value = undefined;
  }
  if (r.status === 0 && value !== undefined) {
    results[name] = value;
    process.stderr.write(`bench ${name}: ok (${Date.now() - started} ms)\n`);
  } else {
    failed++;
    const stderr = (r.stderr ?? '').trim().split('\n').slice(-5).join('\n');
    results[name] = { error: r.error?.message ?? (value === undefined ? 'no JSON object on the last stdout line' : `exit code ${r.status}`), exitCode: r.status, stderr };
    process.stderr.write(`bench ${name}: FAILED (exit ${r.status})\n${stderr}\n`);
  }
}
process.stdout.write(JSON.stringify(results) + '\n');
process.exitCode = failed ? 1 : 0;
