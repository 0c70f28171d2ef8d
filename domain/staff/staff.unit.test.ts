import { describe, expect, it } from 'vitest';
import { AlreadyExists, NoChange, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import {
  InvitationNotPending,
  InvitationRefused,
  StaffNotFound,
  staffDecider,
  type StaffEvent,
} from './index.ts';

const given = specFor(staffDecider);
const NOW = '2026-12-05T10:00:00.000Z';
const invited: StaffEvent = {
  type: 'StaffInvited',
  data: {
    staffId: 's-1',
    personal: { email: 'grace@example.com', name: 'Grace' },
    roles: ['inventory-clerk', 'staff'],
    tokenHash: 'token-hash',
    expiresAt: '2026-12-12T10:00:00.000Z',
    at: NOW,
  },
};
const invite = (overrides: Partial<{ email: string; roles: string[] }> = {}) =>
  ({
    type: 'InviteStaff',
    data: {
      staffId: 's-1',
      email: ' Grace@Example.com',
      name: 'Grace',
      roles: ['staff', 'inventory-clerk', 'staff'] as string[],
      tokenHash: 'token-hash',
      now: NOW,
      ttlHours: 168,
      ...overrides,
    },
  }) as const;
const accept = (tokenHash: string, now = NOW) =>
  ({ type: 'AcceptInvitation', data: { staffId: 's-1', tokenHash, passwordHash: 'scrypt$p', now } }) as const;
const accepted: StaffEvent = {
  type: 'StaffInvitationAccepted',
  data: { staffId: 's-1', passwordHash: 'scrypt$p', at: NOW },
};
const revoked: StaffEvent = { type: 'StaffInvitationRevoked', data: { staffId: 's-1', at: NOW } };

describe('InviteStaff', () => {
  it('invites with roles sorted once each, the email normalised, expiring after the ttl', () => {
    const state = given([]).when(invite()).then([invited]);
    expect(state.status).toBe('invited');
  });

  it('refuses a malformed email, no role, the customer role, and a second invitation of the id', () => {
    given([])
      .when(invite({ email: 'nope' }))
      .thenThrows(ValidationFailed, { field: 'email' });
    given([])
      .when(invite({ roles: [] }))
      .thenThrows(ValidationFailed, { field: 'roles' });
    given([])
      .when(invite({ roles: ['staff', 'customer'] }))
      .thenThrows(ValidationFailed, { field: 'roles[1]' });
    given([invited]).when(invite()).thenThrows(AlreadyExists, { aggregate: 'staff', id: 's-1' });
  });
});

describe('AcceptInvitation', () => {
  it('activates the account with the right token before it expires', () => {
    const state = given([invited]).when(accept('token-hash')).then([accepted]);
    expect(state.status !== 'absent' && state.passwordHash).toBe('scrypt$p');
  });

  it('gives one refusal for a wrong token, an expired, revoked, used or unknown invitation', () => {
    given([invited]).when(accept('wrong')).thenThrows(InvitationRefused, { field: 'token' });
    given([invited]).when(accept('token-hash', '2026-12-12T10:00:00.001Z')).thenThrows(InvitationRefused);
    given([invited, revoked]).when(accept('token-hash')).thenThrows(InvitationRefused);
    given([invited, accepted]).when(accept('token-hash')).thenThrows(InvitationRefused);
    given([]).when(accept('token-hash')).thenThrows(InvitationRefused);
  });
});

describe('RevokeInvitation', () => {
  const revoke = { type: 'RevokeInvitation', data: { staffId: 's-1', now: NOW } } as const;
  it('revokes a pending invitation only', () => {
    given([invited]).when(revoke).then([revoked]);
    given([invited, accepted]).when(revoke).thenThrows(InvitationNotPending, { status: 'active' });
    given([]).when(revoke).thenThrows(StaffNotFound, { staffId: 's-1' });
  });
});

describe('ChangeStaffRoles', () => {
  const change = (roles: string[]) =>
    ({ type: 'ChangeStaffRoles', data: { staffId: 's-1', roles, reason: 'promoted', now: NOW } }) as const;
  it('records the roles after and before', () => {
    const state = given([invited, accepted])
      .when(change(['admin']))
      .then([
        {
          type: 'StaffRolesChanged',
          data: {
            staffId: 's-1',
            roles: ['admin'],
            previous: ['inventory-clerk', 'staff'],
            reason: 'promoted',
            at: NOW,
          },
        },
      ]);
    expect(state.status !== 'absent' && state.roles).toEqual(['admin']);
  });

  it('refuses the roles it has, and an unknown account', () => {
    given([invited])
      .when(change(['staff', 'inventory-clerk']))
      .thenThrows(NoChange, { field: 'roles' });
    given([])
      .when(change(['admin']))
      .thenThrows(StaffNotFound);
  });
});
