import type { RedemptionReleaseReason, RedemptionScope } from './events.ts';

/**
 * Takes `units` of a limit for an order: one use, or for a flash sale the discounted units.
 * `limit` is the promotion's limit for this stream's scope as of the version the order used
 * (null: no limit, the redemption is recorded for reporting only).
 */
export type RedeemPromotion = {
  type: 'RedeemPromotion';
  data: {
    scope: RedemptionScope;
    key: string;
    promotionId: string;
    promotionVersion: number;
    orderId: string;
    customerId: string | null;
    code: string | null;
    units: number;
    /** What the discount took off the order, for the cost reports. */
    amount: number;
    currency: string;
    limit: number | null;
  };
};

/** Gives an order's redemption back (the order was cancelled or expired; a refund does not, by default). */
export type ReleaseRedemption = {
  type: 'ReleaseRedemption';
  data: { scope: RedemptionScope; key: string; orderId: string; reason: RedemptionReleaseReason };
};

export type RedemptionCommand = RedeemPromotion | ReleaseRedemption;
