import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookSignatureInvalid, type PaymentsPort } from '../../../ports/payments.ts';
import { signWebhook } from '../../../test-support/fake-stripe/sign-webhook.ts';
import { startFakeStripe, type FakeStripe } from '../../../test-support/fake-stripe/start-fake-stripe.ts';
import { createStripePayments } from './create-stripe-payments.ts';
import { verifyStripeWebhook } from './verify-stripe-webhook.ts';

const SECRET_KEY = 'sk_test_quartermaster_webhooks';
const WEBHOOK_SECRET = 'whsec_quartermaster_test_secret';

let fake: FakeStripe;
let payments: PaymentsPort;

beforeAll(async () => {
  fake = await startFakeStripe({ secretKey: SECRET_KEY });
  payments = createStripePayments({
    secretKey: SECRET_KEY,
    host: fake.host,
    port: fake.port,
    protocol: fake.protocol,
    maxNetworkRetries: 0,
  });
});

afterAll(async () => {
  await fake.close();
});

/** What Stripe would deliver for the latest event of this type about this object, verified by the adapter. */
function deliver(type: string, objectId: string) {
  const event = fake.lastEvent(type, objectId);
  const { payload, signature } = signWebhook(event, WEBHOOK_SECRET);
  return { event, notification: verifyStripeWebhook(payload, signature, WEBHOOK_SECRET) };
}

describe('Stripe webhooks from the flows the adapter drives', () => {
  it('maps authorization, capture and refunds of an order, each carrying its Stripe event id', async () => {
    const { paymentId } = await payments.createPayment({
      orderId: 'ord-hook-1',
      customerId: 'cus-1',
      amount: 8_000,
      currency: 'usd',
      captureMethod: 'manual',
      idempotencyKey: 'place-hook-1',
    });
    fake.ledger.simulateCustomerPayment(paymentId);

    const authorized = deliver('payment_intent.amount_capturable_updated', paymentId);
    expect(authorized.notification).toEqual({
      providerEventId: authorized.event.id,
      kind: 'payment_authorized',
      orderId: 'ord-hook-1',
      paymentId,
      amount: 8_000,
      currency: 'USD',
    });

    await payments.capture({ paymentId, amount: 7_000, idempotencyKey: 'ship-hook-1' });
    const succeeded = deliver('payment_intent.succeeded', paymentId);
    expect(succeeded.notification).toEqual({
      providerEventId: succeeded.event.id,
      kind: 'payment_succeeded',
      orderId: 'ord-hook-1',
      paymentId,
      amount: 7_000,
      currency: 'USD',
    });
    expect(succeeded.event.id).not.toBe(authorized.event.id);

    const chargeId = fake.ledger.retrievePaymentIntent(paymentId).latest_charge!;
    const refund = { paymentId, orderId: 'ord-hook-1', reason: 'damaged' };
    const first = await payments.refund({ ...refund, amount: 1_500, idempotencyKey: 'refund-hook-1' });
    expect(deliver('charge.refunded', chargeId).notification).toMatchObject({
      kind: 'refund_succeeded',
      orderId: 'ord-hook-1',
      paymentId,
      amount: 1_500,
      refundId: first.refundId,
    });
    // The charge's running total is 2,500 now; the notification names this refund's 1,000.
    const second = await payments.refund({ ...refund, amount: 1_000, idempotencyKey: 'refund-hook-2' });
    expect(deliver('charge.refunded', chargeId).notification).toMatchObject({
      amount: 1_000,
      refundId: second.refundId,
    });

    fake.ledger.simulateRefundFailure(second.refundId, 'expired_or_canceled_card');
    const failed = deliver('refund.updated', second.refundId);
    expect(failed.notification).toEqual({
      providerEventId: failed.event.id,
      kind: 'refund_failed',
      orderId: 'ord-hook-1',
      paymentId,
      amount: 1_000,
      currency: 'USD',
      refundId: second.refundId,
      reason: 'expired_or_canceled_card',
    });
  });

  it("maps a declined card to a failed payment with Stripe's reason", async () => {
    const { paymentId } = await payments.createPayment({
      orderId: 'ord-hook-2',
      customerId: 'cus-2',
      amount: 4_200,
      currency: 'EUR',
      captureMethod: 'automatic',
      idempotencyKey: 'place-hook-2',
    });
    fake.ledger.simulateCustomerPayment(paymentId, 'declined');
    expect(deliver('payment_intent.payment_failed', paymentId).notification).toMatchObject({
      kind: 'payment_failed',
      orderId: 'ord-hook-2',
      amount: 4_200,
      currency: 'EUR',
      reason: 'Your card was declined.',
    });
    // Events Quartermaster does not act on are verified, then ignored.
    expect(deliver('payment_intent.created', paymentId).notification).toBeNull();
  });

  it('rejects a tampered body, a wrong secret, a stale signature and a missing one', async () => {
    const { paymentId } = await payments.createPayment({
      orderId: 'ord-hook-3',
      customerId: 'cus-3',
      amount: 1_000,
      currency: 'EUR',
      captureMethod: 'automatic',
      idempotencyKey: 'place-hook-3',
    });
    fake.ledger.simulateCustomerPayment(paymentId);
    const event = fake.lastEvent('payment_intent.succeeded', paymentId);
    const { payload, signature } = signWebhook(event, WEBHOOK_SECRET);
    expect(verifyStripeWebhook(payload, signature, WEBHOOK_SECRET)).not.toBeNull();

    const tampered = payload.replace('"amount_received": 1000', '"amount_received": 100000');
    expect(tampered).not.toBe(payload);
    expect(() => verifyStripeWebhook(tampered, signature, WEBHOOK_SECRET)).toThrow(WebhookSignatureInvalid);
    expect(() => verifyStripeWebhook(payload, signature, 'whsec_someone_else')).toThrow(
      WebhookSignatureInvalid,
    );

    const stale = signWebhook(event, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3600);
    expect(() => verifyStripeWebhook(stale.payload, stale.signature, WEBHOOK_SECRET)).toThrow(/tolerance/);
    expect(() => verifyStripeWebhook(payload, '', WEBHOOK_SECRET)).toThrow(WebhookSignatureInvalid);
  });
});
