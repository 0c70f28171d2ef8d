/**
 * Customer account events (`customer-{id}`). Personal data sits only in fields named `personal`
 * (email, name, phone) and `address`, so that the GDPR key store can encrypt exactly those fields
 * and leave the rest (ids, times, flags) readable after an erasure.
 */
export type CustomerPersonal = { email: string; name: string | null; phone: string | null };

export type CustomerAddress = {
  addressId: string;
  label: string;
  address: {
    name: string;
    line1: string;
    line2: string | null;
    city: string;
    postalCode: string;
    region: string | null;
    country: string;
  };
};

export type ConsentSource = 'sign-up' | 'profile' | 'checkout' | 'import' | 'admin';
export type MailKind = 'transactional' | 'marketing' | 'reminder';

export type CustomerSignedUp = {
  type: 'CustomerSignedUp';
  data: { customerId: string; personal: CustomerPersonal; passwordHash: string; at: string };
};
/** Only the code's hash is stored; the code itself goes out by mail once. */
export type EmailVerificationIssued = {
  type: 'EmailVerificationIssued';
  data: { customerId: string; codeHash: string; expiresAt: string };
};
export type EmailVerificationFailed = {
  type: 'EmailVerificationFailed';
  data: { customerId: string; at: string };
};
export type EmailVerified = { type: 'EmailVerified'; data: { customerId: string; at: string } };
export type CustomerProfileChanged = {
  type: 'CustomerProfileChanged';
  data: { customerId: string; personal: Pick<CustomerPersonal, 'name' | 'phone'> };
};
export type CustomerAddressSaved = {
  type: 'CustomerAddressSaved';
  data: { customerId: string } & CustomerAddress;
};
export type CustomerAddressRemoved = {
  type: 'CustomerAddressRemoved';
  data: { customerId: string; addressId: string };
};
export type CustomerGroupsSet = { type: 'CustomerGroupsSet'; data: { customerId: string; groups: string[] } };
/** Consent with when and where it was given or withdrawn: what a regulator asks to see. */
export type MarketingConsentRecorded = {
  type: 'MarketingConsentRecorded';
  data: { customerId: string; granted: boolean; source: ConsentSource; at: string };
};
export type NotificationPreferencesSet = {
  type: 'NotificationPreferencesSet';
  data: { customerId: string; marketing: boolean; reminder: boolean };
};
/** The default shipping address, one of the address book's. */
export type CustomerDefaultAddressSet = {
  type: 'CustomerDefaultAddressSet';
  data: { customerId: string; addressId: string };
};
/** A reset code went out by mail; only its hash is stored. It replaces any earlier code. */
export type PasswordResetRequested = {
  type: 'PasswordResetRequested';
  data: { customerId: string; codeHash: string; expiresAt: string; at: string };
};
/** A wrong reset code, recorded so that the tries are counted. */
export type PasswordResetFailed = { type: 'PasswordResetFailed'; data: { customerId: string; at: string } };
/**
 * The password changed (`reason: 'reset'` after a reset code). Every session of the account should
 * end with it: the session store reacts to this event.
 */
export type CustomerPasswordChanged = {
  type: 'CustomerPasswordChanged';
  data: { customerId: string; passwordHash: string; reason: 'changed' | 'reset'; at: string };
};

export type CustomerEvent =
  | CustomerSignedUp
  | EmailVerificationIssued
  | EmailVerificationFailed
  | EmailVerified
  | CustomerProfileChanged
  | CustomerAddressSaved
  | CustomerAddressRemoved
  | CustomerGroupsSet
  | MarketingConsentRecorded
  | NotificationPreferencesSet
  | CustomerDefaultAddressSet
  | PasswordResetRequested
  | PasswordResetFailed
  | CustomerPasswordChanged;

const types: Record<CustomerEvent['type'], true> = {
  CustomerSignedUp: true,
  EmailVerificationIssued: true,
  EmailVerificationFailed: true,
  EmailVerified: true,
  CustomerProfileChanged: true,
  CustomerAddressSaved: true,
  CustomerAddressRemoved: true,
  CustomerGroupsSet: true,
  MarketingConsentRecorded: true,
  NotificationPreferencesSet: true,
  CustomerDefaultAddressSet: true,
  PasswordResetRequested: true,
  PasswordResetFailed: true,
  CustomerPasswordChanged: true,
};

export const customerEventTypes = Object.keys(types) as CustomerEvent['type'][];

export function isCustomerEvent(event: { type: string }): event is CustomerEvent {
  return Object.hasOwn(types, event.type);
}
