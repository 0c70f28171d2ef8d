/** One submitted item's outcome within its batch: its own result or its own error. */
export type Settled<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

/**
 * Group commit by key. An item whose keys are free starts at once, as a batch of one; items
 * arriving while a batch holding any of their keys is in flight wait, and when it ends all waiting
 * items that can go form the next batch together. Under load, a hot key then costs one flush per
 * batch instead of one per item, while items on disjoint keys still run side by side.
 *
 * Fair by arrival: a waiting item's keys stay blocked for later items in the same scan, so a later
 * item never overtakes an earlier one on a shared key.
 */
export interface KeyedBatches<Item, Result> {
  submit(keys: readonly string[], item: Item): Promise<Result>;
}

interface Pending<Item, Result> {
  keys: readonly string[];
  item: Item;
  resolve: (value: Result) => void;
  reject: (error: unknown) => void;
}

/** What a running batch's `flush` may do besides answering its items. */
export interface BatchControls<Item> {
  /**
   * Frees the batch's keys before `flush` ends, so the next batch on them starts meanwhile (a
   * pipeline: the next group decides while this one's append is in flight). Otherwise the keys are
   * freed when `flush` ends. After it, `take` gives nothing.
   */
  release(): void;
  /**
   * Removes and returns the queued items that may join this batch now: those whose keys are free
   * or already this batch's, in arrival order (never overtaking an earlier item on a shared key),
   * up to the batch cap. `flush` answers them after the items it was given, in the order taken.
   */
  take(): Item[];
  /** Resolves once another item has been submitted (to `take` it). */
  arrival(): Promise<void>;
}

/**
 * `flush` runs one batch and answers every item, in order. A `flush` that throws fails every
 * item of its batch with that error.
 */
export function createKeyedBatches<Item, Result>(
  flush: (items: Item[], controls: BatchControls<Item>) => Promise<Settled<Result>[]>,
  options: { maxBatch?: number } = {},
): KeyedBatches<Item, Result> {
  const maxBatch = options.maxBatch ?? 64;
  const busy = new Set<string>();
  let waiting: Pending<Item, Result>[] = [];
  let arrivals: (() => void)[] = [];

  /** Moves into `batch` the waiting items whose keys are free (or in `own`), fair by arrival. */
  function admit(batch: Pending<Item, Result>[], own: ReadonlySet<string>): Pending<Item, Result>[] {
    const blocked = new Set<string>();
    const admitted: Pending<Item, Result>[] = [];
    const left: Pending<Item, Result>[] = [];
    for (const pending of waiting) {
      const free =
        batch.length < maxBatch &&
        pending.keys.every((key) => (own.has(key) || !busy.has(key)) && !blocked.has(key));
      if (free) {
        batch.push(pending);
        admitted.push(pending);
      } else {
        left.push(pending);
        for (const key of pending.keys) blocked.add(key);
      }
    }
    waiting = left;
    return admitted;
  }

  function pump(): void {
    const batch: Pending<Item, Result>[] = [];
    admit(batch, new Set());
    if (batch.length > 0) void run(batch);
  }

  async function run(batch: Pending<Item, Result>[]): Promise<void> {
    const keys = new Set(batch.flatMap((pending) => pending.keys));
    for (const key of keys) busy.add(key);
    let released = false;
    const release = (next: () => void) => {
      if (released) return;
      released = true;
      for (const key of keys) busy.delete(key);
      next();
    };
    const controls: BatchControls<Item> = {
      // Released early, the next batch starts in a later turn of the event loop, not among this
      // turn's microtasks: an append the caller sends now reaches the socket first (the pg pool
      // dispatches a query on process.nextTick, which waits for the microtask queue to drain).
      release: () => release(() => setImmediate(pump)),
      take() {
        if (released) return [];
        const joined = admit(batch, keys);
        for (const key of joined.flatMap((pending) => pending.keys)) {
          keys.add(key);
          busy.add(key);
        }
        return joined.map((pending) => pending.item);
      },
      arrival: () => new Promise<void>((resolve) => arrivals.push(resolve)),
    };
    try {
      const settled = await flush(
        batch.map((pending) => pending.item),
        controls,
      );
      batch.forEach((pending, index) => {
        const outcome = settled[index];
        if (!outcome) pending.reject(new Error('group commit answered fewer items than it was given'));
        else if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      release(pump);
    }
  }

  return {
    submit(keys, item) {
      return new Promise<Result>((resolve, reject) => {
        waiting.push({ keys: [...new Set(keys)], item, resolve, reject });
        pump();
        const waiters = arrivals;
        arrivals = [];
        for (const wake of waiters) wake();
      });
    },
  };
}
