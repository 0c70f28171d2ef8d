import { createRoute, z } from '@hono/zod-openapi';
import { assertOwnerOr } from '../../infra/auth/assert-owner.ts';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { Id, Money, errorResponses, idempotencyHeader, Text } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Payments'];
const OrderPath = z.object({ orderId: Id });
const ManualPayment = z
  .object({
    reference: Text.min(1)
      .max(200)
      .refine((value) => value.trim() !== '', 'must not be blank')
      .openapi({
        description: 'Free text identifying the payment (a bank transfer, a receipt): 1 to 200 characters.',
        example: 'bank transfer 2026-11-21 #4711',
      }),
    amount: Money,
  })
  .openapi('ManualPayment');
const ExtraPaymentAnswer = z
  .object({
    orderId: z.string(),
    amount: Money.openapi({ description: 'The difference owed' }),
    payment: z.object({
      provider: z.string(),
      paymentId: z.string(),
      clientSecret: z.string().nullable().openapi({
        description: 'What the storefront confirms the payment with; null with the manual provider',
      }),
      status: z.string(),
    }),
  })
  .openapi('ExtraPaymentDue');

/**
 * The manual provider (the embedded default) has no card flow: an admin records that the order
 * was paid. Capturing an authorized card payment is staff's, when captures wait for shipment.
 */
export function paymentRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/payments/manual',
      summary: 'Record a payment received outside a card provider (manual provider)',
      tags,
      ...guarded('payments:record'),
      request: { headers: idempotencyHeader, params: OrderPath, body: jsonBody(ManualPayment) },
      responses: writeResponses(201, 'Payment recorded'),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const result = await deps.handlers.recordManualPayment(
        { orderId, ...c.req.valid('json') },
        commandContext(c, deps.clock, deps.ids),
      );
      return writeAnswer(c, 201, result);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/payments/capture',
      summary: 'Capture the authorized amount now',
      tags,
      ...guarded('payments:capture'),
      request: { headers: idempotencyHeader, params: OrderPath },
      responses: writeResponses(200, 'Captured, or nothing left to capture'),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      return writeAnswer(
        c,
        200,
        await deps.handlers.capturePayment(orderId, commandContext(c, deps.clock, deps.ids)),
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/payments/attempts',
      summary:
        'Pay again after a failed payment, while the stock is held: the failed attempt is released and a new one opened for the current total',
      tags,
      ...guarded('orders:place'),
      request: { headers: idempotencyHeader, params: OrderPath },
      responses: writeResponses(201, 'A new attempt is open: pay it with its client secret'),
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      // A customer retries their own orders; staff who act for others, anyone's.
      assertOwnerOr(c.var.actor, await deps.handlers.orderOwner(orderId), 'orders:act-for-others');
      const result = await deps.handlers.retryPayment({ orderId }, commandContext(c, deps.clock, deps.ids));
      const { paymentId, clientSecret, status } = result.payment;
      return writeAnswer(c, 201, result, {
        orderId,
        payment: { provider: deps.handlers.paymentProvider, paymentId, clientSecret, status },
      });
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{orderId}/payments/extra',
      summary:
        'The extra payment an edit left owed (an edit raised an authorized or paid order): its amount, and the client secret to pay it with (appends nothing)',
      tags,
      ...guarded('orders:place'),
      request: { params: OrderPath },
      responses: {
        200: {
          description: 'The difference owed and its payment; 409 no_extra_payment_owed when nothing is owed',
          content: { 'application/json': { schema: ExtraPaymentAnswer } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      // A customer pays for their own orders; staff who act for others, for anyone's.
      assertOwnerOr(c.var.actor, await deps.handlers.orderOwner(orderId), 'orders:act-for-others');
      const due = await deps.handlers.extraPaymentDue(orderId, commandContext(c, deps.clock, deps.ids));
      const { paymentId, clientSecret, status } = due.payment;
      return c.json(
        {
          orderId,
          amount: due.amount,
          payment: { provider: deps.handlers.paymentProvider, paymentId, clientSecret, status },
        },
        200,
      );
    },
  );
  return app;
}
