import type { Migration } from '../../infra/sql/migrate.ts';

/** Payment provider events already handled, so a redelivered webhook changes nothing. */
export const processedWebhooks: Migration = {
  id: '0003-processed-webhooks',
  up: `
    create table qm_processed_webhooks (
      provider text not null,
      event_id text not null,
      processed_at timestamptz not null default now(),
      primary key (provider, event_id)
    );
  `,
};
