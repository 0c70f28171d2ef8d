import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountHandlers, type AccountHandlers } from '../../commands/accounts/account-handlers.ts';
import { accountSecrets } from '../../infra/auth/account-secrets.ts';
import { listDeliveries } from '../../infra/mail/mail-deliveries.ts';
import { sqlMailQueue } from '../../infra/mail/sql-mail-queue.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { saveCustomerContact, sqlCustomerContacts } from './customer-contacts.ts';
import { handleCustomerEvent, mayMail } from './customer-preferences.ts';
import { handleNotificationEvent } from './notification-handler.ts';

/**
 * The notification consumer fed by a customer's events (handed over as the bus would, in order):
 * the address comes from sign-up, the mail choices from consent and preferences, and a hand-set
 * contact (`qm mail contact`) never replaces it.
 */
describe('the notification consumer and customer accounts', () => {
  let h: CommandHarness;
  let accounts: AccountHandlers;
  const log = pino({ level: 'silent' });
  let fed = 0;
  /** Hands every event appended since the last call to the consumer's handlers. */
  async function feed() {
    const events = await h.store.readAll({ maxCount: 10_000 });
    for (const event of events.slice(fed)) {
      if (!(await handleCustomerEvent(h.sql, event))) {
        await handleNotificationEvent(h.sql, event, {
          adminEmails: [],
          contacts: sqlCustomerContacts(h.sql),
          log,
        });
      }
    }
    fed = events.length;
  }

  beforeAll(async () => {
    h = await commandHarness('pglite');
    accounts = accountHandlers({
      runtime: commandRuntime(h.store),
      secrets: accountSecrets,
      mail: sqlMailQueue(h.sql),
    });
    const ctx = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    await h.handlers.createProduct(
      {
        productId: 'p1',
        sku: 'SKU-1',
        name: 'Hammer',
        description: '',
        brand: 'Acme',
        category: 'tools',
        attributes: {},
        allowBackorder: false,
        price: { amount: 1000, currency: 'EUR' },
      },
      ctx,
    );
    await h.handlers.receiveStock({ sku: 'SKU-1', location: 'berlin', quantity: 10, reference: null }, ctx);
  });
  afterAll(() => h.dispose());

  it('mails the order confirmation to the address the sign-up gave, not a hand-set one', async () => {
    await accounts.customers.signUp(
      {
        customerId: 'ada',
        email: 'ada@example.com',
        name: 'Ada',
        password: 'a long passphrase',
        marketingConsent: false,
      },
      h.context(),
    );
    await feed();
    await saveCustomerContact(h.sql, 'ada', 'someone-else@example.com');
    expect(await sqlCustomerContacts(h.sql).emailsOf(['ada', 'nobody'])).toEqual(
      new Map([['ada', 'ada@example.com']]),
    );
    await h.handlers.placeOrder(
      {
        orderId: 'o-1',
        customerId: 'ada',
        currency: 'EUR',
        lines: [{ productId: 'p1', quantity: 1 }],
        shippingAddress: berlinAddress,
      },
      h.context(),
    );
    await feed();
    const mails = (await listDeliveries(h.sql, { limit: 100 })).filter(
      (d) => d.template === 'order-confirmation',
    );
    expect(mails.map((d) => d.to)).toEqual(['ada@example.com']);
  });

  it('sends transactional mail always, marketing only with consent and choice, reminders when chosen', async () => {
    await accounts.customers.signUp(
      {
        customerId: 'bo',
        email: 'bo@example.com',
        name: null,
        password: 'a long passphrase',
        marketingConsent: false,
      },
      h.context(),
    );
    await feed();
    const kinds = async () => ({
      transactional: await mayMail(h.sql, 'bo', 'transactional'),
      marketing: await mayMail(h.sql, 'bo', 'marketing'),
      reminder: await mayMail(h.sql, 'bo', 'reminder'),
    });
    expect(await kinds()).toEqual({ transactional: true, marketing: false, reminder: false });
    await accounts.customers.recordConsent('bo', true, 'profile', h.context());
    await accounts.customers.setPreferences('bo', { marketing: true, reminder: true }, h.context());
    await feed();
    expect(await kinds()).toEqual({ transactional: true, marketing: true, reminder: true });
    await accounts.customers.recordConsent('bo', false, 'profile', h.context());
    await feed();
    expect(await kinds()).toEqual({ transactional: true, marketing: false, reminder: true });
    // A customer known only from an imported order gets transactional mail only.
    expect(await mayMail(h.sql, 'imported-1', 'marketing')).toBe(false);
    expect(await mayMail(h.sql, 'imported-1', 'transactional')).toBe(true);
  });
});
