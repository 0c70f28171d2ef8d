import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { listDeliveries } from '../../infra/mail/mail-deliveries.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { migratedPostgres } from '../../test-support/databases.ts';
import { contactsFrom } from './customer-contacts.ts';
import { handleNotificationEvent, handleNotificationEvents } from './notification-handler.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const rules = {
  adminEmails: ['ops@shop.test'],
  contacts: contactsFrom({ ada: 'ada@example.com', bob: 'bob@example.com' }),
  log: pino({ level: 'silent' }),
};

/** What a database holds after the consumer: its deliveries and folded stock, comparable across databases. */
async function outcome(sql: SqlClient) {
  const deliveries = await listDeliveries(sql, { limit: 1000 });
  const stock = await sql.query<{ sku: string; state: unknown }>(
    'select sku, location, state from qm_notification_stock order by sku, location',
  );
  return {
    deliveries: deliveries.map((d) => `${d.eventId} ${d.template} ${d.to} ${d.subject}`).sort(),
    stock,
  };
}

/**
 * A delivery batch leaves what handling its events one by one leaves (same mails, same state), and
 * handling it again stores nothing: the batch keeps the per-event dedup exact.
 */
describe('notification batches', () => {
  let h: CommandHarness;
  let events: RecordedEvent[];
  const databases: { client: SqlClient; dispose(): Promise<void> }[] = [];

  beforeAll(async () => {
    h = await commandHarness('pglite');
    const ctx = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    const product = {
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
    await h.handlers.createProduct(product, ctx);
    await h.handlers.receiveStock({ sku: 'HAMMER', location: 'berlin', quantity: 5, reference: null }, ctx);
    await h.handlers.setLowStockThreshold({ sku: 'HAMMER', location: 'berlin', threshold: 2 }, ctx);
    for (const [orderId, customerId, quantity] of [
      ['o1', 'ada', 3],
      ['o2', 'bob', 2],
    ] as const) {
      await h.handlers.placeOrder(
        {
          orderId,
          customerId,
          currency: 'EUR',
          lines: [{ productId: 'p1', quantity }],
          shippingAddress: berlinAddress,
        },
        h.context(),
      );
    }
    await h.handlers.cancelOrder({ orderId: 'o2', reason: 'requested', note: null }, h.context());
    events = await h.store.readAll({ from: 'start', maxCount: 1000 });
    databases.push(await migratedPostgres(4), await migratedPostgres(4));
  });
  afterAll(async () => {
    for (const database of databases) await database.dispose();
    await h?.dispose();
  });

  it('stores the same mails and state as one event at a time, and nothing when handled again', async () => {
    const [batched, single] = databases.map((database) => database.client) as [SqlClient, SqlClient];
    const counts = await handleNotificationEvents(batched, events, rules);
    for (const event of events) await handleNotificationEvent(single, event, rules);

    const expected = await outcome(single);
    expect(expected.deliveries.length).toBeGreaterThanOrEqual(3); // two confirmations and a stock alert
    expect(await outcome(batched)).toEqual(expected);
    expect([...counts.values()].reduce((sum, n) => sum + n, 0)).toBe(expected.deliveries.length);

    // A redelivered batch (a crash before the acknowledgement): every event was handled already.
    const again = await handleNotificationEvents(batched, [...events, ...events], rules);
    expect([...again.values()].filter((n) => n > 0)).toEqual([]);
    expect(await outcome(batched)).toEqual(expected);
  });
});
