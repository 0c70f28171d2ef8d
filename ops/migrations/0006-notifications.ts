import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * The notification consumer's state (consumers/notifications/) and the mail it sends (infra/mail/).
 *
 * - `qm_notification_handled`: events already handled, so a redelivery or a restart changes nothing.
 *   Handling an event and recording it here commit together with everything below.
 * - `qm_notification_orders`: who placed each order (address and what they bought), for the mails
 *   about later events that carry only the order id.
 * - `qm_notification_stock`: the stock state per SKU and location (the domain's own fold, with its
 *   low-stock threshold), to see when availability crosses the threshold (low-stock alert) or rises
 *   from zero (back in stock).
 * - `qm_mail_deliveries`: every mail to send, rendered, with its attempts; `pending` until the
 *   transport accepted it, `parked` after the last retry (visible to admins, retried on request).
 *   The id is derived from event, template and recipient, so it is created once per event.
 * - `qm_mail_outbox`: where mail goes with no SMTP_URL (embedded mode), read by `qm mail list`.
 * - `qm_customer_contacts`: customer id → mail address (orders carry ids, not addresses), filled by
 *   whatever syncs customers from the identity provider.
 * - `qm_notification_parked_events`: events the consumer failed on at its last delivery.
 */
export const notificationsSchema: Migration = {
  id: '0006-notifications',
  up: `
    create table qm_notification_handled (
      event_id text primary key,
      event_type text not null,
      handled_at timestamptz not null default now()
    );
    create table qm_notification_orders (
      order_id text primary key,
      customer_id text not null,
      email text,
      placed jsonb not null
    );
    create table qm_notification_stock (
      sku text not null,
      location text not null,
      state jsonb not null,
      primary key (sku, location)
    );
    create table qm_mail_deliveries (
      id text primary key,
      event_id text not null,
      template text not null,
      recipient text not null,
      subject text not null,
      text_body text not null,
      html_body text not null,
      message_id text not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'parked')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      lease_until timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index qm_mail_deliveries_due on qm_mail_deliveries (next_attempt_at) where status = 'pending';
    create index qm_mail_deliveries_parked on qm_mail_deliveries (created_at) where status = 'parked';
    create table qm_mail_outbox (
      delivery_id text primary key,
      recipient text not null,
      subject text not null,
      text_body text not null,
      html_body text not null,
      message_id text not null,
      created_at timestamptz not null default now()
    );
    create table qm_customer_contacts (
      customer_id text primary key,
      email text not null,
      updated_at timestamptz not null default now()
    );
    create table qm_notification_parked_events (
      event_id text primary key,
      event_type text not null,
      stream text not null,
      error text not null,
      event jsonb not null,
      parked_at timestamptz not null default now()
    );
  `,
};
