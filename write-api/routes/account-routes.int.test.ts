import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIpResolver } from '../../infra/http/client-ip.ts';
import { withOverrides } from '../../infra/http/rate-budgets.ts';
import { createRateLimits } from '../../infra/http/rate-limit.ts';
import { memoryLimiterStore } from '../../infra/security/limiter-store.ts';
import { mailedCode } from '../../test-support/mailed-code.ts';
import { writeApiHarness, type WriteApiHarness } from '../../test-support/write-api-harness.ts';

/**
 * The account routes over HTTP on PostgreSQL: sign-up and verification with the mailed code, the
 * reset answering alike for every address, /me, groups, staff invitations. Reset budgets are small
 * so the 429 shows; the other budgets are the defaults.
 */
describe('account routes on postgres', () => {
  let h: WriteApiHarness;
  const PASSWORD = 'correct horse battery staple';
  beforeAll(async () => {
    h = await writeApiHarness('postgres', {
      guards: {
        clientIp: clientIpResolver(1),
        rateLimits: createRateLimits({
          store: memoryLimiterStore(),
          budgets: withOverrides({ reset: { account: { points: 4, seconds: 3_600 } } }),
        }),
        ipBlockList: [],
        bodyLimitBytes: 1_048_576,
        uploadLimits: [],
        corsOrigins: [],
        requestTimeoutMs: 30_000,
      },
    });
  });
  afterAll(() => h.dispose());

  const anonymous = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    h.send('POST', path, body, null, { 'x-forwarded-for': '203.0.113.7', ...headers });
  async function signUp(email: string, key?: string) {
    const response = await anonymous(
      '/customers',
      { email, password: PASSWORD, name: 'Ada' },
      key ? { 'idempotency-key': key } : {},
    );
    return { response, body: (await response.json()) as { customerId: string; events: { data: object }[] } };
  }
  const events = async (stream: string) => (await h.store.readStream(stream)).map((e) => e.type);

  it('signs up once per key, answers without hashes, and verifies with the mailed code', async () => {
    const first = await signUp('ada@example.com', 'signup-key-1');
    expect(first.response.status).toBe(201);
    expect(JSON.stringify(first.body)).not.toMatch(/Hash/);
    const again = await signUp('ada@example.com', 'signup-key-1');
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.customerId).toBe(first.body.customerId);
    expect(await events(`customer-${first.body.customerId}`)).toEqual([
      'CustomerSignedUp',
      'EmailVerificationIssued',
    ]);
    const code = await mailedCode(h.sql, 'ada@example.com', 'email-verification');
    const verified = await anonymous('/customers/verify', { email: 'ada@example.com', code });
    expect(verified.status).toBe(200);
    const twice = await anonymous('/customers/verify', { email: 'ada@example.com', code });
    expect(twice.status).toBe(422);
    expect(await twice.json()).toMatchObject({ code: 'verification_code_refused' });
  });

  it('answers bad input with problems naming the field, and a taken email with 409', async () => {
    const weak = await anonymous('/customers', { email: 'weak@example.com', password: 'password123' });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(await weak.json())).toContain('password');
    const malformed = await anonymous('/customers', { email: 'not-an-email', password: PASSWORD });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'validation_failed' });
    const taken = await signUp('ADA@example.com');
    expect(taken.response.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'email_already_used' });
  });

  it('answers a reset request alike for any address, resets once, and limits the tries', async () => {
    const { body } = await signUp('bo@example.com');
    const known = await anonymous('/auth/password-reset', { email: 'bo@example.com' });
    const unknown = await anonymous('/auth/password-reset', { email: 'nobody@example.com' });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
    const code = await mailedCode(h.sql, 'bo@example.com', 'password-reset');
    const confirm = { email: 'bo@example.com', code, newPassword: 'an entirely new passphrase' };
    const done = await anonymous('/auth/password-reset/confirm', confirm);
    expect(done.status).toBe(200);
    expect(JSON.stringify(await done.json())).not.toMatch(/Hash/);
    expect((await events(`customer-${body.customerId}`)).at(-1)).toBe('CustomerPasswordChanged');
    const reused = await anonymous('/auth/password-reset/confirm', confirm);
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ code: 'reset_code_refused', details: { field: 'code' } });
    // Four per account per hour (requests and confirmations alike): the fifth is 429, with Retry-After.
    expect((await anonymous('/auth/password-reset', { email: 'bo@example.com' })).status).toBe(202);
    const limited = await anonymous('/auth/password-reset', { email: 'bo@example.com' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  it('keeps a profile, an address book with a default, consent and preferences under /me', async () => {
    const { body } = await signUp('cy@example.com');
    const me = { role: 'customer' as const, subject: body.customerId };
    expect((await h.send('PATCH', '/me', { phone: '+49 30 1234567' }, me)).status).toBe(200);
    const address = { name: 'Cy', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
    const added = await h.send('POST', '/me/addresses', { label: 'Home', address, isDefault: true }, me);
    expect(added.status).toBe(201);
    const { addressId } = (await added.json()) as { addressId: string };
    const changed = await h.send(
      'PUT',
      `/me/addresses/${addressId}`,
      { label: 'Home', address: { ...address, line1: 'Side St 2' } },
      me,
    );
    expect(changed.status).toBe(200);
    const noConsent = await h.send('PUT', '/me/preferences', { marketing: true, reminder: true }, me);
    expect(noConsent.status).toBe(400);
    expect(await noConsent.json()).toMatchObject({ details: { field: 'marketing' } });
    expect((await h.send('PUT', '/me/consent', { granted: true }, me)).status).toBe(200);
    expect((await h.send('PUT', '/me/preferences', { marketing: true, reminder: false }, me)).status).toBe(
      200,
    );
    expect((await h.send('DELETE', `/me/addresses/${addressId}`, undefined, me)).status).toBe(200);
    expect(await events(`customer-${body.customerId}`)).toEqual([
      'CustomerSignedUp',
      'EmailVerificationIssued',
      'CustomerProfileChanged',
      'CustomerAddressSaved',
      'CustomerDefaultAddressSet',
      'CustomerAddressSaved',
      'MarketingConsentRecorded',
      'NotificationPreferencesSet',
      'CustomerAddressRemoved',
    ]);
    // A token whose subject has no account finds nothing to change.
    const stranger = await h.send('PATCH', '/me', { name: 'X' }, { role: 'customer', subject: 'no-account' });
    expect(stranger.status).toBe(404);
  });

  it('lets staff set customer groups', async () => {
    const { body } = await signUp('dee@example.com');
    const path = `/customers/${body.customerId}/groups`;
    const set = await h.send(
      'PUT',
      path,
      { groups: ['wholesale', 'vip'] },
      { role: 'staff', subject: 'staff-1' },
    );
    expect(set.status).toBe(200);
    const bad = await h.send('PUT', path, { groups: ['no spaces'] }, { role: 'staff', subject: 'staff-1' });
    expect(bad.status).toBe(400);
  });

  it('invites staff, who accept once with the mailed token; roles change; pending invitations revoke', async () => {
    const invited = await h.post('/staff/invitations', {
      email: 'grace@example.com',
      name: 'Grace',
      roles: ['staff'],
    });
    expect(invited.status).toBe(201);
    const { staffId } = (await invited.json()) as { staffId: string };
    const token = await mailedCode(h.sql, 'grace@example.com', 'staff-invitation');
    expect(token.startsWith(`${staffId}.`)).toBe(true);
    const accept = { token, password: 'a staff passphrase of length' };
    const accepted = await anonymous('/staff/invitations/accept', accept);
    expect(accepted.status).toBe(200);
    expect(JSON.stringify(await accepted.json())).not.toMatch(/Hash/);
    const again = await anonymous('/staff/invitations/accept', accept);
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ code: 'invitation_refused' });
    const forged = await anonymous('/staff/invitations/accept', { ...accept, token: `${staffId}.forged` });
    expect(forged.status).toBe(422);
    expect(
      (await h.send('PUT', `/staff/${staffId}/roles`, { roles: ['admin'], reason: 'lead' })).status,
    ).toBe(200);
    expect(await events(`staff-${staffId}`)).toEqual([
      'StaffInvited',
      'StaffInvitationAccepted',
      'StaffRolesChanged',
    ]);

    const other = await h.post('/staff/invitations', { email: 'hopper@example.com', roles: ['staff'] });
    const { staffId: otherId } = (await other.json()) as { staffId: string };
    expect((await h.post(`/staff/invitations/${otherId}/revoke`, {})).status).toBe(200);
    const late = await mailedCode(h.sql, 'hopper@example.com', 'staff-invitation');
    expect(
      (
        await anonymous('/staff/invitations/accept', {
          token: late,
          password: 'a staff passphrase of length',
        })
      ).status,
    ).toBe(422);
  });
});
