import {
  InvalidPaymentRequest,
  type CreatePaymentInput,
  type PaymentOperation,
} from '../../ports/payments.ts';

/**
 * Input checks every payments adapter runs before doing anything, so that a float amount or an
 * empty idempotency key fails the same way with Stripe and with the manual provider, and never
 * reaches the network.
 */
export function checkAmount(operation: PaymentOperation, field: string, amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new InvalidPaymentRequest(
      operation,
      field,
      `must be a positive integer in minor units, got ${amount}`,
    );
  }
}

/**
 * Stripe accepts 255 characters and the Stripe adapter prefixes the operation, hence 200; the manual
 * provider holds itself to the same so that a key valid in embedded mode stays valid with Stripe.
 */
export function checkIdempotencyKey(operation: PaymentOperation, key: string): void {
  if (key.trim() === '' || key.length > 200) {
    throw new InvalidPaymentRequest(operation, 'idempotencyKey', 'must be 1 to 200 characters');
  }
}

export function checkId(operation: PaymentOperation, field: string, value: string): void {
  if (value.trim() === '') throw new InvalidPaymentRequest(operation, field, 'must not be empty');
}

const CURRENCY = /^[A-Za-z]{3}$/;

export function checkCreatePayment(input: CreatePaymentInput): void {
  checkId('createPayment', 'orderId', input.orderId);
  checkId('createPayment', 'customerId', input.customerId);
  checkAmount('createPayment', 'amount', input.amount);
  if (!CURRENCY.test(input.currency)) {
    throw new InvalidPaymentRequest(
      'createPayment',
      'currency',
      `must be an ISO 4217 code, got ${input.currency}`,
    );
  }
  checkIdempotencyKey('createPayment', input.idempotencyKey);
}
