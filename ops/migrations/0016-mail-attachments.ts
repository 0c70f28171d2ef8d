import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * Mail can carry files: a scheduled report goes out as a CSV or PDF attachment. Stored with the
 * delivery (base64 in JSON, null for mail without files), so the dispatcher sends a rendered mail
 * as it is, and a re-sent delivery carries the same file; the outbox keeps them for `qm mail list`.
 */
export const mailAttachments: Migration = {
  id: '0016-mail-attachments',
  up: `
    alter table qm_mail_deliveries add column attachments jsonb;
    alter table qm_mail_outbox add column attachments jsonb;
  `,
};
