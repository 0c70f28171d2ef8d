import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CurrencyMismatch, ValidationFailed } from './errors.ts';
import {
  add,
  compare,
  equals,
  isMoney,
  money,
  multiply,
  percentage,
  requireMoney,
  split,
  subtract,
  sum,
  zero,
} from './money.ts';

const eur = (amount: number) => money(amount, 'EUR');

describe('money', () => {
  it('holds integer minor units with a currency', () => {
    expect(eur(1299)).toEqual({ amount: 1299, currency: 'EUR' });
    expect(zero('JPY')).toEqual({ amount: 0, currency: 'JPY' });
    expect(isMoney({ amount: 5, currency: 'USD' })).toBe(true);
    expect(isMoney({ amount: 0.5, currency: 'USD' })).toBe(false);
    expect(isMoney(null)).toBe(false);
  });

  it.each([0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'refuses amount %s',
    (amount) => {
      expect(() => eur(amount)).toThrow(ValidationFailed);
    },
  );

  it.each(['eur', 'EURO', ''])('refuses currency %j', (currency) => {
    expect(() => money(1, currency)).toThrow(ValidationFailed);
  });

  it('refuses negative amounts in commands unless allowed', () => {
    expect(() => requireMoney('price', eur(-1))).toThrow(ValidationFailed);
    expect(requireMoney('delta', eur(-1), { allowNegative: true })).toEqual(eur(-1));
  });

  it('adds, subtracts, multiplies and sums in one currency', () => {
    expect(add(eur(10), eur(5))).toEqual(eur(15));
    expect(subtract(eur(10), eur(15))).toEqual(eur(-5));
    expect(multiply(eur(1299), 3)).toEqual(eur(3897));
    expect(sum('EUR', [eur(1), eur(2), eur(3)])).toEqual(eur(6));
    expect(sum('EUR', [])).toEqual(eur(0));
    expect(equals(eur(1), eur(1))).toBe(true);
    expect(equals(eur(1), money(1, 'USD'))).toBe(false);
    expect(compare(eur(1), eur(2))).toBe(-1);
    expect(compare(eur(2), eur(2))).toBe(0);
    expect(compare(eur(3), eur(2))).toBe(1);
  });

  it('refuses to mix currencies', () => {
    const error = (() => {
      try {
        add(eur(1), money(1, 'USD'));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CurrencyMismatch);
    expect((error as CurrencyMismatch).details).toEqual({ expected: 'EUR', actual: 'USD' });
    expect(() => compare(eur(1), money(1, 'USD'))).toThrow(CurrencyMismatch);
  });

  it('refuses overflow beyond safe integers', () => {
    expect(() => add(eur(Number.MAX_SAFE_INTEGER), eur(1))).toThrow(ValidationFailed);
    expect(() => multiply(eur(Number.MAX_SAFE_INTEGER), 2)).toThrow(ValidationFailed);
    expect(() => multiply(eur(1), 1.5)).toThrow(ValidationFailed);
  });

  it('takes percentages in basis points with integer rounding', () => {
    expect(percentage(eur(1000), 1250)).toEqual(eur(125));
    expect(percentage(eur(5), 1000)).toEqual(eur(1)); // 0.5 rounds half up
    expect(percentage(eur(15), 1000, 'half_even')).toEqual(eur(2)); // 1.5 → 2
    expect(percentage(eur(25), 1000, 'half_even')).toEqual(eur(2)); // 2.5 → 2
    expect(percentage(eur(19), 1000, 'down')).toEqual(eur(1));
    expect(percentage(eur(-5), 1000)).toEqual(eur(-1)); // half away from zero
    expect(percentage(eur(16), 1000)).toEqual(eur(2));
    expect(percentage(eur(14), 1000)).toEqual(eur(1));
    expect(percentage(eur(Number.MAX_SAFE_INTEGER), 10_000)).toEqual(eur(Number.MAX_SAFE_INTEGER));
    expect(() => percentage(eur(1), 12.5)).toThrow(ValidationFailed);
  });

  it('splits without losing a minor unit', () => {
    expect(split(eur(100), [1, 1, 1])).toEqual([eur(34), eur(33), eur(33)]);
    expect(split(eur(-100), [1, 1, 1])).toEqual([eur(-34), eur(-33), eur(-33)]);
    expect(split(eur(10), [0, 1])).toEqual([eur(0), eur(10)]);
    expect(() => split(eur(10), [])).toThrow(ValidationFailed);
    expect(() => split(eur(10), [0, 0])).toThrow(ValidationFailed);
    expect(() => split(eur(10), [-1, 2])).toThrow(ValidationFailed);
  });

  it('percentage gives the same amount in doubles as in BigInt, for every rounding', () => {
    // The rounding the amount is defined by, in BigInt: money.ts takes it only past safe products.
    const reference = (amount: number, basisPoints: number, rounding: 'half_up' | 'half_even' | 'down') => {
      const product = BigInt(amount) * BigInt(basisPoints);
      const magnitude = product < 0n ? -product : product;
      let quotient = magnitude / 10_000n;
      const twice = (magnitude % 10_000n) * 2n;
      if (twice !== 0n && rounding !== 'down') {
        if (twice > 10_000n || (twice === 10_000n && (rounding === 'half_up' || quotient % 2n === 1n)))
          quotient += 1n;
      }
      return (product < 0n ? -Number(quotient) : Number(quotient)) || 0;
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1_000_000, max: 1_000_000 }),
          fc.integer({ min: -(2 ** 39), max: 2 ** 39 }),
        ),
        fc.oneof(fc.integer({ min: -20_000, max: 20_000 }), fc.constantFrom(5000, 15_000, 2500)),
        fc.constantFrom('half_up' as const, 'half_even' as const, 'down' as const),
        (amount, basisPoints, rounding) => {
          expect(percentage(eur(amount), basisPoints, rounding).amount).toBe(
            reference(amount, basisPoints, rounding),
          );
        },
      ),
    );
  });

  it('split always sums to the original amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 10 })
          .filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const shares = split(eur(amount), weights);
          expect(shares.reduce((total, share) => total + share.amount, 0)).toBe(amount);
          shares.forEach((share, i) => {
            if (weights[i] === 0) expect(share.amount).toBe(0);
          });
        },
      ),
    );
  });

  it('split gives the same shares in doubles as in BigInt (largest remainder, ties by position)', () => {
    // The split the shares are defined by, in BigInt: money.ts takes it only past safe integers.
    const reference = (amount: number, weights: number[]) => {
      const total = BigInt(weights.reduce((a, b) => a + b, 0));
      const magnitude = BigInt(Math.abs(amount));
      const exact = weights.map((w) => magnitude * BigInt(w));
      const shares = exact.map((e) => e / total);
      const left = magnitude - shares.reduce((a, b) => a + b, 0n);
      const order = exact
        .map((e, i) => ({ i, r: e % total }))
        .sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
      for (const { i } of order.slice(0, Number(left))) shares[i]! += 1n;
      return shares.map((share) => (amount < 0 ? -Number(share) : Number(share)) || 0);
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc
          // Up to 120 shares: past 32 units left over, the shares are picked by a sort, not an insertion.
          .array(fc.integer({ min: 0, max: 2 ** 12 }), { minLength: 1, maxLength: 120 })
          .filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          expect(split(eur(amount), weights).map((m) => m.amount)).toEqual(reference(amount, weights));
        },
      ),
    );
    expect(split(eur(Number.MAX_SAFE_INTEGER), [3, 1]).map((m) => m.amount)).toEqual(
      reference(Number.MAX_SAFE_INTEGER, [3, 1]),
    );
  });
});
