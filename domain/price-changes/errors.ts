import { DomainError } from '../errors.ts';

export type PriceChangeNotFoundDetails = { changeId: string };

export class PriceChangeNotFound extends DomainError<PriceChangeNotFoundDetails> {
  override readonly name = 'PriceChangeNotFound';
  readonly code = 'price_change_not_found';
  readonly kind = 'not_found';
  constructor(changeId: string) {
    super(`Price change ${changeId} does not exist`, { changeId });
  }
}
