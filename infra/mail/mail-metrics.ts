import { Gauge, type Registry } from 'prom-client';
import type { SqlExecutor } from '../sql/sql-client.ts';

/**
 * `qm_mail_deliveries{status}`: notification mail waiting (`pending`) and given up on (`parked`,
 * waiting for an admin: `qm mail parked`). Counted when Prometheus scrapes, from the deliveries
 * table itself, so every process that sends mail reports the same truth; sent mail is not counted
 * (that part of the table only grows).
 */
export function registerMailMetrics(registry: Registry, sql: SqlExecutor): void {
  if (registry.getSingleMetric('qm_mail_deliveries')) return;
  new Gauge({
    name: 'qm_mail_deliveries',
    help: 'Notification mail deliveries not sent, by status (pending, parked)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const rows = await sql.query<{ status: string; count: string }>(
        `select status, count(*)::text as count from qm_mail_deliveries where status <> 'sent' group by status`,
      );
      const counts = new Map(rows.map((row) => [row.status, Number(row.count)]));
      for (const status of ['pending', 'parked']) this.set({ status }, counts.get(status) ?? 0);
    },
  });
}
