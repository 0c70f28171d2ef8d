import { personalFields } from '../../domain/privacy/personal-fields.ts';
import type { JsonObject } from '../../ports/event-store.ts';
import type { SqlClient } from '../sql/sql-client.ts';
import type { EventPrivacy } from './event-privacy.ts';

const RUN = 'encrypt-existing';

export interface EncryptionProgress {
  /** Events with personal fields still to look at when the run started (or resumed). */
  total: number;
  done: number;
  /** Events rewritten and fields sealed so far, over every run. */
  events: number;
  fields: number;
  throughPosition: string;
}

/**
 * The one allowed rewrite of history (docs/privacy.md): seals the personal fields that events
 * appended before encryption existed hold in plain text, in place, on the PostgreSQL or PGlite
 * event log. Batches commit with their progress (`qm_privacy_encryption`), so a run that stops
 * resumes after the last batch; a sealed field is never sealed twice, so a rerun changes nothing.
 */
export async function encryptExistingEvents(
  sql: SqlClient,
  privacy: EventPrivacy,
  options: { batchSize?: number; onProgress?(progress: EncryptionProgress): void } = {},
): Promise<EncryptionProgress> {
  const batchSize = options.batchSize ?? 500;
  const types = Object.keys(personalFields);
  const [saved] = await sql.query<{ through_position: string; events: number; fields: number }>(
    'select through_position, events, fields from qm_privacy_encryption where id = $1',
    [RUN],
  );
  let through = saved?.through_position ?? '0';
  const [{ remaining } = { remaining: '0' }] = await sql.query<{ remaining: string }>(
    'select count(*)::text as remaining from qm_events where type = any($1::text[]) and position > $2',
    [types, through],
  );
  const progress: EncryptionProgress = {
    total: Number(remaining),
    done: 0,
    events: saved?.events ?? 0,
    fields: saved?.fields ?? 0,
    throughPosition: through,
  };
  options.onProgress?.(progress);
  for (;;) {
    const rows = await sql.query<{ position: string; type: string; data: JsonObject }>(
      `select position::text as position, type, data from qm_events
       where type = any($1::text[]) and position > $2 order by position limit $3`,
      [types, through, batchSize],
    );
    if (rows.length === 0) break;
    const plain = rows.filter((row) => privacy.plainFields(row) > 0);
    const fields = plain.reduce((sum, row) => sum + privacy.plainFields(row), 0);
    const sealed = await privacy.seal(plain);
    through = rows.at(-1)!.position;
    await sql.transaction(async (tx) => {
      for (const row of sealed) {
        await tx.query('update qm_events set data = $2::jsonb where position = $1', [
          row.position,
          JSON.stringify(row.data),
        ]);
      }
      await tx.query(
        `insert into qm_privacy_encryption (id, through_position, events, fields) values ($1, $2, $3, $4)
         on conflict (id) do update set through_position = $2, events = qm_privacy_encryption.events + $3,
           fields = qm_privacy_encryption.fields + $4, finished_at = null`,
        [RUN, through, sealed.length, fields],
      );
    });
    progress.done += rows.length;
    progress.events += sealed.length;
    progress.fields += fields;
    progress.throughPosition = through;
    options.onProgress?.(progress);
  }
  await sql.query('update qm_privacy_encryption set finished_at = now() where id = $1', [RUN]);
  return progress;
}
