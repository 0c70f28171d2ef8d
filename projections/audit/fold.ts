/**
 * The audit read model's batch fold: pure, in memory. Staff and admin actions become entries with
 * before and after; most events carry both already (PriceChanged old/new, ProductUpdated from/to,
 * LocationRenamed previousName, LowStockThresholdSet previous). On-hand stock is the exception:
 * its "before" comes from a small per-stream state kept in `audit_entity_state`, folded from every
 * event that moves on-hand stock, whoever caused it.
 */
import { personalFieldsOf } from '../../domain/privacy/personal-fields.ts';
import type { JsonObject, RecordedEvent } from '../../ports/event-store.ts';
import { isProductEvent } from '../../domain/catalog/events.ts';
import { isInventoryEvent } from '../../domain/inventory/events.ts';
import { isLocationEvent } from '../../domain/locations/events.ts';
import { isOrderEvent } from '../../domain/orders/events.ts';
import { eventTime } from '../batch-write.ts';
import { foldStock, noStock } from '../inventory/stock-fold.ts';
import { isAccountActivity, withoutSecrets } from './account-activity.ts';

/** Appended by `qm projection skip` to `projection-<name>`: always audited, whoever ran it. */
export const PROJECTION_EVENT_SKIPPED = 'ProjectionEventSkipped';

/** Stock events that move on-hand stock, the only "before" the audit must remember. */
export const onHandEventTypes = [
  'StockReceived',
  'StockAdjusted',
  'StockShipped',
  'StockTransferredOut',
  'StockTransferredIn',
  'StockReturned',
] as const;

export type EntityState = { onHand: number };

export type AuditEntryModel = {
  eventId: string;
  positionCommit: string;
  positionPrepare: string;
  at: string;
  actorId: string;
  actorRole: string;
  entityType: string;
  entityId: string;
  stream: string;
  eventType: string;
  before: JsonObject | null;
  after: JsonObject | null;
  reason: string | null;
  correlationId: string;
  data: JsonObject;
};

export function isAudited(event: RecordedEvent): boolean {
  const { role } = event.metadata.actor;
  return (
    role === 'admin' ||
    role === 'staff' ||
    event.type === PROJECTION_EVENT_SKIPPED ||
    isAccountActivity(event.type)
  );
}

/** Streams whose state the batch needs: stock streams with an on-hand move. */
export function stateStreams(events: readonly RecordedEvent[]): string[] {
  const streams = new Set<string>();
  for (const event of events) if (movesOnHand(event)) streams.add(event.stream);
  return [...streams];
}

const movesOnHand = (event: RecordedEvent): boolean =>
  (onHandEventTypes as readonly string[]).includes(event.type);

export function foldAudit(
  states: Map<string, EntityState>,
  events: readonly RecordedEvent[],
): { entries: AuditEntryModel[]; states: Map<string, EntityState>; changedStates: string[] } {
  const entries: AuditEntryModel[] = [];
  const changed = new Set<string>();
  for (const event of events) {
    let before: JsonObject | null = null;
    let after: JsonObject | null = null;
    if (movesOnHand(event) && isInventoryEvent(event)) {
      const previous = states.get(event.stream) ?? { onHand: 0 };
      const next = { onHand: foldStock({ ...noStock(), onHand: previous.onHand }, event).onHand };
      states.set(event.stream, next);
      changed.add(event.stream);
      before = { onHand: previous.onHand };
      after = { onHand: next.onHand };
    }
    if (!isAudited(event)) continue;
    if (before === null) ({ before, after } = beforeAndAfter(event));
    const dash = event.stream.indexOf('-');
    const { actor } = event.metadata;
    entries.push({
      eventId: event.id,
      positionCommit: event.position.commit.toString(),
      positionPrepare: event.position.prepare.toString(),
      at: eventTime(event),
      actorId: actor.id,
      actorRole: actor.role,
      entityType: dash < 0 ? event.stream : event.stream.slice(0, dash),
      entityId: dash < 0 ? event.stream : event.stream.slice(dash + 1),
      stream: event.stream,
      eventType: event.type,
      before,
      after,
      reason: reasonOf(event),
      correlationId: event.metadata.correlationId,
      data: isAccountActivity(event.type) ? withoutSecrets(event.data) : event.data,
    });
  }
  return { entries, states, changedStates: [...changed] };
}

/** Before and after from the event itself, where it carries them. */
function beforeAndAfter(event: RecordedEvent): { before: JsonObject | null; after: JsonObject | null } {
  // Account activity: what happened and from where (IP, user agent), shown as the entry's `after`.
  if (isAccountActivity(event.type)) {
    return event.type === 'StaffRolesChanged'
      ? { before: { roles: event.data.previous ?? null }, after: { roles: event.data.roles ?? null } }
      : { before: null, after: withoutSecrets(event.data) };
  }
  if (isProductEvent(event)) {
    switch (event.type) {
      case 'ProductCreated': {
        const { productId: _id, ...created } = event.data;
        return { before: null, after: created };
      }
      case 'ProductUpdated':
        return {
          before: Object.fromEntries(event.data.changes.map((c) => [c.field, c.from])),
          after: Object.fromEntries(event.data.changes.map((c) => [c.field, c.to])),
        };
      case 'PriceChanged':
        return { before: { price: event.data.oldPrice }, after: { price: event.data.newPrice } };
      case 'ProductDiscontinued':
        return { before: { status: 'active' }, after: { status: 'discontinued' } };
    }
  }
  if (isLocationEvent(event)) {
    return event.type === 'LocationRenamed'
      ? { before: { name: event.data.previousName }, after: { name: event.data.name } }
      : { before: null, after: { name: event.data.name } };
  }
  if (isInventoryEvent(event) && event.type === 'LowStockThresholdSet') {
    return { before: { threshold: event.data.previous }, after: { threshold: event.data.threshold } };
  }
  if (isOrderEvent(event)) {
    switch (event.type) {
      case 'OrderCancelled':
        return { before: null, after: { status: 'cancelled' } };
      case 'OrderDelivered':
        return { before: null, after: { status: 'delivered' } };
      case 'RefundIssued':
        return { before: null, after: { refund: event.data.amount } };
      default:
        return { before: null, after: null };
    }
  }
  return { before: null, after: null };
}

function reasonOf(event: RecordedEvent): string | null {
  const { reason } = event.data;
  // A note that is personal text (an order cancellation's) stays in `data`, where erasure finds it.
  const note = personalFieldsOf(event.type)?.paths.includes('note') ? null : event.data.note;
  const text = [reason, note].filter((part): part is string => typeof part === 'string' && part !== '');
  if (text.length > 0) return text.join(': ');
  return typeof event.metadata.reason === 'string' ? event.metadata.reason : null;
}
