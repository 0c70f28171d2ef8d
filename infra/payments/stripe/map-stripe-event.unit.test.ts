import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { WebhookEventUnmappable, WebhookSignatureInvalid } from '../../../ports/payments.ts';
import { buildStripeEvent, signWebhook } from '../../../test-support/fake-stripe/sign-webhook.ts';
import { verifyStripeWebhook } from './verify-stripe-webhook.ts';

const SECRET = 'whsec_unit';

function verify(type: string, object: { id: string; object: string }, previous?: Record<string, unknown>) {
  const { payload, signature } = signWebhook(buildStripeEvent(type, object, previous), SECRET);
  return verifyStripeWebhook(payload, signature, SECRET);
}

const intent = (fields: Record<string, unknown> = {}) => ({
  id: 'pi_1',
  object: 'payment_intent',
  amount: 5_000,
  amount_capturable: 5_000,
  amount_received: 0,
  currency: 'gbp',
  metadata: { orderId: 'ord-1', customerId: 'cus-1' },
  last_payment_error: null,
  ...fields,
});

const refund = (fields: Record<string, unknown> = {}) => ({
  id: 're_1',
  object: 'refund',
  amount: 700,
  currency: 'gbp',
  payment_intent: 'pi_1',
  status: 'succeeded',
  metadata: { orderId: 'ord-1' },
  ...fields,
});

const charge = (fields: Record<string, unknown> = {}) => ({
  id: 'ch_1',
  object: 'charge',
  amount: 5_000,
  amount_refunded: 700,
  currency: 'gbp',
  payment_intent: 'pi_1',
  metadata: { orderId: 'ord-1' },
  refunds: { object: 'list', data: [refund()], has_more: false },
  ...fields,
});

describe('Stripe events as payment notifications', () => {
  it('ignores PaymentIntents Quartermaster did not create, and a capturable amount dropping to zero', () => {
    expect(verify('payment_intent.succeeded', intent({ metadata: {} }))).toBeNull();
    expect(verify('payment_intent.amount_capturable_updated', intent({ amount_capturable: 0 }))).toBeNull();
    expect(verify('payment_intent.amount_capturable_updated', intent())).toMatchObject({
      kind: 'payment_authorized',
      amount: 5_000,
      currency: 'GBP',
    });
  });

  it('falls back to the error code when a failed payment has no message', () => {
    const failed = intent({ last_payment_error: { type: 'card_error', code: 'expired_card' } });
    expect(verify('payment_intent.payment_failed', failed)).toMatchObject({
      kind: 'payment_failed',
      reason: 'expired_card',
    });
  });

  it('maps refunds: settled ones only, the newest refund of a charge, expanded ids', () => {
    expect(verify('refund.updated', refund({ status: 'pending' }))).toBeNull();
    expect(
      verify('refund.updated', refund({ payment_intent: { id: 'pi_9', object: 'payment_intent' } })),
    ).toMatchObject({
      kind: 'refund_succeeded',
      paymentId: 'pi_9',
      refundId: 're_1',
      amount: 700,
    });
    // Without previous_attributes (an older event shape) the newest refund's amount is this refund's.
    expect(verify('charge.refunded', charge())).toMatchObject({
      kind: 'refund_succeeded',
      amount: 700,
      refundId: 're_1',
    });
    expect(verify('charge.refunded', charge({ metadata: {} }))).toBeNull();
    expect(verify('charge.refunded', charge({ amount_refunded: 700 }), { amount_refunded: 700 })).toBeNull();
  });

  it('flags a refund without an order id instead of dropping it', () => {
    expect(() => verify('refund.updated', refund({ metadata: {} }))).toThrow(WebhookEventUnmappable);
  });

  it('ignores types it does not act on, including refund.failed which refund.updated already reports', () => {
    expect(verify('customer.created', { id: 'cus_1', object: 'customer' })).toBeNull();
    expect(verify('refund.failed', refund({ status: 'failed' }))).toBeNull();
  });

  it('rejects a signed body that is not JSON, and a header signed with another scheme', () => {
    const body = 'not json';
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
    expect(() => verifyStripeWebhook(body, signature, SECRET)).toThrow(WebhookEventUnmappable);
    const { payload } = signWebhook(buildStripeEvent('payment_intent.succeeded', intent()), SECRET);
    const v0 = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, scheme: 'v0' });
    expect(() => verifyStripeWebhook(payload, v0, SECRET)).toThrow(WebhookSignatureInvalid);
  });
});

const dispute = (fields: Record<string, unknown> = {}) => ({
  id: 'dp_1',
  object: 'dispute',
  amount: 5_000,
  currency: 'gbp',
  charge: 'ch_1',
  payment_intent: 'pi_1',
  reason: 'fraudulent',
  status: 'needs_response',
  evidence_details: { due_by: 1_767_225_600, has_evidence: false, past_due: false, submission_count: 0 },
  metadata: {},
  ...fields,
});

describe('Stripe disputes as dispute notifications', () => {
  it('maps a new dispute to its payment, amount, reason and due date', () => {
    expect(verify('charge.dispute.created', dispute())).toEqual({
      providerEventId: expect.stringMatching(/^evt_/),
      kind: 'dispute_opened',
      disputeId: 'dp_1',
      paymentId: 'pi_1',
      amount: 5_000,
      currency: 'GBP',
      reason: 'fraudulent',
      dueBy: '2026-01-01T00:00:00.000Z',
    });
  });

  it('maps the withdrawal, and a dispute without a due date', () => {
    expect(
      verify('charge.dispute.funds_withdrawn', dispute({ evidence_details: { due_by: null } })),
    ).toMatchObject({ kind: 'dispute_funds_withdrawn', dueBy: null });
  });

  it('maps a close to won or lost; an inquiry closed without a chargeback is won', () => {
    expect(verify('charge.dispute.closed', dispute({ status: 'lost' }))).toMatchObject({
      kind: 'dispute_closed',
      outcome: 'lost',
    });
    expect(verify('charge.dispute.closed', dispute({ status: 'won' }))).toMatchObject({ outcome: 'won' });
    expect(verify('charge.dispute.closed', dispute({ status: 'warning_closed' }))).toMatchObject({
      outcome: 'won',
    });
  });

  it('ignores a dispute of a charge without a PaymentIntent, and the events it does not act on', () => {
    expect(verify('charge.dispute.created', dispute({ payment_intent: null }))).toBeNull();
    expect(verify('charge.dispute.updated', dispute())).toBeNull();
    expect(verify('charge.dispute.funds_reinstated', dispute())).toBeNull();
  });
});
