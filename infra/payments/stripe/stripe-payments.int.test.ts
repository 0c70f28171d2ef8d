import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IdempotencyKeyReused,
  InvalidPaymentRequest,
  PaymentNotCancelable,
  PaymentNotFound,
  PaymentProviderError,
  RefundExceedsCaptured,
  type CreatePaymentInput,
  type PaymentsPort,
} from '../../../ports/payments.ts';
import { startFakeStripe, type FakeStripe } from '../../../test-support/fake-stripe/start-fake-stripe.ts';
import { createStripePayments, type StripePaymentsOptions } from './create-stripe-payments.ts';

const SECRET_KEY = 'sk_test_quartermaster_fake';

let fake: FakeStripe;
let payments: PaymentsPort;
let run = 0;

/** A fresh order each time, so tests never share idempotency keys on the one fake account. */
function order(overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput {
  run += 1;
  return {
    orderId: `ord-${run}`,
    customerId: 'cus-7',
    amount: 12_500,
    currency: 'EUR',
    captureMethod: 'manual',
    idempotencyKey: `place-ord-${run}`,
    ...overrides,
  };
}

function clientFor(options: Partial<StripePaymentsOptions> = {}): PaymentsPort {
  return createStripePayments({
    secretKey: SECRET_KEY,
    host: fake.host,
    port: fake.port,
    protocol: fake.protocol,
    maxNetworkRetries: 0,
    ...options,
  });
}

beforeAll(async () => {
  fake = await startFakeStripe({ secretKey: SECRET_KEY });
  payments = clientFor();
});

afterAll(async () => {
  await fake.close();
});

describe('Stripe payments through the real SDK', () => {
  it('creates a PaymentIntent carrying the order, the customer and the capture method', async () => {
    const input = order();
    const created = await payments.createPayment(input);

    expect(payments.provider).toBe('stripe');
    expect(created.paymentId).toMatch(/^pi_\w{24}$/);
    expect(created.clientSecret).toMatch(new RegExp(`^${created.paymentId}_secret_`));
    expect(created.status).toBe('awaiting_customer');
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/v1/payment_intents',
      idempotencyKey: `createPayment:${input.idempotencyKey}`,
      params: {
        amount: '12500',
        currency: 'eur',
        capture_method: 'manual',
        metadata: { orderId: input.orderId, customerId: 'cus-7' },
      },
    });
    expect(fake.ledger.retrievePaymentIntent(created.paymentId).metadata).toEqual({
      orderId: input.orderId,
      customerId: 'cus-7',
    });
  });

  it('reads a PaymentIntent back with its client secret and status, and knows no other', async () => {
    const created = await payments.createPayment(order({ captureMethod: 'automatic' }));
    await expect(payments.retrievePayment(created.paymentId)).resolves.toEqual(created);
    fake.ledger.simulateCustomerPayment(created.paymentId);
    await expect(payments.retrievePayment(created.paymentId)).resolves.toMatchObject({ status: 'succeeded' });
    await expect(payments.retrievePayment('pi_nobody')).rejects.toBeInstanceOf(PaymentNotFound);
  });

  it('captures part of an authorization, refunds in parts, and refuses a refund above what remains', async () => {
    const input = order();
    const { paymentId } = await payments.createPayment(input);
    fake.ledger.simulateCustomerPayment(paymentId);

    const captured = await payments.capture({
      paymentId,
      amount: 10_000,
      idempotencyKey: `ship-${input.orderId}`,
    });
    expect(captured).toEqual({ paymentId, amountCaptured: 10_000 });
    expect(fake.ledger.retrievePaymentIntent(paymentId)).toMatchObject({
      status: 'succeeded',
      amount_received: 10_000,
      amount_capturable: 0,
    });

    const refund = { paymentId, orderId: input.orderId, reason: 'one item damaged' };
    const first = await payments.refund({ ...refund, amount: 4_000, idempotencyKey: 'refund-a' });
    expect(first.refundId).toMatch(/^re_/);
    expect(first.status).toBe('succeeded');
    expect(fake.requests.at(-1)!.params).toEqual({
      payment_intent: paymentId,
      amount: '4000',
      metadata: { orderId: input.orderId, reason: 'one item damaged' },
    });

    const tooMuch = payments.refund({ ...refund, amount: 6_001, idempotencyKey: 'refund-b' });
    await expect(tooMuch).rejects.toBeInstanceOf(RefundExceedsCaptured);
    await expect(tooMuch).rejects.toMatchObject({
      paymentId,
      requestedAmount: 6_001,
      providerCode: 'amount_too_large',
    });

    const rest = await payments.refund({ ...refund, amount: 6_000, idempotencyKey: 'refund-c' });
    expect(rest.refundId).not.toBe(first.refundId);
    await expect(payments.refund({ ...refund, amount: 1, idempotencyKey: 'refund-d' })).rejects.toMatchObject(
      {
        name: 'RefundExceedsCaptured',
        providerCode: 'charge_already_refunded',
      },
    );
  });

  it('passes Stripe refund reasons on, keeping every reason in the metadata', async () => {
    const input = order({ captureMethod: 'automatic' });
    const { paymentId } = await payments.createPayment(input);
    fake.ledger.simulateCustomerPayment(paymentId);
    expect(fake.ledger.retrievePaymentIntent(paymentId).status).toBe('succeeded');

    await payments.refund({
      paymentId,
      orderId: input.orderId,
      amount: 12_500,
      reason: 'requested_by_customer',
      idempotencyKey: `refund-${input.orderId}`,
    });
    expect(fake.requests.at(-1)!.params).toMatchObject({
      reason: 'requested_by_customer',
      metadata: { reason: 'requested_by_customer' },
    });
  });

  it('refuses to capture before the customer paid, or more than authorized, and reports an earlier capture', async () => {
    const input = order();
    const { paymentId } = await payments.createPayment(input);
    await expect(
      payments.capture({ paymentId, amount: 12_500, idempotencyKey: 'cap-early' }),
    ).rejects.toMatchObject({
      name: 'PaymentNotCapturable',
      status: 'awaiting_customer',
    });

    fake.ledger.simulateCustomerPayment(paymentId);
    await expect(
      payments.capture({ paymentId, amount: 12_501, idempotencyKey: 'cap-big' }),
    ).rejects.toMatchObject({
      name: 'PaymentNotCapturable',
      status: 'authorized',
      requestedAmount: 12_501,
    });

    await payments.capture({ paymentId, amount: 12_500, idempotencyKey: 'cap-1' });
    // A second shipment of the same order, with its own key: nothing more to capture, not an error.
    await expect(payments.capture({ paymentId, amount: 12_500, idempotencyKey: 'cap-2' })).resolves.toEqual({
      paymentId,
      amountCaptured: 12_500,
    });
  });

  it('cancels an unpaid or authorized payment, again without error, and refuses to cancel a captured one', async () => {
    const unpaid = await payments.createPayment(order());
    await expect(
      payments.cancel({ paymentId: unpaid.paymentId, idempotencyKey: 'expire-1' }),
    ).resolves.toEqual({
      paymentId: unpaid.paymentId,
    });
    expect(fake.ledger.retrievePaymentIntent(unpaid.paymentId).status).toBe('canceled');
    await expect(
      payments.cancel({ paymentId: unpaid.paymentId, idempotencyKey: 'expire-2' }),
    ).resolves.toEqual({
      paymentId: unpaid.paymentId,
    });
    await expect(
      payments.capture({ paymentId: unpaid.paymentId, amount: 12_500, idempotencyKey: 'cap-canceled' }),
    ).rejects.toMatchObject({ name: 'PaymentNotCapturable', status: 'canceled' });

    const authorized = await payments.createPayment(order());
    fake.ledger.simulateCustomerPayment(authorized.paymentId);
    await payments.cancel({ paymentId: authorized.paymentId, idempotencyKey: 'cancel-auth' });
    expect(fake.ledger.retrievePaymentIntent(authorized.paymentId)).toMatchObject({
      status: 'canceled',
      amount_capturable: 0,
    });

    const paid = await payments.createPayment(order({ captureMethod: 'automatic' }));
    fake.ledger.simulateCustomerPayment(paid.paymentId);
    const refused = payments.cancel({ paymentId: paid.paymentId, idempotencyKey: 'cancel-paid' });
    await expect(refused).rejects.toBeInstanceOf(PaymentNotCancelable);
    await expect(refused).rejects.toMatchObject({ status: 'succeeded' });
  });

  it('answers a retried call with the same key with the same objects, and does it once', async () => {
    const input = order();
    const first = await payments.createPayment(input);
    const again = await payments.createPayment(input);
    expect(again).toEqual(first);
    expect(fake.requests.at(-1)!.replayed).toBe(true);
    const intents = fake.events.filter(
      (e) =>
        e.type === 'payment_intent.created' &&
        (e.data.object as { metadata: { orderId: string } }).metadata.orderId === input.orderId,
    );
    expect(intents).toHaveLength(1);

    fake.ledger.simulateCustomerPayment(first.paymentId);
    const capture = { paymentId: first.paymentId, amount: 12_500, idempotencyKey: 'cap-retry' };
    await payments.capture(capture);
    await expect(payments.capture(capture)).resolves.toEqual({
      paymentId: first.paymentId,
      amountCaptured: 12_500,
    });

    const refund = {
      paymentId: first.paymentId,
      orderId: input.orderId,
      amount: 2_500,
      reason: 'late',
      idempotencyKey: 'r-retry',
    };
    const refunded = await payments.refund(refund);
    await expect(payments.refund(refund)).resolves.toEqual(refunded);
    expect(
      fake.lastEvent('charge.refunded', fake.ledger.retrievePaymentIntent(first.paymentId).latest_charge!)
        .data.object,
    ).toMatchObject({
      amount_refunded: 2_500,
    });
  });

  it('refuses the same key for a different request, but keeps keys of different operations apart', async () => {
    const input = order();
    await payments.createPayment(input);
    const changed = payments.createPayment({ ...input, amount: 99_999 });
    await expect(changed).rejects.toBeInstanceOf(IdempotencyKeyReused);
    await expect(changed).rejects.toMatchObject({
      operation: 'createPayment',
      idempotencyKey: input.idempotencyKey,
    });

    const { paymentId } = await payments.createPayment(order({ idempotencyKey: 'order-77' }));
    // Same key as the creation, another operation: the adapter's prefix keeps Stripe from replaying the creation.
    await expect(payments.cancel({ paymentId, idempotencyKey: 'order-77' })).resolves.toEqual({ paymentId });
  });

  it('rides out an outage with the SDK retrying under the same idempotency key', async () => {
    const retrying = clientFor({ maxNetworkRetries: 1 });
    const input = order();
    const before = fake.requests.length;
    fake.failNextRequests(1);
    const created = await retrying.createPayment(input);

    const attempts = fake.requests.slice(before);
    expect(attempts.map((r) => r.status)).toEqual([500, 200]);
    expect(new Set(attempts.map((r) => r.idempotencyKey))).toEqual(
      new Set([`createPayment:${input.idempotencyKey}`]),
    );
    expect(fake.ledger.retrievePaymentIntent(created.paymentId).metadata.orderId).toBe(input.orderId);
  });

  it('reports failures it cannot retry past as typed errors saying whether to retry', async () => {
    fake.failNextRequests(1, 503);
    const outage = payments.createPayment(order());
    await expect(outage).rejects.toBeInstanceOf(PaymentProviderError);
    await expect(outage).rejects.toMatchObject({
      provider: 'stripe',
      operation: 'createPayment',
      retryable: true,
      httpStatus: 503,
    });

    const badKey = clientFor({ secretKey: 'sk_test_not_this_one' }).createPayment(order());
    await expect(badKey).rejects.toMatchObject({
      name: 'PaymentProviderError',
      retryable: false,
      httpStatus: 401,
      providerCode: 'api_key_invalid',
    });

    const missing = payments.capture({
      paymentId: 'pi_doesnotexist',
      amount: 1,
      idempotencyKey: 'cap-missing',
    });
    await expect(missing).rejects.toBeInstanceOf(PaymentNotFound);
    await expect(missing).rejects.toMatchObject({ paymentId: 'pi_doesnotexist' });
  });

  it('refuses a fractional amount before anything reaches Stripe', async () => {
    const before = fake.requests.length;
    await expect(payments.createPayment(order({ amount: 125.5 }))).rejects.toBeInstanceOf(
      InvalidPaymentRequest,
    );
    await expect(
      payments.refund({ paymentId: 'pi_x', orderId: 'o', amount: 0.5, reason: 'r', idempotencyKey: 'k' }),
    ).rejects.toBeInstanceOf(InvalidPaymentRequest);
    expect(fake.requests.length).toBe(before);
  });

  it('is refused by the fake like by Stripe when the key is missing altogether', async () => {
    const response = await fetch(`${fake.url}/v1/payment_intents`, {
      method: 'POST',
      body: 'amount=1&currency=eur',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });
});
