import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * The notification consumer's copy of each customer's mail address and mail choices, fed by the
 * customer's events (`consumers/notifications/customer-preferences.ts`). `source` tells an address
 * from events apart from one set by hand (`qm mail contact`, for imported orders only): a hand-set
 * address never replaces one from events.
 */
export const customerContactPreferences: Migration = {
  id: '0012-customer-contact-preferences',
  up: `
    alter table qm_customer_contacts
      add column source text not null default 'manual' check (source in ('manual', 'events')),
      add column marketing_consent boolean not null default false,
      add column marketing_mail boolean not null default false,
      add column reminder_mail boolean not null default false;
  `,
};
