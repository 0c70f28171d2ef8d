import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { sqlMailQueue } from '../../infra/mail/sql-mail-queue.ts';
import { createManualPayments } from '../../infra/payments/manual-payments.ts';
import { createEventPrivacy } from '../../infra/privacy/event-privacy.ts';
import { privateEventStore } from '../../infra/privacy/private-event-store.ts';
import { createSqlPersonalDataKeys } from '../../infra/privacy/sql-personal-data-keys.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { manualClock } from '../../test-support/command-harness.ts';
import { migratedPglite, migratedPostgres } from '../../test-support/databases.ts';
import { createCommandHandlers, type CommandContext } from '../command-handlers.ts';
import { createLocationDirectory } from '../locations/location-directory.ts';
import { defaultOrderSettings } from '../orders/order-deps.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';
import { waitUntil } from '../../test-support/wait-until.ts';
import { createCartReminderScheduler, remindAbandonedCart } from './abandoned-cart-reminders.ts';
import { createAnalyticsProjection } from '../../projections/analytics/analytics-projection.ts';
import { findReport, reportParams, reportRows } from '../../projections/analytics/reports.ts';
import { tempAnalytics } from '../../test-support/temp-analytics.ts';
import { readLogPages } from '../../test-support/shop-history.ts';

describe.each(['pglite', 'postgres'] as const)('carts on %s', (backend) => {
  let sql: SqlClient;
  let dispose: () => Promise<void>;
  let handlers: ReturnType<typeof createCommandHandlers>;
  let store: ReturnType<typeof privateEventStore>;
  let stopLocations: () => Promise<void>;
  const clock = manualClock('2026-12-05T10:00:00.000Z');
  const context = (id = 'admin-1', role: CommandContext['actor']['role'] = 'admin'): CommandContext => ({
    actor: { id, role },
    correlationId: uuidV7Ids.newId(),
    causationId: null,
    now: clock.now().toISOString(),
  });
  const guest = (secret: string | null) => ({ customerId: null, secret });
  const customer = (customerId: string) => ({ customerId, secret: null });

  beforeAll(async () => {
    const db = backend === 'postgres' ? await migratedPostgres(5) : await migratedPglite();
    sql = db.client;
    dispose = db.dispose;
    store = privateEventStore(createSqlEventStore(sql), createEventPrivacy(createSqlPersonalDataKeys(sql)));
    const locations = createLocationDirectory(store);
    await locations.start();
    stopLocations = () => locations.stop();
    handlers = createCommandHandlers({
      runtime: commandRuntime(store),
      locations,
      payments: createManualPayments(),
      clock,
      settings: defaultOrderSettings,
    });
    await handlers.createLocation('berlin', 'Berlin warehouse', context());
    for (const [productId, price] of [
      ['mug', 1200],
      ['pen', 250],
    ] as const) {
      await handlers.createProduct(
        {
          productId,
          sku: productId.toUpperCase(),
          name: productId,
          description: '',
          brand: 'Acme',
          category: 'office',
          attributes: {},
          allowBackorder: false,
          price: { amount: price, currency: 'EUR' },
        },
        context(),
      );
      await handlers.receiveStock(
        { sku: productId.toUpperCase(), location: 'berlin', quantity: 4, reference: null },
        context(),
      );
    }
  });
  afterAll(async () => {
    await stopLocations();
    await dispose();
  });

  it('opens a guest cart only with its secret, and stores only the secret’s hash', async () => {
    const created = await handlers.createCart({ cartId: 'g1', customerId: null, currency: 'EUR' }, context());
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const raw = JSON.stringify(await sql.query('select data from qm_events where stream = $1', ['cart-g1']));
    expect(raw).not.toContain(created.secret!);

    for (const access of [guest(null), guest('wrong'), customer('admin-1')]) {
      await expect(
        handlers.addLine('g1', access, { productId: 'mug', quantity: 1 }, context()),
      ).rejects.toMatchObject({
        code: 'cart_not_found',
      });
    }
    const added = await handlers.addLine(
      'g1',
      guest(created.secret),
      { productId: 'mug', quantity: 2 },
      context(),
    );
    // The add carries the totals it moved: one event, not the change and a second for its figures.
    expect(added.events.map((event) => event.type)).toEqual(['CartLineAdded']);
    expect(added.events[0]!.data).toMatchObject({
      totals: {
        subtotal: { amount: 2400 },
        shipping: { amount: 0 },
        tax: { amount: 0 },
        total: { amount: 2400 },
      },
    });
    await expect(
      handlers.addLine('g1', guest(created.secret), { productId: 'mug', quantity: 3 }, context()),
    ).rejects.toMatchObject({ code: 'quantity_unavailable', details: { sku: 'MUG', available: 4 } });
  });

  it('seals the email and address under the guest cart’s subject, and checks the cart out into an order', async () => {
    const { secret } = await handlers.createCart(
      { cartId: 'g2', customerId: null, currency: 'EUR' },
      context(),
    );
    const access = guest(secret);
    await handlers.addLine('g2', access, { productId: 'pen', quantity: 1 }, context());
    await handlers.setEmail(
      'g2',
      access,
      { email: 'Grace@Example.com', marketingConsent: true, source: 'checkout' },
      context(),
    );
    await handlers.setShippingAddress('g2', access, berlinAddress, context());
    const raw = JSON.stringify(await sql.query('select data from qm_events where stream = $1', ['cart-g2']));
    expect(raw).not.toContain('grace@example.com');
    expect(raw).not.toContain(berlinAddress.line1);
    const cart = await handlers.cartFor('g2', access);
    expect(cart.email?.address).toBe('grace@example.com');

    const placed = await handlers.checkOutCart('g2', access, {}, context('anonymous', 'customer'));
    expect(placed.order).toMatchObject({ orderId: 'g2', customerId: 'guest-cart-g2' });
    expect((await handlers.cartFor('g2', access)).status).toBe('checked_out');
    await expect(handlers.checkOutCart('g2', access, {}, context())).rejects.toMatchObject({
      code: 'cart_closed',
    });
    await expect(
      handlers.addLine('g2', access, { productId: 'pen', quantity: 1 }, context()),
    ).rejects.toMatchObject({
      code: 'cart_closed',
    });
  });

  it('claims a guest cart into the customer’s cart: quantities add, capped at what is available', async () => {
    await handlers.createCart({ cartId: 'c1', customerId: 'cust-1', currency: 'EUR' }, context());
    await handlers.addLine('c1', customer('cust-1'), { productId: 'pen', quantity: 2 }, context());
    const { secret } = await handlers.createCart(
      { cartId: 'g3', customerId: null, currency: 'EUR' },
      context(),
    );
    await handlers.addLine('g3', guest(secret), { productId: 'pen', quantity: 3 }, context());
    await handlers.addLine('g3', guest(secret), { productId: 'mug', quantity: 1 }, context());
    // Another customer's cart is not a merge target, and a wrong secret claims nothing.
    await expect(
      handlers.claimCart('g3', { customerId: 'cust-2', secret: secret!, mergeInto: 'c1' }, context()),
    ).rejects.toMatchObject({ code: 'cart_not_found' });
    await expect(
      handlers.claimCart('g3', { customerId: 'cust-1', secret: 'wrong', mergeInto: 'c1' }, context()),
    ).rejects.toMatchObject({ code: 'cart_not_found' });

    const merged = await handlers.claimCart(
      'g3',
      { customerId: 'cust-1', secret: secret!, mergeInto: 'c1' },
      context(),
    );
    expect(merged.cartId).toBe('c1');
    const into = await handlers.cartFor('c1', customer('cust-1'));
    // 4 pens are in stock (one went to the checked-out order): 2 + 3 is capped at 3.
    expect(Object.values(into.lines).map((line) => [line.productId, line.quantity])).toEqual([
      ['pen', 3],
      ['mug', 1],
    ]);
    expect(into.totals?.subtotal.amount).toBe(3 * 250 + 1200);
    const closed = await handlers.cartFor('g3', customer('cust-1'));
    expect(closed.status).toBe('merged');
  });

  it('moves a product from the wishlist into the cart in one step, or changes neither stream when short', async () => {
    await handlers.createCart({ cartId: 'w1', customerId: 'cust-9', currency: 'EUR' }, context());
    await handlers.addToWishlist('cust-9', 'mug', context());
    const before = await store.streamRevision('wishlist-cust-9');
    await expect(
      handlers.moveToCart('cust-9', { productId: 'mug', cartId: 'w1', quantity: 50 }, context()),
    ).rejects.toMatchObject({ code: 'quantity_unavailable', details: { sku: 'MUG' } });
    expect(await store.streamRevision('wishlist-cust-9')).toBe(before);
    await expect(
      handlers.moveToCart('cust-9', { productId: 'mug', cartId: 'c1', quantity: 1 }, context()),
    ).rejects.toMatchObject({ code: 'cart_not_found' });
    const moved = await handlers.moveToCart(
      'cust-9',
      { productId: 'mug', cartId: 'w1', quantity: 1 },
      context(),
    );
    expect(moved.events.map((event) => event.type)).toEqual(['WishlistItemRemoved', 'CartLineAdded']);
    expect(moved.events[1]!.data).toHaveProperty('totals.total.amount');
    expect(Object.keys((await handlers.cartFor('w1', customer('cust-9'))).lines)).toEqual(['mug']);
  });

  it('sends the two reminders of the sequence once each, only with consent, and none after checkout', async () => {
    const mail = sqlMailQueue(sql);
    const delaysMs = [60 * 60_000, 24 * 60 * 60_000];
    const scheduler = createCartReminderScheduler({
      store,
      clock,
      ids: uuidV7Ids,
      delaysMs,
      lease: soleInstanceLease,
      remind: (cartId, ctx) =>
        remindAbandonedCart({ runtime: commandRuntime(store), mail, delaysMs }, cartId, ctx),
      intervalMs: 3_600_000, // fired only when the test asks, so the test controls time
    });
    const consenting = await handlers.createCart(
      { cartId: 'r1', customerId: null, currency: 'EUR' },
      context(),
    );
    await handlers.addLine('r1', guest(consenting.secret), { productId: 'pen', quantity: 1 }, context());
    await handlers.setEmail(
      'r1',
      guest(consenting.secret),
      { email: 'yes@example.com', marketingConsent: true, source: 'checkout' },
      context(),
    );
    const declining = await handlers.createCart(
      { cartId: 'r2', customerId: null, currency: 'EUR' },
      context(),
    );
    await handlers.addLine('r2', guest(declining.secret), { productId: 'pen', quantity: 1 }, context());
    await handlers.setEmail(
      'r2',
      guest(declining.secret),
      { email: 'no@example.com', marketingConsent: false, source: 'checkout' },
      context(),
    );
    // A third shopper, reminded once, comes back and checks out: no second reminder.
    const returning = await handlers.createCart(
      { cartId: 'r3', customerId: null, currency: 'EUR' },
      context(),
    );
    const r3 = guest(returning.secret);
    await handlers.addLine('r3', r3, { productId: 'pen', quantity: 1 }, context());
    await handlers.setEmail(
      'r3',
      r3,
      { email: 'back@example.com', marketingConsent: true, source: 'checkout' },
      context(),
    );
    await handlers.setShippingAddress('r3', r3, berlinAddress, context());
    await scheduler.start();
    try {
      const reminders = async () =>
        (
          await sql.query<{ recipient: string; subject: string }>(
            `select recipient, subject from qm_mail_deliveries where template = 'abandoned-cart' order by recipient, subject`,
          )
        ).map((row) => `${row.recipient}: ${row.subject}`);
      const mailed = (count: number) =>
        waitUntil(`${count} reminders`, async () => {
          const sent = await reminders();
          return sent.length >= count && sent;
        });
      // The scheduler follows the log on its own: wait until it has seen what the test appended.
      const scheduled = (cartId: string, at: string) =>
        waitUntil(`${cartId} due at ${at}`, () => scheduler.pending().get(cartId)?.toISOString() === at);
      await scheduled('r1', '2026-12-05T11:00:00.000Z');
      await scheduled('r3', '2026-12-05T11:00:00.000Z');
      const first = 'You left something in your cart';
      const second = 'Your cart is still waiting for you';
      clock.advance(59 * 60_000);
      await scheduler.runDue();
      expect(await reminders()).toEqual([]);
      clock.advance(2 * 60_000);
      await scheduler.runDue();
      // The scheduler's own loop may be firing the same keys: wait for its mails to be queued.
      expect(await mailed(2)).toEqual([`back@example.com: ${first}`, `yes@example.com: ${first}`]);
      await handlers.checkOutCart('r3', r3, {}, context('anonymous', 'customer'));
      // The second step is due 24 hours after the cart was last touched; r3 is off the schedule.
      await scheduled('r1', '2026-12-06T10:00:00.000Z');
      await waitUntil('r3 off the schedule', () => !scheduler.pending().has('r3'));
      clock.advance(22 * 60 * 60_000);
      await scheduler.runDue();
      expect(await reminders()).toHaveLength(2);
      clock.advance(2 * 60 * 60_000);
      await scheduler.runDue();
      expect(await mailed(3)).toEqual([
        `back@example.com: ${first}`,
        `yes@example.com: ${first}`,
        `yes@example.com: ${second}`,
      ]);
      // The sequence is over: nothing more, however long the cart waits, and a late firing is refused.
      clock.advance(7 * 24 * 60 * 60_000);
      await scheduler.runDue();
      expect(await reminders()).toHaveLength(3);
      expect(scheduler.pending().has('r1')).toBe(false);
      await expect(
        remindAbandonedCart({ runtime: commandRuntime(store), mail, delaysMs }, 'r1', context()),
      ).rejects.toMatchObject({
        code: 'reminder_not_due',
      });

      // Recovery analytics (ClickHouse on chDB): r3 came back after its first reminder, r1 did
      // not after its second; r2 never got one (no consent), like the other tests' carts.
      const analytics = await tempAnalytics();
      try {
        const projection = createAnalyticsProjection({ analytics: analytics.analytics });
        for (const page of await readLogPages(store, 200)) await projection.deliver(page);
        const rows = await reportRows(
          analytics.analytics,
          findReport('cart_recovery')!,
          reportParams({ from: '2026-12-01', to: '2026-12-31' }, new Date('2026-12-30')),
        );
        const [r3Order] = await store.readStream(`order-${(await handlers.cartFor('r3', r3)).orderId}`);
        const r3Total = (r3Order!.data as { totals: { total: { amount: number } } }).totals.total.amount;
        expect(rows.map((row) => ({ ...row, carts: Number(row.carts) >= 3 }))).toEqual([
          {
            currency: 'EUR',
            carts: true,
            abandoned: '2',
            abandonment_rate: expect.any(Number) as number,
            step: '0',
            reminded: '1',
            recovered_carts: '1',
            recovery_rate: 1,
            revenue_recovered: String(r3Total),
            median_minutes_to_recover: expect.any(Number) as number,
          },
          {
            currency: 'EUR',
            carts: true,
            abandoned: '2',
            abandonment_rate: expect.any(Number) as number,
            step: '1',
            reminded: '1',
            recovered_carts: '0',
            recovery_rate: 0,
            revenue_recovered: '0',
            median_minutes_to_recover: null,
          },
        ]);
      } finally {
        await analytics.dispose();
      }
    } finally {
      await scheduler.stop();
    }
  });
});
