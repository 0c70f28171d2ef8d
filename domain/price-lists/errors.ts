import { DomainError } from '../errors.ts';

export type PriceListNotFoundDetails = { priceListId: string };

export class PriceListNotFound extends DomainError<PriceListNotFoundDetails> {
  override readonly name = 'PriceListNotFound';
  readonly code = 'price_list_not_found';
  readonly kind = 'not_found';
  constructor(priceListId: string) {
    super(`Price list ${priceListId} does not exist`, { priceListId });
  }
}
