import { createWakeList } from '../async/wake-list.ts';

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

export function createAppendSignal(): AppendSignal {
  const waiters = createWakeList<((appended: Appended) => boolean) | undefined>();
  return {
    // A `*` stream (another process's notification too long to list) wakes every waiter.
    notify: (appended) =>
      waiters.wake((wants) => !wants || appended.some((entry) => entry.stream === '*' || wants(entry))),
    wait: (timeoutMs, signal, wants) => waiters.wait(wants, timeoutMs, signal),
  };
}
