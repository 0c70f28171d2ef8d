import type { EventStore } from '../../ports/event-store.ts';
import type { Config } from '../../infra/config/config.ts';
import { createEsdbEventStore } from '../../infra/event-store/esdb/esdb-event-store.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { tracedEventStore } from '../../infra/telemetry/traced-event-store.ts';
import { isTracing } from '../../infra/telemetry/tracing-state.ts';

/**
 * The event store the configuration asks for: EventStoreDB, or the SQL store on the deployment's
 * database; with a span around each append when tracing is on.
 */
export async function openEventStore(config: Config, database: SqlClient): Promise<EventStore> {
  const store =
    config.eventStore === 'esdb'
      ? await createEsdbEventStore({ connectionString: config.EVENTSTORE_URL! })
      : createSqlEventStore(database);
  return isTracing() ? tracedEventStore(store) : store;
}
