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
  /**
   * Calls `onAppended` at every `notify` that `wants`, until the returned function is called. A
   * waiter is only woken while it waits; a watcher also hears what was appended while it was busy
   * reading, so it can read again at once instead of waiting out its poll.
   */
  watch(wants: ((appended: Appended) => boolean) | undefined, onAppended: () => void): () => void;
}

export function createAppendSignal(): AppendSignal {
  type Wants = ((appended: Appended) => boolean) | undefined;
  const waiters = createWakeList<Wants>();
  const watchers = new Set<{ wants: Wants; onAppended: () => void }>();
  // A `*` stream (another process's notification too long to list) concerns everyone.
  const concerns = (appended: readonly Appended[]) => (wants: Wants) =>
    !wants || appended.some((entry) => entry.stream === '*' || wants(entry));
  return {
    notify(appended) {
      const concerned = concerns(appended);
      for (const watcher of watchers) if (concerned(watcher.wants)) watcher.onAppended();
      waiters.wake(concerned);
    },
    wait: (timeoutMs, signal, wants) => waiters.wait(wants, timeoutMs, signal),
    watch(wants, onAppended) {
      const watcher = { wants, onAppended };
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
  };
}
