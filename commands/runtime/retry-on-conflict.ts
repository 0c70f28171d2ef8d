import { WrongExpectedRevision } from '../../ports/event-store-errors.ts';
import type { CommandRuntime } from './command-runtime.ts';
import { refusedOnCache } from './refused-on-cache.ts';
import { afterLostRace } from './state-cache.ts';
import { inTurn } from './stream-turns.ts';

export interface AttemptOptions {
  /**
   * The stream of an admin's If-Match: the command is decided only on the revision the person saw
   * of it, so a lost race on that stream is a conflict for them to look at, never retried. A lost
   * race on another stream the command appends to (a hot SKU's stock) is retried as usual.
   */
  pinned?: string;
  /**
   * The first attempt already reads what the store holds (it starts as a retry would): its
   * refusal stands, and `expectNew` streams are read rather than assumed new.
   */
  fresh?: boolean;
}

/**
 * The attempt loop every command runs, single-stream or multi-stream: `attempt(n)` loads, decides
 * and appends at the loaded revisions. A lost race (the append's compare-and-set refused) runs the
 * attempt again on what the store holds (the cached state plus the events after it, see
 * `afterLostRace`), up to `maxRetries` times, holding the turn of every stream it lost on
 * (`runtime.turns`). A refusal decided on the state cache is decided once more on fresh state
 * before it stands (see `refusedOnCache`). `attempt` trusts the cache only on attempt 0.
 */
export async function retryOnConflict<T>(
  runtime: CommandRuntime,
  attempt: (attempt: number) => Promise<T>,
  options: AttemptOptions = {},
): Promise<T> {
  /** The streams this command lost a race on: its later attempts hold their turns (see stream-turns.ts). */
  const lost = new Set<string>();
  for (let n = options.fresh ? 1 : 0; ; n++) {
    try {
      return await inTurn(runtime.turns, [...lost], () => attempt(n));
    } catch (error) {
      if (refusedOnCache(error, n)) continue;
      if (!(error instanceof WrongExpectedRevision)) throw error;
      afterLostRace(runtime.cache, error);
      if (error.stream === options.pinned || n >= runtime.maxRetries) throw error;
      lost.add(error.stream);
    }
  }
}
