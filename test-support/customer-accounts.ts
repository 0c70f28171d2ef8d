import { customerHandlers } from '../commands/customers/customer-handlers.ts';
import { accountSecrets } from '../infra/auth/account-secrets.ts';
import { sqlMailQueue } from '../infra/mail/sql-mail-queue.ts';
import { commandRuntime } from '../ops/compose/command-runtime.ts';
import type { CommandHarness } from './command-harness.ts';

/**
 * A customer account signed up as a shopper would (`customer-{id}`), then put in `groups` by an
 * admin: what customer-group promotions and price lists read.
 */
export async function customerInGroups(
  h: CommandHarness,
  customerId: string,
  groups: string[],
): Promise<void> {
  const accounts = customerHandlers({
    runtime: commandRuntime(h.store),
    secrets: accountSecrets,
    mail: sqlMailQueue(h.sql),
  });
  await accounts.signUp(
    {
      customerId,
      email: `${customerId}@example.com`,
      name: customerId,
      password: 'a long enough passphrase',
      marketingConsent: false,
    },
    h.context({ id: customerId, role: 'customer' }),
  );
  if (groups.length > 0) await accounts.setGroups(customerId, groups, h.context());
}
