import { DomainError } from '../errors.ts';

/** The refusals of the roles aggregate; the kinds and the base class are in domain/errors.ts. */
export class RoleNotFound extends DomainError<{ name: string }> {
  override readonly name = 'RoleNotFound';
  readonly code = 'role_not_found';
  readonly kind = 'not_found';
  constructor(name: string) {
    super(`Role ${name} does not exist`, { name });
  }
}

export class RoleRetiredError extends DomainError<{ name: string }> {
  override readonly name = 'RoleRetired';
  readonly code = 'role_retired';
  readonly kind = 'rule';
  constructor(name: string) {
    super(`Role ${name} is retired`, { name });
  }
}
