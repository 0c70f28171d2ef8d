import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defaultHook } from '../../infra/http/default-hook.ts';
import {
  cartProductIds,
  cartRow,
  cartView,
  customerCarts,
  wishlistItems,
  wishlistView,
  type CartReader,
} from '../../projections/carts/queries.ts';
import type { CartsDatabase } from '../../projections/carts/tables.ts';
import { productsNow } from '../../projections/catalog/queries.ts';
import type { CatalogDatabase } from '../../projections/catalog/tables.ts';
import { notFound, permissionGuard, type ReadAuthEnv } from '../http/auth.ts';
import { consistencyHeaders, consistencyQuery } from '../http/consistency.ts';
import { freshRead, withFreshness, type ReadContext } from '../http/read-context.ts';
import { authErrors, Id, jsonAnswer, Money, notFoundError, readErrors, Text } from '../schemas/common.ts';

const tags = ['Carts'];
const projection = 'carts';
const CATALOG = 'catalog';

const LineChange = z
  .object({
    kind: z.enum(['price_changed', 'discontinued', 'quantity_unavailable', 'product_gone']),
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    requested: z.number().int().optional(),
    available: z.number().int().optional(),
  })
  .openapi('CartLineChange');
const Cart = z
  .object({
    cartId: z.string(),
    owner: z.enum(['guest', 'customer']),
    customerId: z.string().nullable(),
    status: z.enum(['open', 'merged', 'checked_out']),
    currency: z.string(),
    lines: z.array(
      z.object({
        productId: z.string(),
        sku: z.string(),
        name: z.string().nullable(),
        quantity: z.number().int(),
        unitPrice: Money,
        currentPrice: Money.nullable(),
        addedAt: z.string(),
        changes: z.array(LineChange),
      }),
    ),
    email: z
      .object({
        address: z.string(),
        marketingConsent: z
          .object({ granted: z.boolean(), source: z.string().nullable(), at: z.string().nullable() })
          .nullable(),
      })
      .nullable(),
    shippingAddress: z.record(z.string(), z.unknown()).nullable(),
    shippingMethodId: z.string().nullable(),
    couponCodes: z.array(z.string()).openapi({
      description:
        'The codes the cart is priced with (normalized). `totals.discounts` are the promotions that applied; `totals.notApplied` those that did not, with the reason.',
    }),
    totals: z.record(z.string(), z.unknown()).nullable(),
    orderId: z.string().nullable(),
    mergedInto: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Cart');
const CartSummary = z
  .object({
    cartId: z.string(),
    status: z.enum(['open', 'merged', 'checked_out']),
    currency: z.string(),
    total: Money.nullable(),
    updatedAt: z.string(),
  })
  .openapi('CartSummary');
const Wishlist = z
  .object({
    items: z.array(
      z.object({
        productId: z.string(),
        name: z.string().nullable(),
        price: Money.nullable(),
        status: z.enum(['active', 'discontinued']).nullable(),
        available: z.number().int().nullable(),
        addedAt: z.string(),
      }),
    ),
  })
  .openapi('Wishlist');
const CartPath = z.object({ cartId: Id.max(48) });

/**
 * The shopper's cart and wishlist. A cart is answered to its customer, or to whoever presents a
 * guest cart's secret (`Cart-Secret`); anyone else gets 404, as for a cart that does not exist.
 * Each line is compared with its product now (catalog read model): price, discontinued, stock.
 */
export function cartReadRoutes(ctx: ReadContext) {
  const app = new OpenAPIHono<ReadAuthEnv>({ defaultHook });
  const request = { query: z.object(consistencyQuery), headers: consistencyHeaders };

  /** Products as they are now, for the lines or items named (the catalog read model). */
  const products = (productIds: readonly string[]) =>
    ctx.readModels.read<CatalogDatabase, Awaited<ReturnType<typeof productsNow>>>(CATALOG, ({ db }) =>
      productsNow(db, productIds),
    );
  async function oneCart(c: Context<ReadAuthEnv>, cartId: string, reader: CartReader) {
    const { value: row, headers } = await freshRead<CartsDatabase, Awaited<ReturnType<typeof cartRow>>>(
      ctx,
      c,
      projection,
      ({ db }) => cartRow(db, cartId, reader),
    );
    if (!row) throw withFreshness(notFound('cart'), headers);
    return c.json(cartView(row, await products(cartProductIds(row))), 200, headers);
  }
  const cartResponses = { 200: jsonAnswer(Cart, 'The cart'), ...notFoundError, ...readErrors };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/guest-carts/{cartId}',
      summary: 'A guest cart, with the secret its creation answered (404 without it)',
      tags,
      'x-public': 'guest carts: the cart secret is the credential',
      request: {
        params: CartPath,
        query: z.object(consistencyQuery),
        headers: consistencyHeaders.extend({
          'cart-secret': Text.max(200).optional().openapi({ description: 'The guest cart’s secret' }),
        }),
      },
      responses: cartResponses,
    }),
    async (c) => {
      const secret = c.req.valid('header')['cart-secret'];
      const { cartId } = c.req.valid('param');
      if (!secret) throw notFound('cart');
      return oneCart(c, cartId, { secret });
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/carts/{cartId}',
      summary: 'One of the caller’s carts',
      tags,
      ...permissionGuard('carts:use', ctx.authenticated),
      request: { ...request, params: CartPath },
      responses: { ...cartResponses, ...authErrors },
    }),
    async (c) => oneCart(c, c.req.valid('param').cartId, { customerId: c.var.actor.id }),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/carts',
      summary: 'The caller’s carts, the most recently changed first',
      tags,
      ...permissionGuard('carts:use', ctx.authenticated),
      request,
      responses: {
        200: jsonAnswer(z.object({ items: z.array(CartSummary) }), 'Carts'),
        ...authErrors,
        ...readErrors,
      },
    }),
    async (c) => {
      const { value, headers } = await freshRead<CartsDatabase, Awaited<ReturnType<typeof customerCarts>>>(
        ctx,
        c,
        projection,
        ({ db }) => customerCarts(db, c.var.actor.id),
      );
      return c.json({ items: value }, 200, headers);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/wishlist',
      summary: 'The caller’s wishlist, with each product’s price and availability now',
      tags,
      ...permissionGuard('carts:use', ctx.authenticated),
      request,
      responses: { 200: jsonAnswer(Wishlist, 'The wishlist'), ...authErrors, ...readErrors },
    }),
    async (c) => {
      const { value, headers } = await freshRead<CartsDatabase, Awaited<ReturnType<typeof wishlistItems>>>(
        ctx,
        c,
        projection,
        ({ db }) => wishlistItems(db, c.var.actor.id),
      );
      const view = wishlistView(value, await products(value.map((item) => item.productId)));
      return c.json(view, 200, headers);
    },
  );
  return app;
}
