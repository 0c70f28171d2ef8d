import { existsSync } from 'node:fs';
import type { ConformanceBackend } from '../infra/event-store/conformance/backend.ts';
import { GenericContainer, Wait } from 'testcontainers';
import { createEsdbEventStore } from '../infra/event-store/esdb/esdb-event-store.ts';
import { createSqlEventStore } from '../infra/event-store/sql/sql-event-store.ts';
import { migratedPglite, migratedPostgres } from './databases.ts';

const pglite: ConformanceBackend = {
  name: 'pglite',
  concurrentTransactions: false,
  async open() {
    const { client, dispose } = await migratedPglite();
    return { store: createSqlEventStore(client), sql: client, dispose };
  },
};

const postgres: ConformanceBackend = {
  name: 'postgres',
  concurrentTransactions: true,
  async open() {
    const { client, dispose } = await migratedPostgres();
    return { store: createSqlEventStore(client), sql: client, dispose };
  },
};

/**
 * EventStoreDB/KurrentDB at EVENTSTORE_URL, else in a container when a Docker engine answers.
 * It has no empty database per run: the suite's unique stream categories keep runs apart.
 */
const esdb: ConformanceBackend = {
  name: 'esdb',
  concurrentTransactions: false,
  async open() {
    if (process.env.EVENTSTORE_URL) {
      return {
        store: await createEsdbEventStore({ connectionString: process.env.EVENTSTORE_URL }),
        dispose: async () => {},
      };
    }
    const container = await new GenericContainer(
      process.env.KURRENTDB_IMAGE ?? 'docker.kurrent.io/kurrent-latest/kurrentdb:25.1',
    )
      .withEnvironment({
        KURRENTDB_CLUSTER_SIZE: '1',
        KURRENTDB_RUN_PROJECTIONS: 'None',
        KURRENTDB_INSECURE: 'true',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
      .start();
    const url = `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    const store = await createEsdbEventStore({ connectionString: url });
    return { store, dispose: async () => void (await container.stop()) };
  },
};

/** A Docker engine answers on its socket (the client alone, as on this kind of machine, is not enough). */
export function dockerEngineAvailable(): boolean {
  const host = process.env.DOCKER_HOST;
  if (host) return true;
  return existsSync('/var/run/docker.sock');
}

/** The backends this machine can run the conformance suite on, and why any is left out. */
export function conformanceBackends(): { backends: ConformanceBackend[]; missing: string[] } {
  const backends = [pglite, postgres];
  const missing: string[] = [];
  if (process.env.EVENTSTORE_URL || dockerEngineAvailable()) backends.push(esdb);
  else missing.push('esdb (set EVENTSTORE_URL to a KurrentDB/EventStoreDB node, or run a Docker engine)');
  return { backends, missing };
}
