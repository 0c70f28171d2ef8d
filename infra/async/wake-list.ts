/**
 * Waiters that each end at the first wake that concerns them, at their timeout, or when their
 * signal aborts, whichever comes first; `key` is what a wake looks at to tell (a filter, a position).
 */
export interface WakeList<Key> {
  wait(key: Key, timeoutMs: number, signal: AbortSignal): Promise<void>;
  /** Ends the waits whose key `concerns` (every wait when not given). */
  wake(concerns?: (key: Key) => boolean): void;
}

export function createWakeList<Key>(): WakeList<Key> {
  let waiters: { key: Key; done: () => void }[] = [];
  return {
    wait(key, timeoutMs, signal) {
      if (signal.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          waiters = waiters.filter((waiter) => waiter.done !== done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        signal.addEventListener('abort', done, { once: true });
        waiters.push({ key, done });
      });
    },
    wake(concerns) {
      const woken = concerns ? waiters.filter(({ key }) => concerns(key)) : waiters;
      for (const { done } of [...woken]) done();
    },
  };
}
