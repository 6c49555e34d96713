import type { MemoryEntry, MemoryStore } from './types.js';

interface KeyRef {
  partition: string;
  key: string;
}

export interface WriteBehindOptions {
  /** Called once per failed flush with the error and the keys it held (they are not retried; strict writes also reject). */
  onError?: (err: unknown, keys: string[]) => void;
}

interface Batch {
  promise: Promise<void>;
  resolve: () => void;
  /** The promise strict writes get: rejects with `error`. */
  strict?: Promise<void>;
  error?: unknown;
}

const ref = (partition: string, key: string) => `${partition}\0${key}`;

/**
 * Group commit for the fleet's own bookkeeping records (task records, routing selections, stream sessions):
 * writes issued in the same turn of the event loop go to the store in one transaction, after the turn
 * (setImmediate), and a later write of the same key replaces an earlier unflushed one. Under load many
 * tasks share each commit; alone, a task's writes of one turn still share one. Flushes run one at a time,
 * in order, so a key's last write wins in the store as it does here. Every put/delete returns the promise
 * of the flush that carries it: await it where the write must be in the store before going on. That
 * promise resolves whatever happened (failures go to onError), except for a `strict` write, whose promise
 * rejects with the store's error.
 */
export class WriteBehind {
  private puts = new Map<string, MemoryEntry>();
  private deletes = new Map<string, KeyRef>();
  private next: Batch | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: MemoryStore,
    private readonly opts: WriteBehindOptions = {},
  ) {}

  put(entry: MemoryEntry, opts: { strict?: boolean } = {}): Promise<void> {
    const k = ref(entry.partition, entry.key);
    this.deletes.delete(k);
    this.puts.set(k, entry);
    return this.schedule(opts.strict);
  }

  delete(partition: string, key: string, opts: { strict?: boolean } = {}): Promise<void> {
    const k = ref(partition, key);
    this.puts.delete(k);
    this.deletes.set(k, { partition, key });
    return this.schedule(opts.strict);
  }

  /** Writes everything issued so far now (shutdown, or a reader that needs it in the store). */
  flush(): Promise<void> {
    if (this.next) this.runFlush();
    return this.chain;
  }

  private schedule(strict = false): Promise<void> {
    let batch = this.next;
    if (!batch) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      batch = this.next = { promise, resolve };
      setImmediate(() => this.runFlush());
    }
    if (!strict) return batch.promise;
    const b = batch;
    return (b.strict ??= b.promise.then(() => {
      if (b.error !== undefined) throw b.error;
    }));
  }

  private runFlush(): void {
    const batch = this.next;
    if (!batch) return;
    this.next = undefined;
    const puts = [...this.puts.values()];
    const deletes = [...this.deletes.values()];
    this.puts = new Map();
    this.deletes = new Map();
    this.chain = this.chain.then(async () => {
      try {
        await this.write(puts, deletes);
      } catch (err) {
        batch.error = err;
        this.opts.onError?.(err, [...puts.map((e) => `${e.partition}/${e.key}`), ...deletes.map((d) => `${d.partition}/${d.key}`)]);
      } finally {
        batch.resolve();
      }
    });
  }

  private async write(puts: MemoryEntry[], deletes: KeyRef[]): Promise<void> {
    if (this.store.applyBatch) return this.store.applyBatch(puts, deletes);
    if (puts.length) await this.store.putMany(puts);
    for (const d of deletes) await this.store.delete(d.partition, d.key);
  }
}
