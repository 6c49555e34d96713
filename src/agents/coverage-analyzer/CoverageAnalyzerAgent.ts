import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { AqeError, ErrorCodes } from '../../errors.js';
import { BaseAgent } from '../../fleet/BaseAgent.js';
import type { ModelSelection, QETask } from '../../fleet/types.js';
import { rankGaps, type CoverageAnalysis } from './rank.js';
import { parseCoverageReport, type FileCoverageData } from './reports.js';

const REPORT_NAME = /(coverage-final\.json|coverage-summary\.json|lcov\.info|\.info)$/;

/** Reads the report files among payload.files (the others are taken as sources for complexity) and ranks the gaps. */
export function analyzeCoverageTask(task: QETask): CoverageAnalysis {
  const files = task.payload.files ?? [];
  const data: FileCoverageData[] = [];
  const sources = new Map<string, string>();
  for (const f of files) {
    if (REPORT_NAME.test(f.path) || /^\s*\{/.test(f.content) || /^(TN:|SF:)/m.test(f.content.slice(0, 200)) || /%\s*Stmts\s*\|/.test(f.content)) {
      try {
        data.push(...parseCoverageReport(f.content, f.path).files);
        continue;
      } catch {
        // not a report after all: treat as a source
      }
    }
    sources.set(f.path, f.content);
  }
  // report paths relative to the report's directory (lcov SF lines usually are): make them absolute when they exist there
  const base = typeof task.payload.reportDir === 'string' ? task.payload.reportDir : undefined;
  if (base) {
    for (const d of data) {
      const abs = resolve(base, d.file);
      if (!isAbsolute(d.file) && existsSync(abs)) d.file = abs;
    }
  }
  if (!data.length) throw new AqeError(ErrorCodes.TASK_INVALID, `task ${task.id}: coverage-analysis needs a coverage report among payload.files (coverage-final.json, coverage-summary.json, lcov.info or the text reporter's table)`);
  return rankGaps(data, sources);
}

/** The offline handler's answer: the analysis as JSON text. */
export function offlineCoverageAnalysis(task: QETask): string {
  return JSON.stringify(analyzeCoverageTask(task));
}

/**
 * coverage-analyzer: ranks uncovered functions and branches by complexity. The analysis itself is computed locally;
 * the model (offline engine by default) is asked to explain it, and a model's answer is returned beside the analysis.
 */
export class CoverageAnalyzerAgent extends BaseAgent {
  protected override async performTaskImpl(task: QETask, _selection?: ModelSelection): Promise<CoverageAnalysis & { advice?: string; modelName: string }> {
    const analysis = analyzeCoverageTask(task);
    const top = analysis.gaps.slice(0, 30).map((g) => `- ${g.file}:${g.line} ${g.kind} ${g.name} (complexity ${g.complexity}): ${g.detail}`).join('\n');
    const reply = await this.callModel({
      system: 'You are the coverage-analyzer agent of a quality-engineering fleet. Given ranked coverage gaps, say which tests to write first and why.',
      messages: [{ role: 'user', content: `Coverage: lines ${analysis.totals.lines}%, branches ${analysis.totals.branches}%.\nGaps, most complex first:\n${top || '(none)'}` }],
      maxTokens: 2048,
      task,
    });
    let offline = false;
    try {
      offline = typeof (JSON.parse(reply.text) as CoverageAnalysis).totals === 'object';
    } catch {}
    return { ...analysis, ...(offline ? {} : { advice: reply.text }), modelName: reply.modelName };
  }
}
