import { describe, expect, it } from 'vitest';
import { replay } from '../decider.ts';
import { AlreadyExists, NoChange, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { CustomerNotFound, ResetCodeRefused, VerificationCodeRefused } from './errors.ts';
import { customerDecider, mayReceive, type CustomerEvent } from './index.ts';

const given = specFor(customerDecider);
const NOW = '2026-12-05T10:00:00.000Z';
const signedUp: CustomerEvent = {
  type: 'CustomerSignedUp',
  data: {
    customerId: 'c-1',
    personal: { email: 'ada@example.com', name: 'Ada', phone: null },
    passwordHash: 'scrypt$h1',
    at: NOW,
  },
};
const issued: CustomerEvent = {
  type: 'EmailVerificationIssued',
  data: { customerId: 'c-1', codeHash: 'code-hash', expiresAt: '2026-12-05T10:15:00.000Z' },
};
const verified: CustomerEvent = { type: 'EmailVerified', data: { customerId: 'c-1', at: NOW } };
const consent: CustomerEvent = {
  type: 'MarketingConsentRecorded',
  data: { customerId: 'c-1', granted: true, source: 'sign-up', at: NOW },
};
const signUp = (overrides: Partial<{ email: string; marketingConsent: boolean }> = {}) =>
  ({
    type: 'SignUp',
    data: {
      customerId: 'c-1',
      email: ' Ada@Example.com ',
      name: 'Ada',
      passwordHash: 'scrypt$h1',
      verificationCodeHash: 'code-hash',
      marketingConsent: false,
      now: NOW,
      codeTtlMinutes: 15,
      ...overrides,
    },
  }) as const;
const verify = (codeHash: string, now = NOW) =>
  ({ type: 'VerifyEmail', data: { customerId: 'c-1', codeHash, now } }) as const;

describe('SignUp', () => {
  it('signs up unverified, with a code expiring in 15 minutes and the email normalised', () => {
    const state = given([]).when(signUp()).then([signedUp, issued]);
    expect(state.status).toBe('unverified');
  });

  it('records marketing consent with its time and source when given at sign-up', () => {
    given([])
      .when(signUp({ marketingConsent: true }))
      .then([signedUp, issued, consent]);
  });

  it('refuses a malformed email and a second sign-up', () => {
    given([])
      .when(signUp({ email: 'not-an-email' }))
      .thenThrows(ValidationFailed, { field: 'email' });
    given([signedUp]).when(signUp()).thenThrows(AlreadyExists, { aggregate: 'customer', id: 'c-1' });
  });
});

describe('VerifyEmail', () => {
  it('verifies with the right code before it expires', () => {
    const state = given([signedUp, issued]).when(verify('code-hash')).then([verified]);
    expect(state.status).toBe('active');
  });

  it('counts a wrong code, and refuses after five or once expired or used', () => {
    given([signedUp, issued])
      .when(verify('wrong'))
      .then([{ type: 'EmailVerificationFailed', data: { customerId: 'c-1', at: NOW } }]);
    const failed = { type: 'EmailVerificationFailed', data: { customerId: 'c-1', at: NOW } } as const;
    given([signedUp, issued, failed, failed, failed, failed, failed])
      .when(verify('code-hash'))
      .thenThrows(VerificationCodeRefused);
    given([signedUp, issued])
      .when(verify('code-hash', '2026-12-05T10:15:00.001Z'))
      .thenThrows(VerificationCodeRefused);
    given([signedUp, issued, verified]).when(verify('code-hash')).thenThrows(VerificationCodeRefused);
  });

  it('refuses an unknown customer', () => {
    given([]).when(verify('x')).thenThrows(CustomerNotFound, { customerId: 'c-1' });
  });
});

describe('profile, addresses and groups', () => {
  it('changes the profile, keeping personal data in the personal field', () => {
    given([signedUp, issued, verified])
      .when({ type: 'ChangeProfile', data: { customerId: 'c-1', name: 'Ada L.', phone: '+49 30 123456' } })
      .then([
        {
          type: 'CustomerProfileChanged',
          data: { customerId: 'c-1', personal: { name: 'Ada L.', phone: '+49 30 123456' } },
        },
      ]);
    given([signedUp])
      .when({ type: 'ChangeProfile', data: { customerId: 'c-1', name: 'Ada', phone: null } })
      .thenThrows(NoChange, { field: 'profile' });
  });

  it('keeps an address book', () => {
    const address = {
      name: 'Ada',
      line1: 'Main St 1',
      line2: null,
      city: 'Berlin',
      postalCode: '10115',
      region: null,
      country: 'DE',
    };
    const saved: CustomerEvent = {
      type: 'CustomerAddressSaved',
      data: { customerId: 'c-1', addressId: 'home', label: 'Home', address },
    };
    given([signedUp])
      .when({ type: 'SaveAddress', data: { customerId: 'c-1', addressId: 'home', label: 'Home', address } })
      .then([saved]);
    const state = given([signedUp, saved])
      .when({ type: 'RemoveAddress', data: { customerId: 'c-1', addressId: 'home' } })
      .then([{ type: 'CustomerAddressRemoved', data: { customerId: 'c-1', addressId: 'home' } }]);
    expect(state.status !== 'absent' && state.addresses).toEqual({});
  });

  it('sets customer groups, sorted and once each', () => {
    given([signedUp])
      .when({ type: 'SetGroups', data: { customerId: 'c-1', groups: ['wholesale', 'vip', 'vip'] } })
      .then([{ type: 'CustomerGroupsSet', data: { customerId: 'c-1', groups: ['vip', 'wholesale'] } }]);
  });
});

describe('consent and notification preferences', () => {
  const prefs = (marketing: boolean, reminder: boolean) =>
    ({ type: 'SetNotificationPreferences', data: { customerId: 'c-1', marketing, reminder } }) as const;

  it('wants consent before marketing mail may be chosen', () => {
    given([signedUp]).when(prefs(true, false)).thenThrows(ValidationFailed, { field: 'marketing' });
    given([signedUp, consent])
      .when(prefs(true, true))
      .then([
        { type: 'NotificationPreferencesSet', data: { customerId: 'c-1', marketing: true, reminder: true } },
      ]);
  });

  it('sends transactional mail always, marketing only with consent and choice, reminders when chosen', () => {
    const chosen: CustomerEvent = {
      type: 'NotificationPreferencesSet',
      data: { customerId: 'c-1', marketing: true, reminder: true },
    };
    const withdrawn: CustomerEvent = {
      type: 'MarketingConsentRecorded',
      data: { customerId: 'c-1', granted: false, source: 'profile', at: NOW },
    };
    const at = (events: CustomerEvent[]) => replay(customerDecider, events);
    expect(mayReceive(at([signedUp]), 'transactional')).toBe(true);
    expect(mayReceive(at([signedUp]), 'marketing')).toBe(false);
    expect(mayReceive(at([signedUp]), 'reminder')).toBe(false);
    expect(mayReceive(at([signedUp, consent, chosen]), 'marketing')).toBe(true);
    expect(mayReceive(at([signedUp, consent, chosen]), 'reminder')).toBe(true);
    // Withdrawing consent stops marketing mail at once.
    expect(mayReceive(at([signedUp, consent, chosen, withdrawn]), 'marketing')).toBe(false);
    expect(mayReceive(at([]), 'transactional')).toBe(true);
  });

  it('refuses to record the consent it already has', () => {
    given([signedUp, consent])
      .when({
        type: 'RecordMarketingConsent',
        data: { customerId: 'c-1', granted: true, source: 'profile', now: NOW },
      })
      .thenThrows(NoChange, { field: 'marketingConsent' });
  });
});

describe('default address', () => {
  const address = {
    name: 'Ada',
    line1: 'Main St 1',
    line2: null,
    city: 'Berlin',
    postalCode: '10115',
    region: null,
    country: 'DE',
  };
  const saved: CustomerEvent = {
    type: 'CustomerAddressSaved',
    data: { customerId: 'c-1', addressId: 'home', label: 'Home', address },
  };
  const setDefault = { type: 'SetDefaultAddress', data: { customerId: 'c-1', addressId: 'home' } } as const;

  it('sets one of the book as the default, and forgets it when that address is removed', () => {
    const state = given([signedUp, saved])
      .when(setDefault)
      .then([{ type: 'CustomerDefaultAddressSet', data: { customerId: 'c-1', addressId: 'home' } }]);
    expect(state.status !== 'absent' && state.defaultAddressId).toBe('home');
    const removed = given([signedUp, saved, { type: 'CustomerDefaultAddressSet', data: setDefault.data }])
      .when({ type: 'RemoveAddress', data: { customerId: 'c-1', addressId: 'home' } })
      .then([{ type: 'CustomerAddressRemoved', data: { customerId: 'c-1', addressId: 'home' } }]);
    expect(removed.status !== 'absent' && removed.defaultAddressId).toBeNull();
  });

  it('refuses an address not in the book, and the default it already has', () => {
    given([signedUp]).when(setDefault).thenThrows(ValidationFailed, { field: 'addressId' });
    given([signedUp, saved, { type: 'CustomerDefaultAddressSet', data: setDefault.data }])
      .when(setDefault)
      .thenThrows(NoChange, { field: 'defaultAddressId' });
  });
});

describe('password reset', () => {
  const requested: CustomerEvent = {
    type: 'PasswordResetRequested',
    data: { customerId: 'c-1', codeHash: 'reset-hash', expiresAt: '2026-12-05T10:15:00.000Z', at: NOW },
  };
  const reset = (codeHash: string, now = NOW) =>
    ({
      type: 'ResetPassword',
      data: { customerId: 'c-1', codeHash, passwordHash: 'scrypt$h2', now },
    }) as const;
  const changed: CustomerEvent = {
    type: 'CustomerPasswordChanged',
    data: { customerId: 'c-1', passwordHash: 'scrypt$h2', reason: 'reset', at: NOW },
  };
  const failed: CustomerEvent = { type: 'PasswordResetFailed', data: { customerId: 'c-1', at: NOW } };

  it('issues a code expiring in 15 minutes', () => {
    given([signedUp])
      .when({
        type: 'RequestPasswordReset',
        data: { customerId: 'c-1', codeHash: 'reset-hash', now: NOW, codeTtlMinutes: 15 },
      })
      .then([requested]);
  });

  it('changes the password with the right code, once', () => {
    const state = given([signedUp, requested]).when(reset('reset-hash')).then([changed]);
    expect(state.status !== 'absent' && state.passwordHash).toBe('scrypt$h2');
    given([signedUp, requested, changed]).when(reset('reset-hash')).thenThrows(ResetCodeRefused);
  });

  it('counts wrong codes and refuses after five, once expired, and without a request', () => {
    given([signedUp, requested]).when(reset('wrong')).then([failed]);
    given([signedUp, requested, failed, failed, failed, failed, failed])
      .when(reset('reset-hash'))
      .thenThrows(ResetCodeRefused, { field: 'code' });
    given([signedUp, requested])
      .when(reset('reset-hash', '2026-12-05T10:15:00.001Z'))
      .thenThrows(ResetCodeRefused);
    given([signedUp]).when(reset('reset-hash')).thenThrows(ResetCodeRefused);
  });

  it('a new request replaces the earlier code and its count', () => {
    const newer: CustomerEvent = { ...requested, data: { ...requested.data, codeHash: 'newer' } };
    given([signedUp, requested, failed, failed, failed, failed, failed, newer])
      .when(reset('newer'))
      .then([changed]);
    given([signedUp, requested, newer]).when(reset('reset-hash')).then([failed]);
  });
});
