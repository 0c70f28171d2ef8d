import type { SqlClient } from '../../infra/sql/sql-client.ts';

/**
 * Provider events already handled, by the provider's event id: Stripe delivers at least once, so a
 * second delivery is acknowledged without touching the order again.
 */
export interface ProcessedWebhooks {
  seen(provider: string, eventId: string): Promise<boolean>;
  /** Records a handled event; false when another delivery recorded it first. */
  record(provider: string, eventId: string): Promise<boolean>;
}

export function sqlProcessedWebhooks(sql: SqlClient): ProcessedWebhooks {
  return {
    async seen(provider, eventId) {
      const rows = await sql.query(
        'select 1 from qm_processed_webhooks where provider = $1 and event_id = $2',
        [provider, eventId],
      );
      return rows.length > 0;
    },
    async record(provider, eventId) {
      const rows = await sql.query(
        `insert into qm_processed_webhooks (provider, event_id) values ($1, $2) on conflict do nothing returning 1`,
        [provider, eventId],
      );
      return rows.length > 0;
    },
  };
}
