import { mkdirSync } from 'node:fs';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Config } from '../../infra/config/config.ts';
import { dataRootPaths, isMemoryRoot } from '../../infra/config/data-root.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { migrate } from '../../infra/sql/migrate.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import { createPgliteClient } from '../../infra/sql/pglite-client.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { migrations } from '../migrations/index.ts';
import { checkDataRoot } from './data-root-layout.ts';
import { claimDataRoot, type DataRootClaim } from './data-root-owner.ts';

/**
 * The SQL database of this deployment, migrated: PostgreSQL when DATABASE_URL is set, else embedded
 * PGlite in the data root's `pglite/`. It holds the read models, and the events unless they live in
 * EventStoreDB. PGlite is opened only after this process claimed the data root: a second process on
 * the same folder corrupts it.
 */
export async function openDatabase(config: Config, log: Logger): Promise<SqlClient> {
  let client: SqlClient;
  let claim: DataRootClaim | undefined;
  const dataDir = dataRootPaths(config).pglite;
  try {
    if (config.DATABASE_URL) {
      client = createPgClient({ connectionString: config.DATABASE_URL, maxConnections: config.PG_POOL_SIZE });
    } else {
      if (!isMemoryRoot(config.QM_DATA_DIR)) {
        checkDataRoot(config);
        claim = claimDataRoot(config, log);
        mkdirSync(dataDir, { recursive: true });
      }
      const pglite = await createPgliteClient({ dataDir, extensions: { pg_trgm } });
      const held = claim;
      client = {
        ...pglite,
        async close() {
          await pglite.close();
          held?.release();
        },
      };
    }
  } catch (error) {
    claim?.release();
    throw error;
  }
  try {
    const applied = await migrate(client, migrations);
    log.info(
      { database: client.dialect, ...(client.dialect === 'pglite' ? { dataDir } : {}), applied },
      'database ready',
    );
  } catch (error) {
    await client.close();
    throw error;
  }
  return client;
}

/**
 * The read API's database: the hot-standby replica READ_DATABASE_URL names (never migrated here:
 * it replays the primary's schema), else `undefined` and the read API reads `openDatabase`'s.
 */
export function openReadDatabase(config: Config, log: Logger): SqlClient | undefined {
  if (!config.READ_DATABASE_URL) return undefined;
  log.info('the read API reads its models from the replica READ_DATABASE_URL names');
  return createPgClient({ connectionString: config.READ_DATABASE_URL, maxConnections: config.PG_POOL_SIZE });
}
