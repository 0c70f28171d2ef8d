/**
 * The mail port: what the notifications consumer's dispatcher needs from a mail transport, and
 * nothing more.
 *
 * Two adapters implement it (`infra/mail/`): SMTP through nodemailer (`smtp-transport.ts`) when
 * SMTP_URL is set, else the outbox table (`outbox-transport.ts`) that `qm mail list` shows. A
 * transport is at-least-once: a mail accepted but not yet marked sent when the process died is
 * sent again, with the same Message-ID.
 */

/** One rendered mail, ready for a transport. */
export interface OutgoingMail {
  /** The delivery's id: the outbox keys on it, so a re-sent delivery lands there once. */
  deliveryId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 5322 Message-ID derived from the event, so a re-sent mail is recognisably the same one. */
  messageId: string;
  /** Files sent with the mail (a scheduled report's CSV or PDF); none for most mail. */
  attachments?: readonly MailAttachment[];
}

/** A file attached to a mail. Base64, so a delivery stays plain JSON in its table. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/** Where mail goes. `send` resolves once the mail is accepted (SMTP 250, or the outbox row committed). */
export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

/**
 * Mail the write side sends itself (an account's verification code, reset code, staff invitation):
 * stored as a delivery, which the mail dispatcher sends like the notification consumer's. Adapted
 * by `infra/mail/sql-mail-queue.ts`.
 */
export interface MailQueue {
  enqueue(mail: QueuedMail): Promise<void>;
}

/** `eventId` names what caused the mail (`stream#revision`); with template and recipient it keys the delivery. */
export interface QueuedMail {
  eventId: string;
  template: string;
  to: string;
  subject: string;
  /** Paragraphs of plain text; the HTML body says the same, escaped. */
  paragraphs: readonly string[];
  attachments?: readonly MailAttachment[];
}
