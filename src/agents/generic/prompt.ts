import type { QETask } from '../../fleet/types.js';
import type { ProviderMessage } from '../../providers/types.js';

/** The user message for a task: the request, its constraints and every file, fenced with its path. */
export function taskMessages(task: QETask): ProviderMessage[] {
  const parts = [`Task (${task.type}): ${task.description}`];
  const reqs = task.payload.requirements ?? [];
  if (reqs.length) parts.push('Requirements:\n' + reqs.map((r) => `- ${r}`).join('\n'));
  if (task.payload.framework) parts.push(`Framework: ${task.payload.framework}`);
  for (const f of task.payload.files) parts.push(`File ${f.path}:\n\`\`\`\n${f.content}\n\`\`\``);
  return [{ role: 'user', content: parts.join('\n\n') }];
}
