import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import { available, stockDecider } from '../../domain/inventory/index.ts';
import { replay } from '../../domain/decider.ts';
import { stockStream } from '../../domain/streams.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import type { DecisionLock } from '../../ports/decision-lock.ts';
import { pgDecisionLock } from '../../infra/event-store/sql/pg-decision-lock.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { migratedPostgres } from '../../test-support/databases.ts';
import { waitUntil } from '../../test-support/wait-until.ts';

const WRITERS = 3;
const ORDERS_PER_WRITER = 40;

/**
 * Several API processes on one database, as `--scale api=3` runs them: each with its own command
 * runtime (state cache, group commit), all placing orders for one hot SKU at once. Each writer's
 * cached state of the hot stock stream is stale as soon as another appends, so groups lose races
 * across writers all the time. Every order must still be decided (placed, or refused for stock),
 * never failed for a lost race, and the stock never oversold.
 */
describe.each([
  ['optimistic retries', false],
  ['retries taking turns through the decision lock', true],
])('several writers on one hot SKU (PostgreSQL, %s)', (_name, locked) => {
  let database: Awaited<ReturnType<typeof migratedPostgres>>;
  /** Retries that waited for the lock: the races across writers are real, and retried in turn. */
  let lockedRetries = 0;
  const counted = (lock: DecisionLock): DecisionLock => ({
    acquire: (key) => {
      lockedRetries += 1;
      return lock.acquire(key);
    },
  });
  const writers: CommandHarness[] = [];

  beforeAll(async () => {
    database = await migratedPostgres(4);
    const writer = async () => {
      // A pool of its own per writer, as each process has.
      const client = createPgClient({ connectionString: database.url, maxConnections: 8 });
      const lockPool = createPgClient({ connectionString: database.url, maxConnections: 2 });
      writers.push(
        await commandHarness('postgres', {
          database: {
            client,
            dispose: async () => {
              await client.close();
              await lockPool.close();
            },
          },
          ...(locked ? { decisionLock: counted(pgDecisionLock(lockPool)) } : {}),
        }),
      );
    };
    await writer();
    const [first] = writers;
    const ctx = first!.context();
    await first!.handlers.createLocation('berlin', 'Berlin', ctx);
    for (const [productId, sku] of [
      ['hot', 'HOT'],
      ['side', 'SIDE'],
    ] as const) {
      await first!.handlers.createProduct(
        {
          productId,
          sku,
          name: sku,
          price: { amount: 1000, currency: 'EUR' },
          description: '',
          brand: 'Acme',
          category: 'tools',
          attributes: {},
          allowBackorder: false,
        },
        ctx,
      );
    }
    await first!.handlers.receiveStock(
      { sku: 'SIDE', location: 'berlin', quantity: 10_000, reference: null },
      ctx,
    );
    // The others start on this log. Their location directories catch up with the visible log,
    // which a long transaction elsewhere on the cluster can hold back: wait until each knows it.
    while (writers.length < WRITERS) await writer();
    await waitUntil(
      'every writer knows the location',
      () => writers.every((w) => w.locations.list().includes('berlin')) || undefined,
    );
  });
  afterAll(async () => {
    for (const writer of writers) await writer.dispose();
    await database?.dispose();
  });

  async function placeAll(stock: number) {
    const [first] = writers;
    await first!.handlers.receiveStock(
      { sku: 'HOT', location: 'berlin', quantity: stock, reference: null },
      first!.context(),
    );
    const outcomes = await Promise.allSettled(
      writers.flatMap((writer) =>
        Array.from({ length: ORDERS_PER_WRITER }, () =>
          writer.handlers.placeOrder(
            {
              orderId: randomUUID(),
              customerId: 'c1',
              currency: 'EUR',
              lines: [
                { productId: 'hot', quantity: 1 },
                { productId: 'side', quantity: 1 },
              ],
              shippingAddress: berlinAddress,
            },
            writer.context(),
          ),
        ),
      ),
    );
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    return { placed: outcomes.length - failures.length, failures };
  }

  async function hotAvailable() {
    const events = await writers[0]!.store.readStream(stockStream('HOT', 'berlin'));
    return available(replay(stockDecider, events as never));
  }

  it(
    'decides every order when stock suffices: none fails for a lost race',
    { timeout: 300_000 },
    async () => {
      const { placed, failures } = await placeAll(WRITERS * ORDERS_PER_WRITER);
      expect(failures).toEqual([]);
      expect(placed).toBe(WRITERS * ORDERS_PER_WRITER);
      expect(await hotAvailable()).toBe(0);
      if (locked) expect(lockedRetries).toBeGreaterThan(0);
    },
  );

  it(
    'sells exactly the stock there is when demand exceeds it, refusing the rest for stock',
    { timeout: 300_000 },
    async () => {
      const stock = 50;
      const { placed, failures } = await placeAll(stock);
      expect(placed).toBe(stock);
      expect(failures.length).toBe(WRITERS * ORDERS_PER_WRITER - stock);
      for (const failure of failures) expect(isDomainError(failure) && failure.code).toBe('stock_shortage');
      expect(await hotAvailable()).toBe(0);
    },
  );
});
