import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * Idempotency keys of the write API (`write-api/idempotency/sql-idempotency-store.ts`).
 *
 * One row per (actor, key). The primary key is what makes a claim atomic: `insert ... on conflict
 * do nothing` lets exactly one of two concurrent requests in. `status` stays null while the request
 * runs, then the row holds the response to replay until `expires_at`.
 */
export const idempotencySchema: Migration = {
  id: '0002-idempotency',
  up: `
    create table qm_idempotency_keys (
      scope text not null,
      key text not null,
      fingerprint text not null,
      token text not null,
      status integer,
      headers jsonb,
      body bytea,
      created_at timestamptz not null,
      locked_until timestamptz not null,
      expires_at timestamptz not null,
      primary key (scope, key)
    );
    create index qm_idempotency_keys_expires_at on qm_idempotency_keys (expires_at);
  `,
};
