import type { EventStore } from '../../ports/event-store.ts';
import { sleep } from '../../infra/async/sleep.ts';

export { sleep };

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
