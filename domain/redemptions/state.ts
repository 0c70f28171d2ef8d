import { empty, type PersistentMap } from '../persistent-map.ts';

/** One redemption that still holds its units. */
export type HeldRedemption = { units: number; amount: number; promotionId: string };

/**
 * Units in use, and which orders hold them. A hot code's stream holds many orders: a persistent map
 * keeps each redemption O(log n) instead of copying them all.
 */
export type RedemptionState = { used: number; held: PersistentMap<HeldRedemption> };

export const initialRedemptionState = (): RedemptionState => ({ used: 0, held: empty() });
