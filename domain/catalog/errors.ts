import { DomainError } from '../errors.ts';

/** The refusals of the catalog aggregate; the kinds and the base class are in domain/errors.ts. */
export class ProductNotFound extends DomainError<{ productId: string }> {
  override readonly name = 'ProductNotFound';
  readonly code = 'product_not_found';
  readonly kind = 'not_found';
  constructor(productId: string) {
    super(`Product ${productId} does not exist`, { productId });
  }
}
