import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePositionToken } from '../../ports/position.ts';
import { orderStream, stockStream } from '../../domain/streams.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { stateAt, streamHistory, UnknownStreamCategory } from './time-travel.ts';
import { berlinAddress } from '../../test-support/addresses.ts';

const address = { ...berlinAddress, line1: 'Street 1' };
const at = (iso: string) => ({ kind: 'time' as const, time: new Date(iso) });

/**
 * Real events from the command handlers, on a manual clock: stock received on Monday, an order
 * placed on Tuesday at 14:30, a damage write-off and the order's cancellation on Wednesday. The
 * tools then answer how the stock and the order stood at any moment between.
 */
for (const backend of ['pglite', 'postgres'] as const) {
  describe(`time travel on ${backend}`, () => {
    let h: CommandHarness;
    const stock = stockStream('TT-1', 'berlin');
    const order = orderStream('o-tt-1');
    let placedPosition = '';

    beforeAll(async () => {
      h = await commandHarness(backend);
      h.clock.set('2026-11-16T09:00:00.000Z'); // Monday
      await h.handlers.createLocation('berlin', 'Berlin', h.context());
      await h.handlers.createProduct(
        {
          productId: 'p-tt-1',
          sku: 'TT-1',
          name: 'Time machine',
          description: '',
          brand: 'b',
          category: 'c',
          attributes: {},
          allowBackorder: false,
          price: { amount: 4200, currency: 'EUR' },
        },
        h.context(),
      );
      await h.handlers.receiveStock(
        { sku: 'TT-1', location: 'berlin', quantity: 10, reference: 'PO-1' },
        h.context(),
      );
      h.clock.set('2026-11-17T14:30:00.000Z'); // Tuesday
      const placed = await h.handlers.placeOrder(
        {
          orderId: 'o-tt-1',
          customerId: 'cust-1',
          currency: 'EUR',
          lines: [{ productId: 'p-tt-1', quantity: 3 }],
          shippingAddress: address,
        },
        h.context({ id: 'cust-1', role: 'customer' }),
      );
      placedPosition = `${placed.position.commit}:${placed.position.prepare}`;
      h.clock.set('2026-11-18T10:00:00.000Z'); // Wednesday
      await h.handlers.adjustStock(
        { sku: 'TT-1', location: 'berlin', delta: -2, reason: 'damage', note: 'dropped' },
        h.context({ id: 'staff-7', role: 'admin' }),
      );
      await h.handlers.cancelOrder(
        { orderId: 'o-tt-1', reason: 'requested', note: null },
        h.context({ id: 'cust-1', role: 'customer' }),
      );
    });
    afterAll(() => h.dispose());

    it('shows the stock as it stood on Tuesday at 14:00, before the order', async () => {
      const answer = await stateAt(h.store, stock, at('2026-11-17T14:00:00Z'));
      expect(answer).toMatchObject({
        stream: stock,
        category: 'stock',
        at: '2026-11-17T14:00:00.000Z',
        asOf: { revision: 0, occurredAt: '2026-11-16T09:00:00.000Z' },
        state: { status: 'tracked', onHand: 10, reserved: 0 },
        eventCount: 1,
        changedBy: [{ actor: { id: 'admin-1', role: 'admin' }, events: 1 }],
      });
      expect(answer!.events.map((e) => e.type)).toEqual(['StockReceived']);
    });

    it('shows the reservation after the placement, and who made each change', async () => {
      const tuesdayEvening = await stateAt(h.store, stock, at('2026-11-17T18:00:00Z'));
      expect(tuesdayEvening!.state).toMatchObject({ onHand: 10, reserved: 3 });
      // Holds read as order → hold, not as the decider's internal trie.
      expect(Object.keys((tuesdayEvening!.state as { holds: object }).holds)).toEqual(['o-tt-1']);
      expect(tuesdayEvening!.events.at(-1)).toMatchObject({
        type: 'StockReserved',
        actor: { id: 'cust-1', role: 'customer' },
        data: { orderId: 'o-tt-1', quantity: 3 },
      });
      const now = await stateAt(h.store, stock, at('2026-11-19T00:00:00Z'));
      expect(now!.state).toMatchObject({ onHand: 8, reserved: 0 });
      expect(now!.changedBy.map((c) => c.actor.id)).toEqual(['cust-1', 'staff-7', 'admin-1']);
      expect(now!.events.map((e) => e.type)).toEqual([
        'StockReceived',
        'StockReserved',
        'StockAdjusted',
        'StockReservationReleased',
      ]);
      const lastTwo = await stateAt(h.store, stock, at('2026-11-19T00:00:00Z'), { eventLimit: 2 });
      expect(lastTwo!.eventCount).toBe(4);
      expect(lastTwo!.events.map((e) => e.revision)).toEqual([2, 3]);
    });

    it('stops at a global position: the order as the placement left it', async () => {
      const placed = await stateAt(h.store, order, {
        kind: 'position',
        position: parsePositionToken(placedPosition)!,
      });
      expect(placed).toMatchObject({ category: 'order', asOf: { revision: 0 }, state: { status: 'placed' } });
      const latest = await stateAt(h.store, order, at('2026-11-30T00:00:00Z'));
      expect(latest!.state).toMatchObject({ status: 'cancelled' });
    });

    it('answers the initial state before the first event, null for a stream with none, and refuses unknown categories', async () => {
      const before = await stateAt(h.store, stock, at('2026-11-01T00:00:00Z'));
      expect(before).toMatchObject({
        asOf: null,
        eventCount: 0,
        events: [],
        changedBy: [],
        state: { status: 'untracked' },
      });
      expect(await stateAt(h.store, stockStream('NOPE', 'berlin'), at('2026-11-19T00:00:00Z'))).toBeNull();
      await expect(stateAt(h.store, 'cart-1', at('2026-11-19T00:00:00Z'))).rejects.toBeInstanceOf(
        UnknownStreamCategory,
      );
    });

    it('lists a stream with its metadata', async () => {
      const history = await streamHistory(h.store, stock);
      expect(history.revision).toBe(3);
      expect(history.events[1]).toMatchObject({
        revision: 1,
        type: 'StockReserved',
        occurredAt: '2026-11-17T14:30:00.000Z',
        actor: { id: 'cust-1', role: 'customer' },
        schemaVersion: 1,
      });
      expect(history.events[1]!.correlationId).toEqual(expect.any(String));
      expect(history.events[1]!.position).toMatch(/^\d+:\d+$/);
      expect(
        (await streamHistory(h.store, stock, { fromRevision: 2, limit: 1 })).events.map((e) => e.revision),
      ).toEqual([2]);
    });
  });
}
