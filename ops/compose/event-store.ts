import type { EventStore } from '../../ports/event-store.ts';
import type { Config } from '../../infra/config/config.ts';
import { createEsdbEventStore } from '../../infra/event-store/esdb/esdb-event-store.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';

/** The event store the configuration asks for: EventStoreDB, or the SQL store on the deployment's database. */
export async function openEventStore(config: Config, database: SqlClient): Promise<EventStore> {
  if (config.eventStore === 'esdb') return createEsdbEventStore({ connectionString: config.EVENTSTORE_URL! });
  return createSqlEventStore(database);
}
