import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';

const RUNS = propertyRuns(15);

/**
 * On real PostgreSQL: one delivered order, then returns (requested, authorized, received with
 * their automatic refund) and staff refunds of random amounts, all at once. Whatever wins each
 * race, the order never refunds more than was captured, and every return's refund is recorded on
 * the order with the same amount.
 */
describe('no refund beyond what was captured, under concurrent returns and refunds', () => {
  let h: CommandHarness;
  let counter = 0;

  beforeAll(async () => {
    h = await commandHarness('postgres');
    const ctx = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    await h.handlers.createProduct(
      {
        productId: 'p-prop',
        sku: 'PROP-1',
        name: 'Spanner',
        description: '',
        brand: 'Acme',
        category: 'tools',
        attributes: {},
        allowBackorder: false,
        price: { amount: 1000, currency: 'EUR' },
      },
      ctx,
    );
    await h.handlers.receiveStock(
      { sku: 'PROP-1', location: 'berlin', quantity: 100_000, reference: null },
      ctx,
    );
  });
  afterAll(() => h.dispose());

  async function deliveredOrder(quantity: number) {
    const orderId = `prop-order-${++counter}`;
    const ctx = h.context();
    const placed = await h.handlers.placeOrder(
      {
        orderId,
        customerId: 'cust-prop',
        currency: 'EUR',
        lines: [{ productId: 'p-prop', quantity }],
        shippingAddress: berlinAddress,
      },
      ctx,
    );
    await h.handlers.recordManualPayment(
      { orderId, reference: `bank-${counter}`, amount: placed.order.totals.total },
      ctx,
    );
    const line = placed.order.lines[0]!;
    await h.handlers.shipOrder(
      {
        orderId,
        shipmentId: `s-${counter}`,
        location: 'berlin',
        carrier: 'DHL',
        trackingNumber: 'T',
        lines: [{ lineId: line.lineId, quantity }],
      },
      ctx,
    );
    await h.handlers.deliverOrder(orderId, ctx);
    return { orderId, lineId: line.lineId, total: placed.order.totals.total.amount };
  }

  /** A whole return: requested, authorized, received (its refund follows by itself). Refusals are fine. */
  async function wholeReturn(orderId: string, lineId: string, quantity: number) {
    const returnId = `prop-return-${++counter}`;
    try {
      await h.handlers.requestReturn(
        {
          returnId,
          orderId,
          lines: [{ lineId, quantity }],
          reason: 'damaged',
          note: null,
          photos: [],
          openedBy: 'customer',
        },
        h.context({ id: 'cust-prop', role: 'customer' }),
      );
      await h.handlers.authorizeReturn({ returnId, note: null }, h.context());
      await h.handlers.receiveReturn(
        {
          returnId,
          receiptId: `rc-${counter}`,
          location: 'berlin',
          lines: [
            {
              lineId,
              quantity,
              disposition: 'restock',
              restockLocation: null,
              adjustmentReason: null,
              note: null,
            },
          ],
        },
        h.context(),
      );
    } catch (error) {
      if (!(error instanceof Error) || !('code' in error)) throw error;
    }
  }

  async function staffRefund(orderId: string, amount: number) {
    try {
      await h.handlers.refundOrder(
        { orderId, amount: { amount, currency: 'EUR' }, reason: 'goodwill' },
        h.context(),
      );
    } catch (error) {
      if (!(error instanceof Error) || !('code' in error)) throw error;
    }
  }

  it('keeps refunded ≤ captured, and each return refund on the order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('return' as const), quantity: fc.integer({ min: 1, max: 5 }) }),
            fc.record({ kind: fc.constant('refund' as const), amount: fc.integer({ min: 1, max: 4000 }) }),
          ),
          { minLength: 2, maxLength: 6 },
        ),
        async (ordered, actions) => {
          const { orderId, lineId } = await deliveredOrder(ordered);
          await Promise.all(
            actions.map((action) =>
              action.kind === 'return'
                ? wholeReturn(orderId, lineId, Math.min(action.quantity, ordered))
                : staffRefund(orderId, action.amount),
            ),
          );
          const events = await h.store.readStream(orderStream(orderId));
          const captured = events
            .filter((e) => e.type === 'PaymentCaptured')
            .reduce((sum, e) => sum + (e.data.amount as { amount: number }).amount, 0);
          const refunded = events
            .filter((e) => e.type === 'RefundIssued')
            .reduce((sum, e) => sum + (e.data.amount as { amount: number }).amount, 0);
          expect(refunded).toBeLessThanOrEqual(captured);
          // Never more units returned than delivered, whatever raced.
          const claimed = (await h.store.readStream(`returned-${orderId}`))
            .filter((e) => e.type === 'ReturnQuantitiesClaimed')
            .reduce((sum, e) => sum + (e.data.lines as { quantity: number }[])[0]!.quantity, 0);
          expect(claimed).toBeLessThanOrEqual(ordered);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
