import { z } from '@hono/zod-openapi';
import { Address, Id, Money, Text } from './common.ts';

/** Request and answer schemas of shipping, tax and quotes (`write-api/routes/pricing-routes.ts`). */

const Amount = z.number().int('must be whole minor units').min(0).max(Number.MAX_SAFE_INTEGER);
const Band = z.object({
  upTo: z
    .number()
    .int()
    .min(0)
    .nullable()
    .openapi({ description: 'Inclusive; null on the last band', example: null }),
  amount: Amount.openapi({ example: 490 }),
});
const Bands = z.array(Band).min(1).max(50);

export const RateRule = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('flat'), amount: Amount.openapi({ example: 490 }) }),
    z.object({
      kind: z.literal('weight'),
      bands: Bands.openapi({ description: 'By total weight in grams' }),
    }),
    z.object({
      kind: z.literal('subtotal'),
      bands: Bands.openapi({ description: 'By discounted subtotal' }),
    }),
  ])
  .openapi('ShippingRate', { example: { kind: 'flat', amount: 490 } });

const ShippingMethod = z
  .object({
    methodId: Id.openapi({
      description: 'Unique across zones: orders name it alone',
      example: 'standard-de',
    }),
    name: Text.min(1).max(200).openapi({ example: 'Standard (DHL)' }),
    currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').openapi({ example: 'EUR' }),
    rate: RateRule,
    freeOver: Amount.nullable()
      .default(null)
      .openapi({ description: 'Free from this discounted subtotal on (minor units)', example: 5000 }),
    minDays: z.number().int().min(0).max(365).openapi({ example: 2 }),
    maxDays: z.number().int().min(0).max(365).openapi({ example: 4 }),
  })
  .openapi('ShippingMethod');

export const ShippingZone = z
  .object({
    zoneId: Id.openapi({ example: 'de' }),
    name: Text.min(1).max(200).openapi({ example: 'Germany' }),
    countries: z
      .array(Text.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE'))
      .min(1)
      .max(300)
      .openapi({ example: ['DE'] }),
    regions: z.array(Text.min(1).max(100)).max(300).default([]).openapi({ example: [] }),
    postalPrefixes: z.array(Text.min(1).max(20)).max(300).default([]).openapi({ example: [] }),
    methods: z.array(ShippingMethod).min(1).max(20),
  })
  .openapi('ShippingZone');

export const TaxRegion = z
  .object({
    regionId: Id.openapi({ example: 'de' }),
    country: Text.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE').openapi({
      example: 'DE',
    }),
    region: Text.min(1)
      .max(100)
      .nullable()
      .default(null)
      .openapi({ description: 'A state or province', example: null }),
    pricesIncludeTax: z
      .boolean()
      .openapi({ description: 'EU style (true) or US style (false)', example: true }),
    ratesBps: z.record(Id, z.number().int().min(0).max(10_000)).openapi({
      description: 'Basis points per tax class; `standard` is required',
      example: { standard: 1900, reduced: 700 },
    }),
    shippingTaxClass: Id.nullable()
      .default(null)
      .openapi({ description: 'The class shipping is taxed at; null: untaxed', example: 'standard' }),
  })
  .openapi('TaxRegion');

export const TaxRounding = z
  .object({ rounding: z.enum(['line', 'total']).openapi({ example: 'line' }) })
  .openapi('TaxRounding');

const QuoteLine = z.object({
  productId: Id,
  quantity: z.number().int().positive().max(10_000).openapi({ example: 2 }),
});

export const Quote = z
  .object({
    currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').openapi({ example: 'EUR' }),
    lines: z.array(QuoteLine).min(1, 'must hold at least one line').max(100),
    shippingAddress: Address.nullable().default(null),
    shippingMethodId: Id.nullable().default(null).openapi({ example: 'standard-de' }),
    couponCodes: z.array(Text.min(1).max(100)).max(10).default([]).openapi({ example: [] }),
    channel: Id.nullable().default(null).openapi({ example: 'web' }),
  })
  .openapi('PriceQuoteRequest');

const TaxLine = z.object({
  sku: z.string(),
  taxClass: z.string(),
  rateBps: z.number().int(),
  taxable: Money,
  tax: Money,
});

export const PriceBreakdown = z
  .object({
    currency: z.string(),
    subtotal: Money,
    discounts: z.array(
      z.object({
        promotionId: z.string(),
        promotionVersion: z.number().int(),
        code: z.string().nullable(),
        label: z.string(),
        amount: Money,
        lineAmounts: z.array(z.object({ sku: z.string(), amount: Money })),
        freeShipping: z.boolean(),
        evidence: z
          .array(z.object({ sku: z.string(), onHand: z.number(), daysOfCover: z.number().nullable() }))
          .optional()
          .openapi({
            description: 'The stock a stock-level promotion was decided on (see docs/promotions.md).',
          }),
      }),
    ),
    discountTotal: Money,
    shipping: Money,
    tax: Money.openapi({ description: 'Added to the total: 0 where prices include tax (see taxDetail)' }),
    total: Money,
    shippingMethod: z
      .object({
        methodId: z.string(),
        zoneId: z.string(),
        name: z.string(),
        minDays: z.number(),
        maxDays: z.number(),
      })
      .nullable(),
    taxDetail: z.object({
      known: z.boolean(),
      regionId: z.string().nullable(),
      included: z.boolean(),
      rounding: z.enum(['line', 'total']),
      lines: z.array(TaxLine),
      shipping: z.object({ rateBps: z.number().int(), taxable: Money, tax: Money }),
      total: Money,
    }),
    pending: z.array(z.enum(['shipping', 'tax'])),
  })
  .openapi('PriceBreakdown');

export const ShippingOptionsQuery = z.object({
  currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').openapi({ example: 'EUR' }),
  country: Text.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE').openapi({
    example: 'DE',
  }),
  region: Text.min(1).max(100).optional().openapi({ example: 'BE' }),
  postalCode: Text.min(1).max(20).openapi({ example: '10115' }),
  lines: Text.regex(
    /^[A-Za-z0-9._~:+=-]{1,120}\*[1-9][0-9]{0,3}(,[A-Za-z0-9._~:+=-]{1,120}\*[1-9][0-9]{0,3}){0,99}$/,
    'must be productId*quantity, comma-separated',
  ).openapi({
    description: 'The lines as `productId*quantity`, comma-separated',
    example: 'p-1001*2',
  }),
  couponCodes: Text.max(1000).optional().openapi({ description: 'Comma-separated', example: 'SUMMER20' }),
});

export const ShippingOptions = z
  .object({
    options: z.array(
      z.object({
        methodId: z.string(),
        zoneId: z.string(),
        name: z.string(),
        fee: Money,
        minDays: z.number().int(),
        maxDays: z.number().int(),
      }),
    ),
  })
  .openapi('ShippingOptions');
