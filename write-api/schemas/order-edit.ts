import { z } from '@hono/zod-openapi';
import { Money } from './common.ts';
import { PriceBreakdown } from './pricing.ts';

/** An order's whole totals, as an edit re-prices them: the price breakdown without its request's echoes. */
const OrderTotals = PriceBreakdown.omit({ currency: true, pending: true }).openapi('OrderTotals');

const Line = z.object({
  lineId: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  unitPrice: Money,
  lineTotal: Money,
});
/** The line's unit price from the edit on, for every unit it holds, when the edit lowered it. */
const NewUnitPrice = Money.optional().openapi({
  description:
    'Present when the edit lowers the line’s unit price, for every unit it then holds: a placement for the customer now (their price list and its quantity tier, else the catalog) charges less for the line’s new quantity. An edit never raises a line’s price.',
  example: { amount: 700, currency: 'EUR' },
});
const Change = z.object({
  lineId: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  amount: Money,
  unitPrice: NewUnitPrice,
});
const Stock = z.object({
  lineId: z.string(),
  sku: z.string(),
  location: z.string(),
  quantity: z.number().int(),
});

export const EditPreviewAnswer = z
  .object({
    orderId: z.string(),
    revision: z.number().int().openapi({ description: 'The order’s revision the edit was priced on' }),
    etag: z.string().openapi({
      description:
        'Also the ETag header: send it as If-Match to POST /orders/{orderId}/edit to confirm this very edit',
      example: '"4.9f2c1a0b3d4e5f60.0a1b2c3d4e5f6071"',
    }),
    before: OrderTotals,
    after: OrderTotals,
    difference: z
      .object({ amount: z.number().int(), currency: z.string() })
      .openapi({ description: 'after.total − before.total (negative: the order gets cheaper)' }),
    payment: z
      .object({
        kind: z.enum(['none', 'extra_payment', 'refund', 'release']),
        amount: Money,
      })
      .openapi({
        description:
          'What confirming does to the money: nothing (not paid yet: the next payment is for the new total), an extra payment for the difference, a refund of it, or a release of the authorization beyond the new total',
      }),
    lines: z.array(Line).openapi({ description: 'The order’s lines after the edit' }),
    added: z.array(Line),
    raised: z.array(Change),
    lowered: z.array(Change),
    reservations: z.array(Stock).openapi({ description: 'Units the confirm reserves' }),
    releases: z.array(Stock).openapi({ description: 'Reservations the confirm gives back' }),
  })
  .openapi('OrderEditPreview');
