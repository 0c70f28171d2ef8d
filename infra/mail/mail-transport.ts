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
}

/**
 * Where mail goes: SMTP (nodemailer) when SMTP_URL is set, else the outbox table that `qm mail list`
 * shows. `send` resolves once the mail is accepted (SMTP 250, or the outbox row committed).
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}
