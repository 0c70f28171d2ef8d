import type { RecordedEvent } from '../../ports/event-store.ts';
import { positionToToken } from '../../ports/position.ts';
import { isCartEvent, type CartEvent } from '../../domain/carts/index.ts';
import { isProductEvent } from '../../domain/catalog/index.ts';
import { isInventoryEvent, type InventoryEvent } from '../../domain/inventory/index.ts';
import { split, type Money } from '../../domain/money.ts';
import {
  isOrderEvent,
  pricedTotals,
  type OrderEvent,
  type OrderLine,
  type OrderPlaced,
  type OrderTotals,
} from '../../domain/orders/index.ts';
import { mapPersonalFields, redactedText } from '../../domain/privacy/personal-fields.ts';
import { isRedemptionEvent, type RedemptionEvent } from '../../domain/redemptions/index.ts';
import { isReturnEvent, type ReturnEvent } from '../../domain/returns/index.ts';
import type { FactTable } from './schema.ts';

/** A row as JSONEachRow sends it: column name to value. */
export type Row = Record<string, string | number>;

/** The rows one batch adds to each fact table; every row carries its event's `event_id`. */
export type TableRows = Record<FactTable, Row[]>;

export const emptyTableRows = (): TableRows => ({
  raw_events: [],
  order_lines: [],
  order_status: [],
  order_tax: [],
  payments: [],
  inventory_movements: [],
  price_changes: [],
  products: [],
  promotion_redemptions: [],
  after_sale: [],
  cart_activity: [],
});

/** `2026-11-21T10:00:00.000Z` → `2026-11-21 10:00:00.000`: what a DateTime64(3, 'UTC') column parses by default. */
export function clickhouseTime(iso: string): string {
  return new Date(iso).toISOString().replace('T', ' ').replace('Z', '');
}

/** Maps a batch of events to the rows of every fact table, in log order. Unknown event types only reach `raw_events`. */
export function eventRows(events: readonly RecordedEvent[]): TableRows {
  const rows = emptyTableRows();
  for (const event of events) {
    const time = clickhouseTime(event.metadata.occurredAt);
    const base = { time, event_id: event.id };
    rows.raw_events.push(rawEventRow(event, time));
    if (isOrderEvent(event)) addOrderRows(rows, event, base);
    else if (isInventoryEvent(event)) rows.inventory_movements.push({ ...base, ...movement(event) });
    else if (isReturnEvent(event)) rows.after_sale.push(...returnRows(event, base));
    else if (isCartEvent(event)) rows.cart_activity.push(...cartRows(event, base));
    else if (isRedemptionEvent(event)) {
      if (event.data.scope === 'promotion')
        rows.promotion_redemptions.push({ ...base, ...redemption(event) });
    } else if (isProductEvent(event)) {
      if (event.type === 'ProductCreated') {
        const { productId, sku, name, brand, category, price } = event.data;
        rows.products.push({
          ...base,
          product_id: productId,
          sku,
          name,
          brand,
          category,
          price: price.amount,
          currency: price.currency,
        });
      } else if (event.type === 'PriceChanged') {
        const { productId, oldPrice, newPrice, currency, reason } = event.data;
        rows.price_changes.push({
          ...base,
          product_id: productId,
          old_price: oldPrice.amount,
          new_price: newPrice.amount,
          currency,
          reason,
          actor_id: event.metadata.actor.id,
        });
      }
    }
  }
  return rows;
}

/** A cart's steps for recovery analytics (a cart with a line added is one worth reminding about). */
function cartRows(event: RecordedEvent & CartEvent, base: Base): Row[] {
  const row = (kind: string, values: Partial<Row> = {}): Row => ({
    ...base,
    cart_id: event.data.cartId,
    kind,
    step: -1,
    order_id: '',
    currency: '',
    ...values,
  });
  switch (event.type) {
    case 'CartLineAdded':
      return [row('line_added', { currency: event.data.unitPrice.currency })];
    case 'CartReminderSent':
      return [row('reminded', { step: event.data.step ?? 0 })];
    case 'CartRestored':
      return [row('restored', { step: event.data.step })];
    case 'CartCheckedOut':
      return [row('checked_out', { order_id: event.data.orderId })];
    default:
      return [];
  }
}

function rawEventRow(event: RecordedEvent, time: string): Row {
  return {
    time,
    event_id: event.id,
    recorded_at: clickhouseTime(event.recordedAt),
    type: event.type,
    stream: event.stream,
    category: event.stream.split('-', 1)[0] ?? '',
    revision: event.revision,
    position: positionToToken(event.position),
    actor_id: event.metadata.actor.id,
    actor_role: event.metadata.actor.role,
    correlation_id: event.metadata.correlationId,
    causation_id: event.metadata.causationId ?? '',
    // Analysts get no personal data: erasure then has nothing to find here (docs/privacy.md).
    data: JSON.stringify(mapPersonalFields(event, () => redactedText).data),
    metadata: JSON.stringify(event.metadata),
  };
}

type Base = { time: string; event_id: string };
type OrderRecorded = RecordedEvent & OrderEvent;

function addOrderRows(rows: TableRows, event: OrderRecorded, base: Base): void {
  const status = (values: Partial<Row> & { order_id: string; status: string }): Row => ({
    ...base,
    reason: '',
    shipment_id: '',
    carrier: '',
    location: '',
    total: 0,
    currency: '',
    ...values,
  });
  const payment = (kind: string, orderId: string, amount: Money, extra: Partial<Row> = {}): Row => ({
    ...base,
    order_id: orderId,
    kind,
    payment_ref: '',
    refund_id: '',
    amount: amount.amount,
    currency: amount.currency,
    reason: '',
    ...extra,
  });
  switch (event.type) {
    case 'OrderPlaced': {
      const { orderId, customerId, currency, lines } = event.data;
      const totals = pricedTotals(event.data.totals);
      const taxable = new Map(totals.taxDetail.lines.map((l) => [l.sku, l.taxable]));
      const first = rows.order_lines.length;
      for (const line of lines)
        rows.order_lines.push(
          ...lineRows(base, orderId, customerId, currency, line, taxable.get(line.sku) ?? line.lineTotal),
        );
      rows.order_tax.push(...taxRows(base, event.data, totals));
      if (rows.order_lines[first]) rows.order_lines[first].order_count = 1;
      rows.order_status.push(
        status({ order_id: orderId, status: 'placed', total: totals.total.amount, currency }),
      );
      return;
    }
    case 'OrderCancelled':
      rows.order_status.push(
        status({ order_id: event.data.orderId, status: 'cancelled', reason: event.data.reason }),
      );
      return;
    case 'OrderLinesCancelled': {
      // The order stays; the cancelled units' value, as a status row of its own.
      const { orderId, amount } = event.data;
      rows.order_status.push(
        status({
          order_id: orderId,
          status: 'lines_cancelled',
          total: amount.amount,
          currency: amount.currency,
        }),
      );
      return;
    }
    case 'OrderEdited': {
      // The order stays; its new total, as a status row of its own.
      const { orderId, after } = event.data;
      rows.order_status.push(
        status({
          order_id: orderId,
          status: 'edited',
          total: after.total.amount,
          currency: after.total.currency,
        }),
      );
      return;
    }
    case 'ShipmentCreated': {
      const { orderId, shipmentId, carrier, location } = event.data;
      rows.order_status.push(
        status({ order_id: orderId, status: 'shipped', shipment_id: shipmentId, carrier, location }),
      );
      return;
    }
    case 'OrderDelivered':
      rows.order_status.push(status({ order_id: event.data.orderId, status: 'delivered' }));
      return;
    // Labels and tracking are in raw_events; the order's delivery comes as OrderDelivered.
    case 'ShipmentLabelBought':
    case 'ShipmentTracked':
      return;
    case 'PaymentAuthorized':
    case 'PaymentCaptured': {
      const { orderId, paymentRef, amount } = event.data;
      const kind = event.type === 'PaymentAuthorized' ? 'authorized' : 'captured';
      rows.payments.push(payment(kind, orderId, amount, { payment_ref: paymentRef }));
      return;
    }
    case 'ExtraPaymentCaptured': {
      const { orderId, paymentRef, amount } = event.data;
      rows.payments.push(payment('captured', orderId, amount, { payment_ref: paymentRef }));
      return;
    }
    case 'ExtraPaymentOpened':
    case 'PaymentAttemptStarted': {
      // A new attempt moves no money; like a failure, its amount is 0 (the order's total is in `order_status`).
      const { orderId, paymentRef } = event.data;
      rows.payments.push(
        payment('attempt', orderId, { amount: 0, currency: '' }, { payment_ref: paymentRef }),
      );
      return;
    }
    case 'PaymentFailed': {
      const { orderId, paymentRef, reason } = event.data;
      // A failed attempt moved no money; its amount is 0 in no particular currency.
      rows.payments.push(
        payment('failed', orderId, { amount: 0, currency: '' }, { payment_ref: paymentRef ?? '', reason }),
      );
      return;
    }
    case 'RefundIssued': {
      const { orderId, refundId, amount, reason } = event.data;
      rows.payments.push(payment('refunded', orderId, amount, { refund_id: refundId, reason }));
      return;
    }
    case 'LineExchanged': {
      // Two rows: the units going back (their line's share) and the replacement going out.
      const { orderId, exchangeId, returned, replacement, reason } = event.data;
      rows.after_sale.push(
        afterSale(base, 'exchange_returned', exchangeId, orderId, returned.amount, {
          line_id: returned.lineId,
          sku: returned.sku,
          quantity: returned.quantity,
          reason,
        }),
        afterSale(base, 'exchange_replacement', exchangeId, orderId, replacement.lineTotal, {
          line_id: replacement.lineId,
          sku: replacement.sku,
          quantity: replacement.quantity,
          reason,
        }),
      );
      return;
    }
    case 'ExchangeChargeCaptured': {
      const { orderId, paymentRef, amount } = event.data;
      rows.payments.push(payment('captured', orderId, amount, { payment_ref: paymentRef }));
      return;
    }
    case 'ClaimOpened': {
      const { orderId, claimId, lineId, sku, quantity, reason } = event.data;
      rows.after_sale.push(
        afterSale(
          base,
          'claim_opened',
          claimId,
          orderId,
          { amount: 0, currency: '' },
          {
            line_id: lineId,
            sku,
            quantity,
            reason,
          },
        ),
      );
      return;
    }
    case 'ClaimResolved': {
      const { data } = event;
      const amount = data.resolution === 'refund' ? data.amount : data.replacement.lineTotal;
      const extra =
        data.resolution === 'replacement'
          ? {
              line_id: data.replacement.lineId,
              sku: data.replacement.sku,
              quantity: data.replacement.quantity,
            }
          : {};
      rows.after_sale.push(
        afterSale(
          base,
          data.resolution === 'refund' ? 'claim_refunded' : 'claim_replaced',
          data.claimId,
          data.orderId,
          amount,
          extra,
        ),
      );
      return;
    }
    case 'DisputeOpened': {
      const { orderId, disputeId, amount, reason } = event.data;
      rows.after_sale.push(afterSale(base, 'dispute_opened', disputeId, orderId, amount, { reason }));
      return;
    }
    case 'DisputeFundsWithdrawn': {
      const { orderId, disputeId, amount } = event.data;
      rows.after_sale.push(afterSale(base, 'dispute_funds_withdrawn', disputeId, orderId, amount));
      return;
    }
    case 'DisputeClosed': {
      const { orderId, disputeId, amount, outcome } = event.data;
      rows.after_sale.push(afterSale(base, `dispute_${outcome}`, disputeId, orderId, amount));
      return;
    }
    default: {
      const never: never = event;
      throw new Error(`unhandled order event ${(never as { type: string }).type}`);
    }
  }
}

/**
 * A return's lines as `after_sale` rows: requested (with the reason, for return rates by SKU and
 * reason), received (with the disposition), and its refunds (one row, no line).
 */
function returnRows(event: ReturnEvent, base: Base): Row[] {
  switch (event.type) {
    case 'ReturnRequested': {
      const { returnId, orderId, currency, reason, lines } = event.data;
      return lines.map((line) =>
        afterSale(
          base,
          'return_requested',
          returnId,
          orderId,
          { amount: line.amount, currency },
          {
            line_id: line.lineId,
            sku: line.sku,
            quantity: line.quantity,
            reason,
          },
        ),
      );
    }
    case 'ReturnReceived': {
      const { returnId, orderId, lines } = event.data;
      return lines.map((line) =>
        afterSale(
          base,
          'return_received',
          returnId,
          orderId,
          { amount: 0, currency: '' },
          {
            line_id: line.lineId,
            sku: line.sku,
            quantity: line.quantity,
            disposition: line.disposition,
          },
        ),
      );
    }
    case 'ReturnRefunded': {
      const { returnId, orderId, amount, currency } = event.data;
      return [afterSale(base, 'return_refunded', returnId, orderId, { amount, currency })];
    }
    case 'ReturnAuthorized':
    case 'ReturnRejected':
      return [];
    default: {
      const never: never = event;
      throw new Error(`unhandled return event ${(never as { type: string }).type}`);
    }
  }
}

/** A row of `after_sale`: the columns a kind leaves out are empty. */
function afterSale(
  base: Base,
  kind: string,
  caseId: string,
  orderId: string,
  amount: Money,
  extra: Partial<Row> = {},
): Row {
  return {
    ...base,
    kind,
    case_id: caseId,
    order_id: orderId,
    line_id: '',
    sku: '',
    quantity: 0,
    amount: amount.amount,
    currency: amount.currency,
    reason: '',
    disposition: '',
    ...extra,
  };
}

/**
 * One row per allocation, so sales read per location. Revenue and discount are split over the
 * allocations by quantity without losing a minor unit (largest remainder), so the rows of a line
 * add up to its `lineTotal` exactly.
 */
/**
 * One row per allocation of a line. Revenue is the line after its discounts (the taxable amount the
 * order recorded; the line total for orders placed before discounts), shared over the allocations.
 */
function lineRows(
  base: Base,
  orderId: string,
  customerId: string,
  currency: string,
  line: OrderLine,
  discounted: Money,
): Row[] {
  const weights = line.allocations.map((a) => a.quantity);
  const revenue = split(discounted, weights);
  return line.allocations.map((allocation, i) => {
    const lineRevenue = revenue[i]!.amount;
    return {
      ...base,
      order_id: orderId,
      customer_id: customerId,
      line_id: line.lineId,
      sku: line.sku,
      location: allocation.location,
      quantity: allocation.quantity,
      unit_price: line.unitPrice.amount,
      discount: line.unitPrice.amount * allocation.quantity - lineRevenue,
      revenue: lineRevenue,
      currency,
      order_count: 0,
    };
  });
}

/**
 * The tax an order collected, one row per line and one for shipping, for tax by region and period.
 * An order whose tax is unknown (placed before tax was computed) has none: nothing is made up.
 */
function taxRows(base: Base, order: OrderPlaced['data'], totals: OrderTotals): Row[] {
  const detail = totals.taxDetail;
  if (!detail.known) return [];
  const row = (
    lineId: string,
    sku: string,
    taxClass: string,
    rateBps: number,
    taxable: Money,
    tax: Money,
  ): Row => ({
    ...base,
    order_id: order.orderId,
    line_id: lineId,
    sku,
    country: order.shippingAddress.country,
    tax_region_id: detail.regionId ?? '',
    tax_class: taxClass,
    rate_bps: rateBps,
    taxable: taxable.amount,
    tax: tax.amount,
    included: detail.included ? 1 : 0,
    currency: order.currency,
  });
  const lineIds = new Map(order.lines.map((l) => [l.sku, l.lineId]));
  return [
    ...detail.lines.map((l) =>
      row(lineIds.get(l.sku) ?? l.sku, l.sku, l.taxClass, l.rateBps, l.taxable, l.tax),
    ),
    row('shipping', '', 'shipping', detail.shipping.rateBps, detail.shipping.taxable, detail.shipping.tax),
  ];
}

/** How a stock event moves on-hand, reserved and backordered quantities (as domain/inventory/evolve.ts does). */
function movement(event: InventoryEvent): Row {
  const { sku, location } = event.data;
  const row = (
    kind: string,
    deltas: { onHand?: number; reserved?: number; backordered?: number },
    orderId = '',
    reference = '',
  ): Row => ({
    sku,
    location,
    kind,
    on_hand_delta: deltas.onHand ?? 0,
    reserved_delta: deltas.reserved ?? 0,
    backordered_delta: deltas.backordered ?? 0,
    order_id: orderId,
    reference,
  });
  switch (event.type) {
    case 'StockReceived':
      return row('received', { onHand: event.data.quantity }, '', event.data.reference ?? '');
    case 'StockAdjusted':
      return row('adjusted', { onHand: event.data.delta }, '', event.data.reason);
    case 'StockReserved': {
      // A checkout's reservation takes its cart's hold over: reserved net of the hold, and the
      // reference names the cart (`converted:{cartId}`) whose hold ended here.
      const { quantity, orderId, convertedHold } = event.data;
      if (!convertedHold) return row('reserved', { reserved: quantity }, orderId);
      return row(
        'reserved',
        { reserved: quantity - convertedHold.quantity },
        orderId,
        `converted:${convertedHold.cartId}`,
      );
    }
    case 'BackorderRecorded':
      return row('backordered', { backordered: event.data.quantity }, event.data.orderId);
    case 'BackorderFilled': {
      const { quantity, orderId } = event.data;
      return row('backorder_filled', { reserved: quantity, backordered: -quantity }, orderId);
    }
    case 'BackorderCancelled': {
      const { quantity, orderId, reason } = event.data;
      return row('backorder_cancelled', { backordered: -quantity }, orderId, reason);
    }
    case 'StockReservationReleased': {
      const { quantity, orderId, reason } = event.data;
      return row('released', { reserved: -quantity }, orderId, reason);
    }
    case 'StockShipped': {
      const { quantity, orderId, shipmentId } = event.data;
      return row('shipped', { onHand: -quantity, reserved: -quantity }, orderId, shipmentId);
    }
    case 'StockTransferredOut':
      return row('transferred_out', { onHand: -event.data.quantity }, '', event.data.transferId);
    case 'StockTransferredIn':
      return row('transferred_in', { onHand: event.data.quantity }, '', event.data.transferId);
    case 'StockReturned': {
      const { quantity, orderId, returnId } = event.data;
      return row('returned', { onHand: quantity }, orderId, returnId);
    }
    case 'LowStockThresholdSet':
      return row('threshold_set', {}, '', String(event.data.threshold));
    // A checkout hold is keyed by its cart, whose id the order takes at checkout.
    case 'StockHeld':
      return row('held', { reserved: event.data.quantity }, event.data.cartId);
    case 'StockHoldReleased': {
      const { quantity, cartId, reason } = event.data;
      return row('hold_released', { reserved: -quantity }, cartId, reason);
    }
    default: {
      const never: never = event;
      throw new Error(`unhandled stock event ${(never as { type: string }).type}`);
    }
  }
}

/** A redemption or its release, signed so that sums are net of what was given back. */
function redemption(event: RedemptionEvent): Row {
  const { promotionId, orderId, units, amount } = event.data;
  if (event.type === 'PromotionRedeemed') {
    const { promotionVersion, customerId, code, currency } = event.data;
    return {
      promotion_id: promotionId,
      promotion_version: promotionVersion,
      order_id: orderId,
      customer_id: customerId ?? '',
      code: code ?? '',
      kind: 'redeemed',
      reason: '',
      redemptions: 1,
      units,
      discount: amount,
      currency,
    };
  }
  return {
    promotion_id: promotionId,
    promotion_version: 0,
    order_id: orderId,
    customer_id: '',
    code: '',
    kind: 'released',
    reason: event.data.reason,
    redemptions: -1,
    units: -units,
    discount: -amount,
    currency: '',
  };
}
