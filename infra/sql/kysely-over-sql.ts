import type { CompiledQuery } from 'kysely';
import {
  DeleteQueryNode,
  InsertQueryNode,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  UpdateQueryNode,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type RootOperationNode,
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
export function kyselyOver<Database>(
  executor: SqlExecutor,
  /** Takes a statement over instead (true: it answers no rows); see `kyselyWritesAtCommit`. */
  divert?: (compiled: CompiledQuery) => boolean,
): Kysely<Database> {
  const connection: DatabaseConnection = {
    async executeQuery<Row>(compiled: CompiledQuery): Promise<QueryResult<Row>> {
      if (divert?.(compiled)) return { rows: [] };
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

/**
 * A Kysely instance over a transaction whose writes (insert, update, delete without `returning`)
 * run at its commit (`SqlExecutor.atCommit`) and return no rows, while reads run at once. For work
 * that reads first and writes last (a projector batch: load, fold, write): the transaction then
 * takes its transaction id only at the commit. A statement that must run at once after a write was
 * deferred would see the data without that write, so it throws instead.
 */
export function kyselyWritesAtCommit<Database>(tx: SqlExecutor): Kysely<Database> {
  if (!tx.atCommit) throw new Error('this executor cannot defer statements to its commit');
  const atCommit = tx.atCommit.bind(tx);
  let deferred: string | null = null;
  return kyselyOver<Database>(tx, (compiled) => {
    if (isPlainWrite(compiled.query)) {
      atCommit(compiled.sql, compiled.parameters);
      deferred ??= compiled.sql;
      return true;
    }
    if (deferred !== null) {
      throw new Error(
        `a statement that needs its answer now came after a write deferred to the commit; ` +
          `read everything before writing. Statement: ${compiled.sql.slice(0, 80)}; deferred: ${deferred.slice(0, 80)}`,
      );
    }
    return false;
  });
}

function isPlainWrite(node: RootOperationNode): boolean {
  if (InsertQueryNode.is(node) || UpdateQueryNode.is(node) || DeleteQueryNode.is(node))
    return !node.returning;
  return false;
}
