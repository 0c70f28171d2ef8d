import type { Logger } from '../../infra/logging/logger.ts';

/** A running purge of expired idempotency keys. */
export interface PurgeSchedule {
  /** Purges now (or joins the purge already running); resolves with how many keys went. */
  runNow(): Promise<number>;
  /** Stops the timer and waits for a purge in progress. */
  stop(): Promise<void>;
}

/** Hourly: keys live a day, so an hour's leftovers are a small share of the table. */
export const DEFAULT_PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Drops expired idempotency keys now and then (`purge` is the store's `purgeExpired`): expired keys
 * are already ignored by claims, but without a purge the table would only grow. One purge at a
 * time; a failed one is logged and the next tick tries again. The timer never keeps the process alive.
 */
export function scheduleIdempotencyPurge(options: {
  purge: () => Promise<number>;
  log: Logger;
  intervalMs?: number;
}): PurgeSchedule {
  let running: Promise<number> | null = null;
  let stopped = false;

  const runNow = (): Promise<number> => {
    running ??= options
      .purge()
      .then((purged) => {
        if (purged > 0) options.log.info({ purged }, 'purged expired idempotency keys');
        return purged;
      })
      .finally(() => (running = null));
    return running;
  };

  const tick = () => {
    if (stopped) return;
    runNow().catch((error: unknown) =>
      options.log.warn({ err: error }, 'could not purge expired idempotency keys; will retry'),
    );
  };
  const timer = setInterval(tick, options.intervalMs ?? DEFAULT_PURGE_INTERVAL_MS);
  timer.unref();
  tick();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
