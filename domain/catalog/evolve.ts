import { assertNever } from '../assert-never.ts';
import type { ProductChange, ProductDetails, ProductEvent } from './events.ts';
import type { ProductState } from './state.ts';

/** Events that cannot apply to the state leave it unchanged: history is fact and is never refused. */
export function evolveProduct(state: ProductState, event: ProductEvent): ProductState {
  switch (event.type) {
    case 'ProductCreated': {
      if (state.status !== 'absent') return state;
      const { productId, sku, price, name, description, brand, category, attributes, allowBackorder } =
        event.data;
      return {
        status: 'active',
        product: { productId, sku, price, name, description, brand, category, attributes, allowBackorder },
      };
    }
    case 'ProductUpdated':
      if (state.status === 'absent') return state;
      return { ...state, product: event.data.changes.reduce(apply, state.product) };
    case 'PriceChanged':
      if (state.status === 'absent') return state;
      return { ...state, product: { ...state.product, price: event.data.newPrice } };
    case 'ProductDiscontinued':
      if (state.status !== 'active') return state;
      return { status: 'discontinued', product: state.product, reason: event.data.reason };
    default:
      return assertNever(event);
  }
}

function apply<D extends ProductDetails>(details: D, change: ProductChange): D {
  switch (change.field) {
    case 'name':
      return { ...details, name: change.to };
    case 'description':
      return { ...details, description: change.to };
    case 'brand':
      return { ...details, brand: change.to };
    case 'category':
      return { ...details, category: change.to };
    case 'attributes':
      return { ...details, attributes: change.to };
    case 'allowBackorder':
      return { ...details, allowBackorder: change.to };
    default:
      return assertNever(change);
  }
}
