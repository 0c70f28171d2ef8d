import type { EventStore } from '../../ports/event-store.ts';

/** Resolves after `ms`, or at once when `signal` aborts (never rejects), so loops can stop promptly. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * What a reader caught up with the log waits on: the store's next append in this process, or `ms`
 * (the poll that finds other processes' appends), or `signal`, whichever comes first; at once if
 * the store announced an append since `since` (its `appendSequence` before the caller's read).
 */
export function untilAppendOr(
  store: Pick<EventStore, 'waitForAppend'>,
  ms: number,
  signal: AbortSignal,
  since?: number,
): Promise<void> {
  return store.waitForAppend ? store.waitForAppend(ms, signal, since) : sleep(ms, signal);
}
