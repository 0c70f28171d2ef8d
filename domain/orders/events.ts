import type { Money } from '../money.ts';

export type Address = {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  region: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
};

/** Where a line's stock is reserved: one stock stream per location, summing to the line quantity. */
export type LineAllocation = { location: string; quantity: number };

export type OrderLine = {
  lineId: string;
  sku: string;
  quantity: number;
  /** The catalog price at placement, so later price changes never touch a placed order. */
  unitPrice: Money;
  lineTotal: Money;
  allocations: LineAllocation[];
};

/** The totals orders carried before the price pipeline: shipping was the client's, no tax, no discount. */
export type LegacyOrderTotals = { subtotal: Money; shipping: Money; total: Money };

/** A discount the order got, as the discount stage applied it (see `AppliedDiscount`). */
export type OrderDiscount = {
  promotionId: string;
  promotionVersion: number;
  code: string | null;
  label: string;
  amount: Money;
  lineAmounts: { sku: string; amount: Money }[];
  freeShipping: boolean;
  /** The stock a promotion's stock rule was decided on, cited as the evidence of the discount. */
  evidence?: { sku: string; onHand: number; daysOfCover: number | null }[];
};

/**
 * The order's tax, per line and for shipping (see `TaxDetail`). `known: false` on an order placed
 * before tax was computed: its breakdown is empty, never made up.
 */
export type OrderTaxDetail = {
  known: boolean;
  regionId: string | null;
  included: boolean;
  rounding: 'line' | 'total';
  lines: { sku: string; taxClass: string; rateBps: number; taxable: Money; tax: Money }[];
  shipping: { rateBps: number; taxable: Money; tax: Money };
  total: Money;
};

export type OrderShippingMethod = {
  methodId: string;
  zoneId: string;
  name: string;
  minDays: number;
  maxDays: number;
};

/**
 * The totals of a priced order: total = subtotal − discountTotal + shipping + tax, where `tax` is
 * what was added on top (0 where prices include tax; `taxDetail.total` is then the tax they hold).
 */
export type OrderTotals = LegacyOrderTotals & {
  discountTotal: Money;
  discounts: OrderDiscount[];
  tax: Money;
  taxDetail: OrderTaxDetail;
  /** The method the order ships by; null for an order without shipping (or placed before methods). */
  shippingMethod: OrderShippingMethod | null;
};

export type OrderPlaced = {
  type: 'OrderPlaced';
  data: {
    orderId: string;
    customerId: string;
    currency: string;
    lines: OrderLine[];
    /** Older orders carry the legacy totals: read them through `pricedTotals`. */
    totals: OrderTotals | LegacyOrderTotals;
    shippingAddress: Address;
    paymentProvider: string;
    /** Unpaid after this, the order may be cancelled as expired and its stock released. */
    expiresAt: string;
  };
};

/** `paymentRef` is the provider's id (a Stripe PaymentIntent, a manual receipt number). */
export type PaymentAuthorized = {
  type: 'PaymentAuthorized';
  data: { orderId: string; paymentRef: string; amount: Money };
};

export type PaymentCaptured = {
  type: 'PaymentCaptured';
  data: { orderId: string; paymentRef: string; amount: Money };
};

export type PaymentFailed = {
  type: 'PaymentFailed';
  data: { orderId: string; paymentRef: string | null; reason: string };
};

/**
 * After a failed payment, a new attempt opened at the provider for the order's total (a new
 * Stripe PaymentIntent; the failed one is released). The order awaits payment again, as placed.
 */
export type PaymentAttemptStarted = {
  type: 'PaymentAttemptStarted';
  data: { orderId: string; paymentRef: string; amount: Money };
};

export type CancellationReason = 'requested' | 'expired' | 'payment_failed';
export const cancellationReasons: readonly CancellationReason[] = ['requested', 'expired', 'payment_failed'];

export type StockRelease = { lineId: string; sku: string; location: string; quantity: number };

/**
 * Lists every reservation to release, so the stock side needs nothing but this event. `note` is the
 * canceller's free text, personal data sealed with `customerId`'s key; cancellations recorded
 * before it was sealed carry no `customerId`, and their notes stay as they were.
 */
export type OrderCancelled = {
  type: 'OrderCancelled';
  data: {
    orderId: string;
    customerId?: string;
    reason: CancellationReason;
    note: string | null;
    releases: StockRelease[];
  };
};

/**
 * Units of one line cancelled, and the share of the line's total they took with them (`amount`);
 * since discounts and tax are taken along, also their share of each discount the line got and of
 * its tax (absent on cancellations recorded before).
 */
export type CancelledLine = {
  lineId: string;
  sku: string;
  quantity: number;
  amount: Money;
  discounts?: { promotionId: string; amount: Money }[];
  tax?: Money;
};

/**
 * Some units of an unshipped order cancelled: each line's quantity and total go down by what is
 * listed, the order's subtotal by the lines' amounts, its discounts and tax by their shares, and
 * its total by `amount` (the lines' amounts less their discounts plus the tax added on top, which
 * is the lines' amounts where there is neither). `releases` names every reservation to
 * give back (backordered units first, as the stock side releases them), so the stock streams need
 * nothing but this event. A refund of what was paid for them follows as its own `RefundIssued`.
 */
export type OrderLinesCancelled = {
  type: 'OrderLinesCancelled';
  data: {
    orderId: string;
    lines: CancelledLine[];
    releases: StockRelease[];
    amount: Money;
    /**
     * What the cancellation refunds, decided with it (what was captured beyond the new total, at
     * most `amount`) and due until a `RefundIssued` with the cause `cancel` at this revision.
     * Absent when nothing is refunded, and on cancellations recorded before it existed.
     */
    refund?: Money;
  };
};

/** Units added to a line by an edit, where they are reserved, and what they add to its total. */
export type RaisedLine = {
  lineId: string;
  sku: string;
  quantity: number;
  /** The raised units' value: at `unitPrice` when the edit repriced the line, else at the line's. */
  amount: Money;
  allocations: LineAllocation[];
  /**
   * The line's unit price from this edit on, for every unit it holds (its total is this times its
   * units), when the edit lowered it: a placement now would charge less for the line's new quantity
   * (a quantity tier reached, the customer's price list). Absent: unchanged (every edit before).
   */
  unitPrice?: Money;
};

/**
 * Units taken off a line by an edit, and the share of the line's total they took with them (at the
 * price they were sold at). `unitPrice` as for `RaisedLine`, for the units left.
 */
export type LoweredLine = { lineId: string; sku: string; quantity: number; amount: Money; unitPrice?: Money };

/** A reservation an edit takes on a stock stream, on top of what the order already holds there. */
export type StockReservation = { lineId: string; sku: string; location: string; quantity: number };

/**
 * Staff edited an unshipped order: lines added, quantities raised or lowered (a line lowered to 0
 * units is removed), the shipping address or method changed. `reservations` names every unit
 * reserved with it and `releases` every unit given back (appended in the same atomic append to the
 * stock streams), and the order is re-priced through the price pipeline: `before` and `after`
 * are its whole totals (the method is in them), so the edit is one event with both sides; the
 * address before is the order's until then. A payment that follows authorizes `after.total`.
 */
export type OrderEdited = {
  type: 'OrderEdited';
  data: {
    orderId: string;
    /** Whose key seals the new address (personal data, like the placement's). */
    customerId: string;
    /** The new shipping address; null when the edit left it as it was. */
    shippingAddress: Address | null;
    added: OrderLine[];
    raised: RaisedLine[];
    reservations: StockReservation[];
    /** Units taken off lines, with their share of the line's total; absent on edits recorded before. */
    lowered?: LoweredLine[];
    /** The reservations given back for the lowered units, in the same append; absent before. */
    releases?: StockRelease[];
    before: OrderTotals;
    after: OrderTotals;
    /** What the edit does to the money (see `EditPayment`); absent on edits recorded before. */
    payment?: EditPayment;
  };
};

/**
 * The money side of an edit, decided with it from what the order had paid:
 * - `none`: nothing paid yet (the next payment is for the new total), or the total did not move;
 * - `extra_payment`: an authorized or paid order's total went up: `amount` is owed, by an extra
 *   payment opened at the provider for it (`ExtraPaymentOpened`, then `ExtraPaymentCaptured`);
 * - `refund`: a paid order's total went down below what was captured less refunded: `amount` is
 *   refunded, recorded as its own `RefundIssued` (keyed by the edit);
 * - `release`: an authorized order's total went down: the capture takes the new total and the
 *   provider releases the rest of the authorization (`amount`).
 */
export type EditPayment = {
  kind: 'none' | 'extra_payment' | 'refund' | 'release';
  amount: Money;
};

/** The provider's payment for an edit's difference, opened (a second Stripe PaymentIntent). */
export type ExtraPaymentOpened = {
  type: 'ExtraPaymentOpened';
  data: { orderId: string; paymentRef: string; amount: Money };
};

/** The edit's difference paid: it counts as authorized and captured with the order's payment. */
export type ExtraPaymentCaptured = {
  type: 'ExtraPaymentCaptured';
  data: { orderId: string; paymentRef: string; amount: Money };
};

export type ShipmentLine = { lineId: string; sku: string; quantity: number };

export type ShipmentCreated = {
  type: 'ShipmentCreated';
  data: {
    orderId: string;
    shipmentId: string;
    location: string;
    carrier: string;
    trackingNumber: string;
    lines: ShipmentLine[];
  };
};

/** A carrier label bought for a shipment (through the carrier port), recorded with the shipment. */
export type ShipmentLabelBought = {
  type: 'ShipmentLabelBought';
  data: {
    orderId: string;
    /**
     * Whose key seals `labelUrl`: the label prints the recipient's name and address, and anyone
     * holding its URL can fetch it. Absent on labels bought before it was sealed (left as they are).
     */
    customerId?: string;
    shipmentId: string;
    provider: string;
    /** The provider's id of its shipment, for support and refunds of the label. */
    providerShipmentId: string;
    carrier: string;
    service: string;
    trackingNumber: string;
    /** The label to print (a PDF or an image). */
    labelUrl: string;
    cost: Money;
  };
};

/** Where a parcel stands, as the carrier reported it (see `ports/carrier.ts`). */
export type TrackingStatus = 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';
export const trackingStatuses: readonly TrackingStatus[] = [
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
];

/** A tracking update the carrier sent (a verified webhook). */
export type ShipmentTracked = {
  type: 'ShipmentTracked';
  data: {
    orderId: string;
    /** Whose key seals `detail`: a carrier's words may name who signed for the parcel. */
    customerId: string;
    shipmentId: string;
    status: TrackingStatus;
    /** When the carrier saw it. */
    at: string;
    detail: string | null;
    /** The provider's event id. */
    trackingEventId: string;
  };
};

export type OrderDelivered = { type: 'OrderDelivered'; data: { orderId: string } };

type RefundData = {
  orderId: string;
  refundId: string;
  amount: Money;
  reason: string;
  /**
   * What made the refund, where it is the money side of a change the order's own stream records:
   * `edit`, the edit at `revision` lowered a paid order's total (its units are in that
   * `OrderEdited`, so nothing reading units takes them back a second time); `cancel`, the
   * cancellation of units at `revision` (its units are in that `OrderLinesCancelled`). Such a
   * refund is the one its change decided and left due (`PaymentState.refundsDue`). Absent otherwise.
   */
  cause?: RefundCause;
};

export type RefundCause = { kind: 'edit' | 'cancel'; revision: number };

/**
 * A refund. `taxReversed` is the part of `amount` that was tax, in proportion to the order's tax
 * in its total (half away from zero); refunds of orders whose tax is unknown (placed before tax
 * was computed) and refunds recorded before it existed have none.
 */
export type RefundIssued = {
  type: 'RefundIssued';
  data: RefundData | (RefundData & { taxReversed: Money });
};

/** How a dispute ended: the bank sided with the shop (`won`, withdrawn funds come back) or the cardholder. */
export type DisputeOutcome = 'won' | 'lost';
export const disputeOutcomes: readonly DisputeOutcome[] = ['won', 'lost'];

/**
 * The cardholder's bank disputed a payment of the order (a chargeback: Stripe's
 * `charge.dispute.created`). `reason` is the provider's word (`fraudulent`, `product_not_received`,
 * ...); `dueBy` is when evidence must reach the provider, null when it set no date.
 */
export type DisputeOpened = {
  type: 'DisputeOpened';
  data: {
    orderId: string;
    disputeId: string;
    paymentRef: string;
    amount: Money;
    reason: string;
    dueBy: string | null;
  };
};

/** The disputed amount left the shop's balance while the dispute runs (`charge.dispute.funds_withdrawn`). */
export type DisputeFundsWithdrawn = {
  type: 'DisputeFundsWithdrawn';
  data: { orderId: string; disputeId: string; amount: Money };
};

/** The dispute ended (`charge.dispute.closed`): won gives withdrawn funds back, lost keeps them gone. */
export type DisputeClosed = {
  type: 'DisputeClosed';
  data: { orderId: string; disputeId: string; outcome: DisputeOutcome; amount: Money };
};

/** The price difference of an exchange paid through an extra payment at the provider. */
export type ExchangeCharge = { paymentRef: string; amount: Money };

/** The tax of an exchange's replacement, as the price pipeline taxes it at the order's address. */
export type ReplacementTax = { taxClass: string; rateBps: number; tax: Money };

/**
 * Delivered units of a line exchanged for another SKU: they come back, and `replacement` is a new
 * line of the order, reserved in the same append (its stock streams' `StockReserved`) and shipped
 * like any line. `returned.amount` is the returned units' share of their line's total, and
 * `discounts` and `tax` their shares of the discounts the line got and of its tax, as a partial
 * cancellation takes them; `replacementTax` is the replacement's tax (null where the order's tax
 * is unknown). `difference` = what the replacement costs (its total, plus its tax where tax is
 * added on top) − what the returned units were paid (their amount less their discounts, plus
 * their tax where it was added on top); positive: the customer pays it through `charge`, opened
 * at the provider before this was appended; negative: refunded after it. Exchanges recorded
 * before discounts and tax were counted carry neither: their difference is at list prices.
 */
export type LineExchanged = {
  type: 'LineExchanged';
  data: {
    orderId: string;
    exchangeId: string;
    /** The returned units with the shares of the line's total, discounts and tax a cancellation takes. */
    returned: CancelledLine;
    replacement: OrderLine;
    replacementTax?: ReplacementTax | null;
    difference: Money;
    charge: ExchangeCharge | null;
    reason: string;
  };
};

/** The extra payment of an exchange was captured at the provider. */
export type ExchangeChargeCaptured = {
  type: 'ExchangeChargeCaptured';
  data: { orderId: string; exchangeId: string; paymentRef: string; amount: Money };
};

/** What went wrong with delivered goods. */
export type ClaimReason = 'damaged' | 'missing' | 'wrong';
export const claimReasons: readonly ClaimReason[] = ['damaged', 'missing', 'wrong'];

/** Units of a shipped line arrived damaged, did not arrive, or were the wrong item: nothing comes back. */
export type ClaimOpened = {
  type: 'ClaimOpened';
  data: {
    orderId: string;
    claimId: string;
    lineId: string;
    sku: string;
    quantity: number;
    reason: ClaimReason;
  };
};

/**
 * Staff resolved a claim without a return: with a replacement (a new line of the same SKU at no
 * charge, reserved in the same append) or with a refund of the units' share of their line (the
 * order's `RefundIssued` beside it, in the same append).
 */
export type ClaimResolved = {
  type: 'ClaimResolved';
  data:
    | { orderId: string; claimId: string; resolution: 'replacement'; replacement: OrderLine }
    | { orderId: string; claimId: string; resolution: 'refund'; amount: Money };
};

export type OrderEvent =
  | OrderPlaced
  | PaymentAuthorized
  | PaymentCaptured
  | PaymentFailed
  | PaymentAttemptStarted
  | OrderCancelled
  | OrderLinesCancelled
  | OrderEdited
  | ExtraPaymentOpened
  | ExtraPaymentCaptured
  | ShipmentCreated
  | ShipmentLabelBought
  | ShipmentTracked
  | OrderDelivered
  | RefundIssued
  | DisputeOpened
  | DisputeFundsWithdrawn
  | DisputeClosed
  | LineExchanged
  | ExchangeChargeCaptured
  | ClaimOpened
  | ClaimResolved;

const types: Record<OrderEvent['type'], true> = {
  OrderPlaced: true,
  PaymentAuthorized: true,
  PaymentCaptured: true,
  PaymentFailed: true,
  PaymentAttemptStarted: true,
  OrderCancelled: true,
  OrderLinesCancelled: true,
  OrderEdited: true,
  ExtraPaymentOpened: true,
  ExtraPaymentCaptured: true,
  ShipmentCreated: true,
  ShipmentLabelBought: true,
  ShipmentTracked: true,
  OrderDelivered: true,
  RefundIssued: true,
  DisputeOpened: true,
  DisputeFundsWithdrawn: true,
  DisputeClosed: true,
  LineExchanged: true,
  ExchangeChargeCaptured: true,
  ClaimOpened: true,
  ClaimResolved: true,
};

export const orderEventTypes = Object.keys(types) as OrderEvent['type'][];

export function isOrderEvent(event: { type: string }): event is OrderEvent {
  return Object.hasOwn(types, event.type);
}
