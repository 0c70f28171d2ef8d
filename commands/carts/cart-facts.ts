import { ProductNotFound } from '../../domain/catalog/errors.ts';
import { productDecider, type Product, type ProductState } from '../../domain/catalog/index.ts';
import type { CartProductFacts, OpenCart } from '../../domain/carts/index.ts';
import { available, cartHoldOf, stockDecider, type StockState } from '../../domain/inventory/index.ts';
import { productStream, stockStream } from '../../domain/streams.ts';
import type { LocationDirectory } from '../locations/location-directory.ts';
import { asStepDecider, type StepPlan } from '../runtime/steps.ts';
import { customerGroups } from '../pricing/customer-facts.ts';
import { listUnitPrice, type ActivePriceListIds } from '../pricing/price-lists.ts';

export type Load = Parameters<StepPlan>[0];

/** A product as a cart sees it: what it is, whether it is still sold, its price and stock now. */
export interface ProductNow {
  product: Product;
  discontinued: boolean;
  facts: CartProductFacts;
}

/**
 * Reads (never appends) the product and its stock streams at every location. A product that
 * allows backorders has no limit (`available: null`); otherwise what the stock streams have free,
 * counting the units the carts `forCarts` hold for their checkout as free to them (a cart's own
 * hold; in a merge, the guest cart's too, since its holds end in the merge's append).
 */
export async function productNow(
  load: Load,
  locations: LocationDirectory,
  productId: string,
  forCarts: readonly string[] = [],
): Promise<ProductNow> {
  const state = await load<ProductState>(productStream(productId), asStepDecider(productDecider));
  if (state.status === 'absent') throw new ProductNotFound(productId);
  const { product } = state;
  let free: number | null = null;
  if (!product.allowBackorder) {
    const stocks = await Promise.all(
      locations
        .list()
        .map((location) => load<StockState>(stockStream(product.sku, location), asStepDecider(stockDecider))),
    );
    const own = (stock: StockState) =>
      forCarts.reduce((held, cartId) => held + (cartHoldOf(stock, cartId)?.quantity ?? 0), 0);
    free = stocks.reduce((total, stock) => total + Math.max(0, available(stock) + own(stock)), 0);
  }
  return {
    product,
    discontinued: state.status === 'discontinued',
    facts: { productId, sku: product.sku, unitPrice: product.price, available: free },
  };
}

/**
 * The product's facts with the unit price this cart pays for `quantity` units: its owner's price
 * list for the cart's currency (group, quantity tier), else the catalog price. The line records
 * it, so the cart view's "price changed" compares like with like.
 */
export async function pricedForCart(
  load: Load,
  priceLists: ActivePriceListIds,
  cart: OpenCart,
  facts: CartProductFacts,
  quantity: number,
): Promise<CartProductFacts> {
  const groups = cart.owner.kind === 'customer' ? await customerGroups(load, cart.owner.customerId) : [];
  const unitPrice = await listUnitPrice(
    load,
    priceLists,
    { currency: cart.currency, groups },
    { productId: facts.productId, quantity, unitPrice: facts.unitPrice },
  );
  return { ...facts, unitPrice };
}
