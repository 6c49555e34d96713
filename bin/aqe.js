#!/usr/bin/env node
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('aqe: dist/ is missing. Run `npm install` (or `npm run build`) in the package directory first.');
  process.exit(2);
}
// Node 22+: V8 keeps the compiled code of the CLI and its dependencies (the TypeScript compiler is 9 MB of
// JavaScript) between runs, in the OS temp folder; a no-op on Node 20.
module.enableCompileCache?.();
await import(entry.href);
