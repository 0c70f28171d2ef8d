import pg from 'pg';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { randomBytes } from 'node:crypto';
import { migrations } from '../ops/migrations/index.ts';
import { migrate } from '../infra/sql/migrate.ts';
import { createPgClient } from '../infra/sql/pg-client.ts';
import { createPgliteClient } from '../infra/sql/pglite-client.ts';
import type { SqlClient } from '../infra/sql/sql-client.ts';
import { serviceUrls } from './service-urls.ts';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty PostgreSQL database of its own for one test run, so runs (and parallel test
 * files) never see each other's rows. Drop it when done.
 */
export async function createTestDatabase(prefix = 'qm_test'): Promise<TestDatabase> {
  const adminUrl = serviceUrls().postgres;
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A migrated PostgreSQL client on a fresh database, and a way to throw both away. */
export async function migratedPostgres(
  maxConnections = 60,
): Promise<{ client: SqlClient; url: string; dispose: () => Promise<void> }> {
  const database = await createTestDatabase();
  const client = createPgClient({ connectionString: database.url, maxConnections });
  await migrate(client, migrations);
  return {
    client,
    url: database.url,
    async dispose() {
      await client.close();
      await database.drop();
    },
  };
}

/** A migrated in-memory PGlite client. */
export async function migratedPglite(): Promise<{ client: SqlClient; dispose: () => Promise<void> }> {
  const client = await createPgliteClient({ extensions: { pg_trgm } });
  await migrate(client, migrations);
  return { client, dispose: () => client.close() };
}
