import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { replay } from '../../domain/decider.ts';
import { isDomainError } from '../../domain/errors.ts';
import {
  available,
  holdsByOrder,
  stockDecider,
  type Hold,
  type StockState,
} from '../../domain/inventory/index.ts';
import { orderDecider, shippedQuantity as shipped, type ExistingOrder } from '../../domain/orders/index.ts';
import type { ReturnReceived } from '../../domain/returns/index.ts';
import { orderStream, returnStream, stockStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { productInput } from '../../test-support/product-input.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';

const LOCATIONS = ['berlin', 'hamburg'];
const SKUS = 3;
/** The last SKU may be backordered: its orders take what is there and wait for the rest. */
const BACKORDERABLE = SKUS - 1;
const LANES = 4;
// 100 runs in `npm test`, 1,000 in `npm run test:soak`. It once failed about one run in 4,000:
// an edit's refund still on its way to the provider was refunded again by a cancellation decided
// meanwhile (refunds are now decided with their change and due until issued: `refundsDue`).
const RUNS = propertyRuns(100);

type Op =
  | { kind: 'place'; lines: { sku: number; quantity: number }[] }
  /**
   * The admin records an unpaid order paid (the manual provider), so its edits and cancellations
   * move money, or the difference a raising edit left it owing.
   */
  | { kind: 'pay'; order: number }
  /** Pay (when unpaid), ship what is reserved at each location, deliver once everything shipped. */
  | { kind: 'fulfil'; order: number }
  /** A staff edit: the product added when the order lacks it, else its line raised or lowered. */
  | { kind: 'edit'; order: number; sku: number; quantity: number; lower: boolean }
  | { kind: 'cancelLines'; order: number; line: number; quantity: number }
  /** A whole return of a delivered order's line: requested, authorized, received, some units written off. */
  | { kind: 'return'; order: number; line: number; quantity: number; writeOff: number; restockAt: number }
  /** Stock arriving: once receipts fill backorders, they are filled from here. */
  | { kind: 'receive'; sku: number; location: number; quantity: number };

const order = fc.nat(30);
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('place' as const),
      lines: fc.uniqueArray(fc.record({ sku: fc.nat(SKUS - 1), quantity: fc.integer({ min: 1, max: 3 }) }), {
        minLength: 1,
        maxLength: SKUS,
        selector: (line) => line.sku,
      }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pay' as const), order }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('fulfil' as const), order }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      order,
      sku: fc.nat(SKUS - 1),
      quantity: fc.integer({ min: 1, max: 2 }),
      lower: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('cancelLines' as const),
      order,
      line: fc.nat(2),
      quantity: fc.integer({ min: 1, max: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      order,
      line: fc.nat(2),
      quantity: fc.integer({ min: 1, max: 3 }),
      writeOff: fc.nat(2),
      restockAt: fc.nat(LOCATIONS.length - 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      sku: fc.nat(SKUS - 1),
      location: fc.nat(LOCATIONS.length - 1),
      quantity: fc.integer({ min: 1, max: 4 }),
    }),
  },
);

/** Stock at the start, per SKU and location: little of it, so shortages and backorders happen. */
const stockArbitrary = fc.array(
  fc.array(fc.integer({ min: 0, max: 4 }), { minLength: LOCATIONS.length, maxLength: LOCATIONS.length }),
  { minLength: SKUS, maxLength: SKUS },
);

/**
 * One history that takes every path, run ahead of the random ones (fast-check's `examples`), so
 * the coverage counts at the end hold however few random runs there are. In one lane, so it takes
 * them in this order whatever the timing: an order placed, edited,
 * partly cancelled, fulfilled and returned (one unit restocked elsewhere, one written off); a
 * backorder recorded and a receipt for it; a paid order raised, so it owes the difference, units
 * of it cancelled meanwhile (refused since this property found that the difference was then
 * still charged whole) and the difference paid.
 */
const everyPath: [number[][], Op[], number] = [
  [
    [4, 0],
    [2, 2],
    [1, 0],
  ],
  [
    { kind: 'place', lines: [{ sku: 0, quantity: 3 }] },
    { kind: 'place', lines: [{ sku: BACKORDERABLE, quantity: 3 }] },
    { kind: 'edit', order: 0, sku: 1, quantity: 1, lower: false },
    { kind: 'cancelLines', order: 0, line: 0, quantity: 1 },
    { kind: 'receive', sku: BACKORDERABLE, location: 0, quantity: 2 },
    { kind: 'fulfil', order: 1 },
    { kind: 'fulfil', order: 0 },
    { kind: 'return', order: 0, line: 0, quantity: 2, writeOff: 1, restockAt: 1 },
    // Paid, raised (the difference owed), units cancelled meanwhile, then the difference paid.
    { kind: 'place', lines: [{ sku: 1, quantity: 1 }] },
    { kind: 'pay', order: 2 },
    { kind: 'edit', order: 2, sku: 1, quantity: 1, lower: false },
    { kind: 'cancelLines', order: 2, line: 0, quantity: 1 },
    { kind: 'pay', order: 2 },
  ],
  1,
];

const isDamage = (event: RecordedEvent) =>
  event.type === 'StockAdjusted' && (event.data.reason === 'damage' || event.data.reason === 'loss');

const amountOf = (event: RecordedEvent) => (event.data.amount as { amount: number }).amount;

/**
 * The whole after-sale path at once, on real PostgreSQL: random concurrent placements (one SKU
 * may be backordered), staff edits, partial cancellations, payments, shipments and deliveries,
 * returns received with some units restocked (at either location) and others written off, and
 * stock receipts. Afterwards everything is folded from the event store (the streams, never a read
 * model) and must reconcile exactly:
 *
 * - stock, per SKU and location: no stream ever had less than zero available (nor on hand,
 *   reserved or backordered) after any of its events; received + returned − shipped − written off
 *   = on hand, each figure from its own side (the test's receipts, the returns' inspections, the
 *   orders' shipments); reserved plus backordered is exactly what every live order has allocated
 *   there and not shipped, order by order, and the stream's reservations and backorders (recorded,
 *   filled, cancelled) add up to its totals;
 * - money, per order: never more refunded than captured, nothing moved on an unpaid order, and on
 *   a paid one captured − refunded = its total now (after edits and cancellations), less an edit's
 *   difference still owed, less the value of every returned unit.
 *
 * It runs 100 times in `npm test` and 1,000 in the soak run (test-support/soak.ts).
 */
describe('after the sale, stock and money reconcile (property, PostgreSQL)', () => {
  let h: CommandHarness;
  let run = 0;
  const exercised = {
    paid: 0,
    edits: 0,
    owedPaid: 0,
    cancelled: 0,
    shipped: 0,
    returned: 0,
    writtenOff: 0,
    backordered: 0,
    backorderFilled: 0,
  };

  beforeAll(async () => {
    h = await commandHarness('postgres');
    for (const location of LOCATIONS) await h.handlers.createLocation(location, location, h.context());
  });
  afterAll(() => h?.dispose());

  it(
    `holds over ${RUNS} random concurrent after-sale workloads`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          stockArbitrary,
          fc.array(opArbitrary, { minLength: 10, maxLength: 28 }),
          fc.integer({ min: 2, max: LANES }),
          async (initialStock, ops, lanes) => {
            run++;
            const sku = (index: number) => `A${run}S${index}`;
            const productId = (index: number) => `a${run}p${index}`;
            const admin = h.context();
            const received = new Map<string, number>();
            const receive = async (s: number, location: string, quantity: number) => {
              await h.handlers.receiveStock(
                { sku: sku(s), location, quantity, reference: null },
                h.context(),
              );
              const stream = stockStream(sku(s), location);
              received.set(stream, (received.get(stream) ?? 0) + quantity);
            };
            for (let s = 0; s < SKUS; s++) {
              await h.handlers.createProduct(
                productInput(productId(s), {
                  sku: sku(s),
                  price: { amount: 1000 + 100 * s, currency: 'EUR' },
                  allowBackorder: s === BACKORDERABLE,
                }),
                admin,
              );
              for (const [l, quantity] of initialStock[s]!.entries())
                if (quantity > 0) await receive(s, LOCATIONS[l]!, quantity);
            }

            const placed: string[] = [];
            const delivered: string[] = [];
            const returnIds: string[] = [];
            let counter = 0;
            const load = async (orderId: string): Promise<ExistingOrder | null> => {
              const state = replay(orderDecider, (await h.store.readStream(orderStream(orderId))) as never);
              return state.status === 'none' ? null : state;
            };
            const pick = (list: string[], index: number) => list[index % Math.max(list.length, 1)];
            const staff = (lane: number) => h.context({ id: `staff-${lane}`, role: 'staff' });

            const perform = async (op: Op, lane: number, index: number) => {
              switch (op.kind) {
                case 'place': {
                  const orderId = `a${run}o${index}`;
                  await h.handlers.placeOrder(
                    {
                      orderId,
                      customerId: `a${run}c${lane}`,
                      currency: 'EUR',
                      lines: op.lines.map((line) => ({
                        productId: productId(line.sku),
                        quantity: line.quantity,
                      })),
                      shippingAddress: berlinAddress,
                    },
                    h.context({ id: `a${run}c${lane}`, role: 'customer' }),
                  );
                  placed.push(orderId);
                  return;
                }
                case 'pay': {
                  const orderId = pick(placed, op.order);
                  if (orderId) await pay(orderId);
                  return;
                }
                case 'fulfil': {
                  const orderId = pick(placed, op.order);
                  if (orderId && (await fulfil(orderId))) delivered.push(orderId);
                  return;
                }
                case 'edit': {
                  const orderId = pick(placed, op.order);
                  const current = orderId && (await load(orderId));
                  if (!current) return;
                  const line = current.lines.find((l) => l.sku === sku(op.sku));
                  const edit = !line
                    ? { add: [{ productId: productId(op.sku), quantity: op.quantity }], raise: [] }
                    : op.lower
                      ? { add: [], raise: [], lower: [{ lineId: line.lineId, quantity: op.quantity }] }
                      : { add: [], raise: [{ lineId: line.lineId, quantity: op.quantity }] };
                  // A paid order raised owes the difference until a `pay` records it.
                  await h.handlers.editOrder({ orderId: current.orderId, ...edit }, staff(lane));
                  exercised.edits++;
                  return;
                }
                case 'cancelLines': {
                  const orderId = pick(placed, op.order);
                  const current = orderId && (await load(orderId));
                  if (!current) return;
                  const line = current.lines[op.line % current.lines.length]!;
                  await h.handlers.cancelOrderLines(
                    { orderId: current.orderId, lines: [{ lineId: line.lineId, quantity: op.quantity }] },
                    staff(lane),
                  );
                  exercised.cancelled++;
                  return;
                }
                case 'return': {
                  const orderId = pick(delivered, op.order);
                  const current = orderId && (await load(orderId));
                  if (!current) return;
                  const line = current.lines[op.line % current.lines.length]!;
                  const quantity = Math.min(op.quantity, line.quantity);
                  const writeOff = Math.min(op.writeOff, quantity);
                  const returnId = `a${run}r${index}`;
                  returnIds.push(returnId);
                  await h.handlers.requestReturn(
                    {
                      returnId,
                      orderId: current.orderId,
                      lines: [{ lineId: line.lineId, quantity }],
                      reason: 'no_longer_needed',
                      note: null,
                      photos: [],
                      openedBy: 'staff',
                    },
                    staff(lane),
                  );
                  await h.handlers.authorizeReturn({ returnId, note: null }, staff(lane));
                  const inspected = (disposition: 'restock' | 'write_off', units: number) =>
                    units === 0
                      ? []
                      : [
                          {
                            lineId: line.lineId,
                            quantity: units,
                            disposition,
                            restockLocation: disposition === 'restock' ? LOCATIONS[op.restockAt]! : null,
                            adjustmentReason: disposition === 'write_off' ? ('damage' as const) : null,
                            note: null,
                          },
                        ];
                  await h.handlers.receiveReturn(
                    {
                      returnId,
                      receiptId: `${returnId}-rc`,
                      location: LOCATIONS[0]!,
                      lines: [
                        ...inspected('restock', quantity - writeOff),
                        ...inspected('write_off', writeOff),
                      ],
                    },
                    staff(lane),
                  );
                  exercised.returned++;
                  if (writeOff > 0) exercised.writtenOff++;
                  return;
                }
                case 'receive':
                  await receive(op.sku, LOCATIONS[op.location]!, op.quantity);
                  return;
              }
            };

            /** The admin records an unpaid order paid for its total as it stands, or an edit's difference it owes. */
            const pay = async (orderId: string) => {
              const current = await load(orderId);
              const owed = current?.payment.extra;
              if (current?.status !== 'placed' && !owed) return;
              await h.handlers.recordManualPayment(
                {
                  orderId,
                  reference: `pay-${orderId}-${++counter}`,
                  amount: owed ? { amount: owed.amount, currency: current.currency } : current.totals.total,
                },
                h.context(),
              );
              if (owed) exercised.owedPaid++;
              else exercised.paid++;
            };
            /** Pays an unpaid order, ships what its reservations hold at each location, delivers when all shipped. */
            const fulfil = async (orderId: string): Promise<boolean> => {
              await pay(orderId);
              const current = await load(orderId);
              if (!current) return false;
              for (const location of LOCATIONS) {
                const lines = [];
                for (const line of current.lines) {
                  const allocated = line.allocations.find((a) => a.location === location)?.quantity ?? 0;
                  const hold = holdsByOrder(await foldStock(stockStream(line.sku, location)))[orderId];
                  // Backordered units wait for stock: only what is reserved ships.
                  const quantity = Math.min(
                    allocated - shipped(current, line.lineId, location),
                    hold?.reserved ?? 0,
                  );
                  if (quantity > 0) lines.push({ lineId: line.lineId, quantity });
                }
                if (lines.length === 0) continue;
                await h.handlers.shipOrder(
                  {
                    orderId,
                    shipmentId: `${orderId}-s${++counter}`,
                    location,
                    carrier: 'DHL',
                    trackingNumber: 'T',
                    lines,
                  },
                  h.context(),
                );
                exercised.shipped++;
              }
              if ((await load(orderId))?.status !== 'shipped') return false;
              await h.handlers.deliverOrder(orderId, h.context());
              return true;
            };

            // Lanes run at once; within a lane, ops run in order. A domain refusal is a fine outcome;
            // anything else fails the property.
            await Promise.all(
              Array.from({ length: lanes }, async (_, lane) => {
                for (let i = lane; i < ops.length; i += lanes) {
                  try {
                    await perform(ops[i]!, lane, i);
                  } catch (error) {
                    if (!isDomainError(error)) throw error;
                  }
                }
              }),
            );

            const orders = new Map<string, { state: ExistingOrder; events: RecordedEvent[] }>();
            for (const orderId of placed) {
              const events = await h.store.readStream(orderStream(orderId));
              const state = replay(orderDecider, events as never);
              if (state.status !== 'none') orders.set(orderId, { state, events });
            }
            const receipts: ReturnReceived[] = [];
            for (const returnId of returnIds)
              for (const event of await h.store.readStream(returnStream(returnId)))
                if (event.type === 'ReturnReceived') receipts.push(event as unknown as ReturnReceived);

            for (let s = 0; s < SKUS; s++)
              for (const location of LOCATIONS)
                await reconcileStock(sku(s), location, received.get(stockStream(sku(s), location)) ?? 0);
            for (const { state, events } of orders.values()) reconcileMoney(state, events);

            async function reconcileStock(skuId: string, location: string, receivedHere: number) {
              const stream = stockStream(skuId, location);
              const events = await h.store.readStream(stream);
              const sum = (type: string) =>
                events
                  .filter((e) => e.type === type)
                  .reduce((total, e) => total + Number(e.data.quantity), 0);
              let state: StockState = stockDecider.initialState();
              for (const event of events) {
                state = stockDecider.evolve(state, event as never);
                const at = `${stream} after ${event.type} (revision ${event.revision})`;
                expect(available(state), at).toBeGreaterThanOrEqual(0);
                if (state.status !== 'tracked') continue;
                expect(state.onHand, at).toBeGreaterThanOrEqual(0);
                expect(state.reserved, at).toBeGreaterThanOrEqual(0);
                expect(state.backordered, at).toBeGreaterThanOrEqual(0);
              }
              const levels = state.status === 'tracked' ? state : { onHand: 0, reserved: 0, backordered: 0 };

              // Each figure from its own side: the test's receipts, the orders' shipments, the returns' inspections.
              let shippedByOrders = 0;
              const openByOrder = new Map<string, number>();
              for (const [orderId, { state: o }] of orders)
                for (const line of o.lines.filter((l) => l.sku === skuId)) {
                  const out = shipped(o, line.lineId, location);
                  shippedByOrders += out;
                  const allocated = line.allocations.find((a) => a.location === location)?.quantity ?? 0;
                  if (o.status !== 'cancelled' && allocated - out !== 0)
                    openByOrder.set(orderId, (openByOrder.get(orderId) ?? 0) + allocated - out);
                }
              let restocked = 0;
              let writtenOff = 0;
              for (const receipt of receipts)
                for (const line of receipt.data.lines.filter((l) => l.sku === skuId)) {
                  if (line.disposition === 'restock' && line.restockLocation === location)
                    restocked += line.quantity;
                  if (line.disposition === 'write_off' && receipt.data.location === location)
                    writtenOff += line.quantity;
                }
              const adjustedAway = events
                .filter(isDamage)
                .reduce((total, e) => total - Number(e.data.delta), 0);
              expect(
                events.filter((e) => e.type === 'StockAdjusted' && !isDamage(e)),
                `${stream}: no adjustment but write-offs`,
              ).toEqual([]);
              expect({
                received: sum('StockReceived'),
                shipped: sum('StockShipped'),
                returned: sum('StockReturned'),
                writtenOff: adjustedAway,
                onHand: levels.onHand,
              }).toEqual({
                received: receivedHere,
                shipped: shippedByOrders,
                returned: restocked + writtenOff,
                writtenOff,
                // received + returned − shipped − written off, where the returned units include those written off
                onHand: receivedHere + (restocked + writtenOff) - shippedByOrders - writtenOff,
              });

              // Reserved and backordered: what live orders hold here, order by order, and the stream's own ledger.
              const holds: Record<string, Hold> = holdsByOrder(state);
              const heldByOrder = Object.fromEntries(
                Object.entries(holds).map(([orderId, hold]) => [orderId, hold.reserved + hold.backordered]),
              );
              expect(heldByOrder, `${stream}: holds against the orders`).toEqual(
                Object.fromEntries(openByOrder),
              );
              const holdTotal = (field: 'reserved' | 'backordered') =>
                Object.values(holds).reduce((total, hold) => total + hold[field], 0);
              expect({ reserved: levels.reserved, backordered: levels.backordered }).toEqual({
                reserved: holdTotal('reserved'),
                backordered: holdTotal('backordered'),
              });
              expect({
                reserved:
                  sum('StockReserved') +
                  sum('BackorderFilled') -
                  sum('StockReservationReleased') -
                  sum('StockShipped'),
                backordered: sum('BackorderRecorded') - sum('BackorderFilled') - sum('BackorderCancelled'),
              }).toEqual({ reserved: levels.reserved, backordered: levels.backordered });
              if (sum('BackorderRecorded') > 0) exercised.backordered++;
              // Receipts fill waiting backorders first in first out (docs/after-sale.md).
              if (sum('BackorderFilled') > 0) exercised.backorderFilled++;
            }

            function reconcileMoney(o: ExistingOrder, events: RecordedEvent[]) {
              const total = (...types: string[]) =>
                events.filter((e) => types.includes(e.type)).reduce((sum, e) => sum + amountOf(e), 0);
              const captured = total('PaymentCaptured', 'ExtraPaymentCaptured', 'ExchangeChargeCaptured');
              const refunded = total('RefundIssued');
              const id = `order ${o.orderId}`;
              expect(refunded, id).toBeLessThanOrEqual(captured);
              if (captured === 0) {
                expect(refunded, id).toBe(0);
                return;
              }
              // No tax and no discounts here, so a returned unit's value is its line's unit price.
              const returnedValue = receipts
                .filter((r) => r.data.orderId === o.orderId)
                .flatMap((r) => r.data.lines)
                .reduce(
                  (sum, l) =>
                    sum + o.lines.find((line) => line.lineId === l.lineId)!.unitPrice.amount * l.quantity,
                  0,
                );
              const owed = o.payment.extra?.amount ?? 0;
              expect(captured - refunded, id).toBe(o.totals.total.amount - owed - returnedValue);
            }
          },
        ),
        { numRuns: RUNS, examples: [everyPath] },
      );
      // Every path was taken, and not refused every time.
      for (const [path, times] of Object.entries(exercised)) expect(times, path).toBeGreaterThan(0);
      // A bound that grows with the runs (a run takes a fraction of a second here), also in the soak
      // run, whose 1,000 runs outlast any fixed one.
    },
    RUNS * 1_000,
  );

  const foldStock = async (stream: string): Promise<StockState> =>
    replay(stockDecider, (await h.store.readStream(stream)) as never);
});
