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

/**
 * The tag families the read API caches answers under (`read-api/routes/catalog-routes.ts`: a
 * product's detail, the listings, search); a family is what comes before the first `:`.
 * Projections report the tags of every view they change, so that caching one more view later needs
 * no projection change, only its family added here. An invalidation of any other tag drops nothing,
 * yet cost a Redis script and a pub/sub message to every read process per batch: the carts read
 * model's batches (which nothing caches) made most of a checkout's invalidations. `cachedRead`
 * refuses a tag whose family is not listed, so the two cannot drift apart.
 */
const cachedFamilies: ReadonlySet<string> = new Set(['product', 'listing', 'search']);

/** Whether the read API may cache answers under `tag` (and so whether invalidating it drops anything). */
export function isCachedTag(tag: string): boolean {
  const colon = tag.indexOf(':');
  return cachedFamilies.has(colon < 0 ? tag : tag.slice(0, colon));
}

/** Collects tags for one batch without duplicates, in first-seen order. */
export function tagSet(): { add(tag: string): void; list(): string[] } {
  const tags = new Set<string>();
  return { add: (tag) => void tags.add(tag), list: () => [...tags] };
}
