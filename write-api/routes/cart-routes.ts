import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { CartAccess, CommandResult } from '../../commands/command-handlers.ts';
import type { AuthEnv } from '../../infra/auth/actor.ts';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { idempotentRequest } from '../idempotency/idempotent-request.ts';
import { requestDerivedId } from '../idempotency/request-derived-id.ts';
import { Address, Id, idempotencyHeader, Text, WriteAnswer } from '../schemas/common.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { optionalIdempotencyHeader, publicRoute } from './account-kit.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const tags = ['Carts'];
const CartId = Id.max(48).openapi({ example: 'k-1001' });
const CartPath = z.object({ cartId: CartId });
const LinePath = z.object({ cartId: CartId, productId: Id.max(64) });
const SecretHeader = z.object({
  'cart-secret': Text.max(200).optional().openapi({
    description:
      'The secret the guest cart’s creation answered. Without the right one the cart is not found (404).',
    example: 'q3J0ZXN0LXNlY3JldC1vZi1hLWd1ZXN0LWNhcnQtMDAx',
  }),
});

const CreateCart = z
  .object({
    cartId: CartId.optional().openapi({
      description:
        'Chosen by the client, or derived from the Idempotency-Key, so that a retry answers the same cart.',
    }),
    currency: Text.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').openapi({ example: 'EUR' }),
  })
  .openapi('CreateCart');
const Quantity = z.number().int().positive().max(999).openapi({ example: 2 });
const AddLine = z.object({ productId: Id.max(64), quantity: Quantity }).openapi('AddCartLine');
const ChangeQuantity = z.object({ quantity: Quantity }).openapi('ChangeCartLineQuantity');
const SetEmail = z
  .object({
    email: Text.min(3).max(320).openapi({ example: 'ada@example.com' }),
    marketingConsent: z.boolean().openapi({
      description:
        'Whether the shopper agreed to marketing mail (the abandoned-cart reminder needs it); recorded with time and source.',
      example: true,
    }),
  })
  .openapi('SetCartEmail');
const SetAddress = z.object({ shippingAddress: Address }).openapi('SetCartShippingAddress');
const ChooseMethod = z
  .object({ shippingMethodId: Id.max(64).openapi({ example: 'standard' }) })
  .openapi('ChooseCartShippingMethod');
const CouponCode = Text.min(1).max(40).openapi({
  description: 'A coupon code, case-insensitive (`summer20` is `SUMMER20`).',
  example: 'SUMMER20',
});
const ApplyCoupon = z.object({ code: CouponCode }).openapi('ApplyCartCoupon');
const CouponPath = z.object({ cartId: CartId, code: CouponCode });
const Claim = z
  .object({
    secret: Text.min(1).max(200).openapi({ example: 'q3J0ZXN0LXNlY3JldC1vZi1hLWd1ZXN0LWNhcnQtMDAx' }),
    mergeInto: CartId.nullable().default(null).openapi({
      description: 'The customer’s own open cart to merge the guest cart into (docs/carts.md).',
      example: null,
    }),
  })
  .openapi('ClaimCart');
const Checkout = z
  .object({
    expectedTotal: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional().openapi({
      description:
        'The total the shopper agreed to, in minor units. Absent: the cart’s last computed total. After a 409 `cart_changed`, send that answer’s `expectedTotal` to confirm the new figures.',
      example: 4990,
    }),
  })
  .openapi('CheckOutCart');
const CartAnswer = WriteAnswer.extend({ cartId: z.string() }).openapi('CartWriteAnswer');
const CreatedCartAnswer = CartAnswer.extend({
  secret: z
    .string()
    .nullable()
    .openapi({ description: 'A guest cart’s secret, answered this once; null for a customer’s cart.' }),
}).openapi('CreatedCartAnswer');
const CheckedOutAnswer = WriteAnswer.extend({
  cartId: z.string(),
  orderId: z.string(),
  order: z.record(z.string(), z.unknown()),
  payment: z.object({
    provider: z.string(),
    paymentId: z.string(),
    clientSecret: z.string().nullable(),
    status: z.string(),
  }),
}).openapi('CheckedOutCart');

const StartedCheckoutAnswer = WriteAnswer.extend({
  cartId: z.string(),
  holds: z
    .array(
      z.object({
        productId: z.string(),
        sku: z.string(),
        quantity: z.number().int(),
        allocations: z.array(z.object({ location: z.string(), quantity: z.number().int() })),
        expiresAt: z
          .string()
          .openapi({ description: 'When the hold ends unless the cart checks out first.' }),
      }),
    )
    .openapi({ description: 'Every line’s running hold (a product that may be backordered is not held).' }),
}).openapi('StartedCheckout');

type Surface = {
  /** `/guest-carts` (anyone, with the cart's secret) or `/carts` (a customer's own). */
  prefix: string;
  who: string;
  route: () => ReturnType<typeof publicRoute> | ReturnType<typeof guarded>;
  access: (c: Context<AuthEnv>) => CartAccess;
  /** Creating a cart; a POST on one; any other change on one. */
  headers: { create: z.ZodObject; post: z.ZodObject; edit: z.ZodObject | undefined };
};

/** Fields an answer leaves out: the secret's hash, and the personal data the caller just sent. */
const unanswered: Record<string, string> = {
  CartCreated: 'owner',
  CartEmailSet: 'email',
  CartShippingAddressSet: 'shippingAddress',
};

/**
 * A cart write's answer without the secret hash a creation event holds, nor the email or address
 * (recorded answers are kept for Idempotency-Key retries, and personal data stays sealed in events).
 */
function cartAnswer(result: CommandResult): CommandResult {
  return {
    ...result,
    events: result.events.map((event) => {
      const left = unanswered[event.type];
      if (!left) return event;
      const { [left]: _, ...data } = event.data;
      return { type: event.type, data };
    }),
  };
}

/**
 * Carts over HTTP. The same routes exist twice: under `/guest-carts` for anyone holding the
 * cart's secret (the `Cart-Secret` header), and under `/carts` for a customer's own carts. A cart
 * the caller does not own answers 404 on both, never another shopper's cart.
 */
export function cartRoutes(deps: WriteApiDeps) {
  const guest: Surface = {
    prefix: '/guest-carts',
    who: 'a guest (with the cart secret)',
    route: () => publicRoute(deps, 'guest carts: the cart secret is the credential'),
    access: (c) => ({ customerId: null, secret: c.req.header('cart-secret') ?? null }),
    headers: {
      create: optionalIdempotencyHeader,
      post: optionalIdempotencyHeader.extend(SecretHeader.shape),
      edit: SecretHeader,
    },
  };
  const customer: Surface = {
    prefix: '/carts',
    who: 'a customer (its own carts)',
    route: () => guarded('carts:use'),
    access: (c) => ({ customerId: c.var.actor.id, secret: null }),
    headers: { create: idempotencyHeader, post: idempotencyHeader, edit: undefined },
  };
  const publicApp = featureApp();
  const customerApp = featureApp();
  surfaceRoutes(deps, publicApp, guest);
  surfaceRoutes(deps, customerApp, customer);
  startCheckoutRoute(deps, publicApp, guest);
  startCheckoutRoute(deps, customerApp, customer);
  claimRoute(deps, customerApp);
  return { publicApp, customerApp };
}

function surfaceRoutes(deps: WriteApiDeps, app: OpenAPIHono<AuthEnv>, surface: Surface) {
  const { prefix, who, access } = surface;
  const handlers = deps.handlers;
  const context = (c: Context<AuthEnv>) => commandContext(c, deps.clock, deps.ids);
  const headers = surface.headers.edit;
  const edit = { params: CartPath, ...(headers ? { headers } : {}) };
  const answer = (c: Context<AuthEnv>, cartId: string, result: CommandResult) =>
    writeAnswer(c, 200, cartAnswer(result), { cartId });

  app.openapi(
    createRoute({
      method: 'post',
      path: prefix,
      summary: `Create a cart for ${who}`,
      tags,
      ...surface.route(),
      request: { headers: surface.headers.create, body: jsonBody(CreateCart) },
      responses: writeResponses(201, 'Created (a guest cart answers its secret once)', CreatedCartAnswer),
    }),
    async (c) => {
      const request = idempotentRequest(c);
      const body = c.req.valid('json');
      const cartId = body.cartId ?? (request ? requestDerivedId('cart', request) : deps.ids.newId());
      const customerId = access(c).customerId;
      const created = await handlers.createCart({ cartId, customerId, currency: body.currency }, context(c));
      return writeAnswer(c, 201, cartAnswer(created), { cartId, secret: created.secret });
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${prefix}/{cartId}/lines`,
      summary: 'Add a product (adds to its line if the cart has one; 409 when not that many are available)',
      tags,
      ...surface.route(),
      request: {
        ...edit,
        headers: surface.headers.post,
        body: jsonBody(AddLine),
      },
      responses: writeResponses(200, 'Added, totals recomputed', CartAnswer),
    }),
    async (c) => {
      const { cartId } = c.req.valid('param');
      return answer(c, cartId, await handlers.addLine(cartId, access(c), c.req.valid('json'), context(c)));
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: `${prefix}/{cartId}/lines/{productId}`,
      summary: 'Change a line’s quantity',
      tags,
      ...surface.route(),
      request: { params: LinePath, ...(headers ? { headers } : {}), body: jsonBody(ChangeQuantity) },
      responses: writeResponses(200, 'Changed, totals recomputed', CartAnswer),
    }),
    async (c) => {
      const { cartId, productId } = c.req.valid('param');
      const { quantity } = c.req.valid('json');
      return answer(
        c,
        cartId,
        await handlers.changeQuantity(cartId, access(c), { productId, quantity }, context(c)),
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: `${prefix}/{cartId}/lines/{productId}`,
      summary: 'Remove a line',
      tags,
      ...surface.route(),
      request: { params: LinePath, ...(headers ? { headers } : {}) },
      responses: writeResponses(200, 'Removed, totals recomputed', CartAnswer),
    }),
    async (c) => {
      const { cartId, productId } = c.req.valid('param');
      return answer(c, cartId, await handlers.removeLine(cartId, access(c), productId, context(c)));
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: `${prefix}/{cartId}/email`,
      summary: 'Set the email reminders go to, with the shopper’s marketing consent (sealed personal data)',
      tags,
      ...surface.route(),
      request: { ...edit, body: jsonBody(SetEmail) },
      responses: writeResponses(200, 'Set', CartAnswer),
    }),
    async (c) => {
      const { cartId } = c.req.valid('param');
      const input = { ...c.req.valid('json'), source: 'checkout' as const };
      return answer(c, cartId, await handlers.setEmail(cartId, access(c), input, context(c)));
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: `${prefix}/{cartId}/shipping-address`,
      summary: 'Set the shipping address (sealed personal data; totals recomputed)',
      tags,
      ...surface.route(),
      request: { ...edit, body: jsonBody(SetAddress) },
      responses: writeResponses(200, 'Set', CartAnswer),
    }),
    async (c) => {
      const { cartId } = c.req.valid('param');
      const { shippingAddress } = c.req.valid('json');
      return answer(
        c,
        cartId,
        await handlers.setShippingAddress(cartId, access(c), shippingAddress, context(c)),
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: `${prefix}/{cartId}/shipping-method`,
      summary: 'Choose the shipping method (totals recomputed)',
      tags,
      ...surface.route(),
      request: { ...edit, body: jsonBody(ChooseMethod) },
      responses: writeResponses(200, 'Chosen', CartAnswer),
    }),
    async (c) => {
      const { cartId } = c.req.valid('param');
      const { shippingMethodId } = c.req.valid('json');
      return answer(
        c,
        cartId,
        await handlers.chooseShippingMethod(cartId, access(c), shippingMethodId, context(c)),
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${prefix}/{cartId}/coupons`,
      summary: 'Enter a coupon code (case-insensitive; checked now, totals recomputed)',
      description:
        'The code goes on the cart only if its promotion applies to the cart as it stands; else 400 `coupon_not_applicable` naming the field `code`, with `details.why` (`unknown`, `outside_window`, `condition_unmet`, `limit_reached`, `not_combinable`, `not_active`) and nothing is recorded. The cart view lists the promotions that applied (`totals.discounts`) and those that did not, with why (`totals.notApplied`). Checkout redeems the codes with the order.',
      tags,
      ...surface.route(),
      request: { ...edit, headers: surface.headers.post, body: jsonBody(ApplyCoupon) },
      responses: writeResponses(200, 'Applied, totals recomputed', CartAnswer),
    }),
    async (c) => {
      const { cartId } = c.req.valid('param');
      const { code } = c.req.valid('json');
      return answer(c, cartId, await handlers.applyCoupon(cartId, access(c), code, context(c)));
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: `${prefix}/{cartId}/coupons/{code}`,
      summary: 'Remove a coupon code from the cart (totals recomputed)',
      tags,
      ...surface.route(),
      request: { params: CouponPath, ...(headers ? { headers } : {}) },
      responses: writeResponses(200, 'Removed, totals recomputed', CartAnswer),
    }),
    async (c) => {
      const { cartId, code } = c.req.valid('param');
      return answer(c, cartId, await handlers.removeCoupon(cartId, access(c), code, context(c)));
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${prefix}/{cartId}/checkout`,
      summary:
        'Check out: places the order through the placement saga (every line reserved, or 409) and closes the cart',
      description:
        'When a price, stock, a promotion, shipping or tax changed since the cart last showed its total, answers 409 `cart_changed` listing each change (`changes`: line, what, old, new) with the total now (`expectedTotal`); nothing is placed. Send that `expectedTotal` to check out at the new total.',
      tags,
      ...surface.route(),
      request: {
        params: CartPath,
        headers: surface.headers.post,
        // Optional: a checkout without a body confirms the total the cart shows.
        body: { content: { 'application/json': { schema: Checkout } }, required: false },
      },
      responses: writeResponses(201, 'Order placed, payment opened, cart checked out', CheckedOutAnswer),
    }),
    async (c) => {
      const { cartId } = c.req.valid('param');
      const { expectedTotal } = c.req.valid('json');
      const placed = await handlers.checkOutCart(
        cartId,
        access(c),
        expectedTotal === undefined ? {} : { expectedTotal },
        context(c),
      );
      return writeAnswer(
        c,
        201,
        { events: placed.events, revision: placed.revision, position: placed.position },
        { cartId, orderId: placed.order.orderId, order: placed.order, payment: placed.payment },
      );
    },
  );
}

/** Starting checkout holds the cart's stock for a while (docs/carts.md, "Checkout holds"). */
function startCheckoutRoute(deps: WriteApiDeps, app: OpenAPIHono<AuthEnv>, surface: Surface) {
  const { prefix, access } = surface;
  app.openapi(
    createRoute({
      method: 'post',
      path: `${prefix}/{cartId}/checkout/start`,
      summary: 'Start checkout: hold the cart’s stock for a while (QM_CHECKOUT_HOLD_TTL_SECONDS)',
      description:
        'Holds every line’s units on the stock streams, at the locations the allocation strategy picks, until the hold expires, the line changes, the cart is abandoned or checked out (then the hold becomes the order’s reservation). A line already held keeps its hold and expiry. 409 `stock_shortage` when a line’s units are not there; 409 `hold_limit_exceeded` past the per-cart or per-customer cap (the cart can still check out without a hold).',
      tags,
      ...surface.route(),
      request: { params: CartPath, headers: surface.headers.post },
      responses: writeResponses(200, 'The cart’s holds, each with its expiry', StartedCheckoutAnswer),
    }),
    async (c) => {
      const { cartId } = c.req.valid('param');
      const started = await deps.handlers.startCheckout(
        cartId,
        access(c),
        commandContext(c, deps.clock, deps.ids),
      );
      const { events, position, holds } = started;
      return writeAnswer(c, 200, { events, revision: null, position }, { cartId, holds });
    },
  );
}

/** A customer takes over a guest cart it holds the secret of (and may merge it into its own). */
function claimRoute(deps: WriteApiDeps, app: OpenAPIHono<AuthEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/carts/{cartId}/claim',
      summary: 'Claim a guest cart (with its secret); with mergeInto, its lines go into that cart',
      tags,
      ...guarded('carts:use'),
      request: { params: CartPath, headers: idempotencyHeader, body: jsonBody(Claim) },
      responses: writeResponses(
        200,
        'Claimed (or merged: the answer names the cart that holds the lines)',
        CartAnswer,
      ),
    }),
    async (c) => {
      const { cartId } = c.req.valid('param');
      const { secret, mergeInto } = c.req.valid('json');
      const result = await deps.handlers.claimCart(
        cartId,
        { customerId: c.var.actor.id, secret, mergeInto },
        commandContext(c, deps.clock, deps.ids),
      );
      return writeAnswer(c, 200, cartAnswer(result), { cartId: result.cartId });
    },
  );
}
