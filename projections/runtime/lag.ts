import type { EventStore, Position } from '../../ports/event-store.ts';
import { reached } from './checkpoints.ts';

/** Lag counts stop here: enough to tell "a little" from "a lot" without reading the whole log. */
export const LAG_COUNT_LIMIT = 10_000;

export interface Lag {
  head: Position | null;
  /** Events after the checkpoint, up to `LAG_COUNT_LIMIT`. */
  events: number;
  /** True when there are more than `events`. */
  capped: boolean;
  /** How long the oldest event not yet applied has waited (ms); 0 when caught up. */
  ms: number;
}

/** How far `checkpoint` is behind the head of the log: one bounded read. */
export async function measureLag(
  store: EventStore,
  checkpoint: Position | null,
  now: number = Date.now(),
): Promise<Lag> {
  const head = await store.headPosition();
  if (head === null || reached(checkpoint, head)) return { head, events: 0, capped: false, ms: 0 };
  const behind = await store.readAll({ from: checkpoint ?? 'start', maxCount: LAG_COUNT_LIMIT + 1 });
  const oldest = behind[0];
  return {
    head,
    events: Math.min(behind.length, LAG_COUNT_LIMIT),
    capped: behind.length > LAG_COUNT_LIMIT,
    ms: oldest ? Math.max(0, now - Date.parse(oldest.recordedAt)) : 0,
  };
}
