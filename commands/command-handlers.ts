import type { CartAccess } from './carts/cart-access.ts';
import { cartHandlers } from './carts/cart-handlers.ts';
import { pipelineCartPricer, type CartPricer } from './carts/cart-pricer.ts';
import { checkOutCart, type CheckoutInput } from './carts/check-out-cart.ts';
import { defaultHoldSettings, expireHold, startCheckout } from './carts/checkout-holds.ts';
import { restoreCart } from './carts/restore-cart.ts';
import { catalogHandlers } from './catalog/catalog-handlers.ts';
import { inventoryHandlers } from './inventory/inventory-handlers.ts';
import { locationHandlers } from './locations/location-handlers.ts';
import { cancelOrderLines } from './orders/cancel-lines.ts';
import { editOrder, previewOrderEdit } from './orders/edit-order.ts';
import { extraPaymentDue } from './orders/edit-payment.ts';
import { retryPayment } from './orders/retry-payment.ts';
import { cancelOrder } from './orders/cancel-order.ts';
import type { OrderDeps } from './orders/order-deps.ts';
import type { CommandContext } from './runtime/command-context.ts';
import { applyPaymentNotification, capturePayment, recordManualPayment } from './orders/payments.ts';
import { applyDisputeNotification } from './orders/disputes.ts';
import { exchangeLine } from './orders/exchange-line.ts';
import { openClaim, resolveClaim } from './orders/claims.ts';
import { placedEarlier, placeOrderAndOpenPayment } from './orders/place-and-open-payment.ts';
import { refundOrder } from './orders/refund-order.ts';
import { shipOrder } from './orders/ship-order.ts';
import { deliverOrder } from './orders/deliver-order.ts';
import { shipWithLabel } from './orders/label-shipment.ts';
import { recordTracking } from './orders/track-shipment.ts';
import { orderOwner } from './orders/order-owner.ts';
import { replenishmentHandlers } from './replenishment/replenishment-handlers.ts';
import { roleHandlers } from './roles/role-handlers.ts';
import { reportHandlers } from './reports/report-handlers.ts';
import { pricingHandlers } from './pricing/pricing-handlers.ts';
import { unknownCustomerHistory } from './pricing/customer-history.ts';
import { noPriceLists } from './pricing/price-lists.ts';
import { priceListHandlers } from './price-lists/price-list-handlers.ts';
import { returnHandlers } from './returns/return-handlers.ts';
import { wishlistHandlers } from './wishlists/wishlist-handlers.ts';
import { promotionHandlers } from './promotions/promotion-handlers.ts';
import { priceChangeHandlers } from './price-changes/price-change-handlers.ts';
import { generateCodes, type GenerateCodesInput } from './promotions/generate-codes.ts';
import { releaseRedemptions, type ReleaseRedemptionsInput } from './promotions/release-redemptions.ts';

export type { CommandContext } from './runtime/command-context.ts';
export type { CommandResult } from './runtime/command-result.ts';
export type { ProductImportRow, RowFailure, RowOutcome } from './catalog/catalog-handlers.ts';
export type { OrderDeps, OrderSettings } from './orders/order-deps.ts';
export type { PlaceOrderInput, PlacedOrder } from './orders/placement.ts';
export type { PlacedAndPayable } from './orders/place-and-open-payment.ts';
export type { DiscountStage } from './pricing/price-order.ts';
export type { TaxProvider, TaxQuery, TaxAnswer } from '../ports/tax.ts';
export type { CustomerHistory } from './pricing/customer-history.ts';
export type { ActivePriceListIds } from './pricing/price-lists.ts';
export type { QuoteInput, ShippingPlace } from './pricing/pricing-handlers.ts';
export type { CartAccess } from './carts/cart-access.ts';
export type { CartPricer } from './carts/cart-pricer.ts';
export type { CheckoutInput } from './carts/check-out-cart.ts';
export type { HoldSettings, StartedCheckout } from './carts/checkout-holds.ts';
export type { ForecastFigures } from './replenishment/replenishment-handlers.ts';

/**
 * Every command the write side accepts, wired to one runtime. The write API (and the CLI, and the
 * expiry scheduler) call these; none of them touches the event store directly.
 */
export function createCommandHandlers(
  deps: OrderDeps,
  cartPricer: CartPricer = pipelineCartPricer(deps.runtime, deps.discountStage, deps.taxProvider),
) {
  /** Fixes the first argument (the dependencies) of an order flow. */
  const bind =
    <Rest extends unknown[], Out>(flow: (deps: OrderDeps, ...rest: Rest) => Out) =>
    (...rest: Rest): Out =>
      flow(deps, ...rest);
  const history = deps.customerHistory ?? unknownCustomerHistory;
  const priceLists = deps.activePriceListIds ?? noPriceLists;
  const cartDeps = {
    runtime: deps.runtime,
    locations: deps.locations,
    history,
    pricer: cartPricer,
    priceLists,
  };
  const carts = cartHandlers(cartDeps);
  return {
    ...catalogHandlers(deps.runtime),
    ...carts,
    ...wishlistHandlers(deps.runtime),
    /** Opens a cart from a reminder's restore link (a guest cart answers a new secret). */
    restoreCart: (cartId: string, link: { step: number; token: string }, context: CommandContext) =>
      restoreCart(cartDeps, cartId, link, context),
    /** Places the cart's order through the placement saga and marks the cart checked out. */
    checkOutCart: (cartId: string, access: CartAccess, input: CheckoutInput, context: CommandContext) =>
      checkOutCart(
        {
          carts,
          placeOrder: bind(placeOrderAndOpenPayment),
          placedEarlier: bind(placedEarlier),
          runtime: deps.runtime,
          locations: deps.locations,
          pricer: cartPricer,
          history,
          priceLists,
        },
        cartId,
        access,
        input,
        context,
      ),
    /** Starts checkout: holds the cart's stock for the configured time (docs/carts.md). */
    startCheckout: (cartId: string, access: CartAccess, context: CommandContext) =>
      startCheckout(
        {
          runtime: deps.runtime,
          locations: deps.locations,
          allocationStrategy: deps.settings.allocationStrategy,
          holds: deps.settings.checkoutHolds ?? defaultHoldSettings,
        },
        cartId,
        access,
        context,
      ),
    expireHold: (hold: { sku: string; location: string; cartId: string }, context: CommandContext) =>
      expireHold(deps.runtime, hold, context),
    ...locationHandlers(deps.runtime, deps.locations),
    ...inventoryHandlers(deps.runtime, deps.locations),
    ...replenishmentHandlers(deps.runtime, deps.locations),
    ...roleHandlers(deps.runtime),
    ...reportHandlers(deps.runtime),
    ...returnHandlers(deps),
    ...pricingHandlers(deps.runtime, deps.discountStage, deps.taxProvider, { history, priceLists }),
    ...priceListHandlers(deps.runtime),
    ...promotionHandlers(deps.runtime),
    ...priceChangeHandlers(deps.runtime),
    generateCodes: (input: GenerateCodesInput, context: CommandContext) =>
      generateCodes(deps.runtime, input, context),
    releaseRedemptions: (input: ReleaseRedemptionsInput, context: CommandContext) =>
      releaseRedemptions(deps.runtime, input, context),
    /** Places the order and opens its payment (the placement saga), for every caller alike. */
    placeOrder: bind(placeOrderAndOpenPayment),
    cancelOrder: bind(cancelOrder),
    cancelOrderLines: bind(cancelOrderLines),
    editOrder: bind(editOrder),
    /** Prices an edit as `editOrder` would and appends nothing; its tag confirms it. */
    previewOrderEdit: bind(previewOrderEdit),
    /** The extra payment an edit left owed, and how the customer pays it (appends nothing once opened). */
    extraPaymentDue: bind(extraPaymentDue),
    retryPayment: bind(retryPayment),
    /** Which payment provider orders are paid through (`stripe`, `manual`). */
    paymentProvider: deps.payments.provider,
    shipOrder: bind(shipOrder),
    shipWithLabel: bind(shipWithLabel),
    recordTracking: bind(recordTracking),
    /** Verifies a carrier's webhook delivery and reads its tracking update; null without a carrier. */
    trackingFromWebhook: deps.carrier ? deps.carrier.port.trackingFromWebhook.bind(deps.carrier.port) : null,
    deliverOrder: bind(deliverOrder),
    refundOrder: bind(refundOrder),
    recordManualPayment: bind(recordManualPayment),
    capturePayment: bind(capturePayment),
    applyPaymentNotification: bind(applyPaymentNotification),
    applyDisputeNotification: bind(applyDisputeNotification),
    exchangeLine: bind(exchangeLine),
    openClaim: bind(openClaim),
    resolveClaim: bind(resolveClaim),
    orderOwner: bind(orderOwner),
  };
}

export type CommandHandlers = ReturnType<typeof createCommandHandlers>;
