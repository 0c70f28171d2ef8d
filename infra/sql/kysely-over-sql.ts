import type { CompiledQuery } from 'kysely';
import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { SqlExecutor } from './sql-client.ts';

/**
 * A Kysely instance that runs its queries through one of our `SqlExecutor`s: the pool, or the
 * transaction a projector holds. Read models are written with Kysely, but the projector runtime owns
 * the transaction (read-model rows and checkpoint commit together), so Kysely must not open its own.
 * The same code then serves PostgreSQL (`pg`) and embedded PGlite.
 *
 * `db.transaction()` is not supported on such an instance; open the transaction with
 * `SqlClient.transaction` and wrap its executor instead.
 */
export function kyselyOver<Database>(executor: SqlExecutor): Kysely<Database> {
  const connection: DatabaseConnection = {
    async executeQuery<Row>(compiled: CompiledQuery): Promise<QueryResult<Row>> {
      const rows = await executor.query<Row>(compiled.sql, compiled.parameters);
      return { rows };
    },
    // eslint-disable-next-line require-yield -- streaming is not offered by our executors
    async *streamQuery() {
      throw new Error('streaming queries are not supported over a SqlExecutor; page with keyset queries');
    },
  };
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => {
      throw new Error('open transactions with SqlClient.transaction, then wrap its executor with kyselyOver');
    },
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
  const dialect: Dialect = {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
  return new Kysely<Database>({ dialect });
}
