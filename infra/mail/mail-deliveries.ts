import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../sql/sql-client.ts';
import type { MailAttachment, OutgoingMail } from '../../ports/mail.ts';

export type DeliveryStatus = 'pending' | 'sent' | 'parked';

/** A mail to deliver because of an event, before it is stored. */
export interface NewDelivery {
  eventId: string;
  /** Which template rendered it (`order-confirmation`, `low-stock`, ...). */
  template: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: readonly MailAttachment[];
}

export interface Delivery extends OutgoingMail {
  eventId: string;
  template: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/**
 * The delivery's id and Message-ID follow from event, template and recipient: the same event
 * yields the same mail once, however often it is handled.
 */
export function deliveryIdentity(delivery: Pick<NewDelivery, 'eventId' | 'template' | 'to'>) {
  const recipient = createHash('sha256').update(delivery.to.toLowerCase()).digest('hex').slice(0, 16);
  return {
    id: `${delivery.eventId}/${delivery.template}/${recipient}`,
    messageId: `<${delivery.eventId}.${delivery.template}.${recipient}@quartermaster>`,
  };
}

/**
 * Stores deliveries (inside the caller's transaction) in one statement, however many; one already
 * stored is left as it is.
 */
export async function enqueueDeliveries(tx: SqlExecutor, deliveries: readonly NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  const columns: (string | null)[][] = [[], [], [], [], [], [], [], [], []];
  for (const delivery of deliveries) {
    const { id, messageId } = deliveryIdentity(delivery);
    const row = [id, delivery.eventId, delivery.template, delivery.to, delivery.subject];
    // Most mail has no attachments: null keeps their rows as small as before (migration 0016).
    const attachments = delivery.attachments?.length ? JSON.stringify(delivery.attachments) : null;
    [...row, delivery.text, delivery.html, messageId, attachments].forEach((value, i) =>
      columns[i]!.push(value),
    );
  }
  await tx.query(
    `insert into qm_mail_deliveries (id, event_id, template, recipient, subject, text_body, html_body, message_id, attachments)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
     on conflict (id) do nothing`,
    columns,
  );
}

interface DeliveryRow {
  id: string;
  event_id: string;
  template: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  attachments: MailAttachment[] | string | null;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date | string;
  sent_at: Date | string | null;
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** A jsonb column: parsed by node-postgres and PGlite, text from a driver that does not parse it. */
function attachmentsOf(value: MailAttachment[] | string | null): { attachments?: MailAttachment[] } {
  if (value === null) return {};
  return { attachments: typeof value === 'string' ? (JSON.parse(value) as MailAttachment[]) : value };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    deliveryId: row.id,
    eventId: row.event_id,
    template: row.template,
    to: row.recipient,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    messageId: row.message_id,
    ...attachmentsOf(row.attachments),
    status: row.status,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    createdAt: iso(row.created_at),
    sentAt: row.sent_at === null ? null : iso(row.sent_at),
  };
}

/**
 * Takes up to `limit` due deliveries for `leaseMs`, in creation order. A lease, not a held row
 * lock, so no transaction stays open while SMTP talks; a sender that dies loses its lease and
 * another (or its restart) picks the mail up.
 */
export async function claimDueDeliveries(
  sql: SqlExecutor,
  limit: number,
  leaseMs: number,
): Promise<Delivery[]> {
  const rows = await sql.query<DeliveryRow>(
    `update qm_mail_deliveries set lease_until = clock_timestamp() + make_interval(secs => $2::float8 / 1000)
     where id in (
       select id from qm_mail_deliveries
       where status = 'pending' and next_attempt_at <= clock_timestamp()
         and (lease_until is null or lease_until < clock_timestamp())
       order by created_at, id limit $1 for update skip locked)
     returning *`,
    [limit, leaseMs],
  );
  return rows
    .map(toDelivery)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.deliveryId.localeCompare(b.deliveryId));
}

export async function markSent(sql: SqlExecutor, id: string): Promise<void> {
  await sql.query(
    `update qm_mail_deliveries set status = 'sent', sent_at = now(), attempts = attempts + 1, lease_until = null,
       last_error = null where id = $1`,
    [id],
  );
}

/** Counts a failed attempt: due again after `retryInMs`, or parked once `maxAttempts` are spent. */
export async function markFailed(
  sql: SqlExecutor,
  id: string,
  error: string,
  maxAttempts: number,
  retryInMs: number,
): Promise<DeliveryStatus> {
  const [row] = await sql.query<{ status: DeliveryStatus }>(
    `update qm_mail_deliveries set attempts = attempts + 1, last_error = $2, lease_until = null,
       status = case when attempts + 1 >= $3 then 'parked' else 'pending' end,
       next_attempt_at = clock_timestamp() + make_interval(secs => $4::float8 / 1000)
     where id = $1 returning status`,
    [id, error.slice(0, 2000), maxAttempts, retryInMs],
  );
  return row?.status ?? 'pending';
}

export interface ListOptions {
  status?: DeliveryStatus;
  limit?: number;
}

/** Deliveries newest first, for admins (`qm mail parked`, the admin route). */
export async function listDeliveries(sql: SqlExecutor, options: ListOptions = {}): Promise<Delivery[]> {
  const rows = await sql.query<DeliveryRow>(
    `select * from qm_mail_deliveries where ($1::text is null or status = $1)
     order by created_at desc, id desc limit $2`,
    [options.status ?? null, options.limit ?? 100],
  );
  return rows.map(toDelivery);
}

/** Puts a parked delivery back in line with fresh attempts; false when no parked one has that id. */
export async function retryParkedDelivery(sql: SqlExecutor, id: string): Promise<boolean> {
  const rows = await sql.query(
    `update qm_mail_deliveries set status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = null
     where id = $1 and status = 'parked' returning id`,
    [id],
  );
  return rows.length > 0;
}

/** A mail as the outbox keeps it: what was sent, and when it was stored. */
export interface OutboxMail extends OutgoingMail {
  createdAt: string;
}

/** The outbox (mail kept instead of sent), newest first. */
export async function listOutbox(sql: SqlExecutor, limit = 100): Promise<OutboxMail[]> {
  const rows = await sql.query<{
    delivery_id: string;
    recipient: string;
    subject: string;
    text_body: string;
    html_body: string;
    message_id: string;
    attachments: MailAttachment[] | string | null;
    created_at: Date | string;
  }>(`select * from qm_mail_outbox order by created_at desc, delivery_id desc limit $1`, [limit]);
  return rows.map((row) => ({
    deliveryId: row.delivery_id,
    to: row.recipient,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    messageId: row.message_id,
    ...attachmentsOf(row.attachments),
    createdAt: iso(row.created_at),
  }));
}
