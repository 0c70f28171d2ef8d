import { CartClosed, cartDecider, cartSubject } from '../../domain/carts/index.ts';
import { ValidationFailed } from '../../domain/errors.ts';
import { cartStream } from '../../domain/streams.ts';
import type { PlacedAndPayable } from '../orders/place-and-open-payment.ts';
import type { PlaceOrderInput } from '../orders/placement.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import type { CartAccess } from './cart-access.ts';
import type { CartHandlers } from './cart-handlers.ts';

export interface CheckoutDeps {
  carts: Pick<CartHandlers, 'cartFor'>;
  /** The placement saga (`commands/orders/place-and-open-payment.ts`): reserve, place, open the payment. */
  placeOrder: (input: PlaceOrderInput, context: CommandContext) => Promise<PlacedAndPayable>;
  runtime: CommandRuntime;
}

/**
 * Checks a cart out: the order is placed through the placement saga (so its stock is reserved in
 * the same atomic append as the order, and no oversell is possible), then the cart is marked
 * checked out. The order's id is the cart's, so one cart places at most one order; a retry under the
 * same Idempotency-Key answers the first run's placement and marks the cart if the first run
 * stopped before it did. A guest's order is recorded under the guest cart's subject, whose key
 * seals its address like the cart's.
 */
export async function checkOutCart(
  deps: CheckoutDeps,
  cartId: string,
  access: CartAccess,
  context: CommandContext,
): Promise<PlacedAndPayable & { cartId: string }> {
  const cart = await deps.carts.cartFor(cartId, access);
  if (cart.status !== 'open') throw new CartClosed(cartId, cart.status);
  const lines = Object.values(cart.lines).map((line) => ({
    productId: line.productId,
    quantity: line.quantity,
  }));
  if (lines.length === 0) throw new ValidationFailed('lines', 'the cart is empty');
  if (!cart.shippingAddress) throw new ValidationFailed('shippingAddress', 'is needed before checkout');
  const placed = await deps.placeOrder(
    {
      orderId: cartId,
      customerId: cartSubject(cart),
      currency: cart.currency,
      lines,
      shippingAddress: cart.shippingAddress,
      // The order is priced as the cart was: the same method, through the same pipeline.
      ...(cart.shippingMethodId ? { shippingMethodId: cart.shippingMethodId } : {}),
    },
    context,
  );
  await handleCommand(
    deps.runtime,
    cartDecider,
    cartStream(cartId),
    { type: 'CheckOut', data: { cartId, orderId: placed.order.orderId, now: context.now } },
    context,
  ).catch(async (error: unknown) => {
    // A retry whose first run marked the cart already: the placement above was the first run's.
    const again = await deps.carts.cartFor(cartId, access);
    if (again.status !== 'checked_out' || again.orderId !== placed.order.orderId) throw error;
  });
  return { ...placed, cartId };
}
