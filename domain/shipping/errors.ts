import { DomainError } from '../errors.ts';

export class ShippingZoneNotFound extends DomainError<{ zoneId: string }> {
  override readonly name = 'ShippingZoneNotFound';
  readonly code = 'shipping_zone_not_found';
  readonly kind = 'not_found';
  constructor(zoneId: string) {
    super(`Shipping zone ${zoneId} does not exist`, { zoneId });
  }
}

/** Another zone already has a method with this id: ids name a method on their own. */
export class ShippingMethodTaken extends DomainError<{ methodId: string; zoneId: string }> {
  override readonly name = 'ShippingMethodTaken';
  readonly code = 'shipping_method_taken';
  readonly kind = 'conflict';
  constructor(details: { methodId: string; zoneId: string }) {
    super(`Shipping method ${details.methodId} belongs to zone ${details.zoneId}`, details);
  }
}

export type ShippingUnavailableDetails = {
  field: string;
  methodId: string;
  country: string;
  why: 'unknown_method' | 'not_in_zone' | 'currency';
};

/** The chosen method does not exist, or does not ship to this address or in this currency. */
export class ShippingMethodUnavailable extends DomainError<ShippingUnavailableDetails> {
  override readonly name = 'ShippingMethodUnavailable';
  readonly code = 'shipping_method_unavailable';
  readonly kind = 'rule';
  constructor(details: ShippingUnavailableDetails) {
    super(`Shipping method ${details.methodId} is not available: ${details.why}`, details);
  }
}
