import type { Kysely } from 'kysely';
import type { CatalogDatabase } from './tables.ts';
import {
  productFilter,
  summaryColumns,
  toSummary,
  type ProductFilters,
  type ProductSummary,
} from './product-filters.ts';

export const productSorts = ['price', '-price', 'name', '-name', 'newest', 'oldest'] as const;
export type ProductSort = (typeof productSorts)[number];

/** The keyset of the last row of a page: its sort value and id (ids break ties, so order is total). */
export interface ProductKeyset {
  value: number | string;
  id: string;
}

const sortColumns = {
  price: { column: 'price_amount', direction: 'asc' },
  '-price': { column: 'price_amount', direction: 'desc' },
  name: { column: 'name', direction: 'asc' },
  '-name': { column: 'name', direction: 'desc' },
  newest: { column: 'created_at', direction: 'desc' },
  oldest: { column: 'created_at', direction: 'asc' },
} as const;

export interface ProductPage {
  items: ProductSummary[];
  /** The keyset after the last item, when there may be more. */
  next: ProductKeyset | null;
}

/**
 * One page of products, filtered and sorted, by keyset: `(sort column, product_id)` strictly after
 * the previous page's last row, which the listing indexes serve without an offset scan.
 */
export async function listProducts(
  db: Kysely<CatalogDatabase>,
  request: { filters: ProductFilters; sort: ProductSort; after?: ProductKeyset | undefined; limit: number },
): Promise<ProductPage> {
  const { column, direction } = sortColumns[request.sort];
  const { after } = request;
  let query = db.selectFrom('products').select(summaryColumns).where(productFilter(request.filters));
  if (after) {
    const value = column === 'created_at' ? new Date(after.value) : after.value;
    query = query.where((eb) =>
      eb(
        eb.refTuple(column, 'product_id'),
        direction === 'asc' ? '>' : '<',
        eb.tuple(value as never, after.id),
      ),
    );
  }
  const rows = await query
    .orderBy(column, direction)
    .orderBy('product_id', direction)
    .limit(request.limit + 1)
    .execute();
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  const more = rows.length > request.limit && last !== undefined;
  return {
    items: page.map(toSummary),
    next: more ? { value: keysetValue(last, column), id: last.product_id } : null,
  };
}

function keysetValue(
  row: { price_amount: string | number; name: string; created_at: Date },
  column: 'price_amount' | 'name' | 'created_at',
): number | string {
  if (column === 'price_amount') return Number(row.price_amount);
  if (column === 'name') return row.name;
  return new Date(row.created_at).toISOString();
}
