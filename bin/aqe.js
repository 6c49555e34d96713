#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('aqe: dist/ is missing. Run `npm install` (or `npm run build`) in the package directory first.');
  process.exit(2);
}
await import(entry.href);
