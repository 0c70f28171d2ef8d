import type { Migration } from '../../infra/sql/migrate.ts';
import { eventStoreSchema } from './0001-event-store.ts';
import { idempotencySchema } from './0002-idempotency.ts';
import { processedWebhooks } from './0003-processed-webhooks.ts';
import { readModelExtensions } from './0005-read-model-extensions.ts';

/** Every migration, in order. Event store and read models share one database and one list. */
export const migrations: readonly Migration[] = [eventStoreSchema, idempotencySchema, processedWebhooks, readModelExtensions];
