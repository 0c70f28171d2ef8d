/**
 * In-process mutual exclusion by key. Commands that would race for one hot stream inside this
 * process queue here instead of appending, conflicting and retrying: each retry is a wasted
 * transaction, and with many clients on a popular SKU the retries, not the work, would fill the
 * database. Across processes the expected revision still decides; this only avoids losing to
 * ourselves. Keys are taken in sorted order, so two holders of overlapping sets never deadlock.
 */
export interface KeyedLock {
  run<T>(keys: readonly string[], work: () => Promise<T>): Promise<T>;
}

export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<void>>();

  async function acquire(key: string): Promise<() => void> {
    const previous = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    };
  }

  return {
    async run(keys, work) {
      const releases: (() => void)[] = [];
      try {
        for (const key of [...new Set(keys)].sort()) releases.push(await acquire(key));
        return await work();
      } finally {
        for (const release of releases.reverse()) release();
      }
    },
  };
}
