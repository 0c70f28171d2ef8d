import { describe, expect, it } from 'vitest';
import { AlreadyExists, CurrencyMismatch, InvalidTransition, NoChange, ValidationFailed } from '../errors.ts';
import { ProductNotFound } from './errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { productDecider, type CreateProduct, type ProductCreated, type ProductEvent } from './index.ts';

const given = specFor(productDecider);

const create: CreateProduct = {
  type: 'CreateProduct',
  data: {
    productId: 'p1',
    sku: 'MUG-RED',
    name: 'Red mug',
    description: 'Holds coffee.',
    brand: 'Acme',
    category: 'kitchen',
    attributes: { colour: 'red' },
    price: { amount: 1299, currency: 'EUR' },
    allowBackorder: false,
  },
};
const created: ProductCreated = { type: 'ProductCreated', data: create.data };
const discontinued: ProductEvent = {
  type: 'ProductDiscontinued',
  data: { productId: 'p1', reason: 'end of line' },
};

describe('CreateProduct', () => {
  it('creates a product', () => {
    given([]).when(create).then([created]);
  });

  it('refuses to create a product twice', () => {
    given([created]).when(create).thenThrows(AlreadyExists, { aggregate: 'product', id: 'p1' });
  });

  it('refuses to create a discontinued product again', () => {
    given([created, discontinued]).when(create).thenThrows(AlreadyExists);
  });

  it.each([
    ['sku', { sku: 'MUG@RED' }],
    ['productId', { productId: '' }],
    ['name', { name: '  ' }],
    ['brand', { brand: '' }],
    ['category', { category: '' }],
    ['description', { description: 'x'.repeat(2001) }],
    ['attributes.', { attributes: { '': 'red' } }],
    ['price.amount', { price: { amount: -1, currency: 'EUR' } }],
    ['price.amount', { price: { amount: 12.5, currency: 'EUR' } }],
    ['price.currency', { price: { amount: 100, currency: 'eur' } }],
    ['name', { name: 42 as never }],
    ['attributes', { attributes: ['red'] as never }],
    ['attributes.colour', { attributes: { colour: 1 } as never }],
    ['allowBackorder', { allowBackorder: 'yes' as never }],
  ])('refuses an invalid %s', (field, patch) => {
    given([])
      .when({ ...create, data: { ...create.data, ...patch } })
      .thenThrows(ValidationFailed, { field });
  });
});

describe('UpdateProduct', () => {
  it('records only the fields that changed, with old and new values', () => {
    given([created])
      .when({
        type: 'UpdateProduct',
        data: {
          productId: 'p1',
          changes: { name: 'Crimson mug', brand: 'Acme', attributes: { colour: 'crimson' } },
        },
      })
      .then([
        {
          type: 'ProductUpdated',
          data: {
            productId: 'p1',
            changes: [
              { field: 'name', from: 'Red mug', to: 'Crimson mug' },
              { field: 'attributes', from: { colour: 'red' }, to: { colour: 'crimson' } },
            ],
          },
        },
      ]);
  });

  it('applies the update to the state', () => {
    const state = given([created])
      .when({ type: 'UpdateProduct', data: { productId: 'p1', changes: { allowBackorder: true } } })
      .then([
        {
          type: 'ProductUpdated',
          data: { productId: 'p1', changes: [{ field: 'allowBackorder', from: false, to: true }] },
        },
      ]);
    expect(state).toMatchObject({ status: 'active', product: { allowBackorder: true, name: 'Red mug' } });
  });

  it('refuses an update that changes nothing', () => {
    given([created])
      .when({
        type: 'UpdateProduct',
        data: { productId: 'p1', changes: { name: 'Red mug', attributes: { colour: 'red' } } },
      })
      .thenThrows(NoChange, { field: 'changes' });
  });

  it('refuses to update a missing product', () => {
    given([])
      .when({ type: 'UpdateProduct', data: { productId: 'p1', changes: { name: 'x' } } })
      .thenThrows(ProductNotFound, { productId: 'p1' });
  });

  it('refuses to update a discontinued product', () => {
    given([created, discontinued])
      .when({ type: 'UpdateProduct', data: { productId: 'p1', changes: { name: 'x' } } })
      .thenThrows(InvalidTransition, { from: 'discontinued', command: 'UpdateProduct' });
  });

  it('refuses fields that are not editable, such as the SKU', () => {
    given([created])
      .when({ type: 'UpdateProduct', data: { productId: 'p1', changes: { sku: 'OTHER' } as never } })
      .thenThrows(ValidationFailed, { field: 'changes.sku' });
  });

  it('refuses an invalid new value', () => {
    given([created])
      .when({ type: 'UpdateProduct', data: { productId: 'p1', changes: { name: '' } } })
      .thenThrows(ValidationFailed, { field: 'changes.name' });
  });
});

describe('ChangePrice', () => {
  const change = (amount: number, currency = 'EUR') =>
    ({
      type: 'ChangePrice',
      data: { productId: 'p1', price: { amount, currency }, reason: 'summer sale' },
    }) as const;

  it('records the old and new price and the reason', () => {
    given([created])
      .when(change(999))
      .then([
        {
          type: 'PriceChanged',
          data: {
            productId: 'p1',
            oldPrice: { amount: 1299, currency: 'EUR' },
            newPrice: { amount: 999, currency: 'EUR' },
            currency: 'EUR',
            reason: 'summer sale',
          },
        },
      ]);
  });

  it('allows a free product', () => {
    given([created])
      .when(change(0))
      .then([
        {
          type: 'PriceChanged',
          data: {
            productId: 'p1',
            oldPrice: { amount: 1299, currency: 'EUR' },
            newPrice: { amount: 0, currency: 'EUR' },
            currency: 'EUR',
            reason: 'summer sale',
          },
        },
      ]);
  });

  it('refuses the same price', () => {
    given([created]).when(change(1299)).thenThrows(NoChange, { field: 'price' });
  });

  it('refuses another currency', () => {
    given([created])
      .when(change(1299, 'USD'))
      .thenThrows(CurrencyMismatch, { expected: 'EUR', actual: 'USD' });
  });

  it('refuses a negative price', () => {
    given([created]).when(change(-5)).thenThrows(ValidationFailed, { field: 'price.amount' });
  });

  it('refuses a fractional price', () => {
    given([created]).when(change(9.99)).thenThrows(ValidationFailed, { field: 'price.amount' });
  });

  it('refuses a change without a reason', () => {
    given([created])
      .when({
        type: 'ChangePrice',
        data: { productId: 'p1', price: { amount: 5, currency: 'EUR' }, reason: ' ' },
      })
      .thenThrows(ValidationFailed, { field: 'reason' });
  });

  it('refuses a missing product', () => {
    given([]).when(change(999)).thenThrows(ProductNotFound);
  });

  it('refuses a discontinued product', () => {
    given([created, discontinued]).when(change(999)).thenThrows(InvalidTransition, { from: 'discontinued' });
  });
});

describe('DiscontinueProduct', () => {
  const discontinue = {
    type: 'DiscontinueProduct',
    data: { productId: 'p1', reason: 'end of line' },
  } as const;

  it('discontinues an active product', () => {
    given([created]).when(discontinue).then([discontinued]);
  });

  it('refuses to discontinue twice', () => {
    given([created, discontinued])
      .when(discontinue)
      .thenThrows(InvalidTransition, { from: 'discontinued', command: 'DiscontinueProduct' });
  });

  it('refuses a missing product', () => {
    given([]).when(discontinue).thenThrows(ProductNotFound);
  });

  it('refuses without a reason', () => {
    given([created])
      .when({ type: 'DiscontinueProduct', data: { productId: 'p1', reason: '' } })
      .thenThrows(ValidationFailed, { field: 'reason' });
  });
});

describe('evolve', () => {
  it('keeps the price history in state', () => {
    const state = given([created])
      .when({
        type: 'ChangePrice',
        data: { productId: 'p1', price: { amount: 1500, currency: 'EUR' }, reason: 'cost' },
      })
      .then([
        {
          type: 'PriceChanged',
          data: {
            productId: 'p1',
            oldPrice: { amount: 1299, currency: 'EUR' },
            newPrice: { amount: 1500, currency: 'EUR' },
            currency: 'EUR',
            reason: 'cost',
          },
        },
      ]);
    expect(state).toMatchObject({ product: { price: { amount: 1500 } } });
  });

  it('ignores events that cannot apply', () => {
    expect(productDecider.evolve({ status: 'absent' }, discontinued)).toEqual({ status: 'absent' });
  });
});
