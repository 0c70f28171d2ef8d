/**
 * The price changes' part of the promotions read model: pure, in memory, per batch. A change
 * recorded in the batch is completed in place by its later events; the outcome of a change
 * scheduled in an earlier batch (applied, cancelled) is an update.
 */
import { assertNever } from '../../domain/assert-never.ts';
import { isPriceChangeEvent } from '../../domain/price-changes/index.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { eventTime } from '../batch-write.ts';
import type { PriceChangeOutcome, PriceChangeRow } from './tables.ts';

export interface PriceChangeChanges {
  rows: PriceChangeRow[];
  outcomes: PriceChangeOutcome[];
}

export function foldPriceChanges(events: readonly RecordedEvent[]): PriceChangeChanges {
  const rows = new Map<string, PriceChangeRow>();
  const outcomes = new Map<string, PriceChangeOutcome>();
  const outcome = (changeId: string, change: Omit<PriceChangeOutcome, 'change_id'>) => {
    const row = rows.get(changeId);
    if (row) Object.assign(row, change);
    else outcomes.set(changeId, { change_id: changeId, ...change });
  };
  for (const event of events) {
    if (!isPriceChangeEvent(event)) continue;
    const at = eventTime(event);
    const { actor } = event.metadata;
    switch (event.type) {
      case 'PriceChangeScheduled': {
        const { changeId, effectiveAt, reason, prices, mass } = event.data;
        rows.set(changeId, {
          change_id: changeId,
          kind: mass ? 'mass' : 'prices',
          status: 'scheduled',
          reason,
          actor_id: actor.id,
          actor_role: actor.role,
          effective_at: effectiveAt,
          selection: mass ?? null,
          targets: prices,
          applied: [],
          skipped: [],
          created_at: at,
          updated_at: at,
        });
        break;
      }
      case 'PriceChangeCancelled':
        outcome(event.data.changeId, { status: 'cancelled', applied: [], skipped: [], updated_at: at });
        break;
      case 'PriceChangeApplied': {
        const { changeId, reason, source, applied, skipped } = event.data;
        if (source.kind === 'mass' && source.effectiveAt === undefined) {
          // Applied at once: the change is its own record.
          const { categories, brands, adjustment, rounding } = source;
          rows.set(changeId, {
            change_id: changeId,
            kind: 'mass',
            status: 'applied',
            reason,
            actor_id: actor.id,
            actor_role: actor.role,
            effective_at: at,
            selection: { categories, brands, adjustment, rounding },
            targets: [],
            applied,
            skipped,
            created_at: at,
            updated_at: at,
          });
        } else outcome(changeId, { status: 'applied', applied, skipped, updated_at: at });
        break;
      }
      default:
        assertNever(event);
    }
  }
  return { rows: [...rows.values()], outcomes: [...outcomes.values()] };
}
