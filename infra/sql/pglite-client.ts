import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor } from './sql-client.ts';
import { tallyStatement, tallyTransaction } from './statement-tally.ts';

export interface PgliteClientOptions {
  /** A folder to persist in, or `memory://` (the default) for a throwaway database. */
  dataDir?: string;
  /** Extensions to load (e.g. pg_trgm for the read side). */
  extensions?: Record<string, unknown>;
}

/**
 * A `SqlClient` over embedded PGlite: the same PostgreSQL SQL, in-process, on one connection.
 * PGlite serialises queries and transactions itself, so concurrent callers simply queue.
 */
export async function createPgliteClient(options: PgliteClientOptions = {}): Promise<SqlClient> {
  const db = await PGlite.create({
    dataDir: options.dataDir ?? 'memory://',
    ...(options.extensions ? { extensions: options.extensions as never } : {}),
  });
  const on = (runner: Pick<PGlite, 'query'>): SqlExecutor => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      tallyStatement(text);
      const result = await runner.query<Row>(text, params as unknown[]);
      return result.rows;
    },
  });
  return {
    dialect: 'pglite',
    ...on(db),
    transaction: (work) => {
      tallyTransaction();
      return db.transaction((tx) => work(on(tx)));
    },
    close: () => db.close(),
  };
}
