import { z } from '@hono/zod-openapi';
import { productSorts } from '../../projections/catalog/product-list.ts';
import { consistencyQuery } from '../http/consistency.ts';
import { Cursor, Id, Limit, Money, Text } from './common.ts';

const list = (description: string) =>
  Text.max(500)
    .optional()
    .transform((value) =>
      value === undefined
        ? undefined
        : value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean),
    )
    .openapi({ type: 'string', description });

const price = (description: string) =>
  z.coerce.number().int('must be whole minor units (cents)').min(0).optional().openapi({ description });

const ATTRIBUTE = /^([^:]{1,50}):(.{1,200})$/;
const attributeFilter = Text.regex(ATTRIBUTE, 'must be name:value, such as color:red').openapi({
  example: 'color:red',
});

/** Filters shared by listings and search. */
export const filterQuery = {
  category: list('Categories, comma-separated (any of them).'),
  brand: list('Brands, comma-separated (any of them).'),
  sku: Id.optional().openapi({
    description: 'Only the product with this SKU (staff add a line to an order by its SKU).',
    example: 'LAMP-1',
  }),
  minPrice: price('Lowest price, in minor units (cents), inclusive.'),
  maxPrice: price('Highest price, in minor units (cents), inclusive.'),
  attr: z
    .union([attributeFilter, z.array(attributeFilter)])
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const filters: Record<string, string> = {};
      for (const pair of Array.isArray(value) ? value : [value]) {
        const [, name, wanted] = ATTRIBUTE.exec(pair)!;
        if (Object.hasOwn(filters, name!)) {
          ctx.addIssue({ code: 'custom', message: `names the attribute ${name!} twice`, input: value });
          return z.NEVER;
        }
        filters[name!] = wanted!;
      }
      return filters;
    })
    .openapi({
      type: 'array',
      items: { type: 'string' },
      description: 'Attribute filters as name:value; repeat for several (all must match).',
    }),
  inStock: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .openapi({
      type: 'string',
      enum: ['true', 'false'],
      description: 'Only products available now (or not).',
    }),
  ...consistencyQuery,
};

/** A price range whose ends cross is a mistake the client can fix: name the field. */
const priceRange = <T extends { minPrice?: number | undefined; maxPrice?: number | undefined }>(
  query: T,
  ctx: z.RefinementCtx,
) => {
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    ctx.addIssue({ code: 'custom', path: ['maxPrice'], message: 'must not be below minPrice' });
  }
};

export const ProductListQuery = z
  .object({
    ...filterQuery,
    sort: z.enum(productSorts).default('newest').openapi({ description: 'Order; `-` means descending.' }),
    limit: Limit(100, 20),
    cursor: Cursor,
  })
  .superRefine(priceRange);

export const SearchQuery = z
  .object({
    q: Text.trim().min(1, 'must not be empty').max(200).openapi({ example: 'iphnoe' }),
    ...filterQuery,
    limit: Limit(100, 20),
    cursor: Cursor,
  })
  .superRefine(priceRange);

export const ProductSummary = z
  .object({
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    brand: z.string(),
    category: z.string(),
    attributes: z.record(z.string(), z.string()),
    price: Money,
    lowestPrice30d: Money.nullable(),
    available: z.number().int(),
    inStock: z.boolean(),
    allowBackorder: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('ProductSummary');

export const ProductPage = z
  .object({ items: z.array(ProductSummary), nextCursor: z.string().nullable() })
  .openapi('ProductPage');

const FacetCount = z.object({ value: z.string(), count: z.number().int() });

export const SearchResult = z
  .object({
    query: z.string(),
    total: z.number().int(),
    items: z.array(ProductSummary.extend({ score: z.number() })),
    facets: z.object({
      category: z.array(FacetCount),
      brand: z.array(FacetCount),
      price: z.array(
        z.object({ from: z.number().int(), to: z.number().int().nullable(), count: z.number().int() }),
      ),
      attributes: z.record(z.string(), z.array(FacetCount)),
    }),
    nextCursor: z.string().nullable(),
  })
  .openapi('SearchResult');

const Stock = {
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  backordered: z.number().int(),
};

export const ProductDetail = z
  .object({
    productId: z.string(),
    sku: z.string(),
    skuConflict: z.boolean().openapi({
      description:
        'Another product was created with this SKU first (a store from before SKUs were claimed on the write side). Hidden from listings and search until staff resolve it.',
    }),
    name: z.string(),
    description: z.string(),
    brand: z.string(),
    category: z.string(),
    attributes: z.record(z.string(), z.string()),
    allowBackorder: z.boolean(),
    status: z.enum(['active', 'discontinued']),
    discontinuedReason: z.string().nullable(),
    price: Money,
    priceSince: z.string(),
    lowestPrice30d: Money.nullable().openapi({
      description: 'EU Omnibus: the lowest price of the 30 days before the current price took effect.',
    }),
    stock: z.object({ ...Stock, inStock: z.boolean() }),
    priceHistory: z.array(
      z.object({
        revision: z.number().int(),
        kind: z.enum(['created', 'changed']),
        oldAmount: z.number().int().nullable(),
        newAmount: z.number().int(),
        currency: z.string(),
        reason: z.string().nullable(),
        actor: z.object({ id: z.string(), role: z.string() }),
        at: z.string(),
      }),
    ),
    availability: z.object({
      total: z.object(Stock),
      locations: z.array(z.object({ location: z.string(), locationName: z.string().nullable(), ...Stock })),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    revision: z.number().int(),
  })
  .openapi('ProductDetail');
