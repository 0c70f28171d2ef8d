import { describe, expect, it } from 'vitest';
import { InvalidPaymentRequest } from '../../ports/payments.ts';
import { createManualPayments, manualPaymentId } from './manual-payments.ts';

const order = {
  orderId: 'ord-42',
  customerId: 'cus-7',
  amount: 12_345,
  currency: 'EUR',
  captureMethod: 'manual' as const,
  idempotencyKey: 'place-ord-42',
};

describe('manual payments', () => {
  const payments = createManualPayments();

  it('names itself manual', () => {
    expect(payments.provider).toBe('manual');
  });

  it('opens a payment an admin has to record, with an id derived from the order', async () => {
    const created = await payments.createPayment(order);
    expect(created).toEqual({ paymentId: 'manual_ord-42', clientSecret: null, status: 'awaiting_admin' });
    expect(manualPaymentId('ord-42')).toBe(created.paymentId);
    // A retried placement (another key, even) gets the same id: nothing was created anywhere.
    await expect(payments.createPayment({ ...order, idempotencyKey: 'retry' })).resolves.toEqual(created);
  });

  it('captures, cancels and refunds without a provider', async () => {
    await expect(
      payments.capture({ paymentId: 'manual_ord-42', amount: 10_000, idempotencyKey: 'ship-1' }),
    ).resolves.toEqual({ paymentId: 'manual_ord-42', amountCaptured: 10_000 });
    await expect(
      payments.cancel({ paymentId: 'manual_ord-42', idempotencyKey: 'cancel-1' }),
    ).resolves.toEqual({
      paymentId: 'manual_ord-42',
    });
    const refund = {
      paymentId: 'manual_ord-42',
      orderId: 'ord-42',
      amount: 500,
      reason: 'damaged in transit',
      idempotencyKey: 'refund-1',
    };
    const first = await payments.refund(refund);
    expect(first).toEqual({ refundId: 'manual_refund_refund-1', status: 'succeeded' });
    await expect(payments.refund(refund)).resolves.toEqual(first);
    await expect(payments.refund({ ...refund, idempotencyKey: 'refund-2' })).resolves.not.toEqual(first);
  });

  it.each([
    ['a float', 12.5],
    ['zero', 0],
    ['a negative amount', -100],
    ['NaN', Number.NaN],
    ['an unsafe integer', 2 ** 53],
  ])('refuses %s as an amount, as Stripe would', async (_label, amount) => {
    await expect(payments.createPayment({ ...order, amount })).rejects.toMatchObject({
      name: 'InvalidPaymentRequest',
      operation: 'createPayment',
      field: 'amount',
    });
    await expect(
      payments.capture({ paymentId: 'manual_ord-42', amount, idempotencyKey: 'k' }),
    ).rejects.toBeInstanceOf(InvalidPaymentRequest);
    await expect(
      payments.refund({
        paymentId: 'manual_ord-42',
        orderId: 'ord-42',
        amount,
        reason: 'r',
        idempotencyKey: 'k',
      }),
    ).rejects.toBeInstanceOf(InvalidPaymentRequest);
  });

  it('refuses a malformed currency, an empty order id and an empty or huge idempotency key', async () => {
    await expect(payments.createPayment({ ...order, currency: 'EURO' })).rejects.toMatchObject({
      field: 'currency',
    });
    await expect(payments.createPayment({ ...order, orderId: ' ' })).rejects.toMatchObject({
      field: 'orderId',
    });
    await expect(payments.createPayment({ ...order, idempotencyKey: '' })).rejects.toMatchObject({
      field: 'idempotencyKey',
    });
    await expect(
      payments.cancel({ paymentId: 'manual_ord-42', idempotencyKey: 'k'.repeat(201) }),
    ).rejects.toMatchObject({ field: 'idempotencyKey', operation: 'cancel' });
  });
});
