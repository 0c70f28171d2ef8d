import { randomBytes } from 'node:crypto';
import type { PersonalDataKeys, SubjectKey } from '../../ports/personal-data-keys.ts';
import type { SqlExecutor } from '../sql/sql-client.ts';

type KeyRow = { subject: string; key: string | null };

/**
 * The key store on the deployment's PostgreSQL or PGlite (`qm_personal_data_keys`). Keys travel
 * as base64 text so both drivers see the same values. Every lookup asks the table; the composition
 * root puts a short memory in front (`cached-personal-data-keys.ts`: another process's erasure
 * takes effect within its TTL, this process's at once).
 */
export function createSqlPersonalDataKeys(sql: SqlExecutor): PersonalDataKeys {
  async function get(subjects: readonly string[]): Promise<Map<string, SubjectKey>> {
    const found = new Map<string, SubjectKey>();
    if (subjects.length === 0) return found;
    const rows = await sql.query<KeyRow>(
      `select subject, encode(key, 'base64') as key from qm_personal_data_keys where subject = any($1::text[])`,
      [[...new Set(subjects)]],
    );
    for (const row of rows) found.set(row.subject, toKey(row));
    return found;
  }
  return {
    get,
    async getOrCreate(subjects) {
      const unique = [...new Set(subjects)];
      if (unique.length === 0) return new Map();
      const fresh = unique.map(() => randomBytes(32).toString('base64'));
      // Racing creators: `on conflict do nothing`, then everyone reads the one key that won.
      await sql.query(
        `insert into qm_personal_data_keys (subject, key)
         select subject, decode(key, 'base64') from unnest($1::text[], $2::text[]) as t(subject, key)
         on conflict (subject) do nothing`,
        [unique, fresh],
      );
      return get(unique);
    },
    async erase(subject) {
      await sql.query(
        `insert into qm_personal_data_keys (subject, key, erased_at) values ($1, null, now())
         on conflict (subject) do update set key = null, erased_at = coalesce(qm_personal_data_keys.erased_at, now())`,
        [subject],
      );
    },
  };
}

function toKey(row: KeyRow): SubjectKey {
  return row.key === null
    ? { subject: row.subject, erased: true }
    : { subject: row.subject, key: Buffer.from(row.key, 'base64') };
}
