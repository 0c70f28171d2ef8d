import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthEnv } from '../../infra/auth/actor.ts';
import { assertOwnerOr } from '../../infra/auth/assert-owner.ts';
import { hasPermission } from '../../infra/auth/grants.ts';
import { Forbidden } from '../../infra/auth/auth-errors.ts';
import { commandContext } from '../http/command-context.ts';
import { parseIfMatch } from '../http/if-match.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { idempotentRequest } from '../idempotency/idempotent-request.ts';
import { requestDerivedId } from '../idempotency/request-derived-id.ts';
import { formatEditPreviewTag, parseEditPreviewTag } from '../../commands/orders/edit-preview-tag.ts';
import {
  Address,
  Id,
  Money,
  Text,
  errorResponses,
  idempotencyHeader,
  ifMatchHeader,
} from '../schemas/common.ts';
import { EditPreviewAnswer } from '../schemas/order-edit.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, guardedWithStepUp, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Orders'];
const OrderPath = z.object({ orderId: Id });
const PlaceOrder = z
  .object({
    orderId: Id.optional().openapi({
      description:
        'Chosen by the client, or derived from the Idempotency-Key, so that a retry answers the same order.',
    }),
    customerId: Id.optional().openapi({
      description: 'Customers place their own orders; staff and admins name the customer.',
    }),
    currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
    lines: z
      .array(z.object({ productId: Id, quantity: z.number().int().positive().max(10_000) }))
      .min(1, 'must hold at least one line')
      .max(100),
    shippingAddress: Address,
    shippingMethodId: Id.nullable().default(null).openapi({
      description:
        'One of GET /shipping/options for this address; the server prices it (required once the shop has shipping zones). A request carrying `shippingFee` is refused: shipping is never the client’s figure.',
      example: 'standard-de',
    }),
    couponCodes: z
      .array(Text.min(1).max(100))
      .max(10)
      .default([])
      .openapi({ description: 'Codes as typed; the discount stage applies them', example: [] }),
  })
  .openapi('PlaceOrder');
const Cancel = z.object({ note: Text.max(1000).nullable().default(null) }).openapi('CancelOrder');
const CancelLines = z
  .object({
    lines: z
      .array(z.object({ lineId: Id, quantity: z.number().int().positive().max(10_000) }))
      .min(1, 'must hold at least one line')
      .max(100)
      .openapi({ description: 'The units to cancel, per line; the rest of the order stands.' }),
  })
  .openapi('CancelOrderLines');
const Units = z.number().int().positive().max(10_000);
/** The confirm's If-Match: the preview's ETag, never a bare revision. */
const previewTagHeader = z.object({
  'if-match': Text.optional().openapi({
    description:
      'The ETag of POST /orders/{orderId}/edit/preview for this very change: required (428 without it); a stale one answers 409 edit_preview_stale.',
    example: '"4.9f2c1a0b3d4e5f60.0a1b2c3d4e5f6071"',
  }),
});
const EditOrder = z
  .object({
    add: z
      .array(z.object({ productId: Id, quantity: Units }))
      .max(100)
      .default([])
      .openapi({
        description: 'New lines, at the catalog price now (a product already on the order: raise it).',
      }),
    raise: z
      .array(
        z.object({ lineId: Id, quantity: Units.openapi({ description: 'The units added to the line' }) }),
      )
      .max(100)
      .default([])
      .openapi({ description: 'Units added to lines the order has, at the price the line was sold at.' }),
    lower: z
      .array(
        z.object({ lineId: Id, quantity: Units.openapi({ description: 'The units taken off the line' }) }),
      )
      .max(100)
      .default([])
      .openapi({ description: 'Units taken off lines the order has, their reservations released.' }),
    remove: z
      .array(Id)
      .max(100)
      .default([])
      .openapi({ description: 'Lines taken off whole (the order keeps at least one unit).' }),
    shippingAddress: Address.nullable()
      .optional()
      .openapi({ description: 'A new shipping address; absent or null keeps the order’s' }),
    shippingMethodId: Id.nullable().optional().openapi({
      description: 'A new shipping method (GET /shipping/options); absent or null keeps the order’s',
    }),
  })
  .openapi('EditOrder');
const Shipment = z
  .object({
    shipmentId: Id.optional(),
    location: Id,
    carrier: Text.min(1).max(100).optional().openapi({
      description: 'Who carries it; with `buyLabel` the carrier port says',
      example: 'DHL',
    }),
    trackingNumber: Text.min(1).max(100).optional().openapi({
      description: 'As the carrier gave it; with `buyLabel` the carrier port says',
      example: '00340434161094042557',
    }),
    lines: z.array(z.object({ lineId: Id, quantity: z.number().int().positive() })).min(1),
    buyLabel: z.boolean().default(false).openapi({
      description:
        'Buy the label through the configured carrier (400 when none is): carrier and tracking number come from it',
      example: false,
    }),
    service: Text.min(1)
      .max(100)
      .nullable()
      .default(null)
      .openapi({ description: 'With buyLabel: the carrier service; null: the cheapest', example: null }),
  })
  .openapi('CreateShipment');
const Refund = z.object({ amount: Money, reason: Text.min(1).max(500) }).openapi('IssueRefund');
const PlacedAnswer = z
  .object({
    orderId: z.string(),
    order: z.record(z.string(), z.unknown()),
    payment: z.object({
      provider: z.string(),
      paymentId: z.string(),
      clientSecret: z.string().nullable(),
      status: z.string(),
    }),
    revision: z.number().int().nullable(),
    position: z.string().nullable(),
  })
  .openapi('PlacedOrder');

/**
 * The server prices shipping and tax: a body that still names `shippingFee` (the field clients used
 * to send) is refused with a 400 naming it, rather than silently charging something else.
 */
async function refuseClientFigures(c: Context<AuthEnv>): Promise<void> {
  const raw: unknown = await c.req.json();
  if (typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'shippingFee')) {
    throw new HttpProblem({
      status: 400,
      code: 'validation_failed',
      title: 'Invalid request',
      detail: 'shippingFee is computed by the server from shippingMethodId; leave it out.',
      extensions: {
        errors: [{ path: 'shippingFee', message: 'is not accepted: the server computes shipping' }],
      },
    });
  }
}

/** Orders: customers place and cancel their own; staff fulfil; admins also refund. */
export function orderRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const context = (c: Context<AuthEnv>) => commandContext(c, deps.clock, deps.ids);
  const edit = { headers: idempotencyHeader.merge(ifMatchHeader), params: OrderPath };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders',
      summary: 'Place an order: every line reserved, or none (409 names each short SKU)',
      tags,
      ...guarded('orders:place'),
      request: { headers: idempotencyHeader, body: jsonBody(PlaceOrder) },
      responses: writeResponses(201, 'Placed, stock reserved, payment opened', PlacedAnswer),
    }),
    async (c) => {
      const body = c.req.valid('json');
      await refuseClientFigures(c);
      const actor = c.var.actor;
      const forOthers = hasPermission(actor, 'orders:act-for-others');
      if (!forOthers && body.customerId !== undefined && body.customerId !== actor.id) {
        throw new Forbidden('Customers place orders for themselves only: leave customerId out.');
      }
      const customerId = forOthers ? body.customerId : actor.id;
      if (!customerId) {
        throw new HttpProblem({
          status: 400,
          code: 'validation_failed',
          title: 'Invalid request',
          detail: 'Staff and admins must name the customer the order is for.',
          extensions: { errors: [{ path: 'customerId', message: 'is required for staff and admins' }] },
        });
      }
      // A retry whose first run's answer was lost names the same order, and the handler answers
      // what that run placed; opening its payment again is safe, as the provider call is keyed by order.
      const request = idempotentRequest(c);
      const orderId = body.orderId ?? (request ? requestDerivedId('order', request) : deps.ids.newId());
      const placed = await deps.handlers.placeOrder({ ...body, orderId, customerId }, context(c));
      const answer = { orderId, order: placed.order, payment: placed.payment };
      return writeAnswer(
        c,
        201,
        { events: placed.events, revision: placed.revision, position: placed.position },
        answer,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/cancel',
      summary: 'Cancel before shipment, releasing every reservation',
      tags,
      ...guarded('orders:cancel'),
      request: { ...edit, body: jsonBody(Cancel) },
      responses: writeResponses(200, 'Cancelled'),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      assertOwnerOr(c.var.actor, await deps.handlers.orderOwner(orderId), 'orders:act-for-others');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      const input = { orderId, reason: 'requested' as const, note: c.req.valid('json').note };
      return writeAnswer(c, 200, await deps.handlers.cancelOrder(input, context(c), ifMatch));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/cancel-lines',
      summary:
        'Cancel some units of an unshipped order: their reservations released at once, what was paid for them refunded',
      tags,
      ...guarded('orders:cancel'),
      request: { ...edit, body: jsonBody(CancelLines) },
      responses: writeResponses(200, 'Cancelled, stock released, refund made where paid'),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      assertOwnerOr(c.var.actor, await deps.handlers.orderOwner(orderId), 'orders:act-for-others');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      const input = { orderId, lines: c.req.valid('json').lines };
      return writeAnswer(c, 200, await deps.handlers.cancelOrderLines(input, context(c), ifMatch));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/edit/preview',
      summary:
        'Price an edit of an unshipped order (tax, shipping, promotions) and show the totals before and after, appending nothing; its ETag confirms it',
      tags,
      ...guarded('orders:edit'),
      request: { params: OrderPath, body: jsonBody(EditOrder) },
      responses: {
        200: {
          description: 'The edit priced; the ETag header (and `etag`) is what the confirm carries',
          headers: z.object({ ETag: z.string() }),
          content: { 'application/json': { schema: EditPreviewAnswer } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const preview = await deps.handlers.previewOrderEdit({ orderId, ...c.req.valid('json') }, context(c));
      const { tag, ...answer } = preview;
      const etag = formatEditPreviewTag(tag);
      c.header('ETag', etag);
      return c.json({ ...answer, etag }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/edit',
      summary:
        'Confirm a previewed edit of an unshipped order (If-Match: the preview’s ETag; a stale preview is refused with 409 edit_preview_stale): units reserved and released with it (409 on a shortage), the order re-priced, the payment difference taken or refunded',
      tags,
      ...guarded('orders:edit'),
      request: {
        headers: idempotencyHeader.merge(previewTagHeader),
        params: OrderPath,
        body: jsonBody(EditOrder),
      },
      responses: writeResponses(
        200,
        'Edited, stock reserved and released, the order re-priced, the money followed',
      ),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const tag = parseEditPreviewTag(c.req.header('if-match') ?? '');
      if (!tag) {
        throw new HttpProblem({
          status: 428,
          code: 'preview_required',
          title: 'Preview required',
          detail:
            'Preview the edit first (POST /orders/{orderId}/edit/preview) and send the ETag it answers as If-Match.',
          extensions: {
            errors: [{ path: 'header.if-match', message: 'must be the ETag of an edit preview' }],
          },
        });
      }
      const input = { orderId, ...c.req.valid('json') };
      return writeAnswer(c, 200, await deps.handlers.editOrder(input, context(c), tag));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/shipments',
      summary: 'Ship some or all lines from one location (carrier and tracking number, or a label bought)',
      tags,
      ...guarded('orders:fulfil'),
      request: { ...edit, body: jsonBody(Shipment) },
      responses: writeResponses(201, 'Shipped'),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const body = c.req.valid('json');
      // Derived from the key when the client names none, so a retry answers the same shipment.
      const request = idempotentRequest(c);
      const shipmentId =
        body.shipmentId ?? (request ? requestDerivedId('shipment', request) : deps.ids.newId());
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      const { buyLabel, service, carrier, trackingNumber, ...shipment } = body;
      if (buyLabel) {
        const result = await deps.handlers.shipWithLabel(
          { ...shipment, orderId, shipmentId, service },
          context(c),
          ifMatch,
        );
        return writeAnswer(c, 201, result, { shipmentId });
      }
      if (carrier === undefined || trackingNumber === undefined) {
        const missing = [
          carrier === undefined ? 'carrier' : null,
          trackingNumber === undefined ? 'trackingNumber' : null,
        ];
        throw new HttpProblem({
          status: 400,
          code: 'validation_failed',
          title: 'Invalid request',
          detail: 'Give the carrier and tracking number, or buy a label (buyLabel: true).',
          extensions: {
            errors: missing.flatMap((path) =>
              path ? [{ path, message: 'is required without buyLabel' }] : [],
            ),
          },
        });
      }
      const input = { ...shipment, carrier, trackingNumber, orderId, shipmentId };
      const result = await deps.handlers.shipOrder(input, context(c), ifMatch);
      return writeAnswer(c, 201, result, { shipmentId });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/delivered',
      summary: 'Mark a shipped order delivered',
      tags,
      ...guarded('orders:fulfil'),
      request: edit,
      responses: writeResponses(200, 'Delivered'),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      return writeAnswer(c, 200, await deps.handlers.deliverOrder(orderId, context(c), ifMatch));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/refunds',
      summary: 'Refund part or all of what was captured, with a reason',
      tags,
      ...guardedWithStepUp('orders:refund', deps),
      request: { ...edit, body: jsonBody(Refund) },
      responses: writeResponses(201, 'Refunded'),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const ifMatch = parseIfMatch(c.req.header('if-match'));
      return writeAnswer(
        c,
        201,
        await deps.handlers.refundOrder({ orderId, ...c.req.valid('json') }, context(c), ifMatch),
      );
    },
  );
  return app;
}
