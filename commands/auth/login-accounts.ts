import { customerDecider, type CustomerState } from '../../domain/customers/index.ts';
import { emailClaimDecider, type EmailClaimState } from '../../domain/email-claims/index.ts';
import { staffDecider, type StaffState } from '../../domain/staff/index.ts';
import { customerStream, emailClaimStream, staffStream } from '../../domain/streams.ts';
import type { Decider, DomainEvent } from '../../domain/decider.ts';
import type { LoginAccount, LoginAccounts } from '../../ports/login-accounts.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { emailHash } from './login-email.ts';

/** Resolves staff accounts by id (the staff accounts' own streams); the email claim names them. */
export type StaffAccounts = (accountId: string) => Promise<LoginAccount | null>;

/**
 * The `role` claim of a staff account: `admin` when its roles hold the built-in admin role, `staff`
 * otherwise (custom roles grant through the `roles` claim, checked against the role catalogue).
 */
export const staffTokenRole = (roles: readonly string[]): 'admin' | 'staff' =>
  roles.includes('admin') ? 'admin' : 'staff';

/**
 * Login accounts from the event streams: the email claim (`email-{kind}.{hash}`) names the account,
 * the account's own stream gives its password hash. A customer logs in once the email is verified;
 * a staff member once the invitation is accepted (the invitation claims `email-staff.{hash}`), with
 * the roles the account holds now. `staff` replaces the staff source (tests); by default it is the
 * `staff-{id}` stream.
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
  const staffMember = async (accountId: string): Promise<LoginAccount | null> => {
    const state = await load<StaffState>(staffDecider, staffStream(accountId));
    if (state.status !== 'active' || state.passwordHash === null) return null;
    return {
      accountId,
      kind: 'staff',
      passwordHash: state.passwordHash,
      role: staffTokenRole(state.roles),
      roles: state.roles,
    };
  };
  const byId: LoginAccounts['byId'] = (accountId, kind) =>
    kind === 'customer' ? customer(accountId) : (staff ?? staffMember)(accountId);
  return {
    byId,
    async byEmail(email) {
      // Sign-up and staff invitations claim the address per kind of account (`email-{kind}.{hash}`).
      for (const kind of ['customer', 'staff'] as const) {
        const claim = await load<EmailClaimState>(
          emailClaimDecider,
          emailClaimStream(kind, emailHash(email)),
        );
        // An unverified customer sign-up on a staff member's address must not block their login.
        const account = claim.status === 'claimed' ? await byId(claim.accountId, kind) : null;
        if (account) return account;
      }
      return null;
    },
  };
}
