import { DomainError } from '../errors.ts';

/** The code was wrong, already used, or no second factor is set up: one answer for all. */
export class SecondFactorRefused extends DomainError<{ accountId: string }> {
  override readonly name = 'SecondFactorRefused';
  readonly code = 'second_factor_refused';
  readonly kind = 'rule';
  constructor(accountId: string) {
    super('The code is wrong or already used', { accountId });
  }
}

export class TotpNotPending extends DomainError<{ accountId: string }> {
  override readonly name = 'TotpNotPending';
  readonly code = 'totp_not_pending';
  readonly kind = 'rule';
  constructor(accountId: string) {
    super('Start a TOTP enrolment first (or it is already confirmed)', { accountId });
  }
}
