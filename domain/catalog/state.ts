import type { Money } from '../money.ts';
import type { ProductDetails } from './events.ts';

export type Product = { productId: string; sku: string; price: Money } & ProductDetails;

export type ProductState =
  | { status: 'absent' }
  | { status: 'active'; product: Product }
  | { status: 'discontinued'; product: Product; reason: string };

export const initialProductState = (): ProductState => ({ status: 'absent' });
