/**
 * The customers read model's batch fold: pure, in memory. Accounts are loaded (or made by
 * `CustomerSignedUp`) and changed in place; address-book entries are written as they end the batch.
 */
import { isCustomerEvent, type CustomerEvent } from '../../domain/customers/index.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { CustomerAddressRow, CustomerRow } from './tables.ts';

export interface CustomerChanges {
  customers: CustomerRow[];
  /** Saved in this batch, as they stand at its end. */
  addresses: CustomerAddressRow[];
  /** Saved before this batch and removed in it. */
  removals: { customer_id: string; address_id: string; removed: boolean }[];
}

export const customerIdsOf = (events: readonly RecordedEvent[]) => [
  ...new Set(
    events.filter(isCustomerEvent).map((event) => (event.data as { customerId: string }).customerId),
  ),
];

export function foldCustomers(
  models: Map<string, CustomerRow>,
  events: readonly RecordedEvent[],
): CustomerChanges {
  const changed = new Set<string>();
  const addresses = new Map<string, CustomerAddressRow>();
  const removals = new Map<string, { customer_id: string; address_id: string; removed: boolean }>();
  for (const recorded of events) {
    if (!isCustomerEvent(recorded)) continue;
    const event = recorded as unknown as CustomerEvent;
    const { customerId } = event.data;
    if (event.type === 'CustomerSignedUp') {
      const { email, name, phone } = event.data.personal;
      models.set(customerId, {
        customer_id: customerId,
        email,
        name,
        phone,
        status: 'unverified',
        groups: [],
        marketing_consent: false,
        consent_source: null,
        consent_at: null,
        marketing_mail: false,
        reminder_mail: false,
        default_address_id: null,
        signed_up_at: event.data.at,
      });
      changed.add(customerId);
      continue;
    }
    const row = models.get(customerId);
    if (!row) continue;
    changed.add(customerId);
    switch (event.type) {
      case 'EmailVerified':
        row.status = 'active';
        break;
      case 'CustomerProfileChanged':
        Object.assign(row, event.data.personal);
        break;
      case 'CustomerAddressSaved': {
        const { addressId, label, address } = event.data;
        addresses.set(`${customerId}/${addressId}`, {
          customer_id: customerId,
          address_id: addressId,
          entry: { label, address },
          removed: false,
        });
        removals.delete(`${customerId}/${addressId}`);
        break;
      }
      case 'CustomerAddressRemoved': {
        const key = `${customerId}/${event.data.addressId}`;
        // Removed entries stay as rows (`removed`): a fold never needs to read them back.
        const saved = addresses.get(key);
        if (saved) saved.removed = true;
        else removals.set(key, { customer_id: customerId, address_id: event.data.addressId, removed: true });
        if (row.default_address_id === event.data.addressId) row.default_address_id = null;
        break;
      }
      case 'CustomerDefaultAddressSet':
        row.default_address_id = event.data.addressId;
        break;
      case 'CustomerGroupsSet':
        row.groups = event.data.groups;
        break;
      case 'MarketingConsentRecorded':
        row.marketing_consent = event.data.granted;
        row.consent_source = event.data.source;
        row.consent_at = event.data.at;
        if (!event.data.granted) row.marketing_mail = false;
        break;
      case 'NotificationPreferencesSet':
        row.marketing_mail = event.data.marketing;
        row.reminder_mail = event.data.reminder;
        break;
      default:
        // Codes, failures and password changes change nothing shown here; the row is written anyway.
        break;
    }
  }
  return {
    customers: [...changed].map((id) => models.get(id)!).filter(Boolean),
    addresses: [...addresses.values()],
    removals: [...removals.values()],
  };
}
