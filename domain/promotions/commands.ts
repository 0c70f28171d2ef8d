import type { PromotionDefinition } from './definition.ts';

export type CreatePromotion = {
  type: 'CreatePromotion';
  data: { promotionId: string; definition: PromotionDefinition };
};
/** Replaces the definition; the promotion's version goes up by one (orders record the version they used). */
export type EditPromotion = {
  type: 'EditPromotion';
  data: { promotionId: string; definition: PromotionDefinition };
};
export type ActivatePromotion = { type: 'ActivatePromotion'; data: { promotionId: string } };
export type PausePromotion = { type: 'PausePromotion'; data: { promotionId: string } };
/** Ends the promotion for good (its window closed or its units ran out). */
export type ExpirePromotion = {
  type: 'ExpirePromotion';
  data: { promotionId: string; reason: 'window_closed' | 'units_sold_out' | 'ended_by_staff' };
};
export type ArchivePromotion = { type: 'ArchivePromotion'; data: { promotionId: string } };

export type PromotionCommand =
  CreatePromotion | EditPromotion | ActivatePromotion | PausePromotion | ExpirePromotion | ArchivePromotion;
