import type { CreateProductInput } from '../commands/catalog/create-product.ts';

/**
 * A product to create in a test: a plain tool at 12.99 EUR unless the test says otherwise. Tests
 * name only what matters to them (the id, the SKU, a price), so a new product field is added here once.
 */
export function productInput(
  productId: string,
  overrides: Partial<CreateProductInput> = {},
): CreateProductInput {
  return {
    productId,
    sku: `SKU-${productId}`,
    name: `Product ${productId}`,
    price: { amount: 1299, currency: 'EUR' },
    description: '',
    brand: 'Acme',
    category: 'tools',
    attributes: {},
    allowBackorder: false,
    ...overrides,
  };
}
