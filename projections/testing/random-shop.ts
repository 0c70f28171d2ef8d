/**
 * Random but valid shop histories for property tests and replay benchmarks: each step is a
 * command for the real deciders; a step the domain refuses (a `DomainError`) simply adds nothing,
 * so every history is one the write side could have produced.
 */
import type { RecordedEvent } from '../../ports/event-store.ts';
import { DomainError } from '../../domain/errors.ts';
import { shippedQuantity, type OrderState } from '../../domain/orders/state.ts';
import { available, type StockState } from '../../domain/inventory/state.ts';
import { orderStream, stockStream } from '../../domain/streams.ts';
import { shop, simpleOrder, type Shop } from './shop.ts';

/** Four small numbers: which operation, and three arguments it interprets as it likes. */
export type Step = { op: number; a: number; b: number; c: number };

/** When the random shop's checkout holds are taken and given up: before their `expiresAt`. */
const HOLD_AT = '2026-12-01T00:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;
const skus = ['IPH15', 'MUG', 'PLATE'];
const names = ['iPhone 15 Pro', 'Coffee mug', 'Dinner plate', 'Galaxy S24'];
const locations = ['berlin', 'paris'];
const staff = { id: 'staff-7', role: 'staff' } as const;
const system = { id: 'system', role: 'system' } as const;

export function playSteps(steps: readonly Step[], s: Shop = shop()): RecordedEvent[] {
  steps.forEach((step, index) => {
    try {
      play(s, step, index);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  });
  return s.log.events;
}

function play(s: Shop, { op, a, b, c }: Step, index: number): void {
  const sku = skus[a % skus.length]!;
  const productId = `p-${sku}`;
  const location = locations[b % locations.length]!;
  const other = locations[(b + 1) % locations.length]!;
  const orderId = `o${c % 6}`;
  const order = () => s.log.stateOf(orderStream(orderId)) as OrderState | undefined;
  const at = { sku, location };
  const expiresAt = '2027-01-01T00:00:00.000Z';
  switch (op % 21) {
    case 0:
      s.createProduct(productId, sku, 1000 + b * 10, {
        name: names[a % names.length]!,
        brand: 'Acme',
        allowBackorder: c % 2 === 0,
      });
      return;
    case 1:
      s.log.advance((c % 40) * DAY);
      s.changePrice(productId, 500 + b * 10, 'repricing');
      return;
    case 2:
      s.updateProduct(
        productId,
        { name: names[b % names.length]!, attributes: { color: ['red', 'blue'][c % 2]! } },
        staff,
      );
      return;
    case 3:
      s.discontinue(productId, 'end of line', staff);
      return;
    case 4:
      s.receive(sku, location, 1 + (c % 10), staff);
      return;
    case 5:
      s.stock(
        { type: 'AdjustStock', data: { ...at, delta: -(1 + (c % 3)), reason: 'damage', note: null } },
        staff,
      );
      return;
    case 6:
      s.stock(
        {
          type: 'ReserveStock',
          data: { ...at, orderId, quantity: 1 + (a % 5), expiresAt, allowBackorder: b % 2 === 0 },
        },
        system,
      );
      return;
    case 7: {
      const holder = `rel${index}`;
      s.receive(sku, location, 1, staff);
      s.stock(
        {
          type: 'ReserveStock',
          data: { ...at, orderId: holder, quantity: 1, expiresAt, allowBackorder: false },
        },
        system,
      );
      s.stock(
        {
          type: 'ReleaseReservation',
          data: { ...at, orderId: holder, quantity: 1, reason: 'cancelled', now: expiresAt },
        },
        system,
      );
      // A checkout hold on the unit, given up when its cart line changes.
      const cartId = `cart${index}`;
      s.stock(
        {
          type: 'HoldStock',
          data: {
            ...at,
            cartId,
            holder: cartId,
            quantity: 1,
            expiresAt,
            maxPerCart: 10,
            maxPerHolder: 20,
            now: HOLD_AT,
          },
        },
        system,
      );
      s.stock({ type: 'ReleaseHold', data: { ...at, cartId, reason: 'line_changed', now: HOLD_AT } }, system);
      return;
    }
    case 8: {
      const holder = `ship${index}`;
      s.receive(sku, location, 2, staff);
      s.stock(
        {
          type: 'ReserveStock',
          data: { ...at, orderId: holder, quantity: 2, expiresAt, allowBackorder: false },
        },
        system,
      );
      s.stock(
        {
          type: 'ShipStock',
          data: { ...at, orderId: holder, shipmentId: `s${index}`, quantity: 1 + (a % 2) },
        },
        staff,
      );
      return;
    }
    case 9: {
      // A backorder (one more than is available), then either cancelled or filled when stock arrives:
      // the receipt fills it in its own decision (first in first out; it is the only one waiting).
      const levels = s.log.stateOf(stockStream(sku, location)) as StockState | undefined;
      const free = levels === undefined ? 0 : available(levels);
      const holder = `bo${index}`;
      s.stock(
        {
          type: 'ReserveStock',
          data: { ...at, orderId: holder, quantity: free + 1, expiresAt, allowBackorder: true },
        },
        system,
      );
      if (c % 2 === 0) {
        s.stock(
          {
            type: 'ReleaseReservation',
            data: { ...at, orderId: holder, quantity: 1, reason: 'cancelled', now: expiresAt },
          },
          system,
        );
      } else {
        s.receive(sku, location, 1, staff);
      }
      return;
    }
    case 10: {
      const quantity = 1 + (c % 3);
      s.stock(
        { type: 'TransferStockOut', data: { ...at, transferId: `t${index}`, quantity, toLocation: other } },
        staff,
      );
      s.stock(
        {
          type: 'TransferStockIn',
          data: { sku, location: other, transferId: `t${index}`, quantity, fromLocation: location },
        },
        staff,
      );
      return;
    }
    case 11:
      s.stock({ type: 'SetLowStockThreshold', data: { ...at, threshold: c % 5 } });
      // A unit a customer sent back (a return's receipt), sometimes written off as damaged.
      if (c % 3 === 0) {
        s.stock(
          {
            type: 'ReturnStock',
            data: {
              ...at,
              orderId,
              returnId: `r${index}`,
              quantity: 1,
              writeOffs: b % 2 === 0 ? [{ quantity: 1, reason: 'damage', note: null }] : [],
            },
          },
          staff,
        );
      }
      return;
    case 12:
      if (c % 2 === 0) s.createLocation(location, `${location} warehouse`);
      else s.renameLocation(location, `${location} store ${c}`);
      return;
    case 13: {
      s.order(
        simpleOrder(
          orderId,
          `c${b % 2}`,
          [{ lineId: 'l1', sku, quantity: 1 + (a % 3), unitPrice: 1000, location }],
          expiresAt,
        ),
        { id: `c${b % 2}`, role: 'customer' },
      );
      // Now and then the customer cancels a unit at once, when there is more than one.
      const placed = b % 4 === 1 ? order() : undefined;
      if (placed?.status === 'placed' && placed.lines[0]!.quantity > 1) {
        s.order(
          { type: 'CancelOrderLines', data: { orderId, lines: [{ lineId: 'l1', quantity: 1 }] } },
          { id: `c${b % 2}`, role: 'customer' },
        );
      }
      // Now and then staff edit it before it is paid: a unit more of its line, or another SKU added.
      const toEdit = b % 4 === 2 ? order() : undefined;
      if (toEdit?.status === 'placed') {
        const other = skus[(a + 1) % skus.length]!;
        s.order(
          {
            type: 'EditOrder',
            data: {
              orderId,
              add:
                c % 2 === 0
                  ? [
                      {
                        lineId: 'l2',
                        sku: other,
                        quantity: 1,
                        unitPrice: { amount: 700, currency: 'EUR' },
                        allocations: [{ location, quantity: 1 }],
                      },
                    ]
                  : [],
              raise: [{ lineId: 'l1', quantity: 1, allocations: [{ location, quantity: 1 }] }],
              // Now and then to another address too (sealed like the placement's).
              shippingAddress:
                c % 3 === 0 ? { ...toEdit.shippingAddress, line1: `${index} Other Street` } : null,
              pricing: { ...toEdit.totals, discounts: [] },
            },
          },
          staff,
        );
      }
      // Most placements are paid for (or refused) at once, as the payment webhook would.
      if (a % 2 === 0) play(s, { op: 14, a, b, c }, index);
      else if (c % 2 === 0) play(s, { op: 20, a, b, c }, index);
      return;
    }
    case 14: {
      const o = order();
      if (o === undefined || o.status === 'none') return;
      s.order(
        { type: 'AuthorizePayment', data: { orderId, paymentRef: `pi_${orderId}`, amount: o.totals.total } },
        system,
      );
      // Now and then staff raise the authorized order: the difference is owed, its extra payment
      // opened and (mostly) paid.
      const authorized = c % 4 === 1 ? order() : undefined;
      if (authorized?.status === 'authorized') {
        const line = authorized.lines[0]!;
        const at = line.allocations[0]!.location;
        s.order(
          {
            type: 'EditOrder',
            data: {
              orderId,
              add: [],
              raise: [{ lineId: line.lineId, quantity: 1, allocations: [{ location: at, quantity: 1 }] }],
              shippingAddress: null,
              pricing: { ...authorized.totals, discounts: [] },
            },
          },
          staff,
        );
        const owed = order();
        if (owed?.status !== 'none' && owed?.payment.extra) {
          const extra = {
            orderId,
            paymentRef: `pi_${orderId}_x`,
            amount: { amount: owed.payment.extra.amount, currency: owed.currency },
          };
          s.order({ type: 'OpenExtraPayment', data: extra }, staff);
          if (b % 3 !== 0) s.order({ type: 'CaptureExtraPayment', data: extra }, system);
        }
      }
      if (b % 2 === 0) play(s, { op: 15, a, b, c }, index);
      return;
    }
    case 15: {
      const o = order();
      if (o === undefined || o.status === 'none') return;
      const amount = { amount: o.payment.authorized - o.payment.captured, currency: o.currency };
      s.order({ type: 'CapturePayment', data: { orderId, paymentRef: `pi_${orderId}`, amount } }, system);
      if (c % 3 === 0) {
        // A chargeback on the captured payment, its funds withdrawn, then closed (won or lost).
        const disputeId = `dp${index}`;
        const disputed = { amount: 100, currency: o.currency };
        s.order(
          {
            type: 'OpenDispute',
            data: {
              orderId,
              disputeId,
              paymentRef: `pi_${orderId}`,
              amount: disputed,
              reason: 'fraudulent',
              dueBy: null,
            },
          },
          system,
        );
        s.order({ type: 'WithdrawDisputeFunds', data: { orderId, disputeId, amount: disputed } }, system);
        const outcome = b % 2 === 0 ? 'won' : 'lost';
        s.order({ type: 'CloseDispute', data: { orderId, disputeId, outcome, amount: disputed } }, system);
      }
      return;
    }
    case 16: {
      const o = order();
      if (o === undefined || o.status === 'none') return;
      const line = o.lines[0]!;
      const from = line.allocations[0]!.location;
      s.order(
        {
          type: 'CreateShipment',
          data: {
            orderId,
            shipmentId: `s${index}`,
            location: from,
            carrier: 'DHL',
            trackingNumber: `T${index}`,
            lines: [
              {
                lineId: line.lineId,
                quantity: a % 2 === 0 ? 1 : line.quantity - shippedQuantity(o, line.lineId),
              },
            ],
            // Mostly with a label bought through the carrier port, then now and then tracked.
            ...(c % 3 !== 0
              ? {
                  label: {
                    provider: 'easypost',
                    providerShipmentId: `shp_${index}`,
                    service: 'Ground',
                    labelUrl: `https://labels.example/${index}.pdf`,
                    cost: { amount: 500, currency: 'EUR' },
                  },
                }
              : {}),
          },
        },
        staff,
      );
      if (c % 3 !== 0 && b % 2 === 0) {
        s.order(
          {
            type: 'RecordTracking',
            data: {
              orderId,
              shipmentId: `s${index}`,
              status: 'in_transit',
              at: expiresAt,
              detail: null,
              trackingEventId: `trk${index}`,
            },
          },
          system,
        );
      }
      if (c % 2 === 0) play(s, { op: 19, a, b, c }, index);
      if (b % 2 === 0) {
        // A unit that arrived damaged, settled with a refund (nothing comes back).
        const claimId = `cl${index}`;
        s.order(
          { type: 'OpenClaim', data: { orderId, claimId, lineId: 'l1', quantity: 1, reason: 'damaged' } },
          staff,
        );
        s.order(
          { type: 'ResolveClaim', data: { orderId, claimId, resolution: 'refund', refundId: `clr${index}` } },
          staff,
        );
      }
      return;
    }
    case 17:
      // Half the time only a unit of the first line (refused when it is the order's last unit).
      if (b % 2 === 0) {
        s.order(
          { type: 'CancelOrderLines', data: { orderId, lines: [{ lineId: 'l1', quantity: 1 }] } },
          staff,
        );
        return;
      }
      s.order(
        { type: 'CancelOrder', data: { orderId, reason: 'requested', note: null, now: expiresAt } },
        staff,
      );
      return;
    case 18:
      s.order(
        {
          type: 'IssueRefund',
          data: {
            orderId,
            refundId: `r${index}`,
            amount: { amount: 100, currency: 'EUR' },
            reason: 'goodwill',
          },
        },
        staff,
      );
      return;
    case 19:
      s.order({ type: 'MarkDelivered', data: { orderId } }, staff);
      return;
    default: {
      s.order(
        { type: 'RecordPaymentFailure', data: { orderId, paymentRef: null, reason: 'declined' } },
        system,
      );
      // Now and then the customer tries again with a new attempt, before the stock is released.
      const o = order();
      if (c % 3 === 0 && o?.status === 'payment_failed') {
        s.order(
          {
            type: 'StartPaymentAttempt',
            data: {
              orderId,
              paymentRef: `pi_${orderId}_${index}`,
              amount: o.totals.total,
              now: '2026-06-01T00:00:00.000Z',
            },
          },
          { id: o.customerId, role: 'customer' },
        );
      }
    }
  }
}
