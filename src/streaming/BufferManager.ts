/**
 * A bounded buffer between a producer (a provider's stream) and a consumer (callbacks, SSE, MCP progress).
 *
 * The producer calls `push(item)`; when the buffer holds `pauseAt = backpressureThreshold x bufferSize`
 * items, push returns a promise that resolves only once the consumer has drained below that mark. A
 * producer that awaits it stops pulling from its source, so a slow consumer keeps memory bounded.
 */
export interface BufferOptions {
  bufferSize: number;
  backpressureThreshold: number;
}

export interface BufferStats {
  pushed: number;
  delivered: number;
  /** Most items held at once. */
  highWater: number;
  /** Times the producer was told to wait. */
  pauses: number;
}

export class BufferManager<T> implements AsyncIterable<T> {
  readonly capacity: number;
  readonly pauseAt: number;
  private items: T[] = [];
  private head = 0;
  private ended = false;
  private cancelled = false;
  private failure: { error: unknown } | undefined;
  private consumerWaiter: ((r: IteratorResult<T>) => void) | undefined;
  private consumerReject: ((e: unknown) => void) | undefined;
  private producerWaiter: (() => void) | undefined;
  private readonly stats: BufferStats = { pushed: 0, delivered: 0, highWater: 0, pauses: 0 };

  constructor(opts: BufferOptions) {
    this.capacity = Math.max(1, Math.floor(opts.bufferSize));
    const threshold = opts.backpressureThreshold > 0 ? opts.backpressureThreshold : 1;
    this.pauseAt = Math.min(this.capacity, Math.max(1, Math.floor(this.capacity * threshold)));
  }

  get size(): number {
    return this.items.length - this.head;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  get paused(): boolean {
    return this.producerWaiter !== undefined;
  }

  getStats(): Readonly<BufferStats> {
    return { ...this.stats };
  }

  /** Adds an item. Returns a promise when the producer must wait for the consumer, else undefined. */
  push(item: T): Promise<void> | undefined {
    if (this.cancelled) return undefined;
    if (this.ended || this.failure) throw new Error('BufferManager: push after end');
    this.stats.pushed++;
    if (this.consumerWaiter) {
      // The consumer is waiting: hand over directly, the buffer stays empty.
      const w = this.consumerWaiter;
      this.consumerWaiter = this.consumerReject = undefined;
      this.stats.delivered++;
      w({ value: item, done: false });
      return undefined;
    }
    this.items.push(item);
    const size = this.size;
    if (size > this.stats.highWater) this.stats.highWater = size;
    if (size < this.pauseAt) return undefined;
    this.stats.pauses++;
    return new Promise<void>((resolve) => {
      this.producerWaiter = resolve;
    });
  }

  /** The producer has finished; the consumer sees the remaining items, then done. */
  end(): void {
    this.ended = true;
    this.wakeConsumerAtEnd();
  }

  /** The producer failed; the consumer sees the remaining items, then the error. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.failure = { error };
    this.wakeConsumerAtEnd();
  }

  /** The consumer gave up: release a waiting producer so it can stop. */
  cancel(): void {
    this.cancelled = true;
    this.ended = true;
    this.items = [];
    this.head = 0;
    this.releaseProducer();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.size > 0) {
      const value = this.items[this.head] as T;
      this.items[this.head] = undefined as T;
      this.head++;
      if (this.head > 256 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      this.stats.delivered++;
      if (this.producerWaiter && this.size < this.pauseAt) this.releaseProducer();
      return Promise.resolve({ value, done: false });
    }
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise<IteratorResult<T>>((resolve, reject) => {
      this.consumerWaiter = resolve;
      this.consumerReject = reject;
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return { next: () => this.next(), return: async () => { this.cancel(); return { value: undefined, done: true }; } };
  }

  private releaseProducer(): void {
    const w = this.producerWaiter;
    this.producerWaiter = undefined;
    w?.();
  }

  private wakeConsumerAtEnd(): void {
    if (!this.consumerWaiter) return;
    const resolve = this.consumerWaiter;
    const reject = this.consumerReject;
    this.consumerWaiter = this.consumerReject = undefined;
    if (this.failure) reject?.(this.failure.error);
    else resolve({ value: undefined, done: true });
  }
}
