import { AsyncLocalStorage } from 'node:async_hooks';
import { createKeyedLock } from './keyed-lock.ts';

/**
 * Turns on single streams within this process, so that a command which lost a race for a stream
 * wins the next one. Group commit appends a hot stream back to back (the next group is decided
 * while the last one's append is in flight), and a command outside its queue (a cancel or a stock
 * receipt, which name no `product:` key) read the stream, decided and appended just after the next
 * group had: it lost every time, and after 50 retries a cancel was refused with a 409.
 *
 * So a retry after a lost race holds the turns of the streams it lost on for its whole attempt
 * (load, decide, append), and every other append in the process waits for the turns of its streams.
 * A group commit's retry holds them as well, so neither side starves the other: in this process a
 * retry loses to nobody, and another process's appends are still caught by the compare-and-set.
 *
 * Work that holds turns never waits for another turn (its appends, and commands run inside it, go
 * straight on): no one waits while holding, so waiters cannot form a cycle.
 */
export interface StreamTurns {
  /** Work that holds the turns of `streams` (a retry's attempt): the appends and commands it runs go straight on. */
  run<T>(streams: readonly string[], work: () => Promise<T>): Promise<T>;
  /** One append: waits for the turns of its streams, unless a holder runs it. It holds nothing itself. */
  append<T>(streams: readonly string[], work: () => Promise<T>): Promise<T>;
}

export function createStreamTurns(): StreamTurns {
  const lock = createKeyedLock();
  const holding = new AsyncLocalStorage<{ active: boolean }>();
  // While a storage is in use, Node 20 runs hooks on every promise the process creates: 3% of
  // the API process's CPU in the checkout bench when every append ran in one. So only holders
  // (retries, which are rare) run in it, and it is switched off again once none is running.
  let holders = 0;
  const held = () => holding.getStore()?.active === true;
  return {
    run(streams, work) {
      if (held() || streams.length === 0) return work();
      return lock.run(streams, async () => {
        // Callbacks scheduled inside keep this context after the turn ends (the group commit
        // starts its next group on setImmediate): once ended, the hold no longer counts.
        const hold = { active: true };
        holders++;
        try {
          return await holding.run(hold, work);
        } finally {
          hold.active = false;
          if (--holders === 0) holding.disable();
        }
      });
    },
    append(streams, work) {
      if (held() || streams.length === 0) return work();
      return lock.run(streams, work);
    },
  };
}

/** Runs `work`, a retry's attempt, holding the turns of `streams`, where the runtime keeps turns. */
export function inTurn<T>(
  turns: StreamTurns | undefined,
  streams: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  return turns ? turns.run(streams, work) : work();
}

/** Runs one append in the turns of its `streams`, where the runtime keeps turns. */
export function appendInTurn<T>(
  turns: StreamTurns | undefined,
  streams: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  return turns ? turns.append(streams, work) : work();
}
