import { ProductNotFound } from '../../domain/catalog/errors.ts';
import type { Product, ProductState } from '../../domain/catalog/index.ts';
import { InvalidTransition } from '../../domain/errors.ts';
import type { PricingLine } from '../../domain/pricing/price-breakdown.ts';

/**
 * A product's line for the price pipeline. Until products carry weight and tax class as fields of
 * their own, they come from the product's attributes, `weightGrams` (grams per unit, an integer)
 * and `taxClass` (`standard` when absent), which staff already edit with every product.
 */
export function pricingLine(product: Product, quantity: number): PricingLine {
  const weight = Number(product.attributes['weightGrams']);
  return {
    productId: product.productId,
    sku: product.sku,
    category: product.category,
    brand: product.brand,
    quantity,
    unitPrice: product.price,
    weightGrams: Number.isSafeInteger(weight) && weight > 0 ? weight : 0,
    taxClass: product.attributes['taxClass'] ?? 'standard',
  };
}

/** The product an order or a quote may be priced with: it exists and is not discontinued. */
export function activeProduct(state: ProductState, productId: string): Product {
  switch (state.status) {
    case 'absent':
      throw new ProductNotFound(productId);
    case 'discontinued':
      throw new InvalidTransition({
        aggregate: 'product',
        id: productId,
        from: 'discontinued',
        command: 'PlaceOrder',
      });
    case 'active':
      return state.product;
    default: {
      const never: never = state;
      return never;
    }
  }
}
