/** Which limit a redemption stream keeps: the promotion's total, one code's, one customer's. */
export type RedemptionScope = 'promotion' | 'code' | 'customer';

/** `not_placed`: undone because the order's append failed after it (backends without atomic appends). */
export type RedemptionReleaseReason = 'cancelled' | 'expired' | 'refunded' | 'not_placed';

export type PromotionRedeemed = {
  type: 'PromotionRedeemed';
  data: {
    scope: RedemptionScope;
    key: string;
    promotionId: string;
    promotionVersion: number;
    orderId: string;
    customerId: string | null;
    code: string | null;
    units: number;
    amount: number;
    currency: string;
  };
};

export type RedemptionReleased = {
  type: 'RedemptionReleased';
  data: {
    scope: RedemptionScope;
    key: string;
    promotionId: string;
    orderId: string;
    units: number;
    amount: number;
    reason: RedemptionReleaseReason;
  };
};

export type RedemptionEvent = PromotionRedeemed | RedemptionReleased;

const types: Record<RedemptionEvent['type'], true> = { PromotionRedeemed: true, RedemptionReleased: true };

export const redemptionEventTypes = Object.keys(types) as RedemptionEvent['type'][];

export function isRedemptionEvent(event: { type: string }): event is RedemptionEvent {
  return Object.hasOwn(types, event.type);
}
