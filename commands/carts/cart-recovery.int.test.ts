import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { startMailDispatcher } from '../../infra/mail/mail-dispatcher.ts';
import { sqlMailQueue } from '../../infra/mail/sql-mail-queue.ts';
import { createSmtpTransport } from '../../infra/mail/smtp-transport.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { startSmtpSink, type SmtpSink } from '../../test-support/smtp-sink.ts';
import { waitUntil } from '../../test-support/wait-until.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';
import { createCartReminderScheduler, remindAbandonedCart } from './abandoned-cart-reminders.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const RESTORE_URL = 'https://shop.example/cart/restore';

/**
 * The recovery side of the reminder sequence: each reminder links to the storefront with a secret
 * that restores the cart, and carries a single-use code of the recovery promotion issued for that
 * cart (recorded on the cart's events, claimed through the unique-code machinery), which applies
 * once the cart is restored and checks out with it, once.
 */
describe('abandoned-cart recovery: restore link and single-use code, on postgres', () => {
  let h: CommandHarness;
  let sink: SmtpSink;
  const delaysMs = [60 * 60_000, 24 * 60 * 60_000];

  beforeAll(async () => {
    h = await commandHarness('postgres', { promotions: {} });
    sink = await startSmtpSink();
    const admin = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', admin);
    await h.handlers.createProduct(
      {
        productId: 'mug',
        sku: 'MUG',
        name: 'Mug',
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: false,
        price: eur(1000),
      },
      admin,
    );
    await h.handlers.receiveStock({ sku: 'MUG', location: 'berlin', quantity: 10, reference: null }, admin);
    await h.handlers.createPromotion(
      {
        promotionId: 'comeback',
        definition: definition({ kind: 'order_percent', basisPoints: 1000 }, { codes: { mode: 'unique' } }),
      },
      admin,
    );
    await h.handlers.activatePromotion('comeback', admin);
  });
  afterAll(async () => {
    await sink?.close();
    await h?.dispose();
  });

  it('mails a restore link and one code per cart, restores the cart with the code applied, and the code works once', async () => {
    const remind = (cartId: string, ctx = h.context()) =>
      remindAbandonedCart(
        {
          runtime: commandRuntime(h.store),
          mail: sqlMailQueue(h.sql),
          delaysMs,
          recovery: { restoreUrl: RESTORE_URL, promotionId: 'comeback' },
        },
        cartId,
        ctx,
      );
    const scheduler = createCartReminderScheduler({
      store: h.store,
      clock: h.clock,
      ids: uuidV7Ids,
      delaysMs,
      lease: soleInstanceLease,
      remind,
      intervalMs: 3_600_000, // fired only when the test asks, so the test controls time
    });
    const created = await h.handlers.createCart(
      { cartId: 'g1', customerId: null, currency: 'EUR' },
      h.context(),
    );
    const old = { customerId: null, secret: created.secret };
    await h.handlers.addLine('g1', old, { productId: 'mug', quantity: 2 }, h.context());
    await h.handlers.setEmail(
      'g1',
      old,
      { email: 'ann@example.com', marketingConsent: true, source: 'checkout' },
      h.context(),
    );
    await h.handlers.setShippingAddress('g1', old, berlinAddress, h.context());
    const mails = async () =>
      h.sql.query<{ subject: string; text_body: string }>(
        `select subject, text_body from qm_mail_deliveries where template = 'abandoned-cart' order by created_at, subject`,
      );
    const linkOf = (text: string) => new URL(/https:\/\/shop\.example\/\S+/.exec(text)![0]);
    await scheduler.start();
    try {
      await waitUntil('g1 scheduled', () => scheduler.pending().has('g1'));
      h.clock.advance(61 * 60_000);
      await scheduler.runDue();
      const [first] = await waitUntil('first reminder', async () => {
        const queued = await mails();
        return queued.length === 1 && queued;
      });
      const firstLink = linkOf(first!.text_body);
      expect(firstLink.origin + firstLink.pathname).toBe(RESTORE_URL);
      expect(Object.fromEntries(firstLink.searchParams)).toMatchObject({ cart: 'g1', step: '0' });
      const code = /code ([A-Z0-9]+)/.exec(first!.text_body)![1]!;

      // Recorded as events: the code claimed under the cart's own generation, the link's hash on the reminder.
      const [claim] = await h.store.readStream(`coupon-${code}`);
      expect(claim).toMatchObject({
        type: 'CodeClaimed',
        data: { promotionId: 'comeback', generationId: 'recovery-g1', singleUse: true },
      });
      const reminder = (await h.store.readStream('cart-g1')).find((e) => e.type === 'CartReminderSent');
      expect(reminder?.data).toMatchObject({ step: 0, couponCode: code });
      expect(JSON.stringify(reminder?.data)).not.toContain(firstLink.searchParams.get('token')!);

      // The second step carries a new link and the same code: one code per cart.
      await waitUntil(
        'second step scheduled',
        () =>
          scheduler.pending().get('g1')?.toISOString() === '2026-12-06T10:00:00.000Z' ||
          scheduler.pending().has('g1'),
      );
      h.clock.advance(23 * 60 * 60_000);
      await scheduler.runDue();
      const [, second] = await waitUntil('second reminder', async () => {
        const queued = await mails();
        return queued.length === 2 && queued;
      });
      expect(second!.text_body).toContain(`code ${code}`);
      const secondLink = linkOf(second!.text_body);
      expect(secondLink.searchParams.get('step')).toBe('1');
      expect(await h.store.readStream('coupongen-recovery-g1')).toHaveLength(1);

      // Both arrive over SMTP.
      const dispatcher = startMailDispatcher({
        sql: h.sql,
        transport: createSmtpTransport({ url: sink.url, from: 'shop@quartermaster.test' }),
        log: createLogger('silent'),
        pollMs: 50,
      });
      try {
        await waitUntil('two mails received', () => sink.received.length === 2);
      } finally {
        await dispatcher.stop();
      }
      expect(sink.received.map((m) => m.to)).toEqual([['ann@example.com'], ['ann@example.com']]);
      expect(sink.received[1]!.raw).toContain(code);

      // A wrong token is a cart that does not exist; the link's token restores it with a new secret.
      const link = (url: URL) => ({
        step: Number(url.searchParams.get('step')),
        token: url.searchParams.get('token')!,
      });
      await expect(
        h.handlers.restoreCart('g1', { step: 1, token: link(firstLink).token }, h.context()),
      ).rejects.toMatchObject({ code: 'cart_not_found' });
      const restored = await h.handlers.restoreCart('g1', link(secondLink), h.context());
      expect(restored).toMatchObject({ cartId: 'g1', couponCode: code });
      await expect(h.handlers.cartFor('g1', old)).rejects.toMatchObject({ code: 'cart_not_found' });
      const access = { customerId: null, secret: restored.secret };
      expect((await h.handlers.cartFor('g1', access)).totals).toMatchObject({
        subtotal: eur(2000),
        discountTotal: eur(200),
        discounts: [{ promotionId: 'comeback', code }],
      });
      // Restoring is the shopper coming back: the sequence starts over, and checkout stops it.
      const placed = await h.handlers.checkOutCart('g1', access, {}, h.context());
      expect(placed.order.totals).toMatchObject({ discountTotal: eur(200), discounts: [{ code }] });
      await waitUntil('g1 off the schedule', () => !scheduler.pending().has('g1'));

      // The code was single-use: another order entering it gets no discount from it.
      const again = await h.handlers.placeOrder(
        {
          orderId: 'o-again',
          customerId: 'someone',
          currency: 'EUR',
          lines: [{ productId: 'mug', quantity: 1 }],
          shippingAddress: berlinAddress,
          couponCodes: [code],
        },
        h.context(),
      );
      expect(again.order.totals).toMatchObject({ discountTotal: eur(0), discounts: [] });
    } finally {
      await scheduler.stop();
    }
  });
});
