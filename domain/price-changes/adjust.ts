import { ValidationFailed } from '../errors.ts';
import type { Money } from '../money.ts';
import type { PriceAdjustment, PriceRounding } from './events.ts';

/** Minor units in one step of the price point (x.99 of a currency with cents). */
const POINT = 100;

export function validateAdjustment(adjustment: PriceAdjustment, rounding: PriceRounding): void {
  if (adjustment.kind === 'percent') {
    // −100 % or less would make every price zero or negative: no shop means that.
    if (!Number.isSafeInteger(adjustment.basisPoints) || adjustment.basisPoints <= -10_000)
      throw new ValidationFailed('adjustment.basisPoints', 'must be an integer above -10000');
    if (adjustment.basisPoints === 0) throw new ValidationFailed('adjustment.basisPoints', 'must not be 0');
  } else if (adjustment.kind === 'fixed') {
    if (!Number.isSafeInteger(adjustment.amount) || adjustment.amount === 0)
      throw new ValidationFailed('adjustment.amount', 'must be a non-zero integer of minor units');
    if (!/^[A-Z]{3}$/.test(adjustment.currency))
      throw new ValidationFailed('adjustment.currency', 'must be an ISO 4217 code');
  } else {
    throw new ValidationFailed('adjustment.kind', 'must be percent or fixed');
  }
  if (rounding.kind === 'price_point') {
    if (!Number.isInteger(rounding.ending) || rounding.ending < 0 || rounding.ending >= POINT)
      throw new ValidationFailed('rounding.ending', 'must be an integer from 0 to 99');
  } else if (rounding.kind !== 'none') {
    throw new ValidationFailed('rounding.kind', 'must be none or price_point');
  }
}

/**
 * A price after a mass change: the adjustment (a percent rounded half away from zero to the minor
 * unit), then the rounding to the nearest price point (12.34 → 11.99 or 12.99, whichever is closer;
 * a tie goes up). `negative` when the result would be below 0, `currency_mismatch` for a fixed
 * amount in another currency: that product is skipped.
 */
export function adjustPrice(
  price: Money,
  adjustment: PriceAdjustment,
  rounding: PriceRounding,
): Money | 'negative' | 'currency_mismatch' {
  if (adjustment.kind === 'fixed' && adjustment.currency !== price.currency) return 'currency_mismatch';
  const adjusted =
    adjustment.kind === 'percent'
      ? price.amount + roundHalfUp((price.amount * adjustment.basisPoints) / 10_000)
      : price.amount + adjustment.amount;
  const rounded = rounding.kind === 'none' ? adjusted : nearestPricePoint(adjusted, rounding.ending);
  if (rounded < 0) return 'negative';
  // A raise of thousands of percent on a huge price can pass what an integer holds exactly.
  if (!Number.isSafeInteger(rounded))
    throw new ValidationFailed('adjustment', `takes ${price.amount} past the largest amount`);
  return { amount: rounded, currency: price.currency };
}

function roundHalfUp(value: number): number {
  // Math.round rounds −2.5 to −2: half away from zero keeps a cut and a raise symmetrical.
  return Math.sign(value) * Math.round(Math.abs(value));
}

function nearestPricePoint(amount: number, ending: number): number {
  const below = amount - ((((amount - ending) % POINT) + POINT) % POINT);
  const above = below === amount ? amount : below + POINT;
  if (below < 0) return above;
  return amount - below < above - amount ? below : above;
}
