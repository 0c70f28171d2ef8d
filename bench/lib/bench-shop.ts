import { createCommandHandlers } from '../../commands/command-handlers.ts';
import type { CreateProductInput } from '../../commands/catalog/create-product.ts';
import { createLocationDirectory } from '../../commands/locations/location-directory.ts';
import { defaultOrderSettings } from '../../commands/orders/order-deps.ts';
import { createGroupCommit } from '../../commands/runtime/group-commit.ts';
import { createKeyedLock } from '../../commands/runtime/keyed-lock.ts';
import { createStateCache } from '../../commands/runtime/state-cache.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { createManualPayments } from '../../infra/payments/manual-payments.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { systemClock } from '../../ports/clock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { benchDatabase, type BenchBackend } from './bench-databases.ts';

/**
 * The shop every order benchmark places into, in process or over HTTP: 50 products at 2 locations,
 * SKU0 (product p0) the hot one, in 90% of the orders, with stock enough for any run but finite.
 */
export const CLIENTS = 16;
export const SKUS = 50;
export const LOCATIONS = ['berlin', 'hamburg'] as const;
export const HOT_SHARE = 0.9;

/** Where every bench order ships. */
export const benchAddress = { ...berlinAddress, name: 'Bench' };

export function benchProduct(s: number): CreateProductInput {
  return {
    productId: `p${s}`,
    sku: `SKU${s}`,
    name: `Product ${s}`,
    description: '',
    brand: 'Bench',
    category: 'bench',
    attributes: {},
    allowBackorder: false,
    price: { amount: 1000 + s, currency: 'EUR' },
  };
}

/** The receipts of product `s`: one per location. */
export function benchReceipts(s: number) {
  return LOCATIONS.map((location) => ({
    sku: `SKU${s}`,
    location,
    quantity: s === 0 ? 2_000_000 : 200_000,
    reference: null,
  }));
}

/** `lineCount` lines of distinct products, p0 among them in HOT_SHARE of the orders. */
export function benchOrderLines(lineCount: number): { productId: string; quantity: number }[] {
  const products = new Set<number>();
  if (Math.random() < HOT_SHARE) products.add(0);
  while (products.size < lineCount) products.add(1 + Math.floor(Math.random() * (SKUS - 1)));
  return [...products].map((p) => ({ productId: `p${p}`, quantity: 1 + Math.floor(Math.random() * 2) }));
}

export interface InProcessShop {
  client: SqlClient;
  store: EventStore;
  handlers: ReturnType<typeof createCommandHandlers>;
  /** Places one order of `lineCount` lines through the command handlers (the placement saga). */
  place(lineCount: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The command handlers on a fresh database, wired as `qm serve` wires them (state cache, keyed lock,
 * group commit, manual payments), with the bench shop seeded. `wrapStore` lets a suite count or
 * time what the handlers append.
 */
export async function openInProcessShop(
  backend: BenchBackend,
  wrapStore: (store: EventStore) => EventStore = (store) => store,
): Promise<InProcessShop> {
  const { client, dispose } = await benchDatabase(backend);
  const store = wrapStore(createSqlEventStore(client));
  const locations = createLocationDirectory(store);
  await locations.start();
  const handlers = createCommandHandlers({
    runtime: {
      store,
      cache: createStateCache(),
      ids: uuidV7Ids,
      maxRetries: 1000,
      locks: createKeyedLock(),
      groupCommit: createGroupCommit(),
    },
    locations,
    payments: createManualPayments(),
    clock: systemClock,
    settings: defaultOrderSettings,
  });
  const ctx = () => ({
    actor: { id: 'bench', role: 'admin' as const },
    correlationId: uuidV7Ids.newId(),
    causationId: null,
    now: new Date().toISOString(),
  });
  const close = async () => {
    await locations.stop();
    await store.close();
    await dispose();
  };
  try {
    console.log(`orders on ${backend}: seeding ${SKUS} products at ${LOCATIONS.length} locations`);
    for (const location of LOCATIONS) await handlers.createLocation(location, location, ctx());
    for (let s = 0; s < SKUS; s++) {
      await handlers.createProduct(benchProduct(s), ctx());
      for (const receipt of benchReceipts(s)) await handlers.receiveStock(receipt, ctx());
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    client,
    store,
    handlers,
    async place(lineCount) {
      await handlers.placeOrder(
        {
          orderId: uuidV7Ids.newId(),
          customerId: 'bench',
          currency: 'EUR',
          lines: benchOrderLines(lineCount),
          shippingAddress: benchAddress,
        },
        ctx(),
      );
    },
    close,
  };
}
