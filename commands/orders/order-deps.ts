import type { AllocationStrategyName } from '../../domain/inventory/index.ts';
import type { LocationDirectory } from '../locations/location-directory.ts';
import type { Clock } from '../../ports/clock.ts';
import type { PaymentsPort } from '../../ports/payments.ts';
import type { CarrierPort } from '../../ports/carrier.ts';
import type { TaxProvider } from '../../ports/tax.ts';
import type { Address } from '../../domain/orders/index.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import type { DiscountStage } from '../pricing/price-order.ts';
import type { CustomerHistory } from '../pricing/customer-history.ts';
import type { HoldSettings } from '../carts/checkout-holds.ts';
import type { ActivePriceListIds } from '../pricing/price-lists.ts';

export interface OrderSettings {
  allocationStrategy: AllocationStrategyName;
  /** How long an unpaid order holds its stock before it is cancelled as expired. */
  reservationTtlMs: number;
  /** When a payment is captured: as soon as it is authorized, or when the order ships. */
  captureAt: 'authorization' | 'shipment';
  /** Checkout holds' time to live and caps (`defaultHoldSettings` when absent). */
  checkoutHolds?: HoldSettings;
}

export interface OrderDeps {
  runtime: CommandRuntime;
  locations: LocationDirectory;
  payments: PaymentsPort;
  clock: Clock;
  settings: OrderSettings;
  /** The price pipeline's discount stage (promotions plug in here); none applies without it. */
  discountStage?: DiscountStage;
  /** The customers' past orders, for first-order promotions; nobody is a first-time buyer without it. */
  customerHistory?: CustomerHistory;
  /** The active price lists (per currency, customer group, quantity tier); catalog prices only without it. */
  activePriceListIds?: ActivePriceListIds;
  /** The tax port's adapter (`ports/tax.ts`); the shop's own tax table when none is given. */
  taxProvider?: TaxProvider;
  /** A carrier for labels and tracking; without it staff type the carrier and tracking number. */
  carrier?: CarrierDeps;
}

export interface CarrierDeps {
  port: CarrierPort;
  /** The address parcels leave from, printed on labels. */
  shipFrom: Address;
}

export const defaultOrderSettings: OrderSettings = {
  allocationStrategy: 'single-location-first',
  reservationTtlMs: 15 * 60_000,
  captureAt: 'shipment',
};
