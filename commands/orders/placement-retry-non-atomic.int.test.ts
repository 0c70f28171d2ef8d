import { productInput } from '../../test-support/product-input.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinAddress } from '../../test-support/addresses.ts';
import { migratedPglite } from '../../test-support/databases.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { createManualPayments } from '../../infra/payments/manual-payments.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { createCommandHandlers, type CommandContext, type CommandHandlers } from '../command-handlers.ts';
import { createLocationDirectory, type LocationDirectory } from '../locations/location-directory.ts';
import { defaultOrderSettings } from './order-deps.ts';
import type { EventStore } from '../../ports/event-store.ts';

/**
 * The path a KurrentDB older than 25.1 takes (no atomic multi-stream append: reservations are
 * appended one by one, the order last), run on the SQL store with that capability turned off. A
 * keyed retry of a placement finds its order through the event store contract before it reserves
 * again, so it appends nothing: no reservation to compensate, no second order.
 */
describe('a retried placement on a store without atomic multi-stream appends', () => {
  let sql: SqlClient;
  let dispose: () => Promise<void>;
  let store: EventStore;
  let locations: LocationDirectory;
  let handlers: CommandHandlers;
  const context = (key: string, now: string): CommandContext => ({
    actor: { id: 'cust-1', role: 'customer' },
    correlationId: uuidV7Ids.newId(),
    causationId: null,
    now,
    extra: { idempotencyKey: key },
  });
  const eventCount = async () =>
    Number((await sql.query<{ n: string }>('select count(*)::text as n from qm_events'))[0]!.n);

  beforeAll(async () => {
    ({ client: sql, dispose } = await migratedPglite());
    const sqlStore = createSqlEventStore(sql);
    store = { ...sqlStore, capabilities: { ...sqlStore.capabilities, atomicMultiStreamAppend: false } };
    locations = createLocationDirectory(store);
    await locations.start();
    handlers = createCommandHandlers({
      runtime: { ...commandRuntime(store), groupCommit: undefined },
      locations,
      payments: createManualPayments(),
      clock: { now: () => new Date() },
      settings: defaultOrderSettings,
    });
    const admin: CommandContext = {
      actor: { id: 'admin-1', role: 'admin' },
      correlationId: 'setup',
      causationId: null,
      now: new Date().toISOString(),
    };
    await handlers.createLocation('berlin', 'Berlin', admin);
    await handlers.createProduct(
      productInput('p1', { sku: 'A', price: { amount: 100, currency: 'EUR' } }),
      admin,
    );
    await handlers.receiveStock({ sku: 'A', location: 'berlin', quantity: 5, reference: null }, admin);
  });
  afterAll(async () => {
    await locations?.stop();
    await dispose?.();
  });

  it('answers the first placement and appends nothing', async () => {
    const input = {
      orderId: 'o-1',
      customerId: 'cust-1',
      currency: 'EUR',
      lines: [{ productId: 'p1', quantity: 2 }],
      shippingAddress: berlinAddress,
    };
    const first = await handlers.placeOrder(input, context('key-1', '2026-11-21T10:00:00.000Z'));
    const before = await eventCount();
    const retry = await handlers.placeOrder(input, context('key-1', '2026-11-21T10:03:00.000Z'));
    expect(retry).toMatchObject({ replayed: true, order: first.order, revision: first.revision });
    expect(retry.events).toEqual(first.events);
    expect(retry.position).toEqual(first.position);
    expect(await eventCount()).toBe(before);
    // Another request (another key) naming the same order is still refused.
    await expect(
      handlers.placeOrder(input, context('key-2', '2026-11-21T10:04:00.000Z')),
    ).rejects.toMatchObject({ code: 'already_exists' });
  });
});
