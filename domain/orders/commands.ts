import type { Money } from '../money.ts';
import type {
  Address,
  CancellationReason,
  ClaimReason,
  DisputeOpened,
  DisputeOutcome,
  LineAllocation,
  OrderDiscount,
  OrderShippingMethod,
  OrderTaxDetail,
  RefundCause,
  ReplacementTax,
  ShipmentLabelBought,
  ShipmentTracked,
} from './events.ts';

/** The pipeline's figures an order records; the decider checks they add up with its lines. */
export type OrderPricing = {
  discounts: OrderDiscount[];
  discountTotal: Money;
  shipping: Money;
  tax: Money;
  taxDetail: OrderTaxDetail;
  shippingMethod: OrderShippingMethod | null;
};

/**
 * Prices come resolved from the catalog and allocations from `allocate`: the handler reads both,
 * and the decider checks that they add up.
 */
export type PlaceOrder = {
  type: 'PlaceOrder';
  data: {
    orderId: string;
    customerId: string;
    currency: string;
    lines: {
      lineId: string;
      sku: string;
      quantity: number;
      unitPrice: Money;
      allocations: LineAllocation[];
    }[];
    /** What the price pipeline computed on the server beyond the lines (see `computeBreakdown`). */
    pricing: OrderPricing;
    shippingAddress: Address;
    paymentProvider: string;
    expiresAt: string;
  };
};

export type AuthorizePayment = {
  type: 'AuthorizePayment';
  data: { orderId: string; paymentRef: string; amount: Money };
};

export type CapturePayment = {
  type: 'CapturePayment';
  data: { orderId: string; paymentRef: string; amount: Money };
};

export type RecordPaymentFailure = {
  type: 'RecordPaymentFailure';
  data: { orderId: string; paymentRef: string | null; reason: string };
};

/** A new payment attempt after a failure, while the reservations hold (`now` before `expiresAt`). */
export type StartPaymentAttempt = {
  type: 'StartPaymentAttempt';
  data: { orderId: string; paymentRef: string; amount: Money; now: string };
};

/** `now` decides whether an `expired` cancellation is due. */
export type CancelOrder = {
  type: 'CancelOrder';
  data: { orderId: string; reason: CancellationReason; note: string | null; now: string };
};

/**
 * Cancels some units of some lines before anything shipped; the rest of the order stands.
 * Cancelling every unit is `CancelOrder`.
 */
export type CancelOrderLines = {
  type: 'CancelOrderLines';
  data: { orderId: string; lines: { lineId: string; quantity: number }[] };
};

/**
 * Staff add lines to an unshipped order, raise line quantities (`quantity`: the units added), lower
 * or remove lines (`lower`: the units taken off), or change its shipping address or method (the
 * method comes in `pricing`).
 * The handler resolves prices (an added line at what a placement for the customer would charge now:
 * their price list, else the catalog; a raised or lowered line at the lower of its own price and
 * that), allocations, and the pipeline's figures for the whole order after the edit; the
 * decider checks that they add up.
 */
export type EditOrder = {
  type: 'EditOrder';
  data: {
    orderId: string;
    add: { lineId: string; sku: string; quantity: number; unitPrice: Money; allocations: LineAllocation[] }[];
    /**
     * Units added to lines. `unitPrice` (absent: unchanged) is the line's unit price from this edit
     * on, for every unit it then holds: lower than the line's own, never higher.
     */
    raise: { lineId: string; quantity: number; allocations: LineAllocation[]; unitPrice?: Money }[];
    /**
     * Units taken off lines the order has (a line's whole quantity removes it); absent: none.
     * `unitPrice` as for `raise`, for the units left.
     */
    lower?: { lineId: string; quantity: number; unitPrice?: Money }[];
    /** A new shipping address, or null to keep the order's. */
    shippingAddress: Address | null;
    pricing: OrderPricing;
  };
};

/** Opens the provider's payment for what an edit left owed (the handler asked the provider). */
export type OpenExtraPayment = {
  type: 'OpenExtraPayment';
  data: { orderId: string; paymentRef: string; amount: Money };
};

/** What an edit left owed was paid (a webhook, or an admin's record with the manual provider). */
export type CaptureExtraPayment = {
  type: 'CaptureExtraPayment';
  data: { orderId: string; paymentRef: string; amount: Money };
};

export type CreateShipment = {
  type: 'CreateShipment';
  data: {
    orderId: string;
    shipmentId: string;
    location: string;
    carrier: string;
    trackingNumber: string;
    lines: { lineId: string; quantity: number }[];
    /** The label bought for it through the carrier port, recorded with the shipment. */
    label?: Omit<
      ShipmentLabelBought['data'],
      'orderId' | 'customerId' | 'shipmentId' | 'carrier' | 'trackingNumber'
    >;
  };
};

export type RecordTracking = { type: 'RecordTracking'; data: Omit<ShipmentTracked['data'], 'customerId'> };

export type MarkDelivered = { type: 'MarkDelivered'; data: { orderId: string } };

export type IssueRefund = {
  type: 'IssueRefund';
  data: { orderId: string; refundId: string; amount: Money; reason: string; cause?: RefundCause };
};

/** Records a dispute the provider reported (a chargeback on the order's payment). */
export type OpenDispute = { type: 'OpenDispute'; data: DisputeOpened['data'] };

export type WithdrawDisputeFunds = {
  type: 'WithdrawDisputeFunds';
  data: { orderId: string; disputeId: string; amount: Money };
};

export type CloseDispute = {
  type: 'CloseDispute';
  data: { orderId: string; disputeId: string; outcome: DisputeOutcome; amount: Money };
};

/**
 * Exchanges delivered units of a line for another SKU. The handler resolves the replacement's
 * catalog price and allocations, and opens the extra payment first when the replacement costs
 * more (`exchangeDifference` says by how much); the decider checks that they add up.
 */
export type ExchangeLine = {
  type: 'ExchangeLine';
  data: {
    orderId: string;
    exchangeId: string;
    lineId: string;
    quantity: number;
    reason: string;
    /** `tax`: the replacement priced through the tax stage, as a placement would (null: no address taxed it). */
    replacement: {
      lineId: string;
      sku: string;
      unitPrice: Money;
      tax: ReplacementTax | null;
      allocations: LineAllocation[];
    };
    /** The extra payment's id at the provider, when the replacement costs more; else null. */
    chargeRef: string | null;
  };
};

export type CaptureExchangeCharge = {
  type: 'CaptureExchangeCharge';
  data: { orderId: string; paymentRef: string; amount: Money };
};

export type OpenClaim = {
  type: 'OpenClaim';
  data: { orderId: string; claimId: string; lineId: string; quantity: number; reason: ClaimReason };
};

/**
 * `replacement`: the handler allocated the replacement units (`allocations`); `refund`: the
 * provider refunded `refundId` already, for the units' share of their line (`claimRefund`).
 */
export type ResolveClaim = {
  type: 'ResolveClaim';
  data:
    | {
        orderId: string;
        claimId: string;
        resolution: 'replacement';
        lineId: string;
        allocations: LineAllocation[];
      }
    | { orderId: string; claimId: string; resolution: 'refund'; refundId: string };
};

export type OrderCommand =
  | PlaceOrder
  | AuthorizePayment
  | CapturePayment
  | RecordPaymentFailure
  | StartPaymentAttempt
  | CancelOrder
  | CancelOrderLines
  | EditOrder
  | OpenExtraPayment
  | CaptureExtraPayment
  | CreateShipment
  | MarkDelivered
  | RecordTracking
  | IssueRefund
  | OpenDispute
  | WithdrawDisputeFunds
  | CloseDispute
  | ExchangeLine
  | CaptureExchangeCharge
  | OpenClaim
  | ResolveClaim;
