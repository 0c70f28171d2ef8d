import type { PromotionDefinition } from './definition.ts';

export type PromotionCreated = {
  type: 'PromotionCreated';
  data: { promotionId: string; version: number; definition: PromotionDefinition };
};
/** `previous` is the definition before the edit, so the audit view shows before and after. */
export type PromotionEdited = {
  type: 'PromotionEdited';
  data: {
    promotionId: string;
    version: number;
    definition: PromotionDefinition;
    previous: PromotionDefinition;
  };
};
export type PromotionActivated = {
  type: 'PromotionActivated';
  data: { promotionId: string; version: number };
};
export type PromotionPaused = { type: 'PromotionPaused'; data: { promotionId: string; version: number } };
export type PromotionExpired = {
  type: 'PromotionExpired';
  data: {
    promotionId: string;
    version: number;
    reason: 'window_closed' | 'units_sold_out' | 'ended_by_staff';
  };
};
export type PromotionArchived = { type: 'PromotionArchived'; data: { promotionId: string; version: number } };

export type PromotionEvent =
  | PromotionCreated
  | PromotionEdited
  | PromotionActivated
  | PromotionPaused
  | PromotionExpired
  | PromotionArchived;

const types: Record<PromotionEvent['type'], true> = {
  PromotionCreated: true,
  PromotionEdited: true,
  PromotionActivated: true,
  PromotionPaused: true,
  PromotionExpired: true,
  PromotionArchived: true,
};

export const promotionEventTypes = Object.keys(types) as PromotionEvent['type'][];

export function isPromotionEvent(event: { type: string }): event is PromotionEvent {
  return Object.hasOwn(types, event.type);
}
