import type { JsonObject } from './json.ts';

/**
 * How the API edge should answer a refusal. Status codes live at the edge, not here:
 * conflict → 409, rule → 422, not_found → 404, invalid → 400.
 */
export type ErrorKind = 'conflict' | 'rule' | 'not_found' | 'invalid';

/**
 * A refused command. `code` is stable (clients and tests match on it, never on the message) and
 * `details` is plain JSON, so the edge can put it in a problem+json body as it is.
 */
export abstract class DomainError<Details extends JsonObject = JsonObject> extends Error {
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;
  constructor(
    message: string,
    readonly details: Details,
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export type ValidationFailedDetails = { field: string; reason: string };

/** The command itself is malformed; `field` is a path such as `lines[1].quantity`. */
export class ValidationFailed extends DomainError<ValidationFailedDetails> {
  override readonly name = 'ValidationFailed';
  readonly code = 'validation_failed';
  readonly kind = 'invalid';
  constructor(field: string, reason: string) {
    super(`${field} ${reason}`, { field, reason });
  }
}

export type AlreadyExistsDetails = { aggregate: string; id: string };

export class AlreadyExists extends DomainError<AlreadyExistsDetails> {
  override readonly name = 'AlreadyExists';
  readonly code = 'already_exists';
  readonly kind = 'conflict';
  constructor(details: AlreadyExistsDetails) {
    super(`${details.aggregate} ${details.id} already exists`, details);
  }
}

export type InvalidTransitionDetails = { aggregate: string; id: string; from: string; command: string };

/** The command is not allowed in the aggregate's current state (ship a cancelled order...). */
export class InvalidTransition extends DomainError<InvalidTransitionDetails> {
  override readonly name = 'InvalidTransition';
  readonly code = 'invalid_transition';
  readonly kind = 'rule';
  constructor(details: InvalidTransitionDetails) {
    super(
      `${details.command} is not allowed on ${details.aggregate} ${details.id} while ${details.from}`,
      details,
    );
  }
}

export type NoChangeDetails = { aggregate: string; id: string; field: string };

/** Refused rather than ignored so that the audit log never holds an event that changed nothing. */
export class NoChange extends DomainError<NoChangeDetails> {
  override readonly name = 'NoChange';
  readonly code = 'no_change';
  readonly kind = 'rule';
  constructor(details: NoChangeDetails) {
    super(`${details.field} of ${details.aggregate} ${details.id} already has that value`, details);
  }
}

export type CurrencyMismatchDetails = { expected: string; actual: string };

export class CurrencyMismatch extends DomainError<CurrencyMismatchDetails> {
  override readonly name = 'CurrencyMismatch';
  readonly code = 'currency_mismatch';
  readonly kind = 'rule';
  constructor(details: CurrencyMismatchDetails) {
    super(`Expected an amount in ${details.expected}, got ${details.actual}`, details);
  }
}
