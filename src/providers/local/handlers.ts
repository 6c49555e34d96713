import type { QETask } from '../../fleet/types.js';
import type { ProviderRequest } from '../types.js';

/**
 * The offline engine does each task type's work by analysis. Agents register a handler per task type;
 * the local provider runs the one for request.task.type and streams its text.
 */
export type OfflineHandler = (task: QETask, request: ProviderRequest) => Promise<string> | string;

const handlers = new Map<string, OfflineHandler>();

export function registerOfflineHandler(taskType: string, handler: OfflineHandler): void {
  handlers.set(taskType, handler);
}

export function offlineHandlerFor(taskType: string): OfflineHandler | undefined {
  return handlers.get(taskType);
}
