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

/**
 * `flush` runs one batch and answers every item, in order. A `flush` that throws fails every
 * item of its batch with that error. `flush` may call `release` before it ends to let the next
 * batch on its keys start meanwhile (a pipeline: the next group decides while this one's append is
 * in flight); the keys are released when it ends otherwise.
 */
export function createKeyedBatches<Item, Result>(
  flush: (items: Item[], release: () => void) => Promise<Settled<Result>[]>,
  options: { maxBatch?: number } = {},
): KeyedBatches<Item, Result> {
  const maxBatch = options.maxBatch ?? 64;
  const busy = new Set<string>();
  let waiting: Pending<Item, Result>[] = [];

  function pump(): void {
    const blocked = new Set<string>();
    const batch: Pending<Item, Result>[] = [];
    const left: Pending<Item, Result>[] = [];
    for (const pending of waiting) {
      const free =
        batch.length < maxBatch && pending.keys.every((key) => !busy.has(key) && !blocked.has(key));
      if (free) batch.push(pending);
      else {
        left.push(pending);
        for (const key of pending.keys) blocked.add(key);
      }
    }
    waiting = left;
    if (batch.length > 0) void run(batch);
  }

  async function run(batch: Pending<Item, Result>[]): Promise<void> {
    const keys = [...new Set(batch.flatMap((pending) => pending.keys))];
    for (const key of keys) busy.add(key);
    let released = false;
    const release = (next: () => void) => {
      if (released) return;
      released = true;
      for (const key of keys) busy.delete(key);
      next();
    };
    try {
      // Released early, the next batch starts in a later turn of the event loop, not among this
      // turn's microtasks: an append the caller sends now reaches the socket first (the pg pool
      // dispatches a query on process.nextTick, which waits for the microtask queue to drain).
      const settled = await flush(
        batch.map((pending) => pending.item),
        () => release(() => setImmediate(pump)),
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
      });
    },
  };
}
