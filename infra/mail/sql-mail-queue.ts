import type { MailQueue } from '../../ports/mail.ts';
import type { SqlExecutor } from '../sql/sql-client.ts';
import { enqueueDeliveries } from './mail-deliveries.ts';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Account mail as rows of `qm_mail_deliveries`, sent by the mail dispatcher within its poll interval. */
export function sqlMailQueue(sql: SqlExecutor): MailQueue {
  return {
    async enqueue(mail) {
      await enqueueDeliveries(sql, [
        {
          eventId: mail.eventId,
          template: mail.template,
          to: mail.to,
          subject: mail.subject,
          text: `${mail.paragraphs.join('\n\n')}\n`,
          html: `<!doctype html><html><body>${mail.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`,
          ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
        },
      ]);
    },
  };
}
