import { DomainError } from '../errors.ts';

export class TaxRegionNotFound extends DomainError<{ regionId: string }> {
  override readonly name = 'TaxRegionNotFound';
  readonly code = 'tax_region_not_found';
  readonly kind = 'not_found';
  constructor(regionId: string) {
    super(`Tax region ${regionId} does not exist`, { regionId });
  }
}

/** Two regions for the same place would make the rate depend on which one is read first. */
export class TaxRegionOverlaps extends DomainError<{
  regionId: string;
  country: string;
  region: string | null;
}> {
  override readonly name = 'TaxRegionOverlaps';
  readonly code = 'tax_region_overlaps';
  readonly kind = 'conflict';
  constructor(details: { regionId: string; country: string; region: string | null }) {
    super(
      `Tax region ${details.regionId} already covers ${details.country} ${details.region ?? ''}`,
      details,
    );
  }
}
