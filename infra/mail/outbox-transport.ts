import type { SqlExecutor } from '../sql/sql-client.ts';
import type { MailTransport } from '../../ports/mail.ts';

/** Mail kept in `qm_mail_outbox` instead of sent (no SMTP_URL): `qm mail list` and the admin route show it. */
export function createOutboxTransport(sql: SqlExecutor): MailTransport {
  return {
    kind: 'outbox',
    async send(mail) {
      await sql.query(
        `insert into qm_mail_outbox (delivery_id, recipient, subject, text_body, html_body, message_id, attachments)
         values ($1, $2, $3, $4, $5, $6, $7::jsonb) on conflict (delivery_id) do nothing`,
        [
          mail.deliveryId,
          mail.to,
          mail.subject,
          mail.text,
          mail.html,
          mail.messageId,
          mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
        ],
      );
    },
    async close() {},
  };
}
