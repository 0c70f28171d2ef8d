import type { ConsentSource, CustomerAddress } from './events.ts';

/** Hashes come in already made (domain/ has no crypto); `now` is the command's time. */
export type CustomerCommand =
  | {
      type: 'SignUp';
      data: {
        customerId: string;
        email: string;
        name: string | null;
        passwordHash: string;
        verificationCodeHash: string;
        marketingConsent: boolean;
        now: string;
        codeTtlMinutes: number;
      };
    }
  | { type: 'VerifyEmail'; data: { customerId: string; codeHash: string; now: string } }
  | {
      type: 'ReissueVerification';
      data: { customerId: string; codeHash: string; now: string; codeTtlMinutes: number };
    }
  | { type: 'ChangeProfile'; data: { customerId: string; name: string | null; phone: string | null } }
  | { type: 'SaveAddress'; data: { customerId: string } & CustomerAddress }
  | { type: 'RemoveAddress'; data: { customerId: string; addressId: string } }
  | { type: 'SetGroups'; data: { customerId: string; groups: string[] } }
  | {
      type: 'RecordMarketingConsent';
      data: { customerId: string; granted: boolean; source: ConsentSource; now: string };
    }
  | {
      type: 'SetNotificationPreferences';
      data: { customerId: string; marketing: boolean; reminder: boolean };
    }
  | { type: 'SetDefaultAddress'; data: { customerId: string; addressId: string } }
  | {
      type: 'RequestPasswordReset';
      data: { customerId: string; codeHash: string; now: string; codeTtlMinutes: number };
    }
  | {
      type: 'ResetPassword';
      data: { customerId: string; codeHash: string; passwordHash: string; now: string };
    }
  | {
      type: 'ChangePassword';
      data: { customerId: string; passwordHash: string; reason: 'changed' | 'reset'; now: string };
    };
