import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * The per-subject keys of crypto-shredding (`infra/privacy/sql-personal-data-keys.ts`) and the
 * progress of `qm privacy encrypt-existing`.
 *
 * - `qm_personal_data_keys`: one AES-256 key per data subject (the customer id). Erasure sets
 *   `key` to null and `erased_at`: the row stays as a tombstone so the id never gets a new key.
 * - `qm_privacy_encryption`: how far the one-off encryption of plain-text personal fields got
 *   (the last `qm_events.position` done), so an interrupted run resumes there.
 */
export const personalDataKeys: Migration = {
  id: '0010-personal-data-keys',
  up: `
    create table qm_personal_data_keys (
      subject text primary key,
      key bytea,
      created_at timestamptz not null default now(),
      erased_at timestamptz,
      check ((key is null) = (erased_at is not null))
    );
    create table qm_privacy_encryption (
      id text primary key,
      through_position bigint not null,
      events integer not null,
      fields integer not null,
      finished_at timestamptz
    );
  `,
};
