/** When a return's refund runs by itself: once the goods are back, or as soon as staff authorize it. */
export type RefundMoment = 'receipt' | 'authorization';
export const refundMoments: readonly RefundMoment[] = ['receipt', 'authorization'];

/**
 * The shop's returns policy, replaced whole by each `ReturnPolicySet` (so the stream reads as a
 * history of policies, and time travel shows the one a return was decided under).
 */
export type ReturnPolicy = {
  /** Days after delivery a line may be returned, unless its category or product says otherwise. */
  defaultWindowDays: number;
  /** By product category (`tools`): the catalog's category names. */
  categoryWindowDays: Record<string, number>;
  /** By product id; wins over the category. */
  productWindowDays: Record<string, number>;
  /** The reasons a customer picks from (free text goes beside it, in `note`). */
  reasons: string[];
  /** Whether the order's shipping is refunded with a return that brings the whole order back. */
  refundShipping: boolean;
  /** Kept from each refund of goods, in basis points (1000 = 10 %). */
  restockingFeeBps: number;
  refundOn: RefundMoment;
  /** Sent to the customer with the RMA number when no carrier makes a return label. */
  instructions: string;
};

export type ReturnPolicySet = { type: 'ReturnPolicySet'; data: { policy: ReturnPolicy } };

export type ReturnPolicyEvent = ReturnPolicySet;

const types: Record<ReturnPolicyEvent['type'], true> = { ReturnPolicySet: true };

export const returnPolicyEventTypes = Object.keys(types) as ReturnPolicyEvent['type'][];

export function isReturnPolicyEvent(event: { type: string }): event is ReturnPolicyEvent {
  return Object.hasOwn(types, event.type);
}
