import { accountHandlers } from '../../commands/accounts/account-handlers.ts';
import { claimLegacySkus } from '../../commands/catalog/claim-legacy-skus.ts';
import { discountStage } from '../../commands/promotions/discount-stage.ts';
import { stockFactsFromStore } from '../../commands/promotions/stock-facts.ts';
import { activePriceLists, automaticPromotions } from './automatic-promotions.ts';
import { readModelCustomerHistory } from './customer-history.ts';
import { createCommandHandlers } from '../../commands/command-handlers.ts';
import {
  createCartReminderScheduler,
  remindAbandonedCart,
} from '../../commands/carts/abandoned-cart-reminders.ts';
import { privacyHandlers } from '../../commands/privacy/privacy-handlers.ts';
import { openPrivacy } from './event-store.ts';
import { createLocationDirectory } from '../../commands/locations/location-directory.ts';
import { createExpiryScheduler } from '../../commands/orders/expiry-scheduler.ts';
import { createHoldExpiryScheduler } from '../../commands/carts/hold-expiry-scheduler.ts';
import { createPromotionWindowScheduler } from '../../commands/promotions/promotion-window-scheduler.ts';
import { createPriceChangeScheduler } from '../../commands/price-changes/price-change-scheduler.ts';
import { systemClock } from '../../ports/clock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import type { Config } from '../../infra/config/config.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { accountSecrets } from '../../infra/auth/account-secrets.ts';
import { sqlMailQueue } from '../../infra/mail/sql-mail-queue.ts';
import type { HttpGuards } from '../../infra/http/http-guards.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { createWriteApi } from '../../write-api/app.ts';
import { memoryImportJobs } from '../../infra/imports/import-jobs.ts';
import { eventSourcedRoleCatalog } from '../../infra/auth/role-catalog.ts';
import { verifierFromConfig } from '../../infra/auth/verifier-from-config.ts';
import { scheduleIdempotencyPurge } from '../../write-api/idempotency/purge-schedule.ts';
import { createSqlIdempotencyStore } from '../../write-api/idempotency/sql-idempotency-store.ts';
import { sqlProcessedWebhooks } from '../../write-api/webhooks/processed-webhooks.ts';
import { openPayments } from './payments.ts';
import { openCarrier } from './carrier.ts';
import type { OpenedAuth } from './auth.ts';
import type { BruteForceGuard } from '../../infra/security/brute-force-guard.ts';
import { commandRuntime } from './command-runtime.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import { pgDecisionLock } from '../../infra/event-store/sql/pg-decision-lock.ts';
import { projectorSessions } from './projectors.ts';
import { schedulerLease } from './scheduler-lease.ts';

/**
 * The write side wired from configuration: command handlers over the event store, the location
 * directory and expiry scheduler that follow it, and the command API. `stop` ends the followers.
 * Every `qm serve` process follows the expiry schedule; the lease lets one of them expire orders.
 */
export async function openWriteSide(
  config: Config,
  store: EventStore,
  database: SqlClient,
  log: Logger,
  guards?: HttpGuards,
  /** Login and sessions (`openAuth`), with the brute-force guard its login uses. */
  auth?: { opened: OpenedAuth; bruteForce: BruteForceGuard },
) {
  const locations = createLocationDirectory(store);
  await locations.start();
  const payments = openPayments(config);
  const carrier = openCarrier(config);
  // Several `qm serve` processes may write this database: their retries after a lost race take
  // turns through a lock on PostgreSQL (ports/decision-lock.ts), on a pool of its own of 2
  // connections (counted in the connection budget, docs/deployment.md). Embedded: one process.
  const lockPool = config.DATABASE_URL
    ? createPgClient({
        connectionString: config.DATABASE_URL,
        maxConnections: 2,
        applicationName: 'quartermaster-decision-lock',
      })
    : undefined;
  const runtime = commandRuntime(store, lockPool ? { decisionLock: pgDecisionLock(lockPool) } : {});
  const legacy = await claimLegacySkus(runtime, {
    actor: { id: 'sku-claims', role: 'system' },
    correlationId: uuidV7Ids.newId(),
    causationId: null,
    now: systemClock.now().toISOString(),
  });
  if (legacy.claimed > 0) log.info(legacy, 'claimed the SKUs of products created before SKUs were claimed');
  const handlers = createCommandHandlers({
    runtime,
    locations,
    payments,
    ...(carrier ? { carrier } : {}),
    discountStage: discountStage({
      runtime,
      automaticPromotionIds: automaticPromotions(database, log),
      stockFacts: stockFactsFromStore(runtime, () => locations.list()),
    }),
    customerHistory: readModelCustomerHistory(database, log),
    activePriceListIds: activePriceLists(database, log),
    clock: systemClock,
    settings: {
      allocationStrategy: config.QM_ALLOCATION_STRATEGY,
      reservationTtlMs: config.QM_RESERVATION_TTL_MINUTES * 60_000,
      captureAt: config.QM_CAPTURE_AT,
      checkoutHolds: {
        ttlMs: config.QM_CHECKOUT_HOLD_TTL_SECONDS * 1000,
        maxPerCart: config.QM_CHECKOUT_HOLD_MAX_PER_CART,
        maxPerCustomer: config.QM_CHECKOUT_HOLD_MAX_PER_CUSTOMER,
      },
    },
  });
  const expiry = createExpiryScheduler({
    store,
    clock: systemClock,
    ids: uuidV7Ids,
    lease: schedulerLease(
      { database, openSession: projectorSessions(config, 'qm-scheduler'), log },
      'expiry-scheduler',
    ),
    expire: (orderId, context) => handlers.cancelOrder({ orderId, reason: 'expired', note: null }, context),
    onError: (error, orderId) =>
      log.error({ err: error, orderId }, 'could not expire an unpaid order; will retry'),
  });
  await expiry.start();
  const cartReminders = createCartReminderScheduler({
    store,
    clock: systemClock,
    ids: uuidV7Ids,
    delaysMs: config.QM_CART_REMINDER_STEPS_MINUTES.map((minutes) => minutes * 60_000),
    lease: schedulerLease(
      { database, openSession: projectorSessions(config, 'qm-scheduler'), log },
      'cart-reminder-scheduler',
    ),
    remind: (cartId, context) =>
      remindAbandonedCart(
        {
          runtime,
          mail: sqlMailQueue(database),
          delaysMs: config.QM_CART_REMINDER_STEPS_MINUTES.map((minutes) => minutes * 60_000),
          recovery: {
            restoreUrl: config.QM_STOREFRONT_CART_RESTORE_URL ?? null,
            promotionId: config.QM_CART_RECOVERY_PROMOTION ?? null,
          },
        },
        cartId,
        context,
      ),
    onError: (error, cartId) =>
      log.error({ err: error, cartId }, 'could not send a cart reminder; will retry'),
  });
  await cartReminders.start();
  const holdExpiry = createHoldExpiryScheduler({
    store,
    clock: systemClock,
    ids: uuidV7Ids,
    lease: schedulerLease(
      { database, openSession: projectorSessions(config, 'qm-scheduler'), log },
      'hold-expiry-scheduler',
    ),
    expire: (hold, context) => handlers.expireHold(hold, context),
    onError: (error, key) => log.error({ err: error, key }, 'could not release a checkout hold; will retry'),
  });
  await holdExpiry.start();
  const promotionWindows = createPromotionWindowScheduler({
    store,
    clock: systemClock,
    ids: uuidV7Ids,
    lease: schedulerLease(
      { database, openSession: projectorSessions(config, 'qm-scheduler'), log },
      'promotion-window-scheduler',
    ),
    expire: (promotionId, context) =>
      handlers.expirePromotion({ promotionId, reason: 'window_closed' }, context),
    onError: (error, promotionId) =>
      log.error({ err: error, promotionId }, 'could not expire a promotion whose window closed; will retry'),
  });
  await promotionWindows.start();
  const scheduledPrices = createPriceChangeScheduler({
    store,
    clock: systemClock,
    ids: uuidV7Ids,
    lease: schedulerLease(
      { database, openSession: projectorSessions(config, 'qm-scheduler'), log },
      'price-change-scheduler',
    ),
    apply: (changeId, context) => handlers.applyScheduledPriceChange(changeId, context),
    onError: (error, changeId) =>
      log.error({ err: error, changeId }, 'could not apply a scheduled price change; will retry'),
  });
  await scheduledPrices.start();
  const idempotencyStore = createSqlIdempotencyStore(database);
  const idempotencyPurge = scheduleIdempotencyPurge({ purge: () => idempotencyStore.purgeExpired(), log });
  const privacy = privacyHandlers(runtime, openPrivacy(database).keys);
  const accounts = accountHandlers({ runtime, secrets: accountSecrets, mail: sqlMailQueue(database) });
  // Shared with the read side's live stream (openSystem passes it on), which pushes their progress.
  const imports = memoryImportJobs();
  const api = createWriteApi({
    handlers,
    imports,
    privacy,
    accounts,
    clock: systemClock,
    ids: uuidV7Ids,
    verifier: verifierFromConfig(
      config,
      log,
      eventSourcedRoleCatalog(store),
      auth ? { keys: auth.opened.keys, revocations: auth.opened.revocations } : undefined,
    ),
    ...(auth
      ? {
          auth: { handlers: auth.opened.handlers(runtime), bruteForce: auth.bruteForce },
          signingKeys: auth.opened.keys,
          stepUpMinutes: config.QM_STEP_UP_MINUTES,
        }
      : {}),
    idempotencyStore,
    processedWebhooks: sqlProcessedWebhooks(database),
    log,
    ...(config.STRIPE_WEBHOOK_SECRET ? { stripeWebhookSecret: config.STRIPE_WEBHOOK_SECRET } : {}),
    ...(guards ? { guards } : {}),
  });
  log.info({ payments: payments.provider, captureAt: config.QM_CAPTURE_AT }, 'write side ready');
  return {
    api,
    /** The command runtime, for the parts wired beside the write side (the report schedule). */
    runtime,
    handlers,
    privacy,
    accounts,
    /** The imports the command API runs, for the read API's live stream. */
    imports,
    async stop() {
      await expiry.stop();
      await cartReminders.stop();
      await holdExpiry.stop();
      await promotionWindows.stop();
      await scheduledPrices.stop();
      await idempotencyPurge.stop();
      await locations.stop();
      await lockPool?.close();
    },
  };
}
