import nodemailer from 'nodemailer';
import type { MailTransport } from '../../ports/mail.ts';

export interface SmtpTransportOptions {
  /** e.g. `smtp://user:pass@mail.example.com:587` or `smtps://...` (SMTP_URL). */
  url: string;
  /** The From address of every mail (QM_MAIL_FROM). */
  from: string;
}

/** Mail over SMTP with nodemailer; one pooled connection reused across mails. */
export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  const url = new URL(options.url);
  url.searchParams.set('pool', 'true');
  const transporter = nodemailer.createTransport(url.toString());
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        ...(mail.attachments?.length
          ? {
              attachments: mail.attachments.map((file) => ({
                filename: file.filename,
                contentType: file.contentType,
                content: Buffer.from(file.contentBase64, 'base64'),
              })),
            }
          : {}),
      });
    },
    async close() {
      transporter.close();
    },
  };
}
