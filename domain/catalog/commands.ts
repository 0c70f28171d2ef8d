import type { Money } from '../money.ts';
import type { ProductDetails } from './events.ts';

export type CreateProduct = {
  type: 'CreateProduct';
  data: { productId: string; sku: string; price: Money } & ProductDetails;
};

/** Only the fields present are applied; fields equal to the current value are left out of the event. */
export type UpdateProduct = {
  type: 'UpdateProduct';
  data: { productId: string; changes: Partial<ProductDetails> };
};

export type ChangePrice = { type: 'ChangePrice'; data: { productId: string; price: Money; reason: string } };

export type DiscontinueProduct = { type: 'DiscontinueProduct'; data: { productId: string; reason: string } };

export type ProductCommand = CreateProduct | UpdateProduct | ChangePrice | DiscontinueProduct;
