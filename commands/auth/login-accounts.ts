import { customerDecider, type CustomerState } from '../../domain/customers/index.ts';
import { emailClaimDecider, type EmailClaimState } from '../../domain/email-claims/index.ts';
import { customerStream, emailClaimStream } from '../../domain/streams.ts';
import type { Decider, DomainEvent } from '../../domain/decider.ts';
import type { LoginAccount, LoginAccounts } from '../../ports/login-accounts.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { emailHash } from './login-email.ts';

/** Resolves staff accounts by id (the staff accounts' own streams); the email claim names them. */
export type StaffAccounts = (accountId: string) => Promise<LoginAccount | null>;

/**
 * Login accounts from the event streams: the email claim (`email-{kind}.{hash}`) names the account, the
 * customer's stream gives its password hash. A customer logs in once the email is verified.
 * Staff accounts come from `staff` (their invitations live in their own streams); without it, no
 * staff account can log in.
 */
export function eventSourcedLoginAccounts(runtime: CommandRuntime, staff?: StaffAccounts): LoginAccounts {
  const load = async <S>(decider: Decider<unknown, DomainEvent, S>, stream: string) =>
    (await loadAggregate(runtime.store, decider, stream, runtime.cache, false, runtime.upcasters)).state;
  const customer = async (accountId: string): Promise<LoginAccount | null> => {
    const state = await load<CustomerState>(customerDecider, customerStream(accountId));
    if (state.status !== 'active') return null;
    return {
      accountId,
      kind: 'customer',
      passwordHash: state.passwordHash,
      role: 'customer',
      roles: ['customer'],
    };
  };
  const byId: LoginAccounts['byId'] = (accountId, kind) =>
    kind === 'customer' ? customer(accountId) : staff ? staff(accountId) : Promise.resolve(null);
  return {
    byId,
    async byEmail(email) {
      // Sign-up and staff invitations claim the address per kind of account (`email-{kind}.{hash}`).
      for (const kind of ['customer', 'staff'] as const) {
        const claim = await load<EmailClaimState>(
          emailClaimDecider,
          emailClaimStream(kind, emailHash(email)),
        );
        if (claim.status === 'claimed') return byId(claim.accountId, kind);
      }
      return null;
    },
  };
}
