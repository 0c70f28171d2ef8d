import { DomainError } from '../errors.ts';

/** The refusals of the locations aggregate; the kinds and the base class are in domain/errors.ts. */
export class LocationNotFound extends DomainError<{ locationId: string }> {
  override readonly name = 'LocationNotFound';
  readonly code = 'location_not_found';
  readonly kind = 'not_found';
  constructor(locationId: string) {
    super(`Location ${locationId} does not exist`, { locationId });
  }
}
