import type { MemoryEntry, MemoryStore, SliceCommit, SliceOutcome } from './types.js';

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

/**
 * A budget slice's commit riding a flush (CostTracker's settlements): built when the flush writes, committed in
 * the same store transaction as the batch (MemoryStore.applyGroup).
 */
export interface SliceJoin {
  /** The commit to carry, built now (the flush is writing); undefined when there is nothing to commit. */
  prepare(): SliceCommit | undefined;
  /** The transaction landed with `outcome`, or failed with `error` and wrote nothing of the slice. */
  done(outcome: SliceOutcome | undefined, error?: unknown): void;
}

const ref = (partition: string, key: string) => `${partition}\0${key}`;

/**
 * A flush runs this many turns of the event loop after its first write (setImmediate hops: each lets one more
 * I/O poll phase add its writes). Alone, a hop costs microseconds; under load, more tasks share each commit,
 * whose own cost (BEGIN IMMEDIATE, the WAL frames, the locks) was ~60% of a commit's time at SSE 50 connections
 * with 3 tasks per commit. Measured in bench:gateway (aqe on, OpenAI, same run, 3 rounds): CPU per request
 * 1 turn -> 3 turns SSE c10 1.19 -> 1.13 ms, c50 1.32 -> 1.11 ms, JSON c50 0.68 -> 0.62 ms; 5 turns gave no more;
 * concurrency-1 latency unchanged.
 */
const FLUSH_AFTER_TURNS = 3;

function afterTurns(turns: number, fn: () => void): void {
  setImmediate(turns <= 1 ? fn : () => afterTurns(turns - 1, fn));
}

/**
 * Group commit for the fleet's own bookkeeping records (task records, routing selections, stream sessions):
 * writes issued within a few turns of the event loop go to the store in one transaction (FLUSH_AFTER_TURNS
 * setImmediate hops after the first), and a later write of the same key replaces an earlier unflushed one. Under load many
 * tasks share each commit; alone, a task's writes of one turn still share one. Flushes run one at a time,
 * in order, so a key's last write wins in the store as it does here. Every put/delete returns the promise
 * of the flush that carries it: await it where the write must be in the store before going on. That
 * promise resolves whatever happened (failures go to onError), except for a `strict` write, whose promise
 * rejects with the store's error. Budget slices may join a flush (joinSlice): their settlements then land in
 * the same transaction as the batch.
 */
export class WriteBehind {
  private puts = new Map<string, MemoryEntry>();
  private deletes = new Map<string, KeyRef>();
  private joins: SliceJoin[] = [];
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

  /** The store can carry budget-slice commits in the group commit (joinSlice). */
  get joinsSlices(): boolean {
    return typeof this.store.applyGroup === 'function';
  }

  /**
   * Carry a budget slice's commit in the next flush (one transaction with the batch). If that transaction
   * fails, nothing of the slice was written (its join says so; the slice retries on its own) and the batch's
   * puts and deletes are written again without it, so a slice's failure costs the bookkeeping nothing.
   */
  joinSlice(join: SliceJoin): void {
    this.joins.push(join);
    void this.schedule();
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
      afterTurns(FLUSH_AFTER_TURNS, () => this.runFlush());
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
    const joins = this.joins;
    this.puts = new Map();
    this.deletes = new Map();
    this.joins = [];
    this.chain = this.chain.then(async () => {
      try {
        await this.write(puts, deletes, joins);
      } catch (err) {
        batch.error = err;
        this.opts.onError?.(err, [...puts.map((e) => `${e.partition}/${e.key}`), ...deletes.map((d) => `${d.partition}/${d.key}`)]);
      } finally {
        batch.resolve();
      }
    });
  }

  private async write(puts: MemoryEntry[], deletes: KeyRef[], joins: SliceJoin[]): Promise<void> {
    const slices: Array<{ join: SliceJoin; commit: SliceCommit }> = [];
    for (const join of joins) {
      const commit = join.prepare();
      if (commit) slices.push({ join, commit });
    }
    if (slices.length && this.store.applyGroup) {
      let outcomes: SliceOutcome[];
      try {
        outcomes = await this.store.applyGroup(puts, deletes, slices.map((s) => s.commit));
      } catch (err) {
        for (const s of slices) s.join.done(undefined, err);
        // Nothing was written: the slices retry on their own; the batch goes again without them.
        return this.writeBatch(puts, deletes);
      }
      slices.forEach((s, i) => s.join.done(outcomes[i]));
      return;
    }
    // A store without applyGroup never gets joins (joinsSlices is false); should one come anyway, say so.
    for (const s of slices) s.join.done(undefined, new Error('this store cannot carry budget slices in a group commit'));
    return this.writeBatch(puts, deletes);
  }

  private async writeBatch(puts: MemoryEntry[], deletes: KeyRef[]): Promise<void> {
    if (puts.length + deletes.length === 0) return;
    if (this.store.applyBatch) return this.store.applyBatch(puts, deletes);
    if (puts.length) await this.store.putMany(puts);
    for (const d of deletes) await this.store.delete(d.partition, d.key);
  }
}
