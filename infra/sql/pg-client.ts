import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inlinable, inlineParameters } from './inline-parameters.ts';
import type { SqlClient, SqlExecutor } from './sql-client.ts';
import { tallyRoundTrip, tallyStatement, tallyTransaction } from './statement-tally.ts';

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

  return {
    dialect: 'postgres',
    query: (text, params = [], name) => run(pool, text, params, name),
    async copyFrom(statement, text) {
      const client = await pool.connect();
      try {
        await copyInto(client, statement, text);
      } finally {
        client.release();
      }
    },
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      tallyTransaction();
      const transaction = openTransaction(client);
      try {
        const result = await work(transaction.executor);
        await transaction.commit();
        return result;
      } catch (error) {
        await transaction.rollback().catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function run<Row>(
  runner: pg.Pool | pg.PoolClient,
  text: string,
  params: readonly unknown[],
  name: string | undefined,
): Promise<Row[]> {
  tallyStatement(text);
  tallyRoundTrip();
  const result = await runner.query({ text, values: params as unknown[], ...(name ? { name } : {}) });
  return result.rows as Row[];
}

async function copyInto(client: pg.PoolClient, statement: string, text: string | Iterable<string>) {
  tallyStatement(statement);
  tallyRoundTrip();
  await pipeline(
    Readable.from(typeof text === 'string' ? [text] : text),
    client.query(copyFromStdin(statement)),
  );
}

/**
 * A transaction on one connection that costs no round trip of its own: BEGIN travels with the first
 * statement (and what waits for the BEGIN, `atBegin`) and COMMIT with the statements deferred to it
 * (`atCommit`), each as one simple-protocol script with the parameters written in
 * (`inlineParameters`). Every round trip wakes PostgreSQL and then this process again, which on the
 * 2-core development VM cost more CPU than most statements themselves (socket writes were 28-39% of
 * the projector and writer processes' profiles). A first statement with literals of its own goes
 * after a BEGIN of its own.
 */
function openTransaction(client: pg.PoolClient) {
  let begun = false;
  const opening = ['BEGIN'];
  const atCommit: string[] = [];
  /** Sends the opening and `statement` (if any) as one script: the last statement's result. */
  const open = async (statement?: string): Promise<pg.QueryResult | undefined> => {
    begun = true;
    const script = statement === undefined ? opening : [...opening, statement];
    tallyScript(script);
    const results = (await client.query(script.join(';\n'))) as unknown as pg.QueryResult | pg.QueryResult[];
    return Array.isArray(results) ? results.at(-1) : results;
  };
  const executor: SqlExecutor = {
    atCommit: (text, params = []) => void atCommit.push(inlineParameters(text, params)),
    atBegin(text, params = []) {
      if (begun) throw new Error('atBegin after the transaction has begun');
      opening.push(inlineParameters(text, params));
    },
    async query<Row>(text: string, params: readonly unknown[] = [], name?: string) {
      if (!begun && inlinable(text)) return (await open(inlineParameters(text, params)))!.rows as Row[];
      if (!begun) await open();
      return run<Row>(client, text, params, name);
    },
    async copyFrom(statement, text) {
      if (!begun) await open();
      await copyInto(client, statement, text);
    },
  };
  return {
    executor,
    /** Runs what waits for the commit, then commits; a statement that fails stops the script first. */
    async commit() {
      if (!begun && atCommit.length === 0 && opening.length === 1) return;
      const script = [...(begun ? [] : opening), ...atCommit, 'COMMIT'];
      begun = true;
      tallyScript(script);
      await client.query(script.join(';\n'));
    },
    async rollback() {
      if (!begun) return;
      tallyScript(['ROLLBACK']);
      await client.query('ROLLBACK');
    },
  };
}

function tallyScript(script: readonly string[]): void {
  for (const statement of script) tallyStatement(statement);
  tallyRoundTrip();
}
