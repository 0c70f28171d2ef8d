import { sql, type Kysely } from 'kysely';
import type { CatalogDatabase } from './tables.ts';
import {
  productFilter,
  summaryColumns,
  toSummary,
  type ProductFilters,
  type ProductSummary,
} from './product-filters.ts';

/** How similar (0..1) a query must be to a product's name+brand words to count as a typo match. */
const TYPO_SIMILARITY = 0.3;

/** Price bands of the facet, in minor units: [from, to). */
export const priceBands = [
  { from: 0, to: 1_000 },
  { from: 1_000, to: 5_000 },
  { from: 5_000, to: 10_000 },
  { from: 10_000, to: 50_000 },
  { from: 50_000, to: null },
] as const;

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchFacets {
  category: FacetCount[];
  brand: FacetCount[];
  price: { from: number; to: number | null; count: number }[];
  /** Per attribute name, its values. */
  attributes: Record<string, FacetCount[]>;
}

export interface SearchHit extends ProductSummary {
  score: number;
}

export interface SearchPage {
  total: number;
  items: SearchHit[];
  facets: SearchFacets;
}

/**
 * Full-text search with typo tolerance, ranked, with facets over the whole filtered result set.
 *
 * A product matches when the query's words are in its text (`tsvector`, 'simple' configuration:
 * name weighs most, then brand and category, then description) or when the query is close to a
 * run of words of its name and brand (trigrams, `word_similarity`), which is what finds "iphnoe".
 * Score: text rank plus trigram similarities, so exact words outrank near misses.
 */
export async function searchProducts(
  db: Kysely<CatalogDatabase>,
  request: { query: string; filters: ProductFilters; offset: number; limit: number },
): Promise<SearchPage> {
  const text = request.query.toLowerCase();
  const tsquery = sql`websearch_to_tsquery('simple', ${text})`;
  const similarity = sql<number>`word_similarity(${text}, search_text)`;
  // Whole-text similarity breaks ties between equally close words: "iphnoe" ranks "iPhone 15"
  // above "iPhone Case", whose text strays further from the query.
  const score = sql<number>`(ts_rank(search_document, ${tsquery}) + ${similarity} + similarity(${text}, search_text))`;
  const matches = db
    .selectFrom('products')
    .where(productFilter(request.filters))
    .where(sql<boolean>`(search_document @@ ${tsquery} or ${similarity} >= ${TYPO_SIMILARITY})`);

  const hits = matches
    .select([...summaryColumns, score.as('score')])
    .orderBy('score', 'desc')
    .orderBy('product_id')
    .offset(request.offset)
    .limit(request.limit);
  const facetSource = matches.select(['category', 'brand', 'price_amount', 'attributes']);
  const band = sql.join(
    priceBands.map(
      (b) =>
        sql`when price_amount >= ${b.from}${b.to === null ? sql`` : sql` and price_amount < ${b.to}`} then ${b.from}`,
    ),
    sql` `,
  );
  // One statement for every facet and the total: a single scan of the matching rows.
  const facetQuery = sql<{ facet: string; name: string | null; value: string; count: string | number }>`
    with hits as (${facetSource})
    select 'total' as facet, null as name, '' as value, count(*) as count from hits
    union all select 'category', null, category, count(*) from hits group by category
    union all select 'brand', null, brand, count(*) from hits group by brand
    union all select 'price', null, (case ${band} end)::text, count(*) from hits group by 3
    union all select 'attribute', kv.key, kv.value, count(*)
      from hits cross join lateral jsonb_each_text(hits.attributes) as kv group by kv.key, kv.value`;

  const [rows, facetRows] = await Promise.all([hits.execute(), facetQuery.execute(db)]);
  const facets: SearchFacets = { category: [], brand: [], price: [], attributes: {} };
  let total = 0;
  for (const row of facetRows.rows) {
    const count = Number(row.count);
    if (row.facet === 'total') total = count;
    else if (row.facet === 'category') facets.category.push({ value: row.value, count });
    else if (row.facet === 'brand') facets.brand.push({ value: row.value, count });
    else if (row.facet === 'price') {
      const bandOf = priceBands.find((b) => String(b.from) === row.value);
      if (bandOf) facets.price.push({ from: bandOf.from, to: bandOf.to, count });
    } else if (row.facet === 'attribute' && row.name !== null) {
      (facets.attributes[row.name] ??= []).push({ value: row.value, count });
    }
  }
  const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || a.value.localeCompare(b.value);
  facets.category.sort(byCount);
  facets.brand.sort(byCount);
  facets.price.sort((a, b) => a.from - b.from);
  for (const values of Object.values(facets.attributes)) values.sort(byCount);
  return {
    total,
    items: rows.map((row) => ({ ...toSummary(row), score: Math.round(Number(row.score) * 1000) / 1000 })),
    facets,
  };
}
