import type { PriceTier } from './events.ts';

export type PriceListStatus = 'active' | 'archived';

export type PriceListState =
  | { status: 'absent' }
  | {
      status: PriceListStatus;
      priceListId: string;
      name: string;
      currency: string;
      customerGroups: string[];
      priority: number;
      /** Tiers per product id, ascending `minQuantity`. */
      prices: Record<string, PriceTier[]>;
    };

export const initialPriceListState = (): PriceListState => ({ status: 'absent' });

/** A list as the pricing reads it. */
export type PriceList = Exclude<PriceListState, { status: 'absent' }>;
