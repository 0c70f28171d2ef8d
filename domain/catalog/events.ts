import type { Money } from '../money.ts';

/** The editable part of a product. The SKU is not in it: it names stock streams, so it never changes. */
export type ProductDetails = {
  name: string;
  description: string;
  brand: string;
  category: string;
  attributes: Record<string, string>;
  allowBackorder: boolean;
};

/** One changed field with its old and new value, so the event alone answers "from what, to what". */
export type ProductChange = {
  [K in keyof ProductDetails]: { field: K; from: ProductDetails[K]; to: ProductDetails[K] };
}[keyof ProductDetails];

export type ProductCreated = {
  type: 'ProductCreated';
  data: { productId: string; sku: string; price: Money } & ProductDetails;
};

export type ProductUpdated = {
  type: 'ProductUpdated';
  data: { productId: string; changes: ProductChange[] };
};

/** Who changed it is in the event metadata (the actor), which the command handler adds. */
export type PriceChanged = {
  type: 'PriceChanged';
  data: { productId: string; oldPrice: Money; newPrice: Money; currency: string; reason: string };
};

export type ProductDiscontinued = {
  type: 'ProductDiscontinued';
  data: { productId: string; reason: string };
};

export type ProductEvent = ProductCreated | ProductUpdated | PriceChanged | ProductDiscontinued;

const types: Record<ProductEvent['type'], true> = {
  ProductCreated: true,
  ProductUpdated: true,
  PriceChanged: true,
  ProductDiscontinued: true,
};

export const productEventTypes = Object.keys(types) as ProductEvent['type'][];

export function isProductEvent(event: { type: string }): event is ProductEvent {
  return Object.hasOwn(types, event.type);
}
