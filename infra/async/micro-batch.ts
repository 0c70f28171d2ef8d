/**
 * Runs many small calls as few batches: calls made while a batch is in flight wait and go together
 * in the next one (at most `maxItems` each), as group commit does for appends. Under load a batch
 * holds every request that arrived during the previous round trip, so the round trips per request
 * fall as the load rises; alone, a call waits only for the current I/O phase to end.
 *
 * `run` gets the items and answers one result per item, in order. When it throws, every call of
 * that batch rejects with the error.
 */
export interface MicroBatchOptions {
  /** The most items one batch carries. Default 256. */
  maxItems?: number;
}

export function createMicroBatch<Item, Result>(
  run: (items: Item[]) => Promise<Result[]>,
  options: MicroBatchOptions = {},
): (item: Item) => Promise<Result> {
  const maxItems = options.maxItems ?? 256;
  let waiting: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  let inFlight = false;
  let scheduled = false;

  async function flush(): Promise<void> {
    scheduled = false;
    if (inFlight || waiting.length === 0) return;
    const batch = waiting.slice(0, maxItems);
    waiting = waiting.slice(batch.length);
    inFlight = true;
    try {
      const results = await run(batch.map((entry) => entry.item));
      if (results.length !== batch.length) {
        throw new Error(`a micro-batch answered ${results.length} results for ${batch.length} items`);
      }
      batch.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      inFlight = false;
      schedule();
    }
  }

  function schedule(): void {
    if (scheduled || inFlight || waiting.length === 0) return;
    scheduled = true;
    // After the current I/O phase: the requests whose bytes arrived together join one batch.
    setImmediate(() => void flush());
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      schedule();
    });
}
