import { isCustomerEvent, type CustomerEvent, type MailKind } from '../../domain/customers/index.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { SqlClient, SqlExecutor } from '../../infra/sql/sql-client.ts';
import { isEmailAddress } from './customer-contacts.ts';
import { markHandled } from './notification-state.ts';

/**
 * The customer's events feed this consumer's contact row: the address from sign-up, the marketing
 * consent and the mail choices. An erased customer's events read their address as `[erased]`,
 * which is no address, so a replay after an erasure writes none back.
 */
export async function handleCustomerEvent(sql: SqlClient, recorded: RecordedEvent): Promise<boolean> {
  if (!isCustomerEvent(recorded)) return false;
  const event = recorded as unknown as CustomerEvent;
  const change = contactChange(event);
  if (!change) return false;
  return sql.transaction(async (tx) => {
    if (!(await markHandled(tx, recorded))) return false;
    await change(tx);
    return true;
  });
}

function contactChange(event: CustomerEvent): ((tx: SqlExecutor) => Promise<void>) | null {
  const { customerId } = event.data;
  switch (event.type) {
    case 'CustomerSignedUp': {
      const { email } = event.data.personal;
      if (!isEmailAddress(email)) return null;
      return async (tx) => {
        await tx.query(
          `insert into qm_customer_contacts (customer_id, email, source) values ($1, $2, 'events')
           on conflict (customer_id) do update set email = excluded.email, source = 'events', updated_at = now()`,
          [customerId, email],
        );
      };
    }
    case 'MarketingConsentRecorded':
      return async (tx) => {
        // Withdrawn consent stops marketing mail at once, whatever was chosen.
        await tx.query(
          `update qm_customer_contacts set marketing_consent = $2,
             marketing_mail = marketing_mail and $2, updated_at = now() where customer_id = $1`,
          [customerId, event.data.granted],
        );
      };
    case 'NotificationPreferencesSet':
      return async (tx) => {
        await tx.query(
          `update qm_customer_contacts set marketing_mail = $2, reminder_mail = $3, updated_at = now()
           where customer_id = $1`,
          [customerId, event.data.marketing, event.data.reminder],
        );
      };
    default:
      return null;
  }
}

/**
 * Whether mail of `kind` may go to the customer: transactional always; marketing only with consent
 * and the choice; reminders only when chosen. A customer this consumer knows no choices of (an
 * imported order's) gets transactional mail only.
 */
export async function mayMail(sql: SqlExecutor, customerId: string, kind: MailKind): Promise<boolean> {
  if (kind === 'transactional') return true;
  const [row] = await sql.query<{
    marketing_consent: boolean;
    marketing_mail: boolean;
    reminder_mail: boolean;
  }>(
    'select marketing_consent, marketing_mail, reminder_mail from qm_customer_contacts where customer_id = $1',
    [customerId],
  );
  if (!row) return false;
  return kind === 'marketing' ? row.marketing_consent && row.marketing_mail : row.reminder_mail;
}
