import type { Env } from 'hono';
import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { validationProblem } from '../../infra/http/validation-problem.ts';
import { cacheTags } from '../../projections/cache-tags.ts';
import type { ProductFilters } from '../../projections/catalog/product-filters.ts';
import { listProducts, productSorts, type ProductPage } from '../../projections/catalog/product-list.ts';
import { searchProducts } from '../../projections/catalog/product-search.ts';
import { productDetail } from '../../projections/catalog/queries.ts';
import type { CatalogDatabase } from '../../projections/catalog/tables.ts';
import { notFound } from '../http/auth.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { cachedRead, withFreshness, type ReadContext } from '../http/read-context.ts';
import { fastJson } from '../../infra/http/answer-headers.ts';
import { lightRoute } from '../http/light-route.ts';
import {
  ProductDetail,
  ProductListQuery,
  ProductPage as ProductPageSchema,
  SearchQuery,
  SearchResult,
} from '../schemas/catalog.ts';
import { Id, jsonAnswer, notFoundError, readErrors } from '../schemas/common.ts';

const tags = ['Catalog'];
const CATALOG = 'catalog';

const ListCursor = z.object({
  s: z.enum(productSorts),
  v: z.union([z.number(), z.string()]),
  id: z.string(),
});
const SearchCursor = z.object({ o: z.number().int().min(0).max(10_000) });

/** Cache keys from the parsed request: the same question asked with its parameters reordered is one entry. */
const keyOf = (kind: string, question: unknown) =>
  `${kind}:${createHash('sha1').update(JSON.stringify(question)).digest('base64url')}`;

/** The query's filter parameters as the queries take them. */
function productFilters(query: {
  category?: string[] | undefined;
  brand?: string[] | undefined;
  sku?: string | undefined;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  attr?: Record<string, string> | undefined;
  inStock?: boolean | undefined;
}): ProductFilters {
  return {
    categories: query.category,
    brands: query.brand,
    sku: query.sku,
    minPrice: query.minPrice,
    maxPrice: query.maxPrice,
    attributes: query.attr,
    inStock: query.inStock,
  };
}

/** Storefront catalog: public, cached, invalidated by what the catalog projection applies. */
export function catalogRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<Env>({ defaultHook });

  lightRoute(
    app,
    createRoute({
      method: 'get',
      path: '/products',
      summary: 'List products: filter, sort, page by keyset',
      tags,
      request: { query: ProductListQuery, headers: consistencyHeaders },
      responses: { 200: jsonAnswer(ProductPageSchema, 'One page of products'), ...readErrors },
    }),
    async (c, input) => {
      const { sort, limit, cursor, ...query } = input.query;
      const filters = productFilters(query);
      const keyset = decodeCursor(cursor, ListCursor);
      if (keyset && keyset.s !== sort) {
        throw validationProblem([{ path: 'query.cursor', message: 'was given out for another sort order' }]);
      }
      const after = keyset ? { value: keyset.v, id: keyset.id } : undefined;
      const { body, headers } = await cachedRead<CatalogDatabase>(ctx, c, {
        projection: CATALOG,
        key: keyOf('list', [filters, sort, limit, after ?? null]),
        kind: 'listing',
        tags: [cacheTags.listing],
        compute: async ({ db }) => {
          const page: ProductPage = await listProducts(db, { filters, sort, after, limit });
          return {
            items: page.items,
            nextCursor: page.next ? encodeCursor({ s: sort, v: page.next.value, id: page.next.id }) : null,
          };
        },
      });
      return fastJson(c, body!, headers);
    },
  );

  lightRoute(
    app,
    createRoute({
      method: 'get',
      path: '/search',
      summary: 'Search products (typo tolerant), ranked, with facets',
      description:
        'Full-text over name, brand, category and description, plus trigram similarity on name and brand so that misspellings ("iphnoe") still find products. Facets count categories, brands, price bands and attributes over the whole filtered result set.',
      tags,
      request: { query: SearchQuery, headers: consistencyHeaders },
      responses: { 200: jsonAnswer(SearchResult, 'Ranked matches and facets'), ...readErrors },
    }),
    async (c, input) => {
      const { q, limit, cursor, ...query } = input.query;
      const filters = productFilters(query);
      const offset = decodeCursor(cursor, SearchCursor)?.o ?? 0;
      const { body, headers } = await cachedRead<CatalogDatabase>(ctx, c, {
        projection: CATALOG,
        key: keyOf('search', [q.toLowerCase(), filters, limit, offset]),
        kind: 'search',
        tags: [cacheTags.search],
        compute: async ({ db }) => {
          const result = await searchProducts(db, { query: q, filters, offset, limit });
          const more = offset + result.items.length < result.total;
          return {
            query: q,
            ...result,
            nextCursor: more ? encodeCursor({ o: offset + result.items.length }) : null,
          };
        },
      });
      return fastJson(c, body!, headers);
    },
  );

  lightRoute(
    app,
    createRoute({
      method: 'get',
      path: '/products/{productId}',
      summary: 'A product: price, price history, lowest price in 30 days, availability per location',
      tags,
      request: {
        params: z.object({ productId: Id }),
        query: z.object(consistencyQuery),
        headers: consistencyHeaders,
      },
      responses: { 200: jsonAnswer(ProductDetail, 'The product'), ...notFoundError, ...readErrors },
    }),
    async (c, { param }) => {
      const { productId } = param;
      const { body, headers } = await cachedRead<CatalogDatabase>(ctx, c, {
        projection: CATALOG,
        key: `product:${productId}`,
        kind: 'product',
        tags: [cacheTags.product(productId)],
        compute: ({ db }) => productDetail(db, productId),
      });
      if (body === null) throw withFreshness(notFound('product'), headers);
      return fastJson(c, body, headers);
    },
  );

  return app;
}
