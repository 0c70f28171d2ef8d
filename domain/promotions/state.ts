import type { PromotionDefinition } from './definition.ts';

export type PromotionStatus = 'draft' | 'active' | 'paused' | 'expired' | 'archived';

export type PromotionState =
  | { status: 'absent' }
  | { status: PromotionStatus; promotionId: string; version: number; definition: PromotionDefinition };

export const initialPromotionState = (): PromotionState => ({ status: 'absent' });

/** A promotion as the evaluation engine takes it: its id, version, status and definition. */
export type Promotion = Exclude<PromotionState, { status: 'absent' }>;
