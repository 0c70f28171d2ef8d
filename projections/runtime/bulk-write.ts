import { kyselyOver } from '../../infra/sql/kysely-over-sql.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';
import { writeTables, type TableWrite } from '../batch-write.ts';
import { copyChunks, copyStatement } from './copy-text.ts';

/** A table write made ready for a generation being filled: COPY text, or the write as it is. */
export type BulkWrite = { table: string; copy: string; text: Iterable<string> } | { write: TableWrite };

/**
 * Makes a fold's writes ready for a generation that a replay is filling: appends become COPY (when
 * the driver can COPY), their text made chunk by chunk as PostgreSQL takes it in. Unlike `insert`'s `on conflict do nothing`, COPY fails on a key
 * already there; the replay then starts again the careful way (`bulkFill`), so a log that holds
 * such a case still rebuilds exactly as it applied live.
 */
export function prepareBulkWrites(
  schema: string,
  writes: readonly TableWrite[],
  canCopy: boolean,
): BulkWrite[] {
  return writes
    .filter((write) => write.rows.length > 0)
    .map((write) =>
      write.kind === 'insert' && canCopy
        ? {
            table: write.table,
            copy: copyStatement(schema, write.table, write.types),
            text: copyChunks(write.types, write.rows),
          }
        : { write },
    );
}

/** Runs prepared writes, in order, in the batch's transaction. */
export async function runBulkWrites(
  tx: SqlExecutor,
  schema: string,
  writes: readonly BulkWrite[],
): Promise<void> {
  for (const write of writes) {
    if ('copy' in write) await tx.copyFrom!(write.copy, write.text);
    else await writeTables(kyselyOver<unknown>(tx).withSchema(schema), [write.write]);
  }
}
