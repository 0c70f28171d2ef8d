/** What an append added: enough for a filtered subscriber to tell whether it cares. */
export interface Appended {
  stream: string;
  type: string;
}

/**
 * Wakes this process's subscribers when an append commits, so a live subscriber in the same process
 * (the embedded default, the API and its projectors) sees new events at once instead of at its next poll.
 */
export interface AppendSignal {
  notify(appended: readonly Appended[]): void;
  /**
   * Resolves at the next `notify` that `wants` (every one when not given), after `timeoutMs`, or
   * when `signal` aborts, whichever comes first. A filtered subscriber passes its filter: woken by
   * every append, the write API's location directory made two reads of the log per command.
   */
  wait(timeoutMs: number, signal: AbortSignal, wants?: (appended: Appended) => boolean): Promise<void>;
}

interface Waiter {
  wake: () => void;
  wants: ((appended: Appended) => boolean) | undefined;
}

export function createAppendSignal(): AppendSignal {
  let waiters: Waiter[] = [];
  return {
    notify(appended) {
      const woken = waiters.filter(({ wants }) => !wants || appended.some(wants));
      if (woken.length === 0) return;
      waiters = waiters.filter((waiter) => !woken.includes(waiter));
      for (const { wake } of woken) wake();
    },
    wait(timeoutMs, signal, wants) {
      if (signal.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const waiter: Waiter = { wake: () => done(), wants };
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          waiters = waiters.filter((other) => other !== waiter);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        signal.addEventListener('abort', done, { once: true });
        waiters.push(waiter);
      });
    },
  };
}
