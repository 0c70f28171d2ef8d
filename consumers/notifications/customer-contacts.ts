import type { SqlExecutor } from '../../infra/sql/sql-client.ts';

/**
 * Finds a customer's mail address. OrderPlaced carries a customer id (a key: no `@`), not an
 * address; the identity provider owns addresses. So the consumer asks a directory: by default the
 * `qm_customer_contacts` table, which whatever syncs customers from the identity provider fills
 * (an OrderPlaced that carries `customerEmail` itself needs no lookup).
 */
export interface CustomerContacts {
  /**
   * The addresses of these customers, those known (one question for a whole batch of orders: a
   * batch from many shoppers asked once per customer, each a round trip).
   */
  emailsOf(customerIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}

/** Addresses from `qm_customer_contacts` (customer_id → email). */
export function sqlCustomerContacts(sql: SqlExecutor): CustomerContacts {
  return {
    async emailsOf(customerIds) {
      if (customerIds.length === 0) return new Map();
      const rows = await sql.query<{ customer_id: string; email: string }>(
        'select customer_id, email from qm_customer_contacts where customer_id = any($1::text[])',
        [customerIds],
      );
      return new Map(rows.map((row) => [row.customer_id, row.email]));
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
  return {
    async emailsOf(customerIds) {
      const known = new Map<string, string>();
      for (const id of customerIds) {
        const email = directory[id];
        if (email !== undefined) known.set(id, email);
      }
      return known;
    },
  };
}
