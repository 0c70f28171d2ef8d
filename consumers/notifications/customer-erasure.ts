import type { CustomerErased } from '../../domain/privacy/events.ts';
import { erasedText } from '../../domain/privacy/personal-fields.ts';
import { erasedJsonSql } from '../../infra/privacy/erased-json-sql.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { markHandled } from './notification-state.ts';

/**
 * `CustomerErased` for the notification consumer: everything it copied about the customer is
 * anonymised in one transaction. Its contact goes; the orders it remembers keep their ids and
 * amounts but not the address or email; every mail to the customer's addresses (deliveries and
 * the outbox) keeps its template, time and status but not its recipient or text. A mail still
 * pending is parked instead of sent. Mail already handed to SMTP is outside Quartermaster.
 */
export async function eraseCustomerMail(
  sql: SqlClient,
  event: { id: string; type: string; data: CustomerErased['data'] },
): Promise<void> {
  const { customerId, orderIds } = event.data;
  await sql.transaction(async (tx) => {
    if (!(await markHandled(tx, event))) return;
    const addresses = await tx.query<{ email: string }>(
      `select email from qm_customer_contacts where customer_id = $1
       union select email from qm_notification_orders where order_id = any($2::text[]) and email is not null`,
      [customerId, orderIds],
    );
    const emails = addresses.map((row) => row.email);
    await tx.query('delete from qm_customer_contacts where customer_id = $1', [customerId]);
    await tx.query(
      `update qm_notification_orders set email = null, placed = ${erasedJsonSql('placed', 'OrderPlaced')}
       where order_id = any($1::text[])`,
      [orderIds],
    );
    await tx.query(
      `update qm_mail_deliveries
       set recipient = $2, text_body = $2, html_body = $2,
           last_error = case when last_error is null then null else $2 end,
           status = case when status = 'pending' then 'parked' else status end
       where recipient = any($1::text[])`,
      [emails, erasedText],
    );
    await tx.query(
      `update qm_mail_outbox set recipient = $2, text_body = $2, html_body = $2
       where recipient = any($1::text[])`,
      [emails, erasedText],
    );
  });
}
