/** Where commands get "now" from; tests and replays pass a fixed clock. */
export interface Clock {
  now(): Date;
}

/**
 * A clock a scheduler can wait on. Waiting goes through the clock, not `setTimeout`, so a test
 * clock that is advanced wakes what is due at once, with no real waiting.
 */
export interface WakingClock extends Clock {
  /**
   * Resolves once `now()` has reached `at`, or when `signal` aborts. It may resolve early (the
   * system clock caps one wait so that a wall-clock jump is noticed), so callers check `now()` again.
   */
  sleepUntil(at: Date, signal: AbortSignal): Promise<void>;
}

/** Long timers are capped so that a wall clock set forward (NTP, a suspended laptop) is noticed. */
const MAX_WAIT_MS = 60_000;

export const systemClock: WakingClock = {
  now: () => new Date(),
  sleepUntil(at, signal) {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(MAX_WAIT_MS, Math.max(0, at.getTime() - Date.now())));
      signal.addEventListener('abort', done, { once: true });
    });
  },
};
