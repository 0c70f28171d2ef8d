import { DomainError } from '../errors.ts';

/** Erasure is final: a second request for the same subject is refused (its first run answered). */
export class AlreadyErased extends DomainError<{ customerId: string }> {
  override readonly name = 'AlreadyErased';
  readonly code = 'already_erased';
  readonly kind = 'conflict';
  constructor(customerId: string) {
    super(`Customer ${customerId} is already erased`, { customerId });
  }
}
