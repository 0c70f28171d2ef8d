import { DomainError } from '../errors.ts';

/**
 * The order would cost another total than the buyer confirmed (a price, promotion, shipping or tax
 * moved between the buyer's last look and the placement): nothing is placed.
 */
export class TotalChanged extends DomainError<{ currency: string; expected: number; actual: number }> {
  override readonly name = 'TotalChanged';
  readonly code = 'total_changed';
  readonly kind = 'conflict';
  constructor(details: { currency: string; expected: number; actual: number }) {
    super(`The total is ${details.actual} now, not the ${details.expected} confirmed`, details);
  }
}
