import { describe, expect, it } from 'vitest';
import { NoChange, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { ShippingMethodTaken, ShippingMethodUnavailable, ShippingZoneNotFound } from './errors.ts';
import {
  chosenShipping,
  shippingDecider,
  shippingOptions,
  zoneFor,
  type ShippingMethod,
  type ShippingZone,
} from './index.ts';
import { replay } from '../decider.ts';

const given = specFor(shippingDecider);

const standard: ShippingMethod = {
  methodId: 'de-standard',
  name: 'Standard',
  currency: 'EUR',
  rate: {
    kind: 'weight',
    bands: [
      { upTo: 1000, amount: 490 },
      { upTo: 5000, amount: 790 },
      { upTo: null, amount: 1490 },
    ],
  },
  freeOver: 5000,
  minDays: 2,
  maxDays: 4,
};
const express: ShippingMethod = {
  methodId: 'de-express',
  name: 'Express',
  currency: 'EUR',
  rate: { kind: 'flat', amount: 1290 },
  freeOver: null,
  minDays: 1,
  maxDays: 1,
};
const germany: ShippingZone = {
  zoneId: 'de',
  name: 'Germany',
  countries: ['DE'],
  regions: [],
  postalPrefixes: [],
  methods: [standard, express],
};
const islands: ShippingZone = {
  zoneId: 'de-islands',
  name: 'North Sea islands',
  countries: ['DE'],
  regions: [],
  postalPrefixes: ['2554', '2699'],
  methods: [
    {
      ...standard,
      methodId: 'island-ferry',
      name: 'Ferry',
      rate: {
        kind: 'subtotal',
        bands: [
          { upTo: 2000, amount: 1500 },
          { upTo: null, amount: 900 },
        ],
      },
      freeOver: null,
    },
  ],
};
const set = (zone: ShippingZone) => ({ type: 'SetShippingZone' as const, data: { zone } });
const zoneSet = (zone: ShippingZone) => ({ type: 'ShippingZoneSet' as const, data: { zone } });
const berlin = { country: 'DE', region: null, postalCode: '10115' };
const sylt = { country: 'DE', region: null, postalCode: '25541' };

describe('shipping zones', () => {
  it('are set whole, and an unchanged zone is refused', () => {
    given([])
      .when(set(germany))
      .then([zoneSet(germany)]);
    given([zoneSet(germany)])
      .when(set(germany))
      .thenThrows(NoChange);
  });

  it('store regions and postcode prefixes without spaces, in capitals', () => {
    given([])
      .when(set({ ...islands, postalPrefixes: ['sw1 a'] }))
      .then([zoneSet({ ...islands, postalPrefixes: ['SW1A'] })]);
  });

  it('refuse a method id another zone uses, and a removal of a zone that does not exist', () => {
    given([zoneSet(germany)])
      .when(set({ ...islands, methods: [express] }))
      .thenThrows(ShippingMethodTaken, { methodId: 'de-express', zoneId: 'de' });
    given([])
      .when({ type: 'RemoveShippingZone', data: { zoneId: 'de' } })
      .thenThrows(ShippingZoneNotFound);
    given([zoneSet(germany)])
      .when({ type: 'RemoveShippingZone', data: { zoneId: 'de' } })
      .then([{ type: 'ShippingZoneRemoved', data: { zoneId: 'de' } }]);
  });

  it('refuse bands that do not grow or do not end open, and an estimate whose min passes its max', () => {
    const bands = (b: { upTo: number | null; amount: number }[]) =>
      set({ ...germany, methods: [{ ...standard, rate: { kind: 'weight', bands: b } }] });
    given([])
      .when(
        bands([
          { upTo: 500, amount: 1 },
          { upTo: 500, amount: 2 },
          { upTo: null, amount: 3 },
        ]),
      )
      .thenThrows(ValidationFailed, { field: 'zone.methods[0].rate.bands[1].upTo' });
    given([])
      .when(bands([{ upTo: 500, amount: 1 }]))
      .thenThrows(ValidationFailed, { field: 'zone.methods[0].rate.bands[0].upTo' });
    given([])
      .when(set({ ...germany, methods: [{ ...express, minDays: 3, maxDays: 2 }] }))
      .thenThrows(ValidationFailed, { field: 'zone.methods[0].minDays' });
    given([])
      .when(set({ ...germany, countries: ['Germany'] }))
      .thenThrows(ValidationFailed, { field: 'zone.countries[0]' });
  });
});

describe('shipping rates', () => {
  const state = replay(shippingDecider, [zoneSet(germany), zoneSet(islands)]);

  it('pick the most specific zone: a postcode prefix over the whole country', () => {
    expect(zoneFor(state, berlin)?.zoneId).toBe('de');
    expect(zoneFor(state, sylt)?.zoneId).toBe('de-islands');
    expect(zoneFor(state, { country: 'FR', region: null, postalCode: '75001' })).toBeNull();
  });

  it('price by weight band, by subtotal band, flat, and free over the threshold; cheapest first', () => {
    expect(shippingOptions(state, berlin, { currency: 'EUR', subtotal: 3000, weightGrams: 1000 })).toEqual([
      {
        methodId: 'de-standard',
        zoneId: 'de',
        name: 'Standard',
        fee: 490,
        currency: 'EUR',
        minDays: 2,
        maxDays: 4,
      },
      {
        methodId: 'de-express',
        zoneId: 'de',
        name: 'Express',
        fee: 1290,
        currency: 'EUR',
        minDays: 1,
        maxDays: 1,
      },
    ]);
    const fee = (subtotal: number, weightGrams: number, methodId = 'de-standard', where = berlin) =>
      chosenShipping(state, methodId, where, { currency: 'EUR', subtotal, weightGrams }).fee;
    expect(fee(3000, 1001)).toBe(790);
    expect(fee(3000, 9000)).toBe(1490);
    expect(fee(5000, 9000)).toBe(0);
    expect(fee(2000, 0, 'island-ferry', sylt)).toBe(1500);
    expect(fee(2001, 0, 'island-ferry', sylt)).toBe(900);
  });

  it('refuse a method that is unknown, from another zone, or in another currency, naming the field', () => {
    const basis = { currency: 'EUR', subtotal: 100, weightGrams: 10 };
    expect(() => chosenShipping(state, 'nope', berlin, basis)).toThrow(ShippingMethodUnavailable);
    try {
      chosenShipping(state, 'de-express', sylt, basis);
      expect.unreachable();
    } catch (error) {
      expect((error as ShippingMethodUnavailable).details).toMatchObject({
        field: 'shippingMethodId',
        why: 'not_in_zone',
      });
    }
    expect(() => chosenShipping(state, 'de-express', berlin, { ...basis, currency: 'USD' })).toThrow(
      ShippingMethodUnavailable,
    );
  });
});
