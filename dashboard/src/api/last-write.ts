import { useSyncExternalStore } from 'react';

/**
 * Read your own writes: every command answers a consistency token (`position`); reads that pass the
 * latest one as `after` wait (bounded) until their read model has applied it, so a page read again
 * after an action shows the action, not the moment before it.
 */
let lastPosition: string | undefined;
const listeners = new Set<() => void>();

export function noteWrite(answer: { position?: string | null }): void {
  if (!answer.position) return;
  lastPosition = answer.position;
  for (const listener of listeners) listener();
}

export function useLastWrite(): string | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => lastPosition,
  );
}
