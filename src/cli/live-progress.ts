import cliProgress from 'cli-progress';
import { money, ms } from './format.js';

interface TaskView {
  startedAt: number;
  chunks: number;
  tokens: number;
  cost: number;
  ttfcMs?: number;
  bar?: cliProgress.SingleBar;
}

/**
 * Live per-task progress on a terminal: a spinner line per running task with chunks, tokens and cost so far,
 * elapsed time and time to first chunk. When the stream is not a TTY (CI, pipes) it prints one line when a
 * task starts and one when it ends, so logs stay readable.
 */
export class LiveProgress {
  private readonly tasks = new Map<string, TaskView>();
  private readonly multi?: cliProgress.MultiBar;
  private readonly spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  private done = 0;

  constructor(private readonly out: NodeJS.WriteStream, private readonly total: number) {
    if (out.isTTY) {
      this.multi = new cliProgress.MultiBar(
        { stream: out, format: '{spin} {task} {model} | {chunks} chunks | {tokens} tok | {cost} | {elapsed} | ttfc {ttfc}', hideCursor: true, clearOnComplete: false, fps: 10 },
        cliProgress.Presets.shades_classic,
      );
    }
  }

  started(taskId: string, model: string): void {
    const view: TaskView = { startedAt: Date.now(), chunks: 0, tokens: 0, cost: 0 };
    this.tasks.set(taskId, view);
    if (this.multi) view.bar = this.multi.create(1, 0, this.payload(taskId, model, view));
    else this.out.write(`▶ ${taskId} on ${model}\n`);
  }

  chunk(taskId: string, seq: number, tokens: number, cost: number, elapsedMs: number): void {
    const view = this.tasks.get(taskId);
    if (!view) return;
    view.chunks = seq;
    view.tokens = tokens;
    view.cost = cost;
    view.ttfcMs ??= elapsedMs;
    view.bar?.update(0, this.payload(taskId, undefined, view));
  }

  finished(taskId: string, status: string, error?: string): void {
    this.done++;
    const view = this.tasks.get(taskId);
    if (view?.bar) {
      view.bar.update(1, { ...this.payload(taskId, undefined, view), spin: status === 'completed' ? '✔' : '✖' });
      view.bar.stop();
    } else {
      const when = view ? ` in ${ms(Date.now() - view.startedAt)}` : ' before it started';
      this.out.write(`${status === 'completed' ? '✔' : '✖'} ${taskId} ${status}${when}${view?.chunks ? `, ${view.chunks} chunks, ttfc ${ms(view.ttfcMs)}` : ''}${error ? `: ${error}` : ''} [${this.done}/${this.total}]\n`);
    }
  }

  stop(): void {
    this.multi?.stop();
  }

  private payload(taskId: string, model: string | undefined, view: TaskView): Record<string, string | number> {
    const elapsed = Date.now() - view.startedAt;
    return {
      spin: this.spinner[Math.floor(elapsed / 100) % this.spinner.length],
      task: taskId,
      ...(model ? { model } : {}),
      chunks: view.chunks,
      tokens: view.tokens,
      cost: money(view.cost),
      elapsed: ms(elapsed),
      ttfc: ms(view.ttfcMs),
    };
  }
}
