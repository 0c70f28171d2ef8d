import { catalogHandlers } from './catalog/catalog-handlers.ts';
import { inventoryHandlers } from './inventory/inventory-handlers.ts';
import { locationHandlers } from './locations/location-handlers.ts';
import { cancelOrderLines } from './orders/cancel-lines.ts';
import { cancelOrder } from './orders/cancel-order.ts';
import type { OrderDeps } from './orders/order-deps.ts';
import { applyPaymentNotification, capturePayment, recordManualPayment } from './orders/payments.ts';
import { placeOrderAndOpenPayment } from './orders/place-and-open-payment.ts';
import { refundOrder } from './orders/refund-order.ts';
import { shipOrder } from './orders/ship-order.ts';
import { deliverOrder } from './orders/deliver-order.ts';
import { orderOwner } from './orders/order-owner.ts';
import { replenishmentHandlers } from './replenishment/replenishment-handlers.ts';
import { roleHandlers } from './roles/role-handlers.ts';
import { returnHandlers } from './returns/return-handlers.ts';

export type { CommandContext } from './runtime/command-context.ts';
export type { CommandResult } from './runtime/command-result.ts';
export type { OrderDeps, OrderSettings } from './orders/order-deps.ts';
export type { PlaceOrderInput, PlacedOrder } from './orders/placement.ts';
export type { PlacedAndPayable } from './orders/place-and-open-payment.ts';
export type { ForecastFigures } from './replenishment/replenishment-handlers.ts';

/**
 * Every command the write side accepts, wired to one runtime. The write API (and the CLI, and the
 * expiry scheduler) call these; none of them touches the event store directly.
 */
export function createCommandHandlers(deps: OrderDeps) {
  /** Fixes the first argument (the dependencies) of an order flow. */
  const bind =
    <Rest extends unknown[], Out>(flow: (deps: OrderDeps, ...rest: Rest) => Out) =>
    (...rest: Rest): Out =>
      flow(deps, ...rest);
  return {
    ...catalogHandlers(deps.runtime),
    ...locationHandlers(deps.runtime, deps.locations),
    ...inventoryHandlers(deps.runtime, deps.locations),
    ...replenishmentHandlers(deps.runtime, deps.locations),
    ...roleHandlers(deps.runtime),
    ...returnHandlers(deps),
    /** Places the order and opens its payment (the placement saga), for every caller alike. */
    placeOrder: bind(placeOrderAndOpenPayment),
    cancelOrder: bind(cancelOrder),
    cancelOrderLines: bind(cancelOrderLines),
    shipOrder: bind(shipOrder),
    deliverOrder: bind(deliverOrder),
    refundOrder: bind(refundOrder),
    recordManualPayment: bind(recordManualPayment),
    capturePayment: bind(capturePayment),
    applyPaymentNotification: bind(applyPaymentNotification),
    orderOwner: bind(orderOwner),
  };
}

export type CommandHandlers = ReturnType<typeof createCommandHandlers>;
