import { existsSync } from 'node:fs';
import type { ConformanceBackend } from '../infra/event-store/conformance/backend.ts';
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
  missing.push('esdb (set EVENTSTORE_URL to a KurrentDB/EventStoreDB node, or run a Docker engine)');
  return { backends, missing };
}
