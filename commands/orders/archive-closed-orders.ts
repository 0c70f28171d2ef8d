import { orderDecider, type OrderStatus } from '../../domain/orders/index.ts';
import type { Clock } from '../../ports/clock.ts';
import type { EventArchive } from '../../ports/event-archive.ts';
import type { EventStore } from '../../ports/event-store.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { noStateCache } from '../runtime/state-cache.ts';
import type { UpcasterRegistry } from '../runtime/upcasters.ts';

/** An order in one of these states takes no more work: after the quiet period, it can go cold. */
const CLOSED: ReadonlySet<OrderStatus | 'none'> = new Set(['delivered', 'cancelled']);

export interface ArchiveClosedOrdersOptions {
  /** Orders whose stream had no event for this many days (and that are delivered or cancelled). */
  closedDays: number;
  /** Streams examined, and moved, per transaction (default 200): each move is short. */
  batch?: number;
  /** Count what would move, move nothing. */
  dryRun?: boolean;
  onProgress?: (progress: { examined: number; archived: number; events: number }) => void;
}

export interface ArchiveClosedOrdersResult {
  examined: number;
  /** Order streams moved to cold storage (with `dryRun`: that would be). */
  archived: number;
  /** Events moved (0 with `dryRun`). */
  events: number;
  cutoff: string;
}

/**
 * `qm archive orders`: moves the streams of orders closed (delivered or cancelled) whose last event
 * is older than `closedDays` to the event store's cold storage. Whether an order is closed is
 * decided on its events, folded as commands fold them, never on a read model that may lag; the
 * archive checks again, under the streams' locks, that nothing was appended since the cutoff.
 * Archived orders stay readable, replayable and appendable (see ports/event-archive.ts).
 */
export async function archiveClosedOrders(
  deps: { store: EventStore; archive: EventArchive; clock: Clock; upcasters?: UpcasterRegistry },
  options: ArchiveClosedOrdersOptions,
): Promise<ArchiveClosedOrdersResult> {
  const batch = options.batch ?? 200;
  const cutoff = new Date(deps.clock.now().getTime() - options.closedDays * 86_400_000);
  const result = { examined: 0, archived: 0, events: 0, cutoff: cutoff.toISOString() };
  let after: string | undefined;
  for (;;) {
    const quiet = await deps.archive.quietStreams({
      category: 'order',
      before: cutoff,
      limit: batch,
      ...(after ? { after } : {}),
    });
    if (quiet.length === 0) return result;
    after = quiet.at(-1);
    const closed: string[] = [];
    for (const stream of quiet) {
      const { state } = await loadAggregate(
        deps.store,
        orderDecider,
        stream,
        noStateCache,
        false,
        deps.upcasters,
      );
      if (CLOSED.has(state.status)) closed.push(stream);
    }
    result.examined += quiet.length;
    if (options.dryRun) result.archived += closed.length;
    else {
      const moved = await deps.archive.archive(closed, cutoff);
      result.archived += moved.streams.length;
      result.events += moved.events;
    }
    options.onProgress?.({ examined: result.examined, archived: result.archived, events: result.events });
  }
}
