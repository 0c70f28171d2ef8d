import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertNever } from '../assert-never.ts';
import { isDomainError } from '../errors.ts';
import { isPlainJson } from '../json.ts';
import {
  available,
  cartHoldOf,
  countsOf,
  evolveStockCounts,
  holdOf,
  holdReleaseReasons,
  holdsByOrder,
  inventoryEventTypes,
  stockDecider,
  type InventoryCommand,
  type InventoryEvent,
  type StockCounts,
  type StockState,
} from './index.ts';

const at = { sku: 'MUG', location: 'berlin' } as const;
const orderId = fc.constantFrom('o1', 'o2', 'o3');
const cartId = fc.constantFrom('c1', 'c2', 'c3');
const quantity = fc.integer({ min: 0, max: 8 });
const expiresAt = '2025-01-01T00:15:00Z';
const now = fc.constantFrom('2025-01-01T00:10:00Z', '2025-01-01T00:20:00Z');

const command: fc.Arbitrary<InventoryCommand> = fc.oneof(
  fc.record({ quantity }).map(({ quantity }) => ({
    type: 'ReceiveStock' as const,
    data: { ...at, quantity, reference: null },
  })),
  fc
    .record({
      delta: fc.integer({ min: -8, max: 8 }),
      reason: fc.constantFrom('count', 'damage', 'loss', 'found'),
    })
    .map(({ delta, reason }) => ({
      type: 'AdjustStock' as const,
      data: { ...at, delta, reason, note: null },
    })),
  fc
    .record({
      orderId,
      quantity,
      allowBackorder: fc.boolean(),
      fromHold: fc.option(cartId, { nil: undefined }),
    })
    .map(({ fromHold, ...d }) => ({
      type: 'ReserveStock' as const,
      data: { ...at, ...d, expiresAt, ...(fromHold ? { fromHold } : {}) },
    })),
  fc.record({ cartId, holder: fc.constantFrom('h1', 'h2'), quantity, now }).map((d) => ({
    type: 'HoldStock' as const,
    data: { ...at, ...d, expiresAt, maxPerCart: 6, maxPerHolder: 9 },
  })),
  fc
    .record({ cartId, reason: fc.constantFrom(...holdReleaseReasons), now })
    .map((d) => ({ type: 'ReleaseHold' as const, data: { ...at, ...d } })),
  fc.record({ orderId, quantity }).map((d) => ({ type: 'FillBackorder' as const, data: { ...at, ...d } })),
  fc
    .record({ orderId, quantity, reason: fc.constantFrom('cancelled', 'expired', 'payment_failed'), now })
    .map((d) => ({ type: 'ReleaseReservation' as const, data: { ...at, ...d } })),
  fc
    .record({ orderId, quantity, shipmentId: fc.constantFrom('s1', 's2', 's3') })
    .map((d) => ({ type: 'ShipStock' as const, data: { ...at, ...d } })),
  fc
    .record({ quantity, transferId: fc.constantFrom('t1', 't2', 't3', 't4') })
    .map((d) => ({ type: 'TransferStockOut' as const, data: { ...at, ...d, toLocation: 'paris' } })),
  fc
    .record({ quantity, transferId: fc.constantFrom('t5', 't6', 't7') })
    .map((d) => ({ type: 'TransferStockIn' as const, data: { ...at, ...d, fromLocation: 'paris' } })),
  fc.integer({ min: -1, max: 5 }).map((threshold) => ({
    type: 'SetLowStockThreshold' as const,
    data: { ...at, threshold },
  })),
  fc
    .record({ orderId, quantity, writtenOff: fc.integer({ min: 0, max: 8 }) })
    .map(({ orderId, quantity, writtenOff }) => ({
      type: 'ReturnStock' as const,
      data: {
        ...at,
        orderId,
        returnId: 'r1',
        quantity,
        writeOffs: writtenOff > 0 ? [{ quantity: writtenOff, reason: 'damage' as const, note: null }] : [],
      },
    })),
);

/** What on-hand and each order's holding must be, computed from the events alone. */
type Ledger = {
  onHand: number;
  reserved: Map<string, number>;
  backordered: Map<string, number>;
  held: Map<string, number>;
};

function book(ledger: Ledger, event: InventoryEvent): void {
  const bump = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);
  switch (event.type) {
    case 'StockReceived':
    case 'StockTransferredIn':
      ledger.onHand += event.data.quantity;
      break;
    case 'StockTransferredOut':
      ledger.onHand -= event.data.quantity;
      break;
    case 'StockAdjusted':
      ledger.onHand += event.data.delta;
      break;
    case 'StockReserved':
      bump(ledger.reserved, event.data.orderId, event.data.quantity);
      // A checkout's reservation ends the cart's hold it took over.
      if (event.data.convertedHold)
        bump(ledger.held, event.data.convertedHold.cartId, -event.data.convertedHold.quantity);
      break;
    case 'BackorderRecorded':
      bump(ledger.backordered, event.data.orderId, event.data.quantity);
      break;
    case 'BackorderFilled':
      bump(ledger.backordered, event.data.orderId, -event.data.quantity);
      bump(ledger.reserved, event.data.orderId, event.data.quantity);
      break;
    case 'BackorderCancelled':
      bump(ledger.backordered, event.data.orderId, -event.data.quantity);
      break;
    case 'StockReservationReleased':
      bump(ledger.reserved, event.data.orderId, -event.data.quantity);
      break;
    case 'StockShipped':
      bump(ledger.reserved, event.data.orderId, -event.data.quantity);
      ledger.onHand -= event.data.quantity;
      break;
    case 'StockReturned':
      ledger.onHand += event.data.quantity;
      break;
    case 'LowStockThresholdSet':
      break;
    case 'StockHeld':
      bump(ledger.held, event.data.cartId, event.data.quantity);
      break;
    case 'StockHoldReleased':
      bump(ledger.held, event.data.cartId, -event.data.quantity);
      break;
    default:
      assertNever(event);
  }
}

function checkInvariants(state: StockState, ledger: Ledger): void {
  expect(available(state)).toBeGreaterThanOrEqual(0);
  if (state.status === 'untracked') return;
  const holds = Object.entries(holdsByOrder(state));
  expect(state.onHand).toBe(ledger.onHand);
  expect(state.reserved).toBe(holds.reduce((total, [, h]) => total + h.reserved, 0));
  expect(state.backordered).toBe(holds.reduce((total, [, h]) => total + h.backordered, 0));
  for (const [order, hold] of holds) {
    expect(hold.reserved).toBeGreaterThanOrEqual(0);
    expect(hold.backordered).toBeGreaterThanOrEqual(0);
    expect(hold.reserved + hold.backordered).toBeGreaterThan(0);
    expect(hold.reserved).toBe(ledger.reserved.get(order) ?? 0);
    expect(hold.backordered).toBe(ledger.backordered.get(order) ?? 0);
  }
  for (const [order, quantity] of ledger.reserved) {
    if (quantity > 0) expect(holdOf(state, order)).toBeDefined();
  }
  // The backorder queue holds exactly what each order waits for, in entries of at least one unit.
  const queued = new Map<string, number>();
  for (const waiting of state.backorderQueue) {
    expect(waiting.quantity).toBeGreaterThan(0);
    queued.set(waiting.orderId, (queued.get(waiting.orderId) ?? 0) + waiting.quantity);
  }
  expect(Object.fromEntries(queued)).toEqual(
    Object.fromEntries(
      holds.filter(([, h]) => h.backordered > 0).map(([order, h]) => [order, h.backordered]),
    ),
  );
  // Checkout holds: counted once each, never negative, and within the per-holder cap.
  const held = [...ledger.held.values()].reduce((total, q) => total + q, 0);
  expect(state.held).toBe(held);
  for (const [cart, quantity] of ledger.held) {
    expect(quantity).toBeGreaterThanOrEqual(0);
    expect(cartHoldOf(state, cart)?.quantity ?? 0).toBe(quantity);
  }
  expect(isPlainJson(state)).toBe(true);
}

const RUNS = 1000;

describe('stock invariants', () => {
  it('no sequence of commands makes available negative, and counts reconcile with the events', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 60, size: 'max' }), (commands) => {
        let state = stockDecider.initialState();
        // The counts-only fold (the notification consumer's, the inventory read model's) counts as the full one.
        let counts: StockCounts = { status: 'untracked' };
        const ledger: Ledger = { onHand: 0, reserved: new Map(), backordered: new Map(), held: new Map() };
        for (const cmd of commands) {
          let events: InventoryEvent[];
          try {
            events = stockDecider.decide(cmd, state);
          } catch (error) {
            if (!isDomainError(error)) throw error;
            continue;
          }
          for (const event of events) {
            expect(isPlainJson(event)).toBe(true);
            seen.add(event.type);
            book(ledger, event);
            state = stockDecider.evolve(state, event);
            counts = evolveStockCounts(counts, event);
          }
          checkInvariants(state, ledger);
          expect(counts).toEqual(countsOf(state));
          // An arrival fills the waiting backorders with what arrived, as far as it is free; only
          // an arrival fills. A backorder still waiting means the arrival or the free stock ran out.
          const arrival = ['ReceiveStock', 'TransferStockIn', 'ReturnStock'].includes(cmd.type);
          const filled = events.reduce((n, e) => n + (e.type === 'BackorderFilled' ? e.data.quantity : 0), 0);
          const arrived = events.reduce(
            (n, e) =>
              n +
              (e.type === 'StockReceived' || e.type === 'StockTransferredIn' || e.type === 'StockReturned'
                ? e.data.quantity
                : e.type === 'StockAdjusted'
                  ? e.data.delta
                  : 0),
            0,
          );
          if (cmd.type !== 'FillBackorder')
            expect(filled).toBeLessThanOrEqual(arrival ? Math.max(arrived, 0) : 0);
          if (arrival && state.status === 'tracked' && state.backorderQueue.length > 0) {
            expect(filled).toBe(Math.max(0, Math.min(arrived, available(state) + filled)));
          }
        }
      }),
      { numRuns: RUNS },
    );
    // Guards the generator: a property that never reaches an event proves nothing about it.
    expect([...seen].sort()).toEqual([...inventoryEventTypes].sort());
  }, 30_000);
});
