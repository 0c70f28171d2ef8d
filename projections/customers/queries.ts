import type { Kysely } from 'kysely';
import { isoTime as iso } from '../batch-write.ts';
import type { CustomerAddressRow, CustomersDatabase } from './tables.ts';

type Entry = CustomerAddressRow['entry'];

const groupsOf = (value: string[] | string) =>
  typeof value === 'string' ? (JSON.parse(value) as string[]) : value;

/** One account as `GET /me` and `GET /customers/{id}` answer it, with its address book; null when unknown. */
export async function customerView(db: Kysely<CustomersDatabase>, customerId: string) {
  const row = await db
    .selectFrom('customers')
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  if (!row) return null;
  const entries = await db
    .selectFrom('customer_addresses')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('removed', '=', false)
    .orderBy('address_id')
    .execute();
  return {
    customerId: row.customer_id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    status: row.status,
    groups: groupsOf(row.groups),
    marketingConsent: {
      granted: row.marketing_consent,
      source: row.consent_source,
      at: row.consent_at === null ? null : iso(row.consent_at),
    },
    preferences: { transactional: true, marketing: row.marketing_mail, reminder: row.reminder_mail },
    defaultAddressId: row.default_address_id,
    addresses: entries.map((entry) => {
      const { label, address } =
        typeof entry.entry === 'string' ? (JSON.parse(entry.entry) as Entry) : entry.entry;
      return {
        addressId: entry.address_id,
        label,
        address,
        isDefault: entry.address_id === row.default_address_id,
      };
    }),
    signedUpAt: iso(row.signed_up_at),
  };
}

export interface CustomerSearch {
  /** Part of the email or name, case-insensitive. */
  q?: string | undefined;
  group?: string | undefined;
  limit: number;
}

/** The staff list: newest sign-ups first, filtered by a search text and a group. */
export async function listCustomers(db: Kysely<CustomersDatabase>, search: CustomerSearch) {
  let query = db.selectFrom('customers').selectAll();
  if (search.q) {
    const like = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('email', 'ilike', like), eb('name', 'ilike', like)]));
  }
  const rows = await query
    .orderBy('signed_up_at', 'desc')
    .orderBy('customer_id')
    .limit(search.group ? 1000 : search.limit)
    .execute();
  return rows
    .map((row) => ({
      customerId: row.customer_id,
      email: row.email,
      name: row.name,
      status: row.status,
      groups: groupsOf(row.groups),
      signedUpAt: iso(row.signed_up_at),
    }))
    .filter((row) => !search.group || row.groups.includes(search.group))
    .slice(0, search.limit);
}
