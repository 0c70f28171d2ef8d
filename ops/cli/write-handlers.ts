import type { Config } from '../../infra/config/config.ts';
import type { Logger } from '../../infra/logging/logger.ts';

/**
 * The write side on a database opened here, for a `qm` command that runs commands with no server
 * owning the data (`qm seed`, `qm import`): the handlers, and no API.
 */
export async function openWriteHandlers(config: Config, log: Logger) {
  // Loaded only here: `qm seed --help` needs none of it.
  const { openDatabase } = await import('../compose/database.ts');
  const { openEventStore } = await import('../compose/event-store.ts');
  const { commandRuntime } = await import('../compose/command-runtime.ts');
  const { createCommandHandlers } = await import('../../commands/command-handlers.ts');
  const { createLocationDirectory } = await import('../../commands/locations/location-directory.ts');
  const { createManualPayments } = await import('../../infra/payments/manual-payments.ts');
  const { systemClock } = await import('../../ports/clock.ts');
  const database = await openDatabase(config, log.child({}, { level: 'warn' }));
  const store = await openEventStore(config, database);
  const locations = createLocationDirectory(store);
  await locations.start();
  const handlers = createCommandHandlers({
    runtime: commandRuntime(store),
    locations,
    // The demo's orders are paid by bank transfer: no payment provider is called, even when one is configured.
    payments: createManualPayments(),
    clock: systemClock,
    settings: {
      allocationStrategy: config.QM_ALLOCATION_STRATEGY,
      reservationTtlMs: config.QM_RESERVATION_TTL_MINUTES * 60_000,
      captureAt: config.QM_CAPTURE_AT,
    },
  });
  return {
    store,
    handlers,
    async close() {
      await locations.stop();
      await store.close();
      await database.close();
    },
  };
}
