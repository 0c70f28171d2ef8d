import { describe, expect, it } from 'vitest';
import { AlreadyExists, InvalidTransition, NoChange, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { PriceListNotFound } from './errors.ts';
import { listPriceFor, priceListDecider, type PriceList, type PriceListEvent } from './index.ts';

const given = specFor(priceListDecider);

type Created = Extract<PriceListEvent, { type: 'PriceListCreated' }>;
type PricesSet = Extract<PriceListEvent, { type: 'PriceListPricesSet' }>;
const created = (overrides: Partial<Created['data']> = {}): Created => ({
  type: 'PriceListCreated',
  data: {
    priceListId: 'wholesale-eur',
    name: 'Wholesale',
    currency: 'EUR',
    customerGroups: ['wholesale'],
    priority: 0,
    ...overrides,
  },
});
const set = (productId: string, tiers: { minQuantity: number; amount: number }[]): PricesSet => ({
  type: 'PriceListPricesSet',
  data: { priceListId: 'wholesale-eur', prices: [{ productId, tiers }] },
});

describe('price list decider', () => {
  it('creates a list with its groups sorted and once each', () => {
    given([])
      .when({
        type: 'CreatePriceList',
        data: {
          priceListId: 'wholesale-eur',
          name: 'Wholesale',
          currency: 'EUR',
          customerGroups: ['wholesale', 'b2b', 'b2b'],
          priority: 0,
        },
      })
      .then([created({ customerGroups: ['b2b', 'wholesale'] })]);
  });

  it('refuses a second list of the same id, a bad currency and a bad group', () => {
    given([created()]).when({ type: 'CreatePriceList', data: created().data }).thenThrows(AlreadyExists);
    given([])
      .when({ type: 'CreatePriceList', data: { ...created().data, currency: 'eur' } })
      .thenThrows(ValidationFailed, { field: 'currency' });
    given([])
      .when({ type: 'CreatePriceList', data: { ...created().data, customerGroups: ['no spaces'] } })
      .thenThrows(ValidationFailed, { field: 'customerGroups[0]' });
  });

  it('sets tiers sorted by quantity, and records only the products whose tiers change', () => {
    const state = given([created(), set('mug', [{ minQuantity: 1, amount: 900 }])])
      .when({
        type: 'SetPriceListPrices',
        data: {
          priceListId: 'wholesale-eur',
          prices: [
            { productId: 'mug', tiers: [{ minQuantity: 1, amount: 900 }] },
            {
              productId: 'tee',
              tiers: [
                { minQuantity: 10, amount: 700 },
                { minQuantity: 1, amount: 800 },
              ],
            },
          ],
        },
      })
      .then([
        set('tee', [
          { minQuantity: 1, amount: 800 },
          { minQuantity: 10, amount: 700 },
        ]),
      ]);
    expect(state.status === 'active' && Object.keys(state.prices)).toEqual(['mug', 'tee']);
  });

  it('refuses tiers that repeat a quantity, a zero quantity, a negative amount, and a set that changes nothing', () => {
    const when = (tiers: { minQuantity: number; amount: number }[]) =>
      given([created()]).when({
        type: 'SetPriceListPrices',
        data: { priceListId: 'wholesale-eur', prices: [{ productId: 'mug', tiers }] },
      });
    when([
      { minQuantity: 1, amount: 1 },
      { minQuantity: 1, amount: 2 },
    ]).thenThrows(ValidationFailed, { field: 'prices[0].tiers[1]' });
    when([{ minQuantity: 0, amount: 1 }]).thenThrows(ValidationFailed, {
      field: 'prices[0].tiers[0].minQuantity',
    });
    when([{ minQuantity: 1, amount: -1 }]).thenThrows(ValidationFailed, {
      field: 'prices[0].tiers[0].amount',
    });
    given([created(), set('mug', [{ minQuantity: 1, amount: 900 }])])
      .when({ ...set('mug', [{ minQuantity: 1, amount: 900 }]), type: 'SetPriceListPrices' })
      .thenThrows(NoChange);
  });

  it('removes prices it holds, and refuses changes to a missing or archived list', () => {
    given([created(), set('mug', [{ minQuantity: 1, amount: 900 }])])
      .when({
        type: 'RemovePriceListPrices',
        data: { priceListId: 'wholesale-eur', productIds: ['mug', 'tee'] },
      })
      .then([
        { type: 'PriceListPricesRemoved', data: { priceListId: 'wholesale-eur', productIds: ['mug'] } },
      ]);
    given([])
      .when({ type: 'ArchivePriceList', data: { priceListId: 'x' } })
      .thenThrows(PriceListNotFound);
    given([created(), { type: 'PriceListArchived', data: { priceListId: 'wholesale-eur' } }])
      .when({ type: 'ArchivePriceList', data: { priceListId: 'wholesale-eur' } })
      .thenThrows(InvalidTransition, { from: 'archived' });
  });
});

describe('picking a list for a line', () => {
  const list = (overrides: Partial<PriceList>): PriceList => ({
    status: 'active',
    priceListId: 'l',
    name: 'l',
    currency: 'EUR',
    customerGroups: [],
    priority: 0,
    prices: {},
    ...overrides,
  });
  const retailUsd = list({
    priceListId: 'retail-usd',
    currency: 'USD',
    prices: { mug: [{ minQuantity: 1, amount: 1100 }] },
  });
  const wholesale = list({
    priceListId: 'wholesale-eur',
    customerGroups: ['wholesale'],
    prices: {
      mug: [
        { minQuantity: 1, amount: 800 },
        { minQuantity: 10, amount: 700 },
        { minQuantity: 100, amount: 600 },
      ],
    },
  });
  const promoEur = list({
    priceListId: 'eur-high',
    priority: 5,
    prices: { mug: [{ minQuantity: 1, amount: 950 }] },
  });
  const lists = [retailUsd, wholesale, promoEur];
  const q = (currency: string, groups: string[], quantity: number) =>
    listPriceFor(lists, { productId: 'mug', currency, groups, quantity });

  it('prices by currency: a USD cart gets the USD list, a currency without a list gets none', () => {
    expect(q('USD', [], 1)).toEqual({ priceListId: 'retail-usd', amount: 1100, minQuantity: 1 });
    expect(q('GBP', [], 1)).toBeNull();
  });

  it('gives a group its list before a list for everyone, whatever the priorities', () => {
    expect(q('EUR', ['wholesale'], 1)?.priceListId).toBe('wholesale-eur');
    expect(q('EUR', ['vip'], 1)?.priceListId).toBe('eur-high');
  });

  it('takes the tier with the largest minimum quantity not above the line quantity', () => {
    expect(q('EUR', ['wholesale'], 9)?.amount).toBe(800);
    expect(q('EUR', ['wholesale'], 10)?.amount).toBe(700);
    expect(q('EUR', ['wholesale'], 250)?.amount).toBe(600);
  });

  it('falls back (null) when no tier covers the quantity, for an archived list and another product', () => {
    const bulkOnly = list({ customerGroups: ['b2b'], prices: { mug: [{ minQuantity: 50, amount: 500 }] } });
    expect(
      listPriceFor([bulkOnly], { productId: 'mug', currency: 'EUR', groups: ['b2b'], quantity: 49 }),
    ).toBeNull();
    expect(
      listPriceFor([{ ...wholesale, status: 'archived' }], {
        productId: 'mug',
        currency: 'EUR',
        groups: ['wholesale'],
        quantity: 1,
      }),
    ).toBeNull();
    expect(
      listPriceFor(lists, { productId: 'tee', currency: 'EUR', groups: ['wholesale'], quantity: 1 }),
    ).toBeNull();
  });

  it('breaks ties by priority, then the lower price, then the list id', () => {
    const a = list({ priceListId: 'a', prices: { mug: [{ minQuantity: 1, amount: 500 }] } });
    const b = list({ priceListId: 'b', prices: { mug: [{ minQuantity: 1, amount: 400 }] } });
    const c = list({ priceListId: 'c', priority: 1, prices: { mug: [{ minQuantity: 1, amount: 900 }] } });
    const pick = (ls: PriceList[]) =>
      listPriceFor(ls, { productId: 'mug', currency: 'EUR', groups: [], quantity: 1 })?.priceListId;
    expect(pick([a, b])).toBe('b');
    expect(pick([b, a, c])).toBe('c');
    expect(pick([{ ...a, prices: b.prices }, b])).toBe('a');
  });
});
