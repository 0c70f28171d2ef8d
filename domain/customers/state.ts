import type { CustomerAddress, CustomerPersonal } from './events.ts';

export type CustomerState =
  | { status: 'absent' }
  | {
      status: 'unverified' | 'active';
      customerId: string;
      personal: CustomerPersonal;
      passwordHash: string;
      verification: { codeHash: string; expiresAt: string; failures: number } | null;
      addresses: Record<string, CustomerAddress>;
      defaultAddressId: string | null;
      passwordReset: { codeHash: string; expiresAt: string; failures: number } | null;
      groups: string[];
      marketingConsent: { granted: boolean; source: string; at: string } | null;
      preferences: { marketing: boolean; reminder: boolean };
    };

export const initialCustomerState = (): CustomerState => ({ status: 'absent' });

/** Wrong codes allowed before a new one must be requested. */
export const MAX_VERIFICATION_FAILURES = 5;
export const MAX_ADDRESSES = 20;
/** Wrong reset codes allowed before a new one must be requested. */
export const MAX_RESET_FAILURES = 5;
