import { CartNotFound, type CartState, type OpenCart } from '../../domain/carts/index.ts';

/**
 * Who asks for a cart: a customer (by token), or whoever holds a guest cart's secret. A customer
 * may present a secret too, to claim the guest cart it opens.
 */
export type CartAccess = { customerId: string | null; secret: string | null };

/**
 * The cart, if `access` opens it: a customer's cart opens for that customer only, a guest cart for
 * its secret only. Anything else is "not found", never "forbidden", so nobody learns that another
 * shopper's cart exists.
 */
export function openedCart(
  state: CartState,
  access: CartAccess,
  cartId: string,
  hashSecret: (secret: string) => string,
): OpenCart {
  if (state.status === 'absent') throw new CartNotFound(cartId);
  const { owner } = state;
  const opens =
    owner.kind === 'customer'
      ? access.customerId !== null && owner.customerId === access.customerId
      : access.secret !== null && hashSecret(access.secret) === owner.secretHash;
  if (!opens) throw new CartNotFound(cartId);
  return state;
}
