import { assertNever } from '../assert-never.ts';
import { AlreadyExists, CurrencyMismatch, InvalidTransition, NoChange, ValidationFailed } from '../errors.ts';
import { ProductNotFound } from './errors.ts';
import { equals, requireMoney } from '../money.ts';
import { requireKey, requireText } from '../validation.ts';
import type { ProductCommand } from './commands.ts';
import type { ProductChange, ProductDetails, ProductEvent } from './events.ts';
import type { Product, ProductState } from './state.ts';
import { sameDetail, validateDetail } from './validate-product.ts';

const detailFields = ['name', 'description', 'brand', 'category', 'attributes', 'allowBackorder'] as const;

export function decideProduct(command: ProductCommand, state: ProductState): ProductEvent[] {
  switch (command.type) {
    case 'CreateProduct': {
      const { data } = command;
      if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'product', id: data.productId });
      requireKey('productId', data.productId);
      requireKey('sku', data.sku);
      requireMoney('price', data.price);
      for (const field of detailFields) validateDetail(field, data[field]);
      const { productId, sku, price, name, description, brand, category, attributes, allowBackorder } = data;
      return [
        {
          type: 'ProductCreated',
          data: {
            productId,
            sku,
            price: { amount: price.amount, currency: price.currency },
            name,
            description,
            brand,
            category,
            attributes: { ...attributes },
            allowBackorder,
          },
        },
      ];
    }
    case 'UpdateProduct': {
      const product = editable(state, command);
      const changes = diff(product, command.data.changes);
      if (changes.length === 0) {
        throw new NoChange({ aggregate: 'product', id: product.productId, field: 'changes' });
      }
      return [{ type: 'ProductUpdated', data: { productId: product.productId, changes } }];
    }
    case 'ChangePrice': {
      const product = editable(state, command);
      const { price, reason } = command.data;
      requireMoney('price', price);
      requireText('reason', reason, 500);
      if (price.currency !== product.price.currency) {
        throw new CurrencyMismatch({ expected: product.price.currency, actual: price.currency });
      }
      if (equals(price, product.price)) {
        throw new NoChange({ aggregate: 'product', id: product.productId, field: 'price' });
      }
      return [
        {
          type: 'PriceChanged',
          data: {
            productId: product.productId,
            oldPrice: product.price,
            newPrice: { amount: price.amount, currency: price.currency },
            currency: price.currency,
            reason,
          },
        },
      ];
    }
    case 'DiscontinueProduct': {
      const product = editable(state, command);
      requireText('reason', command.data.reason, 500);
      return [
        { type: 'ProductDiscontinued', data: { productId: product.productId, reason: command.data.reason } },
      ];
    }
    default:
      return assertNever(command);
  }
}

function editable(state: ProductState, command: Exclude<ProductCommand, { type: 'CreateProduct' }>): Product {
  switch (state.status) {
    case 'absent':
      throw new ProductNotFound(command.data.productId);
    case 'discontinued':
      throw new InvalidTransition({
        aggregate: 'product',
        id: state.product.productId,
        from: state.status,
        command: command.type,
      });
    case 'active':
      return state.product;
    default:
      return assertNever(state);
  }
}

/** Keeps only real changes, in a fixed field order so equal commands produce equal events. */
function diff(product: Product, requested: Partial<ProductDetails>): ProductChange[] {
  for (const key of Object.keys(requested)) {
    if (!(detailFields as readonly string[]).includes(key)) {
      throw new ValidationFailed(`changes.${key}`, 'is not an editable product field');
    }
  }
  const changes: ProductChange[] = [];
  for (const field of detailFields) {
    const to = requested[field];
    if (to === undefined) continue;
    validateDetail(field, to, `changes.${field}`);
    if (!sameDetail(field, product[field], to))
      changes.push({ field, from: product[field], to } as ProductChange);
  }
  return changes;
}
