import { Redis } from 'ioredis';
import { TOTP, Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountHandlers } from '../commands/accounts/account-handlers.ts';
import { authHandlers } from '../commands/auth/auth-handlers.ts';
import { eventSourcedLoginAccounts } from '../commands/auth/login-accounts.ts';
import { customerHandlers } from '../commands/customers/customer-handlers.ts';
import { accountSecrets } from '../infra/auth/account-secrets.ts';
import { createJwtVerifier } from '../infra/auth/jwt-verifier.ts';
import { withRevocations } from '../infra/auth/revoked-sessions.ts';
import { redisRevocations, type RevocationList } from '../infra/auth/session-revocations.ts';
import { sessionTokens } from '../infra/auth/session-tokens.ts';
import { openSigningKeys } from '../infra/auth/signing-keys.ts';
import { otpauthTotp } from '../infra/auth/totp.ts';
import { uuidV7Ids } from '../infra/ids/uuid-v7-ids.ts';
import { createLogger } from '../infra/logging/logger.ts';
import { commandRuntime } from '../ops/compose/command-runtime.ts';
import { commandHarness, type CommandHarness } from '../test-support/command-harness.ts';
import { serviceUrls } from '../test-support/service-urls.ts';
import { mailedCode } from '../test-support/mailed-code.ts';
import { sqlMailQueue } from '../infra/mail/sql-mail-queue.ts';
import { createWriteApi } from './app.ts';
import { createSqlIdempotencyStore } from './idempotency/sql-idempotency-store.ts';
import { sqlProcessedWebhooks } from './webhooks/processed-webhooks.ts';

/**
 * Login, refresh with reuse detection, revocation seen by a second API process (its own keys
 * loader, verifier and Redis connection over the same database and Redis), TOTP with codes from
 * the library, and step-up, through the command API on PostgreSQL.
 */
const PASSWORD = 'a long passphrase nobody uses';

describe('login and sessions on PostgreSQL and Redis', () => {
  let h: CommandHarness;
  const redises: Redis[] = [];
  const lists: RevocationList[] = [];

  async function apiProcess() {
    const redis = new Redis(serviceUrls().redis);
    redises.push(redis);
    const revocations = await redisRevocations({ redis, prefix });
    lists.push(revocations);
    const keys = openSigningKeys({
      sql: h.sql,
      encryptionSecret: 'test-secret-that-is-at-least-32-characters',
      overlapMs: 3_600_000,
    });
    const runtime = commandRuntime(h.store);
    const totp = otpauthTotp({ issuer: 'Quartermaster test' });
    const tokens = sessionTokens({ keys, accessTtlSeconds: 900, refreshTtlSeconds: 30 * 86_400 });
    const handlers = authHandlers({
      runtime,
      accounts: eventSourcedLoginAccounts(runtime),
      secrets: accountSecrets,
      tokens,
      totp,
      revocations,
      settings: {
        requireSecondFactorRoles: ['admin'],
        accessTtlSeconds: 900,
        totpIssuer: 'Quartermaster test',
      },
    });
    const verifier = withRevocations(createJwtVerifier({ localKeys: keys }), revocations);
    const app = createWriteApi({
      handlers: h.handlers,
      clock: h.clock,
      ids: uuidV7Ids,
      verifier,
      idempotencyStore: createSqlIdempotencyStore(h.sql),
      processedWebhooks: sqlProcessedWebhooks(h.sql),
      log: createLogger('silent'),
      accounts: accountHandlers({ runtime, secrets: accountSecrets, mail: sqlMailQueue(h.sql) }),
      auth: { handlers },
      signingKeys: keys,
      stepUpMinutes: 10,
    });
    // The events' clock follows real time: the TOTP codes and token times are the library's.
    const post = (path: string, body: unknown, token?: string) => (
      h.clock.set(new Date().toISOString()),
      app.request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': uuidV7Ids.newId(),
          'user-agent': 'vitest',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      })
    );
    const get = (path: string, token: string, userAgent = 'vitest') => (
      h.clock.set(new Date().toISOString()),
      app.request(path, { headers: { 'user-agent': userAgent, authorization: `Bearer ${token}` } })
    );
    /** An admin's access token, as this API's login would issue one (its session is not revoked). */
    const adminToken = async () =>
      (
        await tokens.issueAccess({
          accountId: 'admin-1',
          role: 'admin',
          roles: ['admin'],
          sessionId: uuidV7Ids.newId(),
          secondFactorAt: Math.floor(Date.now() / 1000),
          enrolOnly: false,
        })
      ).token;
    return { app, post, get, verifier, keys, adminToken };
  }
  const prefix = `qm-test-${Date.now()}-${Math.random().toString(36).slice(2)}:`;

  async function customer(email: string) {
    const customerId = uuidV7Ids.newId();
    const accounts = customerHandlers({
      runtime: commandRuntime(h.store),
      secrets: accountSecrets,
      mail: sqlMailQueue(h.sql),
    });
    await accounts.signUp(
      { customerId, email, name: 'Ada', password: PASSWORD, marketingConsent: false },
      h.context({ id: customerId, role: 'customer' }),
    );
    const code = await mailedCode(h.sql, email, 'email-verification');
    await accounts.verifyEmail(email, code, h.context({ id: customerId, role: 'customer' }));
    return customerId;
  }

  beforeAll(async () => {
    h = await commandHarness('postgres');
    h.clock.set(new Date().toISOString());
  });
  afterAll(async () => {
    for (const list of lists) await list.close();
    for (const redis of redises) redis.disconnect();
    await h.dispose();
  });

  it('logs in, refreshes, and revokes the whole family when a spent refresh token comes back', async () => {
    const api = await apiProcess();
    await customer('ada@example.com');
    const wrong = await api.post('/auth/login', { email: 'ada@example.com', password: 'not it at all, no' });
    const unknown = await api.post('/auth/login', { email: 'nobody@example.com', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());

    const login = await api.post('/auth/login', { email: 'ADA@example.com', password: PASSWORD });
    expect(login.status).toBe(200);
    const first = (await login.json()) as {
      accessToken: string;
      refreshToken: string;
      sessionId: string;
      expiresIn: number;
    };
    expect(first.expiresIn).toBe(900);
    expect((await api.verifier(first.accessToken)).sessionId).toBe(first.sessionId);

    const refreshed = await api.post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as { accessToken: string; refreshToken: string };
    expect(second.refreshToken).not.toBe(first.refreshToken);

    // The spent token again: refused, and the session (every token of it) with it.
    expect((await api.post('/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
    expect((await api.post('/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);
    await expect(api.verifier(second.accessToken)).rejects.toMatchObject({ status: 401 });
    const events = await h.store.readStream(`session-${first.sessionId}`);
    expect(events.map((event) => event.type)).toEqual([
      'SessionStarted',
      'SessionRefreshed',
      'RefreshTokenReused',
      'SessionRevoked',
    ]);
  });

  it('a session revoked through one API process is refused by another sharing Redis', async () => {
    const one = await apiProcess();
    const two = await apiProcess();
    await customer('grace@example.com');
    const tokens = (await (
      await one.post('/auth/login', { email: 'grace@example.com', password: PASSWORD })
    ).json()) as {
      accessToken: string;
    };
    expect((await two.verifier(tokens.accessToken)).id).toBeDefined();
    expect((await one.post('/me/sessions/revoke-all', {}, tokens.accessToken)).status).toBe(200);
    await expect
      .poll(
        () =>
          two.verifier(tokens.accessToken).then(
            () => 'accepted',
            () => 'refused',
          ),
        { timeout: 5_000 },
      )
      .toBe('refused');
  });

  it('enrols TOTP with a code from the library, then logs in with a challenge, and records the activity', async () => {
    const api = await apiProcess();
    await customer('totp@example.com');
    const login = (await (
      await api.post('/auth/login', { email: 'totp@example.com', password: PASSWORD })
    ).json()) as {
      accessToken: string;
    };
    const enrol = (await (await api.post('/me/2fa/totp', {}, login.accessToken)).json()) as {
      secret: string;
      provisioningUri: string;
    };
    expect(enrol.provisioningUri).toMatch(/^otpauth:\/\/totp\//);
    const code = (offsetSteps = 0) =>
      new TOTP({ secret: Secret.fromBase32(enrol.secret) }).generate({
        timestamp: Date.now() + offsetSteps * 30_000,
      });
    expect(
      (
        await api.post(
          '/me/2fa/totp/confirm',
          { code: '000000' === code() ? '111111' : '000000' },
          login.accessToken,
        )
      ).status,
    ).toBe(422);
    const confirmed = await api.post('/me/2fa/totp/confirm', { code: code() }, login.accessToken);
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);

    const challenged = (await (
      await api.post('/auth/login', { email: 'totp@example.com', password: PASSWORD })
    ).json()) as {
      challenge: string;
      challengeToken: string;
    };
    expect(challenged.challenge).toBe('totp');
    // The code used to confirm is spent; the next step's (within the drift window) is good.
    const second = await api.post('/auth/login/totp', {
      challengeToken: challenged.challengeToken,
      code: code(1),
    });
    expect(second.status).toBe(200);
    const viaRecovery = await api.post('/auth/login/totp', {
      challengeToken: challenged.challengeToken,
      code: recoveryCodes[0],
    });
    expect(viaRecovery.status).toBe(200);
    const reused = await api.post('/auth/login/totp', {
      challengeToken: challenged.challengeToken,
      code: recoveryCodes[0],
    });
    expect(reused.status).toBe(422);

    const session = (await viaRecovery.json()) as { accessToken: string };
    const actor = await api.verifier(session.accessToken);
    expect(actor.secondFactorAt).toBeGreaterThan(0);
    const activity = await h.store.readStream(`auth-${actor.id}`);
    expect(activity.map((event) => event.type)).toContain('SecondFactorFailed');
    expect(activity.map((event) => event.type)).toContain('LoginSucceeded');
  });

  it('serves the Ed25519 public keys at /.well-known/jwks.json', async () => {
    const api = await apiProcess();
    const keys = await api.keys.jwks();
    expect(keys.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    const jwks = await api.app.request('/.well-known/jwks.json');
    expect(((await jwks.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
  });

  type Session = {
    sessionId: string;
    userAgent: string;
    ip: string;
    startedAt: string;
    lastSeenAt: string;
    current: boolean;
  };
  type Issued = { accessToken: string; refreshToken: string; sessionId: string };

  it('lists my active sessions (device, IP, started, last seen, current), and a revoked one drops out', async () => {
    const api = await apiProcess();
    await customer('list@example.com');
    const login = async (userAgent: string) =>
      (await (
        await api.app.request('/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': userAgent },
          body: JSON.stringify({ email: 'list@example.com', password: PASSWORD }),
        })
      ).json()) as Issued;
    const phone = await login('Phone/1.0');
    const laptop = await login('Laptop/2.0');
    const listed = await api.get('/me/sessions', laptop.accessToken);
    expect(listed.status).toBe(200);
    const { sessions } = (await listed.json()) as { sessions: Session[] };
    expect(sessions.map((session) => [session.sessionId, session.userAgent, session.current])).toEqual([
      [laptop.sessionId, 'Laptop/2.0', true],
      [phone.sessionId, 'Phone/1.0', false],
    ]);
    expect(sessions[0]).toMatchObject({ ip: expect.any(String), startedAt: expect.any(String) });
    expect(Date.parse(sessions[0]!.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(sessions[0]!.startedAt));

    const revoke = await api.app.request(`/me/sessions/${phone.sessionId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${laptop.accessToken}`, 'idempotency-key': uuidV7Ids.newId() },
    });
    expect(revoke.status).toBe(204);
    const after = (await (await api.get('/me/sessions', laptop.accessToken)).json()) as {
      sessions: Session[];
    };
    expect(after.sessions.map((session) => session.sessionId)).toEqual([laptop.sessionId]);
    // Another account's list is for admins managing staff only.
    const actor = await api.verifier(laptop.accessToken);
    expect((await api.get(`/staff/${actor.id}/sessions`, laptop.accessToken)).status).toBe(403);
  });

  it('an invited staff member who accepted logs in and refreshes with their roles; an admin sees and ends their sessions', async () => {
    const api = await apiProcess();
    const staffId = uuidV7Ids.newId();
    const email = 'clerk@example.com';
    const staff = accountHandlers({
      runtime: commandRuntime(h.store),
      secrets: accountSecrets,
      mail: sqlMailQueue(h.sql),
    }).staff;
    const admin = h.context({ id: 'admin-1', role: 'admin' });
    await staff.inviteStaff({ staffId, email, name: 'Clerk', roles: ['staff'] }, admin);
    const staffPassword = 'a staff passphrase of some length';
    // Not yet accepted: no login.
    expect((await api.post('/auth/login', { email, password: staffPassword })).status).toBe(401);
    // Someone signs up as a customer with the clerk's address, and never verifies it: no matter.
    const squatter = uuidV7Ids.newId();
    await customerHandlers({
      runtime: commandRuntime(h.store),
      secrets: accountSecrets,
      mail: sqlMailQueue(h.sql),
    }).signUp(
      {
        customerId: squatter,
        email,
        name: null,
        password: 'a squatter passphrase here',
        marketingConsent: false,
      },
      h.context({ id: squatter, role: 'customer' }),
    );
    const token = await mailedCode(h.sql, email, 'staff-invitation');
    expect((await api.post('/staff/invitations/accept', { token, password: staffPassword })).status).toBe(
      200,
    );

    const login = await api.post('/auth/login', { email: 'Clerk@Example.com', password: staffPassword });
    expect(login.status).toBe(200);
    const first = (await login.json()) as Issued;
    expect(await api.verifier(first.accessToken)).toMatchObject({
      id: staffId,
      role: 'staff',
      roles: ['staff'],
      sessionId: first.sessionId,
    });
    expect((await api.verifier(first.accessToken)).enrolOnly).toBeFalsy();

    // Promoted to admin: the next refresh carries it, and admins must enrol a second factor first.
    await staff.changeStaffRoles(staffId, ['admin'], 'lead', admin);
    const refreshed = await api.post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as Issued;
    expect(await api.verifier(second.accessToken)).toMatchObject({
      id: staffId,
      role: 'admin',
      roles: ['admin'],
      enrolOnly: true,
    });

    const adminToken = await api.adminToken();
    const listed = await api.get(`/staff/${staffId}/sessions`, adminToken);
    expect(listed.status).toBe(200);
    const { sessions } = (await listed.json()) as { sessions: Session[] };
    expect(sessions.map((session) => [session.sessionId, session.current])).toEqual([
      [first.sessionId, false],
    ]);
    expect((await api.post(`/staff/${staffId}/sessions/revoke-all`, {}, adminToken)).status).toBe(200);
    expect((await api.post('/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);
  });

  it('a password reset ends every session of the account', async () => {
    const api = await apiProcess();
    const email = 'reset@example.com';
    const customerId = await customer(email);
    const one = (await (await api.post('/auth/login', { email, password: PASSWORD })).json()) as Issued;
    const two = (await (await api.post('/auth/login', { email, password: PASSWORD })).json()) as Issued;
    expect((await api.post('/auth/password-reset', { email })).status).toBe(202);
    const code = await mailedCode(h.sql, email, 'password-reset');
    const newPassword = 'another passphrase entirely';
    expect((await api.post('/auth/password-reset/confirm', { email, code, newPassword })).status).toBe(200);

    for (const session of [one, two]) {
      expect((await api.post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
      await expect
        .poll(
          () =>
            api.verifier(session.accessToken).then(
              () => 'accepted',
              () => 'refused',
            ),
          { timeout: 5_000 },
        )
        .toBe('refused');
      const [last] = await h.store.readStream(`session-${session.sessionId}`, {
        direction: 'backwards',
        maxCount: 1,
      });
      expect(last).toMatchObject({ type: 'SessionRevoked', data: { reason: 'password-reset' } });
    }
    const activity = await h.store.readStream(`auth-${customerId}`);
    expect(activity.at(-1)?.type).toBe('AllSessionsRevoked');
    // The new password logs in; the old one no longer does.
    expect((await api.post('/auth/login', { email, password: PASSWORD })).status).toBe(401);
    expect((await api.post('/auth/login', { email, password: newPassword })).status).toBe(200);
  });
});
