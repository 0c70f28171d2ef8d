import { CurrencyMismatch, ValidationFailed } from './errors.ts';

/**
 * An amount in integer minor units (cents, pence, yen) with its ISO 4217 code. Floats never hold
 * money: 0.1 + 0.2 is not 0.3, and a total that is off by a cent breaks reconciliation with Stripe.
 */
export type Money = { amount: number; currency: string };

export type Rounding = 'half_up' | 'half_even' | 'down';

const CURRENCY = /^[A-Z]{3}$/;

export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const { amount, currency } = value as Record<string, unknown>;
  return Number.isSafeInteger(amount) && typeof currency === 'string' && CURRENCY.test(currency);
}

/** Builds a Money, refusing fractional, unsafe or non-finite amounts and malformed currency codes. */
export function money(amount: number, currency: string, field = 'amount'): Money {
  if (!CURRENCY.test(currency)) throw new ValidationFailed(`${field}.currency`, 'must be an ISO 4217 code');
  return { amount: safe(amount, `${field}.amount`), currency };
}

/** Validates Money from a command: well-formed, and not negative unless the caller says so. */
export function requireMoney(field: string, value: Money, options: { allowNegative?: boolean } = {}): Money {
  const checked = money(value.amount, value.currency, field);
  if (!options.allowNegative && checked.amount < 0) {
    throw new ValidationFailed(`${field}.amount`, 'must not be negative');
  }
  return checked;
}

export function zero(currency: string): Money {
  return money(0, currency);
}

export function requireSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatch({ expected: a.currency, actual: b.currency });
}

export function add(a: Money, b: Money): Money {
  requireSameCurrency(a, b);
  return { amount: safe(a.amount + b.amount), currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  requireSameCurrency(a, b);
  return { amount: safe(a.amount - b.amount), currency: a.currency };
}

export function multiply(price: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new ValidationFailed('quantity', 'must be an integer');
  return { amount: safe(price.amount * quantity), currency: price.currency };
}

export function sum(currency: string, amounts: readonly Money[]): Money {
  return amounts.reduce(add, zero(currency));
}

export function equals(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}

/** -1, 0 or 1; only amounts in the same currency compare. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  requireSameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

/**
 * A percentage given in basis points (1250 = 12.5 %), so the rate is an integer too. BigInt keeps
 * `amount × rate` exact even when it passes 2^53 before the division.
 */
export function percentage(value: Money, basisPoints: number, rounding: Rounding = 'half_up'): Money {
  if (!Number.isSafeInteger(basisPoints)) throw new ValidationFailed('basisPoints', 'must be an integer');
  const amount = divide(BigInt(value.amount) * BigInt(basisPoints), 10_000n, rounding);
  return { amount: safe(Number(amount)), currency: value.currency };
}

/**
 * Splits an amount by integer weights without losing or inventing a minor unit (largest
 * remainder; ties go to the earlier share), e.g. to spread a refund or discount over lines.
 */
export function split(value: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) throw new ValidationFailed('weights', 'must not be empty');
  weights.forEach((w, i) => {
    if (!Number.isSafeInteger(w) || w < 0)
      throw new ValidationFailed(`weights[${i}]`, 'must be a non-negative integer');
  });
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) throw new ValidationFailed('weights', 'must not all be zero');
  const size = Math.abs(value.amount);
  // Every product and sum below stays an exact integer in a double: the same shares without BigInt
  // (the promotion engine splits on every discount of every cart pricing).
  if (Number.isSafeInteger(size) && Number.isSafeInteger(size * total))
    return splitExactly(value, size, weights, total);
  const amount = BigInt(value.amount);
  const sign = amount < 0n ? -1n : 1n;
  const magnitude = amount * sign;
  const exact = weights.map((w) => magnitude * BigInt(w));
  const shares = exact.map((e) => e / BigInt(total));
  let left = magnitude - shares.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((e, i) => ({ i, remainder: e % BigInt(total) }))
    .sort((x, y) => (x.remainder === y.remainder ? x.i - y.i : x.remainder > y.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((share) => ({ amount: Number(share * sign), currency: value.currency }));
}

/** `split` where `magnitude * total` is a safe integer: the same largest-remainder shares. */
function splitExactly(value: Money, magnitude: number, weights: readonly number[], total: number): Money[] {
  const shares: number[] = [];
  const remainders: number[] = [];
  let left = magnitude;
  for (const weight of weights) {
    const exact = magnitude * weight;
    let share = Math.floor(exact / total);
    // The division is rounded: correct it so that `exact = share * total + remainder` exactly.
    let remainder = exact - share * total;
    if (remainder < 0) [share, remainder] = [share - 1, remainder + total];
    else if (remainder >= total) [share, remainder] = [share + 1, remainder - total];
    shares.push(share);
    remainders.push(remainder);
    left -= share;
  }
  const order = remainders
    .map((remainder, i) => ({ i, remainder }))
    .sort((x, y) => (x.remainder === y.remainder ? x.i - y.i : y.remainder - x.remainder));
  for (const { i } of order) {
    if (left === 0) break;
    shares[i] = shares[i]! + 1;
    left -= 1;
  }
  const sign = value.amount < 0 ? -1 : 1;
  return shares.map((share) => ({ amount: share === 0 ? 0 : share * sign, currency: value.currency }));
}

function divide(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n || rounding === 'down') return quotient;
  const away = numerator < 0n ? quotient - 1n : quotient + 1n;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twice > denominator) return away;
  if (twice < denominator) return quotient;
  if (rounding === 'half_up') return away;
  return quotient % 2n === 0n ? quotient : away;
}

function safe(amount: number, field = 'amount'): number {
  if (!Number.isSafeInteger(amount)) {
    throw new ValidationFailed(field, 'must be an integer number of minor units within the safe range');
  }
  return amount;
}
