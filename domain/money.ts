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
  const product = value.amount * basisPoints;
  // An exact product in a double needs no BigInt: the same rounding without allocating one per call
  // (the promotion engine takes a percentage of every line for every percent-off it weighs). A
  // fractional amount is refused below, as before.
  if (Number.isSafeInteger(value.amount) && Number.isSafeInteger(product))
    return { amount: percentOfExact(product, rounding), currency: value.currency };
  const amount = divide(BigInt(value.amount) * BigInt(basisPoints), 10_000n, rounding);
  return { amount: safe(Number(amount)), currency: value.currency };
}

/** `divide(product, 10 000, rounding)` for a safe-integer `product`, in doubles. */
function percentOfExact(product: number, rounding: Rounding): number {
  const magnitude = Math.abs(product);
  const quotient = exactQuotient(magnitude, 10_000);
  const remainder = magnitude - quotient * 10_000;
  // Rounding works on the magnitude, as `divide` does: "up" is away from zero.
  const twice = remainder * 2;
  const away =
    remainder !== 0 &&
    rounding !== 'down' &&
    (twice > 10_000 || (twice === 10_000 && (rounding === 'half_up' || quotient % 2 === 1)));
  const rounded = away ? quotient + 1 : quotient;
  return rounded === 0 ? 0 : product < 0 ? -rounded : rounded;
}

/**
 * Splits an amount by integer weights without losing or inventing a minor unit (largest
 * remainder; ties go to the earlier share), e.g. to spread a refund or discount over lines.
 */
export function split(value: Money, weights: readonly number[]): Money[] {
  return splitAmount(value.amount, weights).map((amount) => ({ amount, currency: value.currency }));
}

/** `split` on a bare number of minor units, for callers that work on amounts of one known currency. */
export function splitAmount(amount: number, weights: readonly number[]): number[] {
  if (weights.length === 0) throw new ValidationFailed('weights', 'must not be empty');
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!Number.isSafeInteger(w) || w < 0)
      throw new ValidationFailed(`weights[${i}]`, 'must be a non-negative integer');
    total += w;
  }
  if (total === 0) throw new ValidationFailed('weights', 'must not all be zero');
  const size = Math.abs(amount);
  // Every product and sum below stays an exact integer in a double: the same shares without BigInt
  // (the promotion engine splits on every discount of every cart pricing).
  if (Number.isSafeInteger(size) && Number.isSafeInteger(size * total))
    return splitExactly(amount < 0 ? -1 : 1, size, weights, total);
  const big = BigInt(amount);
  const sign = big < 0n ? -1n : 1n;
  const magnitude = big * sign;
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
  return shares.map((share) => Number(share * sign));
}

/** `splitAmount` where `magnitude * total` is a safe integer: the same largest-remainder shares. */
function splitExactly(sign: 1 | -1, magnitude: number, weights: readonly number[], total: number): number[] {
  const shares = new Array<number>(weights.length);
  const remainders = new Array<number>(weights.length);
  let left = magnitude;
  for (let i = 0; i < weights.length; i++) {
    const exact = magnitude * weights[i]!;
    const share = exactQuotient(exact, total);
    shares[i] = share;
    remainders[i] = exact - share * total;
    left -= share;
  }
  // The `left` units (fewer than the shares) go to the largest remainders, ties to the earlier share.
  for (const i of largestFirst(remainders, left)) shares[i] = shares[i]! + 1;
  for (let i = 0; i < shares.length; i++) shares[i] = shares[i] === 0 ? 0 : shares[i]! * sign;
  return shares;
}

/**
 * ⌊n / d⌋ for safe non-negative integers. The double division is rounded, so near a multiple of `d`
 * it can land one off: corrected so that `n = quotient * d + remainder` with `0 ≤ remainder < d`.
 */
function exactQuotient(n: number, d: number): number {
  const quotient = Math.floor(n / d);
  const remainder = n - quotient * d;
  if (remainder < 0) return quotient - 1;
  return remainder >= d ? quotient + 1 : quotient;
}

/**
 * The indices of the `k` largest values, ties to the smaller index. A selection by insertion into a
 * short list instead of a sort of every index: a split gives out fewer units than it has shares, and
 * the promotion engine splits on every discount of every cart pricing, so a sort's scratch arrays
 * were a large part of what it allocated.
 */
function largestFirst(values: readonly number[], k: number): number[] {
  const top: number[] = [];
  if (k <= 0) return top;
  // Past a few dozen units the insertion costs more than sorting every index once.
  if (k > 32)
    return Array.from(values.keys())
      .sort((x, y) => values[y]! - values[x]! || x - y)
      .slice(0, k);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (top.length === k && values[top[k - 1]!]! >= value) continue;
    // Strictly larger values go before; an equal one keeps its place ahead (it has the smaller index).
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && values[top[at - 1]!]! < value) at--;
    if (top.length === k) top.pop();
    top.splice(at, 0, i);
  }
  return top;
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
