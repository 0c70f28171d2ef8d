import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import {
  available,
  stockDecider,
  type InventoryEvent,
  type StockState,
} from '../../domain/inventory/index.ts';
import { stockStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';

const RUNS = propertyRuns(12);

type Action =
  | { kind: 'place'; quantity: number }
  | { kind: 'receive'; quantity: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'trim'; pick: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('place' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('receive' as const), quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('trim' as const), pick: fc.nat() }),
);

/**
 * On real PostgreSQL: orders backordered, receipts, whole and partial cancellations in random
 * order, a few at once (each group races on the one stock stream). Whatever wins each race, the
 * stream never fills more than arrived, never leaves available stock negative, and fills the
 * backorders first in first out: each fill takes the oldest units still waiting (a cancellation
 * gives up the order's newest units, as docs/after-sale.md says).
 */
describe('backorders fill first in first out, never more than arrived', () => {
  let h: CommandHarness;
  let run = 0;
  let placements = 0;

  beforeAll(async () => {
    h = await commandHarness('postgres');
    await h.handlers.createLocation('berlin', 'Berlin', h.context());
  });
  afterAll(() => h.dispose());

  /** Runs one action; a refusal (a cancellation of an order gone, say) is a valid outcome. */
  async function act(
    sku: string,
    productId: string,
    orders: { orderId: string; lineId: string; quantity: number }[],
    a: Action,
  ) {
    try {
      if (a.kind === 'place') {
        const orderId = `${sku}-o${++placements}`;
        const placed = await h.handlers.placeOrder(
          {
            orderId,
            customerId: 'c-fifo',
            currency: 'EUR',
            lines: [{ productId, quantity: a.quantity }],
            shippingAddress: berlinAddress,
          },
          h.context({ id: 'c-fifo', role: 'customer' }),
        );
        orders.push({ orderId, lineId: placed.order.lines[0]!.lineId, quantity: a.quantity });
      } else if (a.kind === 'receive') {
        await h.handlers.receiveStock(
          { sku, location: 'berlin', quantity: a.quantity, reference: null },
          h.context(),
        );
      } else if (orders.length > 0) {
        const order = orders[a.pick % orders.length]!;
        if (a.kind === 'cancel') {
          await h.handlers.cancelOrder(
            { orderId: order.orderId, reason: 'requested', note: null },
            h.context(),
          );
        } else {
          await h.handlers.cancelOrderLines(
            { orderId: order.orderId, lines: [{ lineId: order.lineId, quantity: 1 }] },
            h.context(),
          );
        }
      }
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }

  it('never fills more than arrived, nor out of order', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(action, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 8 }),
        async (groups) => {
          const n = ++run;
          const sku = `FIFO-${n}`;
          const productId = `p-fifo-${n}`;
          await h.handlers.createProduct(
            {
              productId,
              sku,
              name: 'Mug',
              description: '',
              brand: 'Acme',
              category: 'kitchen',
              attributes: {},
              allowBackorder: true,
              price: { amount: 1000, currency: 'EUR' },
            },
            h.context(),
          );
          const orders: { orderId: string; lineId: string; quantity: number }[] = [];
          // Each run opens with two backorders, the second cancelled, and a receipt: every run has
          // a cancelled backorder and a fill to check.
          await act(sku, productId, orders, { kind: 'place', quantity: 2 });
          await act(sku, productId, orders, { kind: 'place', quantity: 1 });
          await act(sku, productId, orders, { kind: 'cancel', pick: 1 });
          await act(sku, productId, orders, { kind: 'receive', quantity: 1 });
          for (const group of [...groups, [{ kind: 'receive', quantity: 1 } as const]]) {
            await Promise.all(group.map((a) => act(sku, productId, orders, a)));
          }

          const events = (await h.store.readStream(
            stockStream(sku, 'berlin'),
          )) as unknown as InventoryEvent[];
          let state: StockState = stockDecider.initialState();
          let arrived = 0;
          let filled = 0;
          // The units waiting, oldest first, as an order id per unit: an oracle of the rule.
          let waiting: string[] = [];
          for (const event of events) {
            seen.add(event.type);
            state = stockDecider.evolve(state, event);
            expect(available(state)).toBeGreaterThanOrEqual(0);
            switch (event.type) {
              case 'StockReceived':
                arrived += event.data.quantity;
                break;
              case 'BackorderRecorded':
                waiting = [...waiting, ...Array<string>(event.data.quantity).fill(event.data.orderId)];
                break;
              case 'BackorderCancelled': {
                // The order's newest units give up their place.
                let left = event.data.quantity;
                waiting = waiting
                  .reverse()
                  .filter((orderId) => !(orderId === event.data.orderId && left-- > 0))
                  .reverse();
                break;
              }
              case 'BackorderFilled': {
                filled += event.data.quantity;
                expect(filled).toBeLessThanOrEqual(arrived);
                // The fill takes the units at the head of the queue: all of them this order's.
                const head = waiting.slice(0, event.data.quantity);
                expect(head).toEqual(Array<string>(event.data.quantity).fill(event.data.orderId));
                waiting = waiting.slice(event.data.quantity);
                break;
              }
              default:
                break;
            }
          }
          // The stream's own queue is the oracle's.
          const queue = state.status === 'tracked' ? state.backorderQueue : [];
          expect(queue.flatMap((w) => Array<string>(w.quantity).fill(w.orderId))).toEqual(waiting);
        },
      ),
      { numRuns: RUNS },
    );
    // Guards the opening: the property must have seen fills and cancelled backorders.
    expect(seen).toContain('BackorderFilled');
    expect(seen).toContain('BackorderCancelled');
  });
});
