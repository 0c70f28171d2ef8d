import { assertNever } from '../assert-never.ts';
import { AlreadyExists, NoChange, ValidationFailed } from '../errors.ts';
import { requireKey, requireLength, requireText } from '../validation.ts';
import type { CustomerCommand } from './commands.ts';
import { CustomerNotFound, ResetCodeRefused, VerificationCodeRefused } from './errors.ts';
import type { CustomerEvent } from './events.ts';
import { MAX_ADDRESSES, MAX_RESET_FAILURES, MAX_VERIFICATION_FAILURES, type CustomerState } from './state.ts';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

export function decideCustomer(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  if (command.type === 'SignUp') {
    const { customerId, name, passwordHash, verificationCodeHash, now, codeTtlMinutes } = command.data;
    requireKey('customerId', customerId);
    const email = command.data.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw new ValidationFailed('email', 'must be an email address');
    if (name !== null) requireText('name', name);
    if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'customer', id: customerId });
    return [
      {
        type: 'CustomerSignedUp',
        data: { customerId, personal: { email, name, phone: null }, passwordHash, at: now },
      },
      {
        type: 'EmailVerificationIssued',
        data: { customerId, codeHash: verificationCodeHash, expiresAt: addMinutes(now, codeTtlMinutes) },
      },
      ...(command.data.marketingConsent
        ? [
            {
              type: 'MarketingConsentRecorded' as const,
              data: { customerId, granted: true, source: 'sign-up' as const, at: now },
            },
          ]
        : []),
    ];
  }
  const { customerId } = command.data;
  if (state.status === 'absent') throw new CustomerNotFound(customerId);
  switch (command.type) {
    case 'VerifyEmail': {
      const { codeHash, now } = command.data;
      const pending = state.verification;
      if (state.status === 'active' || !pending) throw new VerificationCodeRefused();
      if (pending.failures >= MAX_VERIFICATION_FAILURES || now > pending.expiresAt) {
        throw new VerificationCodeRefused();
      }
      // A wrong code is recorded (so the attempts are counted) rather than refused.
      if (codeHash !== pending.codeHash)
        return [{ type: 'EmailVerificationFailed', data: { customerId, at: now } }];
      return [{ type: 'EmailVerified', data: { customerId, at: now } }];
    }
    case 'ReissueVerification': {
      if (state.status === 'active')
        throw new NoChange({ aggregate: 'customer', id: customerId, field: 'emailVerified' });
      const { codeHash, now, codeTtlMinutes } = command.data;
      return [
        {
          type: 'EmailVerificationIssued',
          data: { customerId, codeHash, expiresAt: addMinutes(now, codeTtlMinutes) },
        },
      ];
    }
    case 'ChangeProfile': {
      const { name, phone } = command.data;
      if (name !== null) requireText('name', name);
      if (phone !== null && !/^\+?[0-9 ()./-]{4,30}$/.test(phone))
        throw new ValidationFailed('phone', 'must be a phone number');
      if (name === state.personal.name && phone === state.personal.phone) {
        throw new NoChange({ aggregate: 'customer', id: customerId, field: 'profile' });
      }
      return [{ type: 'CustomerProfileChanged', data: { customerId, personal: { name, phone } } }];
    }
    case 'SaveAddress': {
      const { addressId, label } = command.data;
      requireKey('addressId', addressId);
      requireLength('label', label, 100);
      if (!(addressId in state.addresses) && Object.keys(state.addresses).length >= MAX_ADDRESSES) {
        throw new ValidationFailed('addressId', `an address book holds at most ${MAX_ADDRESSES} addresses`);
      }
      return [{ type: 'CustomerAddressSaved', data: command.data }];
    }
    case 'RemoveAddress': {
      if (!(command.data.addressId in state.addresses))
        throw new ValidationFailed('addressId', 'is not in the address book');
      return [{ type: 'CustomerAddressRemoved', data: command.data }];
    }
    case 'SetGroups': {
      command.data.groups.forEach((group, index) => requireKey(`groups[${index}]`, group));
      const groups = [...new Set(command.data.groups)].sort();
      if (groups.join() === state.groups.join())
        throw new NoChange({ aggregate: 'customer', id: customerId, field: 'groups' });
      return [{ type: 'CustomerGroupsSet', data: { customerId, groups } }];
    }
    case 'RecordMarketingConsent': {
      const { granted, source, now } = command.data;
      if ((state.marketingConsent?.granted ?? false) === granted) {
        throw new NoChange({ aggregate: 'customer', id: customerId, field: 'marketingConsent' });
      }
      return [{ type: 'MarketingConsentRecorded', data: { customerId, granted, source, at: now } }];
    }
    case 'SetNotificationPreferences': {
      const { marketing, reminder } = command.data;
      // Marketing mail needs consent first: a preference cannot stand in for it.
      if (marketing && !state.marketingConsent?.granted) {
        throw new ValidationFailed('marketing', 'needs marketing consent first');
      }
      return [{ type: 'NotificationPreferencesSet', data: { customerId, marketing, reminder } }];
    }
    case 'SetDefaultAddress': {
      const { addressId } = command.data;
      if (!(addressId in state.addresses))
        throw new ValidationFailed('addressId', 'is not in the address book');
      if (state.defaultAddressId === addressId)
        throw new NoChange({ aggregate: 'customer', id: customerId, field: 'defaultAddressId' });
      return [{ type: 'CustomerDefaultAddressSet', data: { customerId, addressId } }];
    }
    case 'RequestPasswordReset': {
      const { codeHash, now, codeTtlMinutes } = command.data;
      return [
        {
          type: 'PasswordResetRequested',
          data: { customerId, codeHash, expiresAt: addMinutes(now, codeTtlMinutes), at: now },
        },
      ];
    }
    case 'ResetPassword': {
      const { codeHash, passwordHash, now } = command.data;
      const pending = state.passwordReset;
      if (!pending || pending.failures >= MAX_RESET_FAILURES || now > pending.expiresAt) {
        throw new ResetCodeRefused();
      }
      // A wrong code is recorded (so the tries are counted); the caller answers it as refused.
      if (codeHash !== pending.codeHash)
        return [{ type: 'PasswordResetFailed', data: { customerId, at: now } }];
      return [
        { type: 'CustomerPasswordChanged', data: { customerId, passwordHash, reason: 'reset', at: now } },
      ];
    }
    case 'ChangePassword': {
      const { passwordHash, reason, now } = command.data;
      return [{ type: 'CustomerPasswordChanged', data: { customerId, passwordHash, reason, at: now } }];
    }
    default:
      return assertNever(command);
  }
}

/** Whether mail of `kind` may go to this customer: transactional always; the rest only when chosen. */
export function mayReceive(state: CustomerState, kind: 'transactional' | 'marketing' | 'reminder'): boolean {
  if (state.status === 'absent') return kind === 'transactional';
  if (kind === 'transactional') return true;
  if (kind === 'marketing') return state.marketingConsent?.granted === true && state.preferences.marketing;
  return state.preferences.reminder;
}
