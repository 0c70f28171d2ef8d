import { customerHandlers } from '../commands/customers/customer-handlers.ts';
import { accountSecrets } from '../infra/auth/account-secrets.ts';
import { sqlMailQueue } from '../infra/mail/sql-mail-queue.ts';
import { commandRuntime } from '../ops/compose/command-runtime.ts';
import type { CommandHarness } from './command-harness.ts';

function accounts(h: CommandHarness) {
  return customerHandlers({
    runtime: commandRuntime(h.store),
    secrets: accountSecrets,
    mail: sqlMailQueue(h.sql),
  });
}

/**
 * A customer account signed up as a shopper would (`customer-{id}`), then put in `groups` by an
 * admin: what customer-group promotions and price lists read.
 */
export async function customerInGroups(
  h: CommandHarness,
  customerId: string,
  groups: string[],
): Promise<void> {
  await accounts(h).signUp(
    {
      customerId,
      email: `${customerId}@example.com`,
      name: customerId,
      password: 'a long enough passphrase',
      marketingConsent: false,
    },
    h.context({ id: customerId, role: 'customer' }),
  );
  if (groups.length > 0) await setCustomerGroups(h, customerId, groups);
}

/** An admin puts a signed-up customer in `groups` (replacing the ones they had). */
export async function setCustomerGroups(
  h: CommandHarness,
  customerId: string,
  groups: string[],
): Promise<void> {
  await accounts(h).setGroups(customerId, groups, h.context());
}
