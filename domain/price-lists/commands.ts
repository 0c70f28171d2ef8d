import type { PriceListCreated, PriceListEntry } from './events.ts';

export type CreatePriceList = { type: 'CreatePriceList'; data: PriceListCreated['data'] };
export type SetPriceListPrices = {
  type: 'SetPriceListPrices';
  data: { priceListId: string; prices: PriceListEntry[] };
};
export type RemovePriceListPrices = {
  type: 'RemovePriceListPrices';
  data: { priceListId: string; productIds: string[] };
};
export type ArchivePriceList = { type: 'ArchivePriceList'; data: { priceListId: string } };

export type PriceListCommand =
  CreatePriceList | SetPriceListPrices | RemovePriceListPrices | ArchivePriceList;
