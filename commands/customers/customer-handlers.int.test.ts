import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSecrets } from '../../infra/auth/account-secrets.ts';
import { verifyPassword } from '../../infra/auth/password-hashing.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { sqlMailQueue } from '../../infra/mail/sql-mail-queue.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { migratedPglite, migratedPostgres } from '../../test-support/databases.ts';
import { mailedCode } from '../../test-support/mailed-code.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { customerHandlers } from './customer-handlers.ts';

describe.each(['pglite', 'postgres'] as const)('customer accounts on %s', (backend) => {
  let dispose: () => Promise<void>;
  let sql: SqlClient;
  let handlers: ReturnType<typeof customerHandlers>;
  let store: ReturnType<typeof createSqlEventStore>;
  const context = (now = '2026-12-05T10:00:00.000Z') => ({
    actor: { id: 'anonymous', role: 'customer' as const },
    correlationId: 'c',
    causationId: null,
    now,
  });
  const signUp = (customerId: string, email: string, marketingConsent = false) =>
    handlers.signUp(
      { customerId, email, name: 'Ada', password: 'a long passphrase', marketingConsent },
      context(),
    );

  beforeAll(async () => {
    const db = backend === 'postgres' ? await migratedPostgres(5) : await migratedPglite();
    dispose = db.dispose;
    sql = db.client;
    store = createSqlEventStore(db.client);
    handlers = customerHandlers({
      runtime: commandRuntime(store),
      secrets: accountSecrets,
      mail: sqlMailQueue(db.client),
    });
  });
  afterAll(() => dispose());

  it('stores the password and code hashed, mails the code, and verifies with it once', async () => {
    await signUp('c-1', 'Ada@Example.com', true);
    const code = await mailedCode(sql, 'ada@example.com', 'email-verification');
    const events = await store.readStream('customer-c-1');
    expect(events.map((e) => e.type)).toEqual([
      'CustomerSignedUp',
      'EmailVerificationIssued',
      'MarketingConsentRecorded',
    ]);
    const stored = JSON.stringify(events.map((e) => e.data));
    expect(stored).not.toContain('a long passphrase');
    expect(stored).not.toContain(`"${code}"`);
    const hash = (events[0]!.data as { passwordHash: string }).passwordHash;
    expect(await verifyPassword('a long passphrase', hash)).toBe(true);

    const wrong = code === '000000' ? '000001' : '000000';
    await expect(handlers.verifyEmail('ada@example.com', wrong, context())).rejects.toMatchObject({
      code: 'verification_code_refused',
    });
    expect((await store.readStream('customer-c-1')).at(-1)?.type).toBe('EmailVerificationFailed');
    expect((await handlers.verifyEmail(' ADA@example.com', code, context())).events[0]?.type).toBe(
      'EmailVerified',
    );
    await expect(handlers.verifyEmail('ada@example.com', code, context())).rejects.toMatchObject({
      code: 'verification_code_refused',
    });
  });

  it('refuses a code after 15 minutes, and a second account with the same email', async () => {
    await signUp('c-2', 'bob@example.com');
    const code = await mailedCode(sql, 'bob@example.com', 'email-verification');
    await expect(
      handlers.verifyEmail('bob@example.com', code, context('2026-12-05T10:15:01.000Z')),
    ).rejects.toMatchObject({ code: 'verification_code_refused' });
    await expect(signUp('c-3', ' BOB@example.com')).rejects.toMatchObject({ code: 'email_already_used' });
    expect(await store.streamRevision('customer-c-3')).toBeNull();
  });

  it('resets a password with the mailed code, once; an unknown address mails nothing', async () => {
    await signUp('c-4', 'cy@example.com');
    await handlers.requestPasswordReset('cy@example.com', context());
    const code = await mailedCode(sql, 'cy@example.com', 'password-reset');
    const reset = { email: 'cy@example.com', code, newPassword: 'a new long passphrase' };
    const done = await handlers.resetPassword(reset, context('2026-12-05T10:05:00.000Z'));
    expect(done.events).toMatchObject([{ type: 'CustomerPasswordChanged', data: { reason: 'reset' } }]);
    const changed = (done.events[0]!.data as { passwordHash: string }).passwordHash;
    expect(await verifyPassword('a new long passphrase', changed)).toBe(true);
    // Single use: the same code again is refused, and so is an address nobody holds.
    await expect(handlers.resetPassword(reset, context())).rejects.toMatchObject({
      code: 'reset_code_refused',
    });
    await handlers.requestPasswordReset('nobody@example.com', context());
    const [row] = await sql.query<{ count: number }>(
      "select count(*)::int as count from qm_mail_deliveries where recipient = 'nobody@example.com'",
    );
    expect(row?.count).toBe(0);
    await expect(
      handlers.resetPassword({ ...reset, email: 'nobody@example.com' }, context()),
    ).rejects.toMatchObject({ code: 'reset_code_refused' });
  });
  // Five wrong tries using the code up: domain/customers/customers.unit.test.ts.
});
