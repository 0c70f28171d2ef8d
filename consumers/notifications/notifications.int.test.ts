import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { EventBus } from '../../infra/bus/event-bus.ts';
import { busUnderTest, type BusUnderTest } from '../../test-support/bus-under-test.ts';
import { waitUntil } from '../../test-support/wait-until.ts';
import { listDeliveries, retryParkedDelivery } from '../../infra/mail/mail-deliveries.ts';
import { createSmtpTransport } from '../../infra/mail/smtp-transport.ts';
import { startSmtpSink, type SmtpSink } from '../../test-support/smtp-sink.ts';
import { createMetricsRegistry } from '../../infra/metrics/registry.ts';
import { publisherProjection } from '../../projections/publisher/publisher-projection.ts';
import { startSinkProjector, type RunningProjector } from '../../projections/runtime/projector-runner.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { contactsFrom } from './customer-contacts.ts';
import {
  startNotifications,
  type NotificationsOptions,
  type RunningNotifications,
} from './notifications-consumer.ts';
import { berlinAddress } from '../../test-support/addresses.ts';

const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const admin = 'ops@shop.test';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** Which mails arrived: `<template> <recipient> <order or sku>`, from the deterministic Message-ID. */
function sent(smtp: SmtpSink): string[] {
  return smtp.received.map(
    (mail) => `${/\.([a-z-]+)\.[0-9a-f]{16}@/.exec(mail.messageId)?.[1]} ${mail.to.join(',')}`,
  );
}

describe.each(['nats', 'in-process'] as const)('notifications over the %s bus', (kind) => {
  let h: CommandHarness;
  let env: BusUnderTest;
  let bus: EventBus;
  let smtp: SmtpSink;
  let publisher: RunningProjector;
  let notifications: RunningNotifications;
  const handled: RecordedEvent[] = [];

  const options = (): NotificationsOptions => ({
    bus,
    sql: h.sql,
    transport: createSmtpTransport({ url: smtp.url, from: 'shop@shop.test' }),
    log,
    adminEmails: [admin],
    contacts: contactsFrom(
      Object.fromEntries(['ada', 'bob', 'carol', 'dan', 'eve'].map((n) => [n, `${n}@example.com`])),
    ),
    subjectPrefix: env.subjectPrefix,
    onHandled: (event) => void handled.push(event),
    dispatcher: { pollMs: 50, backoffMs: [20], maxAttempts: 3, leaseMs: 1_000 },
  });
  const place = (orderId: string, customerId: string, quantity: number, productId = 'p1') =>
    h.handlers.placeOrder(
      {
        orderId,
        customerId,
        currency: 'EUR',
        lines: [{ productId, quantity }],
        shippingAddress: berlinAddress,
      },
      h.context(),
    );

  beforeAll(async () => {
    h = await commandHarness('pglite');
    env = busUnderTest(kind);
    bus = await env.open();
    smtp = await startSmtpSink();
    publisher = await startSinkProjector(
      { store: h.store, database: h.sql, log, metrics: createMetricsRegistry() },
      publisherProjection(bus),
      { pollIntervalMs: 10 },
    );
    notifications = await startNotifications(options());
    const ctx = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    const details = {
      productId: 'p1',
      sku: 'HAMMER',
      name: 'Hammer',
      price: eur(1299),
      description: '',
      brand: 'Acme',
      category: 'tools',
      attributes: {},
      allowBackorder: false,
    };
    await h.handlers.createProduct(details, ctx);
    await h.handlers.createProduct({ ...details, productId: 'p2', sku: 'SAW', name: 'Saw' }, ctx);
    await h.handlers.receiveStock({ sku: 'HAMMER', location: 'berlin', quantity: 5, reference: null }, ctx);
    await h.handlers.receiveStock({ sku: 'SAW', location: 'berlin', quantity: 10, reference: null }, ctx);
    await h.handlers.setLowStockThreshold({ sku: 'HAMMER', location: 'berlin', threshold: 2 }, ctx);
  });
  afterAll(async () => {
    await notifications?.stop();
    await publisher?.stop();
    await env?.dispose();
    await smtp?.close();
    await h?.dispose();
  });

  it('mails each step of an order to its customer and stock crossings to admins, from commands through the bus', async () => {
    await place('o1', 'ada', 3); // 2 left: at the threshold
    await h.handlers.recordManualPayment(
      { orderId: 'o1', reference: 'bank-1', amount: eur(3 * 1299) },
      h.context(),
    );
    await h.handlers.shipOrder(
      {
        orderId: 'o1',
        shipmentId: 's1',
        location: 'berlin',
        carrier: 'DHL',
        trackingNumber: 'JD0001',
        lines: [{ lineId: 'L1', quantity: 3 }],
      },
      h.context(),
    );
    await h.handlers.deliverOrder('o1', h.context());
    await h.handlers.refundOrder({ orderId: 'o1', amount: eur(1000), reason: 'scratched' }, h.context());
    await place('o2', 'bob', 2); // sold out
    await h.handlers.applyPaymentNotification(
      {
        providerEventId: 'evt_1',
        kind: 'payment_failed',
        orderId: 'o2',
        paymentId: 'pi_1',
        amount: 2 * 1299,
        currency: 'EUR',
        reason: 'card declined',
      },
      h.context(),
    );
    await h.handlers.cancelOrder({ orderId: 'o2', reason: 'payment_failed', note: null }, h.context()); // back: 2
    await place('o3', 'customer-42', 1); // an unknown customer: no address, no mail

    const expected = [
      'order-confirmation ada@example.com',
      'low-stock ops@shop.test',
      'shipped ada@example.com',
      'delivered ada@example.com',
      'refund-issued ada@example.com',
      'order-confirmation bob@example.com',
      'payment-failed bob@example.com',
      'back-in-stock ops@shop.test',
    ];
    await waitUntil('every mail', () => smtp.received.length >= expected.length);
    expect(sent(smtp).sort()).toEqual([...expected].sort());
    const shippedMail = smtp.received.find((mail) => mail.subject === 'Order o1 has shipped')!;
    expect(shippedMail.raw).toContain('DHL');
    expect(shippedMail.raw).toContain('JD0001');
    expect(smtp.received.find((m) => m.subject.startsWith('Low stock'))!.subject).toBe(
      'Low stock: HAMMER at berlin (2 available)',
    );
  });

  it('sends nothing twice when the consumer restarts or a new consumer replays every event', async () => {
    const before = smtp.received.length;
    await notifications.stop();
    notifications = await startNotifications(options());
    const head = await h.store.headPosition();
    const all = await h.store.readAll({ maxCount: 10_000 });
    const relevant = all.filter((e) => e.stream.startsWith('order-') || e.stream.startsWith('stock-')).length;
    handled.length = 0;
    const replay = await startNotifications({ ...options(), durable: 'notifications-replay' });
    await waitUntil('the replay consumer to see every event', () => handled.length >= relevant);
    await replay.stop();
    await place('o4', 'carol', 1);
    await waitUntil('the next mail', () => smtp.received.length > before);
    expect(head).not.toBeNull();
    expect(sent(smtp).slice(before)).toEqual(['order-confirmation carol@example.com']);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(smtp.received.length);
  });

  it('retries a refused mail with backoff and parks it after the last attempt, for an admin to retry', async () => {
    smtp.failFor('dan@example.com', 2); // refused twice, accepted at the third attempt
    smtp.failFor('eve@example.com', 3); // refused at every one of the three attempts
    await place('o5', 'dan', 1, 'p2');
    await place('o6', 'eve', 1, 'p2');
    await waitUntil('dan’s mail', () => sent(smtp).includes('order-confirmation dan@example.com'));
    const parked = await waitUntil('eve’s mail parked', async () => {
      const list = await listDeliveries(h.sql, { status: 'parked' });
      return list.length > 0 ? list : undefined;
    });
    expect(parked.map((d) => [d.to, d.attempts, d.lastError])).toEqual([
      ['eve@example.com', 3, expect.stringContaining('451')],
    ]);
    expect(sent(smtp)).not.toContain('order-confirmation eve@example.com');
    expect(await retryParkedDelivery(h.sql, parked[0]!.deliveryId)).toBe(true);
    await waitUntil('eve’s mail after the retry', () =>
      sent(smtp).includes('order-confirmation eve@example.com'),
    );
    expect(sent(smtp).filter((s) => s.endsWith('dan@example.com'))).toHaveLength(1);
  });

  it('tells the customer when a receipt fills their backorder', async () => {
    await h.handlers.createProduct(
      {
        productId: 'p3',
        sku: 'MUG',
        name: 'Mug',
        price: eur(900),
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: true,
      },
      h.context(),
    );
    await place('o7', 'carol', 2, 'p3'); // nothing in stock: both backordered
    const before = smtp.received.length;
    const received = await h.handlers.receiveStock(
      { sku: 'MUG', location: 'berlin', quantity: 2, reference: null },
      h.context(),
    );
    expect(received.events.map((event) => event.type)).toEqual(['StockReceived', 'BackorderFilled']);
    await waitUntil('the backorder mail', () => sent(smtp).includes('backorder-filled carol@example.com'));
    expect(smtp.received.slice(before).map((m) => m.subject)).toContain('Back in stock: MUG for order o7');
  });
});
