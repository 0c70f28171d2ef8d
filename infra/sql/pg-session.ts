import pg from 'pg';
import type { SqlExecutor } from './sql-client.ts';
import { tallyRoundTrip, tallyStatement } from './statement-tally.ts';

/**
 * One PostgreSQL connection of its own, outside any pool: what session-level state needs, such as
 * an advisory lock that must stay held for as long as the process lives (and is released by the
 * server the moment the process or its connection dies).
 */
export interface SqlSession extends SqlExecutor {
  /** The server process id of this connection (`pg_backend_pid()`), to name it to other sessions. */
  readonly pid: number;
  /** Resolves when the connection is lost or closed, so a holder of session state knows it is gone. */
  readonly ended: Promise<void>;
  close(): Promise<void>;
}

/** Opens a dedicated session to `connectionString`. */
export async function openPgSession(
  connectionString: string,
  applicationName = 'quartermaster',
): Promise<SqlSession> {
  const client = new pg.Client({ connectionString, application_name: applicationName });
  let markEnded: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  client.on('error', () => markEnded());
  client.on('end', () => markEnded());
  await client.connect();
  const [row] = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
  return {
    pid: row!.pid,
    ended,
    async query<Row>(text: string, params: readonly unknown[] = []) {
      tallyStatement(text);
      tallyRoundTrip();
      const result = await client.query({ text, values: params as unknown[] });
      return result.rows as Row[];
    },
    async close() {
      await client.end().catch(() => undefined);
      markEnded();
    },
  };
}
