/**
 * A small shop driven through the real deciders, for projection specs: each helper decides one
 * command on its stream (see `eventLog`) and returns the recorded events.
 */
import type { RecordedEvent } from '../../ports/event-store.ts';
import { productDecider } from '../../domain/catalog/index.ts';
import type { ProductDetails } from '../../domain/catalog/events.ts';
import { stockDecider, type InventoryCommand } from '../../domain/inventory/index.ts';
import { locationDecider } from '../../domain/locations/index.ts';
import {
  orderDecider,
  unknownTaxDetail,
  type OrderCommand,
  type PlaceOrder,
} from '../../domain/orders/index.ts';
import { locationStream, orderStream, productStream, stockStream } from '../../domain/streams.ts';
import { eventLog, type Actor, type EventLog } from './event-log.ts';

export type Shop = ReturnType<typeof shop>;

const details = (name: string): ProductDetails => ({
  name,
  description: `The ${name}, as sold in our shop.`,
  brand: 'Acme',
  category: 'misc',
  attributes: {},
  allowBackorder: false,
});

export function shop(log: EventLog = eventLog()) {
  const by = (actor?: Actor) => (actor === undefined ? {} : { actor });
  return {
    log,
    createLocation: (locationId: string, name: string, actor?: Actor) =>
      log.decide(
        locationDecider,
        locationStream(locationId),
        { type: 'CreateLocation', data: { locationId, name } },
        by(actor),
      ),
    renameLocation: (locationId: string, name: string, actor?: Actor) =>
      log.decide(
        locationDecider,
        locationStream(locationId),
        { type: 'RenameLocation', data: { locationId, name } },
        by(actor),
      ),
    createProduct: (
      productId: string,
      sku: string,
      price: number,
      more: Partial<ProductDetails> = {},
      actor?: Actor,
    ): RecordedEvent[] =>
      log.decide(
        productDecider,
        productStream(productId),
        {
          type: 'CreateProduct',
          data: {
            productId,
            sku,
            price: { amount: price, currency: 'EUR' },
            ...details(more.name ?? sku),
            ...more,
          },
        },
        by(actor),
      ),
    updateProduct: (productId: string, changes: Partial<ProductDetails>, actor?: Actor) =>
      log.decide(
        productDecider,
        productStream(productId),
        { type: 'UpdateProduct', data: { productId, changes } },
        by(actor),
      ),
    changePrice: (productId: string, amount: number, reason = 'repricing', actor?: Actor) =>
      log.decide(
        productDecider,
        productStream(productId),
        { type: 'ChangePrice', data: { productId, price: { amount, currency: 'EUR' }, reason } },
        by(actor),
      ),
    discontinue: (productId: string, reason = 'end of line', actor?: Actor) =>
      log.decide(
        productDecider,
        productStream(productId),
        { type: 'DiscontinueProduct', data: { productId, reason } },
        by(actor),
      ),
    stock: (command: InventoryCommand, actor?: Actor) =>
      log.decide(stockDecider, stockStream(command.data.sku, command.data.location), command, by(actor)),
    receive: (sku: string, location: string, quantity: number, actor?: Actor) =>
      log.decide(
        stockDecider,
        stockStream(sku, location),
        { type: 'ReceiveStock', data: { sku, location, quantity, reference: null } },
        by(actor),
      ),
    order: (command: OrderCommand, actor?: Actor) =>
      log.decide(orderDecider, orderStream(command.data.orderId), command, by(actor)),
  };
}

/** A one-line EUR order placement for `customerId`, allocated at one location. */
export function simpleOrder(
  orderId: string,
  customerId: string,
  lines: { lineId: string; sku: string; quantity: number; unitPrice: number; location: string }[],
  expiresAt = '2026-02-01T00:00:00.000Z',
): PlaceOrder {
  return {
    type: 'PlaceOrder',
    data: {
      orderId,
      customerId,
      currency: 'EUR',
      lines: lines.map((line) => ({
        lineId: line.lineId,
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: { amount: line.unitPrice, currency: 'EUR' },
        allocations: [{ location: line.location, quantity: line.quantity }],
      })),
      pricing: {
        discounts: [],
        discountTotal: { amount: 0, currency: 'EUR' },
        shipping: { amount: 500, currency: 'EUR' },
        tax: { amount: 0, currency: 'EUR' },
        taxDetail: unknownTaxDetail('EUR'),
        shippingMethod: null,
      },
      shippingAddress: {
        name: 'Ada Lovelace',
        line1: '1 Analytical Way',
        line2: null,
        city: 'London',
        postalCode: 'N1 1AA',
        region: null,
        country: 'GB',
      },
      paymentProvider: 'manual',
      expiresAt,
    },
  };
}
