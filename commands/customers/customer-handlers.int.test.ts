import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSecrets } from '../../infra/auth/account-secrets.ts';
import { verifyPassword } from '../../infra/auth/password-hashing.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { migratedPglite, migratedPostgres } from '../../test-support/databases.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { customerHandlers } from './customer-handlers.ts';

describe.each(['pglite', 'postgres'] as const)('customer sign-up on %s', (backend) => {
  let dispose: () => Promise<void>;
  let handlers: ReturnType<typeof customerHandlers>;
  let store: ReturnType<typeof createSqlEventStore>;
  const context = (now = '2026-12-05T10:00:00.000Z') => ({
    actor: { id: 'anonymous', role: 'customer' as const },
    correlationId: 'c',
    causationId: null,
    now,
  });

  beforeAll(async () => {
    const db = backend === 'postgres' ? await migratedPostgres(5) : await migratedPglite();
    dispose = db.dispose;
    store = createSqlEventStore(db.client);
    handlers = customerHandlers(commandRuntime(store), accountSecrets);
  });
  afterAll(() => dispose());

  it('stores the password and code hashed, and verifies with the mailed code once', async () => {
    const signed = await handlers.signUp(
      {
        customerId: 'c-1',
        email: 'ada@example.com',
        name: 'Ada',
        password: 'a long passphrase',
        marketingConsent: true,
      },
      context(),
    );
    expect(signed.verificationCode).toMatch(/^\d{6}$/);
    const events = await store.readStream('customer-c-1');
    expect(events.map((e) => e.type)).toEqual([
      'CustomerSignedUp',
      'EmailVerificationIssued',
      'MarketingConsentRecorded',
    ]);
    const stored = JSON.stringify(events.map((e) => e.data));
    expect(stored).not.toContain('a long passphrase');
    expect(stored).not.toContain(`"${signed.verificationCode}"`);
    const hash = (events[0]!.data as { passwordHash: string }).passwordHash;
    expect(await verifyPassword('a long passphrase', hash)).toBe(true);

    const wrong = signed.verificationCode === '000000' ? '000001' : '000000';
    expect((await handlers.verifyEmail('c-1', wrong, context())).events[0]?.type).toBe(
      'EmailVerificationFailed',
    );
    expect((await handlers.verifyEmail('c-1', signed.verificationCode, context())).events[0]?.type).toBe(
      'EmailVerified',
    );
    await expect(handlers.verifyEmail('c-1', signed.verificationCode, context())).rejects.toMatchObject({
      code: 'verification_code_refused',
    });
  });

  it('refuses a code after 15 minutes', async () => {
    const signed = await handlers.signUp(
      {
        customerId: 'c-2',
        email: 'bob@example.com',
        name: null,
        password: 'another passphrase',
        marketingConsent: false,
      },
      context(),
    );
    await expect(
      handlers.verifyEmail('c-2', signed.verificationCode, context('2026-12-05T10:15:01.000Z')),
    ).rejects.toMatchObject({ code: 'verification_code_refused' });
  });
});
