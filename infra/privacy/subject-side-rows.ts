import type { SqlExecutor } from '../sql/sql-client.ts';

/**
 * What the side tables outside the read models hold about a customer (the notification
 * consumer's contact and order copies, and the mail sent to them), for the data export.
 */
export async function subjectSideRows(
  sql: SqlExecutor,
  customerId: string,
): Promise<Record<string, unknown[]>> {
  const contacts = await sql.query<{ email: string }>(
    'select customer_id, email, updated_at from qm_customer_contacts where customer_id = $1',
    [customerId],
  );
  const orders = await sql.query<{ email: string | null }>(
    'select order_id, customer_id, email, placed from qm_notification_orders where customer_id = $1',
    [customerId],
  );
  const emails = [...contacts.map((row) => row.email), ...orders.map((row) => row.email)].filter(
    (email): email is string => email !== null,
  );
  const deliveries = await sql.query(
    `select id, event_id, template, recipient, subject, text_body, status, created_at, sent_at
     from qm_mail_deliveries where recipient = any($1::text[]) order by created_at`,
    [emails],
  );
  const outbox = await sql.query(
    `select delivery_id, recipient, subject, text_body, created_at
     from qm_mail_outbox where recipient = any($1::text[]) order by created_at`,
    [emails],
  );
  return {
    qm_customer_contacts: contacts,
    qm_notification_orders: orders,
    qm_mail_deliveries: deliveries,
    qm_mail_outbox: outbox,
  };
}
