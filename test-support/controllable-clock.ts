import type { WakingClock } from '../ports/clock.ts';
import { manualClock } from './command-harness.ts';

export type ControllableClock = ReturnType<typeof controllableClock>;

/**
 * A hand-set clock that schedulers can sleep on: moving it forward wakes every sleeper whose time
 * has come, so a test sees work fire exactly when due without waiting in real time.
 */
export function controllableClock(
  start?: string,
): WakingClock & { set(iso: string): void; advance(ms: number): void } {
  const clock = manualClock(start);
  const sleepers = new Set<{ at: number; wake: () => void }>();
  const wakeDue = () => {
    const now = clock.now().getTime();
    for (const sleeper of sleepers) if (sleeper.at <= now) sleeper.wake();
  };
  return {
    now: clock.now,
    set(iso) {
      clock.set(iso);
      wakeDue();
    },
    advance(ms) {
      clock.advance(ms);
      wakeDue();
    },
    sleepUntil(at, signal) {
      if (signal.aborted || at.getTime() <= clock.now().getTime()) return Promise.resolve();
      return new Promise((resolve) => {
        const sleeper = {
          at: at.getTime(),
          wake: () => {
            sleepers.delete(sleeper);
            signal.removeEventListener('abort', sleeper.wake);
            resolve();
          },
        };
        sleepers.add(sleeper);
        signal.addEventListener('abort', sleeper.wake, { once: true });
      });
    },
  };
}
