import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { migrate } from '../../infra/sql/migrate.ts';
import { createPgliteClient } from '../../infra/sql/pglite-client.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { migrations } from '../../ops/migrations/index.ts';
import { migratedPostgres } from '../../test-support/databases.ts';

export type BenchBackend = 'pglite' | 'postgres';

/**
 * A fresh, migrated database for one benchmark run: PostgreSQL in a database of its own, or PGlite
 * persisted in a temporary folder (as the embedded default runs, not in memory).
 */
export async function benchDatabase(
  backend: BenchBackend,
): Promise<{ client: SqlClient; dispose: () => Promise<void> }> {
  if (backend === 'postgres') return migratedPostgres(40);
  const dir = mkdtempSync(join(tmpdir(), 'qm-bench-'));
  // pg_trgm: the read side's search migration creates trigram indexes, as in test-support/databases.ts.
  const client = await createPgliteClient({ dataDir: dir, extensions: { pg_trgm } });
  await migrate(client, migrations);
  return {
    client,
    async dispose() {
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
