import { z } from '@hono/zod-openapi';
import { consistencyQuery } from '../http/consistency.ts';
import type { OrderFilters } from '../../projections/orders/queries.ts';
import { Cursor, Id, Limit, Money, Time } from './common.ts';

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

export const Dispute = z
  .object({
    disputeId: z.string(),
    orderId: z.string(),
    customerId: z.string(),
    paymentRef: z.string(),
    amount: Money,
    reason: z.string().openapi({ description: "The provider's reason", example: 'fraudulent' }),
    dueBy: z.string().nullable().openapi({ description: 'When evidence is due at the provider' }),
    status: z.enum(['open', 'won', 'lost']),
    withdrawn: Money.openapi({ description: 'Taken from the balance by the provider while it runs' }),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('Dispute');

export const DisputeQueue = z.object({ items: z.array(Dispute) }).openapi('DisputeQueue');

export const Claim = z
  .object({
    claimId: z.string(),
    orderId: z.string(),
    customerId: z.string(),
    lineId: z.string(),
    sku: z.string(),
    quantity: z.number().int(),
    reason: z.enum(['damaged', 'missing', 'wrong']),
    status: z.enum(['open', 'replaced', 'refunded']),
    openedAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .openapi('Claim');

export const ClaimQueue = z.object({ items: z.array(Claim) }).openapi('ClaimQueue');

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
      backordered: z.number().int().openapi({
        description:
          'Units of the line waiting for stock: they ship once arriving stock fills them, first in first out',
      }),
    }),
  ),
  payments: z.array(z.record(z.string(), z.unknown())),
  refunds: z.array(z.record(z.string(), z.unknown())),
  shipments: z.array(z.record(z.string(), z.unknown())),
  disputes: z.array(Dispute),
  claims: z.array(Claim),
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

type Status = NonNullable<OrderFilters['status']>;
// A record, so that a status added to the read model and not offered here fails the type check.
const statusNames: Record<Status, true> = {
  placed: true,
  authorized: true,
  paid: true,
  payment_failed: true,
  partially_shipped: true,
  shipped: true,
  delivered: true,
  cancelled: true,
};
const orderStatuses = Object.keys(statusNames) as [Status, ...Status[]];

const MinorUnits = z.coerce
  .number()
  .int('must be a whole number of minor units')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);

/** The staff order list's filters: each narrows, all optional. */
export const StaffOrdersQuery = z
  .object({
    status: z.enum(orderStatuses).optional().openapi({ example: 'paid' }),
    customer: Id.optional().openapi({ description: "Only this customer's orders.", example: 'c-1001' }),
    from: Time.optional().openapi({
      description: 'Placed at or after this time.',
      example: '2026-11-01T00:00:00Z',
    }),
    to: Time.optional().openapi({ description: 'Placed before this time.', example: '2026-12-01T00:00:00Z' }),
    minTotal: MinorUnits.optional().openapi({
      description: "Total at least this, in minor units (of the order's own currency).",
      example: 1000,
    }),
    maxTotal: MinorUnits.optional().openapi({
      description: 'Total at most this, in minor units.',
      example: 50000,
    }),
    limit: Limit(200, 50),
    cursor: Cursor,
    ...consistencyQuery,
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    }
    if (query.minTotal !== undefined && query.maxTotal !== undefined && query.minTotal > query.maxTotal) {
      ctx.addIssue({ code: 'custom', path: ['maxTotal'], message: 'must not be below minTotal' });
    }
  });
