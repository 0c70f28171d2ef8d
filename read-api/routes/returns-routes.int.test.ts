import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { createMetricsRegistry } from '../../infra/metrics/registry.ts';
import type { Position } from '../../ports/position.ts';
import { ordersProjection } from '../../projections/orders/projection.ts';
import { returnsProjection } from '../../projections/returns/projection.ts';
import {
  startReadModelProjector,
  type RunningProjector,
} from '../../projections/runtime/projector-runner.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { readRoutesApp } from '../../test-support/read-routes-app.ts';
import { returnsReadRoutes } from './returns-routes.ts';

const secret = 'returns-read-test-secret-0123456789abcdef';
const log = createLogger('silent');
const DAY = 24 * 60 * 60 * 1000;

type Item = Record<string, unknown>;

describe('returns read routes on pglite', () => {
  let h: CommandHarness;
  let projectors: RunningProjector[];
  let getAs: ReturnType<typeof readRoutesApp>['get'];
  let app: ReturnType<typeof readRoutesApp>['app'];
  let last: Position;
  const get = (url: string, role: 'customer' | 'staff' | 'admin' | null = 'staff') => getAs(url, role);

  /** A delivered order of 2 × Spanner (1000 each) for `customerId`, paid by bank transfer. */
  async function deliveredOrder(orderId: string, customerId: string) {
    const ctx = h.context({ id: 'staff-7', role: 'staff' });
    const placed = await h.handlers.placeOrder(
      {
        orderId,
        customerId,
        currency: 'EUR',
        lines: [{ productId: 'p-1', quantity: 2 }],
        shippingAddress: berlinAddress,
      },
      h.context({ id: customerId, role: 'customer' }),
    );
    await h.handlers.recordManualPayment(
      { orderId, reference: `bank-${orderId}`, amount: placed.order.totals.total },
      ctx,
    );
    const lineId = placed.order.lines[0]!.lineId;
    await h.handlers.shipOrder(
      {
        orderId,
        shipmentId: `s-${orderId}`,
        location: 'berlin',
        carrier: 'DHL',
        trackingNumber: 'T-1',
        lines: [{ lineId, quantity: 2 }],
      },
      ctx,
    );
    await h.handlers.deliverOrder(orderId, ctx);
    return lineId;
  }

  beforeAll(async () => {
    h = await commandHarness('pglite');
    const deps = { store: h.store, database: h.sql, log, metrics: createMetricsRegistry() };
    projectors = [
      await startReadModelProjector(deps, ordersProjection(), { pollIntervalMs: 5 }),
      await startReadModelProjector(deps, returnsProjection(), { pollIntervalMs: 5 }),
    ];
    ({ get: getAs, app } = readRoutesApp(h.sql, (ctx) => returnsReadRoutes(ctx, h.clock), {
      secret,
      log,
      consistencyWaitMs: 5_000,
    }));
    const admin = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', admin);
    await h.handlers.createProduct(
      {
        productId: 'p-1',
        sku: 'SPANNER',
        name: 'Spanner',
        description: '',
        brand: 'Acme',
        category: 'tools',
        attributes: {},
        allowBackorder: false,
        price: { amount: 1000, currency: 'EUR' },
      },
      admin,
    );
    await h.handlers.receiveStock(
      { sku: 'SPANNER', location: 'berlin', quantity: 10, reference: null },
      admin,
    );
    const mine = await deliveredOrder('o-mine', 'customer-1');
    const theirs = await deliveredOrder('o-theirs', 'customer-2');
    h.clock.advance(DAY);
    // A context per command: each carries the clock's time when it is made.
    const staff = () => h.context({ id: 'staff-7', role: 'staff' });
    await h.handlers.requestReturn(
      {
        returnId: 'r-mine',
        orderId: 'o-mine',
        lines: [{ lineId: mine, quantity: 2 }],
        reason: 'damaged',
        note: 'it arrived bent',
        photos: [],
        openedBy: 'customer',
      },
      h.context({ id: 'customer-1', role: 'customer' }),
    );
    await h.handlers.requestReturn(
      {
        returnId: 'r-theirs',
        orderId: 'o-theirs',
        lines: [{ lineId: theirs, quantity: 1 }],
        reason: 'damaged',
        note: null,
        photos: [],
        openedBy: 'staff',
      },
      staff(),
    );
    h.clock.advance(DAY);
    await h.handlers.authorizeReturn({ returnId: 'r-mine', note: null }, staff());
    h.clock.advance(DAY);
    const received = await h.handlers.receiveReturn(
      {
        returnId: 'r-mine',
        receiptId: 'rc-1',
        location: 'berlin',
        lines: [
          {
            lineId: mine,
            quantity: 2,
            disposition: 'restock',
            restockLocation: null,
            adjustmentReason: null,
            note: null,
          },
        ],
      },
      staff(),
    );
    last = received.position!;
    for (const projector of projectors) expect(await projector.waitFor(last, 20_000)).toBe(true);
    h.clock.advance(DAY);
  });
  afterAll(async () => {
    for (const projector of projectors ?? []) await projector.stop();
    await h?.dispose();
  });

  it("lists the caller's own returns only", async () => {
    const mine = await get('/me/returns', 'customer');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        returnId: 'r-mine',
        orderId: 'o-mine',
        customerId: 'customer-1',
        status: 'received',
        rmaNumber: 'RMA-R-MINE',
        itemCount: 2,
        receivedCount: 2,
        // The automatic refund on receipt: both units as paid.
        refunded: { amount: 2000, currency: 'EUR' },
        lines: [expect.objectContaining({ quantity: 2, received: 2, restocked: 2, writtenOff: 0 })],
      }),
    ]);
    expect(JSON.stringify(mine.body)).not.toContain('bent');
  });

  it('answers the RMA queue to staff by status and age, and refuses customers', async () => {
    const all = await get('/returns');
    expect(all.status).toBe(200);
    expect(all.body.items.map((item: Item) => [item.returnId, item.status, item.waitingDays])).toEqual([
      ['r-theirs', 'requested', 3],
      ['r-mine', 'received', 1],
    ]);
    const waiting = await get('/returns?status=requested&olderThanDays=2');
    expect(waiting.body.items.map((item: Item) => item.returnId)).toEqual(['r-theirs']);
    expect((await get('/returns?status=requested&olderThanDays=4')).body.items).toEqual([]);
    expect((await get('/returns?status=authorized')).body.items).toEqual([]);
    // One order's returns, whatever their status (the dashboard's order page).
    const ofOrder = await get('/returns?orderId=o-mine');
    expect(ofOrder.body.items.map((item: Item) => [item.returnId, item.orderId])).toEqual([
      ['r-mine', 'o-mine'],
    ]);
    expect((await get('/returns?orderId=o-none')).body.items).toEqual([]);
    expect((await get('/returns', 'customer')).status).toBe(403);
    const bad = await get('/returns?status=lost');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('status');
  });

  it('shows one return with its steps and who made each, to its customer and staff only', async () => {
    const own = await get('/returns/r-mine', 'customer');
    expect(own.status).toBe(200);
    const steps = (own.body as unknown as { steps: { type: string; by: { id: string } }[] }).steps;
    expect(steps.map((step) => [step.type, step.by.id])).toEqual([
      ['ReturnRequested', 'customer-1'],
      ['ReturnAuthorized', 'staff-7'],
      ['ReturnReceived', 'staff-7'],
      ['ReturnRefunded', 'returns-refunds'],
    ]);
    // Another customer's return is answered as missing.
    expect((await get('/returns/r-theirs', 'customer')).status).toBe(404);
    expect((await get('/returns/r-theirs', 'staff')).status).toBe(200);
    expect((await get('/returns/r-nothing', 'staff')).status).toBe(404);
  });

  it("shows the order's timeline with every after-sale step, in the order they happened", async () => {
    const response = await app.request(`/orders/o-mine/timeline?after=${last.commit}:${last.prepare}`, {
      headers: {
        authorization: `Bearer ${await mintToken({ secret, role: 'customer', subject: 'customer-1' })}`,
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-read-position')).toBeTruthy();
    const body = (await response.json()) as {
      entries: { type: string; source: string; by: { id: string } }[];
    };
    const entries = body.entries.map((entry) => `${entry.source} ${entry.type} by ${entry.by.id}`);
    expect(entries[0]).toBe('order OrderPlaced by customer-1');
    // After the delivery, each step of the return and the refund it set off, with who made it.
    expect(entries.slice(entries.indexOf('order OrderDelivered by staff-7'))).toEqual([
      'order OrderDelivered by staff-7',
      'return ReturnRequested by customer-1',
      'return ReturnAuthorized by staff-7',
      'return ReturnReceived by staff-7',
      'order RefundIssued by returns-refunds',
      'return ReturnRefunded by returns-refunds',
    ]);
    expect((await get('/orders/o-theirs/timeline', 'customer')).status).toBe(404);
    expect((await get('/orders/o-theirs/timeline', 'staff')).status).toBe(200);
    expect((await get('/orders/o-none/timeline', 'staff')).status).toBe(404);
  });

  it('answers the returns policy to anyone: the default until staff set one, then the one they set', async () => {
    const before = await get('/returns/policy', null);
    expect(before.status).toBe(200);
    expect(before.body).toEqual(
      expect.objectContaining({
        defaultWindowDays: 30,
        categoryWindowDays: {},
        reasons: expect.arrayContaining(['damaged', 'other']),
        refundOn: 'receipt',
        setAt: null,
      }),
    );
    const policy = {
      defaultWindowDays: 14,
      categoryWindowDays: { tools: 60 },
      productWindowDays: { 'p-1': 90 },
      reasons: ['damaged', 'too_small'],
      refundShipping: true,
      restockingFeeBps: 500,
      refundOn: 'authorization' as const,
      instructions: 'Send it to the Berlin warehouse with the RMA number on the parcel.',
    };
    const set = await h.handlers.setReturnPolicy(policy, h.context({ id: 'admin-1', role: 'admin' }));
    const token = `${set.position!.commit}:${set.position!.prepare}`;
    // Read-your-write with the command's token, by a customer and by staff alike.
    for (const role of [null, 'customer', 'staff'] as const) {
      const after = await get(`/returns/policy?after=${token}`, role);
      expect(after.status).toBe(200);
      expect(after.body).toEqual({ ...policy, setAt: h.clock.now().toISOString() });
    }
    const bad = await get('/returns/policy?after=not-a-token', null);
    expect(bad.status).toBe(400);
  });
});
