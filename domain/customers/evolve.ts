import { assertNever } from '../assert-never.ts';
import type { CustomerEvent } from './events.ts';
import type { CustomerState } from './state.ts';

export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  if (event.type === 'CustomerSignedUp') {
    return {
      status: 'unverified',
      customerId: event.data.customerId,
      personal: event.data.personal,
      passwordHash: event.data.passwordHash,
      verification: null,
      addresses: {},
      defaultAddressId: null,
      passwordReset: null,
      groups: [],
      marketingConsent: null,
      preferences: { marketing: false, reminder: false },
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'EmailVerificationIssued':
      return {
        ...state,
        verification: { codeHash: event.data.codeHash, expiresAt: event.data.expiresAt, failures: 0 },
      };
    case 'EmailVerificationFailed':
      return state.verification
        ? { ...state, verification: { ...state.verification, failures: state.verification.failures + 1 } }
        : state;
    case 'EmailVerified':
      return { ...state, status: 'active', verification: null };
    case 'CustomerProfileChanged':
      return { ...state, personal: { ...state.personal, ...event.data.personal } };
    case 'CustomerAddressSaved': {
      const { customerId: _, ...address } = event.data;
      return { ...state, addresses: { ...state.addresses, [address.addressId]: address } };
    }
    case 'CustomerAddressRemoved': {
      const { [event.data.addressId]: _, ...rest } = state.addresses;
      const defaultAddressId =
        state.defaultAddressId === event.data.addressId ? null : state.defaultAddressId;
      return { ...state, addresses: rest, defaultAddressId };
    }
    case 'CustomerGroupsSet':
      return { ...state, groups: event.data.groups };
    case 'MarketingConsentRecorded': {
      const { granted, source, at } = event.data;
      // Withdrawing consent also stops marketing mail, whatever the preference said.
      const preferences = granted ? state.preferences : { ...state.preferences, marketing: false };
      return { ...state, marketingConsent: { granted, source, at }, preferences };
    }
    case 'NotificationPreferencesSet':
      return { ...state, preferences: { marketing: event.data.marketing, reminder: event.data.reminder } };
    case 'CustomerDefaultAddressSet':
      return { ...state, defaultAddressId: event.data.addressId };
    case 'PasswordResetRequested':
      return {
        ...state,
        passwordReset: { codeHash: event.data.codeHash, expiresAt: event.data.expiresAt, failures: 0 },
      };
    case 'PasswordResetFailed':
      return state.passwordReset
        ? { ...state, passwordReset: { ...state.passwordReset, failures: state.passwordReset.failures + 1 } }
        : state;
    case 'CustomerPasswordChanged':
      // Any password change ends a pending reset: its code is used up.
      return { ...state, passwordHash: event.data.passwordHash, passwordReset: null };
    default:
      return assertNever(event);
  }
}
