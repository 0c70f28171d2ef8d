/**
 * The fan-out on a real 3-server NATS cluster, the event stream at 3 replicas: the server leading
 * the stream is killed (SIGKILL) while orders are placed, and started again later. Publishes go
 * unanswered (503, timeouts) until a new leader is elected; the publisher retries through that
 * window and the bus drops what had got through twice (message id = event id). After it, every
 * order has exactly one confirmation mail, and ClickHouse (chDB) holds what the event store holds.
 *
 * `QM_SOAK=1` (`npm run test:soak`) places more orders and kills the leader three times.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { saveCustomerContact } from '../../consumers/notifications/customer-contacts.ts';
import { loadConfig } from '../../infra/config/config.ts';
import { listDeliveries } from '../../infra/mail/mail-deliveries.ts';
import { createMetricsRegistry } from '../../infra/metrics/registry.ts';
import { createAnalyticsProjection } from '../../projections/analytics/analytics-projection.ts';
import { startSinkProjector } from '../../projections/runtime/projector-runner.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness } from '../../test-support/command-harness.ts';
import { startNatsCluster } from '../../test-support/nats-cluster.ts';
import { productInput } from '../../test-support/product-input.ts';
import { startSmtpSink } from '../../test-support/smtp-sink.ts';
import { tempAnalytics } from '../../test-support/temp-analytics.ts';
import { waitUntil } from '../../test-support/wait-until.ts';
import { startFanout } from './fanout.ts';

const soak = process.env.QM_SOAK === '1';
const ORDERS_PER_ROUND = soak ? 60 : 12;
const KILLS = soak ? 3 : 1;

describe('fan-out on a 3-server NATS cluster that loses the stream leader', () => {
  let disposers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const dispose of disposers.reverse()) await dispose().catch(() => undefined);
    disposers = [];
  });

  it(
    'sends every confirmation exactly once, and ClickHouse totals equal the store',
    { timeout: 300_000 },
    async () => {
      const cluster = await startNatsCluster(3);
      disposers.push(() => cluster.dispose());
      const h = await commandHarness('postgres');
      disposers.push(() => h.dispose());
      const smtp = await startSmtpSink();
      disposers.push(() => smtp.close());
      const analytics = await tempAnalytics();
      disposers.push(() => analytics.dispose());

      const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
      const stream = 'QM_CLUSTER';
      const config = loadConfig({
        NATS_URL: cluster.url,
        NATS_STREAM: stream,
        NATS_STREAM_REPLICAS: '3',
        NATS_ACK_WAIT_MS: '2000',
        SMTP_URL: smtp.url,
        QM_MAIL_LEASE_MS: '1000',
      });
      const deps = { store: h.store, database: h.sql, log, metrics: createMetricsRegistry() };
      const fanout = await startFanout({ ...deps, config });
      disposers.push(() => fanout.stop());
      const projector = await startSinkProjector(
        deps,
        createAnalyticsProjection({ analytics: analytics.analytics, log }),
      );
      disposers.push(() => projector.stop());

      const ctx = () => h.context();
      await h.handlers.createLocation('berlin', 'Berlin', ctx());
      await h.handlers.createProduct(productInput('p1'), ctx());
      await h.handlers.receiveStock(
        { sku: 'SKU-p1', location: 'berlin', quantity: 10_000, reference: null },
        ctx(),
      );
      const orders = ORDERS_PER_ROUND * (KILLS + 1);
      for (let n = 1; n <= orders; n++) await saveCustomerContact(h.sql, `c${n}`, `c${n}@example.com`);
      let placed = 0;
      const placeRound = async () => {
        for (let i = 0; i < ORDERS_PER_ROUND; i++) {
          placed += 1;
          await h.handlers.placeOrder(
            {
              orderId: `o${placed}`,
              customerId: `c${placed}`,
              currency: 'EUR',
              lines: [{ productId: 'p1', quantity: 1 }],
              shippingAddress: berlinAddress,
            },
            ctx(),
          );
        }
      };

      await placeRound();
      await waitUntil('the first confirmations', () => smtp.received.length >= 3, 60_000);
      for (let kill = 0; kill < KILLS; kill++) {
        const leader = await cluster.streamLeader(stream);
        // Orders keep coming while the leader dies and the cluster elects another.
        const round = placeRound();
        await cluster.kill(leader);
        await round;
        const next = await waitUntil(
          'a new stream leader',
          () =>
            cluster.streamLeader(stream).then(
              (name) => name !== leader && name,
              () => false,
            ),
          60_000,
        );
        expect(next).not.toBe(leader);
        await cluster.restart(leader);
      }

      await waitUntil('a confirmation per order', () => smtp.received.length >= orders, 120_000);
      await waitUntil(
        'no delivery left pending',
        async () => (await listDeliveries(h.sql, { status: 'pending' })).length === 0,
        60_000,
      );
      const confirmations = smtp.received
        .filter((mail) => / confirmed$/.test(mail.subject))
        .map((mail) => mail.to.join(','))
        .sort();
      expect(confirmations, 'one confirmation per order: none lost, none twice').toEqual(
        Array.from({ length: orders }, (_, i) => `c${i + 1}@example.com`).sort(),
      );
      const mails = smtp.received.map((mail) => `${mail.to.join(',')} ${mail.subject}`);
      expect(new Set(mails).size, 'no mail sent twice').toBe(mails.length);

      const all = await h.store.readAll({ maxCount: 100_000 });
      const head = all.at(-1)!.position;
      await waitUntil('the analytics projector at the head', () => projector.waitFor(head, 1_000), 60_000);
      const db = analytics.analytics.database;
      const result = await analytics.analytics.client.query({
        query: `SELECT (SELECT count() FROM ${db}.raw_events FINAL) AS events,
                     (SELECT count() FROM ${db}.raw_events) AS rows,
                     (SELECT uniqExact(order_id) FROM ${db}.order_lines FINAL) AS orders`,
        format: 'JSONEachRow',
      });
      const [totals] = await result.json<{ events: string; rows: string; orders: string }>();
      expect(totals).toEqual({
        events: String(all.length),
        rows: String(all.length),
        orders: String(orders),
      });
    },
  );
});
