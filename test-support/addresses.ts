import type { Address } from '../domain/orders/events.ts';

/** A shipping address for tests' orders; spread it to vary a field (`{ ...berlinAddress, name: 'Kim' }`). */
export const berlinAddress: Address = {
  name: 'Ada',
  line1: 'Main St 1',
  line2: null,
  city: 'Berlin',
  postalCode: '10115',
  region: null,
  country: 'DE',
};
