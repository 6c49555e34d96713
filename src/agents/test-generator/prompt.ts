import { readFileSync } from 'node:fs';
import type { FunctionInfo } from './analysis.js';
import type { Framework } from './emit.js';
import type { OfflineTests } from './engine.js';
import { parseHeader } from './header.js';

export const SYSTEM_PROMPT = [
  'You are the test-generator agent of an agentic quality-engineering fleet.',
  'Write one complete, runnable unit test file for the module you are given.',
  'Assert observed behaviour exactly (deep equality; error class and message). Do not mock the module under test.',
  'Use inputs from the domain (the usage examples given), call what calls return, and for output that varies between runs assert its properties (length, alphabet, range). Tests that fail or catch no bug are dropped.',
  'Import only the module under test (by the given relative path) and the test framework. No network, no files outside a temp dir.',
  'Answer with the test file in one fenced code block and nothing else.',
].join('\n');

function signature(f: FunctionInfo): string {
  const params = f.params.map((p) => `${p.rest ? '...' : ''}${p.name}${p.optional ? '?' : ''}${p.defaultText ? ` = ${p.defaultText}` : ''}`);
  return `${f.isAsync ? 'async ' : ''}${f.name}(${params.join(', ')})  [${f.branches} branches, line ${f.line}]`;
}

/** The prompt: signatures and branches from the analysis, the source, and the offline engine's tests as a base. */
export function buildPrompt(base: OfflineTests, framework: Framework): string {
  const a = base.analysis;
  const lines: string[] = [];
  lines.push(`Framework: ${framework}. Test file path: ${base.testFile}.`);
  lines.push(`Import the module as: ${/import .* from "([^"]+)"|requireModule\("([^"]+)"\)/.exec(base.text)?.slice(1).find(Boolean) ?? base.sourcePath} (${base.format === 'cjs' ? 'CommonJS: use createRequire' : 'ESM'}).`);
  lines.push('', 'Exports:');
  for (const f of a.functions) lines.push(`- function ${signature(f)}`);
  for (const c of a.classes) {
    lines.push(`- class ${c.name}(${c.ctorParams.map((p) => p.name).join(', ')})`);
    for (const m of c.methods) lines.push(`  - method ${signature(m)}`);
    for (const m of c.staticMethods) lines.push(`  - static ${signature(m)}`);
  }
  for (const v of a.values) lines.push(`- value ${v}`);
  lines.push('', `Source (${base.sourcePath}):`, '```', readFileSync(base.sourcePath, 'utf8'), '```');
  if (base.usage?.length) lines.push('', 'Usage from the package\'s docs and tests (typical inputs; assert what the code does, not what the docs claim):', '```', ...base.usage, '```');
  lines.push('', 'Characterization tests the offline engine produced by running the code (observed results; keep them, add tests for uncovered branches):');
  lines.push('```', parseHeader(base.text)?.body ?? base.text, '```');
  return lines.join('\n');
}

export function buildRepairPrompt(errors: string): string {
  return `The test file did not pass validation or failed when run:\n\n${errors.slice(0, 6000)}\n\nFix it. Answer with the complete corrected test file in one fenced code block.`;
}
