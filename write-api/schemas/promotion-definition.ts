import { z } from '@hono/zod-openapi';
import { Id, Text } from './common.ts';

/** Whole minor units; `max` keeps any sum of them a safe integer. */
const Minor = z.number().int('must be whole minor units (cents), never a fraction').min(0).max(1e12);
const BasisPoints = z
  .number()
  .int()
  .min(1)
  .max(10_000)
  .openapi({ description: '1 to 10000: 2000 is 20 %, 10000 is free.' });
const Names = z.array(Text.min(1).max(200)).max(200);
export const IsoTime = Text.regex(
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/,
  'must be an ISO 8601 time such as 2026-06-01T00:00:00Z',
);

const Rules = z.object({
  minSubtotal: Minor.nullable().default(null),
  minQuantity: z.number().int().min(1).max(1_000_000).nullable().default(null),
  productIds: z.array(Id).max(500).default([]),
  categories: Names.default([]),
  brands: Names.default([]),
  customerGroups: Names.default([]),
  firstOrderOnly: z.boolean().default(false),
  startsAt: IsoTime.nullable().default(null),
  endsAt: IsoTime.nullable().default(null),
  channels: Names.default([]),
  currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .nullable()
    .default(null),
  stock: z
    .object({
      measure: z.enum(['on_hand', 'days_of_cover']),
      above: z.number().int().min(0).max(1_000_000).nullable().default(null),
      below: z.number().int().min(1).max(1_000_000).nullable().default(null),
    })
    .nullable()
    .default(null)
    .openapi({
      description:
        'Only while each matching SKU is above and/or below this stock level (units on hand, or days of cover from the recorded forecasts).',
      example: { measure: 'days_of_cover', above: 90, below: null },
    }),
});

const Action = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('order_percent'), basisPoints: BasisPoints }),
  z.object({ kind: z.literal('order_fixed'), amount: Minor.min(1) }),
  z.object({ kind: z.literal('items_percent'), basisPoints: BasisPoints }),
  z.object({ kind: z.literal('items_fixed'), amountPerUnit: Minor.min(1) }),
  z.object({ kind: z.literal('free_shipping') }),
  z.object({
    kind: z.literal('buy_x_get_y'),
    buy: z.number().int().min(1).max(1000),
    get: z.number().int().min(1).max(1000),
    basisPoints: BasisPoints,
    pick: z.enum(['cheapest', 'most_expensive']),
  }),
  z.object({
    kind: z.literal('bundle_price'),
    items: z
      .array(z.object({ productId: Id, quantity: z.number().int().min(1).max(1000) }))
      .min(1)
      .max(50),
    price: Minor,
  }),
  z.object({ kind: z.literal('mix_and_match'), quantity: z.number().int().min(1).max(1000), price: Minor }),
  z.object({
    kind: z.literal('tiered'),
    tiers: z
      .array(z.object({ minSubtotal: Minor, basisPoints: BasisPoints }))
      .min(1)
      .max(20),
  }),
]);

const Codes = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('automatic') }),
  z.object({ mode: z.literal('shared'), code: Text.min(3).max(40) }),
  z.object({ mode: z.literal('unique') }),
]);

const Limit = z.number().int().min(1).max(1e9).nullable().default(null);

export const PromotionDefinition = z
  .object({
    name: Text.min(1).max(200),
    rules: Rules,
    action: Action,
    stacking: z.enum(['exclusive', 'combinable']).default('combinable'),
    priority: z.number().int().min(-1000).max(1000).default(0),
    codes: Codes,
    limits: z.object({
      counts: z.enum(['orders', 'units']).default('orders'),
      total: Limit,
      perCustomer: Limit,
      perCode: Limit,
    }),
  })
  .openapi('PromotionDefinition', {
    example: {
      name: 'Summer sale',
      rules: {
        minSubtotal: 5000,
        minQuantity: null,
        productIds: [],
        categories: ['tools'],
        brands: [],
        customerGroups: [],
        firstOrderOnly: false,
        startsAt: '2026-06-01T00:00:00Z',
        endsAt: '2026-09-01T00:00:00Z',
        channels: ['web'],
        currency: 'EUR',
      },
      action: { kind: 'order_percent', basisPoints: 2000 },
      stacking: 'combinable',
      priority: 10,
      codes: { mode: 'shared', code: 'SUMMER20' },
      limits: { counts: 'orders', total: 1000, perCustomer: 1, perCode: null },
    },
  });
