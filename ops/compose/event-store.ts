import type { EventStore } from '../../ports/event-store.ts';
import type { PersonalDataKeys } from '../../ports/personal-data-keys.ts';
import type { Config } from '../../infra/config/config.ts';
import { createEsdbEventStore } from '../../infra/event-store/esdb/esdb-event-store.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { pgAppendNotifications } from '../../infra/event-store/sql/pg-append-notifications.ts';
import { createEventPrivacy, type EventPrivacy } from '../../infra/privacy/event-privacy.ts';
import { privateEventStore } from '../../infra/privacy/private-event-store.ts';
import { cachedPersonalDataKeys } from '../../infra/privacy/cached-personal-data-keys.ts';
import { createSqlPersonalDataKeys } from '../../infra/privacy/sql-personal-data-keys.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { tracedEventStore } from '../../infra/telemetry/traced-event-store.ts';
import { isTracing } from '../../infra/telemetry/tracing-state.ts';

/**
 * The personal-data keys (on the deployment's database, whatever the event store) and their use:
 * one per database in a process, so the erasure, the event store and the bus share one memory of
 * the keys and an erasure holds at once for all of them.
 */
const privacyByDatabase = new WeakMap<SqlClient, { keys: PersonalDataKeys; privacy: EventPrivacy }>();
export function openPrivacy(database: SqlClient) {
  let opened = privacyByDatabase.get(database);
  if (!opened) {
    const keys = cachedPersonalDataKeys(createSqlPersonalDataKeys(database));
    opened = { keys, privacy: createEventPrivacy(keys) };
    privacyByDatabase.set(database, opened);
  }
  return opened;
}

/**
 * How often a reader caught up with the log (a subscription, the log tail, a projector) reads it
 * while nothing it follows is announced, where every append is announced. It bounds the lag only
 * when an announcement is lost (the listening connection being re-established). At their own
 * 10-25 ms, the six schedulers and directories of a `qm serve` read quiet categories 240 times a
 * second, and embedded, the log tail read PGlite on the API's thread a hundred times a second.
 */
const IDLE_POLL_MS = 500;

/** The backend the configuration asks for, without the privacy layer (`qm privacy encrypt-existing`). */
export async function openRawEventStore(config: Config, database: SqlClient): Promise<EventStore> {
  if (config.eventStore === 'esdb') return createEsdbEventStore({ connectionString: config.EVENTSTORE_URL! });
  // Embedded: this process makes every append, and each one wakes the readers it concerns.
  if (!config.DATABASE_URL) {
    return createSqlEventStore(database, { idlePollIntervalMs: IDLE_POLL_MS, quickPollWindowMs: 0 });
  }
  if (database.dialect !== 'postgres') return createSqlEventStore(database);
  // Server mode: several processes share the database; their appends wake each other's readers.
  return createSqlEventStore(database, {
    notifications: pgAppendNotifications({ client: database, connectionString: config.DATABASE_URL }),
    idlePollIntervalMs: IDLE_POLL_MS,
  });
}

/**
 * The event store the configuration asks for (EventStoreDB, or the SQL store on the deployment's
 * database), with personal fields sealed at append and opened at read (docs/privacy.md), and a
 * span around each append when tracing is on.
 */
export async function openEventStore(
  config: Config,
  database: SqlClient,
  privacy: EventPrivacy = openPrivacy(database).privacy,
): Promise<EventStore> {
  const store = privateEventStore(await openRawEventStore(config, database), privacy);
  return isTracing() ? tracedEventStore(store) : store;
}
