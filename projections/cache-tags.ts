/**
 * The cache tags read-model projections return in `ProjectionEffects.invalidate` and the read API
 * attaches to what it caches. One place for the strings, so writer and reader never drift apart.
 */
export const cacheTags = {
  /** A product's detail (price, price history, availability). */
  product: (productId: string) => `product:${productId}`,
  /** Every product listing (filters, sorting, facets): any change to what a listing shows. */
  listing: 'listing',
  /** Every search result: any change to searchable text, price or in-stock state. */
  search: 'search',
  order: (orderId: string) => `order:${orderId}`,
  customerOrders: (customerId: string) => `customer-orders:${customerId}`,
  /** Stock of one SKU at every location. */
  stock: (sku: string) => `stock:${sku}`,
  lowStock: 'low-stock',
  audit: 'audit',
} as const;

/** Collects tags for one batch without duplicates, in first-seen order. */
export function tagSet(): { add(tag: string): void; list(): string[] } {
  const tags = new Set<string>();
  return { add: (tag) => void tags.add(tag), list: () => [...tags] };
}
