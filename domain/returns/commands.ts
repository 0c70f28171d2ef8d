import type { AdjustmentReason } from '../inventory/events.ts';
import type { RefundMoment } from '../return-policy/events.ts';
import type { Disposition, ReturnLabel, ReturnOpener } from './events.ts';

/** What the order recorded of one line, as the handler read it: the decider checks the request against it. */
export type ReturnableLine = {
  lineId: string;
  sku: string;
  /** Ordered. */
  quantity: number;
  delivered: number;
  /** Already under another open return. */
  alreadyReturned: number;
  /** Paid for the whole line after discounts, and its tax, minor units (tax 0 when the order recorded none). */
  paid: number;
  tax: number;
  windowDays: number;
};

export type RequestReturn = {
  type: 'RequestReturn';
  data: {
    returnId: string;
    orderId: string;
    customerId: string;
    currency: string;
    orderStatus: string;
    /** When the order was delivered; `null` when it was not. */
    deliveredAt: string | null;
    now: string;
    openedBy: ReturnOpener;
    reason: string;
    note: string | null;
    photos: string[];
    allowedReasons: string[];
    lines: { lineId: string; quantity: number }[];
    orderLines: ReturnableLine[];
    /** The order's shipping when the policy refunds it, else 0. */
    refundableShipping: number;
    restockingFeeBps: number;
    refundOn: RefundMoment;
  };
};

export type AuthorizeReturn = {
  type: 'AuthorizeReturn';
  data: {
    returnId: string;
    rmaNumber: string;
    label: ReturnLabel | null;
    instructions: string;
    note: string | null;
  };
};

export type RejectReturn = { type: 'RejectReturn'; data: { returnId: string; reason: string } };

export type ReceiveReturn = {
  type: 'ReceiveReturn';
  data: {
    returnId: string;
    receiptId: string;
    location: string;
    lines: {
      lineId: string;
      quantity: number;
      disposition: Disposition;
      restockLocation: string | null;
      adjustmentReason: AdjustmentReason | null;
      note: string | null;
    }[];
  };
};

/** `basis`: the receipt the refund pays for, or the authorization when the policy refunds then. */
export type RecordReturnRefund = {
  type: 'RecordReturnRefund';
  data: {
    returnId: string;
    basis: { receiptId: string } | 'authorization';
    refundKey: string;
    refundId: string;
    amount: number;
    capped: boolean;
  };
};

export type ReturnCommand =
  RequestReturn | AuthorizeReturn | RejectReturn | ReceiveReturn | RecordReturnRefund;
