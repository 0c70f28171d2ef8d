import { DomainError } from '../errors.ts';

export class CustomerNotFound extends DomainError<{ customerId: string }> {
  override readonly name = 'CustomerNotFound';
  readonly code = 'customer_not_found';
  readonly kind = 'not_found';
  constructor(customerId: string) {
    super(`Customer ${customerId} does not exist`, { customerId });
  }
}

/** Wrong, expired or exhausted: one answer, so the code cannot be probed. */
export class VerificationCodeRefused extends DomainError<{ field: string }> {
  override readonly name = 'VerificationCodeRefused';
  readonly code = 'verification_code_refused';
  readonly kind = 'rule';
  constructor() {
    // No account id: the refusal must not tell who holds an address.
    super('The code is wrong or expired; ask for a new one', { field: 'code' });
  }
}

/** Wrong, expired, used or exhausted, or no such account: one answer, so nothing can be probed. */
export class ResetCodeRefused extends DomainError<{ field: string }> {
  override readonly name = 'ResetCodeRefused';
  readonly code = 'reset_code_refused';
  readonly kind = 'rule';
  constructor() {
    super('The code is wrong or expired; ask for a new one', { field: 'code' });
  }
}
