/** The orders read model's batch fold: pure, in memory, through the domain's own `evolveOrder`. */
import { assertNever } from '../../domain/assert-never.ts';
import type { JsonObject, RecordedEvent } from '../../ports/event-store.ts';
import { isOrderEvent, type OrderLine, type ShipmentLine } from '../../domain/orders/events.ts';
import { evolveOrder } from '../../domain/orders/evolve.ts';
import { disputesOf } from '../../domain/orders/state.ts';
import type { ExistingOrder, OrderState } from '../../domain/orders/state.ts';
import { eventTime } from '../batch-write.ts';
import { cacheTags, tagSet } from '../cache-tags.ts';
import { summarize } from './summary.ts';
import type { PaymentStatus } from './tables.ts';

export type OrderModel = { state: ExistingOrder; placedAt: string; updatedAt: string; revision: number };

export type TimelineModel = {
  eventId: string;
  orderId: string;
  revision: number;
  eventType: string;
  at: string;
  actorId: string;
  actorRole: string;
  summary: string;
  data: JsonObject;
  correlationId: string;
};

export type PaymentModel = {
  eventId: string;
  orderId: string;
  revision: number;
  kind: 'authorized' | 'captured' | 'failed' | 'attempt';
  paymentRef: string | null;
  amount: number | null;
  currency: string;
  reason: string | null;
  at: string;
};

export type RefundModel = {
  refundId: string;
  orderId: string;
  revision: number;
  amount: number;
  currency: string;
  reason: string;
  actorId: string;
  at: string;
};

export type ShipmentModel = {
  shipmentId: string;
  orderId: string;
  revision: number;
  location: string;
  carrier: string;
  trackingNumber: string;
  lines: ShipmentLine[];
  at: string;
};

export type DisputeModel = {
  disputeId: string;
  orderId: string;
  customerId: string;
  paymentRef: string;
  amount: number;
  currency: string;
  reason: string;
  dueBy: string | null;
  status: 'open' | 'won' | 'lost';
  withdrawn: number;
  openedAt: string;
  closedAt: string | null;
  revision: number;
};

/** A later step of a dispute opened in an earlier batch: the columns that change. */
export type DisputeUpdate = Pick<
  DisputeModel,
  'disputeId' | 'orderId' | 'status' | 'withdrawn' | 'closedAt' | 'revision'
>;

export type ClaimModel = {
  claimId: string;
  orderId: string;
  customerId: string;
  lineId: string;
  sku: string;
  quantity: number;
  reason: 'damaged' | 'missing' | 'wrong';
  status: 'open' | 'replaced' | 'refunded';
  openedAt: string;
  resolvedAt: string | null;
  revision: number;
};

export type ClaimUpdate = Pick<ClaimModel, 'claimId' | 'orderId' | 'status' | 'resolvedAt' | 'revision'>;

export type OrdersChanges = {
  orders: OrderModel[];
  lines: { orderId: string; currency: string; lines: OrderLine[] }[];
  payments: PaymentModel[];
  refunds: RefundModel[];
  shipments: ShipmentModel[];
  /** Disputes opened in this batch (as they stand at its end), and steps of older ones. */
  disputes: DisputeModel[];
  disputeUpdates: DisputeUpdate[];
  /** Claims opened in this batch (as they stand at its end), and resolutions of older ones. */
  claims: ClaimModel[];
  claimUpdates: ClaimUpdate[];
  timeline: TimelineModel[];
  tags: string[];
};

export function orderIds(events: readonly RecordedEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) if (isOrderEvent(event)) ids.add(event.data.orderId);
  return [...ids];
}

/**
 * Applies `events` to `orders` (the loaded orders, by id). Every order event becomes a timeline
 * row and its payment/refund/shipment row, as history; the order's columns follow `evolveOrder`,
 * which ignores what cannot apply (e.g. a capture after cancellation), exactly as the write side.
 */
export function foldOrders(orders: Map<string, OrderModel>, events: readonly RecordedEvent[]): OrdersChanges {
  const tags = tagSet();
  const dirty = new Set<string>();
  const changes: OrdersChanges = {
    orders: [],
    lines: [],
    payments: [],
    refunds: [],
    shipments: [],
    disputes: [],
    disputeUpdates: [],
    claims: [],
    claimUpdates: [],
    timeline: [],
    tags: [],
  };
  // Per dispute (order and dispute id), each written once per batch: opened here, or a later step.
  const opened = new Map<string, DisputeModel>();
  const stepped = new Map<string, DisputeUpdate>();
  const claimed = new Map<string, ClaimModel>();
  const resolved = new Map<string, ClaimUpdate>();
  // Per order, its lines as they stand at the end of the batch (each key written once).
  const lines = new Map<string, OrdersChanges['lines'][number]>();
  for (const event of events) {
    if (!isOrderEvent(event)) continue;
    const { orderId } = event.data;
    const at = eventTime(event);
    const current = orders.get(orderId);
    const before: OrderState = current?.state ?? { status: 'none' };
    const after = evolveOrder(before, event);
    const { actor } = event.metadata;
    changes.timeline.push({
      eventId: event.id,
      orderId,
      revision: event.revision,
      eventType: event.type,
      at,
      actorId: actor.id,
      actorRole: actor.role,
      summary: summarize(event),
      data: event.data,
      correlationId: event.metadata.correlationId,
    });
    tags.add(cacheTags.order(orderId));
    if (after.status !== 'none') {
      orders.set(orderId, {
        state: after,
        placedAt: current?.placedAt ?? at,
        updatedAt: at,
        revision: event.revision,
      });
      dirty.add(orderId);
      tags.add(cacheTags.customerOrders(after.customerId));
    }
    const currency = after.status === 'none' ? null : after.currency;
    const base = { orderId, revision: event.revision, at };
    switch (event.type) {
      case 'OrderPlaced':
        if (before.status === 'none') {
          lines.set(orderId, { orderId, currency: event.data.currency, lines: event.data.lines });
        }
        break;
      case 'ClaimOpened': {
        const { claimId, lineId, sku, quantity, reason } = event.data;
        const key = `${orderId}/${claimId}`;
        if (after === before || after.status === 'none' || claimed.has(key)) break;
        claimed.set(key, {
          claimId,
          orderId,
          customerId: after.customerId,
          lineId,
          sku,
          quantity,
          reason,
          status: 'open',
          openedAt: at,
          resolvedAt: null,
          revision: event.revision,
        });
        break;
      }
      case 'ClaimResolved': {
        if (after === before || after.status === 'none') break;
        const { claimId, resolution } = event.data;
        const key = `${orderId}/${claimId}`;
        const step: ClaimUpdate = {
          claimId,
          orderId,
          status: resolution === 'replacement' ? 'replaced' : 'refunded',
          resolvedAt: at,
          revision: event.revision,
        };
        const fresh = claimed.get(key);
        if (fresh) claimed.set(key, { ...fresh, ...step });
        else resolved.set(key, step);
        // A replacement is a new line of the order.
        if (resolution === 'replacement')
          lines.set(orderId, { orderId, currency: after.currency, lines: after.lines });
        break;
      }
      case 'OrderLinesCancelled':
      case 'OrderEdited':
      case 'LineExchanged':
        // The lines as they stand now (quantities, totals, allocations), written over the old rows.
        if (after.status !== 'none' && after !== before) {
          lines.set(orderId, { orderId, currency: after.currency, lines: after.lines });
        }
        break;
      case 'PaymentAuthorized':
      case 'PaymentCaptured':
        changes.payments.push({
          ...base,
          eventId: event.id,
          kind: event.type === 'PaymentAuthorized' ? 'authorized' : 'captured',
          paymentRef: event.data.paymentRef,
          amount: event.data.amount.amount,
          currency: event.data.amount.currency,
          reason: null,
        });
        break;
      // An edit's difference: opened (no money moved yet, like an attempt), then captured.
      case 'ExtraPaymentCaptured':
        changes.payments.push({
          ...base,
          eventId: event.id,
          kind: 'captured',
          paymentRef: event.data.paymentRef,
          amount: event.data.amount.amount,
          currency: event.data.amount.currency,
          reason: null,
        });
        break;
      case 'ExtraPaymentOpened':
      case 'PaymentAttemptStarted':
        changes.payments.push({
          ...base,
          eventId: event.id,
          kind: 'attempt',
          paymentRef: event.data.paymentRef,
          amount: event.data.amount.amount,
          currency: event.data.amount.currency,
          reason: null,
        });
        break;
      case 'PaymentFailed':
        changes.payments.push({
          ...base,
          eventId: event.id,
          kind: 'failed',
          paymentRef: event.data.paymentRef,
          amount: null,
          currency: currency ?? '',
          reason: event.data.reason,
        });
        break;
      case 'RefundIssued':
        changes.refunds.push({
          ...base,
          refundId: event.data.refundId,
          amount: event.data.amount.amount,
          currency: event.data.amount.currency,
          reason: event.data.reason,
          actorId: actor.id,
        });
        break;
      case 'ShipmentCreated':
        changes.shipments.push({
          ...base,
          shipmentId: event.data.shipmentId,
          location: event.data.location,
          carrier: event.data.carrier,
          trackingNumber: event.data.trackingNumber,
          lines: event.data.lines,
        });
        break;
      case 'DisputeOpened': {
        const { disputeId, paymentRef, amount, reason, dueBy } = event.data;
        const key = `${orderId}/${disputeId}`;
        // A redelivered opening changes nothing (the state ignored it too).
        if (after === before || after.status === 'none' || opened.has(key)) break;
        opened.set(key, {
          disputeId,
          orderId,
          customerId: after.customerId,
          paymentRef,
          amount: amount.amount,
          currency: amount.currency,
          reason,
          dueBy,
          status: 'open',
          withdrawn: 0,
          openedAt: at,
          closedAt: null,
          revision: event.revision,
        });
        break;
      }
      case 'ExchangeChargeCaptured':
        changes.payments.push({
          ...base,
          eventId: event.id,
          kind: 'captured',
          paymentRef: event.data.paymentRef,
          amount: event.data.amount.amount,
          currency: event.data.amount.currency,
          reason: `exchange ${event.data.exchangeId}`,
        });
        break;
      case 'DisputeFundsWithdrawn':
      case 'DisputeClosed': {
        const { disputeId } = event.data;
        const dispute =
          after.status === 'none' ? undefined : disputesOf(after).find((d) => d.disputeId === disputeId);
        if (!dispute) break;
        const key = `${orderId}/${disputeId}`;
        const step: DisputeUpdate = {
          disputeId,
          orderId,
          status: dispute.status,
          withdrawn: dispute.withdrawn,
          closedAt: dispute.status === 'open' ? null : at,
          revision: event.revision,
        };
        const fresh = opened.get(key);
        if (fresh) opened.set(key, { ...fresh, ...step });
        else stepped.set(key, step);
        break;
      }
      // The label and tracking show on the timeline (its summary); the rows keep the shipment.
      case 'OrderCancelled':
      case 'OrderDelivered':
      case 'ShipmentLabelBought':
      case 'ShipmentTracked':
        break;
      default:
        assertNever(event);
    }
  }
  changes.orders = [...dirty].map((id) => orders.get(id)!);
  changes.lines = [...lines.values()];
  changes.disputes = [...opened.values()];
  changes.disputeUpdates = [...stepped.values()];
  changes.claims = [...claimed.values()];
  changes.claimUpdates = [...resolved.values()];
  changes.tags = tags.list();
  return changes;
}

/** One word for where the money stands, for lists and filters. */
export function paymentStatus(order: ExistingOrder): PaymentStatus {
  const { authorized, captured, refunded } = order.payment;
  if (refunded > 0) return refunded >= captured ? 'refunded' : 'partially_refunded';
  if (captured > 0) return captured >= order.totals.total.amount ? 'captured' : 'partially_captured';
  if (authorized > 0) return 'authorized';
  if (order.status === 'payment_failed') return 'failed';
  if (order.status === 'cancelled' && order.cancellation.reason === 'payment_failed') return 'failed';
  return 'pending';
}
