import { z } from '@hono/zod-openapi';
import { consistencyQuery } from '../http/consistency.ts';
import { Cursor, Limit, Money } from './common.ts';

export const OrderSummary = z
  .object({
    orderId: z.string(),
    customerId: z.string(),
    status: z.string(),
    paymentStatus: z.string(),
    subtotal: Money,
    discountTotal: Money,
    shipping: Money,
    tax: Money.openapi({
      description: 'Added on top of the prices; 0 where prices include tax (see taxTotal)',
    }),
    total: Money,
    lineCount: z.number().int(),
    itemCount: z.number().int(),
    placedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('OrderSummary');

export const OrderDetail = OrderSummary.extend({
  shippingAddress: z.record(z.string(), z.unknown()),
  shippingMethodId: z.string().nullable(),
  discounts: z.array(z.record(z.string(), z.unknown())),
  taxTotal: Money.openapi({ description: 'All the tax of the order, added or included' }),
  taxDetail: z.record(z.string(), z.unknown()).openapi({
    description: 'Per line and for shipping; `known: false` for orders placed before tax was computed',
  }),
  expiresAt: z.string(),
  cancellation: z.object({ reason: z.string(), note: z.string().nullable() }).nullable(),
  payment: z.object({
    provider: z.string(),
    reference: z.string().nullable(),
    authorized: Money,
    captured: Money,
    refunded: Money,
  }),
  lines: z.array(
    z.object({
      lineId: z.string(),
      sku: z.string(),
      quantity: z.number().int(),
      unitPrice: Money,
      lineTotal: Money,
      allocations: z.array(z.object({ location: z.string(), quantity: z.number().int() })),
    }),
  ),
  payments: z.array(z.record(z.string(), z.unknown())),
  refunds: z.array(z.record(z.string(), z.unknown())),
  shipments: z.array(z.record(z.string(), z.unknown())),
  timeline: z.array(
    z.object({
      type: z.string(),
      summary: z.string(),
      at: z.string(),
      by: z.object({ id: z.string(), role: z.string() }),
      correlationId: z.string(),
      revision: z.number().int(),
    }),
  ),
}).openapi('OrderDetail');

export const OrderPage = z
  .object({ items: z.array(OrderSummary), nextCursor: z.string().nullable() })
  .openapi('OrderPage');

export const MyOrdersQuery = z.object({ limit: Limit(100, 20), cursor: Cursor, ...consistencyQuery });
