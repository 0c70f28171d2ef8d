import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inlineParameters } from './inline-parameters.ts';
import type { SqlClient, SqlExecutor } from './sql-client.ts';

export interface PgClientOptions {
  connectionString: string;
  /** Pool size; concurrent appenders beyond it queue for a connection. */
  maxConnections?: number;
  applicationName?: string;
}

/** A `SqlClient` over a `pg` connection pool. */
export function createPgClient(options: PgClientOptions): SqlClient {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 20,
    application_name: options.applicationName ?? 'quartermaster',
  });
  // An idle client that loses its connection emits on the pool; without a listener Node would crash.
  pool.on('error', () => undefined);

  const on = (runner: pg.Pool | pg.PoolClient, atCommit?: string[]): SqlExecutor => ({
    ...(atCommit
      ? { atCommit: (text, params = []) => void atCommit.push(inlineParameters(text, params)) }
      : {}),
    async query<Row>(text: string, params: readonly unknown[] = [], name?: string) {
      const result = await runner.query({ text, values: params as unknown[], ...(name ? { name } : {}) });
      return result.rows as Row[];
    },
    async copyFrom(statement: string, text: string | Iterable<string>) {
      const client = runner instanceof pg.Pool ? await runner.connect() : runner;
      try {
        await pipeline(
          Readable.from(typeof text === 'string' ? [text] : text),
          client.query(copyFromStdin(statement)),
        );
      } finally {
        if (client !== runner) client.release();
      }
    },
  });

  return {
    dialect: 'postgres',
    ...on(pool),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const atCommit: string[] = [];
      try {
        await client.query('BEGIN');
        const result = await work(on(client, atCommit));
        // One simple-protocol script: a statement that fails stops it before the COMMIT.
        await client.query([...atCommit, 'COMMIT'].join(';\n'));
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
