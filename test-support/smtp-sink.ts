import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string[];
  messageId: string;
  subject: string;
  raw: string;
}

export interface SmtpSink {
  url: string;
  /** Mails accepted (answered 250), in order. */
  received: ReceivedMail[];
  /** Refuses mail to this recipient the next `times` attempts (a 451, which the sender retries). */
  failFor(recipient: string, times: number): void;
  /**
   * Withholds the answer to the next mail; resolves once it arrived. Call `release` to answer it.
   * A mail whose connection closed meanwhile (the sender died) is not counted: it was never accepted.
   */
  holdNext(): Promise<string>;
  /** Whether the connection of that session (from `holdNext`) has closed. */
  isClosed(sessionId: string): boolean;
  release(): void;
  close(): Promise<void>;
}

/** A real SMTP server on a free local port, keeping what it accepts in memory (smtp-server). */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const failures = new Map<string, number>();
  const closed = new Set<string>();
  let hold: { arrived: (sessionId: string) => void } | undefined;
  let releaseHeld: (() => void) | undefined;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // On close, a sender's pooled connection still open is cut after this long. The library's
    // default waits 30 s for it, and every test file that mails paid that in its teardown.
    closeTimeout: 200,
    onClose(session: SMTPServerSession) {
      closed.add(session.id);
    },
    onRcptTo(address, _session, callback) {
      const left = failures.get(address.address) ?? 0;
      if (left > 0) {
        failures.set(address.address, left - 1);
        const error = Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const accept = () => {
          if (closed.has(session.id)) return; // the sender is gone: nothing was delivered
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            messageId: header(raw, 'Message-ID'),
            subject: header(raw, 'Subject'),
            raw,
          });
          callback();
        };
        if (hold) {
          const { arrived } = hold;
          hold = undefined;
          releaseHeld = accept;
          arrived(session.id);
        } else accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failFor: (recipient, times) => void failures.set(recipient, times),
    holdNext: () => new Promise<string>((resolve) => (hold = { arrived: resolve })),
    isClosed: (sessionId) => closed.has(sessionId),
    release() {
      releaseHeld?.();
      releaseHeld = undefined;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function header(raw: string, name: string): string {
  const match = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return match?.[1]?.replace(/\r?\n[ \t]/g, ' ').trim() ?? '';
}
