import type { SqlExecutor } from '../../infra/sql/sql-client.ts';

/**
 * Finds a customer's mail address. OrderPlaced carries a customer id (a key: no `@`), not an
 * address; the identity provider owns addresses. So the consumer asks a directory: by default the
 * `qm_customer_contacts` table, which whatever syncs customers from the identity provider fills
 * (an OrderPlaced that carries `customerEmail` itself needs no lookup).
 */
export interface CustomerContacts {
  emailOf(customerId: string): Promise<string | null>;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}

/** Addresses from `qm_customer_contacts` (customer_id → email). */
export function sqlCustomerContacts(sql: SqlExecutor): CustomerContacts {
  return {
    async emailOf(customerId) {
      const [row] = await sql.query<{ email: string }>(
        'select email from qm_customer_contacts where customer_id = $1',
        [customerId],
      );
      return row?.email ?? null;
    },
  };
}

/**
 * Records or changes a customer's address by hand (`qm mail contact`): the fallback for imported
 * orders whose customers have no account. An address the customer's own events gave is kept.
 */
export async function saveCustomerContact(
  sql: SqlExecutor,
  customerId: string,
  email: string,
): Promise<void> {
  await sql.query(
    `insert into qm_customer_contacts (customer_id, email) values ($1, $2)
     on conflict (customer_id) do update set email = excluded.email, updated_at = now()
     where qm_customer_contacts.source = 'manual'`,
    [customerId, email],
  );
}

/** A fixed directory (tests, a shop configured by hand). */
export function contactsFrom(directory: Record<string, string>): CustomerContacts {
  return { emailOf: async (customerId) => directory[customerId] ?? null };
}
