/** The customers read model's tables (schema `rm_customers_g<generation>`). */
import type { CustomerAddress } from '../../domain/customers/index.ts';
import { col, defineTable, type DatabaseOf, type WriteRow } from '../table-declaration.ts';

/** One row per account: what `GET /me`, `GET /customers/{id}` and the staff list answer. */
export const customers = defineTable({
  name: 'customers',
  columns: {
    customer_id: col.text(),
    email: col.text(),
    name: col.text().nullable(),
    phone: col.text().nullable(),
    status: col.text<'unverified' | 'active'>(),
    /** Sorted, once each: read by price lists and promotions. */
    groups: col.jsonb<string[]>(),
    marketing_consent: col.boolean(),
    consent_source: col.text().nullable(),
    consent_at: col.timestamptz().nullable(),
    marketing_mail: col.boolean(),
    reminder_mail: col.boolean(),
    default_address_id: col.text().nullable(),
    signed_up_at: col.timestamptz(),
  },
  primaryKey: ['customer_id'],
  indexes: [{ name: 'customers_email_idx', on: ['email'] }],
});

/** The address book; `entry` is the event's `{ label, address }`, so erasure anonymises it by path. */
export const customerAddresses = defineTable({
  name: 'customer_addresses',
  columns: {
    customer_id: col.text(),
    address_id: col.text(),
    entry: col.json<Pick<CustomerAddress, 'label' | 'address'>>(),
    removed: col.boolean(),
  },
  primaryKey: ['customer_id', 'address_id'],
});

export const customerTables = [customers, customerAddresses] as const;
export type CustomersDatabase = DatabaseOf<typeof customerTables>;
export type CustomerRow = WriteRow<typeof customers>;
export type CustomerAddressRow = WriteRow<typeof customerAddresses>;
