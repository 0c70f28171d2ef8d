import { mkdirSync } from 'node:fs';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Config } from '../../infra/config/config.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { migrate } from '../../infra/sql/migrate.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import { createPgliteClient } from '../../infra/sql/pglite-client.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { migrations } from '../migrations/index.ts';

/**
 * The SQL database of this deployment, migrated: PostgreSQL when DATABASE_URL is set, else embedded
 * PGlite in QM_DATA_DIR. It holds the read models, and the events unless they live in EventStoreDB.
 */
export async function openDatabase(config: Config, log: Logger): Promise<SqlClient> {
  let client: SqlClient;
  if (config.DATABASE_URL) {
    client = createPgClient({ connectionString: config.DATABASE_URL, maxConnections: config.PG_POOL_SIZE });
  } else {
    if (!config.QM_DATA_DIR.startsWith('memory://')) mkdirSync(config.QM_DATA_DIR, { recursive: true });
    client = await createPgliteClient({ dataDir: config.QM_DATA_DIR, extensions: { pg_trgm } });
  }
  const applied = await migrate(client, migrations);
  log.info(
    {
      database: client.dialect,
      ...(client.dialect === 'pglite' ? { dataDir: config.QM_DATA_DIR } : {}),
      applied,
    },
    'database ready',
  );
  return client;
}
