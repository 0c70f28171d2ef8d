import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import { available, stockDecider } from '../../domain/inventory/index.ts';
import { replay } from '../../domain/decider.ts';
import { stockStream } from '../../domain/streams.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { migratedPostgres } from '../../test-support/databases.ts';

const WRITERS = 3;
const ORDERS_PER_WRITER = 40;

/**
 * Several API processes on one database, as `--scale api=3` runs them: each with its own command
 * runtime (state cache, group commit), all placing orders for one hot SKU at once. Each writer's
 * cached state of the hot stock stream is stale as soon as another appends, so groups lose races
 * across writers all the time. Every order must still be decided (placed, or refused for stock),
 * never failed for a lost race, and the stock never oversold.
 */
describe('several writers on one hot SKU (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof migratedPostgres>>;
  const writers: CommandHarness[] = [];

  beforeAll(async () => {
    database = await migratedPostgres(4);
    const writer = async () => {
      // A pool of its own per writer, as each process has.
      const client = createPgClient({ connectionString: database.url, maxConnections: 8 });
      writers.push(await commandHarness('postgres', { database: { client, dispose: () => client.close() } }));
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
    // The others start on this log: their location directories read it before they serve.
    while (writers.length < WRITERS) await writer();
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
