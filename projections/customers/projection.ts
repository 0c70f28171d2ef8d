import type { Kysely } from 'kysely';
import { customerEventTypes } from '../../domain/customers/index.ts';
import { erasedText } from '../../domain/privacy/personal-fields.ts';
import type { CustomerErased } from '../../domain/privacy/events.ts';
import { erasedJson, withErasure } from '../privacy/erasure.ts';
import type { ReadModelProjection, Staged } from '../runtime/projection.ts';
import { stagedApply } from '../runtime/staged.ts';
import { createTables } from '../table-ddl.ts';
import { update, upsert } from '../table-writes.ts';
import { customerIdsOf, foldCustomers } from './fold.ts';
import {
  customerAddresses,
  customers,
  customerTables,
  type CustomerRow,
  type CustomersDatabase,
} from './tables.ts';

/** Cache tag of the customer views. */
export const customersTag = 'customers';

/**
 * Customer accounts for `GET /me`, `GET /customers/{id}` and the staff list. Per batch: one select
 * of the accounts it changes, one upsert of them, one upsert and one update of address entries.
 * On `CustomerErased` the personal columns read `[erased]`, as a replay gives.
 */
export function customersProjection(): ReadModelProjection<CustomersDatabase> {
  const staged: Staged<CustomersDatabase, Map<string, CustomerRow>> = {
    empty: () => new Map(),
    size: (models) => models.size,
    load: (db, events, models) => load(db, customerIdsOf(events), models),
    fold(models, events) {
      const changes = foldCustomers(models, events);
      return {
        writes: [
          upsert(customers, changes.customers),
          upsert(customerAddresses, changes.addresses),
          update(customerAddresses, ['removed'] as const, changes.removals),
        ],
        effects: { invalidate: changes.customers.length > 0 ? [customersTag] : [] },
      };
    },
  };
  return withErasure(
    {
      name: 'customers',
      version: 1,
      filter: { categories: ['customer'], eventTypes: customerEventTypes },
      setup: (db, schema) => createTables(db, schema, customerTables),
      staged,
      apply: stagedApply(staged),
    },
    eraseCustomer,
  );
}

async function eraseCustomer(
  db: Kysely<CustomersDatabase>,
  erasure: CustomerErased['data'],
): Promise<string[]> {
  const row = await db
    .selectFrom('customers')
    .select(['name', 'phone'])
    .where('customer_id', '=', erasure.customerId)
    .executeTakeFirst();
  if (row) {
    await db
      .updateTable('customers')
      .set({
        email: erasedText,
        name: row.name === null ? null : erasedText,
        phone: row.phone === null ? null : erasedText,
      })
      .where('customer_id', '=', erasure.customerId)
      .execute();
  }
  await db
    .updateTable('customer_addresses')
    .set({ entry: erasedJson('entry', 'CustomerAddressSaved') })
    .where('customer_id', '=', erasure.customerId)
    .execute();
  return [customersTag];
}

async function load(db: Kysely<CustomersDatabase>, ids: string[], models: Map<string, CustomerRow>) {
  const missing = ids.filter((id) => !models.has(id));
  if (missing.length === 0) return;
  const rows = await db.selectFrom('customers').selectAll().where('customer_id', 'in', missing).execute();
  for (const row of rows) {
    models.set(row.customer_id, {
      ...row,
      groups: typeof row.groups === 'string' ? (JSON.parse(row.groups) as string[]) : row.groups,
      consent_at: row.consent_at === null ? null : new Date(row.consent_at).toISOString(),
      signed_up_at: new Date(row.signed_up_at).toISOString(),
    });
  }
}
