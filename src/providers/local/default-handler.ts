import type { QETask, TaskFile } from '../../fleet/types.js';
import type { ProviderRequest } from '../types.js';

/**
 * The offline engine's answer for task types no agent registered a handler for: an honest, deterministic
 * report of what the task contains. It says plainly that it is an analysis, not a model's answer.
 */
const DECL =
  /^[ \t]*export[ \t]+(?:default[ \t]+)?(?:declare[ \t]+)?(?:async[ \t]+)?(?:abstract[ \t]+)?(function\*?|class|const|let|var|interface|type|enum)[ \t]+([A-Za-z_$][\w$]*)/gm;
const CJS = /^[ \t]*(?:module\.)?exports\.([A-Za-z_$][\w$]*)[ \t]*=/gm;

export interface ExportedSymbol {
  kind: string;
  name: string;
}

export function findExports(source: string): ExportedSymbol[] {
  const found: ExportedSymbol[] = [];
  const seen = new Set<string>();
  for (const m of source.matchAll(DECL)) {
    const kind = m[1].replace('*', '');
    if (!seen.has(m[2])) found.push({ kind, name: m[2] });
    seen.add(m[2]);
  }
  for (const m of source.matchAll(CJS)) {
    if (!seen.has(m[1])) found.push({ kind: 'export', name: m[1] });
    seen.add(m[1]);
  }
  return found;
}

export function lineCount(content: string): number {
  if (content.length === 0) return 0;
  const n = content.split('\n').length;
  return content.endsWith('\n') ? n - 1 : n;
}

function describeFile(f: TaskFile): string[] {
  const exports = findExports(f.content);
  const lines = [`- ${f.path}: ${lineCount(f.content)} lines, ${f.content.length} characters`];
  if (exports.length > 0) lines.push(`  exports (${exports.length}): ${exports.map((e) => `${e.kind} ${e.name}`).join(', ')}`);
  else lines.push('  exports: none found');
  return lines;
}

export function asTask(value: unknown): QETask | undefined {
  const t = value as QETask | undefined;
  return t && typeof t === 'object' && typeof t.type === 'string' && typeof t.id === 'string' ? t : undefined;
}

export function defaultOfflineReport(task: QETask | undefined, request: ProviderRequest): string {
  const out: string[] = [];
  if (!task) {
    const prompt = request.messages.map((m) => m.content).join('\n');
    out.push('# Offline analysis of a request');
    out.push('');
    out.push('Produced by the aqe offline engine (no model API key configured): a deterministic description of the input, not a model answer.');
    out.push('');
    out.push(`- messages: ${request.messages.length}`);
    out.push(`- prompt: ${lineCount(prompt)} lines, ${prompt.length} characters`);
    if (request.system) out.push(`- system prompt: ${request.system.length} characters`);
    return out.join('\n') + '\n';
  }
  const files = task.payload?.files ?? [];
  const reqs = task.payload?.requirements ?? [];
  out.push(`# Offline analysis: ${task.type} task ${task.id}`);
  out.push('');
  out.push(task.description);
  out.push('');
  out.push(
    `Produced by the aqe offline engine (no model API key configured; no offline handler for "${task.type}"). ` +
      'This is a deterministic analysis of the task inputs, not a model answer.',
  );
  out.push('');
  out.push(`## Files (${files.length})`);
  if (files.length === 0) out.push('- none given');
  for (const f of files) out.push(...describeFile(f));
  out.push('');
  out.push(`## Requirements (${reqs.length})`);
  if (reqs.length === 0) out.push('- none given');
  reqs.forEach((r, i) => out.push(`${i + 1}. ${r}`));
  const totalLines = files.reduce((s, f) => s + lineCount(f.content), 0);
  const totalExports = files.reduce((s, f) => s + findExports(f.content).length, 0);
  out.push('');
  out.push('## Summary');
  out.push(`${files.length} file(s), ${totalLines} line(s), ${totalExports} exported symbol(s), ${reqs.length} requirement(s).`);
  if (task.payload?.language) out.push(`Language: ${task.payload.language}${task.payload.framework ? `, framework: ${task.payload.framework}` : ''}.`);
  return out.join('\n') + '\n';
}
