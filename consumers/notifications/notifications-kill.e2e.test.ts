import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandlers, type CommandHandlers } from '../../commands/command-handlers.ts';
import { createLocationDirectory } from '../../commands/locations/location-directory.ts';
import { defaultOrderSettings } from '../../commands/orders/order-deps.ts';
import { systemClock } from '../../ports/clock.ts';
import { createKeyedLock } from '../../commands/runtime/keyed-lock.ts';
import { createStateCache } from '../../commands/runtime/state-cache.ts';
import { deleteNatsStream } from '../../infra/bus/nats-bus.ts';
import { waitUntil } from '../../test-support/wait-until.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { listDeliveries } from '../../infra/mail/mail-deliveries.ts';
import { startSmtpSink, type SmtpSink } from '../../test-support/smtp-sink.ts';
import { createManualPayments } from '../../infra/payments/manual-payments.ts';
import { migrate } from '../../infra/sql/migrate.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { migrations } from '../../ops/migrations/index.ts';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.ts';
import { serviceUrls } from '../../test-support/service-urls.ts';
import { saveCustomerContact } from './customer-contacts.ts';
import { berlinAddress } from '../../test-support/addresses.ts';

const ORDERS = 24;
const address = { ...berlinAddress, name: 'Kim' };

/**
 * The fan-out as separate processes (ops/compose/fanout-main.ts) on PostgreSQL and the real
 * nats-server, killed with SIGKILL mid-stream: the consumer while a mail is half-sent, the
 * publisher while orders are being placed. After restarts every order has exactly one confirmation.
 */
describe('fan-out processes killed mid-stream', () => {
  let database: TestDatabase;
  let sql: SqlClient;
  let handlers: CommandHandlers;
  let smtp: SmtpSink;
  const stream = `QM_KILL_${randomBytes(4).toString('hex')}`;
  const children = new Set<ChildProcess>();
  let env: NodeJS.ProcessEnv;

  function run(role: 'publisher' | 'notifications'): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'ops/compose/fanout-main.ts', role], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    return child;
  }
  async function kill(child: ChildProcess): Promise<void> {
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
  const place = (n: number) =>
    handlers.placeOrder(
      {
        orderId: `o${n}`,
        customerId: `c${n}`,
        currency: 'EUR',
        lines: [{ productId: 'p1', quantity: 1 }],
        shippingAddress: address,
      },
      {
        actor: { id: 'c', role: 'customer' },
        correlationId: uuidV7Ids.newId(),
        causationId: null,
        now: new Date().toISOString(),
      },
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = createPgClient({ connectionString: database.url, maxConnections: 10 });
    await migrate(sql, migrations);
    const store = createSqlEventStore(sql);
    const locations = createLocationDirectory(store);
    await locations.start();
    handlers = createCommandHandlers({
      runtime: { store, cache: createStateCache(), ids: uuidV7Ids, maxRetries: 50, locks: createKeyedLock() },
      locations,
      payments: createManualPayments(),
      clock: systemClock,
      settings: defaultOrderSettings,
    });
    const ctx = {
      actor: { id: 'admin', role: 'admin' as const },
      correlationId: 'x',
      causationId: null,
      now: new Date().toISOString(),
    };
    await handlers.createLocation('berlin', 'Berlin', ctx);
    await handlers.createProduct(
      {
        productId: 'p1',
        sku: 'A',
        name: 'A',
        price: { amount: 100, currency: 'EUR' },
        description: '',
        brand: 'b',
        category: 'c',
        attributes: {},
        allowBackorder: false,
      },
      ctx,
    );
    await handlers.receiveStock({ sku: 'A', location: 'berlin', quantity: 1000, reference: null }, ctx);
    for (let n = 1; n <= ORDERS; n++) await saveCustomerContact(sql, `c${n}`, `c${n}@example.com`);
    await locations.stop();
    smtp = await startSmtpSink();
    env = {
      ...process.env,
      DATABASE_URL: database.url,
      NATS_URL: serviceUrls().nats,
      NATS_STREAM: stream,
      NATS_SUBJECT_PREFIX: stream.toLowerCase(),
      NATS_ACK_WAIT_MS: '1000',
      SMTP_URL: smtp.url,
      QM_MAIL_LEASE_MS: '1000',
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    await Promise.all([...children].map((child) => kill(child)));
    await deleteNatsStream(serviceUrls().nats, stream);
    await smtp?.close();
    await sql?.close();
    await database?.drop();
  });

  it('sends every confirmation exactly once across kill -9 of the consumer and the publisher', async () => {
    let publisher = run('publisher');
    let consumer = run('notifications');
    for (let n = 1; n <= 8; n++) await place(n);
    await waitUntil('the first mails', () => smtp.received.length >= 3, 60_000);

    // Kill the consumer while a mail is half-sent: the server has the data but has not answered.
    const held = smtp.holdNext();
    await place(9);
    const session = await held;
    await kill(consumer);
    await waitUntil('the dead sender’s connection to close', () => smtp.isClosed(session));
    smtp.release(); // never accepted: the restarted consumer must send it again

    // Orders keep coming while the consumer is down; kill the publisher halfway through them.
    for (let n = 10; n <= 16; n++) await place(n);
    await kill(publisher);
    for (let n = 17; n <= ORDERS; n++) await place(n);
    publisher = run('publisher');
    consumer = run('notifications');

    await waitUntil('a confirmation per order', () => smtp.received.length >= ORDERS, 60_000);
    await waitUntil(
      'no delivery left pending',
      async () => (await listDeliveries(sql, { status: 'pending' })).length === 0,
    );
    const recipients = smtp.received.map((mail) => mail.to.join(','));
    expect(recipients.sort()).toEqual(
      Array.from({ length: ORDERS }, (_, i) => `c${i + 1}@example.com`).sort(),
    );
    expect(await listDeliveries(sql, { status: 'sent', limit: 1000 })).toHaveLength(ORDERS);
    await kill(consumer);
    await kill(publisher);
  });
});
