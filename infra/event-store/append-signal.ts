/**
 * Wakes this process's subscribers when an append commits, so a live subscriber in the same process
 * (the embedded default, the API and its projectors) sees new events at once instead of at its next poll.
 */
export interface AppendSignal {
  notify(): void;
  /** Resolves at the next `notify`, after `timeoutMs`, or when `signal` aborts, whichever comes first. */
  wait(timeoutMs: number, signal: AbortSignal): Promise<void>;
}

export function createAppendSignal(): AppendSignal {
  let waiters: (() => void)[] = [];
  return {
    notify() {
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    },
    wait(timeoutMs, signal) {
      if (signal.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          waiters = waiters.filter((waiter) => waiter !== done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        signal.addEventListener('abort', done, { once: true });
        waiters.push(done);
      });
    },
  };
}
