import type { Migration } from '../../infra/sql/migrate.ts';
import { eventStoreSchema } from './0001-event-store.ts';
import { idempotencySchema } from './0002-idempotency.ts';
import { processedWebhooks } from './0003-processed-webhooks.ts';
import { projectionsSchema } from './0004-projections.ts';
import { readModelExtensions } from './0005-read-model-extensions.ts';
import { notificationsSchema } from './0006-notifications.ts';
import { forecastingSchema } from './0007-forecasting.ts';
import { projectorFunctions } from './0008-projector-functions.ts';
import { servingGuard } from './0009-serving-guard.ts';
import { personalDataKeys } from './0010-personal-data-keys.ts';
import { customerContactPreferences } from './0012-customer-contact-preferences.ts';
import { authSigningKeys } from './0011-auth-signing-keys.ts';
import { mailAttachments } from './0016-mail-attachments.ts';
import { eventArchive } from './0017-event-archive.ts';

/** Every migration, in order. Event store and read models share one database and one list. */
export const migrations: readonly Migration[] = [
  eventStoreSchema,
  idempotencySchema,
  processedWebhooks,
  projectionsSchema,
  readModelExtensions,
  notificationsSchema,
  forecastingSchema,
  projectorFunctions,
  servingGuard,
  personalDataKeys,
  customerContactPreferences,
  authSigningKeys,
  mailAttachments,
  eventArchive,
];
