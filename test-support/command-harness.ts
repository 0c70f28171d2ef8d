import {
  createCommandHandlers,
  type CommandContext,
  type CommandHandlers,
  type CustomerHistory,
  type DiscountStage,
  type TaxProvider,
} from '../commands/command-handlers.ts';
import { createLocationDirectory, type LocationDirectory } from '../commands/locations/location-directory.ts';
import { defaultOrderSettings, type CarrierDeps, type OrderSettings } from '../commands/orders/order-deps.ts';
import type { Clock } from '../ports/clock.ts';
import type { DecisionLock } from '../ports/decision-lock.ts';
import { discountStage } from '../commands/promotions/discount-stage.ts';
import { stockFactsFromStore } from '../commands/promotions/stock-facts.ts';
import type { EventStore } from '../ports/event-store.ts';
import type { PaymentsPort } from '../ports/payments.ts';
import { createSqlEventStore } from '../infra/event-store/sql/sql-event-store.ts';
import { pgAppendNotifications } from '../infra/event-store/sql/pg-append-notifications.ts';
import { uuidV7Ids } from '../infra/ids/uuid-v7-ids.ts';
import { createManualPayments } from '../infra/payments/manual-payments.ts';
import type { SqlClient } from '../infra/sql/sql-client.ts';
import { migratedPglite, migratedPostgres } from './databases.ts';
import { commandRuntime } from '../ops/compose/command-runtime.ts';

export type Backend = 'pglite' | 'postgres';

/** A settable clock, so tests move time forward (reservations expire) without waiting. */
export function manualClock(
  start = '2026-11-21T10:00:00.000Z',
): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso) => void (now = new Date(iso)),
    advance: (ms) => void (now = new Date(now.getTime() + ms)),
  };
}

export interface CommandHarness {
  store: EventStore;
  sql: SqlClient;
  handlers: CommandHandlers;
  locations: LocationDirectory;
  clock: ReturnType<typeof manualClock>;
  context(actor?: CommandContext['actor']): CommandContext;
  dispose(): Promise<void>;
}

/** The real write side on a fresh database: event store, handlers, location directory, manual payments. */
export async function commandHarness(
  backend: Backend,
  options: {
    settings?: Partial<OrderSettings>;
    payments?: PaymentsPort;
    /** The price pipeline's discount stage (none by default; see `promotions` for the real one). */
    discountStage?: DiscountStage;
    /**
     * The promotions' own discount stage on this harness's runtime, as `qm serve` wires it: the
     * automatic promotions these ids name (none by default), and stock facts for stock rules.
     */
    promotions?: { automaticPromotionIds?: () => Promise<readonly string[]>; stockFacts?: boolean };
    /** The active price lists' ids (none by default; `qm serve` reads them from the read model). */
    activePriceListIds?: () => Promise<readonly string[]>;
    /** The customers' past orders, for first-order promotions (none by default). */
    customerHistory?: CustomerHistory;
    /** The tax port's adapter (the shop's own table by default). */
    taxProvider?: TaxProvider;
    /** A carrier for labels and tracking (none by default: staff type tracking numbers). */
    carrier?: CarrierDeps;
    /** Retries after a lost race take turns with other writers' through this lock (several processes). */
    decisionLock?: DecisionLock;
    /**
     * Server mode's wake-ups across processes (pg-append-notifications.ts), on the database at this
     * URL: this harness's appends wake other processes' readers and theirs wake its own.
     */
    notifyAcrossProcesses?: string;
    /** A migrated database to use (and dispose of) instead of a fresh one: another process's. */
    database?: { client: SqlClient; dispose(): Promise<void> };
  } = {},
): Promise<CommandHarness> {
  const { client, dispose } =
    options.database ?? (backend === 'postgres' ? await migratedPostgres(40) : await migratedPglite());
  const store = createSqlEventStore(
    client,
    options.notifyAcrossProcesses
      ? {
          notifications: pgAppendNotifications({ client, connectionString: options.notifyAcrossProcesses }),
        }
      : {},
  );
  const locations = createLocationDirectory(store);
  await locations.start();
  const clock = manualClock();
  const runtime = commandRuntime(store, options.decisionLock ? { decisionLock: options.decisionLock } : {});
  const stage = options.promotions
    ? discountStage({
        runtime,
        automaticPromotionIds: options.promotions.automaticPromotionIds ?? (async () => []),
        ...(options.promotions.stockFacts
          ? { stockFacts: stockFactsFromStore(runtime, () => locations.list()) }
          : {}),
      })
    : options.discountStage;
  const handlers = createCommandHandlers({
    runtime,
    locations,
    payments: options.payments ?? createManualPayments(),
    clock,
    settings: { ...defaultOrderSettings, ...options.settings },
    ...(stage ? { discountStage: stage } : {}),
    ...(options.customerHistory ? { customerHistory: options.customerHistory } : {}),
    ...(options.activePriceListIds ? { activePriceListIds: options.activePriceListIds } : {}),
    ...(options.taxProvider ? { taxProvider: options.taxProvider } : {}),
    ...(options.carrier ? { carrier: options.carrier } : {}),
  });
  return {
    store,
    sql: client,
    handlers,
    locations,
    clock,
    context: (actor = { id: 'admin-1', role: 'admin' }) => ({
      actor,
      correlationId: uuidV7Ids.newId(),
      causationId: null,
      now: clock.now().toISOString(),
    }),
    async dispose() {
      await locations.stop();
      await store.close();
      await dispose();
    },
  };
}
